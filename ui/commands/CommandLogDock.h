#pragma once

#include <QDockWidget>

class QTableView;

namespace difusor::remote {
class RemoteHost;
}

namespace difusor::ui {

class CommandLogModel;

// The "Comandos" pane: the audit trail of every remote command, following the newest row.
class CommandLogDock final : public QDockWidget
{
    Q_OBJECT
public:
    explicit CommandLogDock(QWidget *parent = nullptr, int limit = 5000);

    void setHost(remote::RemoteHost *host);
    CommandLogModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

private:
    CommandLogModel *m_model;
    QTableView *m_view;
};

} // namespace difusor::ui
