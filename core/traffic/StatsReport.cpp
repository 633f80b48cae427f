#include "StatsReport.h"

#include "Classify.h"
#include "LogIngest.h"
#include "StatsShards.h"
#include "common/Tr.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QThread>

#include <algorithm>

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

} // namespace

StatsResult computeStats(const StatsOptions &options)
{
    QStringList errors;
    const std::shared_ptr<const AwstatsRobots> robots = robotsFor(options, errors);
    const int threads = options.threads > 0 ? options.threads : std::min(2, QThread::idealThreadCount());
    if (threads > 1 && shardable(options.logFormat)) {
        std::optional<StatsResult> r = computeSharded(options, threads, [&] { return newCounter(options, robots); });
        if (r) {
            r->errors = errors + r->errors;
            return std::move(*r);
        }
    }
    return computeOneThread(options, robots, errors);
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
