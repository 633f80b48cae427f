#pragma once

#include "drills/DrillRunner.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace difusor::ui {

// A drill while it runs: what it is doing (the runner's step), each expectation expected vs seen (the
// incident, its time to detect as it comes, decided or still waited for), the time elapsed against the
// expected duration and the stop condition, the runner's messages, and "Detener" (the runner cancels;
// its rollbacks still run, and the panel says so until they are done).
class DrillProgress final : public QWidget
{
    Q_OBJECT
public:
    explicit DrillProgress(QWidget *parent = nullptr);

    // Follows `runner` from now on (its scenario's expected and maximum durations, in seconds).
    void follow(drills::DrillRunner *runner, const QString &title, const QString &server, int expectedS, int maxS);

    QLabel *step() const { return m_step; }
    QLabel *clock() const { return m_clock; }
    QTableWidget *expectations() const { return m_expectations; }
    QListWidget *log() const { return m_log; }
    QPushButton *stopButton() const { return m_stop; }
    bool stopping() const { return m_stopping; }

private:
    void onProgress(const QString &message);
    void onPhase(drills::DrillRunner::Phase phase);
    void refreshExpectations();
    void tick();

    QPointer<drills::DrillRunner> m_runner;
    QLabel *m_title;
    QLabel *m_phase;
    QLabel *m_step;
    QLabel *m_clock;
    QProgressBar *m_bar;
    QTableWidget *m_expectations;
    QListWidget *m_log;
    QPushButton *m_stop;
    QTimer m_tick;
    QElapsedTimer m_elapsed;
    int m_expectedS = 0;
    int m_maxS = 0;
    bool m_stopping = false;
};

} // namespace difusor::ui
