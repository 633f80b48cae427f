#pragma once

#include "IncidentRules.h"
#include "SiteCut.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QTimer>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace difusor {
struct Profile;
}

namespace difusor::cuts {

struct LagProbeConfig
{
    QUrl officialUrl;
    QUrl difusorUrl;
    std::optional<SiteCutRule> officialRule; // unset: JSON or HTML default by the response's type
    std::optional<SiteCutRule> difusorRule;
    int normalIntervalMs = 5000; // gentle on the servers
    int fastIntervalMs = 250;    // around an expected change
    // The official site is the reference: it is read at least this often whatever ours does, so when
    // it shows a cut is known to about this much, never only once our package arrived (conditional
    // GETs: an unchanged page is a 304 without a body).
    int officialIntervalMs = 1000;
    int timeoutMs = 10000;       // whole request, connect to last byte
    qint64 cutIntervalMs = 15 * 60 * 1000;
    int anticipateMs = 20000;          // start polling fast this long before the next expected cut
    int fastWindowMaxMs = 10 * 60 * 1000; // never poll fast longer than this for one trigger
    QList<QSslCertificate> extraCaCertificates; // a private CA (sandbox, tests); system CAs stay trusted

    // difusor_url, official_url, cut_interval_s; optional extra keys poll_interval_ms,
    // fast_poll_interval_ms, official_poll_interval_ms, poll_timeout_ms, official_cut_rule / difusor_cut_rule (SiteCutRule JSON).
    static LagProbeConfig fromProfile(const Profile &profile);
};

// Polls the official PREP site and ours, reads the cut each one displays, and records when each
// site first showed each cut; lag = ours minus official. Conditional GETs (If-None-Match,
// If-Modified-Since), TLS verified, one request per site at a time, bounded bodies.
//
// Accuracy: a sighting is stamped at the middle of the request that first returned it. Polling is
// every normalIntervalMs, and every fastIntervalMs while a change is expected: from expectCut()
// (a cut landed on our disk), from the moment one site shows a cut the other does not, and from
// anticipateMs before the official site's next cut is due, until both sites show it. The official
// site is also read at least every officialIntervalMs on its own cadence, so its sightings never wait
// for our package (a first cut of the night, an irregular cadence).
//
// Uncertainty: the cut appeared after the start of the last read that did not show it and before the
// end of the one that did; firstSeenUncertaintyMs() is the larger distance from the stamp to either
// end (a bound on the stamp's error). A lag's bound is the sum of its two sightings' bounds.
//
// The cut a site shows at its first answer after start() was already showing before we looked: when
// it first appeared is not known, so it is no sighting (cutAlreadyShowing, not cutFirstSeen) and no lag
// is measured for it (firstSeen() invalid, lagMs() empty).
class LagProbe final : public QObject
{
    Q_OBJECT
public:
    explicit LagProbe(const LagProbeConfig &config, QObject *parent = nullptr);
    ~LagProbe() override;

    void start();
    void stop();
    bool isRunning() const { return m_running; }

    // A new cut is on our disk: poll fast until both sites show it (or something newer).
    void expectCut(const QDateTime &cutUtc);

    bool isFast() const;
    QDateTime shownCut(Site site) const;
    QDateTime firstSeen(Site site, const QDateTime &cutUtc) const;
    std::optional<qint64> lagMs(const QDateTime &cutUtc) const; // ours - official, both seen
    // The bound on a sighting's error (see above); empty when it was not seen to appear.
    std::optional<qint64> firstSeenUncertaintyMs(Site site, const QDateTime &cutUtc) const;
    std::optional<qint64> lagUncertaintyMs(const QDateTime &cutUtc) const; // both bounds added
    qint64 pollCount(Site site) const;
    qint64 notModifiedCount(Site site) const;

Q_SIGNALS:
    // Every successful poll (also 304), with the cut the site shows now.
    void siteShowed(difusor::cuts::Site site, const QDateTime &cutUtc, const QDateTime &atUtc);
    void cutFirstSeen(difusor::cuts::Site site, const QDateTime &cutUtc, const QDateTime &seenUtc);
    // The site's first answer showed this cut: it was there before we looked (first seen: unknown).
    void cutAlreadyShowing(difusor::cuts::Site site, const QDateTime &cutUtc, const QDateTime &atUtc);
    void lagMeasured(const QDateTime &cutUtc, qint64 lagMs);
    void siteFailed(difusor::cuts::Site site, difusor::cuts::SiteErrorKind kind, const QString &detail,
                    const QDateTime &atUtc);

private:
    struct SitePoller
    {
        Site site = Site::Official;
        QUrl url;
        std::optional<SiteCutRule> rule;
        QTimer timer;
        QPointer<QNetworkReply> reply;
        QTimer timeout;
        bool timedOut = false;
        bool tooLarge = false;
        QStringList sslErrors;
        QDateTime sentUtc;
        QElapsedTimer sentClock;
        QDateTime lastReadSentUtc; // start of the last request that read the page (200, 304, no cut)
        QMap<QDateTime, qint64> uncertaintyMs; // per cut seen to appear
        QByteArray etag;
        QByteArray lastModified;
        QDateTime shownCut;
        QMap<QDateTime, QDateTime> firstSeen; // invalid value: was already showing at the first answer
        bool answered = false;                // a page was read since start() (with a cut, or without one)
        qint64 polls = 0;
        qint64 notModified = 0;
    };

    SitePoller &poller(Site site) { return site == Site::Official ? m_official : m_difusor; }
    const SitePoller &poller(Site site) const { return site == Site::Official ? m_official : m_difusor; }
    void setUp(SitePoller &p, Site site, const QUrl &url, const std::optional<SiteCutRule> &rule);
    void poll(SitePoller &p);
    void finished(SitePoller &p, QNetworkReply *reply);
    void fail(SitePoller &p, SiteErrorKind kind, const QString &detail, const QDateTime &at);
    void showed(SitePoller &p, const QDateTime &cutUtc, const QDateTime &at, const QDateTime &endUtc);
    void schedule(SitePoller &p);
    void updateFastMode();
    int intervalMs(const SitePoller &p) const;

    LagProbeConfig m_config;
    QNetworkAccessManager *m_network = nullptr;
    SitePoller m_official;
    SitePoller m_difusor;
    bool m_running = false;
    QDateTime m_fastTarget;   // poll fast until both sites show this cut
    QDateTime m_fastUntil;    // … or until then
    QDateTime m_anticipateFrom;
    QDateTime m_anticipateUntil;
};

} // namespace difusor::cuts
