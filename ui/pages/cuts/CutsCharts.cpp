#include "CutsCharts.h"

#include "CutsTableModel.h"
#include "common/MexicoTime.h"

#include <QCategoryAxis>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QScatterSeries>
#include <QValueAxis>

#include <cmath>

namespace difusor::ui {

namespace {

// Category labels in Central Mexico time at round steps (the machine's own zone never shows).
void setTimeAxis(QCategoryAxis *axis, qint64 minMs, qint64 maxMs)
{
    if (maxMs <= minMs)
        maxMs = minMs + 60 * 1000;
    for (const QString &label : axis->categoriesLabels())
        axis->remove(label);
    axis->setRange(double(minMs), double(maxMs));
    axis->setStartValue(double(minMs));
    static const qint64 steps[] = {1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440};
    qint64 stepMs = steps[std::size(steps) - 1] * 60000;
    for (const qint64 minutes : steps) {
        if ((maxMs - minMs) / (minutes * 60000) <= 6) {
            stepMs = minutes * 60000;
            break;
        }
    }
    const bool withDate = maxMs - minMs > 20 * 3600 * 1000LL;
    const qint64 offsetMs = qint64(mexicoCentralZone().offsetFromUtc(QDateTime::fromMSecsSinceEpoch(minMs, Qt::UTC))) * 1000;
    // Round in local (Mexico) time so labels fall on :00, :15, …
    qint64 t = ((minMs + offsetMs + stepMs - 1) / stepMs) * stepMs - offsetMs;
    for (; t <= maxMs; t += stepMs) {
        const QDateTime utc = QDateTime::fromMSecsSinceEpoch(t, Qt::UTC);
        const QString label = withDate ? utc.toTimeZone(mexicoCentralZone()).toString(QStringLiteral("dd/MM HH:mm"))
                                       : mexicoClock(utc, false);
        axis->append(label, double(t));
    }
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
}

QScatterSeries *scatter(const QString &name, QScatterSeries::MarkerShape shape, const QColor &fill,
                        const QColor &border, qreal size)
{
    auto *s = new QScatterSeries;
    s->setName(name);
    s->setMarkerShape(shape);
    s->setMarkerSize(size);
    s->setColor(fill);
    s->setBorderColor(border);
    return s;
}

QChart *newChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    return chart;
}

const QColor kGreen(0x1e, 0x84, 0x49);
const QColor kRed(0xc0, 0x1c, 0x28);
const QColor kGrey(0x88, 0x88, 0x88);

} // namespace

// ---- timeline -------------------------------------------------------------------------------

CutsTimelineChart::CutsTimelineChart(QWidget *parent)
    : QChartView(parent)
    , m_zero(new QLineSeries)
    , m_expected(scatter(tr("Corte esperado"), QScatterSeries::MarkerShapeCircle, Qt::white, kGrey, 11))
    , m_arrivals(scatter(tr("Llegada real"), QScatterSeries::MarkerShapeCircle, kGreen, kGreen.darker(), 10))
    , m_missing(scatter(tr("Nada llegó a tiempo"), QScatterSeries::MarkerShapeRotatedRectangle, kRed, kRed.darker(), 14))
    , m_x(new QCategoryAxis)
    , m_y(new QValueAxis)
{
    QChart *c = newChart(QString()); // titled by setRules()
    m_zero->setPen(QPen(kGrey, 1));
    c->addSeries(m_zero);
    c->addSeries(m_expected);
    c->addSeries(m_missing);
    c->addSeries(m_arrivals);
    c->addAxis(m_x, Qt::AlignBottom);
    c->addAxis(m_y, Qt::AlignLeft);
    for (QAbstractSeries *s : c->series()) {
        s->attachAxis(m_x);
        s->attachAxis(m_y);
    }
    c->legend()->markers(m_zero).first()->setVisible(false);
    m_x->setTitleText(tr("Hora de llegada (%1)").arg(zoneLabel()));
    m_y->setLabelFormat(QStringLiteral("%.0f"));
    m_y->setTruncateLabels(false); // short numbers: never "…" (Qt elides them on a first, narrow layout)
    setChart(c);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);
    setRules(m_intervalMs, m_marginMs);
}

void CutsTimelineChart::setRules(qint64 intervalMs, qint64 lateMarginMs)
{
    m_intervalMs = qMax<qint64>(intervalMs, 1000);
    m_marginMs = lateMarginMs;
    m_y->setTitleText(m_intervalMs <= 5 * 60 * 1000 ? tr("Retraso (s)") : tr("Retraso (min)"));
    chart()->setTitle(tr("Llegadas de cortes: una esperada cada %1 (margen %2) y las reales")
                          .arg(durationText(m_intervalMs), durationText(m_marginMs)));
    rebuild();
}

