#pragma once

#include "FlatHash.h"
#include "LogRecord.h"
#include "ServeTimeHistogram.h"
#include "TopCounter.h"
#include "TrafficCounts.h"
#include "TrafficSeries.h"

#include <map>
#include <memory>
#include <vector>

namespace difusor::traffic {

// Counting rules. Both modes see every parsed line (malformed lines are counted apart, never here).
//
// Robot (both modes): empty or "-" user agent; a request for a path ending in /robots.txt (that request
//   only); or a user agent containing one of our crawler tokens (Classify.cpp).
// Asset: path without query ending in an extension of AWStats' NotPageList (css js class gif jpg jpeg
//   png bmp ico rss xml swf eot woff woff2) or of an image/download type (isAssetPath()).
//
// AwStats mode (the call's vocabulary; agrees with AWStats 7.8, LogFormat=1, default settings):
//   hit        = status 200 or 304, method AWStats keeps (GET POST HEAD OPTIONS PUT DELETE …), not a
//                robot, path not ending in /favicon.ico.
//   page       = a hit whose path is not an asset.
//   bandwidth  = bytes of hits; a 304 counts 0. As AWStats does, the bytes of a 206 (partial content) on a
//                download type (zip, pdf, mp4…, isDownloadPath()) are added once, from any client
//                (AWStats 7.8 adds them twice: its only known bandwidth residue against us).
//   visit      = a run of pages from one client address with no gap over 1 hour (3600 s) between
//                consecutive pages; a new calendar day (log's own clock) also starts a new visit, as in
//                AWStats. Counted in the period of its first page.
//   unique visitor = distinct client address with at least one page in the period; the total is over
//                the whole run.
// Raw mode (GoAccess 1.7 defaults, --log-format=COMBINED):
//   hit = every request; page = a request whose path is not an asset; bandwidth = bytes of every request.
//   unique visitor = distinct (address, user agent) in the period, leaving out 4xx responses; the total
//                is GoAccess' one: distinct (day, address, user agent), i.e. the sum of daily visitors.
//   visit = a run of requests (any) from one address with no gap over 1 hour, split at day change.
//
// Periods are wall-clock days, hours or minutes as written in the log (its own offset).
class TrafficCounter final
{
public:
    enum class Mode { AwStats, Raw };
    enum class Period { Day, Hour, Minute };

    TrafficCounter(Mode mode, Period period);
    // Also keep the per-second/minute/hour live series (off for batch statistics).
    void enableSeries();
    // Live use: periods of `seconds` instead of the Period's length (a divisor of 86400, so a period
    // never straddles a day; other values are rounded down to one: see periodSecondsFor()).
    void setPeriodSeconds(int seconds);
    static int periodSecondsFor(int seconds);
    // Live use: also count requests per address in a window the caller resets (flood detection).
    void enableWindowAddresses();
    TopCounter *windowAddresses() { return m_windowAddresses.get(); }
    void resetWindowAddresses();

    void add(const LogRecord &r);

    Mode mode() const { return m_mode; }
    Period period() const { return m_period; }
    // Periods in chronological order, keyed by their local start (seconds since 1970, wall clock).
    const std::map<std::int64_t, TrafficCounts> &periods() const { return m_periods; }
    TrafficCounts totals() const;
    const TopCounter &topPages() const { return m_topPages; }
    const TopCounter &topAddresses() const { return m_topAddresses; }
    const ServeTimeHistogram &serveTimes() const { return m_serveTimes; }
    const TrafficSeries *series() const { return m_series.get(); }
    std::int64_t periodLength() const;
    int lastOffsetMinutes() const { return m_lastOffsetMinutes; } // of the newest line added

private:
    struct VisitState
    {
        std::int64_t lastTime = 0;
    };
    // What only matters within one wall-clock day: a visit never spans days and every period lies in
    // one day. Days older than the newest two are dropped, so a live tail's memory stays bounded (a
    // line arriving more than a day late may then count one extra visit or visitor).
    struct DayState
    {
        FlatMap<VisitState> visits;  // address hash -> last page
        FlatSet periodUniques;       // hash(period, address[, agent])
        FlatSet dailyUniques;        // raw mode: hash(address, agent)
    };
    TrafficCounts &periodFor(std::int64_t localTime);
    DayState &dayFor(std::int64_t day);
    bool robotUserAgent(std::uint64_t uaHash, std::string_view ua);
    bool newVisit(DayState &day, std::uint64_t hostHash, const LogRecord &r);

    Mode m_mode;
    Period m_period;
    std::map<std::int64_t, TrafficCounts> m_periods;
    std::int64_t m_lastPeriodKey = INT64_MIN;
    TrafficCounts *m_lastPeriod = nullptr;
    TrafficCounts m_totals;

    FlatMap<std::uint8_t> m_robotCache; // user-agent hash -> 1 robot, 2 not
    std::map<std::int64_t, DayState> m_days;
    std::int64_t m_lastDay = INT64_MIN;
    DayState *m_lastDayState = nullptr;
    // awstats mode: every address with a page (the one structure that grows with distinct addresses,
    // 16 bytes each); raw mode: a running count of (day, address, agent).
    FlatSet m_totalUniques;
    std::uint64_t m_rawTotalUniques = 0;
    TopCounter m_topPages;
    TopCounter m_topAddresses;
    ServeTimeHistogram m_serveTimes;
    std::unique_ptr<TrafficSeries> m_series;
    std::unique_ptr<TopCounter> m_windowAddresses;
    std::int64_t m_periodSeconds = 0; // 0: from m_period
    int m_lastOffsetMinutes = 0;
};

} // namespace difusor::traffic
