#pragma once

#include "IncidentRules.h"
#include "store/Records.h"

#include <QJsonObject>
#include <QStringList>

namespace difusor::cuts {

// `difusor-console watch --profile FILE [--profile FILE…] [--duration S] [--format json|text] [--store FILE]
//  [--output FILE] [--traffic-period S] [--cut-wait S] [--trust-new-host-key] [--metrics-listen ADDR:PORT]`: headless. Connects over
// SSH to each profile's server (the profile's key and known_hosts; DIFUSOR_SSH_SECRET answers a
// passphrase), and once the server is known by its host key runs a CutSession (and a TrafficSession when
// the profile has an access_log and --traffic-period is not 0) on that server's part of the store
// (--store, else DIFUSOR_STORE, else difusor-watch.sqlite in the data folder: one file, every record
// owned by one server) and prints one line per event, each only after the store committed it, each
// with "server": the profile's name (text lines start with "[name] " when several servers are watched):
//   {"type":"cut","cut_time","arrived_at","detected_at","official_seen_at","difusor_seen_at","lag_s",…}
//     printed once per cut when both sites have shown it, or --cut-wait seconds after it was recorded
//     (default: the lag limit + 5 s), or when a newer cut was recorded and --cut-wait/4 passed, or at the
//     end; sightings not made are null.
//   {"type":"incident","event","id","kind","severity","state","affects_publication","started_at",
//     "detected_at","resolved_at","opened_at","closed_at","detail",…}: every change of the one incident
//     log (event: opened, ack, note, silenced, resolved, reopened, …), not each repeated observation.
//   {"type":"error","subject":"publication_dir"|"access_log","path","reason","at"}: that path cannot be
//     watched (missing, wrong type, not readable by the SSH user), within ~10 s of connecting; the
//     watching goes on trying. {"type":"recovered","subject","path","at"} when it can again.
//   {"type":"traffic",…}: one per closed traffic period (TrafficSession::periodLine), and at the end the
//     period still open, cut short ("partial":true).
// --metrics-listen ADDR:PORT (":PORT" is 127.0.0.1) also serves GET /metrics in the OpenMetrics text format
// (Prometheus 0.0.4 text when asked for text/plain), one label server="<profile name>" per series
// (metrics/ServerMetrics.h lists them).
// Times ISO 8601 UTC with milliseconds. Runs until --duration S passes (0: until SIGINT/SIGTERM).
// args excludes the program name and "watch". Needs a QCoreApplication; runs its event loop.
// Exit code (watch --help): 0 done and every server reached; 1 the store could not be opened (or a server
// registered in it), the metrics endpoint could not listen, or a server's publication_dir or access_log was
// never once watched (an "error" line said why); 2 bad input; 3 a server could never be
// reached (the run ends at once when none could).
int runWatchCommand(const QStringList &args);

// The JSON lines (public for tests and tools).
QJsonObject watchCutLine(const store::CutRecord &cut);
QJsonObject watchIncidentLine(const store::IncidentUpdate &update);
QJsonObject watchErrorLine(const QString &subject, const QString &path, const QString &reason);
QJsonObject watchRecoveredLine(const QString &subject, const QString &path);

} // namespace difusor::cuts
