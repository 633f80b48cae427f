#include "Schema.h"

#include "common/Tr.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace difusor::store {

namespace {

// Append-only: a released step is never edited; later issues add steps at the end.
struct Step
{
    int version;
    QStringList statements;
};

const QList<Step> &steps()
{
    static const QList<Step> list = {
        {1,
         {QStringLiteral("CREATE TABLE cuts ("
                         " id INTEGER PRIMARY KEY,"
                         " package TEXT NOT NULL UNIQUE,"
                         " cut_time_utc INTEGER,"
                         " arrived_server_utc INTEGER,"
                         " arrived_console_utc INTEGER,"
                         " detected_utc INTEGER,"
                         " official_seen_utc INTEGER,"
                         " difusor_seen_utc INTEGER,"
                         " size INTEGER,"
                         " sha256 TEXT,"
                         " summary TEXT,"
                         " caught_up INTEGER NOT NULL DEFAULT 0)"),
          QStringLiteral("CREATE INDEX cuts_by_time ON cuts(cut_time_utc)"),
          QStringLiteral("CREATE TABLE cut_sightings ("
                         " site TEXT NOT NULL,"
                         " cut_time_utc INTEGER NOT NULL,"
                         " first_seen_utc INTEGER NOT NULL,"
                         " PRIMARY KEY (site, cut_time_utc))"),
          QStringLiteral("CREATE TABLE incidents ("
                         " id INTEGER PRIMARY KEY,"
                         " kind TEXT NOT NULL,"
                         " subject TEXT,"
                         " opened_utc INTEGER NOT NULL,"
                         " closed_utc INTEGER,"
                         " detail TEXT,"
                         " acknowledged_utc INTEGER,"
                         " note TEXT)"),
          QStringLiteral("CREATE INDEX incidents_open ON incidents(closed_utc)")}},
        // Infrastructure checks: one row per run, the verdicts as JSON (CheckResult::toJson array).
        {2,
         {QStringLiteral("CREATE TABLE check_runs ("
                         " id INTEGER PRIMARY KEY,"
                         " profile_name TEXT,"
                         " host TEXT NOT NULL,"
                         " started_utc INTEGER NOT NULL,"
                         " duration_ms INTEGER,"
                         " requirements_id TEXT,"
                         " results TEXT NOT NULL)"),
          QStringLiteral("CREATE INDEX check_runs_by_host ON check_runs(host, started_utc)")}},
        // One store, many servers: every record belongs to one server (the profile's id plus the host
        // key it connected to). Rows written before this step were keyed by package alone, whatever
        // server they came from; they are kept, under one server of their own ("base anterior"), so
        // nothing is lost and nothing of theirs is ever taken for a live server's.
        {3,
         {QStringLiteral("CREATE TABLE servers ("
                         " id INTEGER PRIMARY KEY,"
                         " profile_id TEXT NOT NULL,"
                         " host_key TEXT NOT NULL,"
                         " profile_name TEXT,"
                         " host TEXT,"
                         " first_seen_utc INTEGER,"
                         " last_seen_utc INTEGER,"
                         " UNIQUE (profile_id, host_key))"),
          QStringLiteral("INSERT INTO servers (id, profile_id, host_key, profile_name, host)"
                         " SELECT 1, '', '', 'base anterior', NULL WHERE EXISTS (SELECT 1 FROM cuts)"
                         " OR EXISTS (SELECT 1 FROM cut_sightings) OR EXISTS (SELECT 1 FROM incidents)"
                         " OR EXISTS (SELECT 1 FROM check_runs)"),
          QStringLiteral("CREATE TABLE cuts_v3 ("
                         " id INTEGER PRIMARY KEY,"
                         " server_id INTEGER NOT NULL REFERENCES servers(id),"
                         " package TEXT NOT NULL,"
                         " cut_time_utc INTEGER,"
                         " arrived_server_utc INTEGER,"
                         " arrived_console_utc INTEGER,"
                         " detected_utc INTEGER,"
                         " official_seen_utc INTEGER,"
                         " difusor_seen_utc INTEGER,"
                         " size INTEGER,"
                         " sha256 TEXT,"
                         " summary TEXT,"
                         " caught_up INTEGER NOT NULL DEFAULT 0,"
                         " UNIQUE (server_id, package))"),
          QStringLiteral("INSERT INTO cuts_v3 (id, server_id, package, cut_time_utc, arrived_server_utc,"
                         " arrived_console_utc, detected_utc, official_seen_utc, difusor_seen_utc, size, sha256,"
                         " summary, caught_up) SELECT id, 1, package, cut_time_utc, arrived_server_utc,"
                         " arrived_console_utc, detected_utc, official_seen_utc, difusor_seen_utc, size, sha256,"
                         " summary, caught_up FROM cuts"),
          QStringLiteral("DROP TABLE cuts"),
          QStringLiteral("ALTER TABLE cuts_v3 RENAME TO cuts"),
          QStringLiteral("CREATE INDEX cuts_by_time ON cuts(server_id, cut_time_utc)"),
          QStringLiteral("CREATE TABLE cut_sightings_v3 ("
                         " server_id INTEGER NOT NULL REFERENCES servers(id),"
                         " site TEXT NOT NULL,"
                         " cut_time_utc INTEGER NOT NULL,"
                         " first_seen_utc INTEGER NOT NULL,"
                         " PRIMARY KEY (server_id, site, cut_time_utc))"),
          QStringLiteral("INSERT INTO cut_sightings_v3 (server_id, site, cut_time_utc, first_seen_utc)"
                         " SELECT 1, site, cut_time_utc, first_seen_utc FROM cut_sightings"),
          QStringLiteral("DROP TABLE cut_sightings"),
          QStringLiteral("ALTER TABLE cut_sightings_v3 RENAME TO cut_sightings"),
          QStringLiteral("ALTER TABLE incidents ADD COLUMN server_id INTEGER REFERENCES servers(id)"),
          QStringLiteral("UPDATE incidents SET server_id = 1"),
          QStringLiteral("CREATE INDEX incidents_by_server ON incidents(server_id, closed_utc)"),
          QStringLiteral("ALTER TABLE check_runs ADD COLUMN server_id INTEGER REFERENCES servers(id)"),
          QStringLiteral("UPDATE check_runs SET server_id = 1"),
          QStringLiteral("CREATE INDEX check_runs_by_server ON check_runs(server_id, started_utc)")}},
        // A cut package that could not be read is kept too: why, in `unreadable` (NULL: read fine).
        {4, {QStringLiteral("ALTER TABLE cuts ADD COLUMN unreadable TEXT")}},
        // One incident log for every area (core/incidents): triage fields, and an append-only timeline.
        // opened_utc is the onset (started_at), closed_utc the resolution. Older rows were opened and
        // closed by the rules: detected at their onset, resolved "auto"; their timeline is rebuilt from
        // the columns they had. Severity NULL: the kind's default (applied on read).
        {5,
         {QStringLiteral("ALTER TABLE incidents ADD COLUMN severity TEXT"),
          QStringLiteral("ALTER TABLE incidents ADD COLUMN affects_publication INTEGER"),
          QStringLiteral("ALTER TABLE incidents ADD COLUMN title TEXT"),
          QStringLiteral("ALTER TABLE incidents ADD COLUMN detected_utc INTEGER"),
          QStringLiteral("ALTER TABLE incidents ADD COLUMN last_observed_utc INTEGER"),
          QStringLiteral("ALTER TABLE incidents ADD COLUMN observations INTEGER NOT NULL DEFAULT 1"),
          QStringLiteral("ALTER TABLE incidents ADD COLUMN acknowledged_by TEXT"),
          QStringLiteral("ALTER TABLE incidents ADD COLUMN silenced_utc INTEGER"),
          QStringLiteral("ALTER TABLE incidents ADD COLUMN silence_reason TEXT"),
          QStringLiteral("ALTER TABLE incidents ADD COLUMN resolved_by TEXT"),
          QStringLiteral("ALTER TABLE incidents ADD COLUMN resolution TEXT"),
          QStringLiteral("ALTER TABLE incidents ADD COLUMN root_cause TEXT"),
          QStringLiteral("ALTER TABLE incidents ADD COLUMN actions TEXT"),
          QStringLiteral("ALTER TABLE incidents ADD COLUMN evidence TEXT"),
          QStringLiteral("UPDATE incidents SET detected_utc = opened_utc, last_observed_utc = opened_utc"),
          QStringLiteral("UPDATE incidents SET resolution = 'auto', resolved_by = 'consola' WHERE closed_utc IS NOT NULL"),
          QStringLiteral("CREATE INDEX incidents_by_condition ON incidents(server_id, kind, subject, closed_utc)"),
          QStringLiteral("CREATE TABLE incident_events ("
                         " id INTEGER PRIMARY KEY,"
                         " incident_id INTEGER NOT NULL REFERENCES incidents(id),"
                         " at_utc INTEGER NOT NULL,"
                         " actor TEXT NOT NULL,"
                         " type TEXT NOT NULL,"
                         " text TEXT)"),
          QStringLiteral("CREATE INDEX incident_events_by_incident ON incident_events(incident_id, id)"),
          QStringLiteral("INSERT INTO incident_events (incident_id, at_utc, actor, type, text)"
                         " SELECT id, opened_utc, 'consola', 'opened', detail FROM incidents ORDER BY id"),
          QStringLiteral("INSERT INTO incident_events (incident_id, at_utc, actor, type, text)"
                         " SELECT id, acknowledged_utc, '', 'ack', note FROM incidents WHERE acknowledged_utc IS NOT NULL"),
          QStringLiteral("INSERT INTO incident_events (incident_id, at_utc, actor, type, text)"
                         " SELECT id, closed_utc, 'consola', 'resolved', NULL FROM incidents WHERE closed_utc IS NOT NULL"),
          // The timeline is evidence: once written, an event is never changed or removed.
          QStringLiteral("CREATE TRIGGER incident_events_no_update BEFORE UPDATE ON incident_events"
                         " BEGIN SELECT RAISE(ABORT, 'incident_events is append-only'); END"),
          QStringLiteral("CREATE TRIGGER incident_events_no_delete BEFORE DELETE ON incident_events"
                         " BEGIN SELECT RAISE(ABORT, 'incident_events is append-only'); END")}},
        // Drills (core/drills): one row per fault rehearsal or observed simulacro of one server, its
        // journal as JSON once it ended; the incidents raised while it ran are linked with their role.
        {6,
         {QStringLiteral("CREATE TABLE drills ("
                         " id INTEGER PRIMARY KEY,"
                         " server_id INTEGER NOT NULL REFERENCES servers(id),"
                         " scenario TEXT NOT NULL,"
                         " title TEXT,"
                         " target TEXT NOT NULL,"
                         " operator TEXT,"
                         " started_utc INTEGER NOT NULL,"
                         " ended_utc INTEGER,"
                         " status TEXT NOT NULL,"
                         " score REAL,"
                         " journal TEXT)"),
          QStringLiteral("CREATE INDEX drills_by_server ON drills(server_id, started_utc)"),
          QStringLiteral("CREATE TABLE drill_incidents ("
                         " drill_id INTEGER NOT NULL REFERENCES drills(id),"
                         " incident_id INTEGER NOT NULL REFERENCES incidents(id),"
                         " role TEXT NOT NULL,"
                         " PRIMARY KEY (drill_id, incident_id))"),
          QStringLiteral("CREATE INDEX drill_incidents_by_incident ON drill_incidents(incident_id)")}},
        // How well each sighting's time is known (LagProbe): the lag is stated "± N s". NULL: not known.
        {7, {QStringLiteral("ALTER TABLE cut_sightings ADD COLUMN uncertainty_ms INTEGER")}}
    };
    return list;
}

int currentVersion(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT version FROM schema_version")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

} // namespace

int latestSchemaVersion()
{
    return steps().constLast().version;
}

bool migrate(QSqlDatabase &db, QString *error)
{
    auto fail = [&](const QString &what, const QSqlError &sqlError) {
        if (error)
            *error = Tr::tr("No se pudo preparar la base de datos (%1): %2").arg(what, sqlError.text());
        db.rollback();
        return false;
    };
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")))
        return fail(QStringLiteral("schema_version"), q.lastError());
    const int version = currentVersion(db);
    if (version > latestSchemaVersion()) {
        if (error)
            *error = Tr::tr("La base de datos es de una versión más nueva de la consola (esquema %1).").arg(version);
        return false;
    }
    for (const Step &step : steps()) {
        if (step.version <= version)
            continue;
        if (!db.transaction())
            return fail(QString::number(step.version), db.lastError());
        for (const QString &statement : step.statements) {
            if (!q.exec(statement))
                return fail(QString::number(step.version), q.lastError());
        }
        q.exec(QStringLiteral("DELETE FROM schema_version"));
        q.prepare(QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"));
        q.addBindValue(step.version);
        if (!q.exec())
            return fail(QString::number(step.version), q.lastError());
        if (!db.commit())
            return fail(QString::number(step.version), db.lastError());
    }
    return true;
}

} // namespace difusor::store
