#include "StateIcon.h"

#include <QPainter>
#include <QPainterPath>

namespace difusor::ui {

using remote::ConnectionState;

QColor stateColor(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Connected: return QColor(0x1e, 0x84, 0x49);      // green
    case ConnectionState::Connecting:
    case ConnectionState::Authenticating:
    case ConnectionState::Reconnecting: return QColor(0xc7, 0x7c, 0x02);   // amber
    case ConnectionState::Failed: return QColor(0xc0, 0x1c, 0x28);         // red
    case ConnectionState::Disconnected: break;
    }
    return QColor(0x77, 0x77, 0x77); // grey
}

QPixmap stateIcon(ConnectionState state, int size)
{
    const qreal dpr = 2.0; // crisp on HiDPI screens too
    QPixmap pixmap(QSize(size, size) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor color = stateColor(state);
    const QRectF box(1, 1, size - 2, size - 2);
    QPen white(Qt::white, size / 8.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    const qreal s = size;
    switch (state) {
    case ConnectionState::Connected: { // filled disc with a check mark
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawEllipse(box);
        p.setPen(white);
        QPainterPath check;
        check.moveTo(s * 0.28, s * 0.52);
        check.lineTo(s * 0.44, s * 0.68);
        check.lineTo(s * 0.73, s * 0.34);
        p.setBrush(Qt::NoBrush);
        p.drawPath(check);
        break;
    }
    case ConnectionState::Connecting:
    case ConnectionState::Authenticating:
    case ConnectionState::Reconnecting: { // filled disc with three dots: "in progress"
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawEllipse(box);
        p.setBrush(Qt::white);
        const qreal r = s * 0.08;
        for (const qreal x : {0.3, 0.5, 0.7})
            p.drawEllipse(QPointF(s * x, s * 0.5), r, r);
        break;
    }
    case ConnectionState::Failed: { // filled disc with a cross
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawEllipse(box);
        p.setPen(white);
        p.drawLine(QPointF(s * 0.33, s * 0.33), QPointF(s * 0.67, s * 0.67));
        p.drawLine(QPointF(s * 0.67, s * 0.33), QPointF(s * 0.33, s * 0.67));
        break;
    }
    case ConnectionState::Disconnected: { // hollow ring
        p.setPen(QPen(color, s / 8.0));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(box.adjusted(s / 16.0, s / 16.0, -s / 16.0, -s / 16.0));
        break;
    }
    }
    return pixmap;
}

} // namespace difusor::ui
