#include "IncidentRules.h"

#include "common/MexicoTime.h"
#include "common/Profile.h"
#include "common/Tr.h"

#include <QJsonValue>
#include <QStringList>

#include <cmath>

namespace difusor::cuts {

namespace {

constexpr int kKeepCuts = 256;
constexpr qint64 kAheadGraceMs = 2000; // our site may show a new cut just before the watcher reports it // per-cut history kept in memory (64 h at 15 min)

template<typename Map>
void prune(Map &map)
{
    while (map.size() > kKeepCuts)
        map.erase(map.begin());
}

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 1);
}

IncidentKind errorIncident(SiteErrorKind kind)
{
    switch (kind) {
    case SiteErrorKind::Unreachable: return IncidentKind::SiteUnreachable;
    case SiteErrorKind::Http: return IncidentKind::SiteHttpError;
    case SiteErrorKind::Certificate: return IncidentKind::Certificate;
    case SiteErrorKind::NoCut: return IncidentKind::SiteNoCut;
    }
    return IncidentKind::SiteUnreachable;
}

const IncidentKind kSiteErrorKinds[] = {IncidentKind::SiteUnreachable, IncidentKind::SiteHttpError,
                                        IncidentKind::Certificate, IncidentKind::SiteNoCut};

} // namespace

QString siteId(Site site)
{
    return site == Site::Official ? QStringLiteral("official") : QStringLiteral("difusor");
}

std::optional<bool> ourSiteAnswers(const IncidentChange &change)
{
    if (change.incident.kind != IncidentKind::SiteUnreachable || change.incident.subject != siteId(Site::Difusor))
        return std::nullopt;
    return change.type == IncidentChange::Type::Closed;
}

QString incidentKindId(IncidentKind kind)
{
    switch (kind) {
    case IncidentKind::LateCut: return QStringLiteral("late_cut");
    case IncidentKind::SkippedCut: return QStringLiteral("skipped_cut");
    case IncidentKind::Lag: return QStringLiteral("lag");
    case IncidentKind::StaleSite: return QStringLiteral("stale_site");
    case IncidentKind::CutBackwards: return QStringLiteral("cut_backwards");
    case IncidentKind::ClockSkew: return QStringLiteral("clock_skew");
    case IncidentKind::SiteUnreachable: return QStringLiteral("site_unreachable");
    case IncidentKind::SiteHttpError: return QStringLiteral("site_http_error");
    case IncidentKind::Certificate: return QStringLiteral("certificate");
    case IncidentKind::SiteNoCut: return QStringLiteral("site_no_cut");
    case IncidentKind::CutUnreadable: return QStringLiteral("cut_unreadable");
    case IncidentKind::CutNameMismatch: return QStringLiteral("cut_name_mismatch");
    }
    return QStringLiteral("unknown");
}

QString incidentKindText(IncidentKind kind)
{
    switch (kind) {
    case IncidentKind::LateCut: return Tr::tr("Corte retrasado");
    case IncidentKind::SkippedCut: return Tr::tr("Corte omitido");
    case IncidentKind::Lag: return Tr::tr("Desfase mayor al permitido");
    case IncidentKind::StaleSite: return Tr::tr("Sitio con corte viejo");
    case IncidentKind::CutBackwards: return Tr::tr("Corte hacia atrás");
    case IncidentKind::ClockSkew: return Tr::tr("Reloj desfasado");
    case IncidentKind::SiteUnreachable: return Tr::tr("Sitio inalcanzable");
    case IncidentKind::SiteHttpError: return Tr::tr("Error HTTP del sitio");
    case IncidentKind::Certificate: return Tr::tr("Problema de certificado");
    case IncidentKind::SiteNoCut: return Tr::tr("El sitio no muestra el corte");
    case IncidentKind::CutUnreadable: return Tr::tr("Paquete de corte ilegible");
    case IncidentKind::CutNameMismatch: return Tr::tr("El nombre del paquete no coincide con su corte");
    }
    return QString();
}

