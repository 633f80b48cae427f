#pragma once

#include <QDateTime>
#include <QJsonObject>
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

    // Publication lag: ours first seen minus official first seen (the one-minute rule).
    std::optional<qint64> lagMs() const;
    // Arrival on our server (console clock) to first seen on our site.
    std::optional<qint64> servedAfterArrivalMs() const;

    bool operator==(const CutRecord &other) const;
};

// An incident as kept: opened and (later) closed, with the technician's acknowledgement.
struct IncidentRecord
{
    qint64 id = 0;
    QString kind;    // stable id: "late_cut", "lag", "stale_site", …
    QString subject; // what it is about: "difusor", "official", a cut time
    QDateTime openedUtc;
    QDateTime closedUtc; // invalid while open
    QString detail;      // translated, for people
    QDateTime acknowledgedUtc;
    QString note;

    bool isOpen() const { return !closedUtc.isValid(); }
    bool operator==(const IncidentRecord &other) const;
};

// First time a site showed a cut (kept even when the cut never reached our disk).
struct SightingRecord
{
    QString site; // "official" or "difusor"
    QDateTime cutTimeUtc;
    QDateTime firstSeenUtc;
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
