#pragma once

#include "store/Records.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

#include <optional>

namespace difusor::ui {

// The incidents shown on the "Incidentes" page, in the page's order: unresolved first, by severity
// (critical, major, minor) then newest; resolved after, newest first. A refresh with the same
// incidents in the same order changes cells (dataChanged); otherwise the model resets and the page
// selects again what was selected.
class IncidentsTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Severity, State, Server, Title, Started, Age, Affects, Observations, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1;       // qint64
    static constexpr int SeverityRole = Qt::UserRole + 2; // "critical" …
    static constexpr int StateRole = Qt::UserRole + 3;    // "open" | "acknowledged" | "resolved"

    explicit IncidentsTableModel(QObject *parent = nullptr);

    // Replaces the list (sorted here). True when the rows changed (reset), false when only cells did.
    bool setIncidents(QList<store::IncidentRecord> incidents);
    // One incident as a change returned it (kept where it is, or moved to its place).
    void updateIncident(const store::IncidentRecord &incident);
    const QList<store::IncidentRecord> &incidents() const { return m_rows; }
    const store::IncidentRecord &incident(int row) const { return m_rows.at(row); }
    int rowOf(qint64 id) const; // -1 if not shown
    void tick();                // the age column moves with the clock

    // The order of the list: true when a goes before b.
    static bool before(const store::IncidentRecord &a, const store::IncidentRecord &b);
    static QDateTime startOf(const store::IncidentRecord &incident); // started, else detected
    static QString affectsText(const std::optional<bool> &affects); // "Sí" / "No" / "Sin determinar"
    static QString stateWord(const store::IncidentRecord &incident); // "Abierto", "Reconocido · silenciado"
    // "12 min" since the start while unresolved; "duró 3 min 05 s" once resolved.
    static QString ageText(const store::IncidentRecord &incident, const QDateTime &nowUtc);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<store::IncidentRecord> m_rows;
};

// "02/06/2024 21:15:03" in Central Mexico time (the zone is in the column title).
QString mexicoDateTime(const QDateTime &utc);

} // namespace difusor::ui
