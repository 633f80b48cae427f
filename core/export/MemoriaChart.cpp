#include "MemoriaChart.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>
#include <cmath>

namespace difusor::exporting {

namespace {

// A round axis maximum (1, 2 or 5 times a power of ten) at or above v.
double niceCeiling(double v)
{
    if (!(v > 0))
        return 1;
    const double p = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * p >= v)
            return m * p;
    return 10 * p;
}

const QColor kValueColour(0x1f, 0x4e, 0x79);
const QColor kBaselineColour(0xb4, 0xc7, 0xd9);

} // namespace

MemoriaChartObject::MemoriaChartObject(QTextDocument *document)
    : QObject(document)
    , m_document(document)
{
    document->documentLayout()->registerHandler(kObjectType, this);
}

bool MemoriaChartObject::insertAt(const QString &marker, const MemoriaChartSpec &chart)
{
    QTextCursor cursor = m_document->find(marker);
    if (cursor.isNull())
        return false;
    const int id = int(m_charts.size()) + 1;
    m_charts.insert(id, chart);
    QTextCharFormat format;
    format.setObjectType(kObjectType);
    format.setProperty(kChartIdProperty, id);
    cursor.insertText(QString(QChar::ObjectReplacementCharacter), format);
    return true;
}

QSizeF MemoriaChartObject::intrinsicSize(QTextDocument *doc, int, const QTextFormat &)
{
    // The text width, and a third of it high: wide enough for 12 bar pairs with their labels.
    const qreal width = doc->textWidth() > 0 ? doc->textWidth() : doc->pageSize().width();
    return {width * 0.98, width * 0.36};
}

void MemoriaChartObject::drawObject(QPainter *painter, const QRectF &rect, QTextDocument *doc, int,
                                    const QTextFormat &format)
{
    const MemoriaChartSpec chart = m_charts.value(format.property(kChartIdProperty).toInt());
    if (chart.categories.isEmpty())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QFont font = doc->defaultFont();
    font.setPointSizeF(font.pointSizeF() * 0.8);
    painter->setFont(font);
    const QFontMetricsF fm(font, painter->device());
    const qreal line = fm.height();

    // Title and legend on top, category labels below, value labels on the left.
    QFont bold = font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(Qt::black);
    painter->drawText(QRectF(rect.left(), rect.top(), rect.width(), line), Qt::AlignLeft | Qt::AlignVCenter, chart.title);
    painter->setFont(font);
    qreal legendX = rect.right();
    const auto legend = [&](const QString &label, const QColor &colour) {
        if (label.isEmpty())
            return;
        const qreal w = fm.horizontalAdvance(label);
        legendX -= w;
        painter->setPen(Qt::black);
        painter->drawText(QRectF(legendX, rect.top(), w, line), Qt::AlignVCenter, label);
        legendX -= line * 0.9;
        painter->fillRect(QRectF(legendX, rect.top() + line * 0.2, line * 0.7, line * 0.6), colour);
        legendX -= line;
    };
    if (!chart.baseline.isEmpty())
        legend(chart.baselineLabel, kBaselineColour);
    legend(chart.valuesLabel, kValueColour);

    double maximum = 0;
    for (double v : chart.values)
        maximum = std::max(maximum, v);
    for (double v : chart.baseline)
        maximum = std::max(maximum, v);
    const double top = niceCeiling(maximum);
    const QLocale locale;
    const qreal axisWidth = fm.horizontalAdvance(locale.toString(top, 'f', 0)) + line * 0.6;
    const QRectF plot(rect.left() + axisWidth, rect.top() + line * 1.6, rect.width() - axisWidth,
                      rect.height() - line * 3.0);

    // Grid with four steps.
    for (int i = 0; i <= 4; ++i) {
        const qreal y = plot.bottom() - plot.height() * i / 4.0;
        painter->setPen(QPen(i == 0 ? Qt::black : QColor(0xd0, 0xd0, 0xd0), 0));
        painter->drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter->setPen(Qt::black);
        painter->drawText(QRectF(rect.left(), y - line / 2, axisWidth - line * 0.3, line), Qt::AlignRight | Qt::AlignVCenter,
                          locale.toString(top * i / 4.0, 'f', top < 4 ? 1 : 0));
    }

    const int n = int(chart.categories.size());
    const qreal slot = plot.width() / n;
    const bool pair = !chart.baseline.isEmpty();
    const qreal barWidth = slot * (pair ? 0.36 : 0.6);
    for (int i = 0; i < n; ++i) {
        const qreal x = plot.left() + slot * i + slot * (pair ? 0.12 : 0.2);
        const auto bar = [&](qreal left, double v, const QColor &colour) {
            const qreal h = plot.height() * std::clamp(v / top, 0.0, 1.0);
            painter->fillRect(QRectF(left, plot.bottom() - h, barWidth, h), colour);
        };
        bar(x, chart.values.value(i), kValueColour);
        if (pair)
            bar(x + barWidth, chart.baseline.value(i), kBaselineColour);
        painter->setPen(Qt::black);
        painter->drawText(QRectF(plot.left() + slot * i, plot.bottom() + line * 0.2, slot, line), Qt::AlignHCenter | Qt::AlignTop,
                          chart.categories.at(i));
    }
    painter->restore();
}

} // namespace difusor::exporting

// Its moc code here, not in the library's shared moc file: only what draws the memoria needs Qt GUI, and the
// program without Qt GUI (app/: the commands) links that shared file.
#include "moc_MemoriaChart.cpp"
