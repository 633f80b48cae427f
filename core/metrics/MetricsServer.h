#pragma once

#include "MetricsRegistry.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>
#include <optional>
#include <utility>

QT_BEGIN_NAMESPACE
class QHttpServer;
class QTcpServer;
QT_END_NAMESPACE

namespace difusor::metrics {

// Serves GET /metrics from a registry over HTTP (Qt HttpServer), for Prometheus to scrape. Every other
// path (and any other method) gets 404. Lives on the registry's thread; the registry must outlive it.
//
// The format follows the request's Accept header: OpenMetrics 1.0 (what Prometheus asks for first)
// unless the client prefers "text/plain" (version 0.0.4) to it; no Accept or "*/*" (curl, a browser)
// gets OpenMetrics.
class MetricsServer final : public QObject
{
    Q_OBJECT
public:
    explicit MetricsServer(const MetricsRegistry *registry, QObject *parent = nullptr);
    ~MetricsServer() override;

    // Starts listening (port 0: any free port, see port()); a server already listening is closed first.
    // False and a translated reason (e.g. the port is taken) on failure.
    bool listen(const QHostAddress &address, quint16 port, QString *error = nullptr);
    void close();
    bool isListening() const;
    QHostAddress address() const;
    quint16 port() const; // the bound port; 0 when not listening

    // "127.0.0.1:9464", "[::1]:9464", "0.0.0.0:9464", or ":9464" (= 127.0.0.1: never every interface
    // unless the user writes 0.0.0.0 or [::]). Port 0 means any free port. nullopt and a translated
    // reason for anything else (host names included: nothing is resolved).
    static std::optional<std::pair<QHostAddress, quint16>> parseListen(const QString &text, QString *error = nullptr);

    // The format to answer an Accept header with (see the class comment).
    static MetricsRegistry::Format negotiate(const QByteArray &accept);

Q_SIGNALS:
    // After each answer on /metrics.
    void scraped(difusor::metrics::MetricsRegistry::Format format);

private:
    const MetricsRegistry *m_registry;
    std::unique_ptr<QHttpServer> m_http;
    QPointer<QTcpServer> m_tcp; // owned by m_http once bound
};

} // namespace difusor::metrics
