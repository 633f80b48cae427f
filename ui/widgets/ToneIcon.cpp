#include "ToneIcon.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace difusor::ui {

int toneRank(Tone tone)
{
    switch (tone) {
    case Tone::Ok: return 0;
    case Tone::Idle: return 1;
    case Tone::Pending: return 2;
    case Tone::Unknown: return 3;
    case Tone::Notice: return 4;
    case Tone::Warning: return 5;
    case Tone::Alarm: return 6;
    }
    return 0;
}

QColor toneColor(Tone tone)
{
    switch (tone) {
    case Tone::Ok: return QColor(0x1e, 0x84, 0x49);      // green (as StateIcon's "Conectado")
    case Tone::Pending: return QColor(0x1c, 0x5f, 0xa8); // blue: nothing wrong, nothing yet (as the cuts page's "Esperando")
    case Tone::Warning: return QColor(0xc7, 0x7c, 0x02); // amber
    case Tone::Notice: return QColor(0x0b, 0x72, 0x85);  // teal
    case Tone::Alarm: return QColor(0xc0, 0x1c, 0x28);   // red
    case Tone::Unknown: return QColor(0x6a, 0x4c, 0x9c); // violet
    case Tone::Idle: break;
    }
    return QColor(0x6b, 0x6b, 0x6b); // grey
}

QColor toneTextColor(Tone tone)
{
    // White on this amber is about 3:1; near-black is over 6:1.
    if (tone == Tone::Warning)
        return QColor(0x1a, 0x1a, 0x1a);
    return Qt::white;
}

QPixmap toneIcon(Tone tone, int size, bool plated)
{
    const qreal dpr = 2.0; // crisp on HiDPI screens too
    QPixmap pixmap(QSize(size, size) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    // Plated (on a tile of the tone's colour): the shape in the tile's text colour, the glyph in the tone's.
    const QColor shape = plated ? toneTextColor(tone) : toneColor(tone);
    const QColor glyph = plated ? toneColor(tone) : toneTextColor(tone);
    const QRectF box(1, 1, s - 2, s - 2);
    const QPen stroke(glyph, s / 8.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    auto disc = [&] {
        p.setPen(Qt::NoPen);
        p.setBrush(shape);
        p.drawEllipse(box);
    };
    auto letter = [&](const QString &text) {
        QFont font = p.font();
        font.setBold(true);
        font.setPixelSize(qMax(1, int(s * 0.66)));
        p.setFont(font);
        p.setPen(glyph);
        p.drawText(box, Qt::AlignCenter, text);
    };
    switch (tone) {
    case Tone::Ok: {
        disc();
        p.setPen(stroke);
        p.setBrush(Qt::NoBrush);
        QPainterPath check;
        check.moveTo(s * 0.28, s * 0.52);
        check.lineTo(s * 0.44, s * 0.68);
        check.lineTo(s * 0.73, s * 0.34);
        p.drawPath(check);
        break;
    }
    case Tone::Pending: {
        disc();
        p.setBrush(glyph);
        const qreal r = s * 0.08;
        for (const qreal x : {0.3, 0.5, 0.7})
            p.drawEllipse(QPointF(s * x, s * 0.5), r, r);
        break;
    }
    case Tone::Notice:
        disc();
        letter(QStringLiteral("i"));
        break;
    case Tone::Unknown:
        disc();
        letter(QStringLiteral("?"));
        break;
    case Tone::Warning: {
        QPainterPath triangle;
        triangle.moveTo(s / 2, 1);
        triangle.lineTo(s - 1, s - 1.5);
        triangle.lineTo(1, s - 1.5);
        triangle.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(shape);
        p.drawPath(triangle);
        p.setPen(stroke);
        p.drawLine(QPointF(s / 2, s * 0.38), QPointF(s / 2, s * 0.62));
        p.drawPoint(QPointF(s / 2, s * 0.80));
        break;
    }
    case Tone::Alarm: { // an octagon, as a stop sign, with a cross
        QPolygonF octagon;
        const QPointF centre(s / 2, s / 2);
        const qreal radius = s / 2 - 1;
        for (int i = 0; i < 8; ++i) {
            const qreal angle = (22.5 + 45.0 * i) * M_PI / 180.0;
            octagon << centre + QPointF(std::cos(angle) * radius, std::sin(angle) * radius);
        }
        p.setPen(Qt::NoPen);
        p.setBrush(shape);
        p.drawPolygon(octagon);
        p.setPen(stroke);
        p.drawLine(QPointF(s * 0.34, s * 0.34), QPointF(s * 0.66, s * 0.66));
        p.drawLine(QPointF(s * 0.66, s * 0.34), QPointF(s * 0.34, s * 0.66));
        break;
    }
    case Tone::Idle: {
        const QPen ring(shape, s / 9.0, Qt::SolidLine, Qt::RoundCap);
        p.setPen(ring);
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(box.adjusted(s / 16.0, s / 16.0, -s / 16.0, -s / 16.0));
        p.drawLine(QPointF(s * 0.32, s / 2), QPointF(s * 0.68, s / 2));
        break;
    }
    }
    return pixmap;
}

} // namespace difusor::ui
