#include "IncidentsTableModel.h"

#include "IncidentIcons.h"
#include "common/MexicoTime.h"
#include "incidents/IncidentLog.h"
#include "notify/AlertSeverity.h"
#include "pages/cuts/CutsTableModel.h" // durationText

#include <QIcon>

#include <algorithm>

namespace difusor::ui {

QString mexicoDateTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return QStringLiteral("—");
    return utc.toTimeZone(mexicoCentralZone()).toString(QStringLiteral("dd/MM/yyyy HH:mm:ss"));
}

IncidentsTableModel::IncidentsTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QDateTime IncidentsTableModel::startOf(const store::IncidentRecord &i)
{
    return i.openedUtc.isValid() ? i.openedUtc : i.detectedUtc;
}

bool IncidentsTableModel::before(const store::IncidentRecord &a, const store::IncidentRecord &b)
{
    if (a.isOpen() != b.isOpen())
        return a.isOpen();
    if (a.isOpen()) {
        const int ra = severityRank(a.severity); // notify/AlertSeverity: higher is more severe
        const int rb = severityRank(b.severity);
        if (ra != rb)
            return ra > rb;
    }
    const QDateTime sa = startOf(a);
    const QDateTime sb = startOf(b);
    if (sa != sb)
        return sa > sb;
    return a.id > b.id;
}

QString IncidentsTableModel::affectsText(const std::optional<bool> &affects)
{
    if (!affects)
        return tr("Sin determinar");
    return *affects ? tr("Sí") : tr("No");
}

QString IncidentsTableModel::stateWord(const store::IncidentRecord &i)
{
    const QString word = incidents::stateText(i.state());
    return i.isSilenced() ? tr("%1 · silenciado").arg(word) : word;
}

QString IncidentsTableModel::ageText(const store::IncidentRecord &i, const QDateTime &nowUtc)
{
    const QDateTime start = startOf(i);
    if (!start.isValid())
        return QStringLiteral("—");
    if (i.isOpen())
        return durationText(std::max<qint64>(0, start.msecsTo(nowUtc)));
    return tr("duró %1").arg(durationText(std::max<qint64>(0, start.msecsTo(i.closedUtc))));
}

bool IncidentsTableModel::setIncidents(QList<store::IncidentRecord> incidents)
{
    std::stable_sort(incidents.begin(), incidents.end(), &IncidentsTableModel::before);
    bool sameRows = incidents.size() == m_rows.size();
    for (qsizetype i = 0; sameRows && i < incidents.size(); ++i)
        sameRows = incidents.at(i).id == m_rows.at(i).id;
    if (sameRows) {
        m_rows = std::move(incidents);
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        return false;
    }
    beginResetModel();
    m_rows = std::move(incidents);
    endResetModel();
    return true;
}

void IncidentsTableModel::updateIncident(const store::IncidentRecord &incident)
{
    const int row = rowOf(incident.id);
    if (row < 0)
        return;
    QList<store::IncidentRecord> rows = m_rows;
    store::IncidentRecord updated = incident;
    if (updated.serverName.isEmpty())
        updated.serverName = rows.at(row).serverName;
    rows[row] = updated;
    setIncidents(rows);
}

int IncidentsTableModel::rowOf(qint64 id) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return int(i);
    }
    return -1;
}

void IncidentsTableModel::tick()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Age), index(int(m_rows.size()) - 1, Age), {Qt::DisplayRole});
}

int IncidentsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int IncidentsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IncidentsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const store::IncidentRecord &i = m_rows.at(index.row());
    switch (role) {
    case IdRole: return i.id;
    case SeverityRole: return i.severity;
    case StateRole: return i.state();
    case Qt::DisplayRole:
        switch (index.column()) {
        case Severity: return incidents::severityText(i.severity);
        case State: return stateWord(i);
        case Server: return i.serverName.isEmpty() ? tr("(servidor %1)").arg(i.serverId) : i.serverName;
        case Title: return i.title;
        case Started: return mexicoDateTime(startOf(i));
        case Age: return ageText(i, QDateTime::currentDateTimeUtc());
        case Affects: return affectsText(i.affectsPublication);
        case Observations: return i.observations;
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == Severity)
            return QIcon(severityIcon(i.severity, 16));
        if (index.column() == State)
            return QIcon(incidentStateIcon(i.state(), 16));
        break;
    case Qt::ForegroundRole:
        if (index.column() == Severity && i.isOpen())
            return severityColor(i.severity);
        if (index.column() == State)
            return incidentStateColor(i.state());
        break;
    case Qt::ToolTipRole:
        if (index.column() == Title || index.column() == Observations)
            return i.detail.isEmpty() ? i.title : i.detail;
        if (index.column() == Age && i.isOpen())
            return tr("Sin resolver desde hace %1").arg(ageText(i, QDateTime::currentDateTimeUtc()));
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Observations)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default: break;
    }
    return {};
}

QVariant IncidentsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Severity: return tr("Gravedad");
    case State: return tr("Estado");
    case Server: return tr("Servidor");
    case Title: return tr("Incidente");
    case Started: return tr("Inicio (UTC-6)");
    case Age: return tr("Antigüedad / duración");
    case Affects: return tr("Afecta la publicación");
    case Observations: return tr("Observaciones");
    }
    return {};
}

} // namespace difusor::ui
