#pragma once

#include "cuts/CutMonitor.h"
#include "cuts/IncidentRules.h"
#include "pages/PageContext.h"

#include <QDateTime>
#include <QMap>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QTableView;

namespace difusor::ui {

class CutsHeader;
class CutsLagChart;
class CutsTableModel;
class CutsTimelineChart;

// "Cortes y publicación": the header (status, current cut, age, lag), the table of cuts, the chart
// of expected slots against arrivals and the lag chart. Fed by a cuts::CutMonitor (whose signals
// come only after the store committed) and, at setMonitor(), by the history in the store.
// Nothing here blocks: the history is read on the store thread; live events touch one line.
class CutsPage final : public QWidget
{
    Q_OBJECT
public:
    explicit CutsPage(QWidget *parent = nullptr);
    ~CutsPage() override;

    // Starts showing `monitor`: clears and reloads the history of the monitor's server from the store
    // (CutMonitor::store()). nullptr: nothing is
    // watched any more (what was shown stays, the status says so).
    // `source`: who is watched, for the line under the header (profile name).
    void setMonitor(cuts::CutMonitor *monitor, const QString &source = {});
    cuts::CutMonitor *monitor() const { return m_monitor; }
    // What the cut watcher is doing (from CutSession), shown under the header. A problem (not
    // watching) also keeps the header from saying "En tiempo".
    void setWatcherText(const QString &text, bool problem);

    CutsHeader *header() const { return m_header; }
    CutsTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    CutsTimelineChart *timeline() const { return m_timeline; }
    CutsLagChart *lagChart() const { return m_lagChart; }
    QList<cuts::Incident> openIncidents() const { return m_open.values(); }

Q_SIGNALS:
    void historyLoaded(int rows);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void loadHistory();
    void onIncident(const cuts::IncidentChange &change);
    void refreshStatus();
    void refreshCurrent();
    void refreshLag(const QDateTime &nowUtc);
    void onTick();
    void updateInfo();

    QPointer<cuts::CutMonitor> m_monitor;
    QString m_source;
    int m_generation = 0; // history answers for an older monitor are dropped
    QMap<quint64, cuts::Incident> m_open;
    qint64 m_maxLagMs = 60 * 1000;
    bool m_lagRunning = false;
    QTimer m_tick;

    CutsHeader *m_header;
    QLabel *m_info;
    QLabel *m_watcher;
    QLabel *m_storeError;
    CutsTableModel *m_model;
    QTableView *m_table;
    CutsTimelineChart *m_timeline;
    CutsLagChart *m_lagChart;
    QString m_historyText;
    QString m_watcherProblem; // the watcher's text while the publication folder is not watched
};

// Puts the page into the window (MainWindow::setPage) and runs the watch of the connected
// profile's cuts (created on hostChanged, torn down on disconnect or host change).
void installCutsPage(const PageContext &context);

} // namespace difusor::ui
