#include "AlertSeverity.h"

#include "incidents/IncidentLog.h"

#include <QPainter>
#include <QPainterPath>

namespace difusor::ui {

namespace {
enum class Level { Minor = 1, Major = 2, Critical = 3 };

Level levelOf(const QString &severity)
{
    if (severity == QLatin1String("critical"))
        return Level::Critical;
    if (severity == QLatin1String("minor"))
        return Level::Minor;
    return Level::Major;
}
} // namespace

int severityRank(const QString &severity)
{
    return static_cast<int>(levelOf(severity));
}

QString severityWord(const QString &severity)
{
    static const QString ids[] = {QString(), QStringLiteral("minor"), QStringLiteral("major"), QStringLiteral("critical")};
    return incidents::severityText(ids[severityRank(severity)]).toUpper();
}

QColor severityColor(const QString &severity)
{
    switch (levelOf(severity)) {
    case Level::Critical: return QColor(0xc0, 0x1c, 0x28); // red, as a failed check
    case Level::Major: return QColor(0xb3, 0x5c, 0x00);    // dark amber: readable on its own tint
    case Level::Minor: return QColor(0x1c, 0x5f, 0xb8);    // blue
    }
    return {};
}

QColor severityTint(const QString &severity)
{
    switch (levelOf(severity)) {
    case Level::Critical: return QColor(0xfb, 0xe3, 0xe4);
    case Level::Major: return QColor(0xfd, 0xef, 0xd6);
    case Level::Minor: return QColor(0xe3, 0xed, 0xf9);
    }
    return {};
}

QPixmap severityIcon(const QString &severity, int size)
{
    const qreal dpr = 2.0; // crisp on HiDPI screens too
    QPixmap pixmap(QSize(size, size) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    const Level level = levelOf(severity);
    p.setPen(Qt::NoPen);
    p.setBrush(severityColor(severity));
    switch (level) {
    case Level::Critical: { // octagon, the stop sign
        QPainterPath octagon;
        const qreal c = s * 0.29; // corner cut
        octagon.moveTo(c, 1);
        octagon.lineTo(s - c, 1);
        octagon.lineTo(s - 1, c);
        octagon.lineTo(s - 1, s - c);
        octagon.lineTo(s - c, s - 1);
        octagon.lineTo(c, s - 1);
        octagon.lineTo(1, s - c);
        octagon.lineTo(1, c);
        octagon.closeSubpath();
        p.drawPath(octagon);
        break;
    }
    case Level::Major: { // triangle
        QPainterPath tri;
        tri.moveTo(s / 2, 1);
        tri.lineTo(s - 1, s - 1.5);
        tri.lineTo(1, s - 1.5);
        tri.closeSubpath();
        p.drawPath(tri);
        break;
    }
    case Level::Minor: // disc
        p.drawEllipse(QRectF(1, 1, s - 2, s - 2));
        break;
    }
    QPen white(Qt::white, s / 8.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(white);
    if (level == Level::Minor) { // "i": dot above, stem below
        p.drawPoint(QPointF(s / 2, s * 0.30));
        p.drawLine(QPointF(s / 2, s * 0.48), QPointF(s / 2, s * 0.74));
    } else { // "!": stem above, dot below
        const qreal top = level == Level::Major ? s * 0.36 : s * 0.24;
        const qreal bottom = level == Level::Major ? s * 0.62 : s * 0.58;
        const qreal dot = level == Level::Major ? s * 0.80 : s * 0.76;
        p.drawLine(QPointF(s / 2, top), QPointF(s / 2, bottom));
        p.drawPoint(QPointF(s / 2, dot));
    }
    return pixmap;
}

} // namespace difusor::ui
