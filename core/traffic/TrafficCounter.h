#pragma once

#include "AwstatsRobots.h"
#include "FlatHash.h"
#include "LogRecord.h"
#include "ServeTimeHistogram.h"
#include "TopCounter.h"
#include "TrafficCounts.h"
#include "TrafficSeries.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace difusor::traffic {

// Counting rules. Both modes see every parsed line (malformed lines are counted apart, never here).
//
// Robot (both modes): a request for a path ending in /robots.txt (that request only), or a robot user
//   agent. Robot user agents come from AWStats' own database when one is set (setRobots(); `stats` sets
//   the installed one: AwstatsRobots, robots.pm read at run time and matched as awstats.pl 7.8 does; an
//   empty, "-" or "0" agent is its robot 'no_user_agent'), else from our own list (Classify.cpp: an empty
//   or "-" agent, or one of our crawler tokens). robots() says which.
// Asset: path without query ending in an extension of AWStats' NotPageList (css js class gif jpg jpeg
//   png bmp ico rss xml swf eot woff woff2) or of a type its mime.pm marks image or download
//   (isAssetPath()). In awstats mode the path is AWStats' (awstatsPath(): first token, unreserved %XX
//   decoded, "#word" anchor dropped, query cut at '?' or ';').
//
// AwStats mode (the call's vocabulary; agrees with AWStats 7.8, LogFormat=1, default settings):
//   hit        = status 200 or 304, method AWStats keeps (GET POST HEAD OPTIONS PUT DELETE …), not a
//                robot, path not ending in /favicon.ico.
//   page       = a hit whose path is not an asset.
//   bandwidth  = bytes of hits; a 304 counts 0; plus the bytes of a 206 (partial content) on a download
//                type (zip, pdf, mp4…, isDownloadPath()) from any client: once from a robot's agent,
//                twice from any other, as AWStats 7.8 counts them (awstats.pl 19036 and 19282). So this
//                is AWStats' figure, not the bytes sent (raw mode has those).
//   visit      = a run of pages from one client address ("::ffff:a.b.c.d" taken as a.b.c.d) with no gap
//                over 1 hour (3600 s) between consecutive pages, measured on the report's clock; a new
//                calendar day also starts a new visit, as in AWStats. Counted in the period of its
//                first page.
//   unique visitor = distinct client address with at least one page in the period; the total is over
//                the whole run.
// Raw mode (GoAccess 1.7 defaults, --log-format=COMBINED):
//   hit = every request; page = a request whose path is not an asset; bandwidth = bytes of every request.
//   unique visitor = distinct (address, user agent) in the period, leaving out 4xx responses; the total
//                is GoAccess' one: distinct (day, address, user agent), i.e. the sum of daily visitors.
//   visit = a run of requests (any) from one address with no gap over 1 hour, split at day change.
//
// The console's own requests (both modes): a user agent starting with "difusor-console" (the lag probe's
//   polls, common/ConsoleAgent.h), or any request from an address set as the console's
//   (setConsoleAddresses(); "::ffff:a.b.c.d" taken as a.b.c.d). They are counted in requests, status and
//   consoleRequests ("consola") and nowhere else: not hits, pages, visits, unique visitors, bandwidth,
//   robots, the top pages or the top addresses. So the memoria's figures are the public's, and the
//   technician still sees what the probe costs the server. (Serve times keep them: they measure nginx.)
//
// Periods are wall-clock days, hours or minutes: as written in the log (its own offset, what AWStats
// does) by default, or at a fixed offset (setFixedOffset(), `stats --tz mexico`).
class TrafficCounter final
{
public:
    enum class Mode { AwStats, Raw };
    enum class Period { Day, Hour, Minute };

