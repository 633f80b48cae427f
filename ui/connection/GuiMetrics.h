#pragma once

#include <QHash>
#include <QObject>

#include <memory>

namespace difusor::metrics {
class MetricsRegistry;
class MetricsServer;
class ServerMetrics;
}

namespace difusor::ui {

class ServerEntry;
class ServerSet;

// The GUI's /metrics endpoint for Prometheus (off by default; the setting metrics/listen holds
// "ADDR:PORT", 127.0.0.1 unless the user writes another address): every watched server's series,
// labelled server="<profile name>", from its sessions once it is identified.
class GuiMetrics final : public QObject
{
    Q_OBJECT
public:
    explicit GuiMetrics(ServerSet *servers, QObject *parent = nullptr);
    ~GuiMetrics() override;

    static QString defaultListen() { return QStringLiteral("127.0.0.1:9464"); }

    // Starts serving on `listen` ("ADDR:PORT", ":PORT"); false with a translated reason.
    bool start(const QString &listen, QString *error);
    void stop();
    bool isServing() const;
    QString url() const; // "http://127.0.0.1:9464/metrics", empty when off

private:
    void bind(ServerEntry *entry);
    void attach(ServerEntry *entry);

    ServerSet *m_servers;
    std::unique_ptr<metrics::MetricsRegistry> m_registry;
    std::unique_ptr<metrics::MetricsServer> m_server;
    QHash<ServerEntry *, metrics::ServerMetrics *> m_metrics;
    QList<QMetaObject::Connection> m_connections; // ours, dropped by stop()
};

} // namespace difusor::ui
