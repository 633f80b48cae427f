#pragma once

#include <array>
#include <cstdint>

namespace difusor::traffic {

// Counters of one period (or of the whole run). Meanings depend on the mode: see TrafficCounter.h.
struct TrafficCounts
{
    std::uint64_t requests = 0;       // every parsed line
    std::uint64_t hits = 0;
    std::uint64_t pages = 0;
    std::uint64_t visits = 0;
    std::uint64_t uniqueVisitors = 0;
    std::uint64_t bandwidth = 0;      // bytes
    std::uint64_t robotRequests = 0;  // requests classified as robots (both modes)
    std::uint64_t consoleRequests = 0; // the console's own requests ("consola"): in requests and status only
    std::array<std::uint64_t, 6> status{}; // [0] other, [1] 1xx … [5] 5xx

    void addStatus(int code)
    {
        const int c = code / 100;
        ++status[static_cast<std::size_t>(c >= 1 && c <= 5 ? c : 0)];
    }
};

} // namespace difusor::traffic
