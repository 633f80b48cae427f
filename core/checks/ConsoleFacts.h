#pragma once

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace difusor::checks {

// What the console measured itself (not through the probe): the SSH session, the portal over HTTPS,
// TCP reachability, clock offset, throughput.
struct UrlFacts
{
    QString url;            // empty: the connection profile defines none
    bool answered = false;  // an HTTP answer came back (any status)
    int httpStatus = 0;
    QString errorText;      // network / TLS error, translated or as Qt gives it
    bool tlsUsed = false;
    bool tlsValid = false;  // the chain verified and the name matched
    QStringList tlsErrors;
    QDateTime expiryUtc;
    QString subject;        // common name of the leaf certificate
    QString issuer;
    int chainLength = 0;
    QStringList cdnHints;   // headers that reveal a CDN / WAF ("cf-ray", "x-amz-cf-id", "server: cloudflare")
    qint64 durationMs = 0;
};

struct PortReach
{
    enum class Result { Open, Refused, Timeout, Error };
    Result result = Result::Error;
    QString text;     // translated detail
    qint64 durationMs = 0;
};

struct ConsoleFacts
{
    bool local = false;           // ran on this machine (LocalHost), no SSH involved
    bool sshConnected = false;
    bool sshFailureDefinite = false; // refused / auth rejected / host key: a real "no"
    QString sshTarget;            // "user@host:port"
    QString sshError;
    QString dialledAddress;       // the address the console reached the server at

    std::optional<double> clockOffsetMs;  // server minus console, round trip taken into account
    double clockUncertaintyMs = 0;        // half the best round trip
    QString clockEvidence;

    std::optional<double> uploadMbps;     // console → server
    std::optional<double> downloadMbps;   // server → console
    QString throughputEvidence;

    QMap<int, PortReach> reach;           // TCP ports tried from the console
    UrlFacts url;
    bool urlChecked = false;
    UrlFacts officialUrl;         // the profile's official_url (cfg.official_url)
    bool officialUrlChecked = false;
};

} // namespace difusor::checks
