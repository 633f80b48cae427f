#pragma once

#include <QString>
#include <QStringList>

class QApplication;

namespace difusor {
class CommandLine;
}

namespace difusor::ui {

// What the window takes from the command line.
struct GuiOptions
{
    QStringList profiles;       // --profile, in order: the first is the primary server
    bool demo = false;          // --demo
    bool languageGiven = false; // --lang or DIFUSOR_LANG: else the language saved in the settings
};

// The window's options on the program's command line (main.cpp): --profile (repeatable), --demo; and,
// hidden from the usage text, Qt's own options (-platform, -style, -session…), which QApplication takes.
void addGuiOptions(CommandLine &line);
GuiOptions guiOptionsFrom(const CommandLine &line);

// Opens the main window (with `--demo`: on the sandbox difusor) and runs the event loop.
int runGui(QApplication &app, const GuiOptions &options);

// The demo's store in `dir`, emptied for a new sandbox night: the previous run's file (and its -wal/-shm)
// becomes difusor-demo.anterior.sqlite, replacing the one before.
QString freshDemoStore(const QString &dir);

} // namespace difusor::ui
