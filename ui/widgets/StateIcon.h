#pragma once

#include "remote/RemoteHost.h"

#include <QColor>
#include <QPixmap>

namespace difusor::ui {

// Connection-state icons drawn in code: each state has its own shape (check, dots, cross, ring) as
// well as its own colour, so the state never depends on colour alone; the text goes next to it.
QPixmap stateIcon(remote::ConnectionState state, int size = 16);
QColor stateColor(remote::ConnectionState state);

} // namespace difusor::ui
