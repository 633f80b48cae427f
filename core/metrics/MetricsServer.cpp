#include "MetricsServer.h"

#include "common/Tr.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QTcpServer>

namespace difusor::metrics {

namespace {

// One media range of an Accept header: "type/subtype; version=…; q=…".
struct MediaRange
{
    QByteArray type;
    QByteArray version;
    double q = 1.0;
};

MediaRange parseRange(const QByteArray &text)
{
    MediaRange range;
    const QList<QByteArray> parts = text.split(';');
    range.type = parts.value(0).trimmed().toLower();
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray param = parts.at(i).trimmed();
        const qsizetype eq = param.indexOf('=');
        if (eq < 0)
            continue;
        const QByteArray key = param.left(eq).trimmed().toLower();
        const QByteArray value = param.mid(eq + 1).trimmed();
        if (key == "q") {
            bool ok = false;
            const double q = value.toDouble(&ok);
            range.q = ok && q >= 0 && q <= 1 ? q : 0;
        } else if (key == "version") {
            range.version = value;
        }
    }
    return range;
}

QString hostText(const QHostAddress &address)
{
    return address.protocol() == QAbstractSocket::IPv6Protocol ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                                                               : address.toString();
}

} // namespace

MetricsServer::MetricsServer(const MetricsRegistry *registry, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_http(std::make_unique<QHttpServer>())
{
    m_http->route(QStringLiteral("/metrics"), QHttpServerRequest::Method::Get, [this](const QHttpServerRequest &request) {
        QByteArray accept;
        for (const auto &[name, value] : request.headers()) {
            if (name.compare("accept", Qt::CaseInsensitive) == 0)
                accept += (accept.isEmpty() ? QByteArray() : QByteArrayLiteral(",")) + value;
        }
        const MetricsRegistry::Format format = negotiate(accept);
        QHttpServerResponse response(MetricsRegistry::contentType(format), m_registry->render(format));
        Q_EMIT scraped(format);
        return response;
    });
}

MetricsServer::~MetricsServer() = default;

bool MetricsServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    close();
    // Our own QTcpServer, bound to the HTTP server only once it listens: QHttpServer::listen() in Qt 6.4
    // returns 0 on failure and keeps the reason to itself.
    auto tcp = std::make_unique<QTcpServer>();
    if (!tcp->listen(address, port)) {
        if (error) {
            const QString where = hostText(address) + QLatin1Char(':') + QString::number(port);
            *error = tcp->serverError() == QAbstractSocket::AddressInUseError
                ? Tr::tr("No se pudo abrir el puerto de métricas %1: ya lo usa otro programa.").arg(where)
                : Tr::tr("No se pudo abrir el puerto de métricas %1: %2").arg(where, tcp->errorString());
        }
        return false;
    }
    m_tcp = tcp.release();
    m_http->bind(m_tcp); // takes ownership
    return true;
}

void MetricsServer::close()
{
    if (!m_tcp)
        return;
    m_tcp->close();
    m_tcp->deleteLater(); // may be inside one of its own signals
    m_tcp = nullptr;
}

bool MetricsServer::isListening() const
{
    return m_tcp && m_tcp->isListening();
}

QHostAddress MetricsServer::address() const
{
    return isListening() ? m_tcp->serverAddress() : QHostAddress();
}

quint16 MetricsServer::port() const
{
    return isListening() ? m_tcp->serverPort() : 0;
}

MetricsRegistry::Format MetricsServer::negotiate(const QByteArray &accept)
{
    double openMetrics = -1; // best q of each format; -1: not named
    double text = -1;
    double wildcard = -1;
    for (const QByteArray &item : accept.split(',')) {
        if (item.trimmed().isEmpty())
            continue;
        const MediaRange range = parseRange(item);
        if (range.type == "application/openmetrics-text") {
            if (range.version.isEmpty() || range.version.startsWith("1."))
                openMetrics = qMax(openMetrics, range.q);
        } else if (range.type == "text/plain") {
            if (range.version.isEmpty() || range.version == "0.0.4")
                text = qMax(text, range.q);
        } else if (range.type == "*/*") {
            wildcard = qMax(wildcard, range.q);
        }
    }
    // A format not named is worth what the wildcard is worth.
    const double om = openMetrics >= 0 ? openMetrics : wildcard;
    const double plain = text >= 0 ? text : wildcard;
    return plain > om ? MetricsRegistry::Format::PrometheusText : MetricsRegistry::Format::OpenMetrics;
}

std::optional<std::pair<QHostAddress, quint16>> MetricsServer::parseListen(const QString &text, QString *error)
{
    auto fail = [&](const QString &reason) -> std::optional<std::pair<QHostAddress, quint16>> {
        if (error)
            *error = reason;
        return std::nullopt;
    };
    const QString formatError =
        Tr::tr("Dirección de métricas no válida: «%1». Se espera DIRECCIÓN:PUERTO, [IPv6]:PUERTO o :PUERTO.")
            .arg(text);
    const QString t = text.trimmed();
    const qsizetype colon = t.lastIndexOf(QLatin1Char(':'));
    if (colon < 0)
        return fail(formatError);
    QString host = t.left(colon);
    const QString portText = t.mid(colon + 1);

    bool ok = false;
    const uint port = portText.toUInt(&ok, 10);
    if (portText.isEmpty() || !ok || port > 65535 || portText.startsWith(QLatin1Char('+')))
        return fail(Tr::tr("Puerto de métricas no válido: «%1» (de 0 a 65535).").arg(portText));

    QHostAddress address;
    if (host.isEmpty()) {
        address = QHostAddress(QHostAddress::LocalHost);
    } else if (host.startsWith(QLatin1Char('['))) {
        if (!host.endsWith(QLatin1Char(']')))
            return fail(formatError);
        host = host.mid(1, host.size() - 2);
        if (!address.setAddress(host) || address.protocol() != QAbstractSocket::IPv6Protocol)
            return fail(formatError);
    } else if (host == QLatin1String("localhost")) {
        address = QHostAddress(QHostAddress::LocalHost);
    } else {
        // An IPv6 address needs its brackets: "::1:9464" is ambiguous.
        if (!address.setAddress(host) || address.protocol() != QAbstractSocket::IPv4Protocol)
            return fail(formatError);
    }
    return std::make_pair(address, quint16(port));
}

} // namespace difusor::metrics
