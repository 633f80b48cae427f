// The Store's part for drills (core/drills): one row per drill of one server, and the incidents raised
// while it ran.
#include "Store.h"

#include "common/Tr.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace difusor::store {

namespace {

const QString kDrillColumns = QStringLiteral(
    "d.id, d.server_id, s.profile_name, d.scenario, d.title, d.target, d.operator, d.started_utc, d.ended_utc,"
    " d.status, d.score, d.journal");
const QString kDrillFrom = QStringLiteral("drills d LEFT JOIN servers s ON s.id = d.server_id");

DrillRecord readDrill(const QSqlQuery &q)
{
    DrillRecord d;
    d.id = q.value(0).toLongLong();
    d.serverId = q.value(1).toLongLong();
    d.serverName = q.value(2).toString();
    d.scenario = q.value(3).toString();
    d.title = q.value(4).toString();
    d.target = q.value(5).toString();
    d.operatorName = q.value(6).toString();
    d.startedUtc = fromDbTime(q.value(7));
    d.endedUtc = fromDbTime(q.value(8));
    d.status = q.value(9).toString();
    if (!q.value(10).isNull())
        d.score = q.value(10).toDouble();
    d.journal = QJsonDocument::fromJson(q.value(11).toByteArray()).object();
    return d;
}

} // namespace

std::optional<qint64> Store::startDrill(const DrillRecord &drill)
{
    if (drill.scenario.isEmpty() || drill.target.isEmpty() || !drill.startedUtc.isValid()) {
        fail(Tr::tr("Un simulacro sin escenario, sin objetivo o sin hora no se guarda."));
        return std::nullopt;
    }
    if (!needServer())
        return std::nullopt;
    std::optional<qint64> id;
    const bool ok = transaction([&](QSqlDatabase &database) {
        QSqlQuery q(database);
        q.prepare(QStringLiteral("INSERT INTO drills (server_id, scenario, title, target, operator, started_utc, status)"
                                 " VALUES (?, ?, ?, ?, ?, ?, 'running')"));
        q.addBindValue(m_server);
        q.addBindValue(drill.scenario);
        q.addBindValue(drill.title);
        q.addBindValue(drill.target);
        q.addBindValue(drill.operatorName);
        q.addBindValue(toDbTime(drill.startedUtc));
        if (!q.exec())
            return fail(q.lastError().text());
        id = q.lastInsertId().toLongLong();
        return true;
    });
    return ok ? id : std::nullopt;
}

bool Store::finishDrill(qint64 id, const QString &status, std::optional<double> score, const QJsonObject &journal,
                        const QDateTime &endedUtc)
{
    if (!needServer())
        return false;
    return transaction([&](QSqlDatabase &database) {
        QSqlQuery q(database);
        q.prepare(QStringLiteral("UPDATE drills SET status = ?, score = ?, journal = ?, ended_utc = ?"
                                 " WHERE id = ? AND server_id = ?"));
        q.addBindValue(status);
        q.addBindValue(score ? QVariant(*score) : QVariant());
        q.addBindValue(QString::fromUtf8(QJsonDocument(journal).toJson(QJsonDocument::Compact)));
        q.addBindValue(toDbTime(endedUtc));
        q.addBindValue(id);
        q.addBindValue(m_server);
        if (!q.exec())
            return fail(q.lastError().text());
        if (q.numRowsAffected() != 1)
            return fail(Tr::tr("No hay simulacro %1 de este servidor.").arg(id));
        return true;
    });
}

bool Store::linkDrillIncident(qint64 drillId, qint64 incidentId, const QString &role)
{
    if (!needServer())
        return false;
    return transaction([&](QSqlDatabase &database) {
        QSqlQuery q(database);
        // Both must be this server's: a drill never claims another server's incident.
        q.prepare(QStringLiteral("INSERT INTO drill_incidents (drill_id, incident_id, role)"
                                 " SELECT d.id, i.id, ? FROM drills d, incidents i"
                                 " WHERE d.id = ? AND i.id = ? AND d.server_id = ? AND i.server_id = ?"
                                 " ON CONFLICT (drill_id, incident_id) DO UPDATE SET role = excluded.role"));
        q.addBindValue(role);
        q.addBindValue(drillId);
        q.addBindValue(incidentId);
        q.addBindValue(m_server);
        q.addBindValue(m_server);
        if (!q.exec())
            return fail(q.lastError().text());
        if (q.numRowsAffected() < 1)
            return fail(Tr::tr("El incidente %1 o el simulacro %2 no son de este servidor.").arg(incidentId).arg(drillId));
        return true;
    });
}

std::optional<DrillRecord> Store::drill(qint64 id) const
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE d.id = ?").arg(kDrillColumns, kDrillFrom));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readDrill(q);
}

QList<DrillRecord> Store::drills(int limit) const
{
    QList<DrillRecord> list;
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE d.server_id = ? ORDER BY d.started_utc DESC, d.id DESC LIMIT ?")
                  .arg(kDrillColumns, kDrillFrom));
    q.addBindValue(m_server);
    q.addBindValue(limit);
    if (!q.exec())
        return list;
    while (q.next())
        list.append(readDrill(q));
    return list;
}

QList<std::pair<qint64, QString>> Store::drillIncidents(qint64 drillId) const
{
    QList<std::pair<qint64, QString>> list;
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT incident_id, role FROM drill_incidents WHERE drill_id = ? ORDER BY incident_id"));
    q.addBindValue(drillId);
    if (!q.exec())
        return list;
    while (q.next())
        list.append({q.value(0).toLongLong(), q.value(1).toString()});
    return list;
}

} // namespace difusor::store
