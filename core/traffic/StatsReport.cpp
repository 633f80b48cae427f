#include "StatsReport.h"

#include "Classify.h"
#include "LineSplitter.h"
#include "LogIngest.h"
#include "common/Tr.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <deque>
#include <sys/mman.h>
#include <thread>

namespace difusor::traffic {

namespace {

const char *modeName(TrafficCounter::Mode m) { return m == TrafficCounter::Mode::AwStats ? "awstats" : "raw"; }

const char *periodName(TrafficCounter::Period p)
{
    switch (p) {
    case TrafficCounter::Period::Day: return "day";
    case TrafficCounter::Period::Hour: return "hour";
    case TrafficCounter::Period::Minute: return "minute";
    }
    return "day";
}

QJsonObject countsJson(const TrafficCounts &c)
{
    QJsonObject o;
    o.insert(QStringLiteral("hits"), double(c.hits));
    o.insert(QStringLiteral("pages"), double(c.pages));
    o.insert(QStringLiteral("visits"), double(c.visits));
    o.insert(QStringLiteral("unique_visitors"), double(c.uniqueVisitors));
    o.insert(QStringLiteral("bandwidth"), double(c.bandwidth));
    o.insert(QStringLiteral("requests"), double(c.requests));
    o.insert(QStringLiteral("robot_requests"), double(c.robotRequests));
    // The console's own requests (its lag probe): in "requests" only, never hits, pages or visits.
    o.insert(QStringLiteral("console_requests"), double(c.consoleRequests));
    QJsonObject s;
    for (int i = 1; i <= 5; ++i)
        s.insert(QString::number(i) + QLatin1String("xx"), double(c.status[static_cast<std::size_t>(i)]));
    s.insert(QStringLiteral("other"), double(c.status[0]));
    o.insert(QStringLiteral("status"), s);
    return o;
}

const char *tzName(StatsOptions::TimeZone tz) { return tz == StatsOptions::TimeZone::Mexico ? "mexico" : "log"; }

constexpr int kMexicoOffsetMinutes = -6 * 60; // fixed since October 2022 (core/common/MexicoTime.h)

// "UTC-6", "UTC+5:30", "UTC".
QString offsetText(int minutes)
{
    if (minutes == 0)
        return QStringLiteral("UTC");
    const int a = minutes < 0 ? -minutes : minutes;
    QString s = QStringLiteral("UTC") + QLatin1Char(minutes < 0 ? '-' : '+') + QString::number(a / 60);
    if (a % 60)
        s += QStringLiteral(":%1").arg(a % 60, 2, 10, QLatin1Char('0'));
    return s;
}

int reportOffset(const TrafficCounter &c) { return c.fixedOffset() ? *c.fixedOffset() : c.lastOffsetMinutes(); }

bool formatHasZone(const LogFormat &f)
{
    for (const LogFormat::Token &t : f.tokens())
        if (t.field == LogFormat::Field::DateTime || t.field == LogFormat::Field::Zone)
            return true;
    return false;
}

} // namespace

QString robotsListId(const TrafficCounter &counter)
{
    const AwstatsRobots *db = counter.robots();
    if (!db)
        return QStringLiteral("builtin");
    return db->version().isEmpty() ? QStringLiteral("awstats") : QStringLiteral("awstats-") + db->version();
}

QString robotsListText(const TrafficCounter &counter)
{
    const AwstatsRobots *db = counter.robots();
    if (!db)
        return Tr::tr("robots: lista propia");
    if (db->version().isEmpty())
        return Tr::tr("robots: lista de AWStats (%1)").arg(db->path());
    return Tr::tr("robots: lista de AWStats %1 (%2)").arg(db->version(), db->path());
}

QString periodLabel(std::int64_t localStart, TrafficCounter::Period by)
{
    const CivilTime c = civilFromSeconds(localStart);
    QString s = QStringLiteral("%1-%2-%3").arg(c.year, 4, 10, QLatin1Char('0')).arg(c.month, 2, 10, QLatin1Char('0')).arg(c.day, 2, 10, QLatin1Char('0'));
    if (by != TrafficCounter::Period::Day)
        s += QStringLiteral("T%1").arg(c.hour, 2, 10, QLatin1Char('0'));
    if (by == TrafficCounter::Period::Minute)
        s += QStringLiteral(":%1").arg(c.minute, 2, 10, QLatin1Char('0'));
    return s;
}

StatsCommandLine::StatsCommandLine()
    : CommandLine(QStringLiteral("stats"), {Tr::tr("[opciones] ARCHIVO…")},
                  Tr::tr("Cuenta solicitudes, páginas, visitas, ancho de banda, clases de estado, las páginas y los "
                         "visitantes más frecuentes en bitácoras de acceso de nginx, planas o comprimidas con gzip, "
                         "con las cifras que dan AWStats y GoAccess."))
{
    addOption({{QStringLiteral("mode")},
               Tr::tr("awstats cuenta como AWStats (robots aparte, páginas y visitas con sus reglas); raw cuenta "
                      "cada línea."),
               QStringLiteral("awstats|raw"), QStringLiteral("awstats")});
    addOption({{QStringLiteral("by")}, Tr::tr("Periodo de cada fila."), QStringLiteral("day|hour|minute"), QStringLiteral("day")});
    addOption({{QStringLiteral("format")}, Tr::tr("Formato de salida."), QStringLiteral("json|csv|text"), QStringLiteral("json")});
    addOption({{QStringLiteral("log-format")}, Tr::tr("El formato de la bitácora cuando no es el combined de nginx."),
               Tr::tr("FORMATO")});
    addOption({{QStringLiteral("top")}, Tr::tr("Largo de las listas de los más frecuentes (0 a 10000)."), QStringLiteral("N"),
               QStringLiteral("10")});
    addOption({{QStringLiteral("tz")},
               Tr::tr("Corta los días con el reloj de la bitácora (como AWStats) o en la hora del centro de México "
                      "(necesita la zona de cada línea en el formato)."),
               QStringLiteral("log|mexico"), QStringLiteral("log")});
    addOption({{QStringLiteral("robots")},
               Tr::tr("La lista de robots: auto, la base de AWStats instalada (DIFUSOR_AWSTATS_ROBOTS o su robots.pm) "
                      "y si no la propia; builtin, la propia; o la ruta de un robots.pm de AWStats."),
               QStringLiteral("auto|builtin|ROBOTS.PM"), QStringLiteral("auto")});
    addArgument(Tr::tr("ARCHIVO…"), Tr::tr("Bitácoras de acceso, planas o .gz, leídas una tras otra."));
    setExitCode(ExitOk, Tr::tr("se leyó cada archivo"));
    setExitCode(ExitFailed, Tr::tr("algún archivo (o el de --robots) no se pudo leer; los demás se cuentan e imprimen"));
    setExitCode(ExitBadInput, Tr::tr("entrada no válida: una opción desconocida, un valor no válido, ningún archivo"));
    setExitCode(ExitUnreachable, QString()); // no server involved
}

std::optional<StatsOptions> StatsCommandLine::options(QString *error) const
{
    StatsOptions o;
    QString message;
    auto fail = [error](const QString &m) {
        if (error)
            *error = m;
        return std::nullopt;
    };
    const auto mode = choiceValue(QStringLiteral("mode"), {QStringLiteral("awstats"), QStringLiteral("raw")}, &message);
    if (!mode)
        return fail(message);
    o.mode = *mode == QLatin1String("raw") ? TrafficCounter::Mode::Raw : TrafficCounter::Mode::AwStats;
    const auto by = choiceValue(QStringLiteral("by"), {QStringLiteral("day"), QStringLiteral("hour"), QStringLiteral("minute")}, &message);
    if (!by)
        return fail(message);
    o.by = *by == QLatin1String("minute") ? TrafficCounter::Period::Minute
        : *by == QLatin1String("hour")    ? TrafficCounter::Period::Hour
                                          : TrafficCounter::Period::Day;
    const auto format = choiceValue(QStringLiteral("format"), {QStringLiteral("json"), QStringLiteral("csv"), QStringLiteral("text")}, &message);
    if (!format)
        return fail(message);
    o.format = *format == QLatin1String("csv") ? StatsOptions::Format::Csv
        : *format == QLatin1String("text")     ? StatsOptions::Format::Text
                                               : StatsOptions::Format::Json;
    if (isSet(QStringLiteral("log-format"))) {
        QString why;
        const std::optional<LogFormat> f = LogFormat::fromString(value(QStringLiteral("log-format")), &why);
        if (!f)
            return fail(Tr::tr("--log-format no válido: %1").arg(why));
        o.logFormat = *f;
    }
    const auto top = intValue(QStringLiteral("top"), 0, 10000, &message);
    if (!top)
        return fail(message);
    o.top = *top;
    const auto tz = choiceValue(QStringLiteral("tz"), {QStringLiteral("log"), QStringLiteral("mexico")}, &message);
    if (!tz)
        return fail(message);
    o.tz = *tz == QLatin1String("mexico") ? StatsOptions::TimeZone::Mexico : StatsOptions::TimeZone::Log;
    const QString robots = value(QStringLiteral("robots"));
    if (robots.isEmpty())
        return fail(Tr::tr("--robots espera auto, builtin o la ruta de un robots.pm de AWStats."));
    o.robots = robots == QLatin1String("auto") ? QString() : robots;
    o.files = positionalArguments();
    if (o.files.isEmpty())
        return fail(Tr::tr("Indique al menos un archivo de bitácora."));
    if (o.tz == StatsOptions::TimeZone::Mexico && !formatHasZone(o.logFormat))
        return fail(Tr::tr("--tz mexico necesita la zona horaria de cada línea (%x o %z en --log-format)."));
    return o;
}

std::optional<StatsOptions> parseStatsArguments(const QStringList &args, QString *error)
{
    StatsCommandLine line;
    QString message;
    if (line.parseQuietly(args, &message) != CommandLine::Parsed::Run) {
        if (error)
            *error = message;
        return std::nullopt;
    }
    return line.options(error);
}

namespace {

std::shared_ptr<const AwstatsRobots> robotsFor(const StatsOptions &options, QStringList &errors)
{
    if (options.robots.isEmpty())
        return AwstatsRobots::installed(); // ours (nullptr) when AWStats is not installed
    if (options.robots == QLatin1String("builtin"))
        return nullptr;
    QString error;
    auto db = AwstatsRobots::load(options.robots, &error); // ours when it cannot be read
    if (!error.isEmpty())
        errors << error;
    return db;
}

std::unique_ptr<TrafficCounter> newCounter(const StatsOptions &options, const std::shared_ptr<const AwstatsRobots> &robots)
{
    auto c = std::make_unique<TrafficCounter>(options.mode, options.by);
    c->setRobots(robots);
    if (options.tz == StatsOptions::TimeZone::Mexico)
        c->setFixedOffset(kMexicoOffsetMinutes);
    return c;
}

StatsResult computeOneThread(const StatsOptions &options, std::shared_ptr<const AwstatsRobots> robots, QStringList errors)
{
    StatsResult r;
    r.errors = std::move(errors);
    r.counter = newCounter(options, robots);
    LogIngest ingest(options.logFormat, *r.counter);
    for (const QString &f : options.files)
        if (auto e = ingestFile(f, ingest))
            r.errors << *e;
    r.parsedLines = ingest.parsedLines();
    r.malformedLines = ingest.malformedLines();
    r.malformedSamples = ingest.samples();
    return r;
}

// The address is the line's first field, ended by a space (the parser's own rule when the format starts
// with %h and a literal that starts with a space: an address never holds one).
bool shardable(const LogFormat &f)
{
    const auto &t = f.tokens();
    return t.size() >= 2 && t[0].field == LogFormat::Field::Host && t[1].field == LogFormat::Field::Literal
        && !t[1].literal.empty() && t[1].literal[0] == ' ';
}

// Where share `index` of `count` starts in the 32-bit hash range. The first share runs on the calling
// thread, which also starts the program, reads robots.pm and writes the report: it takes 3 % of the
// addresses less, the others share that out (which addresses go where changes nothing in the counts).
std::uint64_t shareStart(int index, int count)
{
    if (index <= 0)
        return 0;
    if (index >= count)
        return std::uint64_t(1) << 32;
    const double first = 1.0 / count - 0.03;
    const double start = first + (1.0 - first) * double(index - 1) / double(count - 1);
    return std::uint64_t(start * 4294967296.0);
}

// One thread's share: the lines whose address hashes into its part of the range (shareStart()).
struct Shard
{
    Shard(const StatsOptions &options, const std::shared_ptr<const AwstatsRobots> &robots, int index, int count)
        : counter(newCounter(options, robots))
        , ingest(options.logFormat, *counter)
        , from(shareStart(index, count))
        , to(shareStart(index + 1, count))
        , fixedOffset(counter->fixedOffset())
    {
    }

