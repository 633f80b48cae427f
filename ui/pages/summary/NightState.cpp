#include "NightState.h"

#include "checks/CheckResult.h"
#include "incidents/IncidentLog.h"
#include "pages/cuts/CutsTableModel.h"

#include <QLocale>

namespace difusor::ui {

using remote::ConnectionState;

namespace {

// A measured lag this close to the limit is worth a look before it is over it.
constexpr double kNearLimit = 0.75;

Tone severityTone(const QString &severity)
{
    if (severity == QLatin1String("critical"))
        return Tone::Alarm;
    if (severity == QLatin1String("minor"))
        return Tone::Notice;
    return Tone::Warning; // "major", and anything unknown is not taken as harmless
}

int severityRank(const QString &severity)
{
    return toneRank(severityTone(severity));
}

// The short word a tile shows when this kind of incident is what makes it worst.
QString incidentWord(const SummaryIncident &incident)
{
    const QString &k = incident.kind;
    if (k == QLatin1String("late_cut"))
        return SummaryText::tr("CORTE ATRASADO");
    if (k == QLatin1String("skipped_cut"))
        return SummaryText::tr("CORTE OMITIDO");
    if (k == QLatin1String("cut_backwards"))
        return SummaryText::tr("HACIA ATRÁS");
    if (k == QLatin1String("cut_unreadable"))
        return SummaryText::tr("ILEGIBLE");
    if (k == QLatin1String("lag"))
        return SummaryText::tr("FUERA DE PLAZO");
    if (k == QLatin1String("stale_site"))
        return SummaryText::tr("SITIO ATRASADO");
    if (k == QLatin1String("site_unreachable"))
        return SummaryText::tr("SIN RESPUESTA");
    if (k == QLatin1String("site_http_error"))
        return SummaryText::tr("ERROR HTTP");
    if (k == QLatin1String("traffic_5xx"))
        return SummaryText::tr("ERRORES 5xx");
    if (k == QLatin1String("traffic_spike"))
        return SummaryText::tr("PICO");
    if (k == QLatin1String("traffic_flood"))
        return SummaryText::tr("INUNDACIÓN");
    if (k == QLatin1String("traffic_log_silent"))
        return SummaryText::tr("BITÁCORA MUDA");
    if (k == QLatin1String("check_failed"))
        return checks::statusText(checks::Status::Fail);
    if (k == QLatin1String("connection_lost"))
        return SummaryText::tr("CONEXIÓN PERDIDA");
    return incidents::severityText(incident.severity).toUpper();
}

// The worst unresolved incident of an area (critical first; the lowest id among equals, so the
// tile does not flicker between two), or null.
const SummaryIncident *worstIncident(const SummaryFacts &facts, SummaryArea area)
{
    const SummaryIncident *worst = nullptr;
    qint64 worstId = 0;
    for (auto it = facts.incidents.cbegin(); it != facts.incidents.cend(); ++it) {
        if (summaryAreaOfKind(it->kind) != area)
            continue;
        const int rank = severityRank(it->severity);
        if (!worst || rank > severityRank(worst->severity) || (rank == severityRank(worst->severity) && it.key() < worstId)) {
            worst = &it.value();
            worstId = it.key();
        }
    }
    return worst;
}

// An unresolved incident of the area outranks what the area's own figure says: its word leads and
// the figure stays in the detail.
SummaryTile withIncidents(SummaryTile tile, const SummaryFacts &facts, SummaryArea area)
{
    const SummaryIncident *worst = worstIncident(facts, area);
    if (!worst || toneRank(severityTone(worst->severity)) <= toneRank(tile.tone))
        return tile;
    tile.tone = severityTone(worst->severity);
    const QString title = worst->title.isEmpty() ? incidents::kindTitle(worst->kind) : worst->title;
    tile.detail = tile.detail.isEmpty() ? title : title + QStringLiteral(" · ") + tile.detail;
    tile.word = incidentWord(*worst);
    return tile;
}

QString ago(const QDateTime &from, const QDateTime &nowUtc)
{
    return SummaryText::tr("hace %1").arg(durationText(qMax<qint64>(0, from.msecsTo(nowUtc))));
}

SummaryTile notWatching(const SummaryFacts &facts)
{
    if (!facts.hasHost)
        return {Tone::Idle, SummaryText::tr("SIN SERVIDOR"), {}};
    return {Tone::Idle, SummaryText::tr("SIN VIGILANCIA"), SummaryText::tr("esperando la conexión")};
}

SummaryTile connectionTile(const SummaryFacts &facts)
{
    if (!facts.hasHost)
        return {Tone::Idle, SummaryText::tr("SIN SERVIDOR"), SummaryText::tr("elija un perfil en «Conexión»")};
    const QString word = remote::connectionStateText(facts.connection).toUpper();
    QString detail = facts.hostName;
    switch (facts.connection) {
    case ConnectionState::Connected: return {Tone::Ok, word, detail};
    case ConnectionState::Connecting:
    case ConnectionState::Authenticating:
    case ConnectionState::Reconnecting:
        // A link down for longer than 30 s is a connection_lost incident: the tile turns red with it.
        return {Tone::Pending, word, detail};
    case ConnectionState::Failed:
        if (!facts.connectionReason.isEmpty())
            detail = facts.connectionReason;
        return {Tone::Alarm, word, detail};
    case ConnectionState::Disconnected: break;
    }
    return {Tone::Idle, word, detail};
}

SummaryTile infrastructureTile(const SummaryFacts &facts, const QDateTime &nowUtc)
{
    if (!facts.checkError.isEmpty())
        return {Tone::Unknown, SummaryText::tr("SIN LEER"), facts.checkError};
    if (!facts.checkLoaded)
        return notWatching(facts);
    if (!facts.check)
        return {Tone::Idle, SummaryText::tr("SIN VERIFICAR"), SummaryText::tr("ninguna verificación guardada")};
    const CheckSummary &c = *facts.check;
    const QString when = ago(c.startedUtc, nowUtc);
    using checks::Status;
    if (c.fail > 0)
        return {Tone::Alarm, checks::statusText(Status::Fail),
                SummaryText::tr("%1 de %2 requisitos · %3").arg(c.fail).arg(c.total()).arg(when)};
    if (c.unknown > 0)
        return {Tone::Unknown, checks::statusText(Status::Unknown),
                SummaryText::tr("%1 de %2 requisitos sin dato · %3").arg(c.unknown).arg(c.total()).arg(when)};
    if (c.warn > 0)
        return {Tone::Warning, checks::statusText(Status::Warn),
                SummaryText::tr("%1 de %2 requisitos con advertencia · %3").arg(c.warn).arg(c.total()).arg(when)};
    return {Tone::Ok, checks::statusText(Status::Pass),
            SummaryText::tr("%1 requisitos · %2").arg(c.total()).arg(when)};
}

SummaryTile cutsTile(const SummaryFacts &facts, const QDateTime &nowUtc)
{
    if (!facts.watching)
        return notWatching(facts);
    if (!facts.cutUtc.isValid())
        return {Tone::Pending, SummaryText::tr("ESPERANDO"), SummaryText::tr("ningún corte todavía")};
    // As the cuts page: the cadence is about arrivals, so the age counts from the arrival. Whether it
    // is late is the late-cut rule's call (its incident turns the tile), not a second guess here.
    const QDateTime from = facts.arrivalUtc.isValid() ? facts.arrivalUtc : facts.cutUtc;
    return {Tone::Ok, SummaryText::tr("AL DÍA"),
            SummaryText::tr("corte %1 (%2) · %3").arg(mexicoClock(facts.cutUtc, false), zoneLabel(), ago(from, nowUtc))};
}

SummaryTile publicationTile(const SummaryFacts &facts)
{
    if (!facts.watching)
        return notWatching(facts);
    const QString limit = SummaryText::tr("límite %1 s").arg(facts.maxLagMs / 1000);
    if (!facts.lagMs)
        return {Tone::Pending, SummaryText::tr("SIN MEDIR"), SummaryText::tr("desfase sin medir aún · %1").arg(limit)};
    const qint64 lag = *facts.lagMs;
    const QString detail = SummaryText::tr("desfase %1 · %2").arg(lagText(lag), limit);
    if (lag > facts.maxLagMs)
        return {Tone::Alarm, SummaryText::tr("FUERA DE PLAZO"), detail};
    if (double(lag) > kNearLimit * double(facts.maxLagMs))
        return {Tone::Warning, SummaryText::tr("AL LÍMITE"), detail};
    return {Tone::Ok, SummaryText::tr("EN PLAZO"), detail};
}

SummaryTile trafficTile(const SummaryFacts &facts)
{
    if (!facts.watching)
        return notWatching(facts);
    if (!facts.hasTraffic)
        return {Tone::Idle, SummaryText::tr("SIN BITÁCORA"), SummaryText::tr("el perfil no indica access_log")};
    if (!facts.requestsPerSecond)
        return {Tone::Pending, SummaryText::tr("ESPERANDO"), SummaryText::tr("primer periodo en curso")};
    return {Tone::Ok, SummaryText::tr("NORMAL"),
            SummaryText::tr("%1 solicitudes/s").arg(QLocale().toString(*facts.requestsPerSecond, 'f', 1))};
}

SummaryTile incidentsTile(const SummaryFacts &facts)
{
    if (!facts.incidentsError.isEmpty())
        return {Tone::Unknown, SummaryText::tr("SIN LEER"), facts.incidentsError};
    if (!facts.incidentsLoaded)
        return notWatching(facts);
    const SummaryCounts n = countIncidents(facts);
    QString detail = SummaryText::tr("críticos %1 · mayores %2 · menores %3").arg(n.critical).arg(n.major).arg(n.minor);
    if (n.acknowledged > 0)
        detail += SummaryText::tr(" · reconocidos %1").arg(n.acknowledged);
    if (n.critical > 0)
        return {Tone::Alarm, SummaryText::tr("CRÍTICOS: %1").arg(n.critical), detail};
    if (n.major > 0)
        return {Tone::Warning, SummaryText::tr("MAYORES: %1").arg(n.major), detail};
    if (n.minor > 0)
        return {Tone::Notice, SummaryText::tr("MENORES: %1").arg(n.minor), detail};
    return {Tone::Ok, SummaryText::tr("NINGUNO"), detail};
}

} // namespace

QString summaryAreaTitle(SummaryArea area)
{
    switch (area) {
    case SummaryArea::Connection: return SummaryText::tr("Conexión");
    case SummaryArea::Infrastructure: return SummaryText::tr("Infraestructura");
    case SummaryArea::Cuts: return SummaryText::tr("Cortes");
    case SummaryArea::Publication: return SummaryText::tr("Publicación");
    case SummaryArea::Traffic: return SummaryText::tr("Tráfico");
    case SummaryArea::Incidents: return SummaryText::tr("Incidentes");
    }
    return {};
}

SummaryArea summaryAreaOfKind(const QString &kind)
{
    if (kind == QLatin1String("connection_lost"))
        return SummaryArea::Connection;
    if (kind == QLatin1String("check_failed"))
        return SummaryArea::Infrastructure;
    if (kind == QLatin1String("late_cut") || kind == QLatin1String("skipped_cut") || kind == QLatin1String("cut_backwards")
        || kind == QLatin1String("cut_unreadable") || kind == QLatin1String("cut_name_mismatch")
        || kind == QLatin1String("clock_skew"))
        return SummaryArea::Cuts;
    if (kind == QLatin1String("lag") || kind == QLatin1String("stale_site") || kind.startsWith(QLatin1String("site_"))
        || kind == QLatin1String("certificate"))
        return SummaryArea::Publication;
    if (kind.startsWith(QLatin1String("traffic_")))
        return SummaryArea::Traffic;
    return SummaryArea::Incidents;
}

SummaryCounts countIncidents(const SummaryFacts &facts)
{
    SummaryCounts n;
    for (const SummaryIncident &i : facts.incidents) {
        if (i.severity == QLatin1String("critical"))
            ++n.critical;
        else if (i.severity == QLatin1String("minor"))
            ++n.minor;
        else
            ++n.major;
        if (i.acknowledged)
            ++n.acknowledged;
    }
    return n;
}

SummaryTile evaluateSummaryTile(SummaryArea area, const SummaryFacts &facts, const QDateTime &nowUtc)
{
    switch (area) {
    case SummaryArea::Connection: return withIncidents(connectionTile(facts), facts, area);
    case SummaryArea::Infrastructure: return withIncidents(infrastructureTile(facts, nowUtc), facts, area);
    case SummaryArea::Cuts: return withIncidents(cutsTile(facts, nowUtc), facts, area);
    case SummaryArea::Publication: return withIncidents(publicationTile(facts), facts, area);
    case SummaryArea::Traffic: return withIncidents(trafficTile(facts), facts, area);
    case SummaryArea::Incidents: return incidentsTile(facts);
    }
    return {};
}

} // namespace difusor::ui
