// MemoriaInput from the store (incidents, cuts, checks, drills) and the logs; the drafts of section 4.

#include "Memoria.h"

#include "common/MexicoTime.h"
#include "common/Tr.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace difusor::exporting {

namespace {

constexpr int kMexicoOffsetS = -6 * 3600;

QDateTime periodStartUtc(const MemoriaPeriod &p)
{
    return QDateTime(p.from, QTime(0, 0), Qt::UTC).addSecs(-kMexicoOffsetS);
}

QDateTime periodEndUtc(const MemoriaPeriod &p)
{
    return QDateTime(p.to.addDays(1), QTime(0, 0), Qt::UTC).addSecs(-kMexicoOffsetS);
}

// The check in force when the period began: the newest run before the end of its first day; when
// none, the first run after (a check run late is still the one the period had).
std::optional<store::CheckRunRecord> checkAtStart(const QList<store::CheckRunRecord> &newestFirst, const QDateTime &firstDayEnd)
{
    for (const store::CheckRunRecord &run : newestFirst)
        if (run.startedUtc < firstDayEnd)
            return run;
    if (!newestFirst.isEmpty())
        return newestFirst.last();
    return std::nullopt;
}

// Numbers as the report writes them: in the report's language, never the machine's locale.
QLocale reportLocale(const QString &language)
{
    return language == QLatin1String("en") ? QLocale(QLocale::English, QLocale::UnitedStates)
                                           : QLocale(QLocale::Spanish, QLocale::Mexico);
}

} // namespace

MemoriaInput buildMemoriaInput(store::Store &store, const MemoriaRequest &request)
{
    MemoriaInput input;
    input.organisation = request.organisation;
    input.difusorUrl = request.difusorUrl;
    input.staff = request.staff;
    input.period = request.period;
    input.comments = request.comments;
    input.capacityRps = request.capacityRps;
    input.language = request.language;
    input.generatedUtc = QDateTime::currentDateTimeUtc();
    input.consoleVersion = QCoreApplication::applicationVersion();

    const QDateTime start = periodStartUtc(request.period);
    const QDateTime end = periodEndUtc(request.period);
    const qint64 previousServer = store.server();

    for (const store::ServerRecord &s : store.servers()) {
        if (!request.serverIds.isEmpty() && !request.serverIds.contains(s.id))
            continue;
        input.servers << MemoriaServer{s.id, s.identity.profileName, s.identity.host, s.identity.hostKey};
    }
    if (!store.lastError().isEmpty() && input.servers.isEmpty())
        input.errors << Tr::tr("No se pudo leer la base de datos: %1").arg(store.lastError());

    QList<qint64> ids;
    for (const MemoriaServer &s : std::as_const(input.servers))
        ids << s.storeId;

    // Cuts of the period, per server (the annex and the impact of each incident).
    QHash<qint64, QList<store::CutRecord>> cutsByServer;
    for (const MemoriaServer &s : std::as_const(input.servers)) {
        store.setServer(s.storeId);
        for (const store::CutRecord &cut : store.cuts(100000)) {
            cutsByServer[s.storeId] << cut;
            if (cut.cutTimeUtc.isValid() && cut.cutTimeUtc >= start && cut.cutTimeUtc < end)
                input.cuts << MemoriaCut{s.name, cut};
        }
        if (const auto run = checkAtStart(store.lastCheckRuns(10000), start.addDays(1)))
            input.checks << MemoriaCheck{s.name, *run};
        const QList<store::DrillRecord> drills = store.drills(1000);
        for (auto it = drills.crbegin(); it != drills.crend(); ++it)
            input.drills << *it; // oldest first
    }
    store.setServer(previousServer);

    // Incidents of the period: started before its end and not resolved before its start.
    if (!ids.isEmpty()) {
        store::IncidentFilter filter;
        filter.serverIds = ids;
        filter.sinceUtc = start;
        filter.untilUtc = end;
        QList<store::IncidentRecord> found = store.findIncidents(filter);
        std::reverse(found.begin(), found.end()); // oldest first
        for (const store::IncidentRecord &r : std::as_const(found)) {
            MemoriaIncident m;
            m.record = r;
            m.timeline = store.incidentEvents(r.id);
            const QDateTime onset = r.openedUtc.isValid() ? r.openedUtc : r.detectedUtc;
            const QDateTime until = r.closedUtc.isValid() ? r.closedUtc : std::max(end, onset);
            m.impactMinutes = onset.isValid() ? double(onset.msecsTo(until)) / 60000.0 : 0;
            for (const store::CutRecord &cut : cutsByServer.value(r.serverId))
                if (cut.cutTimeUtc.isValid() && cut.cutTimeUtc >= onset && cut.cutTimeUtc <= until)
                    ++m.cutsAffected;
            (r.affectsPublication.value_or(false) ? input.affecting : input.others) << m;
        }
    }
    if (!store.lastError().isEmpty() && input.affecting.isEmpty() && input.others.isEmpty() && !ids.isEmpty())
        input.errors << Tr::tr("No se pudieron leer los incidentes: %1").arg(store.lastError());

    readMemoriaLogs(request, input);
    input.drafts = memoriaDrafts(input);
    return input;
}