    // Robots from our own list until setRobots() (computeStats() gives AwstatsRobots::installed()).
    TrafficCounter(Mode mode, Period period);
    // AWStats' robot database, or nullptr for our own list. Before the first add().
    void setRobots(std::shared_ptr<const AwstatsRobots> robots);
    const AwstatsRobots *robots() const { return m_robots.get(); }
    // Cut periods at this offset (minutes east of UTC) instead of the log's own clock. Before add().
    void setFixedOffset(std::optional<int> minutesEast);
    std::optional<int> fixedOffset() const { return m_fixedOffset; }
    // Client addresses whose every request is the console's (the console's own address as the server
    // sees it, when known). Before the first add().
    void setConsoleAddresses(const std::vector<std::string> &addresses);
    const std::vector<std::string> &consoleAddresses() const { return m_consoleAddresses; }
    // Also keep the per-second/minute/hour live series (off for batch statistics).
    void enableSeries();
    // Live use: periods of `seconds` instead of the Period's length (a divisor of 86400, so a period
    // never straddles a day; other values are rounded down to one: see periodSecondsFor()).
    void setPeriodSeconds(int seconds);
    static int periodSecondsFor(int seconds);
    // Live use: also count requests per address in a window the caller resets (flood detection).
    void enableWindowAddresses();
    // Live use, periods under a minute: the periods that start before `localKey` leave periods() and are
    // added up per minute in rolledMinutes() (and still in totals()). So a week of one-second periods
    // holds a minute's entry per minute, not 60 (the store keeps the history). A line that comes later
    // for a rolled-up period opens that period again in periods() with only its own counts.
    void rollUpBefore(std::int64_t localKey);
    const std::map<std::int64_t, TrafficCounts> &rolledMinutes() const { return m_rolledMinutes; }
    TopCounter *windowAddresses() { return m_windowAddresses.get(); }
    void resetWindowAddresses();

    void add(const LogRecord &r);

    // Adds the counts of a counter that saw the same kind of input but other clients: every line of a
    // client address in one of the two, never in both (computeStats' shards split the lines by address).
    // Visits, unique visitors and robots depend only on a client's own lines, so sums are exact; the
    // tops are exact while under their cap (false otherwise: the caller counts again in one thread).
    // otherIsNewer: the other counter holds the newest line (its offset becomes lastOffsetMinutes()).
    // Not for live counters (series and windows are not merged). What is kept per address (the top
    // addresses, the unique visitors) is taken over whole, not looked up again.
    bool mergeShard(TrafficCounter &&other, bool otherIsNewer);

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
    bool newVisit(DayState &day, std::uint64_t hostHash, std::int64_t time);
    bool isConsole(const LogRecord &r) const;

    Mode m_mode;
    Period m_period;
    std::map<std::int64_t, TrafficCounts> m_periods;
    std::map<std::int64_t, TrafficCounts> m_rolledMinutes; // rollUpBefore()
    TrafficCounts m_rolledTotal;
    std::int64_t m_lastPeriodKey = INT64_MIN;
    TrafficCounts *m_lastPeriod = nullptr;
    TrafficCounts m_totals;

    std::shared_ptr<const AwstatsRobots> m_robots; // nullptr: our own list
    std::optional<int> m_fixedOffset;
    std::vector<std::string> m_consoleAddresses;
    std::string m_pathScratch;          // awstatsPath()'s decoded copy
    FlatMap<std::uint8_t> m_robotCache; // user-agent hash -> 1 robot, 2 not
    std::map<std::int64_t, DayState> m_days;
    std::int64_t m_lastDay = INT64_MIN;
    DayState *m_lastDayState = nullptr;
    // awstats mode: every address with a page (the one structure that grows with distinct addresses,
    // 16 bytes each); raw mode: a running count of (day, address, agent).
    FlatSet m_totalUniques;
    std::uint64_t m_rawTotalUniques = 0;
    std::uint64_t m_shardUniques = 0; // mergeShard(): the other shares' m_totalUniques, all apart
    TopCounter m_topPages;
    TopCounter m_topAddresses;
    ServeTimeHistogram m_serveTimes;
    std::unique_ptr<TrafficSeries> m_series;
    std::unique_ptr<TopCounter> m_windowAddresses;
    std::int64_t m_periodSeconds = 0; // 0: from m_period
    int m_lastOffsetMinutes = 0;
};

} // namespace difusor::traffic
