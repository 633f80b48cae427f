#pragma once

#include <QStringList>

namespace difusor::sandbox {

// `difusor-console sandbox run|fault|faults …`: headless (sandbox --help, sandbox run --help…). args
// excludes the program name and "sandbox".
// Needs a QCoreApplication; may run its event loop. Returns the process exit code.
int runSandboxCommand(const QStringList &args);

} // namespace difusor::sandbox
