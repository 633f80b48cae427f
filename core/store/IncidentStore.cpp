// The Store's part for incidents: the one incident log of every area, and its append-only timeline.
#include "Store.h"

#include "common/Tr.h"
#include "incidents/Severity.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace difusor::store {

namespace {

const QString kActor = QStringLiteral("consola");

const QString kIncidentColumns = QStringLiteral(
    "i.id, i.server_id, s.profile_name, i.kind, i.subject, i.severity, i.affects_publication, i.title, i.detail,"
    " i.opened_utc, i.detected_utc, i.last_observed_utc, i.observations, i.acknowledged_utc, i.acknowledged_by,"
    " i.note, i.silenced_utc, i.silence_reason, i.closed_utc, i.resolved_by, i.resolution, i.root_cause, i.actions,"
    " i.evidence");
const QString kIncidentFrom = QStringLiteral("incidents i LEFT JOIN servers s ON s.id = i.server_id");

IncidentRecord readIncident(const QSqlQuery &q)
{
    IncidentRecord i;
    i.id = q.value(0).toLongLong();
    i.serverId = q.value(1).toLongLong();
    i.serverName = q.value(2).toString();
    i.kind = q.value(3).toString();
    i.subject = q.value(4).toString();
    i.severity = q.value(5).toString();
    if (i.severity.isEmpty()) // rows from before schema 5
        i.severity = incidents::defaultSeverity(i.kind);
    if (!q.value(6).isNull())
        i.affectsPublication = q.value(6).toInt() != 0;
    i.title = q.value(7).toString();
    i.detail = q.value(8).toString();
    i.openedUtc = fromDbTime(q.value(9));
    i.detectedUtc = fromDbTime(q.value(10));
    i.lastObservedUtc = fromDbTime(q.value(11));
    i.observations = q.value(12).toInt();
    i.acknowledgedUtc = fromDbTime(q.value(13));
    i.acknowledgedBy = q.value(14).toString();
    i.note = q.value(15).toString();
    i.silencedUtc = fromDbTime(q.value(16));
    i.silenceReason = q.value(17).toString();
    i.closedUtc = fromDbTime(q.value(18));
    i.resolvedBy = q.value(19).toString();
    i.resolution = q.value(20).toString();
    i.rootCause = q.value(21).toString();
    i.actions = q.value(22).toString();
    i.evidence = QJsonDocument::fromJson(q.value(23).toByteArray()).object();
    return i;
}

QVariant text(const QString &value)
{
    return value.isEmpty() ? QVariant() : QVariant(value);
}

QVariant affectsValue(const std::optional<bool> &affects)
{
    return affects ? QVariant(*affects ? 1 : 0) : QVariant();
}

std::optional<double> seconds(const QDateTime &from, const QDateTime &to)
{
    if (!from.isValid() || !to.isValid())
        return std::nullopt;
    return from.msecsTo(to) / 1000.0;
}

bool knownSeverity(const QString &severity)
{
    return severity == QLatin1String("critical") || severity == QLatin1String("major")
        || severity == QLatin1String("minor");
}

} // namespace

QString IncidentRecord::state() const
{
    if (closedUtc.isValid())
        return QStringLiteral("resolved");
    if (acknowledgedUtc.isValid())
        return QStringLiteral("acknowledged");
    return QStringLiteral("open");
}

std::optional<double> IncidentRecord::timeToDetectS() const
{
    return seconds(openedUtc, detectedUtc);
}

std::optional<double> IncidentRecord::timeToAcknowledgeS() const
{
    return seconds(detectedUtc, acknowledgedUtc);
}

std::optional<double> IncidentRecord::timeToResolveS() const
{
    return seconds(detectedUtc, closedUtc);
}

