#pragma once

#include "pages/PageContext.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QTimer>
#include <QWidget>

#include <optional>

class QTableWidget;

namespace difusor::ui {

class ServerEntry;
class ServerSet;

// "Resumen": one row per watched server, readable at a glance: connection, current cut and its age,
// the last measured lag against the limit, requests per second (last traffic period) and open
// incidents. Every state is a word (and an icon or colour beside it, never colour alone). A double
// click opens the server's cuts page.
class SummaryPage final : public QWidget
{
    Q_OBJECT
public:
    enum Column { ServerColumn, ConnectionColumn, CutColumn, AgeColumn, LagColumn, RateColumn, IncidentsColumn, ColumnCount };

    explicit SummaryPage(ServerSet *servers, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    int rowOf(ServerEntry *entry) const;
    QString text(ServerEntry *entry, Column column) const;

Q_SIGNALS:
    void openRequested(difusor::ui::ServerEntry *entry);

private:
    struct Row
    {
        QDateTime cutUtc;              // newest cut recorded this session
        QDateTime arrivalUtc;          // when it reached our server (console clock), if known
        std::optional<qint64> lagMs;   // of the last cut whose lag was measured
        qint64 maxLagMs = 60 * 1000;
        std::optional<double> requestsPerSecond;
        QSet<QString> openIncidents;   // "c<id>" cuts, "t<id>" traffic
    };

    void add(ServerEntry *entry);
    void remove(ServerEntry *entry);
    void attach(ServerEntry *entry);
    void refresh(ServerEntry *entry);
    void setCell(int row, Column column, const QString &text, const QColor &color = {});

    ServerSet *m_servers;
    QTableWidget *m_table;
    QList<ServerEntry *> m_order;
    QHash<ServerEntry *, Row> m_rows;
    QTimer m_tick;
};

void installSummaryPage(const PageContext &context);

} // namespace difusor::ui
