#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace difusor::store {

// One cut package as recorded. Invalid QDateTime = not known (NULL in the database).
struct CutRecord
{
    qint64 id = 0;
    QString package;             // "20240602_2115_PREP_DIP_LOC_DGO"
    QDateTime cutTimeUtc;        // the cut line's instant
    QDateTime arrivedServerUtc;  // file time on the server's clock
    QDateTime arrivedConsoleUtc; // the same moment on the console's clock (measured offset applied)
    QDateTime detectedUtc;       // when the console noticed it
    QDateTime officialSeenUtc;   // first seen on the official PREP site
    QDateTime difusorSeenUtc;    // first seen on our site
    qint64 size = -1;
    QString sha256;              // of the CSV, hex
    QJsonObject summary;         // PrepCut::summaryJson()
    bool caughtUp = false;       // found after a reconnect: arrival comes from the file's times
    QString unreadable;          // why the package could not be read (translated); empty: read fine.
                                 // Such a row's cut time comes from the package name (invalid if none)
    // The bound on each sighting's error (LagProbe::firstSeenUncertaintyMs); empty: not known.
    std::optional<qint64> officialSeenUncertaintyMs;
    std::optional<qint64> difusorSeenUncertaintyMs;

    // Publication lag: ours first seen minus official first seen (the one-minute rule).
    std::optional<qint64> lagMs() const;
    // The lag's "± N": both sightings' bounds added; empty when either is not known.
    std::optional<qint64> lagUncertaintyMs() const;
    // Arrival on our server (console clock) to first seen on our site.
    std::optional<qint64> servedAfterArrivalMs() const;

    bool operator==(const CutRecord &other) const;
};

// One incident of one server (the unified incident log, core/incidents): raised by an area's rule
// (cuts, lag, site, traffic, infrastructure check, connection), triaged by a technician.
// States: open -> acknowledged -> resolved (resolution "auto" when the condition cleared, "manual"
// when a technician resolved it). The same condition (server, kind, subject) while not resolved is
// a new observation of the same incident; after resolution it is a new incident. Every change is an
// IncidentEvent in an append-only timeline.
struct IncidentRecord
{
    qint64 id = 0;
    qint64 serverId = 0;
    QString serverName; // the server's profile name (filled by reads that span servers)
    QString kind;       // stable id: "late_cut", "lag", "stale_site", "check_failed", …
    QString subject;    // what it is about: "difusor", "official", a cut time, a check id, "ssh"
    QString severity;   // "critical" | "major" | "minor" (default per kind, changeable)
    std::optional<bool> affectsPublication; // default per kind, changeable; nullopt: not known
    QString title;      // translated, for people (the kind's title when the rule gave none)
    QString detail;     // translated, for people: the rule's latest words
    QDateTime openedUtc;   // started_at: the onset when the rule knows it (the slot a cut was due), else detection
    QDateTime detectedUtc; // when the console raised it
    QDateTime lastObservedUtc;
    int observations = 1;
    QDateTime acknowledgedUtc;
    QString acknowledgedBy;
    QString note; // the acknowledgement's note
    QDateTime silencedUtc; // a silence (no more notifications) lasts until the condition clears
    QString silenceReason;
    QDateTime closedUtc; // resolved_at; invalid while not resolved
    QString resolvedBy;
    QString resolution; // "auto" | "manual"; empty while not resolved
    QString rootCause;
    QString actions;
    QJsonObject evidence; // what raised it: the cut, the HTTP answer, the log lines (per kind)

    bool isOpen() const { return !closedUtc.isValid(); } // not resolved (open or acknowledged)
    bool isSilenced() const { return isOpen() && silencedUtc.isValid(); }
    QString state() const; // "open" | "acknowledged" | "resolved"
    // Seconds from onset to detection, detection to acknowledgement, detection to resolution.
    std::optional<double> timeToDetectS() const;
    std::optional<double> timeToAcknowledgeS() const;
    std::optional<double> timeToResolveS() const;
    bool operator==(const IncidentRecord &other) const;
};

// One entry of an incident's timeline (append-only: the database refuses to change or delete one).
struct IncidentEvent
{
    qint64 id = 0;
    qint64 incidentId = 0;
    QDateTime atUtc;
    QString actor; // "consola" for the rules, else the technician's name
    QString type;  // opened | observation | ack | note | silenced | notified | resolved | reopened |
                   // severity | affects | root_cause | actions
    QString text;
};