double CutsTimelineChart::delayValue(qint64 ms) const
{
    return m_intervalMs <= 5 * 60 * 1000 ? double(ms) / 1000.0 : double(ms) / 60000.0;
}

qint64 CutsTimelineChart::slotOf(const QDateTime &arrivalUtc) const
{
    const double k = double(m_anchor.msecsTo(arrivalUtc)) / double(m_intervalMs);
    return qint64(std::floor(k + 0.5));
}

QDateTime CutsTimelineChart::slotTime(qint64 slot) const
{
    return m_anchor.addMSecs(slot * m_intervalMs);
}

void CutsTimelineChart::clear()
{
    m_anchor = {};
    m_cuts.clear();
    m_lastSlot = 0;
    m_lastJudged = -1;
    rebuild();
}

void CutsTimelineChart::setArrivals(const QList<QPair<QDateTime, QDateTime>> &arrivals, const QDateTime &nowUtc)
{
    m_cuts.clear();
    m_anchor = {};
    for (const auto &a : arrivals) {
        if (!a.first.isValid())
            continue;
        m_cuts.insert(a.first, a.second);
        if (!m_anchor.isValid() || a.first > m_anchor)
            m_anchor = a.first; // anchored on the newest arrival: its grid is the one that matters now
    }
    m_lastSlot = 0;
    m_lastJudged = -1;
    tick(nowUtc);
    rebuild();
}

void CutsTimelineChart::addArrival(const QDateTime &arrivalUtc, const QDateTime &cutUtc)
{
    if (!arrivalUtc.isValid())
        return;
    // After a long silence (another night, a long outage) the old grid means nothing: start anew.
    if (!m_anchor.isValid()
        || (!m_cuts.isEmpty() && m_cuts.lastKey().msecsTo(arrivalUtc) > windowSlots * m_intervalMs)) {
        m_anchor = arrivalUtc;
        m_cuts.clear(); // all of them were outside the window anyway
        m_lastSlot = 0;
        m_lastJudged = -1;
    }
    m_cuts.insert(arrivalUtc, cutUtc);
    // Keep memory bounded over a long night: only the newest few windows matter for the chart.
    while (m_cuts.size() > 4 * windowSlots)
        m_cuts.erase(m_cuts.begin());
    m_lastSlot = qMax(m_lastSlot, slotOf(arrivalUtc) + 1);
    rebuild();
}

void CutsTimelineChart::tick(const QDateTime &nowUtc)
{
    if (!m_anchor.isValid())
        return;
    const qint64 elapsed = m_anchor.msecsTo(nowUtc);
    // The slot due next, and the newest slot whose deadline (slot + margin) has passed.
    const qint64 due = elapsed < 0 ? 1 : elapsed / m_intervalMs + 1;
    const qint64 deadline = elapsed - m_marginMs;
    const qint64 judged = deadline < 0 ? -1 : deadline / m_intervalMs;
    if (due > m_lastSlot || judged != m_lastJudged) {
        m_lastSlot = qMax(m_lastSlot, due);
        m_lastJudged = judged;
        rebuild();
    }
}

void CutsTimelineChart::rebuild()
{
    QList<QPointF> expected, arrivals, missing;
    double maxDelay = 0;
    if (m_anchor.isValid()) {
        // Nothing was expected before the first arrival we know of.
        const qint64 first = qMax(m_lastSlot - windowSlots + 1, slotOf(m_cuts.firstKey()));
        QMap<qint64, bool> filled;
        for (auto it = m_cuts.cbegin(); it != m_cuts.cend(); ++it) {
            const qint64 slot = slotOf(it.key());
            if (slot < first || slot > m_lastSlot)
                continue;
            filled.insert(slot, true);
            const double delay = delayValue(slotTime(slot).msecsTo(it.key()));
            maxDelay = qMax(maxDelay, qAbs(delay));
            arrivals.append(QPointF(double(it.key().toMSecsSinceEpoch()), delay));
        }
        for (qint64 slot = first; slot <= m_lastSlot; ++slot) {
            const QPointF p(double(slotTime(slot).toMSecsSinceEpoch()), 0);
            expected.append(p);
            // Judged slots only, and never before the first cut we know of (nothing was expected then).
            if (slot <= m_lastJudged && !filled.contains(slot))
                missing.append(p);
        }
    }
    m_expected->replace(expected);
    m_arrivals->replace(arrivals);
    m_missing->replace(missing);
    if (expected.isEmpty()) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        setTimeAxis(m_x, now - 3600 * 1000, now);
        m_zero->clear();
    } else {
        const qint64 pad = m_intervalMs / 2;
        const qint64 lo = qint64(expected.first().x()) - pad;
        const qint64 hi = qint64(expected.last().x()) + pad;
        setTimeAxis(m_x, lo, hi);
        m_zero->replace(QList<QPointF>{QPointF(double(lo), 0), QPointF(double(hi), 0)});
    }
    const double span = qMax(delayValue(m_intervalMs) / 4.0, std::ceil(maxDelay * 1.2));
    m_y->setRange(-span, span);
    m_y->applyNiceNumbers();
}

