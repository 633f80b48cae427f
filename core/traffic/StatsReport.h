#pragma once

#include "LogFormat.h"
#include "TrafficCounter.h"
#include "common/CommandLine.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace difusor::traffic {

struct StatsOptions
{
    TrafficCounter::Mode mode = TrafficCounter::Mode::AwStats;
    TrafficCounter::Period by = TrafficCounter::Period::Day;
    enum class Format { Json, Csv, Text } format = Format::Json;
    LogFormat logFormat = LogFormat::combined();
    int top = 10;
    // Days cut in the log's own clock (AWStats' way) or in Central Mexico time (UTC-6).
    enum class TimeZone { Log, Mexico } tz = TimeZone::Log;
    // Robot list: "" the installed AWStats database (else ours), "builtin" ours, or a robots.pm path.
    QString robots;
    QStringList files;
    // Threads that count: 0 as many as the machine has cores, up to 2 (see computeStats); 1 one thread.
    int threads = 0;
};

struct StatsResult
{
    std::unique_ptr<TrafficCounter> counter;
    std::uint64_t parsedLines = 0;
    std::uint64_t malformedLines = 0;
    QStringList malformedSamples;
    QStringList errors; // unreadable files, an unreadable --robots file (translated)
    int threads = 1;    // threads whose counts the result is (1 also when a sharded count fell back)
};

// The command line of `stats`: its options and usage text (`stats --help`).
class StatsCommandLine final : public CommandLine
{
public:
    StatsCommandLine();
    // The options of a parsed command line, checked; std::nullopt with a translated *error.
    std::optional<StatsOptions> options(QString *error) const;
};

// Parses the command-line arguments of `stats` (without "stats"); error message on failure (--help and
// --version give std::nullopt too: there is nothing to count).
std::optional<StatsOptions> parseStatsArguments(const QStringList &args, QString *error);

// Reads and counts the files, one after the other. The result is always the one a single thread reading
// every line in order gives. With threads > 1, each thread parses and counts only the lines of its share
// of client addresses (a hash of the line's first field, the address; the calling thread reads the files
// and hands the other threads their lines, StatsShards.h); the shares' counts are then added
// (TrafficCounter::mergeShard). Exact because everything a line does depends only
// on its own client's earlier lines; where that does not hold (a line more than a day older than a line
// before it, whose day the single thread would have forgotten; a top list past its cap; a log format
// whose first field is not the address) the lines are counted again in one thread.
StatsResult computeStats(const StatsOptions &options);

// "2026-10-01", "2026-10-01T13" or "2026-10-01T13:05" for a period's local start.
QString periodLabel(std::int64_t localStart, TrafficCounter::Period by);

// "awstats-7.8" (AWStats' database, its version when known: "awstats" otherwise) or "builtin".
QString robotsListId(const TrafficCounter &counter);
// "robots: lista de AWStats 7.8 (/usr/share/awstats/lib/robots.pm)" or "robots: lista propia".
QString robotsListText(const TrafficCounter &counter);

QJsonObject statsJson(const StatsOptions &options, const StatsResult &result);
QByteArray statsCsv(const StatsResult &result);
QString statsText(const StatsOptions &options, const StatsResult &result);

} // namespace difusor::traffic
