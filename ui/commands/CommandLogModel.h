#pragma once

#include "remote/RemoteHost.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>

#include <deque>

namespace difusor::ui {

// The technician's audit trail: every remote command the console ran, newest last, bounded to the
// last `limit` entries (older rows drop off the top).
class CommandLogModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, KindColumn, CommandColumn, DurationColumn, ResultColumn, ColumnCount };

    explicit CommandLogModel(QObject *parent = nullptr, int limit = 5000);

    void setHost(remote::RemoteHost *host); // follows its commandStarted / commandEnded
    void clear();
    int limit() const { return m_limit; }
    const remote::CommandLogEntry &entry(int row) const { return m_entries.at(static_cast<size_t>(row)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void addStarted(const remote::CommandLogEntry &entry);
    void addEnded(const remote::CommandLogEntry &entry);

    static QString resultText(const remote::CommandLogEntry &entry);
    static QString durationText(qint64 ms);

private:
    int rowOf(quint64 id) const; // -1 when gone or never seen

    QPointer<remote::RemoteHost> m_host;
    std::deque<remote::CommandLogEntry> m_entries;
    QHash<quint64, qint64> m_sequenceOfId; // id -> position since the log began
    qint64 m_dropped = 0;                  // rows dropped off the top so far
    int m_limit;
};

} // namespace difusor::ui
