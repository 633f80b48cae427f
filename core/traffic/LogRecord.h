#pragma once

#include <cstdint>
#include <string_view>

namespace difusor::traffic {

// One parsed access-log line. The views point into the caller's line buffer (valid until the next
// line): the parser never copies a field.
struct LogRecord
{
    std::string_view host;
    std::string_view method;
    std::string_view path; // request target as written (with query)
    std::string_view protocol;
    std::string_view referer;
    std::string_view userAgent; // "-" and "" both mean "none"
    int status = 0;
    std::int64_t bytes = 0;
    // Wall-clock time as written in the log, counted as seconds since 1970-01-01 00:00 of that wall clock
    // (so civil fields and periods come out in the log's own offset).
    std::int64_t localTime = 0;
    int offsetMinutes = 0; // east of UTC; 0 when the format has no zone
    std::int64_t serveTimeUs = -1; // -1: absent

    std::int64_t utcTime() const { return localTime - std::int64_t(offsetMinutes) * 60; }
    bool hasUserAgent() const { return !userAgent.empty() && !(userAgent.size() == 1 && userAgent[0] == '-'); }
    // Path without query string (AWStats' URLQuerySeparators "?;") and without "#anchor".
    std::string_view pathNoQuery() const
    {
        std::size_t i = path.find_first_of("?;#");
        return i == std::string_view::npos ? path : path.substr(0, i);
    }
};

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
constexpr std::int64_t daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct CivilTime
{
    int year, month, day, hour, minute, second;
};

CivilTime civilFromSeconds(std::int64_t secondsSinceEpoch);

} // namespace difusor::traffic
