#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <functional>

class QLocalServer;
class QLocalSocket;

namespace difusor::sandbox {

// The running sandbox's control channel: a local socket in its state folder (its path is the profile's
// "sandbox_control" key). One JSON object per line in, one JSON object per line back.
class ControlServer final : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<QJsonObject(const QJsonObject &request)>;
    ControlServer(Handler handler, QObject *parent = nullptr);

    bool listen(const QString &path, QString *error);
    void close();

private:
    void serve(QLocalSocket *socket);

    Handler m_handler;
    QLocalServer *m_server;
};

// Client side, for `difusor-console sandbox fault`: sends one request, reports the answer.
class ControlClient final : public QObject
{
    Q_OBJECT
public:
    explicit ControlClient(QObject *parent = nullptr);
    void send(const QString &path, const QJsonObject &request);

Q_SIGNALS:
    void answered(const QJsonObject &reply);
    void failed(const QString &message);

private:
    QLocalSocket *m_socket;
    QByteArray m_buffer;
    bool m_done = false;
};

} // namespace difusor::sandbox