RuleConfig RuleConfig::fromProfile(const Profile &profile)
{
    RuleConfig c;
    c.cutIntervalMs = qint64(profile.cutIntervalS) * 1000;
    auto seconds = [&](const char *key, qint64 current) {
        const QJsonValue v = profile.extra.value(QLatin1String(key));
        return v.isDouble() && v.toDouble() > 0 ? qint64(v.toDouble() * 1000) : current;
    };
    // The sandbox advances its simulated night 15 minutes per cut, whatever the real interval.
    if (profile.extra.value(QLatin1String("sandbox")).toBool())
        c.cutStepMs = 15 * 60 * 1000;
    c.cutStepMs = seconds("cut_step_s", c.cutStepMs);
    c.lateMarginMs = seconds("late_margin_s", c.lateMarginMs);
    c.maxLagMs = seconds("max_lag_s", c.maxLagMs);
    c.staleAfterMs = seconds("stale_after_s", c.staleAfterMs);
    c.maxClockSkewMs = seconds("max_clock_skew_s", c.maxClockSkewMs);
    const QJsonValue failures = profile.extra.value(QLatin1String("site_failures_to_open"));
    if (failures.isDouble() && failures.toInt() >= 1)
        c.siteFailuresToOpen = failures.toInt();
    return c;
}

IncidentRules::IncidentRules(const RuleConfig &config)
    : m_config(config)
{
}

void IncidentRules::open(QList<IncidentChange> &out, IncidentKind kind, const QString &subject, const QDateTime &at,
                         const QString &detail)
{
    Incident incident;
    incident.id = m_nextId++;
    incident.kind = kind;
    incident.subject = subject;
    incident.opened = at.toUTC();
    incident.detail = detail;
    m_open.append(incident);
    out.append({IncidentChange::Type::Opened, incident});
}

void IncidentRules::close(QList<IncidentChange> &out, IncidentKind kind, const QDateTime &at, const QString &subject)
{
    for (qsizetype i = 0; i < m_open.size();) {
        Incident &incident = m_open[i];
        if (incident.kind == kind && (subject.isEmpty() || incident.subject == subject)) {
            // Never close before it opened (events revealed late carry earlier times).
            incident.closed = std::max(at.toUTC(), incident.opened);
            out.append({IncidentChange::Type::Closed, incident});
            m_open.removeAt(i);
        } else {
            ++i;
        }
    }
}

const Incident *IncidentRules::findOpen(IncidentKind kind, const QString &subject) const
{
    for (const Incident &incident : m_open) {
        if (incident.kind == kind && (subject.isEmpty() || incident.subject == subject))
            return &incident;
    }
    return nullptr;
}

bool IncidentRules::siteFailing(Site site) const
{
    for (IncidentKind kind : kSiteErrorKinds) {
        if (findOpen(kind, siteId(site)))
            return true;
    }
    return false;
}

