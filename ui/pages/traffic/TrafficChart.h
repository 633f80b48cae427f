#pragma once

#include <QChartView>
#include <QList>
#include <QPointF>
#include <QStringList>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace difusor::ui {

// One live chart of the traffic page: one or two line series over a time axis (milliseconds, shown
// in Central Mexico time). Built for a once-a-second update without stutter: points are appended
// and trimmed at the front, never rebuilt except when the range changes; at most kMaxPoints per series.
class TrafficChart final : public QChartView
{
    Q_OBJECT
public:
    TrafficChart(const QString &title, const QString &unit, const QStringList &seriesNames, QWidget *parent = nullptr);

    void clearPoints();
    void appendPoints(int series, const QList<QPointF> &points);
    void trimBefore(qreal x);
    void setXRange(qreal fromMs, qreal toMs, const QString &format);
    // Y from 0 to a round number above the highest visible point.
    void updateYRange();

    int seriesCount() const { return int(m_series.size()); }
    int pointCount(int series = 0) const;
    qreal lastX(int series = 0) const;
    QLineSeries *series(int i) const { return m_series.value(i); }

    static constexpr int kMaxPoints = 1500;

private:
    QList<QLineSeries *> m_series;
    QDateTimeAxis *m_x;
    QValueAxis *m_y;
    qreal m_yMax = -1;
};

} // namespace difusor::ui
