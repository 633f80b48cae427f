// difusor-console: the window, or one headless command (check, watch, stats, sandbox, incidents, export).
#include "checks/CheckCommand.h"
#include "common/Translations.h"
#include "cuts/WatchCommand.h"
#include "export/ExportCommand.h"
#include "incidents/IncidentsCommand.h"
#include "sandbox/SandboxCommand.h"
#include "traffic/StatsCommand.h"
#include "Gui.h"

#include <QApplication>
#include <QCoreApplication>
#include <QStringList>

#include <functional>
#include <map>

namespace {

QStringList argumentsOf(int argc, char **argv)
{
    QStringList list;
    for (int i = 0; i < argc; ++i)
        list.append(QString::fromLocal8Bit(argv[i]));
    return list;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication::setOrganizationName(QStringLiteral("difusor-console"));
    QCoreApplication::setApplicationName(QStringLiteral("difusor-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DIFUSOR_VERSION));

    const QStringList arguments = argumentsOf(argc, argv);
    const std::map<QString, std::function<int(const QStringList &)>> commands = {
        {QStringLiteral("check"), difusor::checks::runCheckCommand},
        {QStringLiteral("watch"), difusor::cuts::runWatchCommand},
        {QStringLiteral("stats"), difusor::traffic::runStatsCommand},
        {QStringLiteral("sandbox"), difusor::sandbox::runSandboxCommand},
        {QStringLiteral("incidents"), difusor::incidents::runIncidentsCommand},
        {QStringLiteral("export"), difusor::exporting::runExportCommand},
    };
    if (arguments.size() > 1) {
        const auto command = commands.find(arguments.at(1));
        if (command != commands.end()) {
            QCoreApplication app(argc, argv);
            difusor::installTranslations(difusor::chooseLanguage(arguments));
            return command->second(arguments.mid(2));
        }
    }

    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Consola del difusor PREP"));
    QApplication::setDesktopFileName(QStringLiteral(DIFUSOR_APP_ID));
    difusor::installTranslations(difusor::chooseLanguage(arguments));
    return difusor::ui::runGui(app, arguments);
}
