#include "ConsoleProbes.h"

#include "common/Tr.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTimer>

#include <limits>

namespace difusor::checks {

std::optional<ClockOffset> clockOffset(const QList<ClockSample> &samples)
{
    std::optional<ClockOffset> best;
    double bestRtt = std::numeric_limits<double>::max();
    for (const ClockSample &s : samples) {
        const double rttMs = double(s.receivedUs - s.sentUs) / 1000.0;
        if (rttMs < 0 || s.serverSeconds <= 0 || rttMs >= bestRtt)
            continue;
        bestRtt = rttMs;
        const double midMs = (double(s.sentUs) + double(s.receivedUs)) / 2000.0;
        best = ClockOffset{s.serverSeconds * 1000.0 - midMs, rttMs / 2.0};
    }
    return best;
}

std::optional<double> throughputMbps(qint64 bytes, double elapsedMs, double overheadMs)
{
    const double transferMs = elapsedMs - std::max(0.0, overheadMs);
    if (bytes <= 0 || elapsedMs <= 0)
        return std::nullopt;
    // A transfer that took less than the fixed cost: the fixed cost estimate was noise; use a floor.
    const double ms = std::max(transferMs, elapsedMs * 0.1);
    return double(bytes) * 8.0 / (ms / 1000.0) / 1e6;
}

QStringList cdnHints(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QStringList hints;
    for (const auto &[rawName, rawValue] : headers) {
        const QByteArray name = rawName.toLower().left(64);
        const QByteArray value = rawValue.left(200);
        const QByteArray lowerValue = value.toLower();
        QString hint;
        if (name == "cf-ray" || (name == "server" && lowerValue.contains("cloudflare")))
            hint = QStringLiteral("Cloudflare");
        else if (name == "x-amz-cf-id" || (name == "via" && lowerValue.contains("cloudfront")))
            hint = QStringLiteral("CloudFront");
        else if (name.startsWith("x-akamai") || (name == "server" && lowerValue.contains("akamai")))
            hint = QStringLiteral("Akamai");
        else if (name == "x-sucuri-id" || (name == "server" && lowerValue.contains("sucuri")))
            hint = QStringLiteral("Sucuri WAF");
        else if (name == "x-fastly-request-id" || (name == "x-served-by" && lowerValue.contains("cache-")))
            hint = QStringLiteral("Fastly");
        else if (name == "x-azure-ref")
            hint = QStringLiteral("Azure Front Door");
        else if (name == "x-iinfo" || (name == "x-cdn" && lowerValue.contains("incapsula")))
            hint = QStringLiteral("Imperva");
        if (!hint.isEmpty()) {
            const QString text = QStringLiteral("%1 (%2: %3)").arg(hint, QString::fromLatin1(name),
                                                                  QString::fromLatin1(value.left(60)));
            if (!hints.contains(text) && hints.size() < 8)
                hints.append(text);
        }
    }
    return hints;
}

UrlProbe::UrlProbe(QObject *parent) : QObject(parent), m_manager(new QNetworkAccessManager(this)) {}

void UrlProbe::start(const QUrl &url, int timeoutMs)
{
    auto facts = std::make_shared<UrlFacts>();
    facts->url = url.toString();
    if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        facts->errorText = Tr::tr("URL no válida: %1").arg(url.toString());
        QTimer::singleShot(0, this, [this, facts] { Q_EMIT finished(*facts); });
        return;
    }
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("difusor-console/0.1 (verificación)"));
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    QNetworkReply *reply = m_manager->get(request);
    connect(reply, &QNetworkReply::sslErrors, this, [facts](const QList<QSslError> &errors) {
        for (const QSslError &e : errors)
            facts->tlsErrors.append(e.errorString());
    });
    // Only the status and headers matter: stop reading the body after a bounded amount.
    connect(reply, &QNetworkReply::readyRead, this, [reply] {
        if (reply->bytesAvailable() > 0)
            reply->read(reply->bytesAvailable());
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, facts, timer] {
        facts->durationMs = timer->elapsed();
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        facts->answered = status.isValid();
        facts->httpStatus = status.toInt();
        if (reply->error() != QNetworkReply::NoError && !facts->answered)
            facts->errorText = reply->errorString();
        facts->tlsUsed = reply->url().scheme() == QLatin1String("https");
        const QList<QSslCertificate> chain = reply->sslConfiguration().peerCertificateChain();
        facts->chainLength = int(chain.size());
        if (!chain.isEmpty()) {
            const QSslCertificate &leaf = chain.first();
            facts->expiryUtc = leaf.expiryDate().toUTC();
            facts->subject = leaf.subjectInfo(QSslCertificate::CommonName).join(QStringLiteral(", "));
            facts->issuer = leaf.issuerInfo(QSslCertificate::Organization).join(QStringLiteral(", "));
            if (facts->issuer.isEmpty())
                facts->issuer = leaf.issuerInfo(QSslCertificate::CommonName).join(QStringLiteral(", "));
        }
        facts->tlsValid = facts->tlsUsed && facts->answered && facts->tlsErrors.isEmpty();
        facts->cdnHints = cdnHints(reply->rawHeaderPairs());
        reply->deleteLater();
        Q_EMIT finished(*facts);
    });
}

void PortProbe::start(const QString &host, const QList<int> &ports, int timeoutMs)
{
    m_pending = int(ports.size());
    if (!QHostAddress(host).isNull())
        m_address = host;
    if (ports.isEmpty()) {
        QTimer::singleShot(0, this, [this] { Q_EMIT finished(m_reach, m_address); });
        return;
    }
    for (int port : ports) {
        auto *socket = new QTcpSocket(this);
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        auto *deadline = new QTimer(socket);
        deadline->setSingleShot(true);
        connect(socket, &QTcpSocket::connected, this, [this, socket, port, timer] {
            if (m_address.isEmpty())
                m_address = socket->peerAddress().toString();
            finishOne(port, PortReach{PortReach::Result::Open, {}, timer->elapsed()});
            socket->abort();
            socket->deleteLater();
        });
        connect(socket, &QTcpSocket::errorOccurred, this, [this, socket, port, timer](QAbstractSocket::SocketError e) {
            const PortReach::Result result = e == QAbstractSocket::ConnectionRefusedError ? PortReach::Result::Refused
                : e == QAbstractSocket::SocketTimeoutError ? PortReach::Result::Timeout
                                                            : PortReach::Result::Error;
            finishOne(port, PortReach{result, socket->errorString(), timer->elapsed()});
            socket->disconnect(this);
            socket->deleteLater();
        });
        connect(deadline, &QTimer::timeout, this, [this, socket, port, timer] {
            socket->disconnect(this);
            finishOne(port, PortReach{PortReach::Result::Timeout, Tr::tr("sin respuesta"), timer->elapsed()});
            socket->abort();
            socket->deleteLater();
        });
        deadline->start(timeoutMs);
        socket->connectToHost(host, quint16(port));
    }
}

void PortProbe::finishOne(int port, const PortReach &reach)
{
    if (m_reach.contains(port))
        return;
    m_reach.insert(port, reach);
    if (--m_pending == 0)
        Q_EMIT finished(m_reach, m_address);
}

} // namespace difusor::checks
