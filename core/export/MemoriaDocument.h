#pragma once

#include "Memoria.h"
#include "MemoriaChart.h"

#include <QList>
#include <QLocale>
#include <QString>

#include <utility>

namespace difusor::exporting {

// The report's body as rich text (Qt's HTML subset) with markers where the charts go; the PDF writer
// lays it out and paginates it. Numbers and dates in `locale`, words in the installed translation.
struct MemoriaDocument
{
    QString html;
    QList<std::pair<QString, MemoriaChartSpec>> charts; // marker, chart
    QString headerLeft;  // the running header of every page
    QString headerRight;
};

MemoriaDocument memoriaDocument(const MemoriaInput &input, const QLocale &locale);

// "×2.35" as the report writes a ratio; "—" without one.
QString memoriaRatio(const QLocale &locale, std::optional<double> ratio);

} // namespace difusor::exporting