    void line(std::string_view l, bool overlong)
    {
        const std::uint64_t at = lineNumber++;
        std::size_t sp = 0;
        while (sp < l.size() && l[sp] != ' ') // an address is short: no call to memchr
            ++sp;
        // "::ffff:a.b.c.d" and "a.b.c.d" are one visitor in awstats mode: the same share.
        const std::string_view host = awstatsHost(l.substr(0, sp));
        const std::uint64_t h = hashView(host) >> 32;
        if (h < from || h >= to)
            return;
        const std::uint64_t parsed = ingest.parsedLines();
        const int samples = int(ingest.samples().size());
        ingest.line(l, overlong);
        if (ingest.parsedLines() != parsed) {
            newestLine = at;
            // Where each day's lines lie in the input (see computeStats: a line must not come after a
            // line two days newer). The console's lines are in too: stricter than needed, never wrong.
            const LogRecord &r = ingest.record();
            const std::int64_t local = fixedOffset ? r.utcTime() + std::int64_t(*fixedOffset) * 60 : r.localTime;
            const std::int64_t day = local / 86400; // as TrafficCounter::add() cuts days
            if (day != lastDay || lastSpan == nullptr) {
                lastDay = day;
                lastSpan = &days.try_emplace(day, at, at).first->second;
            }
            lastSpan->second = at;
        } else if (int(ingest.samples().size()) != samples) {
            sampleLines.push_back(at);
        }
    }

