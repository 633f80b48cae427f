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

// "12,345.6" / "×2.35" as the report writes them (tests find them in the PDF's text).
QString memoriaNumber(const QLocale &locale, double value);
QString memoriaRatio(const QLocale &locale, std::optional<double> ratio);

} // namespace difusor::exporting
