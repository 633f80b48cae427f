#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>

namespace difusor::test {

// User agents we did not write (tests/traffic/data/useragents, see its README): the example strings
// of the npm package crawler-user-agents and the browser list of top-user-agents.
QStringList crawlerUserAgents(const QString &dataDir);
QStringList browserUserAgents(const QString &dataDir);
// Agents a real log also holds and no list names: empty, "-", Perl-false "0", bare "Mozilla…",
// scanner payloads, non-ASCII, overlong.
QStringList oddUserAgents();

// A combined access log of varied traffic for the differential tests against AWStats and GoAccess:
// browsers (top-user-agents) in sessions with pages, assets, 304s, resumed downloads (206) and errors;
// crawlers, feed readers and link previewers (crawler-user-agents) with robots.txt, sitemap and page
// hits; odd agents; IPv4, IPv6 and IPv4-mapped IPv6 clients; GET/POST/HEAD and odd or lower-case
// methods; 1xx-5xx statuses; query strings, ";" parameters, anchors, %-escapes, a request line with a
// space, "-" sizes; visits with gaps of exactly 3600 and 3601 s and across midnight; a change of the
// log's offset (-0600 to -0500) on the third day; a few malformed lines. In time order; deterministic
// for a seed. Days start on 30 October 2026 (the run crosses a month, as AWStats' monthly files do).
struct VariedLogOptions
{
    QString dataDir;          // tests/traffic/data/useragents
    int days = 4;
    int visitorsPerDay = 500; // browser visitors; twice as many crawler visits, a quarter as many odd clients
    std::uint64_t seed = 1;
};

struct VariedLogResult
{
    std::int64_t lines = 0;
    std::int64_t malformed = 0; // lines our parser refuses on purpose
};

VariedLogResult generateVariedLog(const QString &path, const VariedLogOptions &options);

} // namespace difusor::test
