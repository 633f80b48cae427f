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
#include <deque>
#include <map>
#include <memory>
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
    explicit MemoriaCounter(std::shared_ptr<const traffic::AwstatsRobots> robots, qsizetype files)
        : days(TrafficCounter::Mode::AwStats, TrafficCounter::Period::Day)
        , hours(TrafficCounter::Mode::AwStats, TrafficCounter::Period::Hour)
        , fileFirst(std::size_t(files), INT64_MAX)
        , fileLast(std::size_t(files), INT64_MIN)
    {
        for (TrafficCounter *c : {&days, &hours}) {
            c->setRobots(robots);
            c->setFixedOffset(kMexicoOffsetS / 60);
        }
    }

    // One parsed line of file `index`.
    void add(const traffic::LogRecord &record, std::size_t index)
    {
        ++parsed;
        days.add(record);
        hours.add(record);
        const std::int64_t utc = record.utcTime();
        ++minutes[utc - (utc % 60 + 60) % 60];
        fileFirst[index] = std::min(fileFirst[index], utc);
        fileLast[index] = std::max(fileLast[index], utc);
    }

    TrafficCounter days;
    TrafficCounter hours;
    std::map<std::int64_t, std::uint32_t> minutes; // UTC minute -> requests
    std::vector<std::int64_t> fileFirst;           // per file: first and last parsed line (UTC)
    std::vector<std::int64_t> fileLast;
    qint64 parsed = 0;
};

// One log file read slice by slice: its bytes hashed as stored, gzip members inflated (several may
// follow one another, as `cat a.gz b.gz` makes), lines split. Errors land in the file's `error`.
class LogFileReader final
{
public:
    explicit LogFileReader(MemoriaLogFile &file)
        : m_file(file)
        , m_in(1 << 20)
        , m_out(1 << 20)
    {
        m_qfile.setFileName(file.path);
        if (!m_qfile.open(QIODevice::ReadOnly)) {
            file.error = Tr::tr("No se pudo abrir %1: %2").arg(file.path, m_qfile.errorString());
            m_done = true;
            return;
        }
        file.size = m_qfile.size();
    }
    ~LogFileReader()
    {
        if (m_gzip)
            inflateEnd(&m_z);
    }
    LogFileReader(const LogFileReader &) = delete;
    LogFileReader &operator=(const LogFileReader &) = delete;

    // Reads the next slice (1 MiB as stored) and gives its complete lines to sink(line, overlong);
    // false once the file is done (its last line given, its SHA-256 set) or could not be read.
    template<typename Sink>
    bool readSlice(Sink &&sink)
    {
        if (m_done)
            return false;
        const qint64 n = m_qfile.read(m_in.data(), qint64(m_in.size()));
        if (n < 0) {
            m_file.error = Tr::tr("Error al leer %1: %2").arg(m_file.path, m_qfile.errorString());
            return finish(sink);
        }
        if (n == 0)
            return finish(sink);
        m_hasher.addData(m_in.data(), n);
        if (m_first) {
            m_first = false;
            m_gzip = n >= 2 && static_cast<unsigned char>(m_in[0]) == 0x1f && static_cast<unsigned char>(m_in[1]) == 0x8b;
            if (m_gzip && inflateInit2(&m_z, 15 + 16) != Z_OK) {
                m_gzip = false;
                m_file.error = Tr::tr("Error al leer %1: %2").arg(m_file.path, QStringLiteral("zlib"));
                return finish(sink);
            }
        }
        if (!m_gzip) {
            m_splitter.feed(m_in.data(), std::size_t(n), sink);
            return true;
        }
        m_z.next_in = reinterpret_cast<Bytef *>(m_in.data());
        m_z.avail_in = static_cast<uInt>(n);
        while (m_z.avail_in > 0) {
            if (m_streamEnded) { // another gzip member follows
                inflateReset(&m_z);
                m_streamEnded = false;
            }
            m_z.next_out = reinterpret_cast<Bytef *>(m_out.data());
            m_z.avail_out = static_cast<uInt>(m_out.size());
            const int rc = inflate(&m_z, Z_NO_FLUSH);
            const std::size_t produced = m_out.size() - m_z.avail_out;
            if (produced)
                m_splitter.feed(m_out.data(), produced, sink);
            if (rc == Z_STREAM_END) {
                m_streamEnded = true;
            } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
                m_file.error = Tr::tr("Error al leer %1: %2").arg(m_file.path, QString::fromUtf8(m_z.msg ? m_z.msg : "zlib"));
                return finish(sink);
            }
        }
        return true;
    }

private:
    template<typename Sink>
    bool finish(Sink &&sink)
    {
        if (m_gzip && m_file.error.isEmpty()) {
            // Drain what inflate held back for lack of output room.
            while (!m_streamEnded) {
                m_z.next_out = reinterpret_cast<Bytef *>(m_out.data());
                m_z.avail_out = static_cast<uInt>(m_out.size());
                const int rc = inflate(&m_z, Z_FINISH);
                const std::size_t produced = m_out.size() - m_z.avail_out;
                if (produced)
                    m_splitter.feed(m_out.data(), produced, sink);
                if (rc == Z_STREAM_END)
                    m_streamEnded = true;
                else if (produced == 0)
                    break;
            }
            if (!m_streamEnded)
                m_file.error = Tr::tr("%1 termina antes de tiempo (gzip incompleto): se contó lo que se pudo leer.").arg(m_file.path);
        }
        m_splitter.finish(sink);
        m_file.sha256 = m_hasher.finishHex().value(0);
        m_done = true;
        return false;
    }

    MemoriaLogFile &m_file;
    QFile m_qfile;
    MultiHasher m_hasher{{HashAlgorithm::Sha256}};
    traffic::LineSplitter m_splitter{traffic::kMaxLineLength};
    std::vector<char> m_in;
    std::vector<char> m_out;
    z_stream m_z{};
    bool m_gzip = false;
    bool m_first = true;
    bool m_streamEnded = false;
    bool m_done = false;
};

