#pragma once

#include "IncidentRules.h"
#include "store/Records.h"

#include <QJsonObject>
#include <QStringList>

namespace difusor::cuts {

// `difusor-console watch --profile FILE [--duration S] [--format json|text] [--store FILE]
//  [--output FILE] [--traffic-period S] [--cut-wait S] [--trust-new-host-key]`: headless. Connects over
// SSH (the profile's key and known_hosts; DIFUSOR_SSH_SECRET answers a passphrase), runs a CutSession
// (and a TrafficSession when the profile has an access_log and --traffic-period is not 0) with its own
// store (--store, else DIFUSOR_STORE, else difusor-watch.sqlite in the data folder) and prints one line
// per event, each only after the store committed it:
//   {"type":"cut","cut_time","arrived_at","detected_at","official_seen_at","difusor_seen_at","lag_s",…}
//     printed once per cut when both sites have shown it, or --cut-wait seconds after it was recorded
//     (default: the lag limit + 5 s), or when a newer cut was recorded and --cut-wait/4 passed, or at the
//     end; sightings not made are null.
//   {"type":"incident","kind","opened_at","closed_at","detail",…}: when it opens (closed_at null) and
//     again when it closes.
//   {"type":"traffic",…}: one per closed traffic period (TrafficSession::periodLine).
// Times ISO 8601 UTC with milliseconds. Runs until --duration S passes (0: until SIGINT/SIGTERM).
// args excludes the program name and "watch". Needs a QCoreApplication; runs its event loop.
// Exit code: 0 done, 1 could not connect or open the store, 2 usage.
int runWatchCommand(const QStringList &args);

// The JSON lines (public for tests and tools).
QJsonObject watchCutLine(const store::CutRecord &cut);
QJsonObject watchIncidentLine(const IncidentChange &change, qint64 storeId);

} // namespace difusor::cuts
