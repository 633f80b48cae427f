#pragma once

#include <QStringList>

namespace difusor::incidents {

// `difusor-console incidents [list] (--profile P | --store FILE) [--state open|acknowledged|resolved|unresolved|all]
//   [--since ISO] [--kind K] [--severity S] [--format json|csv|text]`
// `difusor-console incidents ack|resolve|note|silence (--profile P | --store FILE) ID --note TEXT [--by NAME]`
//
// Reads the one incident log of a store: --store FILE, else DIFUSOR_STORE, else the console's store in
// the data folder. --profile P keeps the incidents of the servers that profile identifies (its "id",
// else its name; any host key it met). JSON: {"incidents":[…incidentToJson with "events"…],"summary":…}.
// The actions write one timeline event each, committed before the command answers; without a note
// (or, for silence, a reason) nothing is written and the exit code is 2.
// args excludes the program name and "incidents". Exit: 0 ok, 1 refused (e.g. already acknowledged) or
// the store could not be opened, 2 bad input.
// (incidents --help prints the options and exit codes: common/CommandLine.h.)
int runIncidentsCommand(const QStringList &args);

} // namespace difusor::incidents
