#include "TrafficSeries.h"

namespace difusor::traffic {

std::int64_t floorTo(std::int64_t t, std::int64_t step)
{
    return (t >= 0 ? t / step : (t - step + 1) / step) * step;
}

namespace {

void addToRing(std::vector<TrafficSeries::Point> &ring, std::int64_t step, std::int64_t t, const TrafficCounts &d)
{
    const std::int64_t start = floorTo(t, step);
    const auto n = static_cast<std::int64_t>(ring.size());
    auto &slot = ring[static_cast<std::size_t>(((start / step) % n + n) % n)];
    if (slot.start != start) {
        if (slot.start > start)
            return; // older than the ring keeps
        slot = TrafficSeries::Point{start, {}};
    }
    accumulate(slot.counts, d);
}

} // namespace

void accumulate(TrafficCounts &into, const TrafficCounts &d)
{
    into.requests += d.requests;
    into.hits += d.hits;
    into.pages += d.pages;
    into.visits += d.visits;
    into.uniqueVisitors += d.uniqueVisitors;
    into.bandwidth += d.bandwidth;
    into.robotRequests += d.robotRequests;
    into.consoleRequests += d.consoleRequests;
    for (std::size_t i = 0; i < into.status.size(); ++i)
        into.status[i] += d.status[i];
}

TrafficSeries::TrafficSeries()
    : m_seconds(kSeconds, Point{INT64_MIN, {}})
    , m_minutes(kMinutes, Point{INT64_MIN, {}})
{
}

void TrafficSeries::add(std::int64_t t, const TrafficCounts &delta)
{
    if (!m_any || t > m_newest)
        m_newest = t;
    if (!m_any || t < m_oldest)
        m_oldest = t;
    m_any = true;
    addToRing(m_seconds, 1, t, delta);
    addToRing(m_minutes, 60, t, delta);
    accumulate(m_hours[floorTo(t, 3600)], delta);
}

std::vector<TrafficSeries::Point> TrafficSeries::range(Resolution r, std::int64_t from, std::int64_t to) const
{
    std::vector<Point> out;
    if (r == Resolution::Hour) {
        for (auto it = m_hours.lower_bound(floorTo(from, 3600)); it != m_hours.end() && it->first < to; ++it)
            out.push_back(Point{it->first, it->second});
        return out;
    }
    const std::int64_t step = r == Resolution::Second ? 1 : 60;
    const auto &ring = r == Resolution::Second ? m_seconds : m_minutes;
    const std::int64_t span = step * static_cast<std::int64_t>(ring.size());
    std::int64_t start = floorTo(from, step);
    if (start < floorTo(m_newest, step) - span + step)
        start = floorTo(m_newest, step) - span + step;
    for (std::int64_t s = start; s < to; s += step) {
        const auto n = static_cast<std::int64_t>(ring.size());
        const Point &p = ring[static_cast<std::size_t>(((s / step) % n + n) % n)];
        if (p.start == s)
            out.push_back(p);
    }
    return out;
}

} // namespace difusor::traffic