bool IncidentRecord::operator==(const IncidentRecord &o) const
{
    return id == o.id && serverId == o.serverId && kind == o.kind && subject == o.subject && severity == o.severity
        && affectsPublication == o.affectsPublication && title == o.title && detail == o.detail
        && openedUtc == o.openedUtc && detectedUtc == o.detectedUtc && lastObservedUtc == o.lastObservedUtc
        && observations == o.observations && acknowledgedUtc == o.acknowledgedUtc
        && acknowledgedBy == o.acknowledgedBy && note == o.note && silencedUtc == o.silencedUtc
        && silenceReason == o.silenceReason && closedUtc == o.closedUtc && resolvedBy == o.resolvedBy
        && resolution == o.resolution && rootCause == o.rootCause && actions == o.actions && evidence == o.evidence;
}

namespace {

// Appends one timeline event inside the caller's transaction.
bool appendEvent(QSqlDatabase &database, IncidentEvent &event, QString *error)
{
    QSqlQuery q(database);
    q.prepare(QStringLiteral("INSERT INTO incident_events (incident_id, at_utc, actor, type, text) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(event.incidentId);
    q.addBindValue(toDbTime(event.atUtc));
    q.addBindValue(event.actor);
    q.addBindValue(event.type);
    q.addBindValue(text(event.text));
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    event.id = q.lastInsertId().toLongLong();
    return true;
}

std::optional<IncidentRecord> readOne(QSqlDatabase &database, qint64 id, qint64 server)
{
    QSqlQuery q(database);
    q.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE i.id = ? AND i.server_id = ?").arg(kIncidentColumns, kIncidentFrom));
    q.addBindValue(id);
    q.addBindValue(server);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readIncident(q);
}

// The unresolved incident of this server with this kind and subject, if any.
std::optional<IncidentRecord> findUnresolved(QSqlDatabase &database, qint64 server, const QString &kind,
                                             const QString &subject)
{
    QSqlQuery q(database);
    q.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE i.server_id = ? AND i.kind = ? AND IFNULL(i.subject, '') = ?"
                             " AND i.closed_utc IS NULL ORDER BY i.id DESC LIMIT 1")
                  .arg(kIncidentColumns, kIncidentFrom));
    q.addBindValue(server);
    q.addBindValue(kind);
    q.addBindValue(subject);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readIncident(q);
}

} // namespace

std::optional<IncidentUpdate> Store::raiseIncident(const IncidentRecord &c)
{
    if (c.kind.isEmpty() || !c.detectedUtc.isValid()) {
        fail(Tr::tr("Incidente sin tipo o sin hora de detección."));
        return std::nullopt;
    }
    if (!needServer())
        return std::nullopt;
    IncidentUpdate update;
    const bool ok = transaction([&](QSqlDatabase &database) {
        QString error;
        const QByteArray evidence = c.evidence.isEmpty() ? QByteArray() : QJsonDocument(c.evidence).toJson(QJsonDocument::Compact);
        if (const auto existing = findUnresolved(database, m_server, c.kind, c.subject)) {
            QSqlQuery q(database);
            q.prepare(QStringLiteral("UPDATE incidents SET observations = observations + 1, last_observed_utc = ?,"
                                     " detail = COALESCE(?, detail), evidence = COALESCE(?, evidence) WHERE id = ?"));
            q.addBindValue(toDbTime(c.detectedUtc));
            q.addBindValue(text(c.detail));
            q.addBindValue(evidence.isEmpty() ? QVariant() : QVariant(QString::fromUtf8(evidence)));
            q.addBindValue(existing->id);
            if (!q.exec())
                return fail(q.lastError().text());
            update.event = {0, existing->id, c.detectedUtc, kActor, QStringLiteral("observation"), c.detail};
        } else {
            QSqlQuery q(database);
            q.prepare(QStringLiteral(
                "INSERT INTO incidents (server_id, kind, subject, severity, affects_publication, title, detail,"
                " opened_utc, detected_utc, last_observed_utc, observations, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)"));
            q.addBindValue(m_server);
            q.addBindValue(c.kind);
            q.addBindValue(c.subject);
            q.addBindValue(knownSeverity(c.severity) ? c.severity : incidents::defaultSeverity(c.kind));
            q.addBindValue(affectsValue(c.affectsPublication ? c.affectsPublication
                                                             : incidents::defaultAffectsPublication(c.kind)));
            q.addBindValue(c.title);
            q.addBindValue(text(c.detail));
            q.addBindValue(toDbTime(c.openedUtc.isValid() && c.openedUtc <= c.detectedUtc ? c.openedUtc : c.detectedUtc));
            q.addBindValue(toDbTime(c.detectedUtc));
            q.addBindValue(toDbTime(c.detectedUtc));
            q.addBindValue(evidence.isEmpty() ? QVariant() : QVariant(QString::fromUtf8(evidence)));
            if (!q.exec())
                return fail(q.lastError().text());
            update.opened = true;
            update.event = {0, q.lastInsertId().toLongLong(), c.detectedUtc, kActor, QStringLiteral("opened"),
                            c.detail.isEmpty() ? c.title : c.detail};
        }
        if (!appendEvent(database, update.event, &error))
            return fail(error);
        const auto after = readOne(database, update.event.incidentId, m_server);
        if (!after)
            return fail(Tr::tr("El incidente %1 no se pudo leer.").arg(update.event.incidentId));
        update.incident = *after;
        update.changed = true;
        return true;
    });
    if (!ok)
        return std::nullopt;
    if (m_incidentObserver)
        m_incidentObserver(update);
    return update;
}

