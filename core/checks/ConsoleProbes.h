#pragma once

#include "ConsoleFacts.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>

class QNetworkAccessManager;

namespace difusor::checks {

// One reading of the server clock: console time when the request left and when the answer came
// (microseconds since the epoch) and the server's `date +%s.%N` in between.
struct ClockSample
{
    qint64 sentUs = 0;
    qint64 receivedUs = 0;
    double serverSeconds = 0;
};

// NTP-style: the sample with the shortest round trip wins; its server time is compared with the
// midpoint of the round trip. Returns offset (server minus console) and uncertainty (half the round
// trip) in milliseconds; nothing without a sample.
struct ClockOffset
{
    double offsetMs = 0;
    double uncertaintyMs = 0;
};
std::optional<ClockOffset> clockOffset(const QList<ClockSample> &samples);

// Mb/s of a transfer of `bytes` that took `elapsedMs`, minus the command's fixed cost (an empty
// command's round trip). Nothing when the numbers do not allow a measure.
std::optional<double> throughputMbps(qint64 bytes, double elapsedMs, double overheadMs);

// Headers that reveal a CDN / WAF / DDoS filter in front of the portal ("cf-ray", "x-amz-cf-id", …).
QStringList cdnHints(const QList<QPair<QByteArray, QByteArray>> &headers);

// GET of the portal URL over HTTPS: status, certificate chain, expiry, name check, CDN headers.
class UrlProbe final : public QObject
{
    Q_OBJECT
public:
    explicit UrlProbe(QObject *parent = nullptr);
    void start(const QUrl &url, int timeoutMs);

Q_SIGNALS:
    void finished(const difusor::checks::UrlFacts &facts);

private:
    QNetworkAccessManager *m_manager;
};

// TCP connects from the console to host:port for each port (all in parallel), plus the address
// the host name resolved to.
class PortProbe final : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    void start(const QString &host, const QList<int> &ports, int timeoutMs);

Q_SIGNALS:
    void finished(const QMap<int, difusor::checks::PortReach> &reach, const QString &address);

private:
    void finishOne(int port, const PortReach &reach);
    QMap<int, PortReach> m_reach;
    QString m_address;
    int m_pending = 0;
};

} // namespace difusor::checks
