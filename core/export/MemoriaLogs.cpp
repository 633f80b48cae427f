// Sections 1 and 3 of the memoria: the log file table and the comparison, in one pass over each file.

#include "Memoria.h"

#include "Hashing.h"
#include "common/Tr.h"
#include "traffic/AwstatsRobots.h"
#include "traffic/LineSplitter.h"
#include "traffic/LogParser.h"
#include "traffic/StatsReport.h"
#include "traffic/TrafficCounter.h"

#include <QFile>
#include <QFileInfo>

#include <array>
#include <map>
#include <vector>
#include <zlib.h>

namespace difusor::exporting {

namespace {

using traffic::TrafficCounter;
using traffic::TrafficCounts;

constexpr int kMexicoOffsetS = -6 * 3600; // Central Mexico, fixed UTC-6 since October 2022
constexpr std::int64_t kDay = 86400;

// Local (UTC-6) seconds of a date's midnight, as TrafficCounter keys its days.
std::int64_t localDayKey(const QDate &date)
{
    return QDateTime(date, QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
}

MemoriaCounts countsOf(const TrafficCounts &c)
{
    return {double(c.visits), double(c.pages), double(c.hits), double(c.uniqueVisitors)};
}

void addTo(MemoriaCounts &sum, const MemoriaCounts &c)
{
    sum.visits += c.visits;
    sum.pages += c.pages;
    sum.hits += c.hits;
    sum.visitors += c.visitors;
}

MemoriaCounts dividedBy(MemoriaCounts c, int n)
{
    if (n <= 0)
        return {};
    c.visits /= n;
    c.pages /= n;
    c.hits /= n;
    c.visitors /= n;
    return c;
}

// Everything one pass over the lines feeds: the day and hour counters (two, because distinct
// visitors of a day are not the sum of its hours'), and every request per minute for the peak.
struct MemoriaCounter final
{
    explicit MemoriaCounter(std::shared_ptr<const traffic::AwstatsRobots> robots)
        : days(TrafficCounter::Mode::AwStats, TrafficCounter::Period::Day)
        , hours(TrafficCounter::Mode::AwStats, TrafficCounter::Period::Hour)
    {
        for (TrafficCounter *c : {&days, &hours}) {
            c->setRobots(robots);
            c->setFixedOffset(kMexicoOffsetS / 60);
        }
    }

    // One line of a file; the file's own tallies in `file`.
    void line(std::string_view text, bool overlong, MemoriaLogFile &file)
    {
        ++file.lines;
        if (overlong) {
            ++file.malformed;
            return;
        }
        const traffic::ParseError e = parser.parse(text, record);
        if (e == traffic::ParseError::Empty)
            return;
        if (e != traffic::ParseError::None) {
            ++file.malformed;
            return;
        }
        ++parsed;
        days.add(record);
        hours.add(record);
        const std::int64_t utc = record.utcTime();
        ++minutes[utc - (utc % 60 + 60) % 60];
        if (!fileFirst || utc < *fileFirst)
            fileFirst = utc;
        if (!fileLast || utc > *fileLast)
            fileLast = utc;
    }

    void startFile()
    {
        fileFirst.reset();
        fileLast.reset();
    }
    std::optional<std::int64_t> fileFirst; // the current file's first and last parsed line (UTC)
    std::optional<std::int64_t> fileLast;
    TrafficCounter days;
    TrafficCounter hours;
    std::map<std::int64_t, std::uint32_t> minutes; // UTC minute -> requests
    qint64 parsed = 0;
    traffic::LogParser parser{traffic::LogFormat::combined()};
    traffic::LogRecord record;
};

// Reads one file once: hashes the bytes as stored, inflates gzip members (several may follow one
// another, as `cat a.gz b.gz` makes), splits lines and counts them.
void readFile(MemoriaLogFile &file, MemoriaCounter &counter)
{
    QFile f(file.path);
    if (!f.open(QIODevice::ReadOnly)) {
        file.error = Tr::tr("No se pudo abrir %1: %2").arg(file.path, f.errorString());
        return;
    }
    file.size = f.size();
    counter.startFile();
    MultiHasher hasher({HashAlgorithm::Sha256});
    traffic::LineSplitter splitter(traffic::kMaxLineLength);
    auto sink = [&](std::string_view l, bool overlong) { counter.line(l, overlong, file); };

    std::vector<char> in(1 << 20);
    std::vector<char> out(1 << 20);
    z_stream z{};
    bool gzip = false;
    bool first = true;
    bool streamEnded = false;
    while (true) {
        const qint64 n = f.read(in.data(), qint64(in.size()));
        if (n < 0) {
            file.error = Tr::tr("Error al leer %1: %2").arg(file.path, f.errorString());
            break;
        }
        if (n == 0)
            break;
        hasher.addData(in.data(), n);
        if (first) {
            first = false;
            gzip = n >= 2 && static_cast<unsigned char>(in[0]) == 0x1f && static_cast<unsigned char>(in[1]) == 0x8b;
            if (gzip && inflateInit2(&z, 15 + 16) != Z_OK) {
                file.error = Tr::tr("Error al leer %1: %2").arg(file.path, QStringLiteral("zlib"));
                return;
            }
        }
        if (!gzip) {
            splitter.feed(in.data(), std::size_t(n), sink);
            continue;
        }
        z.next_in = reinterpret_cast<Bytef *>(in.data());
        z.avail_in = static_cast<uInt>(n);
        while (z.avail_in > 0 && file.error.isEmpty()) {
            if (streamEnded) { // another gzip member follows
                inflateReset(&z);
                streamEnded = false;
            }
            z.next_out = reinterpret_cast<Bytef *>(out.data());
            z.avail_out = static_cast<uInt>(out.size());
            const int rc = inflate(&z, Z_NO_FLUSH);
            const std::size_t produced = out.size() - z.avail_out;
            if (produced)
                splitter.feed(out.data(), produced, sink);
            if (rc == Z_STREAM_END)
                streamEnded = true;
            else if (rc != Z_OK && rc != Z_BUF_ERROR)
                file.error = Tr::tr("Error al leer %1: %2").arg(file.path, QString::fromUtf8(z.msg ? z.msg : "zlib"));
        }
        if (!file.error.isEmpty())
            break;
    }
    if (gzip) {
        // Drain what inflate holds back for lack of output room.
        int rc = Z_OK;
        while (file.error.isEmpty() && !streamEnded && rc == Z_OK) {
            z.next_out = reinterpret_cast<Bytef *>(out.data());
            z.avail_out = static_cast<uInt>(out.size());
            rc = inflate(&z, Z_FINISH);
            const std::size_t produced = out.size() - z.avail_out;
            if (produced)
                splitter.feed(out.data(), produced, sink);
            if (rc == Z_STREAM_END)
                streamEnded = true;
            else if (produced == 0)
                break;
        }
        if (file.error.isEmpty() && !streamEnded)
            file.error = Tr::tr("%1 termina antes de tiempo (gzip incompleto): se contó lo que se pudo leer.").arg(file.path);
        inflateEnd(&z);
    }
    splitter.finish(sink);
    file.sha256 = hasher.finishHex().value(0);
    if (counter.fileFirst)
        file.firstUtc = QDateTime::fromSecsSinceEpoch(*counter.fileFirst, Qt::UTC);
    if (counter.fileLast)
        file.lastUtc = QDateTime::fromSecsSinceEpoch(*counter.fileLast, Qt::UTC);
}

MemoriaDay dayOf(const TrafficCounter &days, const QDate &date, std::int64_t firstLocal, std::int64_t lastLocal)
{
    MemoriaDay d;
    d.date = date;
    const std::int64_t key = localDayKey(date);
    // A day the logs do not reach is unknown, not a zero-traffic day.
    d.covered = firstLocal <= key + kDay - 1 && lastLocal >= key;
    const auto it = days.periods().find(key);
    if (it != days.periods().end())
        d.counts = countsOf(it->second);
    return d;
}

} // namespace

MemoriaPeriod MemoriaPeriod::forRange(const QDate &from, const QDate &to)
{
    MemoriaPeriod p;
    p.from = from;
    p.to = to;
    p.baselineTo = from.addDays(-1);
    p.baselineFrom = from.addDays(-14);
    p.baselineExcluded.clear();
    for (const QDate &simulacro : {QDate(2024, 5, 19), QDate(2024, 5, 26)})
        if (simulacro >= p.baselineFrom && simulacro <= p.baselineTo)
            p.baselineExcluded << simulacro;
    p.nightStartUtc = QDateTime(from, QTime(18, 0), Qt::UTC).addSecs(-kMexicoOffsetS);
    return p;
}

QList<QDate> MemoriaPeriod::baselineDays() const
{
    QList<QDate> days;
    for (QDate d = baselineFrom; d.isValid() && d <= baselineTo; d = d.addDays(1))
        if (!baselineExcluded.contains(d))
            days << d;
    return days;
}

std::optional<double> MemoriaComparison::ratio(double value, double baseline)
{
    if (!(baseline > 0))
        return std::nullopt;
    return value / baseline;
}

void readMemoriaLogs(const MemoriaRequest &request, MemoriaInput &input)
{
    std::shared_ptr<const traffic::AwstatsRobots> robots;
    if (request.robots.isEmpty()) {
        robots = traffic::AwstatsRobots::installed(); // what `stats` takes by default
    } else if (request.robots != QLatin1String("builtin")) {
        QString error;
        robots = traffic::AwstatsRobots::load(request.robots, &error);
        if (!error.isEmpty())
            input.errors << error;
    }
    MemoriaCounter counter(robots);
    input.logFiles.clear();
    for (const MemoriaLogSource &source : request.logs) {
        MemoriaLogFile file;
        file.server = source.server;
        file.name = source.name.isEmpty() ? QFileInfo(source.path).fileName() : source.name;
        file.path = source.path;
        readFile(file, counter);
        if (!file.error.isEmpty())
            input.errors << file.error;
        input.logFiles << file;
    }

    MemoriaComparison &c = input.comparison;
    c = MemoriaComparison{};
    c.parsedLines = counter.parsed;
    for (const MemoriaLogFile &f : std::as_const(input.logFiles)) {
        c.malformedLines += f.malformed;
        if (f.firstUtc.isValid() && (!c.firstLineUtc.isValid() || f.firstUtc < c.firstLineUtc))
            c.firstLineUtc = f.firstUtc;
        if (f.lastUtc.isValid() && (!c.lastLineUtc.isValid() || f.lastUtc > c.lastLineUtc))
            c.lastLineUtc = f.lastUtc;
    }
    c.robotsList = traffic::robotsListText(counter.days);
    // With no line at all, nothing is covered.
    const std::int64_t firstLocal = c.firstLineUtc.isValid() ? c.firstLineUtc.toSecsSinceEpoch() + kMexicoOffsetS : INT64_MAX;
    const std::int64_t lastLocal = c.lastLineUtc.isValid() ? c.lastLineUtc.toSecsSinceEpoch() + kMexicoOffsetS : INT64_MIN;

    const MemoriaPeriod &p = input.period;
    MemoriaCounts baselineSum;
    for (const QDate &d : p.baselineDays()) {
        const MemoriaDay day = dayOf(counter.days, d, firstLocal, lastLocal);
        if (day.covered) {
            ++c.baselineCoveredDays;
            addTo(baselineSum, day.counts);
        }
        c.baseline << day;
    }
    c.baselineAverage = dividedBy(baselineSum, c.baselineCoveredDays);

    MemoriaCounts periodSum;
    int periodDays = 0;
    for (QDate d = p.from; d.isValid() && d <= p.to; d = d.addDays(1)) {
        const MemoriaDay day = dayOf(counter.days, d, firstLocal, lastLocal);
        addTo(periodSum, day.counts);
        ++periodDays;
        c.period << day;
    }
    c.periodAverage = dividedBy(periodSum, periodDays);

    // The baseline's hours: hour h of each covered baseline day, averaged.
    std::array<MemoriaCounts, 24> hourSums{};
    for (const MemoriaDay &day : std::as_const(c.baseline)) {
        if (!day.covered)
            continue;
        const std::int64_t key = localDayKey(day.date);
        const auto &hours = counter.hours.periods();
        for (auto it = hours.lower_bound(key); it != hours.end() && it->first < key + kDay; ++it)
            addTo(hourSums[std::size_t((it->first - key) / 3600)], countsOf(it->second));
    }
    for (int h = 0; h < p.nightHours; ++h) {
        MemoriaHour hour;
        hour.startUtc = p.nightStartUtc.addSecs(h * 3600);
        const std::int64_t local = hour.startUtc.toSecsSinceEpoch() + kMexicoOffsetS;
        const auto it = counter.hours.periods().find(local);
        if (it != counter.hours.periods().end())
            hour.counts = countsOf(it->second);
        hour.baseline = dividedBy(hourSums[std::size_t(((local % kDay) + kDay) % kDay / 3600)], c.baselineCoveredDays);
        c.night << hour;
    }

    // The busiest minute of the period (its days at UTC-6).
    const std::int64_t periodStart = localDayKey(p.from) - kMexicoOffsetS;
    const std::int64_t periodEnd = localDayKey(p.to) + kDay - kMexicoOffsetS;
    for (auto it = counter.minutes.lower_bound(periodStart); it != counter.minutes.end() && it->first < periodEnd; ++it) {
        if (qint64(it->second) > c.peakMinuteRequests) {
            c.peakMinuteRequests = it->second;
            c.peakMinuteUtc = QDateTime::fromSecsSinceEpoch(it->first, Qt::UTC);
        }
    }
}

} // namespace difusor::exporting