std::optional<IncidentUpdate> Store::clearIncident(const QString &kind, const QString &subject, const QDateTime &atUtc,
                                                  const QString &why)
{
    if (!needServer())
        return std::nullopt;
    IncidentUpdate update;
    const bool ok = transaction([&](QSqlDatabase &database) {
        const auto existing = findUnresolved(database, m_server, kind, subject);
        if (!existing)
            return true; // nothing to resolve: not an error
        // Never before it was detected (a clock step, or a condition that cleared in the same instant).
        const QDateTime at = atUtc.isValid() && atUtc >= existing->detectedUtc ? atUtc : existing->detectedUtc;
        QSqlQuery q(database);
        q.prepare(QStringLiteral("UPDATE incidents SET closed_utc = ?, resolved_by = ?, resolution = 'auto' WHERE id = ?"));
        q.addBindValue(toDbTime(at));
        q.addBindValue(kActor);
        q.addBindValue(existing->id);
        if (!q.exec())
            return fail(q.lastError().text());
        QString words = why.isEmpty() ? Tr::tr("La condición terminó.") : why;
        if (existing->isSilenced())
            words += QLatin1Char(' ') + Tr::tr("El silencio termina con ella.");
        update.event = {0, existing->id, at, kActor, QStringLiteral("resolved"), words};
        QString error;
        if (!appendEvent(database, update.event, &error))
            return fail(error);
        const auto after = readOne(database, existing->id, m_server);
        if (!after)
            return fail(Tr::tr("El incidente %1 no se pudo leer.").arg(existing->id));
        update.incident = *after;
        update.changed = true;
        return true;
    });
    if (!ok)
        return std::nullopt;
    if (update.changed && m_incidentObserver)
        m_incidentObserver(update);
    return update;
}

