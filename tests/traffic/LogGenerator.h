#pragma once

#include <QString>

#include <cstdint>

namespace difusor::test {

// Writes a synthetic combined access log: human visitors in sessions (pages + assets, gaps inside a
// session under an hour, between sessions over an hour, some sessions across midnight), crawlers and
// scripts whose user agents both our robot list and AWStats' agree on, empty user agents, /robots.txt
// probes, favicon, 3xx/4xx/5xx, 304 with and without bytes, and a few malformed lines. Deterministic
// for a seed. Lines are in time order (as a server writes them).
struct LogGeneratorOptions
{
    int days = 4;
    int visitorsPerDay = 150;
    int firstDay = 1;              // day of October 2026 (in the past, AWStats drops future records)
    int malformedEvery = 500;      // one malformed line per this many lines (0 = none)
    bool manyUserAgents = false;   // vary browser versions widely (benchmark)
    std::uint64_t seed = 42;
    std::int64_t maxLines = 0;     // stop after this many lines (0 = no limit)
};

struct LogGeneratorResult
{
    std::int64_t lines = 0;
    std::int64_t malformed = 0;
    std::int64_t bytes = 0;
};

LogGeneratorResult generateAccessLog(const QString &path, const LogGeneratorOptions &options);

} // namespace difusor::test