QList<IncidentChange> IncidentRules::cutArrived(const CutEvent &cut)
{
    QList<IncidentChange> out;
    const QDateTime at = cut.arrivedUtc;
    if (!cut.cutUtc.isValid() || !at.isValid())
        return out;

    // A readable package of a cut time that came unreadable (or the same package, fixed) closes it.
    for (auto it = m_unreadable.begin(); it != m_unreadable.end();) {
        if (it.key() == cut.package || (it.value().isValid() && it.value() == cut.cutUtc)) {
            close(out, IncidentKind::CutUnreadable, at, it.key());
            it = m_unreadable.erase(it);
        } else {
            ++it;
        }
    }
    if (!cut.nameMismatch.isEmpty()) {
        open(out, IncidentKind::CutNameMismatch, cut.package, at, cut.nameMismatch);
        close(out, IncidentKind::CutNameMismatch, at, cut.package);
    }

    // Clock skew: the server's file time against ours, or a cut stamped in the future.
    const qint64 serverSkew = cut.arrivedServerUtc.isValid() ? cut.arrivedServerUtc.msecsTo(at) : 0;
    const qint64 ahead = at.msecsTo(cut.cutUtc);
    if (std::llabs(serverSkew) > m_config.maxClockSkewMs || ahead > m_config.maxClockSkewMs) {
        if (!findOpen(IncidentKind::ClockSkew, QStringLiteral("server")))
            open(out, IncidentKind::ClockSkew, QStringLiteral("server"), at,
                 ahead > m_config.maxClockSkewMs
                     ? Tr::tr("El corte %1 tiene hora %2 s en el futuro.").arg(cut.package, seconds(ahead))
                     : Tr::tr("El reloj del servidor difiere %1 s del de la consola.").arg(seconds(-serverSkew)));
    } else {
        close(out, IncidentKind::ClockSkew, at, QStringLiteral("server"));
    }

    if (m_newestCut.isValid() && cut.cutUtc < m_newestCut) {
        if (!findOpen(IncidentKind::CutBackwards))
            open(out, IncidentKind::CutBackwards, isoUtc(cut.cutUtc), at,
                 Tr::tr("Llegó el corte %1, más viejo que el más reciente (%2).")
                     .arg(formatMexicoTime(cut.cutUtc, false), formatMexicoTime(m_newestCut, false)));
        evaluate(out, at);
        return out;
    }
    if (m_newestCut.isValid() && cut.cutUtc == m_newestCut) { // the same cut again (re-push)
        evaluate(out, at);
        return out;
    }

    const bool fewerActas = cut.actasCapturadas && m_maxCapturadas && *cut.actasCapturadas < *m_maxCapturadas;
    if (fewerActas) {
        if (!findOpen(IncidentKind::CutBackwards))
            open(out, IncidentKind::CutBackwards, isoUtc(cut.cutUtc), at,
                 Tr::tr("El corte %1 trae %2 actas capturadas; el anterior traía %3.")
                     .arg(formatMexicoTime(cut.cutUtc, false))
                     .arg(*cut.actasCapturadas)
                     .arg(*m_maxCapturadas));
    } else {
        close(out, IncidentKind::CutBackwards, at);
    }

    if (m_newestCut.isValid()) {
        const qint64 gap = m_newestCut.msecsTo(cut.cutUtc);
        const qint64 step = m_config.cutStepMs > 0 ? m_config.cutStepMs : m_config.cutIntervalMs;
        if (step > 0 && gap * 2 >= step * 3) {
            const qint64 missed = std::max<qint64>(1, std::llround(double(gap) / double(step)) - 1);
            // Slots whose package came but could not be read are named as such, not as never sent.
            QStringList unreadable;
            for (auto it = m_unreadable.cbegin(); it != m_unreadable.cend(); ++it) {
                if (it.value().isValid() && it.value() > m_newestCut && it.value() < cut.cutUtc)
                    unreadable.append(it.key());
            }
            QString detail = Tr::tr("Faltan %1 corte(s) entre %2 y %3.")
                                 .arg(missed)
                                 .arg(formatMexicoTime(m_newestCut, false), formatMexicoTime(cut.cutUtc, false));
            if (!unreadable.isEmpty())
                detail += QLatin1Char(' ')
                          + Tr::tr("De ellos, %1 llegó(aron) ilegible(s): %2.")
                                .arg(unreadable.size())
                                .arg(unreadable.join(QStringLiteral(", ")));
            open(out, IncidentKind::SkippedCut, isoUtc(m_newestCut.addMSecs(step)), at, detail);
            close(out, IncidentKind::SkippedCut, at);
        }
    }
    close(out, IncidentKind::LateCut, at);

    m_newestCut = cut.cutUtc;
    m_lastArrival = at;
    if (cut.actasCapturadas && (!m_maxCapturadas || *cut.actasCapturadas > *m_maxCapturadas))
        m_maxCapturadas = cut.actasCapturadas;
    m_diskArrivals.insert(cut.cutUtc, at);
    prune(m_diskArrivals);
    evaluate(out, at);
    return out;
}

