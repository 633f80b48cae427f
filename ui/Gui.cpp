#include "Gui.h"

#include "MainWindow.h"

#include <QApplication>

namespace difusor::ui {

int runGui(QApplication &app, const QStringList &arguments)
{
    Q_UNUSED(arguments)
    MainWindow window;
    window.show();
    return app.exec();
}

} // namespace difusor::ui
