#include "CommandLogDock.h"

#include "CommandLogModel.h"

#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>

namespace difusor::ui {

CommandLogDock::CommandLogDock(QWidget *parent, int limit)
    : QDockWidget(tr("Comandos"), parent)
    , m_model(new CommandLogModel(this, limit))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("commandLogDock"));
    m_view->setObjectName(QStringLiteral("commandLogView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(CommandLogModel::TimeColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CommandLogModel::KindColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CommandLogModel::CommandColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(CommandLogModel::DurationColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CommandLogModel::ResultColumn, QHeaderView::Interactive);
    header->resizeSection(CommandLogModel::ResultColumn, 220);
    setWidget(m_view);

    // Follow the newest command unless the technician scrolled up to read an older one.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        QScrollBar *bar = m_view->verticalScrollBar();
        if (bar->value() >= bar->maximum() - 2)
            m_view->scrollToBottom();
    });
}

void CommandLogDock::setHost(remote::RemoteHost *host)
{
    m_model->setHost(host);
}

} // namespace difusor::ui