int CutsTimelineChart::expectedCount() const
{
    return int(m_expected->count());
}

int CutsTimelineChart::arrivalCount() const
{
    return int(m_arrivals->count());
}

int CutsTimelineChart::missingCount() const
{
    return int(m_missing->count());
}

// ---- lag ------------------------------------------------------------------------------------

CutsLagChart::CutsLagChart(QWidget *parent)
    : QChartView(parent)
    , m_lag(new QLineSeries)
    , m_over(scatter(QString(), QScatterSeries::MarkerShapeRotatedRectangle, kRed, kRed.darker(), 13))
    , m_limit(new QLineSeries)
    , m_x(new QCategoryAxis)
    , m_y(new QValueAxis)
{
    QChart *c = newChart(tr("Desfase por corte: nuestro sitio − PREP oficial"));
    m_lag->setName(tr("Desfase (s)"));
    m_lag->setPointsVisible(true);
    m_lag->setPen(QPen(QColor(0x1c, 0x5f, 0xa8), 2));
    m_limit->setPen(QPen(kRed, 2, Qt::DashLine));
    c->addSeries(m_limit);
    c->addSeries(m_lag);
    c->addSeries(m_over);
    c->addAxis(m_x, Qt::AlignBottom);
    c->addAxis(m_y, Qt::AlignLeft);
    for (QAbstractSeries *s : c->series()) {
        s->attachAxis(m_x);
        s->attachAxis(m_y);
    }
    m_x->setTitleText(tr("Hora del corte (%1)").arg(zoneLabel()));
    m_y->setTitleText(tr("segundos"));
    m_y->setLabelFormat(QStringLiteral("%.0f"));
    m_y->setTruncateLabels(false); // short numbers: never "…" (Qt elides them on a first, narrow layout)
    setChart(c);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);
    setMaxLagMs(m_maxLagMs);
}

void CutsLagChart::setMaxLagMs(qint64 ms)
{
    m_maxLagMs = ms;
    m_limit->setName(tr("Máximo permitido: %1 s").arg(ms / 1000));
    m_over->setName(tr("Sobre el máximo"));
    rebuild();
}

void CutsLagChart::clear()
{
    m_lags.clear();
    rebuild();
}

void CutsLagChart::setLags(const QList<QPair<QDateTime, qint64>> &lags)
{
    m_lags.clear();
    for (const auto &l : lags)
        if (l.first.isValid())
            m_lags.insert(l.first, l.second);
    while (m_lags.size() > windowCuts)
        m_lags.erase(m_lags.begin());
    rebuild();
}

void CutsLagChart::addLag(const QDateTime &cutUtc, qint64 lagMs)
{
    if (!cutUtc.isValid())
        return;
    m_lags.insert(cutUtc, lagMs);
    while (m_lags.size() > windowCuts)
        m_lags.erase(m_lags.begin());
    rebuild();
}

void CutsLagChart::rebuild()
{
    QList<QPointF> points, over;
    double lo = 0;
    double hi = double(m_maxLagMs) / 1000.0 * 1.5;
    for (auto it = m_lags.cbegin(); it != m_lags.cend(); ++it) {
        const QPointF p(double(it.key().toMSecsSinceEpoch()), double(it.value()) / 1000.0);
        points.append(p);
        if (it.value() > m_maxLagMs)
            over.append(p);
        lo = qMin(lo, p.y());
        hi = qMax(hi, p.y() * 1.15);
    }
    m_lag->replace(points);
    m_over->replace(over);
    qint64 first = 0;
    qint64 last = 0;
    if (points.isEmpty()) {
        last = QDateTime::currentMSecsSinceEpoch();
        first = last - 3600 * 1000;
    } else {
        first = qint64(points.first().x());
        last = qint64(points.last().x());
        const qint64 pad = qMax<qint64>((last - first) / 20, 60 * 1000);
        first -= pad;
        last += pad;
    }
    setTimeAxis(m_x, first, last);
    const double limit = double(m_maxLagMs) / 1000.0;
    m_limit->replace(QList<QPointF>{QPointF(double(first), limit), QPointF(double(last), limit)});
    lo = qMin(lo, -hi * 0.05); // a lag of 0 stays visible above the axis
    m_y->setRange(std::floor(lo), std::ceil(hi));
    m_y->applyNiceNumbers();
}

int CutsLagChart::lagCount() const
{
    return int(m_lag->count());
}

int CutsLagChart::overCount() const
{
    return int(m_over->count());
}

} // namespace difusor::ui