    std::unique_ptr<TrafficCounter> counter;
    LogIngest ingest;
    std::uint64_t from; // this share's addresses: the upper 32 bits of their hash in [from, to)
    std::uint64_t to;
    std::optional<int> fixedOffset;
    std::uint64_t lineNumber = 0;
    std::int64_t newestLine = -1;
    std::map<std::int64_t, std::pair<std::uint64_t, std::uint64_t>> days; // day -> first, last line
    std::int64_t lastDay = 0;
    std::pair<std::uint64_t, std::uint64_t> *lastSpan = nullptr;
    std::vector<std::uint64_t> sampleLines;                                // line of each sample
    QStringList errors;
};

// A plain file mapped once for every share. Each share walks it in slices; the last one past a slice lets
// its pages go (and any share two slices past it), so resident memory stays at a few slices whatever the
// file size, and the pages are mostly faulted in once, not once per share.
class SharedMapping final
{
public:
    static constexpr std::size_t kSlice = 4 << 20; // a multiple of the page size

    SharedMapping(const QString &path, qint64 maxBytes, int shares)
        : m_file(path)
        , m_shares(shares)
    {
        if (!m_file.open(QIODevice::ReadOnly) || maxBytes < 2)
            return;
        char magic[2] = {};
        if (m_file.peek(magic, 2) != 2 || (static_cast<unsigned char>(magic[0]) == 0x1f && static_cast<unsigned char>(magic[1]) == 0x8b))
            return; // gzip: each share reads it itself
        m_size = static_cast<std::size_t>(std::min(maxBytes, m_file.size()));
        m_data = m_file.map(0, qint64(m_size));
        if (!m_data)
            return;
        madvise(m_data, m_size, MADV_SEQUENTIAL);
        m_passed = std::make_unique<std::atomic<int>[]>(m_size / kSlice + 1);
    }
    ~SharedMapping()
    {
        if (m_data)
            m_file.unmap(m_data);
    }
    bool isMapped() const { return m_data != nullptr; }

