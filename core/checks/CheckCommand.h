#pragma once

#include <QStringList>

namespace difusor::checks {

// `difusor-console check …`: headless (check --help tells the options and exit codes). args excludes
// the program name and "check".
// Needs a QCoreApplication; may run its event loop. Returns the process exit code.
int runCheckCommand(const QStringList &args);

} // namespace difusor::checks