QList<IncidentChange> IncidentRules::cutUnreadable(const CutEvent &cut, const QString &reason)
{
    QList<IncidentChange> out;
    const QDateTime at = cut.arrivedUtc;
    if (!at.isValid() || cut.package.isEmpty())
        return out;
    m_unreadable.insert(cut.package, cut.cutUtc);
    while (m_unreadable.size() > kKeepCuts)
        m_unreadable.erase(m_unreadable.begin());
    if (!findOpen(IncidentKind::CutUnreadable, cut.package))
        open(out, IncidentKind::CutUnreadable, cut.package, at,
             cut.cutUtc.isValid()
                 ? Tr::tr("El paquete %1 (corte %2 según su nombre) no se puede leer: %3")
                       .arg(cut.package, formatMexicoTime(cut.cutUtc, false), reason)
                 : Tr::tr("El paquete %1 no se puede leer: %2").arg(cut.package, reason));
    evaluate(out, at);
    return out;
}

QList<IncidentChange> IncidentRules::siteShowed(Site site, const QDateTime &cutUtc, const QDateTime &at)
{
    QList<IncidentChange> out;
    SiteState &s = state(site);
    s.failures = 0;
    for (IncidentKind kind : kSiteErrorKinds)
        close(out, kind, at, siteId(site));
    if (cutUtc.isValid()) {
        if (!s.firstSeen.contains(cutUtc))
            s.firstSeen.insert(cutUtc, at);
        prune(s.firstSeen);
        s.shownCut = cutUtc;
    }
    evaluate(out, at);
    return out;
}

QList<IncidentChange> IncidentRules::siteFailed(Site site, SiteErrorKind kind, const QString &detail,
                                                const QDateTime &at)
{
    QList<IncidentChange> out;
    SiteState &s = state(site);
    ++s.failures;
    const IncidentKind incidentKind = errorIncident(kind);
    if (s.failures >= m_config.siteFailuresToOpen) {
        for (IncidentKind other : kSiteErrorKinds) {
            if (other != incidentKind)
                close(out, other, at, siteId(site));
        }
        if (!findOpen(incidentKind, siteId(site)))
            open(out, incidentKind, siteId(site), at, detail);
    }
    evaluate(out, at);
    return out;
}

QList<IncidentChange> IncidentRules::tick(const QDateTime &now)
{
    QList<IncidentChange> out;
    evaluate(out, now);
    return out;
}

