#include "IncidentIcons.h"

#include <QPainter>
#include <QPainterPath>

namespace difusor::ui {

namespace {

const QColor kRed(0xc0, 0x1c, 0x28);
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
