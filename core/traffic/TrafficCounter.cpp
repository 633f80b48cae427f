#include "TrafficCounter.h"

#include "Classify.h"
#include "common/ConsoleAgent.h"

#include <algorithm>

namespace difusor::traffic {

TrafficCounter::TrafficCounter(Mode mode, Period period)
    : m_mode(mode)
    , m_period(period)
{
}

void TrafficCounter::setRobots(std::shared_ptr<const AwstatsRobots> robots)
{
    m_robots = std::move(robots);
    m_robotCache.clear();
}

void TrafficCounter::setFixedOffset(std::optional<int> minutesEast)
{
    m_fixedOffset = minutesEast;
    m_lastPeriodKey = INT64_MIN;
    m_lastPeriod = nullptr;
}

void TrafficCounter::setConsoleAddresses(const std::vector<std::string> &addresses)
{
    m_consoleAddresses.clear();
    for (const std::string &a : addresses)
        m_consoleAddresses.emplace_back(awstatsHost(a));
}

bool TrafficCounter::isConsole(const LogRecord &r) const
{
    if (isConsoleUserAgent(r.userAgent))
        return true;
    if (m_consoleAddresses.empty())
        return false;
    const std::string_view host = awstatsHost(r.host);
    return std::find(m_consoleAddresses.begin(), m_consoleAddresses.end(), host) != m_consoleAddresses.end();
}

void TrafficCounter::enableSeries()
{
    if (!m_series)
        m_series = std::make_unique<TrafficSeries>();
}

int TrafficCounter::periodSecondsFor(int seconds)
{
    if (seconds <= 1)
        return 1;
    if (seconds >= 86400)
        return 86400;
    while (86400 % seconds != 0)
        --seconds;
    return seconds;
}

void TrafficCounter::setPeriodSeconds(int seconds)
{
    m_periodSeconds = periodSecondsFor(seconds);
    m_lastPeriodKey = INT64_MIN;
    m_lastPeriod = nullptr;
}

void TrafficCounter::enableWindowAddresses()
{
    if (!m_windowAddresses)
        m_windowAddresses = std::make_unique<TopCounter>(50000);
}

void TrafficCounter::resetWindowAddresses()
{
    if (m_windowAddresses)
        m_windowAddresses = std::make_unique<TopCounter>(50000);
}

std::int64_t TrafficCounter::periodLength() const
{
    if (m_periodSeconds > 0)
        return m_periodSeconds;
    switch (m_period) {
    case Period::Day: return 86400;
    case Period::Hour: return 3600;
    case Period::Minute: return 60;
    }
    return 86400;
}

TrafficCounts &TrafficCounter::periodFor(std::int64_t localTime)
{
    const std::int64_t len = periodLength();
    const std::int64_t key = (localTime >= 0 ? localTime / len : (localTime - len + 1) / len) * len;
    if (key != m_lastPeriodKey) {
        m_lastPeriodKey = key;
        m_lastPeriod = &m_periods[key];
    }
    return *m_lastPeriod;
}

TrafficCounter::DayState &TrafficCounter::dayFor(std::int64_t day)
{
    if (day != m_lastDay) {
        m_lastDay = day;
        m_lastDayState = &m_days[day];
        while (!m_days.empty() && m_days.begin()->first < m_days.rbegin()->first - 1 && m_days.begin()->first != day)
            m_days.erase(m_days.begin());
    }
    return *m_lastDayState;
}

bool TrafficCounter::robotUserAgent(std::uint64_t uaHash, std::string_view ua)
{
    if (m_robotCache.size() > 500000)
        m_robotCache.clear(); // a flood of distinct agents must not grow memory without bound
    bool inserted = false;
    std::uint8_t &v = m_robotCache.findOrInsert(FlatMap<std::uint8_t>::nonZero(uaHash), inserted);
    if (inserted) {
        // With AWStats' list, "0" is no agent too: awstats.pl tests the agent for Perl truth (19123).
        const bool robot = m_robots ? (ua == "0" || m_robots->match(ua) >= 0) : isRobotUserAgent(ua);
        v = robot ? 1 : 2;
    }
    return v == 1;
}

bool TrafficCounter::newVisit(DayState &day, std::uint64_t hostHash, std::int64_t t)
{
    bool inserted = false;
    VisitState &s = day.visits.findOrInsert(FlatMap<VisitState>::nonZero(hostHash), inserted);
    const bool fresh = inserted || t - s.lastTime > 3600;
    if (fresh || t > s.lastTime)
        s.lastTime = t; // an out-of-order earlier line never moves the visit back
    return fresh;
}

void TrafficCounter::add(const LogRecord &r)
{
    // The report's clock: the log's own wall clock, or UTC moved to the fixed offset. Visits are timed on
    // it too (AWStats compares the times as written, offset ignored).
    const std::int64_t local = m_fixedOffset ? r.utcTime() + std::int64_t(*m_fixedOffset) * 60 : r.localTime;
    TrafficCounts &p = periodFor(local);
    TrafficCounts delta; // only for the series
    if (isConsole(r)) {
        // Ours: the server's answer (status, serve time), not a visitor's request (rules above).
        ++p.requests;
        ++p.consoleRequests;
        p.addStatus(r.status);
        m_lastOffsetMinutes = r.offsetMinutes;
        if (r.serveTimeUs >= 0)
            m_serveTimes.add(r.serveTimeUs);
        if (m_series) {
            delta.requests = 1;
            delta.consoleRequests = 1;
            delta.addStatus(r.status);
            m_series->add(r.utcTime(), delta);
        }
        return;
    }
    const bool awstats = m_mode == Mode::AwStats;
    const std::string_view path = awstats ? awstatsPath(r.path, m_pathScratch) : r.pathNoQuery();
    const std::string_view ua = r.hasUserAgent() ? r.userAgent : std::string_view("-");
    const std::uint64_t uaHash = hashView(ua);
    const std::uint64_t hostHash = hashView(r.host);
    const std::string_view visitor = awstats ? awstatsHost(r.host) : r.host;
    const std::uint64_t visitorHash = visitor.size() == r.host.size() ? hostHash : hashView(visitor);
    const bool agentRobot = !r.hasUserAgent() || robotUserAgent(uaHash, ua);
    const bool robot = agentRobot || isRobotsTxt(path);

    ++p.requests;
    p.addStatus(r.status);
    if (robot)
        ++p.robotRequests;
    m_topAddresses.add(hostHash, r.host);
    if (m_windowAddresses)
        m_windowAddresses->add(hostHash, r.host);
    m_lastOffsetMinutes = r.offsetMinutes;
    if (r.serveTimeUs >= 0)
        m_serveTimes.add(r.serveTimeUs);

    const std::int64_t periodKey = m_lastPeriodKey;
    DayState &day = dayFor(local / 86400);
    if (awstats) {
        const bool hit = (r.status == 200 || r.status == 304) && !robot && !isFavicon(path) && isAwstatsMethod(r.method);
        if (hit) {
            const std::uint64_t bytes = r.status == 304 ? 0 : static_cast<std::uint64_t>(r.bytes);
            ++p.hits;
            p.bandwidth += bytes;
            delta.hits = 1;
            delta.bandwidth = bytes;
            if (!isAssetPath(path)) {
                ++p.pages;
                delta.pages = 1;
                const std::uint64_t pathHash = hashView(path);
                m_topPages.add(pathHash, path);
                if (newVisit(day, visitorHash, local)) {
                    ++p.visits;
                    delta.visits = 1;
                }
                bool inserted = false;
                day.periodUniques.findOrInsert(FlatSet::nonZero(hashCombine(std::uint64_t(periodKey), visitorHash)), inserted);
                if (inserted)
                    ++p.uniqueVisitors;
                m_totalUniques.findOrInsert(FlatSet::nonZero(visitorHash), inserted);
            }
        } else if (r.status == 206 && isDownloadPath(path) && !isFavicon(path) && isAwstatsMethod(r.method)) {
            // A resumed download adds bandwidth, not hits, robots included. AWStats 7.8 adds the bytes
            // twice when the agent is not a robot's: in its status-code branch (awstats.pl 19036) and again
            // in its hit branch (19282); a robot's request stops between the two. Reproduced so this mode's
            // bandwidth is the figure AWStats reports; raw mode has the bytes actually sent.
            const std::uint64_t bytes = static_cast<std::uint64_t>(r.bytes) * (agentRobot ? 1 : 2);
            p.bandwidth += bytes;
            delta.bandwidth = bytes;
        }
    } else {
        ++p.hits;
        p.bandwidth += static_cast<std::uint64_t>(r.bytes);
        delta.hits = 1;
        delta.bandwidth = static_cast<std::uint64_t>(r.bytes);
        if (!isAssetPath(path)) {
            ++p.pages;
            delta.pages = 1;
        }
        m_topPages.add(hashView(path), path);
        if (newVisit(day, hostHash, local)) {
            ++p.visits;
            delta.visits = 1;
        }
        if (r.status / 100 != 4) {
            const std::uint64_t visitor = hashCombine(hostHash, uaHash);
            bool inserted = false;
            day.periodUniques.findOrInsert(FlatSet::nonZero(hashCombine(std::uint64_t(periodKey), visitor)), inserted);
            if (inserted)
                ++p.uniqueVisitors;
            day.dailyUniques.findOrInsert(FlatSet::nonZero(visitor), inserted);
            if (inserted)
                ++m_rawTotalUniques;
        }
    }

    if (m_series) {
        delta.requests = 1;
        delta.robotRequests = robot ? 1 : 0;
        delta.addStatus(r.status);
        m_series->add(r.utcTime(), delta);
    }
}

bool TrafficCounter::mergeShard(TrafficCounter &&other, bool otherIsNewer)
{
    for (const auto &[key, c] : other.m_periods)
        accumulate(m_periods[key], c);
    // The other share's visitors are none of ours: a sum, not a union.
    m_shardUniques += other.m_totalUniques.size() + other.m_shardUniques;
    m_rawTotalUniques += other.m_rawTotalUniques;
    bool exact = m_topPages.merge(other.m_topPages);
    exact = m_topAddresses.absorbDisjoint(std::move(other.m_topAddresses)) && exact;
    m_serveTimes.merge(other.m_serveTimes);
    if (otherIsNewer)
        m_lastOffsetMinutes = other.m_lastOffsetMinutes;
    return exact;
}

void TrafficCounter::rollUpBefore(std::int64_t localKey)
{
    if (periodLength() >= 60)
        return;
    auto it = m_periods.begin();
    for (; it != m_periods.end() && it->first < localKey; ++it) {
        const std::int64_t minute = (it->first >= 0 ? it->first / 60 : (it->first - 59) / 60) * 60;
        accumulate(m_rolledMinutes[minute], it->second);
        accumulate(m_rolledTotal, it->second);
    }
    if (it == m_periods.begin())
        return;
    m_periods.erase(m_periods.begin(), it);
    m_lastPeriodKey = INT64_MIN; // its entry may be gone
    m_lastPeriod = nullptr;
}

TrafficCounts TrafficCounter::totals() const
{
    TrafficCounts t = m_rolledTotal;
    for (const auto &[key, c] : m_periods)
        accumulate(t, c);
    t.uniqueVisitors = m_mode == Mode::AwStats ? m_totalUniques.size() + m_shardUniques : m_rawTotalUniques;
    return t;
}

} // namespace difusor::traffic
