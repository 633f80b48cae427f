#pragma once

#include "checks/CheckResult.h"

#include <QColor>
#include <QPixmap>

namespace difusor::ui {

// Verdict icons drawn in code, each with its own shape as well as its own colour (disc with a check,
// triangle with "!", square with a cross, circle with "?", hollow circle with a dash), so a verdict
// never rests on colour alone; the text ("CUMPLE", …) goes next to it.
QPixmap checkStatusIcon(checks::Status status, int size = 16);
QColor checkStatusColor(checks::Status status);

} // namespace difusor::ui
