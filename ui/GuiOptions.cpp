#include "GuiOptions.h"

#include "common/CommandLine.h"

#include <QCoreApplication>

namespace difusor::ui {

namespace {

// The window's texts, in the window's translation context.
QString trWindow(const char *text)
{
    return QCoreApplication::translate("difusor::ui::MainWindow", text);
}

} // namespace

void addGuiOptions(CommandLine &line)
{
    line.addOption({{QStringLiteral("profile")},
                    trWindow(QT_TRANSLATE_NOOP("difusor::ui::MainWindow",
                                               "Conecta al inicio con el servidor de este perfil. Puede darse más de una vez: el "
                                               "primero es el servidor principal, los demás se vigilan a su lado (una pestaña por "
                                               "servidor).")),
                    trWindow(QT_TRANSLATE_NOOP("difusor::ui::MainWindow", "PERFIL.json"))});
    line.addOption({{QStringLiteral("demo")},
                    trWindow(QT_TRANSLATE_NOOP("difusor::ui::MainWindow",
                                               "Arranca el difusor de prueba (sandbox run) y se conecta a él: un ensayo con sshd, "
                                               "nginx y rsync reales en 127.0.0.1. Sus datos van a una base aparte de la de las "
                                               "noches reales."))});
    // QApplication's own options, read by it from argv after us: accepted, never in the usage text.
    // (Session managers restart a program with -session; -platform and -style are common.)
    for (const char *name : {"platform", "platformpluginpath", "platformtheme", "plugin", "qwindowgeometry", "qwindowicon",
                             "qwindowtitle", "style", "stylesheet", "session", "display", "geometry"}) {
        QCommandLineOption option(QString::fromLatin1(name), QString(), QStringLiteral("X"));
        option.setFlags(QCommandLineOption::HiddenFromHelp);
        line.addOption(option);
    }
    for (const char *name : {"reverse", "widgetcount", "nograb", "dograb"}) {
        QCommandLineOption option(QString::fromLatin1(name), QString());
        option.setFlags(QCommandLineOption::HiddenFromHelp);
        line.addOption(option);
    }
    line.setSingleDashLongOptions(); // "-platform x", as Qt writes its options
}

GuiOptions guiOptionsFrom(const CommandLine &line)
{
    GuiOptions options;
    options.profiles = line.values(QStringLiteral("profile"));
    options.demo = line.isSet(QStringLiteral("demo"));
    options.languageGiven = line.isSet(QStringLiteral("lang")) || !qEnvironmentVariableIsEmpty("DIFUSOR_LANG");
    return options;
}

} // namespace difusor::ui