std::optional<IncidentUpdate> Store::actOnIncident(qint64 id, IncidentAction action, const QString &actor,
                                                   const QString &rawText, const QDateTime &atUtc)
{
    if (!needServer())
        return std::nullopt;
    const QString note = rawText.trimmed();
    const QString who = actor.trimmed().isEmpty() ? Tr::tr("(sin nombre)") : actor.trimmed();
    const bool needsText = action == IncidentAction::Acknowledge || action == IncidentAction::Silence
        || action == IncidentAction::Resolve || action == IncidentAction::Note;
    if (needsText && note.isEmpty()) {
        fail(action == IncidentAction::Silence ? Tr::tr("Silenciar necesita un motivo.")
                                               : Tr::tr("Hace falta una nota: qué se vio o qué se hizo."));
        return std::nullopt;
    }
    IncidentUpdate update;
    const bool ok = transaction([&](QSqlDatabase &database) {
        const auto before = readOne(database, id, m_server);
        if (!before)
            return fail(Tr::tr("El incidente %1 no existe en este servidor.").arg(id));
        QString sql;
        QVariantList values;
        QString type;
        QString eventText = note;
        switch (action) {
        case IncidentAction::Acknowledge:
            if (before->state() != QLatin1String("open"))
                return fail(before->isOpen() ? Tr::tr("El incidente %1 ya estaba reconocido.").arg(id)
                                             : Tr::tr("El incidente %1 ya está resuelto.").arg(id));
            sql = QStringLiteral("acknowledged_utc = ?, acknowledged_by = ?, note = ?");
            values = {toDbTime(atUtc), who, note};
            type = QStringLiteral("ack");
            break;
        case IncidentAction::Note:
            type = QStringLiteral("note");
            break;
        case IncidentAction::Silence:
            if (!before->isOpen())
                return fail(Tr::tr("El incidente %1 ya está resuelto: no hay nada que silenciar.").arg(id));
            sql = QStringLiteral("silenced_utc = ?, silence_reason = ?");
            values = {toDbTime(atUtc), note};
            type = QStringLiteral("silenced");
            break;
        case IncidentAction::Resolve:
            if (!before->isOpen())
                return fail(Tr::tr("El incidente %1 ya está resuelto.").arg(id));
            sql = QStringLiteral("closed_utc = ?, resolved_by = ?, resolution = 'manual'");
            values = {toDbTime(atUtc), who};
            type = QStringLiteral("resolved");
            break;
        case IncidentAction::Reopen:
            if (before->isOpen())
                return fail(Tr::tr("El incidente %1 no está resuelto.").arg(id));
            sql = QStringLiteral("closed_utc = NULL, resolved_by = NULL, resolution = NULL, silenced_utc = NULL,"
                                 " silence_reason = NULL");
            type = QStringLiteral("reopened");
            break;
        case IncidentAction::SetSeverity:
            if (!knownSeverity(note))
                return fail(Tr::tr("Gravedad desconocida: %1 (critical, major o minor).").arg(note));
            sql = QStringLiteral("severity = ?");
            values = {note};
            type = QStringLiteral("severity");
            break;
        case IncidentAction::SetAffects:
            if (note == QLatin1String("true") || note == QLatin1String("false")) {
                values = {note == QLatin1String("true") ? 1 : 0};
            } else if (note == QLatin1String("null")) {
                values = {QVariant()};
            } else {
                return fail(Tr::tr("«Afectó la publicación» es true, false o null, no %1.").arg(note));
            }
            sql = QStringLiteral("affects_publication = ?");
            type = QStringLiteral("affects");
            break;
        case IncidentAction::SetRootCause:
            sql = QStringLiteral("root_cause = ?");
            values = {text(note)};
            type = QStringLiteral("root_cause");
            break;
        case IncidentAction::SetActions:
            sql = QStringLiteral("actions = ?");
            values = {text(note)};
            type = QStringLiteral("actions");
            break;
        case IncidentAction::Notified:
            type = QStringLiteral("notified");
            break;
        }
        if (!sql.isEmpty()) {
            QSqlQuery q(database);
            q.prepare(QStringLiteral("UPDATE incidents SET %1 WHERE id = ?").arg(sql));
            for (const QVariant &v : values)
                q.addBindValue(v);
            q.addBindValue(id);
            if (!q.exec())
                return fail(q.lastError().text());
        }
        update.event = {0, id, atUtc, who, type, eventText};
        QString error;
        if (!appendEvent(database, update.event, &error))
            return fail(error);
        const auto after = readOne(database, id, m_server);
        if (!after)
            return fail(Tr::tr("El incidente %1 no se pudo leer.").arg(id));
        update.incident = *after;
        update.changed = true;
        return true;
    });
    if (!ok)
        return std::nullopt;
    if (m_incidentObserver)
        m_incidentObserver(update);
    return update;
}

std::optional<IncidentRecord> Store::incident(qint64 id) const
{
    QSqlDatabase database = db();
    return readOne(database, id, m_server);
}

