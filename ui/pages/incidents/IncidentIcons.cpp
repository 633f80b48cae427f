#include "IncidentIcons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <cmath>

namespace difusor::ui {

namespace {

const QColor kRed(0xc0, 0x1c, 0x28);
const QColor kOrange(0xc6, 0x5d, 0x00);
const QColor kBlue(0x1c, 0x71, 0xd8);
const QColor kAmber(0xb8, 0x78, 0x00);
const QColor kGreen(0x1e, 0x84, 0x49);
const QColor kGrey(0x77, 0x77, 0x77);

QPixmap canvas(int size)
{
    const qreal dpr = 2.0; // crisp on HiDPI screens too
    QPixmap pixmap(QSize(size, size) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    return pixmap;
}

// "!" centred at x, from top to bottom (fractions of the size).
void exclamation(QPainter &p, qreal s, qreal x, qreal top, qreal bottom, const QColor &color)
{
    p.setPen(QPen(color, s / 8.0, Qt::SolidLine, Qt::RoundCap));
    p.drawLine(QPointF(s * x, s * top), QPointF(s * x, s * (bottom - 0.17)));
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawEllipse(QPointF(s * x, s * bottom), s * 0.065, s * 0.065);
}

} // namespace

QColor severityColor(const QString &severity)
{
    if (severity == QLatin1String("critical"))
        return kRed;
    if (severity == QLatin1String("major"))
        return kOrange;
    if (severity == QLatin1String("minor"))
        return kBlue;
    return kGrey;
}

QPixmap severityIcon(const QString &severity, int size)
{
    QPixmap pixmap = canvas(size);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    const QColor color = severityColor(severity);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    if (severity == QLatin1String("critical")) { // octagon (a stop sign) with "!"
        QPolygonF octagon;
        for (int i = 0; i < 8; ++i) {
            const qreal a = (22.5 + 45.0 * i) * M_PI / 180.0;
            octagon << QPointF(s / 2 + (s / 2 - 0.5) * std::cos(a), s / 2 + (s / 2 - 0.5) * std::sin(a));
        }
        p.drawPolygon(octagon);
        exclamation(p, s, 0.5, 0.24, 0.74, Qt::white);
    } else if (severity == QLatin1String("major")) { // triangle with "!"
        p.drawPolygon(QPolygonF{QPointF(s * 0.5, s * 0.04), QPointF(s * 0.97, s * 0.92), QPointF(s * 0.03, s * 0.92)});
        exclamation(p, s, 0.5, 0.36, 0.78, Qt::white);
    } else if (severity == QLatin1String("minor")) { // circle with "i"
        p.drawEllipse(QRectF(1, 1, s - 2, s - 2));
        p.setBrush(Qt::white);
        p.drawEllipse(QPointF(s * 0.5, s * 0.28), s * 0.07, s * 0.07);
        p.setPen(QPen(Qt::white, s / 8.0, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(s * 0.5, s * 0.45), QPointF(s * 0.5, s * 0.74));
    } else { // unknown: hollow ring
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(color, s / 8.0));
        p.drawEllipse(QRectF(s / 8, s / 8, s * 3 / 4, s * 3 / 4));
    }
    return pixmap;
}

QColor incidentStateColor(const QString &state)
{
    if (state == QLatin1String("open"))
        return kRed;
    if (state == QLatin1String("acknowledged"))
        return kAmber;
    if (state == QLatin1String("resolved"))
        return kGreen;
    return kGrey;
}

QPixmap incidentStateIcon(const QString &state, int size)
{
    QPixmap pixmap = canvas(size);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    const QColor color = incidentStateColor(state);
    const QRectF box(1, 1, s - 2, s - 2);
    if (state == QLatin1String("open")) {
        // A ring with "!" in it: unlike the critical severity's filled octagon beside it.
        p.setPen(QPen(color, s / 9.0));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(box.adjusted(s / 18.0, s / 18.0, -s / 18.0, -s / 18.0));
        exclamation(p, s, 0.5, 0.26, 0.72, color);
        return pixmap;
    }
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawEllipse(box);
    if (state == QLatin1String("acknowledged")) {
        p.setBrush(Qt::white);
        for (const qreal x : {0.3, 0.5, 0.7})
            p.drawEllipse(QPointF(s * x, s * 0.5), s * 0.08, s * 0.08);
    } else if (state == QLatin1String("resolved")) {
        QPainterPath check;
        check.moveTo(s * 0.28, s * 0.52);
        check.lineTo(s * 0.44, s * 0.68);
        check.lineTo(s * 0.73, s * 0.34);
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(Qt::white, s / 8.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPath(check);
    }
    return pixmap;
}

} // namespace difusor::ui
