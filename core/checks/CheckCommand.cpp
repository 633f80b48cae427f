#include "CheckCommand.h"

#include "common/Tr.h"

#include <QTextStream>

namespace difusor::checks {

int runCheckCommand(const QStringList &args)
{
    Q_UNUSED(args)
    QTextStream(stderr) << Tr::tr("La orden \"%1\" aún no está disponible en esta versión.").arg(QStringLiteral("check"))
                        << Qt::endl;
    return 2;
}

} // namespace difusor::checks
