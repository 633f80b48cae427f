// difusor-console-commands and difusor-console-gui: one headless command (check, watch, stats, sandbox,
// incidents, drill, export) or the window. app/front.cpp (`difusor-console`) becomes one of them.
//
// Built twice. difusor-console-commands (DIFUSOR_COMMANDS_ONLY) has no Qt GUI and no widgets: every command
// starts without loading them (measured here: `--version` 46 -> 35 ms). The window and `export` (the memoria's
// PDF needs Qt GUI) are difusor-console-gui, the whole program, which difusor-console-commands becomes with the
// same arguments (execv: the same process and pid, nothing in between). `stats` has a program of its own
// (app/stats.cpp), which the front picks; it runs here too when this program is called directly.
#include "checks/CheckCommand.h"
#include "common/CommandLine.h"
#include "common/DataFolders.h"
#include "common/Tr.h"
#include "common/Translations.h"
#include "cuts/WatchCommand.h"
#include "drills/DrillCommand.h"
#include "incidents/IncidentsCommand.h"
#include "sandbox/SandboxCommand.h"
#include "traffic/StatsCommand.h"

#ifdef DIFUSOR_COMMANDS_ONLY
#include "GuiOptions.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>
#else
#include "export/ExportCommand.h"
#include "Gui.h"

#include <QApplication>
#include <QGuiApplication>
#endif

#include <QCoreApplication>
#include <QStringList>

#include <memory>

