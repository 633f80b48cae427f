#include "IncidentLog.h"

#include "common/Tr.h"
#include "cuts/IncidentRules.h"
#include "traffic/TrafficIncidents.h"

#include <QJsonObject>
#include <QObject>

namespace difusor::incidents {

QStringList knownKinds()
{
    return {QStringLiteral("late_cut"),       QStringLiteral("skipped_cut"),     QStringLiteral("lag"),
            QStringLiteral("stale_site"),     QStringLiteral("cut_backwards"),   QStringLiteral("clock_skew"),
            QStringLiteral("site_unreachable"), QStringLiteral("site_http_error"), QStringLiteral("certificate"),
            QStringLiteral("site_no_cut"),    QStringLiteral("cut_unreadable"),  QStringLiteral("cut_name_mismatch"),
            QStringLiteral("traffic_5xx"),    QStringLiteral("traffic_spike"),   QStringLiteral("traffic_flood"),
            QStringLiteral("traffic_log_silent"), QStringLiteral("check_failed"), QStringLiteral("connection_lost"),
            QStringLiteral("watch_failed")};
}

QString kindTitle(const QString &kindId)
{
    using cuts::IncidentKind;
    for (IncidentKind k : {IncidentKind::LateCut, IncidentKind::SkippedCut, IncidentKind::Lag, IncidentKind::StaleSite,
                           IncidentKind::CutBackwards, IncidentKind::ClockSkew, IncidentKind::SiteUnreachable,
                           IncidentKind::SiteHttpError, IncidentKind::Certificate, IncidentKind::SiteNoCut,
                           IncidentKind::CutUnreadable, IncidentKind::CutNameMismatch}) {
        if (cuts::incidentKindId(k) == kindId)
            return cuts::incidentKindText(k);
    }
    using traffic::TrafficIncidentKind;
    for (TrafficIncidentKind k : {TrafficIncidentKind::ServerErrors, TrafficIncidentKind::Spike,
                                  TrafficIncidentKind::Flood, TrafficIncidentKind::LogSilent}) {
        if (traffic::trafficIncidentKindId(k) == kindId)
            return traffic::trafficIncidentKindText(k);
    }
    if (kindId == QLatin1String("check_failed"))
        return Tr::tr("Un requisito dejó de cumplirse");
    if (kindId == QLatin1String("connection_lost"))
        return Tr::tr("Conexión con el servidor perdida");
    if (kindId == QLatin1String("watch_failed"))
        return Tr::tr("No se puede vigilar una ruta del perfil");
    return kindId;
}

Condition watchFailedCondition(const QString &key, const QString &path, const QString &reason)
{
    Condition c;
    c.kind = QLatin1String(kWatchFailedKind);
    c.subject = key;
    c.detail = Tr::tr("No se puede vigilar %1 (%2): %3").arg(path, key, reason);
    c.detectedUtc = QDateTime::currentDateTimeUtc();
    c.evidence = QJsonObject{{QStringLiteral("key"), key}, {QStringLiteral("path"), path}, {QStringLiteral("reason"), reason}};
    return c;
}

QString severityText(const QString &severity)
{
    if (severity == QLatin1String("critical"))
        return Tr::tr("Crítico");
    if (severity == QLatin1String("major"))
        return Tr::tr("Mayor");
    if (severity == QLatin1String("minor"))
        return Tr::tr("Menor");
    return severity;
}

QString stateText(const QString &state)
{
    if (state == QLatin1String("open"))
        return Tr::tr("Abierto");
    if (state == QLatin1String("acknowledged"))
        return Tr::tr("Reconocido");
    if (state == QLatin1String("resolved"))
        return Tr::tr("Resuelto");
    return state;
}

QString eventTypeText(const QString &type)
{
    if (type == QLatin1String("opened"))
        return Tr::tr("Abierto");
    if (type == QLatin1String("observation"))
        return Tr::tr("Observado de nuevo");
    if (type == QLatin1String("ack"))
        return Tr::tr("Reconocido");
    if (type == QLatin1String("note"))
        return Tr::tr("Nota");
    if (type == QLatin1String("silenced"))
        return Tr::tr("Silenciado");
    if (type == QLatin1String("notified"))
        return Tr::tr("Notificado");
    if (type == QLatin1String("resolved"))
        return Tr::tr("Resuelto");
    if (type == QLatin1String("reopened"))
        return Tr::tr("Reabierto");
    if (type == QLatin1String("severity"))
        return Tr::tr("Gravedad cambiada");
    if (type == QLatin1String("affects"))
        return Tr::tr("«Afectó la publicación» cambiado");
    if (type == QLatin1String("root_cause"))
        return Tr::tr("Causa raíz");
    if (type == QLatin1String("actions"))
        return Tr::tr("Acciones");
    return type;
}

QString defaultActor()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("LOGNAME");
    return name.isEmpty() ? Tr::tr("técnico") : name;
}

