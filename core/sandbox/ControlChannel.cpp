#include "ControlChannel.h"

#include "common/Tr.h"

#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTimer>

namespace difusor::sandbox {

namespace {
constexpr int MaxLineBytes = 16 * 1024;
constexpr int ClientTimeoutMs = 10000;
} // namespace

ControlServer::ControlServer(Handler handler, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
    , m_server(new QLocalServer(this))
{
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection())
            serve(socket);
    });
}

bool ControlServer::listen(const QString &path, QString *error)
{
    QLocalServer::removeServer(path);
    if (!m_server->listen(path)) {
        if (error)
            *error = Tr::tr("No se pudo abrir el canal de control %1: %2").arg(path, m_server->errorString());
        return false;
    }
    return true;
}

void ControlServer::close()
{
    m_server->close();
}

void ControlServer::serve(QLocalSocket *socket)
{
    connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(ClientTimeoutMs, socket, &QLocalSocket::abort);
    connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
        if (!socket->canReadLine()) {
            if (socket->bytesAvailable() > MaxLineBytes)
                socket->abort();
            return;
        }
        const QByteArray line = socket->readLine(MaxLineBytes);
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
        QJsonObject reply;
        if (!doc.isObject()) {
            reply.insert(QStringLiteral("ok"), false);
            reply.insert(QStringLiteral("error"), Tr::tr("Petición no válida: %1").arg(parseError.errorString()));
        } else {
            reply = m_handler(doc.object());
        }
        socket->write(QJsonDocument(reply).toJson(QJsonDocument::Compact) + '\n');
        socket->disconnectFromServer();
    });
}

ControlClient::ControlClient(QObject *parent)
    : QObject(parent)
    , m_socket(new QLocalSocket(this))
{
    connect(m_socket, &QLocalSocket::readyRead, this, [this] {
        m_buffer += m_socket->readAll();
        if (m_buffer.size() > MaxLineBytes || !m_buffer.contains('\n') || m_done)
            return;
        m_done = true;
        const QJsonDocument doc = QJsonDocument::fromJson(m_buffer.left(m_buffer.indexOf('\n')));
        if (doc.isObject())
            Q_EMIT answered(doc.object());
        else
            Q_EMIT failed(tr("El simulador respondió algo que no se entiende."));
    });
    connect(m_socket, &QLocalSocket::errorOccurred, this, [this](QLocalSocket::LocalSocketError error) {
        if (m_done || error == QLocalSocket::PeerClosedError)
            return;
        m_done = true;
        Q_EMIT failed(tr("No se pudo hablar con el simulador (%1): %2").arg(m_socket->serverName(), m_socket->errorString()));
    });
    connect(m_socket, &QLocalSocket::disconnected, this, [this] {
        if (m_done)
            return;
        m_done = true;
        Q_EMIT failed(tr("El simulador cerró el canal de control sin responder."));
    });
}

void ControlClient::send(const QString &path, const QJsonObject &request)
{
    QTimer::singleShot(ClientTimeoutMs, this, [this] {
        if (m_done)
            return;
        m_done = true;
        m_socket->abort();
        Q_EMIT failed(tr("El simulador no respondió."));
    });
    connect(m_socket, &QLocalSocket::connected, this, [this, request] {
        m_socket->write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
    });
    m_socket->connectToServer(path);
}

} // namespace difusor::sandbox
