#include "CheckIncidents.h"

#include "IncidentLog.h"
#include "checks/CheckRunner.h"
#include "common/Tr.h"
#include "store/Store.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>

namespace difusor::incidents {

bool judgeCheckRun(store::Store &store, const QJsonArray &previous, const QJsonArray &current, const QDateTime &atUtc)
{
    const QString kind = QStringLiteral("check_failed");
    QHash<QString, QString> before;
    for (const QJsonValue &v : previous)
        before.insert(v[QLatin1String("id")].toString(), v[QLatin1String("status")].toString());
    QSet<QString> unresolved;
    for (const store::IncidentRecord &i : store.incidents(true)) {
        if (i.kind == kind)
            unresolved.insert(i.subject);
    }
    bool ok = true;
    for (const QJsonValue &v : current) {
        const QJsonObject r = v.toObject();
        const QString id = r.value(QLatin1String("id")).toString();
        const QString status = r.value(QLatin1String("status")).toString();
        if (id.isEmpty())
            continue;
        if (status == QLatin1String("fail")
            && (before.value(id) == QLatin1String("pass") || unresolved.contains(id))) {
            store::IncidentRecord c;
            c.kind = kind;
            c.subject = id;
            const QString title = r.value(QLatin1String("title")).toString();
            c.title = title.isEmpty() ? kindTitle(kind) : Tr::tr("Dejó de cumplirse: %1").arg(title);
            c.detail = Tr::tr("Se esperaba %1; se encontró %2.")
                           .arg(r.value(QLatin1String("expected")).toString(), r.value(QLatin1String("actual")).toString());
            c.detectedUtc = atUtc;
            c.openedUtc = atUtc;
            c.evidence = QJsonObject{{QStringLiteral("check"), r}};
            ok = store.raiseIncident(c).has_value() && ok;
        } else if (status == QLatin1String("pass") && unresolved.contains(id)) {
            ok = store.clearIncident(kind, id, atUtc, Tr::tr("El requisito vuelve a cumplirse.")).has_value() && ok;
        }
    }
    return ok;
}

store::CheckRunRecord checkRunRecord(const checks::CheckReport &report, const QString &profileName, const QString &host)
{
    store::CheckRunRecord run;
    run.profileName = profileName;
    run.host = host;
    run.startedUtc = report.startedUtc;
    run.durationMs = report.durationMs;
    run.requirementsId = report.requirementsId;
    for (const checks::CheckResult &r : report.results)
        run.results.append(r.toJson());
    return run;
}

SavedCheckRun saveCheckRun(store::Store &store, const store::CheckRunRecord &run)
{
    SavedCheckRun result;
    if (!store.isOpen()) {
        result.error = store.lastError();
        return result;
    }
    result.previous = store.lastCheckRuns(1);
    result.saved = store.addCheckRun(run).has_value();
    if (!result.saved) {
        result.error = store.lastError();
        return result;
    }
    // A requirement that passed last time and fails now is a check_failed incident.
    if (!judgeCheckRun(store, result.previous.isEmpty() ? QJsonArray() : result.previous.first().results, run.results,
                       QDateTime::currentDateTimeUtc()))
        result.error = store.lastError();
    return result;
}

} // namespace difusor::incidents