QList<IncidentRecord> Store::incidents(bool openOnly, int limit) const
{
    QList<IncidentRecord> list;
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE i.server_id = ? %3 ORDER BY i.opened_utc, i.id LIMIT ?")
                  .arg(kIncidentColumns, kIncidentFrom, openOnly ? QStringLiteral("AND i.closed_utc IS NULL") : QString()));
    q.addBindValue(m_server);
    q.addBindValue(limit);
    if (!q.exec())
        return list;
    while (q.next())
        list.append(readIncident(q));
    return list;
}

QList<IncidentEvent> Store::incidentEvents(qint64 id) const
{
    QList<IncidentEvent> list;
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT id, incident_id, at_utc, actor, type, text FROM incident_events"
                             " WHERE incident_id = ? ORDER BY id"));
    q.addBindValue(id);
    if (!q.exec())
        return list;
    while (q.next())
        list.append({q.value(0).toLongLong(), q.value(1).toLongLong(), fromDbTime(q.value(2)), q.value(3).toString(),
                     q.value(4).toString(), q.value(5).toString()});
    return list;
}

QList<IncidentRecord> Store::findIncidents(const IncidentFilter &f) const
{
    QStringList where;
    QVariantList values;
    if (f.state == QLatin1String("open")) {
        where << QStringLiteral("i.closed_utc IS NULL AND i.acknowledged_utc IS NULL");
    } else if (f.state == QLatin1String("acknowledged")) {
        where << QStringLiteral("i.closed_utc IS NULL AND i.acknowledged_utc IS NOT NULL");
    } else if (f.state == QLatin1String("resolved")) {
        where << QStringLiteral("i.closed_utc IS NOT NULL");
    } else if (f.state == QLatin1String("unresolved")) {
        where << QStringLiteral("i.closed_utc IS NULL");
    }
    if (!f.severity.isEmpty()) {
        // Rows from before schema 5 have no severity: their kind's default applies (done on read).
        where << QStringLiteral("IFNULL(i.severity, '') IN (?, '')");
        values << f.severity;
    }
    if (!f.kind.isEmpty()) {
        where << QStringLiteral("i.kind = ?");
        values << f.kind;
    }
    if (f.serverId > 0) {
        where << QStringLiteral("i.server_id = ?");
        values << f.serverId;
    }
    if (f.id > 0) {
        where << QStringLiteral("i.id = ?");
        values << f.id;
    }
    if (!f.serverIds.isEmpty()) {
        QStringList marks;
        for (qint64 server : f.serverIds) {
            marks << QStringLiteral("?");
            values << server;
        }
        where << QStringLiteral("i.server_id IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    if (f.drillId > 0) {
        where << QStringLiteral("i.id IN (SELECT incident_id FROM drill_incidents WHERE drill_id = ?)");
        values << f.drillId;
    }
    if (f.sinceUtc.isValid()) {
        // Still going at `since`, or started after it.
        where << QStringLiteral("(i.closed_utc IS NULL OR i.closed_utc >= ? OR i.opened_utc >= ?)");
        values << toDbTime(f.sinceUtc) << toDbTime(f.sinceUtc);
    }
    if (f.untilUtc.isValid()) {
        where << QStringLiteral("i.opened_utc < ?");
        values << toDbTime(f.untilUtc);
    }
    QList<IncidentRecord> list;
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT %1 FROM %2 %3 ORDER BY i.detected_utc DESC, i.id DESC LIMIT ?")
                  .arg(kIncidentColumns, kIncidentFrom,
                       where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND "))));
    for (const QVariant &v : values)
        q.addBindValue(v);
    q.addBindValue(f.limit);
    if (!q.exec()) {
        fail(q.lastError().text());
        return list;
    }
    while (q.next()) {
        IncidentRecord r = readIncident(q);
        if (!f.severity.isEmpty() && r.severity != f.severity)
            continue; // an old row whose kind's default is another severity
        list.append(r);
    }
    return list;
}

} // namespace difusor::store
