#include "SandboxCommand.h"

#include "common/Tr.h"

#include <QTextStream>

namespace difusor::sandbox {

int runSandboxCommand(const QStringList &args)
{
    Q_UNUSED(args)
    QTextStream(stderr) << Tr::tr("La orden \"%1\" aún no está disponible en esta versión.").arg(QStringLiteral("sandbox"))
                        << Qt::endl;
    return 2;
}

} // namespace difusor::sandbox
