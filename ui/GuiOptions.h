#pragma once

#include <QStringList>

namespace difusor {
class CommandLine;
}

namespace difusor::ui {

// What the window takes from the command line. Widget-free: the command-line program (app/main.cpp,
// without Qt GUI) reads and checks the window's options before it hands over to the window's program.
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

} // namespace difusor::ui
