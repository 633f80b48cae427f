#pragma once

#include "GuiOptions.h"

#include <QString>

class QApplication;

namespace difusor::ui {

// Opens the main window (with `--demo`: on the sandbox difusor) and runs the event loop.
int runGui(QApplication &app, const GuiOptions &options);

// The demo's store in `dir`, emptied for a new sandbox night: the previous run's file (and its -wal/-shm)
// becomes difusor-demo.anterior.sqlite, replacing the one before.
QString freshDemoStore(const QString &dir);

} // namespace difusor::ui