// What one change did: the incident as it is after the change, and the event recorded for it.
// `changed` false: nothing was to do (a condition cleared that had no incident).
struct IncidentUpdate
{
    IncidentRecord incident;
    IncidentEvent event;
    bool changed = false;
    bool opened = false; // a new incident (not an observation of one already open)
};

// What a technician does to an incident. Acknowledge, Silence and Resolve need a text (the note or
// the reason); SetSeverity takes "critical"|"major"|"minor"; SetAffects "true"|"false"|"null".
enum class IncidentAction {
    Acknowledge,
    Note,
    Silence,
    Resolve,
    Reopen,
    SetSeverity,
    SetAffects,
    SetRootCause,
    SetActions,
    Notified, // the console notified someone (desktop notification): recorded, no state change
};

// A read of incidents that may span servers (the incident page, the export, the CLI).
struct IncidentFilter
{
    QString state;          // "open", "acknowledged", "resolved", "unresolved" (open or acknowledged); empty: all
    QString severity;       // empty: all
    QString kind;           // empty: all
    qint64 serverId = 0;    // 0: all servers
    QDateTime sinceUtc;     // started or resolved at/after this (invalid: no bound)
    QDateTime untilUtc;     // started before this (invalid: no bound)
    qint64 id = 0;          // one incident (0: any)
    QList<qint64> serverIds; // any of these servers (empty: no bound; combined with serverId)
    qint64 drillId = 0;      // only the incidents a drill recorded as its own (0: any)
    int limit = 10000;
};

// One drill (core/drills): a fault rehearsal on the sandbox ("sandbox") or an observed simulacro
// ("observe") on one server, with its Chaos Toolkit-shaped journal. The incidents raised while it ran
// are linked to it (Store::linkDrillIncident), each with its role in the drill.
struct DrillRecord
{
    qint64 id = 0;
    qint64 serverId = 0;
    QString serverName;   // the server's profile name (filled by reads)
    QString scenario;     // a built-in scenario's name, or the file it came from
    QString title;
    QString target;       // "sandbox" | "observe"
    QString operatorName; // who ran it
    QDateTime startedUtc;
    QDateTime endedUtc;   // invalid while it runs (or if the console died during it)
    QString status;       // "running", then "completed" | "failed" | "aborted"
    std::optional<double> score; // Σ weight × passed / Σ weight; nullopt while it runs
    QJsonObject journal;  // the drill's journal (`drill run --format json`), once it ended
};

// First time a site showed a cut (kept even when the cut never reached our disk).
struct SightingRecord
{
    SightingRecord() = default;
    SightingRecord(const QString &site_, const QDateTime &cutTimeUtc_, const QDateTime &firstSeenUtc_,
                   std::optional<qint64> uncertaintyMs_ = std::nullopt)
        : site(site_)
        , cutTimeUtc(cutTimeUtc_)
        , firstSeenUtc(firstSeenUtc_)
        , uncertaintyMs(uncertaintyMs_)
    {
    }

    QString site; // "official" or "difusor"
    QDateTime cutTimeUtc;
    QDateTime firstSeenUtc;
    std::optional<qint64> uncertaintyMs; // the bound on firstSeenUtc's error, when known
};

// Who a record belongs to: one server, known by the profile's id and the host key it connected to.
// The same profile on a server whose key changed, or two profiles on one server, are different servers.
struct ServerIdentity
{
    QString profileId;   // Profile::identityId(): the profile's "id", else its name
    QString hostKey;     // "SHA256:…" as ssh-keygen prints it; "local" for a LocalHost
    QString profileName; // for people (kept up to date, not part of the identity)
    QString host;        // "user@host:port", for people

    bool isComplete() const { return !profileId.isEmpty() && !hostKey.isEmpty(); }
};

struct ServerRecord
{
    qint64 id = 0;
    ServerIdentity identity;
    QDateTime firstSeenUtc;
    QDateTime lastSeenUtc;
};

} // namespace difusor::store

Q_DECLARE_METATYPE(difusor::store::IncidentUpdate)
Q_DECLARE_METATYPE(difusor::store::IncidentRecord)
