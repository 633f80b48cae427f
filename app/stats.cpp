// difusor-console-stats: `difusor-console stats …` (app/front.cpp sends it here), with Qt Core and the
// traffic code only: none of the other commands' libraries (Qt Network, Sql, HttpServer, libssh, OpenSSL,
// Kerberos) is loaded for a count that uses none of them.
#include "common/Translations.h"
#include "traffic/StatsCommand.h"

#include <QCoreApplication>
#include <QStringList>

int main(int argc, char **argv)
{
    QCoreApplication::setApplicationName(QStringLiteral("difusor-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DIFUSOR_VERSION));
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    QCoreApplication app(argc, argv);
    difusor::installTranslations(difusor::chooseLanguage(arguments));
    // After "difusor-console stats" (the front keeps the command's name in the arguments).
    const qsizetype first = arguments.value(1) == QLatin1String("stats") ? 2 : 1;
    return difusor::traffic::runStatsCommand(arguments.mid(first));
}
