#pragma once

#include <QChartView>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QPair>

#include <optional>

class QCategoryAxis;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace difusor::ui {

// Expected arrivals against actual ones, on the console's clock: the slots are every cut interval
// (cut_interval_s) on the grid of the arrivals seen; a ring per expected slot on the zero line, a
// dot per arrival at how early or late it came against its slot, a diamond per slot whose margin
// (late_margin) passed with nothing. Shows the newest `windowSlots` slots: redrawn (a few dozen
// points) only when a cut arrives or a slot passes, never on every tick.
class CutsTimelineChart final : public QChartView
{
    Q_OBJECT
public:
    explicit CutsTimelineChart(QWidget *parent = nullptr);

    void setRules(qint64 intervalMs, qint64 lateMarginMs);
    // Full rebuild (history at connect): arrival (console clock) -> cut time.
    void setArrivals(const QList<QPair<QDateTime, QDateTime>> &arrivals, const QDateTime &nowUtc);
    void addArrival(const QDateTime &arrivalUtc, const QDateTime &cutUtc);
    void tick(const QDateTime &nowUtc);
    void clear();

    int expectedCount() const;
    int arrivalCount() const;
    int missingCount() const;
    static constexpr int windowSlots = 32;

private:
    qint64 slotOf(const QDateTime &arrivalUtc) const;
    QDateTime slotTime(qint64 slot) const;
    double delayValue(qint64 ms) const;
    void rebuild();

    QLineSeries *m_zero;
    QScatterSeries *m_expected;
    QScatterSeries *m_arrivals;
    QScatterSeries *m_missing;
    QCategoryAxis *m_x;
    QValueAxis *m_y;
    qint64 m_intervalMs = 15 * 60 * 1000;
    qint64 m_marginMs = 2 * 60 * 1000;
    QDateTime m_anchor;       // an arrival: slots are anchor + k * interval
    QMap<QDateTime, QDateTime> m_cuts; // arrival -> cut (bounded: the newest few windows)
    qint64 m_lastSlot = 0;   // newest expected slot: the one due next
    qint64 m_lastJudged = -1; // newest slot whose deadline has passed
};

// Per-cut lag (ours first shown minus official first shown), with the max_lag line.
class CutsLagChart final : public QChartView
{
    Q_OBJECT
public:
    explicit CutsLagChart(QWidget *parent = nullptr);

    void setMaxLagMs(qint64 ms);
    void setLags(const QList<QPair<QDateTime, qint64>> &lags); // full rebuild
    void addLag(const QDateTime &cutUtc, qint64 lagMs);
    void clear();

    int lagCount() const;
    int overCount() const;
    static constexpr int windowCuts = 32;

private:
    void rebuild();

    QLineSeries *m_lag;
    QScatterSeries *m_over;
    QLineSeries *m_limit;
    QCategoryAxis *m_x;
    QValueAxis *m_y;
    qint64 m_maxLagMs = 60 * 1000;
    QMap<QDateTime, qint64> m_lags; // newest windowCuts
};

} // namespace difusor::ui