// One server's lines: its files one after the other, in the order given, each line parsed once.
// Several servers' streams are merged by time (readMemoriaLogs), so a visitor who reaches two
// servers in one day is one visitor, as on a single server.
class ServerStream final
{
public:
    struct Line
    {
        std::string text;
        bool overlong = false;
        std::size_t file = 0; // index in MemoriaInput::logFiles
    };

    ServerStream(QList<MemoriaLogFile> &files, QList<std::size_t> indexes)
        : m_files(files)
        , m_indexes(std::move(indexes))
    {
    }

    // Makes the next line current (parsed into record()/error()); false when every file is read.
    bool next()
    {
        if (!m_pending.empty())
            m_pending.pop_front();
        while (m_pending.empty()) {
            if (!m_reader) {
                if (m_nextFile >= m_indexes.size())
                    return false;
                m_current = m_indexes.at(m_nextFile++);
                m_reader = std::make_unique<LogFileReader>(m_files[qsizetype(m_current)]);
            }
            const std::size_t file = m_current;
            auto sink = [this, file](std::string_view l, bool overlong) { m_pending.push_back({std::string(l), overlong, file}); };
            if (!m_reader->readSlice(sink))
                m_reader.reset();
        }
        const Line &l = m_pending.front();
        m_error = l.overlong ? traffic::ParseError::TooLong : m_parser.parse(l.text, m_record);
        return true;
    }
    const Line &line() const { return m_pending.front(); }
    traffic::ParseError error() const { return m_error; }
    const traffic::LogRecord &record() const { return m_record; }
    // Where the merge puts the current line: a line without a time goes first (nothing to order).
    std::int64_t time() const { return m_error == traffic::ParseError::None ? m_record.utcTime() : INT64_MIN; }

private:
    QList<MemoriaLogFile> &m_files;
    QList<std::size_t> m_indexes;
    qsizetype m_nextFile = 0;
    std::size_t m_current = 0;
    std::unique_ptr<LogFileReader> m_reader;
    std::deque<Line> m_pending;
    traffic::LogParser m_parser{traffic::LogFormat::combined()};
    traffic::LogRecord m_record;
    traffic::ParseError m_error = traffic::ParseError::None;
};

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
    input.logFiles.clear();
    QList<QString> servers;
    QList<QList<std::size_t>> filesOf;
    for (const MemoriaLogSource &source : request.logs) {
        MemoriaLogFile file;
        file.server = source.server;
        file.name = source.name.isEmpty() ? QFileInfo(source.path).fileName() : source.name;
        file.path = source.path;
        qsizetype s = servers.indexOf(source.server);
        if (s < 0) {
            s = servers.size();
            servers << source.server;
            filesOf.append(QList<std::size_t>());
        }
        filesOf[s] << std::size_t(input.logFiles.size());
        input.logFiles << file;
    }
    MemoriaCounter counter(robots, input.logFiles.size());
    std::vector<std::unique_ptr<ServerStream>> streams;
    for (const QList<std::size_t> &files : std::as_const(filesOf)) {
        auto stream = std::make_unique<ServerStream>(input.logFiles, files);
        if (stream->next())
            streams.push_back(std::move(stream));
    }
    // The servers' lines merged by time (the earliest current line first; on a tie, the server named
    // first). With one server this is its files in order, line after line: what `stats` reads.
    while (!streams.empty()) {
        std::size_t pick = 0;
        for (std::size_t i = 1; i < streams.size(); ++i)
            if (streams[i]->time() < streams[pick]->time())
                pick = i;
        ServerStream &stream = *streams[pick];
        MemoriaLogFile &file = input.logFiles[qsizetype(stream.line().file)];
        ++file.lines;
        const traffic::ParseError e = stream.error();
        if (e == traffic::ParseError::None)
            counter.add(stream.record(), stream.line().file);
        else if (e != traffic::ParseError::Empty)
            ++file.malformed;
        if (!stream.next())
            streams.erase(streams.begin() + std::ptrdiff_t(pick));
    }
    for (qsizetype i = 0; i < input.logFiles.size(); ++i) {
        MemoriaLogFile &file = input.logFiles[i];
        if (!file.error.isEmpty())
            input.errors << file.error;
        if (counter.fileFirst[std::size_t(i)] != INT64_MAX)
            file.firstUtc = QDateTime::fromSecsSinceEpoch(counter.fileFirst[std::size_t(i)], Qt::UTC);
        if (counter.fileLast[std::size_t(i)] != INT64_MIN)
            file.lastUtc = QDateTime::fromSecsSinceEpoch(counter.fileLast[std::size_t(i)], Qt::UTC);
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