void IncidentLog::run(std::function<std::optional<store::IncidentUpdate>(store::Store &)> job, QObject *context,
                      Done done) const
{
    using Answer = std::pair<std::optional<store::IncidentUpdate>, QString>;
    if (!context || !done) {
        // Nobody waits for the answer: a failed write is still said, through the StoreThread's
        // writeFailed() (the window and `watch` show it).
        if (!m_server.isValid())
            return;
        store::StoreThread *thread = m_server.thread();
        m_server.post([thread, job = std::move(job)](store::Store &s) {
            if (!job(s))
                Q_EMIT thread->writeFailed(Tr::tr("Un incidente no se guardó: %1").arg(s.lastError()));
        });
        return;
    }
    m_server.call<Answer>(
        context,
        [job = std::move(job)](store::Store &s) -> Answer {
            if (!s.isOpen())
                return {std::nullopt, s.lastError().isEmpty() ? Tr::tr("La base de datos no está abierta.") : s.lastError()};
            auto update = job(s);
            return {update, update ? QString() : s.lastError()};
        },
        [server = m_server, done = std::move(done)](const Answer &answer) {
            if (!server.isValid()) {
                done(std::nullopt, Tr::tr("Sin base de datos para este servidor: el incidente no se guardó."));
                return;
            }
            done(answer.first, answer.second);
        });
}

void IncidentLog::raise(const Condition &c, QObject *context, Done done) const
{
    store::IncidentRecord r;
    r.kind = c.kind;
    r.subject = c.subject;
    r.title = c.title.isEmpty() ? kindTitle(c.kind) : c.title;
    r.detail = c.detail;
    r.openedUtc = c.startedUtc;
    r.detectedUtc = c.detectedUtc.isValid() ? c.detectedUtc : QDateTime::currentDateTimeUtc();
    r.evidence = c.evidence;
    run([r](store::Store &s) { return s.raiseIncident(r); }, context, std::move(done));
}

void IncidentLog::clear(const QString &kind, const QString &subject, const QDateTime &atUtc, QObject *context,
                        Done done) const
{
    run([kind, subject, atUtc](store::Store &s) { return s.clearIncident(kind, subject, atUtc); }, context,
        std::move(done));
}

void IncidentLog::settleCarriedOver(const QStringList &kinds, const QDateTime &since) const
{
    if (!m_server.isValid())
        return;
    store::StoreThread *thread = m_server.thread();
    m_server.post([thread, kinds, since](store::Store &s) {
        if (!s.isOpen())
            return;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const store::IncidentRecord &i : s.incidents(true)) {
            const QDateTime seen = i.lastObservedUtc.isValid() ? i.lastObservedUtc : i.detectedUtc;
            if (!kinds.contains(i.kind) || seen >= since)
                continue;
            if (!s.clearIncident(i.kind, i.subject, now,
                                 Tr::tr("No se volvió a observar desde que la consola reanudó la vigilancia.")))
                Q_EMIT thread->writeFailed(Tr::tr("Un incidente no se guardó: %1").arg(s.lastError()));
        }
    });
}

void IncidentLog::act(qint64 id, store::IncidentAction action, const QString &actor, const QString &text,
                      QObject *context, Done done) const
{
    run([id, action, actor, text](store::Store &s) {
            return s.actOnIncident(id, action, actor, text, QDateTime::currentDateTimeUtc());
        },
        context, std::move(done));
}

} // namespace difusor::incidents
