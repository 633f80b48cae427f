#include "WatchCommand.h"

#include "common/Tr.h"

#include <QTextStream>

namespace difusor::cuts {

int runWatchCommand(const QStringList &args)
{
    Q_UNUSED(args)
    QTextStream(stderr) << Tr::tr("La orden \"%1\" aún no está disponible en esta versión.").arg(QStringLiteral("watch"))
                        << Qt::endl;
    return 2;
}

} // namespace difusor::cuts
