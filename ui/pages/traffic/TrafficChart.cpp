#include "TrafficChart.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QLineSeries>
#include <QValueAxis>

#include <cmath>

namespace difusor::ui {

namespace {

// 1, 2, 5 × 10^n at or above v.
qreal niceCeiling(qreal v)
{
    if (v <= 0)
        return 1;
    const qreal p = std::pow(10.0, std::floor(std::log10(v)));
    for (const qreal m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * p >= v)
            return m * p;
    return 10 * p;
}

} // namespace

TrafficChart::TrafficChart(const QString &title, const QString &unit, const QStringList &seriesNames, QWidget *parent)
    : QChartView(parent)
{
    auto *chart = new QChart();
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setTitle(title);
    chart->setMargins(QMargins(4, 2, 4, 2));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->legend()->setVisible(seriesNames.size() > 1);
    chart->legend()->setAlignment(Qt::AlignTop);
    m_x = new QDateTimeAxis(chart);
    m_x->setFormat(QStringLiteral("HH:mm:ss"));
    m_x->setTickCount(5);
    m_y = new QValueAxis(chart);
    m_y->setTitleText(unit);
    m_y->setLabelFormat(QStringLiteral("%.4g"));
    m_y->setRange(0, 1);
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    static const QColor colors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28)};
    for (qsizetype i = 0; i < seriesNames.size(); ++i) {
        auto *s = new QLineSeries(chart);
        s->setName(seriesNames[i]);
        QPen pen(colors[i % 2]);
        pen.setWidthF(1.5);
        s->setPen(pen);
        chart->addSeries(s);
        s->attachAxis(m_x);
        s->attachAxis(m_y);
        m_series.append(s);
    }
    setChart(chart);
    setRenderHint(QPainter::Antialiasing, false);
    setMinimumHeight(150);
}

void TrafficChart::clearPoints()
{
    for (QLineSeries *s : std::as_const(m_series))
        s->clear();
    m_yMax = -1;
}

void TrafficChart::appendPoints(int series, const QList<QPointF> &points)
{
    QLineSeries *s = m_series.value(series);
    if (!s || points.isEmpty())
        return;
    if (points.size() <= 8 && s->count() + points.size() <= kMaxPoints) {
        s->append(points); // the once-a-second case: a signal per point, a few points
        return;
    }
    // Many points (a range switch, a catch-up): one replace, one redraw.
    QList<QPointF> all = s->points();
    all.append(points);
    if (all.size() > kMaxPoints)
        all.remove(0, all.size() - kMaxPoints);
    s->replace(all);
}

void TrafficChart::trimBefore(qreal x)
{
    for (QLineSeries *s : std::as_const(m_series)) {
        int n = 0;
        const int count = s->count();
        while (n < count && s->at(n).x() < x)
            ++n;
        if (n > 0)
            s->removePoints(0, n);
    }
}

void TrafficChart::setXRange(qreal fromMs, qreal toMs, const QString &format)
{
    if (m_x->format() != format)
        m_x->setFormat(format);
    m_x->setRange(QDateTime::fromMSecsSinceEpoch(qint64(fromMs)), QDateTime::fromMSecsSinceEpoch(qint64(toMs)));
}

void TrafficChart::updateYRange()
{
    qreal max = 0;
    for (QLineSeries *s : std::as_const(m_series)) {
        const int count = s->count();
        for (int i = 0; i < count; ++i)
            max = std::max(max, s->at(i).y());
    }
    const qreal top = niceCeiling(max * 1.05);
    if (top != m_yMax) {
        m_yMax = top;
        m_y->setRange(0, top);
    }
}

int TrafficChart::pointCount(int series) const
{
    QLineSeries *s = m_series.value(series);
    return s ? s->count() : 0;
}

qreal TrafficChart::lastX(int series) const
{
    QLineSeries *s = m_series.value(series);
    return s && s->count() > 0 ? s->at(s->count() - 1).x() : 0;
}

} // namespace difusor::ui
