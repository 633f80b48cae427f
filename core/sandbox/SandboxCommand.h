#pragma once

#include <QStringList>

namespace difusor::sandbox {

// `difusor-console sandbox …`: headless. args excludes the program name and "sandbox".
// Needs a QCoreApplication; may run its event loop. Returns the process exit code.
int runSandboxCommand(const QStringList &args);

} // namespace difusor::sandbox
