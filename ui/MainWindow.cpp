#include "MainWindow.h"

namespace difusor::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Consola del difusor PREP"));
    resize(1280, 800);
}

} // namespace difusor::ui
