#pragma once

#include "drills/Simulacro.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace difusor::ui {

// The panels of the "Simulacros" page's second mode, the observe-only "simulacro oficial" (Simulacro):
// the figures (live and final), the panel that follows one (pre-flight, window, live figures, "Detener")
// and its report. The fault rehearsal's DrillProgress and DrillReport are about expectations and
// rollbacks, which an observe-only drill has none of: these are their siblings, not a mode of them.

// Cuts, lag against 60 s, incidents and the traffic peak of a simulacro's report (or of its live
// figures), one line each, in words and numbers; times in UTC-6 with the zone written.
class ObserveFigures final : public QWidget
{
    Q_OBJECT
public:
    explicit ObserveFigures(QWidget *parent = nullptr);

    void setFigures(const QJsonObject &figures);
    void clear();

    QLabel *cuts() const { return m_cuts; }
    QLabel *lag() const { return m_lag; }
    QLabel *incidents() const { return m_incidents; }
    QLabel *traffic() const { return m_traffic; }

private:
    QLabel *m_cuts;
    QLabel *m_lag;
    QLabel *m_incidents;
    QLabel *m_traffic;
};

// A simulacro while it is prepared and runs: its state, the six pre-flight items as each is decided
// (verdict and evidence), the window and the time left, the live figures every few seconds, its
// messages, and "Detener" (the report covers what was observed).
class ObserveProgress final : public QWidget
{
    Q_OBJECT
public:
    explicit ObserveProgress(QWidget *parent = nullptr);

    void follow(drills::Simulacro *simulacro, const QString &serverName);
    // The title again (the name may change between the pre-flight and the start); the rest stays.
    void setTitle(const QString &name, const QString &serverName);

    QLabel *title() const { return m_title; }
    QLabel *state() const { return m_state; }
    QLabel *step() const { return m_step; }
    QLabel *clock() const { return m_clock; }
    QLabel *preflightSummary() const { return m_summary; }
    QTableWidget *preflightTable() const { return m_preflight; }
    ObserveFigures *figures() const { return m_figures; }
    QListWidget *log() const { return m_log; }
    QPushButton *stopButton() const { return m_stop; }
    int liveUpdates() const { return m_liveUpdates; }

private:
    void onState(drills::Simulacro::State state);
    void onItem(const drills::PreflightItem &item);
    void onPreflightFinished(const QList<drills::PreflightItem> &items, bool allPassed);
    void onLive(const QJsonObject &figures);
    void onProgress(const QString &message);
    void tick();

    QPointer<drills::Simulacro> m_simulacro;
    QLabel *m_title;
    QLabel *m_state;
    QLabel *m_step;
    QLabel *m_clock;
    QLabel *m_summary;
    QTableWidget *m_preflight;
    QLabel *m_figuresTitle;
    ObserveFigures *m_figures;
    QListWidget *m_log;
    QPushButton *m_stop;
    QTimer m_tick;
    QDateTime m_observingSinceUtc;
    int m_liveUpdates = 0;
    bool m_stopping = false;
};

// A simulacro's report (Simulacro's, or the journal the store kept): status, the one-minute rule, who,
// the window, the figures, the pre-flight, the incidents with their times to detect/acknowledge/resolve,
// the comparison with the previous simulacro of the server. "Guardar JSON" writes it whole (0600, off
// the GUI thread) through a save dialog opened with open().
class ObserveReport final : public QWidget
{
    Q_OBJECT
public:
    explicit ObserveReport(QWidget *parent = nullptr);

    void setReport(const QJsonObject &report, const QString &fallbackTitle = {});
    QJsonObject report() const { return m_report; }

    QLabel *headline() const { return m_headline; }
    QLabel *verdict() const { return m_verdict; }
    QLabel *details() const { return m_details; }
    QLabel *notes() const { return m_notes; }
    ObserveFigures *figures() const { return m_figures; }
    QTableWidget *preflightTable() const { return m_preflight; }
    QTableWidget *incidentsTable() const { return m_incidents; }
    QTableWidget *comparisonTable() const { return m_comparison; }
    QPushButton *saveButton() const { return m_save; }

public Q_SLOTS:
    void save();
    void saveTo(const QString &path);

Q_SIGNALS:
    void saved(const QString &path, bool ok, const QString &message);

private:
    QJsonObject m_report;
    QLabel *m_headline;
    QLabel *m_verdict;
    QLabel *m_details;
    QLabel *m_notes;
    ObserveFigures *m_figures;
    QTableWidget *m_preflight;
    QTableWidget *m_incidents;
    QLabel *m_comparisonTitle;
    QTableWidget *m_comparison;
    QPushButton *m_save;
};

// The pre-flight items into a table (verdict, item, evidence, time in UTC-6).
void fillPreflightTable(QTableWidget *table, const QJsonArray &items);

} // namespace difusor::ui