namespace {

using difusor::CommandLine;
using difusor::Tr;

// The headless commands: `difusor-console NAME …` runs `run` with the arguments after NAME. Each one
// parses its own command line with difusor::CommandLine (--help, --version, --lang, exit 2 on bad input).
// `summary` is the line of `difusor-console --help`, translated when shown. `run` null: the window's
// program runs it.
struct Command
{
    const char *name;
    int (*run)(const QStringList &args);
    const char *summary;
};

const Command Commands[] = {
    {"check", difusor::checks::runCheckCommand,
     QT_TRANSLATE_NOOP("difusor::Tr", "Verifica la infraestructura del servidor contra la convocatoria.")},
    {"watch", difusor::cuts::runWatchCommand,
     QT_TRANSLATE_NOOP("difusor::Tr", "Vigila cortes, desfase, incidentes y tráfico de uno o más servidores.")},
    {"stats", difusor::traffic::runStatsCommand,
     QT_TRANSLATE_NOOP("difusor::Tr", "Cuenta el tráfico de bitácoras de acceso de nginx.")},
    {"sandbox", difusor::sandbox::runSandboxCommand,
     QT_TRANSLATE_NOOP("difusor::Tr", "El difusor de prueba: run, fault, end-faults, faults.")},
    {"incidents", difusor::incidents::runIncidentsCommand,
     QT_TRANSLATE_NOOP("difusor::Tr", "Lista los incidentes de la base y los reconoce, resuelve, anota o silencia.")},
    {"drill", difusor::drills::runDrillCommand,
     QT_TRANSLATE_NOOP("difusor::Tr", "Simulacros: ensayos con fallas en el simulador, puntuados contra su verdad de referencia.")},
#ifdef DIFUSOR_COMMANDS_ONLY
    {"export", nullptr,
#else
    {"export", difusor::exporting::runExportCommand,
#endif
     QT_TRANSLATE_NOOP("difusor::Tr", "La memoria técnica como paquete BagIt, recolectada de los servidores; export verify DIR comprueba uno.")},
};

const Command *findCommand(const QString &name)
{
    for (const Command &command : Commands) {
        if (name == QLatin1String(command.name))
            return &command;
    }
    return nullptr;
}

QStringList argumentsOf(int argc, char **argv)
{
    QStringList list;
    for (int i = 0; i < argc; ++i)
        list.append(QString::fromLocal8Bit(argv[i]));
    return list;
}

// The program's own command line: the window's options, and the commands.
void defineProgram(CommandLine &line)
{
    difusor::ui::addGuiOptions(line);
    QList<QPair<QString, QString>> commands;
    for (const Command &command : Commands)
        commands.append({QLatin1String(command.name), QCoreApplication::translate("difusor::Tr", command.summary)});
    line.addSection(Tr::tr("Órdenes (difusor-console ORDEN --help describe cada una):"), commands);
}

QStringList programSynopsis()
{
    return {Tr::tr("[--profile PERFIL.json]… [--demo] [--lang es|en]"),
            Tr::tr("ORDEN [opciones]")};
}

QString programDescription()
{
    return Tr::tr("Consola de operación para el servidor de un difusor del PREP. Sin orden abre la ventana; con una "
                  "orden trabaja sin ventana, para scripts y para una segunda pantalla por SSH.");
}

#ifdef DIFUSOR_COMMANDS_ONLY
// This process becomes the window's program (difusor-console-gui) with the same arguments: beside this
// program, in the build and once installed (libexec/difusor-console). Returns only if that failed.
int becomeWindowProgram(int argc, char **argv)
{
    const QString self = QFileInfo(QStringLiteral("/proc/self/exe")).symLinkTarget();
    const QString window = QFileInfo(self).dir().filePath(QStringLiteral("difusor-console-gui"));
    const QByteArray path = QFile::encodeName(window);
    ::execv(path.constData(), argv);
    const int error = errno;
    QCoreApplication app(argc, argv);
    difusor::installTranslations(difusor::chooseLanguage(argumentsOf(argc, argv)));
    std::fprintf(stderr, "%s\n",
                 qPrintable(Tr::tr("No se pudo abrir el programa de la ventana (%1): %2")
                                .arg(window, QString::fromLocal8Bit(std::strerror(error)))));
    return difusor::ExitFailed;
}
#endif

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication::setApplicationName(QStringLiteral("difusor-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DIFUSOR_VERSION));
    difusor::settleDataFolders(); // ~/.local/share/difusor-console (0.1 doubled it: moved up once)

    const QStringList arguments = argumentsOf(argc, argv);
    if (const Command *command = findCommand(arguments.value(1))) {
#ifdef DIFUSOR_COMMANDS_ONLY
        if (!command->run)
            return becomeWindowProgram(argc, argv);
        QCoreApplication app(argc, argv);
        difusor::installTranslations(difusor::chooseLanguage(arguments));
        return command->run(arguments.mid(2));
#else
        // `export` writes the memoria's PDF, whose fonts and layout need Qt GUI: a QGuiApplication on
        // the offscreen platform (no display needed, nothing shown). Every other command: Qt Core only.
        std::unique_ptr<QCoreApplication> app;
        const QStringList rest = arguments.mid(2);
        const bool answersOnly = rest.contains(QLatin1String("verify")) || rest.contains(QLatin1String("--help"))
                                 || rest.contains(QLatin1String("-h")) || rest.contains(QLatin1String("--version"));
        if (qstrcmp(command->name, "export") == 0 && !answersOnly) {
            if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            app = std::make_unique<QGuiApplication>(argc, argv);
        } else {
            app = std::make_unique<QCoreApplication>(argc, argv);
        }
        difusor::installTranslations(difusor::chooseLanguage(arguments));
        return command->run(arguments.mid(2));
#endif
    }

    // The window's command line is read before any window exists: --help, --version and a bad command
    // line are answered from a QCoreApplication (no display needed, nothing opens), in the user's language.
    CommandLine line(QString(), programSynopsis(), programDescription());
    defineProgram(line);
    if (line.parseQuietly(arguments.mid(1)) != CommandLine::Parsed::Run || !line.positionalArguments().isEmpty()) {
        QCoreApplication app(argc, argv);
        difusor::installTranslations(difusor::chooseLanguage(arguments));
        CommandLine translated(QString(), programSynopsis(), programDescription());
        defineProgram(translated);
        if (const auto code = translated.parse(arguments.mid(1)))
            return *code;
        const QString word = translated.positionalArguments().constFirst();
        return translated.badInput(findCommand(word)
                                       ? Tr::tr("La orden va primero: difusor-console %1 [opciones].").arg(word)
                                       : Tr::tr("Orden desconocida: %1").arg(word));
    }

#ifdef DIFUSOR_COMMANDS_ONLY
    return becomeWindowProgram(argc, argv);
#else
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Consola del difusor PREP"));
    QApplication::setDesktopFileName(QStringLiteral(DIFUSOR_APP_ID));
    difusor::installTranslations(difusor::chooseLanguage(arguments));
    return difusor::ui::runGui(app, difusor::ui::guiOptionsFrom(line));
#endif
}