void IncidentRules::evaluate(QList<IncidentChange> &out, const QDateTime &now)
{
    // Late cut: counted from the newest cut's arrival on our disk.
    if (m_lastArrival.isValid() && !findOpen(IncidentKind::LateCut)) {
        const QDateTime deadline = m_lastArrival.addMSecs(m_config.cutIntervalMs + m_config.lateMarginMs);
        if (now >= deadline)
            open(out, IncidentKind::LateCut,
                 isoUtc(m_newestCut.addMSecs(m_config.cutStepMs > 0 ? m_config.cutStepMs : m_config.cutIntervalMs)), deadline,
                 Tr::tr("No ha llegado un corte nuevo desde %1 (último: %2).")
                     .arg(formatMexicoTime(m_lastArrival), formatMexicoTime(m_newestCut, false)));
    }

    // Lag: the official site's current cut against ours.
    const QDateTime officialCut = m_official.shownCut;
    const QDateTime officialSeen = m_official.firstSeen.value(officialCut);
    if (officialCut.isValid() && officialSeen.isValid()) {
        const bool caughtUp = m_difusor.shownCut.isValid() && m_difusor.shownCut >= officialCut;
        if (caughtUp) {
            // First time our site showed this cut or a newer one.
            QDateTime ourSeen;
            for (auto it = m_difusor.firstSeen.lowerBound(officialCut); it != m_difusor.firstSeen.cend(); ++it) {
                if (!ourSeen.isValid() || it.value() < ourSeen)
                    ourSeen = it.value();
            }
            if (findOpen(IncidentKind::Lag)) {
                close(out, IncidentKind::Lag, now);
            } else if (!(m_lagRaised.count(officialCut) > 0) && ourSeen.isValid()
                       && officialSeen.msecsTo(ourSeen) > m_config.maxLagMs) {
                // Revealed only now (no tick in between): opened and closed at their true times.
                open(out, IncidentKind::Lag, isoUtc(officialCut), officialSeen.addMSecs(m_config.maxLagMs),
                     Tr::tr("Nuestro sitio mostró el corte %1 %2 s después del PREP oficial.")
                         .arg(formatMexicoTime(officialCut, false), seconds(officialSeen.msecsTo(ourSeen))));
                close(out, IncidentKind::Lag, ourSeen);
            }
            m_lagRaised.insert(officialCut);
        } else if (!findOpen(IncidentKind::Lag) && !(m_lagRaised.count(officialCut) > 0)
                   && officialSeen.msecsTo(now) > m_config.maxLagMs) {
            open(out, IncidentKind::Lag, isoUtc(officialCut), officialSeen.addMSecs(m_config.maxLagMs),
                 Tr::tr("El PREP oficial muestra el corte %1 desde %2 y nuestro sitio aún no.")
                     .arg(formatMexicoTime(officialCut, false), formatMexicoTime(officialSeen)));
            m_lagRaised.insert(officialCut);
        }
        while (m_lagRaised.size() > size_t(kKeepCuts))
            m_lagRaised.erase(m_lagRaised.begin());
    }

    // Our site shows a cut time that is neither on our disk nor on the official site (a clock off on
    // the publishing side: the page's times are wrong), once it lasts past a short grace.
    const QDateTime shown = m_difusor.shownCut;
    const bool ahead = shown.isValid() && m_newestCut.isValid() && !m_diskArrivals.contains(shown)
                       && !m_official.firstSeen.contains(shown) && !siteFailing(Site::Difusor);
    if (!ahead) {
        m_aheadSince = QDateTime();
        close(out, IncidentKind::ClockSkew, now, siteId(Site::Difusor));
    } else {
        if (!m_aheadSince.isValid())
            m_aheadSince = now;
        if (!findOpen(IncidentKind::ClockSkew, siteId(Site::Difusor)) && m_aheadSince.msecsTo(now) >= kAheadGraceMs)
            open(out, IncidentKind::ClockSkew, siteId(Site::Difusor), m_aheadSince,
                 Tr::tr("Nuestro sitio muestra el corte %1, que no está en disco (el más reciente es %2) ni en el "
                        "PREP oficial: ¿reloj desfasado en la publicación?")
                     .arg(formatMexicoTime(shown, false), formatMexicoTime(m_newestCut, false)));
    }

    // Stale site: our disk has a newer cut than our site shows, for too long. While the site fails
    // to answer, that failure is the incident, not staleness.
    if (m_difusor.shownCut.isValid() && !siteFailing(Site::Difusor)) {
        QDateTime since;
        for (auto it = m_diskArrivals.upperBound(m_difusor.shownCut); it != m_diskArrivals.cend(); ++it) {
            if (!since.isValid() || it.value() < since)
                since = it.value();
        }
        if (!since.isValid()) {
            close(out, IncidentKind::StaleSite, now);
        } else if (!findOpen(IncidentKind::StaleSite) && since.msecsTo(now) >= m_config.staleAfterMs) {
            open(out, IncidentKind::StaleSite, isoUtc(m_newestCut), since.addMSecs(m_config.staleAfterMs),
                 Tr::tr("Nuestro sitio muestra el corte %1 y en disco está el %2 desde %3.")
                     .arg(formatMexicoTime(m_difusor.shownCut, false), formatMexicoTime(m_newestCut, false),
                          formatMexicoTime(since)));
        }
    }
}

QList<Incident> IncidentRules::openIncidents() const
{
    return m_open;
}

} // namespace difusor::cuts
