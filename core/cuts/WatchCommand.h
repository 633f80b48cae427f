#pragma once

#include <QStringList>

namespace difusor::cuts {

// `difusor-console watch …`: headless. args excludes the program name and "watch".
// Needs a QCoreApplication; may run its event loop. Returns the process exit code.
int runWatchCommand(const QStringList &args);

} // namespace difusor::cuts
