#pragma once

#include "pages/PageContext.h"

namespace difusor::ui {

// Puts the page into the window (MainWindow::setPage). Until the page exists this keeps the placeholder.
void installTrafficPage(const PageContext &context);

} // namespace difusor::ui