QStringList memoriaDrafts(const MemoriaInput &input)
{
    QStringList drafts;
    const QLocale locale = reportLocale(input.language);
    const auto number = [&locale](double v, int decimals = 0) { return locale.toString(v, 'f', decimals); };

    // The worst publication lag against the one-minute rule.
    const MemoriaCut *worst = nullptr;
    for (const MemoriaCut &c : input.cuts)
        if (c.cut.lagMs() && (!worst || *c.cut.lagMs() > *worst->cut.lagMs()))
            worst = &c;
    if (worst) {
        const double lagS = double(*worst->cut.lagMs()) / 1000.0;
        QString text = Tr::tr("El mayor retraso de publicación fue de %1 s, en el corte de %2 (servidor %3); la "
                              "convocatoria admite 60 s.")
                           .arg(number(lagS, 1), formatMexicoTime(worst->cut.cutTimeUtc, false), worst->server);
        text += QLatin1Char(' ')
            + (lagS > 60 ? Tr::tr("Sugerimos acercar el servidor de publicación al del IEPC o acortar la cadena de "
                                  "copia y caché, y ensayarlo en los simulacros.")
                         : Tr::tr("Todos los cortes quedaron dentro del minuto."));
        drafts << text;
    } else {
        drafts << Tr::tr("No hay retrasos de publicación medidos en el periodo: conviene dejar la consola "
                         "midiendo durante toda la jornada.");
    }

    // The longest outage (the site not answering, or answering errors); without one, the longest
    // incident that affected publication (a lag, a late cut), said as such.
    static const QStringList outageKinds{QStringLiteral("site_unreachable"), QStringLiteral("site_http_error"),
                                         QStringLiteral("traffic_5xx")};
    const MemoriaIncident *longest = nullptr;
    const MemoriaIncident *longestOutage = nullptr;
    for (const MemoriaIncident &i : input.affecting) {
        if (!longest || i.impactMinutes > longest->impactMinutes)
            longest = &i;
        if (outageKinds.contains(i.record.kind) && (!longestOutage || i.impactMinutes > longestOutage->impactMinutes))
            longestOutage = &i;
    }
    const MemoriaIncident *shown = longestOutage ? longestOutage : longest;
    if (shown) {
        const QString onset = formatMexicoTime(shown->record.openedUtc.isValid() ? shown->record.openedUtc : shown->record.detectedUtc, false);
        drafts << (longestOutage ? Tr::tr("La interrupción más larga fue «%1» (%2): %3 min desde %4, con %5 cortes afectados.")
                                 : Tr::tr("No hubo interrupciones del sitio; el incidente más largo que afectó la publicación fue "
                                          "«%1» (%2): %3 min desde %4, con %5 cortes afectados."))
                      .arg(shown->record.title, shown->record.serverName, number(shown->impactMinutes, 1), onset)
                      .arg(shown->cutsAffected);
    } else {
        drafts << Tr::tr("No hubo incidentes que afectaran la publicación en el periodo.");
    }

    // The peak load against the capacity.
    const MemoriaComparison &c = input.comparison;
    if (c.peakMinuteRequests > 0) {
        const double rps = double(c.peakMinuteRequests) / 60.0;
        QString text = Tr::tr("La carga máxima fue de %1 solicitudes en el minuto de %2 (%3 solicitudes/s en promedio).")
                           .arg(number(double(c.peakMinuteRequests)), formatMexicoTime(c.peakMinuteUtc, false),
                                number(rps, 1));
        if (input.capacityRps && *input.capacityRps > 0)
            text += QLatin1Char(' ')
                + Tr::tr("Frente a una capacidad de %1 solicitudes/s, es el %2 %; margen restante: %3 solicitudes/s.")
                      .arg(number(*input.capacityRps, 0), number(100.0 * rps / *input.capacityRps, 0),
                           number(std::max(0.0, *input.capacityRps - rps), 1));
        else
            text += QLatin1Char(' ') + Tr::tr("La capacidad del servidor no está medida: sugerimos una prueba de carga antes de la jornada.");
        drafts << text;
    }
    return drafts;
}

} // namespace difusor::exporting
