#pragma once

#include <QStringList>

class QApplication;

namespace difusor::ui {

// Opens the main window (with `--demo`: on the sandbox difusor) and runs the event loop.
int runGui(QApplication &app, const QStringList &arguments);

} // namespace difusor::ui