    template<typename F>
    void read(F &&onLine)
    {
        LineSplitter splitter(kMaxLineLength);
        for (std::size_t off = 0, k = 0; off < m_size; off += kSlice, ++k) {
            const std::size_t n = std::min(kSlice, m_size - off);
#ifdef MADV_POPULATE_READ
            madvise(m_data + off, n, MADV_POPULATE_READ); // one call instead of a fault per few pages
#endif
            splitter.feed(reinterpret_cast<const char *>(m_data) + off, n, onLine);
            if (m_passed[k].fetch_add(1) + 1 == m_shares)
                madvise(m_data + off, n, MADV_DONTNEED);
            // A share far ahead (the other one waits for a core on a busy machine) drops what it passed
            // two slices ago anyway: the late one faults those pages in again, memory stays bounded.
            if (k >= 2)
                madvise(m_data + off - 2 * kSlice, kSlice, MADV_DONTNEED);
        }
        splitter.finish(onLine);
    }

private:
    QFile m_file;
    int m_shares;
    std::size_t m_size = 0;
    uchar *m_data = nullptr;
    std::unique_ptr<std::atomic<int>[]> m_passed;
};

// TrafficCounter forgets a day once a line two days newer was counted. A share sees only its own lines,
// so it may remember a day the single thread had forgotten; that matters only if a line of that day
// comes after the first line two or more days newer, anywhere in the input.
bool noLineTwoDaysLate(const std::vector<std::unique_ptr<Shard>> &shards)
{
    std::map<std::int64_t, std::pair<std::uint64_t, std::uint64_t>> days;
    for (const auto &s : shards)
        for (const auto &[day, span] : s->days) {
            auto [it, inserted] = days.try_emplace(day, span);
            if (!inserted) {
                it->second.first = std::min(it->second.first, span.first);
                it->second.second = std::max(it->second.second, span.second);
            }
        }
    std::uint64_t firstNewer = UINT64_MAX; // first line of any day >= day + 2
    std::deque<std::pair<std::int64_t, std::uint64_t>> firsts; // days newest first
    for (auto it = days.rbegin(); it != days.rend(); ++it) {
        while (!firsts.empty() && firsts.front().first >= it->first + 2) {
            firstNewer = std::min(firstNewer, firsts.front().second);
            firsts.pop_front();
        }
        if (it->second.second > firstNewer)
            return false;
        firsts.emplace_back(it->first, it->second.first);
    }
    return true;
}

} // namespace

StatsResult computeStats(const StatsOptions &options)
{
    QStringList errors;
    const std::shared_ptr<const AwstatsRobots> robots = robotsFor(options, errors);
    int threads = options.threads > 0 ? options.threads : std::min(2, QThread::idealThreadCount());
    if (threads <= 1 || !shardable(options.logFormat))
        return computeOneThread(options, robots, errors);

    // Every share reads the same bytes: a plain file that grows meanwhile is read up to its size now.
    std::vector<std::unique_ptr<SharedMapping>> mapped;
    std::vector<qint64> sizes;
    for (const QString &f : options.files) {
        const QFileInfo info(f);
        sizes.push_back(info.exists() ? info.size() : -1);
        mapped.push_back(std::make_unique<SharedMapping>(f, sizes.back(), threads));
    }
    std::vector<std::unique_ptr<Shard>> shards;
    for (int i = 0; i < threads; ++i)
        shards.push_back(std::make_unique<Shard>(options, robots, i, threads));
    const auto run = [&options, &sizes, &mapped](Shard &s) {
        const auto onLine = [&s](std::string_view l, bool overlong) { s.line(l, overlong); };
        for (qsizetype i = 0; i < options.files.size(); ++i) {
            if (mapped[std::size_t(i)]->isMapped()) {
                mapped[std::size_t(i)]->read(onLine);
            } else if (auto e = readLogLines(options.files[i], onLine, sizes[std::size_t(i)])) {
                s.errors << *e;
            }
        }
    };
    std::vector<std::thread> workers;
    for (int i = 1; i < threads; ++i)
        workers.emplace_back(run, std::ref(*shards[std::size_t(i)]));
    run(*shards[0]);
    for (std::thread &t : workers)
        t.join();
    mapped.clear();

    bool exact = noLineTwoDaysLate(shards);
    Shard &first = *shards[0];
    std::int64_t newest = first.newestLine;
    for (std::size_t i = 1; i < shards.size() && exact; ++i) {
        Shard &s = *shards[i];
        exact = first.counter->mergeShard(*s.counter, s.newestLine > newest) && exact;
        newest = std::max(newest, s.newestLine);
        shards[i]->counter.reset(); // its memory goes before the next one is added
    }
    if (!exact) {
        shards.clear();
        return computeOneThread(options, robots, errors);
    }

    StatsResult r;
    r.threads = threads;
    r.errors = errors + first.errors; // every share read the same files: the first one's errors
    // The first malformed lines of the input, in input order, from every share's first ones.
    std::vector<std::pair<std::uint64_t, QString>> samples;
    for (const auto &s : shards) {
        r.parsedLines += s->ingest.parsedLines();
        r.malformedLines += s->ingest.malformedLines();
        for (std::size_t k = 0; k < s->sampleLines.size(); ++k)
            samples.emplace_back(s->sampleLines[k], s->ingest.samples().at(qsizetype(k)));
    }
    std::sort(samples.begin(), samples.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (std::size_t k = 0; k < samples.size() && k < std::size_t(LogIngest::kMaxSamples); ++k)
        r.malformedSamples << samples[k].second;
    r.counter = std::move(first.counter);
    return r;
}

QJsonObject statsJson(const StatsOptions &options, const StatsResult &result)
{
    const TrafficCounter &c = *result.counter;
    QJsonObject root;
    root.insert(QStringLiteral("mode"), QLatin1String(modeName(options.mode)));
    root.insert(QStringLiteral("by"), QLatin1String(periodName(options.by)));
    root.insert(QStringLiteral("tz"), QLatin1String(tzName(options.tz)));
    root.insert(QStringLiteral("utc_offset_minutes"), reportOffset(c));
    root.insert(QStringLiteral("robots_list"), robotsListId(c));
    if (c.robots())
        root.insert(QStringLiteral("robots_file"), c.robots()->path());
    QJsonArray periods;
    for (const auto &[start, counts] : c.periods()) {
        QJsonObject p = countsJson(counts);
        p.insert(QStringLiteral("period"), periodLabel(start, options.by));
        periods.append(p);
    }
    root.insert(QStringLiteral("periods"), periods);
    const TrafficCounts t = c.totals();
    QJsonObject totals = countsJson(t);
    totals.insert(QStringLiteral("robot_share"), t.requests ? double(t.robotRequests) / double(t.requests) : 0.0);
    root.insert(QStringLiteral("totals"), totals);
    root.insert(QStringLiteral("malformed_lines"), double(result.malformedLines));
    root.insert(QStringLiteral("malformed_samples"), QJsonArray::fromStringList(result.malformedSamples));

    QJsonArray pages;
    for (const auto &e : c.topPages().top(static_cast<std::size_t>(options.top)))
        pages.append(QJsonObject{{QStringLiteral("path"), QString::fromUtf8(e.key.data(), qsizetype(e.key.size()))},
                                 {QStringLiteral("count"), double(e.count)}});
    root.insert(QStringLiteral("top_pages"), pages);
    QJsonArray hosts;
    for (const auto &e : c.topAddresses().top(static_cast<std::size_t>(options.top)))
        hosts.append(QJsonObject{{QStringLiteral("address"), QString::fromLatin1(e.key.data(), qsizetype(e.key.size()))},
                                 {QStringLiteral("requests"), double(e.count)}});
    root.insert(QStringLiteral("top_addresses"), hosts);
    const ServeTimeHistogram &h = c.serveTimes();
    if (h.count() > 0) {
        root.insert(QStringLiteral("serve_time_ms"),
                    QJsonObject{{QStringLiteral("count"), double(h.count())},
                                {QStringLiteral("p50"), double(h.quantile(0.50)) / 1000.0},
                                {QStringLiteral("p95"), double(h.quantile(0.95)) / 1000.0},
                                {QStringLiteral("p99"), double(h.quantile(0.99)) / 1000.0}});
    }
    return root;
}

QByteArray statsCsv(const StatsResult &result)
{
    const TrafficCounter &c = *result.counter;
    QByteArray out("period,hits,pages,visits,unique_visitors,bandwidth,console_requests\n");
    auto row = [&out](const QString &label, const TrafficCounts &k) {
        out += label.toLatin1() + ',' + QByteArray::number(k.hits) + ',' + QByteArray::number(k.pages) + ','
            + QByteArray::number(k.visits) + ',' + QByteArray::number(k.uniqueVisitors) + ','
            + QByteArray::number(k.bandwidth) + ',' + QByteArray::number(k.consoleRequests) + '\n';
    };
    for (const auto &[start, counts] : c.periods())
        row(periodLabel(start, c.period()), counts);
    row(QStringLiteral("total"), c.totals());
    return out;
}

QString statsText(const StatsOptions &options, const StatsResult &result)
{
    const TrafficCounter &c = *result.counter;
    QString out;
    const auto line = [&out](const QString &a, const QString &b, const QString &cc, const QString &d, const QString &e, const QString &f) {
        out += a.leftJustified(17) + b.rightJustified(12) + cc.rightJustified(12) + d.rightJustified(10)
            + e.rightJustified(12) + f.rightJustified(16) + QLatin1Char('\n');
    };
    line(Tr::tr("Periodo"), Tr::tr("Hits"), Tr::tr("Páginas"), Tr::tr("Visitas"), Tr::tr("Visitantes"), Tr::tr("Bytes"));
    const auto row = [&line](const QString &label, const TrafficCounts &k) {
        line(label, QString::number(k.hits), QString::number(k.pages), QString::number(k.visits),
             QString::number(k.uniqueVisitors), QString::number(k.bandwidth));
    };
    for (const auto &[start, counts] : c.periods())
        row(periodLabel(start, options.by), counts);
    const TrafficCounts t = c.totals();
    row(Tr::tr("Total"), t);
    out += Tr::tr("Modo: %1. Solicitudes: %2; de robots: %3; de la consola: %4. Líneas mal formadas: %5.")
               .arg(QLatin1String(modeName(options.mode)))
               .arg(t.requests)
               .arg(t.robotRequests)
               .arg(t.consoleRequests)
               .arg(result.malformedLines)
        + QLatin1Char('\n');
    if (t.consoleRequests > 0)
        out += Tr::tr("Consola: %1 solicitudes de la consola (su sonda de retraso, su verificación), fuera de hits, páginas y visitas.")
                   .arg(t.consoleRequests)
            + QLatin1Char('\n');
    out += robotsListText(c) + QLatin1Char('\n');
    out += (options.tz == StatsOptions::TimeZone::Mexico ? Tr::tr("hora: centro de México (%1)")
                                                         : Tr::tr("hora: la de la bitácora (%1)"))
               .arg(offsetText(reportOffset(c)))
        + QLatin1Char('\n');
    return out;
}

} // namespace difusor::traffic
