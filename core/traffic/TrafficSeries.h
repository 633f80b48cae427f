#pragma once

#include "TrafficCounts.h"

#include <map>
#include <vector>

namespace difusor::traffic {

// The start of the step-long period holding t (seconds; also before 1970).
std::int64_t floorTo(std::int64_t t, std::int64_t step);

// Live time series at three resolutions, keyed by UTC time: per second for the last hour, per minute
// for the last ten days, per hour for all time. "Last" is relative to the newest time added, so a
// replayed log behaves like a live one. Memory is fixed except one entry per hour.
class TrafficSeries final
{
public:
    enum class Resolution { Second, Minute, Hour };
    struct Point
    {
        std::int64_t start = 0; // UTC seconds
        TrafficCounts counts;
    };

    TrafficSeries();
    // Adds delta to the buckets containing utcTime at every resolution.
    void add(std::int64_t utcTime, const TrafficCounts &delta);
    // Buckets in [from, to) at that resolution, oldest first; buckets outside its retention are absent.
    std::vector<Point> range(Resolution r, std::int64_t from, std::int64_t to) const;
    std::int64_t newest() const { return m_newest; }
    std::int64_t oldest() const { return m_oldest; } // oldest time ever added (0: none)
    bool isEmpty() const { return !m_any; }

    static constexpr int kSeconds = 3600;
    static constexpr int kMinutes = 10 * 24 * 60;

private:
    std::vector<Point> m_seconds;
    std::vector<Point> m_minutes;
    std::map<std::int64_t, TrafficCounts> m_hours;
    std::int64_t m_newest = 0;
    std::int64_t m_oldest = 0;
    bool m_any = false;
};

void accumulate(TrafficCounts &into, const TrafficCounts &delta);

} // namespace difusor::traffic
