#include "CommandLogModel.h"

#include "common/MexicoTime.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace difusor::ui {

using remote::CommandLogEntry;
using remote::RemoteError;

CommandLogModel::CommandLogModel(QObject *parent, int limit)
    : QAbstractTableModel(parent)
    , m_limit(qMax(1, limit))
{
}

void CommandLogModel::setHost(remote::RemoteHost *host)
{
    if (m_host)
        disconnect(m_host, nullptr, this, nullptr);
    m_host = host;
    if (!host)
        return;
    connect(host, &remote::RemoteHost::commandStarted, this, &CommandLogModel::addStarted);
    connect(host, &remote::RemoteHost::commandEnded, this, &CommandLogModel::addEnded);
}

void CommandLogModel::clear()
{
    beginResetModel();
    m_entries.clear();
    m_sequenceOfId.clear();
    m_dropped = 0;
    endResetModel();
}

int CommandLogModel::rowOf(quint64 id) const
{
    const auto it = m_sequenceOfId.constFind(id);
    if (it == m_sequenceOfId.constEnd())
        return -1;
    const qint64 row = it.value() - m_dropped;
    return row >= 0 && row < static_cast<qint64>(m_entries.size()) ? static_cast<int>(row) : -1;
}

void CommandLogModel::addStarted(const CommandLogEntry &entry)
{
    if (static_cast<int>(m_entries.size()) >= m_limit) {
        beginRemoveRows({}, 0, 0);
        m_sequenceOfId.remove(m_entries.front().id);
        m_entries.pop_front();
        ++m_dropped;
        endRemoveRows();
    }
    const int row = static_cast<int>(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.push_back(entry);
    m_sequenceOfId.insert(entry.id, m_dropped + row);
    endInsertRows();
}

void CommandLogModel::addEnded(const CommandLogEntry &entry)
{
    const int row = rowOf(entry.id);
    if (row < 0) {
        // Started before we were listening (or dropped off the top): log it as a finished row.
        addStarted(entry);
        return;
    }
    m_entries[static_cast<size_t>(row)] = entry;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int CommandLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int CommandLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CommandLogModel::durationText(qint64 ms)
{
    if (ms < 0)
        return tr("en curso");
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    return tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', ms < 10000 ? 2 : 1));
}

QString CommandLogModel::resultText(const CommandLogEntry &entry)
{
    if (entry.durationMs < 0)
        return tr("en curso");
    if (entry.error != RemoteError::None && !entry.errorText.isEmpty()) {
        if (entry.exitStatus >= 0)
            return tr("salida %1: %2").arg(entry.exitStatus).arg(entry.errorText);
        return entry.errorText;
    }
    if (entry.exitStatus < 0)
        return tr("sin estado de salida");
    return tr("salida %1").arg(entry.exitStatus);
}

static QString kindText(const QString &kind)
{
    if (kind == QLatin1String("run"))
        return CommandLogModel::tr("comando");
    if (kind == QLatin1String("stream"))
        return CommandLogModel::tr("flujo");
    if (kind == QLatin1String("download"))
        return CommandLogModel::tr("descarga");
    return kind;
}

QVariant CommandLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const CommandLogEntry &e = m_entries.at(static_cast<size_t>(index.row()));
    const bool failed = e.durationMs >= 0 && (e.error != RemoteError::None || e.exitStatus != 0);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: return formatMexicoTime(e.startedUtc);
        case KindColumn: return kindText(e.kind);
        case CommandColumn: {
            // One line in the table; the whole command is in the tooltip.
            QString oneLine = e.command;
            oneLine.replace(QLatin1Char('\n'), QStringLiteral(" ⏎ "));
            return oneLine.left(500);
        }
        case DurationColumn: return durationText(e.durationMs);
        case ResultColumn: return resultText(e);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == CommandColumn)
            return e.command.left(4000);
        if (index.column() == ResultColumn)
            return resultText(e);
        break;
    case Qt::ForegroundRole:
        if (index.column() == ResultColumn && failed)
            return QBrush(QColor(0xc0, 0x1c, 0x28));
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == DurationColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::UserRole:
        return QVariant::fromValue(e.id);
    }
    return {};
}

QVariant CommandLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Hora (UTC-6)");
    case KindColumn: return tr("Tipo");
    case CommandColumn: return tr("Comando");
    case DurationColumn: return tr("Duración");
    case ResultColumn: return tr("Resultado");
    }
    return {};
}

} // namespace difusor::ui
