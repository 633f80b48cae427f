#pragma once

#include "Records.h"

#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <optional>

namespace difusor::store {

// One infrastructure check run (core/checks CheckReport) as kept: the verdicts as a JSON array of
// CheckResult::toJson objects, so older runs stay readable whatever the checks become.
struct CheckRunRecord
{
    qint64 id = 0;
    QString profileName;     // the connection profile's name
    QString host;            // "user@host:port" or "localhost": runs are compared per host
    QDateTime startedUtc;
    qint64 durationMs = 0;
    QString requirementsId;  // RequirementProfile::id()
    QJsonArray results;
};

// The console's SQLite database: every record in it belongs to one server (ServerIdentity). WAL
// journal with synchronous=FULL:
// when a write call returns true, its transaction is on disk (survives a crash of the console and,
// where the disk honours fsync, of the machine), so callers may show what they wrote.
//
// Threading: a Store belongs to the thread that opened it (Qt SQL connections are per thread).
// Each write is one small transaction with an fsync (a few ms, more on a busy disk): the product
// runs its Store on StoreThread, never on the GUI thread. Tests and headless commands may use it
// directly.
class Store final
{
public:
    Store();
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    // Opens (creating if needed) and migrates to the newest schema. Errors are translated text.
    bool open(const QString &path, QString *error = nullptr);
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }

    int schemaVersion() const;     // 0 when closed
    QString journalMode() const;   // "wal"
    QString lastError() const { return m_lastError; }

    // Servers. registerServer returns the id of the server with that identity, adding it when new (its
    // name, host and last_seen are brought up to date). An incomplete identity is refused.
    std::optional<qint64> registerServer(const ServerIdentity &identity, const QDateTime &seenUtc);
    QList<ServerRecord> servers() const;

    // The server every record call below reads and writes: nothing of one server is seen or used as
    // another's. With no server set (0) writes fail and reads find nothing. ServerStore sets it around
    // each job it runs.
    void setServer(qint64 serverId) { m_server = serverId; }
    qint64 server() const { return m_server; }

    // Cuts. insertCut keeps the first record of a package: inserting it again returns the old id; only
    // a row stored as unreadable is replaced (same id) when the package comes again and reads.
    std::optional<qint64> insertCut(const CutRecord &cut);
    std::optional<CutRecord> cut(qint64 id) const;
    std::optional<CutRecord> cutByPackage(const QString &package) const;
    std::optional<CutRecord> latestCut() const; // greatest cut time
    QList<CutRecord> cuts(int limit = 1000) const; // oldest first, the newest `limit`
    // The cuts that reached our disk in [from, until) (arrival on the console's clock, else the
    // detection), in arrival order; and the newest one that arrived before `utc` (a simulacro's window).
    QList<CutRecord> cutsArrivedBetween(const QDateTime &fromUtc, const QDateTime &untilUtc) const;
    std::optional<CutRecord> lastCutArrivedBefore(const QDateTime &utc) const;

    // A site's first sighting of a cut. Later sightings of the same cut are ignored (returns true).
    // Also fills cuts.official_seen_utc / difusor_seen_utc of the matching cut.
    bool recordSighting(const SightingRecord &sighting);
    QList<SightingRecord> sightings(const QString &site) const;

