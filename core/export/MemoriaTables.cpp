// Section 3 as data: the CSV of the bag's payload and the JSON of the export's summary.

#include "Memoria.h"

#include <QJsonArray>

namespace difusor::exporting {

namespace {

constexpr int kMexicoOffsetS = -6 * 3600;

QString hourLabel(const QDateTime &utc)
{
    return utc.addSecs(kMexicoOffsetS).toString(QStringLiteral("yyyy-MM-ddTHH"));
}

// Whole numbers without decimals, averages to 15 significant digits (what a double holds).
QByteArray num(double v)
{
    return QByteArray::number(v, 'g', 15);
}

QByteArray ratioCell(double v, double base, bool hasBase)
{
    const auto r = MemoriaComparison::ratio(v, base);
    return hasBase && r ? QByteArray::number(*r, 'f', 4) : QByteArray();
}

QJsonObject countsJson(const MemoriaCounts &c)
{
    return {{QStringLiteral("visits"), c.visits},
            {QStringLiteral("pages"), c.pages},
            {QStringLiteral("hits"), c.hits},
            {QStringLiteral("unique_visitors"), c.visitors}};
}

QJsonValue ratioJson(double v, double base, bool hasBase)
{
    const auto r = MemoriaComparison::ratio(v, base);
    return hasBase && r ? QJsonValue(*r) : QJsonValue();
}

QJsonObject ratiosJson(const MemoriaCounts &c, const MemoriaCounts &base, bool hasBase)
{
    return {{QStringLiteral("visits"), ratioJson(c.visits, base.visits, hasBase)},
            {QStringLiteral("pages"), ratioJson(c.pages, base.pages, hasBase)},
            {QStringLiteral("hits"), ratioJson(c.hits, base.hits, hasBase)},
            {QStringLiteral("unique_visitors"), ratioJson(c.visitors, base.visitors, hasBase)}};
}

} // namespace

QByteArray memoriaComparisonCsv(const MemoriaInput &input)
{
    const MemoriaComparison &c = input.comparison;
    const bool hasBase = c.hasBaseline();
    QByteArray out("section,period,covered,visits,pages,hits,unique_visitors,"
                   "ratio_visits,ratio_pages,ratio_hits,ratio_unique_visitors,"
                   "baseline_visits,baseline_pages,baseline_hits,baseline_unique_visitors\n");
    const auto row = [&out, hasBase](const char *section, const QString &label, bool covered, const MemoriaCounts &k,
                                      const MemoriaCounts &base, bool withBaseline) {
        out += QByteArray(section) + ',' + label.toLatin1() + ',' + (covered ? "1" : "0") + ',' + num(k.visits) + ','
            + num(k.pages) + ',' + num(k.hits) + ',' + num(k.visitors) + ',' + ratioCell(k.visits, base.visits, hasBase) + ','
            + ratioCell(k.pages, base.pages, hasBase) + ',' + ratioCell(k.hits, base.hits, hasBase) + ','
            + ratioCell(k.visitors, base.visitors, hasBase);
        if (withBaseline)
            out += ',' + num(base.visits) + ',' + num(base.pages) + ',' + num(base.hits) + ',' + num(base.visitors);
        else
            out += ",,,,";
        out += '\n';
    };
    for (const MemoriaDay &d : c.baseline)
        row("baseline", d.date.toString(Qt::ISODate), d.covered, d.counts, c.baselineAverage, false);
    row("baseline_average", input.period.baselineFrom.toString(Qt::ISODate) + QLatin1Char('/') + input.period.baselineTo.toString(Qt::ISODate),
        hasBase, c.baselineAverage, c.baselineAverage, false);
    for (const MemoriaDay &d : c.period)
        row("period", d.date.toString(Qt::ISODate), d.covered, d.counts, c.baselineAverage, false);
    row("period_average", input.period.from.toString(Qt::ISODate) + QLatin1Char('/') + input.period.to.toString(Qt::ISODate), true,
        c.periodAverage, c.baselineAverage, false);
    for (const MemoriaHour &h : c.night)
        row("night", hourLabel(h.startUtc), true, h.counts, h.baseline, true);
    return out;
}

QJsonObject memoriaComparisonJson(const MemoriaInput &input)
{
    const MemoriaComparison &c = input.comparison;
    const MemoriaPeriod &p = input.period;
    const bool hasBase = c.hasBaseline();
    QJsonArray excluded;
    for (const QDate &d : p.baselineExcluded)
        excluded.append(d.toString(Qt::ISODate));
    QJsonArray days;
    for (const MemoriaDay &d : c.period) {
        QJsonObject o = countsJson(d.counts);
        o.insert(QStringLiteral("date"), d.date.toString(Qt::ISODate));
        o.insert(QStringLiteral("covered"), d.covered);
        o.insert(QStringLiteral("ratios"), ratiosJson(d.counts, c.baselineAverage, hasBase));
        days.append(o);
    }
    QJsonArray baselineDays;
    for (const MemoriaDay &d : c.baseline) {
        QJsonObject o = countsJson(d.counts);
        o.insert(QStringLiteral("date"), d.date.toString(Qt::ISODate));
        o.insert(QStringLiteral("covered"), d.covered);
        baselineDays.append(o);
    }
    QJsonArray night;
    for (const MemoriaHour &h : c.night) {
        QJsonObject o = countsJson(h.counts);
        o.insert(QStringLiteral("hour"), hourLabel(h.startUtc));
        o.insert(QStringLiteral("baseline"), countsJson(h.baseline));
        o.insert(QStringLiteral("ratios"), ratiosJson(h.counts, h.baseline, hasBase));
        night.append(o);
    }
    QJsonObject root{{QStringLiteral("mode"), QStringLiteral("awstats")},
                     {QStringLiteral("utc_offset_minutes"), kMexicoOffsetS / 60},
                     {QStringLiteral("period_from"), p.from.toString(Qt::ISODate)},
                     {QStringLiteral("period_to"), p.to.toString(Qt::ISODate)},
                     {QStringLiteral("baseline_from"), p.baselineFrom.toString(Qt::ISODate)},
                     {QStringLiteral("baseline_to"), p.baselineTo.toString(Qt::ISODate)},
                     {QStringLiteral("baseline_excluded"), excluded},
                     {QStringLiteral("baseline_days"), baselineDays},
                     {QStringLiteral("baseline_covered_days"), c.baselineCoveredDays},
                     {QStringLiteral("has_baseline"), hasBase},
                     {QStringLiteral("baseline_average"), countsJson(c.baselineAverage)},
                     {QStringLiteral("period_average"), countsJson(c.periodAverage)},
                     {QStringLiteral("period_ratios"), ratiosJson(c.periodAverage, c.baselineAverage, hasBase)},
                     {QStringLiteral("days"), days},
                     {QStringLiteral("night"), night},
                     {QStringLiteral("parsed_lines"), double(c.parsedLines)},
                     {QStringLiteral("malformed_lines"), double(c.malformedLines)},
                     {QStringLiteral("robots"), c.robotsList}};
    if (c.peakMinuteUtc.isValid())
        root.insert(QStringLiteral("peak_minute"), QJsonObject{{QStringLiteral("start"), c.peakMinuteUtc.toString(Qt::ISODate)},
                                                               {QStringLiteral("requests"), double(c.peakMinuteRequests)}});
    return root;
}

} // namespace difusor::exporting
