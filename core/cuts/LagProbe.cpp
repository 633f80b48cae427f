#include "LagProbe.h"

#include "common/ConsoleAgent.h"
#include "common/MexicoTime.h"
#include "common/Profile.h"
#include "common/Tr.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QSslError>

namespace difusor::cuts {

LagProbeConfig LagProbeConfig::fromProfile(const Profile &profile)
{
    LagProbeConfig c;
    c.officialUrl = QUrl(profile.officialUrl);
    c.difusorUrl = QUrl(profile.difusorUrl);
    c.cutIntervalMs = qint64(profile.cutIntervalS) * 1000;
    auto number = [&](const char *key, int current) {
        const QJsonValue v = profile.extra.value(QLatin1String(key));
        return v.isDouble() && v.toInt() > 0 ? v.toInt() : current;
    };
    c.normalIntervalMs = number("poll_interval_ms", c.normalIntervalMs);
    c.fastIntervalMs = number("fast_poll_interval_ms", c.fastIntervalMs);
    c.officialIntervalMs = number("official_poll_interval_ms", c.officialIntervalMs);
    c.timeoutMs = number("poll_timeout_ms", c.timeoutMs);
    if (profile.extra.value(QLatin1String("official_cut_rule")).isObject())
        c.officialRule = SiteCutRule::fromJson(profile.extra.value(QLatin1String("official_cut_rule")).toObject());
    if (profile.extra.value(QLatin1String("difusor_cut_rule")).isObject())
        c.difusorRule = SiteCutRule::fromJson(profile.extra.value(QLatin1String("difusor_cut_rule")).toObject());
    return c;
}

LagProbe::LagProbe(const LagProbeConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_network(new QNetworkAccessManager(this))
{
    setUp(m_official, Site::Official, config.officialUrl, config.officialRule);
    setUp(m_difusor, Site::Difusor, config.difusorUrl, config.difusorRule);
}

LagProbe::~LagProbe()
{
    stop();
}

void LagProbe::setUp(SitePoller &p, Site site, const QUrl &url, const std::optional<SiteCutRule> &rule)
{
    p.site = site;
    p.url = url;
    p.rule = rule;
    p.timer.setSingleShot(true);
    p.timer.setTimerType(Qt::PreciseTimer);
    p.timeout.setSingleShot(true);
    connect(&p.timer, &QTimer::timeout, this, [this, &p]() { poll(p); });
    connect(&p.timeout, &QTimer::timeout, this, [&p]() {
        if (p.reply) {
            p.timedOut = true;
            p.reply->abort();
        }
    });
}

void LagProbe::start()
{
    if (m_running)
        return;
    m_running = true;
    for (SitePoller *p : {&m_official, &m_difusor}) {
        p->answered = false; // what it shows at its next answer may have changed while we were not looking
        p->lastReadSentUtc = QDateTime();
        if (p->url.isValid() && !p->url.isEmpty())
            poll(*p);
    }
}

void LagProbe::stop()
{
    m_running = false;
    for (SitePoller *p : {&m_official, &m_difusor}) {
        p->timer.stop();
        p->timeout.stop();
        if (p->reply) {
            QNetworkReply *reply = p->reply;
            p->reply = nullptr;
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
    }
}

void LagProbe::expectCut(const QDateTime &cutUtc)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!m_fastTarget.isValid() || cutUtc > m_fastTarget)
        m_fastTarget = cutUtc;
    m_fastUntil = now.addMSecs(m_config.fastWindowMaxMs);
    updateFastMode();
}

bool LagProbe::isFast() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_fastTarget.isValid() && now < m_fastUntil)
        return true;
    return m_anticipateFrom.isValid() && now >= m_anticipateFrom && now < m_anticipateUntil;
}

int LagProbe::intervalMs(const SitePoller &p) const
{
    const int interval = isFast() ? m_config.fastIntervalMs : m_config.normalIntervalMs;
    if (p.site == Site::Official && m_config.officialIntervalMs > 0)
        return std::min(interval, m_config.officialIntervalMs); // its own cadence, whatever ours does
    return interval;
}

void LagProbe::updateFastMode()
{
    if (m_fastTarget.isValid()) {
        const bool bothShow = m_official.shownCut.isValid() && m_official.shownCut >= m_fastTarget
                              && m_difusor.shownCut.isValid() && m_difusor.shownCut >= m_fastTarget;
        if (bothShow || QDateTime::currentDateTimeUtc() >= m_fastUntil)
            m_fastTarget = QDateTime();
    }
    // A waiting poll may now be due sooner.
    for (SitePoller *p : {&m_official, &m_difusor}) {
        if (m_running && p->timer.isActive())
            schedule(*p);
    }
}

