#pragma once

#include <QStringList>

namespace difusor::traffic {

// `difusor-console stats …`: headless. args excludes the program name and "stats".
// Needs a QCoreApplication; may run its event loop. Returns the process exit code.
int runStatsCommand(const QStringList &args);

} // namespace difusor::traffic
