// Fuzz target: access-log parsing and counting. The input is a byte stream of log lines cut into
// chunks at arbitrary points; every line goes through the combined parser and a custom-format parser,
// and every parsed record through both counting modes (awstats mode with AWStats' robot database when it
// is installed). The first line also serves as a format spec.
// FUZZ_SOURCES: core/traffic/LogParser.cpp core/traffic/LogFormat.cpp core/traffic/AwstatsRobots.cpp core/traffic/PerlSource.cpp core/traffic/Classify.cpp core/traffic/TrafficCounter.cpp core/traffic/TrafficSeries.cpp core/traffic/TopCounter.cpp core/traffic/ServeTimeHistogram.cpp
#include "traffic/LineSplitter.h"
#include "traffic/LogParser.h"
#include "traffic/TrafficCounter.h"

#include <QString>

#include <cstddef>
#include <cstdint>
#include <optional>

using namespace difusor::traffic;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const char *text = reinterpret_cast<const char *>(data);
    static const std::optional<LogFormat> custom =
        LogFormat::fromString(QStringLiteral("%h [%d:%t %z] \"%m %U %H\" %s %b %L %D \"%R\" %^ \"%u\" %T"));

    LogParser combined;
    LogParser other(*custom);
    TrafficCounter awstats(TrafficCounter::Mode::AwStats, TrafficCounter::Period::Minute);
    awstats.setRobots(AwstatsRobots::installed()); // AWStats' matcher on arbitrary agents, when installed
    TrafficCounter raw(TrafficCounter::Mode::Raw, TrafficCounter::Period::Hour);
    // The live series holds ~2 MB of fixed buckets: one kept across inputs instead of one per input.
    static TrafficCounter live = [] {
        TrafficCounter c(TrafficCounter::Mode::AwStats, TrafficCounter::Period::Day);
        c.enableSeries();
        return c;
    }();
    LogRecord r;
    LogRecord reference;
    std::optional<LogParser> fromInput;
    bool first = true;

    auto onLine = [&](std::string_view line, bool) {
        if (first) {
            first = false;
            // The first line as a format spec: must be refused or usable, never crash.
            if (auto f = LogFormat::fromString(QString::fromUtf8(line.data(), static_cast<qsizetype>(line.size()))))
                fromInput.emplace(*f);
        }
        // The combined fast path and the token loop must agree on every input.
        const ParseError fast = combined.parse(line, r);
        const ParseError slow = combined.parseByTokens(line, reference);
        const auto sameView = [](std::string_view x, std::string_view y) { return x.data() == y.data() && x.size() == y.size(); };
        if (fast != slow
            || (fast == ParseError::None
                && !(sameView(r.host, reference.host) && sameView(r.method, reference.method)
                     && sameView(r.path, reference.path) && sameView(r.protocol, reference.protocol)
                     && sameView(r.referer, reference.referer) && sameView(r.userAgent, reference.userAgent)
                     && r.status == reference.status && r.bytes == reference.bytes && r.localTime == reference.localTime
                     && r.offsetMinutes == reference.offsetMinutes && r.serveTimeUs == reference.serveTimeUs)))
            __builtin_trap();
        if (fast == ParseError::None) {
            awstats.add(r);
            raw.add(r);
            live.add(r);
        }
        if (other.parse(line, r) == ParseError::None)
            awstats.add(r);
        if (fromInput && fromInput->parse(line, r) == ParseError::None)
            raw.add(r);
    };

    // Chunk sizes come from the first byte so the splitter sees varied boundaries.
    const std::size_t chunk = size ? (static_cast<std::size_t>(data[0]) % 64) + 1 : 1;
    LineSplitter splitter(512);
    for (std::size_t i = 0; i < size; i += chunk)
        splitter.feed(text + i, std::min(chunk, size - i), onLine);
    splitter.finish(onLine);

    (void)awstats.totals();
    (void)raw.totals();
    (void)awstats.topPages().top(5);
    (void)raw.serveTimes().quantile(0.99);
    const TrafficSeries *series = live.series();
    (void)series->range(TrafficSeries::Resolution::Second, series->newest() - 60, series->newest() + 1);
    (void)series->range(TrafficSeries::Resolution::Minute, series->newest() - 3600, series->newest() + 1);
    return 0;
}
