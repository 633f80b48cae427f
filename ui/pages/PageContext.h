#pragma once

#include <QString>

namespace difusor::store {
class StoreThread;
}

namespace difusor::ui {

class MainWindow;

// What a live page gets when it is installed: the window (its hostChanged(RemoteHost*) signal tells
// when a server is connected; connection()->profile() what to watch) and the console's one store.
struct PageContext
{
    MainWindow *window = nullptr;
    store::StoreThread *store = nullptr; // opened by runGui(); may still be opening
    QString storePath;                   // its file (the export reads it from a worker thread)
};

// Replaces the placeholders of the pages that exist (each area installs its own; see pages/*/).
void installPages(const PageContext &context);

} // namespace difusor::ui
