#include "StatusIcon.h"

#include <QPainter>
#include <QPainterPath>

namespace difusor::ui {

using checks::Status;

QColor checkStatusColor(Status status)
{
    switch (status) {
    case Status::Pass: return QColor(0x1e, 0x84, 0x49);    // green
    case Status::Warn: return QColor(0xc7, 0x7c, 0x02);    // amber
    case Status::Fail: return QColor(0xc0, 0x1c, 0x28);    // red
    case Status::Unknown: return QColor(0x6a, 0x4c, 0x9c); // violet
    case Status::Skipped: break;
    }
    return QColor(0x77, 0x77, 0x77); // grey
}

QPixmap checkStatusIcon(Status status, int size)
{
    const qreal dpr = 2.0;
    QPixmap pixmap(QSize(size, size) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    const QColor color = checkStatusColor(status);
    const QRectF box(1, 1, s - 2, s - 2);
    QPen white(Qt::white, s / 8.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    QFont font = p.font();
    font.setBold(true);
    font.setPixelSize(int(s * 0.7));
    p.setFont(font);
    switch (status) {
    case Status::Pass: {
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawEllipse(box);
        p.setPen(white);
        QPainterPath check;
        check.moveTo(s * 0.27, s * 0.52);
        check.lineTo(s * 0.44, s * 0.69);
        check.lineTo(s * 0.74, s * 0.33);
        p.setBrush(Qt::NoBrush);
        p.drawPath(check);
        break;
    }
    case Status::Warn: {
        QPainterPath tri;
        tri.moveTo(s / 2, 1);
        tri.lineTo(s - 1, s - 1.5);
        tri.lineTo(1, s - 1.5);
        tri.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawPath(tri);
        p.setPen(white);
        p.drawLine(QPointF(s / 2, s * 0.36), QPointF(s / 2, s * 0.62));
        p.drawPoint(QPointF(s / 2, s * 0.80));
        break;
    }
    case Status::Fail: {
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawRoundedRect(box, s * 0.15, s * 0.15);
        p.setPen(white);
        p.drawLine(QPointF(s * 0.3, s * 0.3), QPointF(s * 0.7, s * 0.7));
        p.drawLine(QPointF(s * 0.7, s * 0.3), QPointF(s * 0.3, s * 0.7));
        break;
    }
    case Status::Unknown: {
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawEllipse(box);
        p.setPen(Qt::white);
        p.drawText(box, Qt::AlignCenter, QStringLiteral("?"));
        break;
    }
    case Status::Skipped: {
        p.setPen(QPen(color, s / 10.0));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(box.adjusted(1, 1, -1, -1));
        p.drawLine(QPointF(s * 0.3, s / 2), QPointF(s * 0.7, s / 2));
        break;
    }
    }
    return pixmap;
}

} // namespace difusor::ui
