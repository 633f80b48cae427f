// Test helper: `difusor-console sandbox …` without the GUI layers (the tests link difusor_core only).
// Used to run a sandbox as a child process, e.g. to kill it with SIGKILL.
#include "sandbox/SandboxCommand.h"

#include <QCoreApplication>
#include <QStringList>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments().mid(1);
    if (!args.isEmpty() && args.first() == QLatin1String("sandbox"))
        args.removeFirst();
    return difusor::sandbox::runSandboxCommand(args);
}
