#pragma once

#include <QColor>
#include <QPixmap>
#include <QString>

namespace difusor::ui {

// How an alert's severity is shown: a word, a colour and an icon whose shape differs per severity
// (octagon with "!" for critical, triangle with "!" for major, circle with "i" for minor), so it never
// rests on colour alone. Severities other than the three known ids are treated as "major", as
// core/incidents does with kinds it does not know: an unknown problem is not taken as harmless.

// 3 critical, 2 major (and unknown), 1 minor: higher is more severe.
int severityRank(const QString &severity);

// "CRÍTICO" | "MAYOR" | "MENOR": incidents::severityText() in capitals, the word a banner shouts.
QString severityWord(const QString &severity);

QColor severityColor(const QString &severity);

// A light tint of severityColor(), for backgrounds under dark text.
QColor severityTint(const QString &severity);

QPixmap severityIcon(const QString &severity, int size = 16);

} // namespace difusor::ui