void LagProbe::schedule(SitePoller &p)
{
    if (!m_running || p.reply)
        return;
    // Start-to-start spacing, so a slow answer does not stretch the period.
    const qint64 since = p.sentClock.isValid() ? p.sentClock.elapsed() : intervalMs(p);
    p.timer.start(int(std::max<qint64>(0, intervalMs(p) - since)));
    // Re-check the anticipation window when it opens.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!isFast() && m_anticipateFrom.isValid() && now < m_anticipateFrom) {
        const qint64 untilWindow = now.msecsTo(m_anticipateFrom);
        if (untilWindow < p.timer.remainingTime())
            p.timer.start(int(untilWindow));
    }
}

void LagProbe::poll(SitePoller &p)
{
    if (!m_running || p.reply)
        return;
    QNetworkRequest request(p.url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setRawHeader("User-Agent", kLagProbeUserAgent);
    if (!p.etag.isEmpty())
        request.setRawHeader("If-None-Match", p.etag);
    if (!p.lastModified.isEmpty())
        request.setRawHeader("If-Modified-Since", p.lastModified);
    if (!m_config.extraCaCertificates.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(m_config.extraCaCertificates);
        request.setSslConfiguration(ssl);
    }
    p.timedOut = false;
    p.tooLarge = false;
    p.sslErrors.clear();
    p.sentUtc = QDateTime::currentDateTimeUtc();
    p.sentClock.start();
    ++p.polls;
    QNetworkReply *reply = m_network->get(request);
    p.reply = reply;
    p.timeout.start(m_config.timeoutMs);
    connect(reply, &QNetworkReply::downloadProgress, this, [&p, reply](qint64 received, qint64) {
        if (received > kMaxSiteBodyBytes && reply->isRunning()) {
            p.tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::sslErrors, this, [&p](const QList<QSslError> &errors) {
        // Never ignored: a certificate problem is an incident, not something to click through.
        for (const QSslError &e : errors)
            p.sslErrors.append(e.errorString());
    });
    connect(reply, &QNetworkReply::finished, this, [this, &p, reply]() { finished(p, reply); });
}

void LagProbe::finished(SitePoller &p, QNetworkReply *reply)
{
    reply->deleteLater();
    if (p.reply != reply)
        return; // stopped meanwhile
    p.reply = nullptr;
    p.timeout.stop();
    // The page's state is that of some instant during the request: take the middle.
    const qint64 tookMs = p.sentClock.elapsed();
    const QDateTime at = p.sentUtc.addMSecs(tookMs / 2);
    const QDateTime end = p.sentUtc.addMSecs(tookMs);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();

    if (p.timedOut) {
        fail(p, SiteErrorKind::Unreachable, Tr::tr("Sin respuesta en %1 ms.").arg(m_config.timeoutMs), at);
    } else if (p.tooLarge) {
        fail(p, SiteErrorKind::NoCut, Tr::tr("La respuesta es demasiado grande."), at);
    } else if (!p.sslErrors.isEmpty() || reply->error() == QNetworkReply::SslHandshakeFailedError) {
        fail(p, SiteErrorKind::Certificate,
             p.sslErrors.isEmpty() ? reply->errorString() : p.sslErrors.join(QStringLiteral("; ")), at);
    } else if (status >= 400) {
        p.answered = true; // the site answered: whatever cut it shows later, we see it appear
        p.lastReadSentUtc = p.sentUtc;
        fail(p, SiteErrorKind::Http, Tr::tr("HTTP %1 en %2.").arg(status).arg(p.url.toDisplayString()), at);
    } else if (reply->error() != QNetworkReply::NoError || status == 0) {
        fail(p, SiteErrorKind::Unreachable, reply->errorString(), at);
    } else if (status == 304) {
        ++p.notModified;
        showed(p, p.shownCut, at, end);
    } else {
        const QByteArray body = reply->read(kMaxSiteBodyBytes + 1);
        const QByteArray contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        const SiteCutRule rule = p.rule ? *p.rule : defaultRuleFor(p.url.path(), contentType);
        const SiteCutResult result = extractSiteCut(rule, body);
        if (!result.cut) {
            // Forget the validators: the next answer must be a full page again.
            p.etag.clear();
            p.lastModified.clear();
            p.answered = true; // a page without a cut: the next cut it shows is seen to appear
            p.lastReadSentUtc = p.sentUtc;
            fail(p, SiteErrorKind::NoCut, result.error, at);
        } else {
            p.etag = reply->rawHeader("ETag").left(200);
            p.lastModified = reply->rawHeader("Last-Modified").left(100);
            // Validators have one-second resolution (nginx: ETag = mtime-size). A page modified in
            // the very second it was served could change again within that second with the same
            // size and the same validators: stay unconditional until its second is over.
            const QByteArray date = reply->rawHeader("Date");
            if (!date.isEmpty() && date == p.lastModified) {
                p.etag.clear();
                p.lastModified.clear();
            }
            showed(p, result.cut->utc, at, end);
        }
    }
    schedule(p);
}

void LagProbe::fail(SitePoller &p, SiteErrorKind kind, const QString &detail, const QDateTime &at)
{
    Q_EMIT siteFailed(p.site, kind, detail, at);
}

void LagProbe::showed(SitePoller &p, const QDateTime &cutUtc, const QDateTime &at, const QDateTime &endUtc)
{
    const bool isNew = cutUtc.isValid() && !p.firstSeen.contains(cutUtc);
    const bool alreadyShowing = cutUtc.isValid() && !p.answered;
    if (cutUtc.isValid())
        p.answered = true;
    if (isNew) {
        p.firstSeen.insert(cutUtc, alreadyShowing ? QDateTime() : at);
        if (!alreadyShowing && p.lastReadSentUtc.isValid()) {
            // Appeared after the last read that did not show it began, and before this one ended.
            p.uncertaintyMs.insert(cutUtc, std::max(p.lastReadSentUtc.msecsTo(at), at.msecsTo(endUtc)));
        }
        while (p.firstSeen.size() > 256)
            p.firstSeen.erase(p.firstSeen.begin());
        while (p.uncertaintyMs.size() > 256)
            p.uncertaintyMs.erase(p.uncertaintyMs.begin());
    }
    p.lastReadSentUtc = p.sentUtc;
    p.shownCut = cutUtc;
    Q_EMIT siteShowed(p.site, cutUtc, at);
    if (!isNew) {
        updateFastMode();
        return;
    }
    if (alreadyShowing) {
        Q_EMIT cutAlreadyShowing(p.site, cutUtc, at);
    } else {
        Q_EMIT cutFirstSeen(p.site, cutUtc, at);
    }

    SitePoller &other = p.site == Site::Official ? m_difusor : m_official;
    if (!other.shownCut.isValid() || other.shownCut < cutUtc) {
        // One site moved ahead: the other should follow soon; watch it closely.
        if (!m_fastTarget.isValid() || cutUtc > m_fastTarget)
            m_fastTarget = cutUtc;
        m_fastUntil = at.addMSecs(m_config.fastWindowMaxMs);
    }
    if (p.site == Site::Official && m_config.cutIntervalMs > 0 && !alreadyShowing) {
        // The next official cut is due one interval after this one appeared.
        m_anticipateFrom = at.addMSecs(m_config.cutIntervalMs - m_config.anticipateMs);
        m_anticipateUntil = at.addMSecs(m_config.cutIntervalMs + 3 * qint64(m_config.anticipateMs));
    }
    if (const auto lag = lagMs(cutUtc))
        Q_EMIT lagMeasured(cutUtc, *lag);
    updateFastMode();
}

QDateTime LagProbe::shownCut(Site site) const
{
    return poller(site).shownCut;
}

QDateTime LagProbe::firstSeen(Site site, const QDateTime &cutUtc) const
{
    return poller(site).firstSeen.value(cutUtc);
}

std::optional<qint64> LagProbe::lagMs(const QDateTime &cutUtc) const
{
    const QDateTime official = firstSeen(Site::Official, cutUtc);
    const QDateTime ours = firstSeen(Site::Difusor, cutUtc);
    if (!official.isValid() || !ours.isValid())
        return std::nullopt;
    return official.msecsTo(ours);
}

std::optional<qint64> LagProbe::firstSeenUncertaintyMs(Site site, const QDateTime &cutUtc) const
{
    const SitePoller &p = poller(site);
    const auto it = p.uncertaintyMs.constFind(cutUtc);
    if (it == p.uncertaintyMs.constEnd())
        return std::nullopt;
    return *it;
}

std::optional<qint64> LagProbe::lagUncertaintyMs(const QDateTime &cutUtc) const
{
    const auto official = firstSeenUncertaintyMs(Site::Official, cutUtc);
    const auto ours = firstSeenUncertaintyMs(Site::Difusor, cutUtc);
    if (!official || !ours)
        return std::nullopt;
    return *official + *ours;
}

qint64 LagProbe::pollCount(Site site) const
{
    return poller(site).polls;
}

qint64 LagProbe::notModifiedCount(Site site) const
{
    return poller(site).notModified;
}

} // namespace difusor::cuts
