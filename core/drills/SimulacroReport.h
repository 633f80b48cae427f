#pragma once

#include "store/Records.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace difusor::drills {

// One line of a simulacro's pre-flight list: a verdict and what it rests on. A question the console
// could not answer (no reply, a refused or empty answer, nothing recorded yet) is "unknown", never
// "fail": fail means the evidence says no.
struct PreflightItem
{
    enum class Verdict { Pass, Fail, Unknown };

    QString id;       // stable: "check", "watching", "last_cut", "site", "clock", "official"
    QString title;    // translated
    Verdict verdict = Verdict::Unknown;
    QString evidence; // translated: what was seen (or why nothing could be)
    QDateTime atUtc;  // when the verdict was reached

    static QString verdictId(Verdict v); // "pass" | "fail" | "unknown"
    static std::optional<Verdict> verdictFromId(const QString &id);
    QJsonObject toJson() const;
    static PreflightItem fromJson(const QJsonObject &o);
};

// The ids above, in the order the list shows them, with their translated titles.
QList<PreflightItem> preflightTemplate();

// A simulacro's window, [startUtc, endUtc).
struct ObserveWindow
{
    QDateTime startUtc;
    QDateTime endUtc;
    QString source; // "official" (one of the two official dates), "custom" (--from/--to), "duration"

    bool isValid() const { return startUtc.isValid() && endUtc.isValid() && startUtc < endUtc; }
    qint64 durationMs() const { return startUtc.msecsTo(endUtc); }
};

// The call's two official simulacros: 19 and 26 May 2024, 18:00 to 24:00 UTC-6.
QList<ObserveWindow> officialWindows();
// The first official window that has not ended at nowUtc; nullopt once both are over.
std::optional<ObserveWindow> nextOfficialWindow(const QDateTime &nowUtc);

// Everything the report is computed from: plain data, so the arithmetic is testable on fixed figures.
struct ReportInput
{
    QDateTime windowStartUtc; // the observed part of the window (from when the console watched)
    QDateTime windowEndUtc;
    qint64 cutIntervalMs = 15 * 60 * 1000; // real time between cuts (the schedule)
    qint64 cutStepMs = 0;                  // spacing of cut times (0: the interval)
    qint64 lateMarginMs = 2 * 60 * 1000;   // a cut is late when its gap exceeds interval + margin
    qint64 maxLagMs = 60 * 1000;           // the one-minute rule
    // Cuts on our disk (this server's), any order: those that arrived in the window count. lastBefore:
    // the newest cut that arrived before the window (so the first gap and "backwards" are judged).
    QList<store::CutRecord> cuts;
    std::optional<store::CutRecord> lastBefore;
    // Each site's first sightings (this server's): the official ones in the window are the cuts whose
    // publication on our site is measured.
    QList<store::SightingRecord> officialSightings;
    QList<store::SightingRecord> difusorSightings;
    // The incidents linked to the drill (opened in the window), and those already unresolved when it
    // opened (listed apart: their onset is not the window's).
    QList<store::IncidentRecord> incidents;
    QList<store::IncidentRecord> openAtStart;
    // Traffic on our site (requests in the access log): busiest second and minute, nullopt when no log
    // was read. The console's own requests (lag probe) are counted apart.
    std::optional<qint64> peakRequestsPerSecond;
    QDateTime peakSecondUtc;
    std::optional<qint64> peakRequestsPerMinute;
    QDateTime peakMinuteUtc;
    std::optional<qint64> totalRequests;
    std::optional<qint64> consoleRequests;
};

// Nearest-rank percentile (p in 0..100) of values; nullopt when empty. p50 of {1,2,3,4} is 2.
std::optional<double> percentile(QList<double> values, double p);

// Schedule slots in [start, end): times phase + k × interval. The phase is any slot time (e.g. one
// cut's arrival); with none, slots are aligned on the epoch (a PREP cut every 15 min on the clock).
qint64 expectedCuts(const QDateTime &startUtc, const QDateTime &endUtc, qint64 intervalMs,
                    std::optional<qint64> phaseMs = std::nullopt);

// The report's figures (no pre-flight, no identity: Simulacro adds those):
// {
//   "cuts": {"expected","received","late","missing","backwards","unreadable","on_time_share",
//            "gaps":[{"after","before","gap_s"}], "list":[{"package","cut","arrived","gap_s","late","backwards"}]},
//   "lag": {"measured","p50_s","p95_s","max_s","limit_s","over_limit","unpublished","passed",
//           "list":[{"cut","official_seen","difusor_seen","lag_s"}]},
//   "incidents": {"count","open","list":[{…,"ttd_s","tta_s","ttr_s"}],"ttd_p50_s","tta_p50_s","ttr_p50_s",
//                 "open_at_start":[{…}]},
//   "traffic": {"peak_rps","peak_second","peak_rpm","peak_minute","requests","console_requests"},
//   "passed": true|false   // the one-minute rule held for every measured cut and none stayed unpublished
// }
QJsonObject buildReportFigures(const ReportInput &input);

// The comparison with an earlier simulacro's report of the same server: each figure's value then, now
// and the delta (now − then); nullopt figures are null. {"drill_id","started_at","figures":{name:{…}}}
QJsonObject compareReports(const QJsonObject &now, const QJsonObject &previous, qint64 previousDrillId,
                           const QDateTime &previousStartedUtc);

} // namespace difusor::drills