    // Incidents (the one incident log; core/incidents raises and clears through these). Each call is
    // one transaction that also appends its timeline event; once it committed, the incident observer
    // (setIncidentObserver) is told. The rules' actor is "consola".
    //
    // raiseIncident: a condition holds. `condition` gives kind, subject, title, detail, openedUtc (the
    // onset), detectedUtc and evidence (severity and affectsPublication: empty = the kind's default).
    // An incident of this server with the same kind and subject that is not resolved gets an
    // observation (observations + 1, detail and evidence updated); else a new incident opens.
    std::optional<IncidentUpdate> raiseIncident(const IncidentRecord &condition);
    // clearIncident: the condition no longer holds: its unresolved incident resolves ("auto"); a silence
    // ends with it. Nothing unresolved: changed = false.
    std::optional<IncidentUpdate> clearIncident(const QString &kind, const QString &subject, const QDateTime &atUtc,
                                                const QString &why = {});
    // A technician's action on one of this server's incidents. Refused (nullopt, lastError says why):
    // a missing note/reason, acknowledging what is not open, resolving what is resolved, silencing what
    // is resolved, reopening what is not resolved, an unknown severity.
    std::optional<IncidentUpdate> actOnIncident(qint64 id, IncidentAction action, const QString &actor,
                                                const QString &text, const QDateTime &atUtc);
    std::optional<IncidentRecord> incident(qint64 id) const;
    QList<IncidentRecord> incidents(bool openOnly = false, int limit = 5000) const; // this server's, oldest first
    QList<IncidentEvent> incidentEvents(qint64 id) const; // oldest first (any server's incident)
    // The one read that spans servers: the incident page, the export and `incidents --store`. Newest
    // first. Read only.
    QList<IncidentRecord> findIncidents(const IncidentFilter &filter) const;
    // Told after each committed incident change, on the store's thread (StoreThread re-emits it).
    void setIncidentObserver(std::function<void(const IncidentUpdate &)> observer) { m_incidentObserver = std::move(observer); }

    // Drills (core/drills). startDrill records one of this server's drills as running (its journal
    // comes with finishDrill); linkDrillIncident says an incident was raised while it ran, with its role
    // ("expected", "false_positive", "other" for a fault rehearsal; "observed" (opened in its window)
    // and "open_at_start" (unresolved when it opened) for an observe-only simulacro; a later link of the same incident replaces the role).
    std::optional<qint64> startDrill(const DrillRecord &drill);
    bool finishDrill(qint64 id, const QString &status, std::optional<double> score, const QJsonObject &journal,
                     const QDateTime &endedUtc);
    bool linkDrillIncident(qint64 drillId, qint64 incidentId, const QString &role);
    std::optional<DrillRecord> drill(qint64 id) const;          // any server's
    QList<DrillRecord> drills(int limit = 100) const;            // this server's, newest first
    QList<std::pair<qint64, QString>> drillIncidents(qint64 drillId) const; // (incident id, role), by id

    // Infrastructure check runs. lastCheckRuns: newest first, at most `count`, of one host.
    std::optional<qint64> addCheckRun(const CheckRunRecord &run);
    QList<CheckRunRecord> lastCheckRuns(int count = 2) const;
    // Told after addCheckRun committed (server id, run id), on the store's thread (StoreThread re-emits it).
    void setCheckRunObserver(std::function<void(qint64 serverId, qint64 runId)> observer) { m_checkRunObserver = std::move(observer); }

    // For later areas (checks runs, traffic): one transaction around their own statements, on the
    // same connection. The function returns false to roll back.
    bool transaction(const std::function<bool(QSqlDatabase &)> &work);

private:
    bool fail(const QString &text) const;
    bool needServer() const; // false (with lastError) when no server is set
    QSqlDatabase db() const;

    std::optional<IncidentUpdate> incidentChange(qint64 id, const std::function<bool(QSqlDatabase &, IncidentRecord &, IncidentEvent &)> &work);

    QString m_connection;
    qint64 m_server = 0;
    std::function<void(const IncidentUpdate &)> m_incidentObserver;
    std::function<void(qint64, qint64)> m_checkRunObserver;
    QString m_path;
    mutable QString m_lastError;
};

// Milliseconds since the epoch, UTC; invalid times are NULL.
QVariant toDbTime(const QDateTime &time);
QDateTime fromDbTime(const QVariant &value);

// The headless commands' store when --store is not given: $DIFUSOR_STORE, else difusor.sqlite in the
// application's data folder.
QString defaultStorePath();

} // namespace difusor::store
