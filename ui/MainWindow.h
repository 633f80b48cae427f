#pragma once

#include <QMainWindow>

namespace difusor::ui {

class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace difusor::ui
