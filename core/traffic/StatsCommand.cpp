#include "StatsCommand.h"

#include "common/Tr.h"

#include <QTextStream>

namespace difusor::traffic {

int runStatsCommand(const QStringList &args)
{
    Q_UNUSED(args)
    QTextStream(stderr) << Tr::tr("La orden \"%1\" aún no está disponible en esta versión.").arg(QStringLiteral("stats"))
                        << Qt::endl;
    return 2;
}

} // namespace difusor::traffic
