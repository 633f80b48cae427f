// TrafficSession: the live tail of one server's access log, counted into periods that close on the log's
// clock (TrafficSessionIncidents.cpp judges the window and raises the incidents).
#include "TrafficSession.h"
#include "TrafficSessionPrivate.h"

#include "common/MexicoTime.h"
#include "common/Tr.h"
#include "incidents/IncidentLog.h"
#include "remote/RemoteHost.h"

#include <QHash>
#include <QJsonValue>
#include <QSignalBlocker>

#include <algorithm>

namespace difusor::traffic {

namespace {

constexpr int kMaxClosePerTick = 2000;
constexpr std::int64_t kRollUpAfterSeconds = 3600;

bool sameCounts(const TrafficCounts &a, const TrafficCounts &b)
{
    return a.requests == b.requests && a.hits == b.hits && a.pages == b.pages && a.visits == b.visits
           && a.bandwidth == b.bandwidth && a.consoleRequests == b.consoleRequests && a.status == b.status;
}

TrafficCounts minus(const TrafficCounts &a, const TrafficCounts &b)
{
    TrafficCounts d;
    d.requests = a.requests - b.requests;
    d.hits = a.hits - b.hits;
    d.pages = a.pages - b.pages;
    d.visits = a.visits - b.visits;
    d.uniqueVisitors = a.uniqueVisitors - b.uniqueVisitors;
    d.bandwidth = a.bandwidth - b.bandwidth;
    d.robotRequests = a.robotRequests - b.robotRequests;
    d.consoleRequests = a.consoleRequests - b.consoleRequests;
    for (std::size_t i = 0; i < d.status.size(); ++i)
        d.status[i] = a.status[i] - b.status[i];
    return d;
}

} // namespace


TrafficSession::TrafficSession(remote::RemoteHost *host, const Profile &profile, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->host = host;
    d->profile = profile;
    d->rules = TrafficIncidentRules(TrafficRuleConfig::fromProfile(profile));
    if (profile.extra.value(QLatin1String("traffic_mode")).toString() == QLatin1String("raw"))
        d->mode = Mode::Raw;
    const QJsonValue spec = profile.extra.value(QLatin1String("log_format"));
    if (spec.isString()) {
        if (auto f = LogFormat::fromString(spec.toString()))
            d->format = *f;
    }
    for (const QJsonValue &a : profile.extra.value(QLatin1String("console_addresses")).toArray())
        d->consoleAddresses.push_back(a.toString().trimmed().toStdString());
    d->mono.start();
    d->tick.setInterval(1000);
    connect(&d->tick, &QTimer::timeout, this, [this] {
        closePeriods();
        judge();
        Q_EMIT updated();
    });
    if (host) {
        connect(host, &remote::RemoteHost::stateChanged, this, [this](remote::ConnectionState s, const QString &detail) {
            if (!d->running)
                return;
            if (s != remote::ConnectionState::Connected && d->state == TailState::Live)
                setTailState(TailState::Reconnecting, detail);
        });
        connect(host, &QObject::destroyed, this, &TrafficSession::abandonHost);
    }
}

void TrafficSession::abandonHost()
{
    d->host = nullptr;
    if (d->tail)
        d->tail->abandonHost();
    stop();
}

TrafficSession::~TrafficSession()
{
    // Open incidents are closed in the store; no signal to receivers that may be going away too.
    const QSignalBlocker quiet(this);
    stop();
}

void TrafficSession::setMode(Mode mode)
{
    if (mode == d->mode)
        return;
    d->mode = mode;
    restartCounting();
}

void TrafficSession::setPeriodSeconds(int seconds)
{
    const int s = TrafficCounter::periodSecondsFor(seconds);
    if (s == d->periodSeconds)
        return;
    d->periodSeconds = s;
    restartCounting();
}

void TrafficSession::setCloseGraceSeconds(int seconds)
{
    d->graceSeconds = std::max(0, seconds);
}

void TrafficSession::setStore(const store::ServerStore &store)
{
    d->store = store;
}

TrafficSession::Mode TrafficSession::mode() const
{
    return d->mode;
}

int TrafficSession::periodSeconds() const
{
    return d->periodSeconds;
}

void TrafficSession::resetCounting()
{
    d->counter = std::make_unique<TrafficCounter>(d->mode, TrafficCounter::Period::Minute);
    // AWStats' own robot database when this machine has it (read once per process), as `stats` does;
    // else our list. The page says which (robotsListText()).
    d->counter->setRobots(AwstatsRobots::installed());
    d->counter->setPeriodSeconds(d->periodSeconds);
    d->counter->enableSeries();
    d->counter->enableWindowAddresses();
    d->counter->setConsoleAddresses(d->consoleAddresses);
    d->ingest = std::make_unique<LogIngest>(d->format, *d->counter);
    d->clockSet = false;
    d->clockRunning = false;
    d->haveNext = false;
    d->emitted.clear();
    d->emittedRequests = 0;
    d->firstLineUtc = 0;
    d->slices.clear();
    d->sliceStartParsed = 0;
    d->sliceStartMs = d->mono.elapsed();
}

void TrafficSession::restartCounting()
{
    if (!d->running) {
        d->counter.reset();
        d->ingest.reset();
        return;
    }
    const TailPosition at = position();
    stop();
    start(at, true);
}

void TrafficSession::start(TailPosition from, bool fromEnd)
{
    stop();
    resetCounting();
    if (!d->host)
        return; // nothing to tail (the host is gone)
    d->running = true;
    d->watchingSince = {};
    d->lastLineAt = {};
    d->failure.clear();
    d->everRead = false;
    d->tail = new LogTail(d->host, d->profile.accessLog, d->ingest.get(), this);
    connect(d->tail, &LogTail::committed, this, [this](TailPosition p, quint64 lines) { onCommitted(p, lines); });
    connect(d->tail, &LogTail::interrupted, this, [this](const QString &reason) {
        setTailState(TailState::Reconnecting, reason);
    });
    connect(d->tail, &LogTail::fileStateChanged, this, &TrafficSession::onFileState);
    setTailState(TailState::Waiting, {});
    d->tick.start();
    d->tail->start(from, fromEnd);
    // Incidents an earlier session left unresolved and the rules do not see again within their window
    // (and the silent-log limit) ended while nobody watched (see CutMonitor::start).
    if (d->store.isValid()) {
        const QDateTime since = QDateTime::currentDateTimeUtc();
        const int graceS = d->rules.config().windowSeconds + d->rules.config().silentAfterSeconds + 30;
        QTimer::singleShot(graceS * 1000, this, [this, since]() {
            QStringList kinds;
            for (TrafficIncidentKind k : {TrafficIncidentKind::ServerErrors, TrafficIncidentKind::Spike,
                                          TrafficIncidentKind::Flood, TrafficIncidentKind::LogSilent})
                kinds << trafficIncidentKindId(k);
            incidents::IncidentLog(d->store).settleCarriedOver(kinds, since);
        });
    }
}

void TrafficSession::stop()
{
    if (!d->running)
        return;
    d->running = false;
    d->tick.stop();
    emitOpenPeriods();
    if (d->tail) {
        d->tail->stop();
        d->tail->disconnect(this);
        d->tail->deleteLater();
        d->tail = nullptr;
    }
    recordIncidents(d->rules.closeAll(QDateTime::currentDateTimeUtc()), nullptr, true);
    setTailState(TailState::Stopped, {});
}

bool TrafficSession::isRunning() const
{
    return d->running;
}

TrafficSession::TailState TrafficSession::tailState() const
{
    return d->state;
}

const TrafficCounter &TrafficSession::counter() const
{
    if (!d->counter) {
        // Before the first start: an empty counter of the configured kind.
        d->counter = std::make_unique<TrafficCounter>(d->mode, TrafficCounter::Period::Minute);
        d->counter->setPeriodSeconds(d->periodSeconds);
        d->counter->enableSeries();
    }
    return *d->counter;
}

std::uint64_t TrafficSession::parsedLines() const
{
    return d->ingest ? d->ingest->parsedLines() : 0;
}

std::uint64_t TrafficSession::malformedLines() const
{
    return d->ingest ? d->ingest->malformedLines() : 0;
}

TailPosition TrafficSession::position() const
{
    return d->tail ? d->tail->position() : TailPosition{};
}

const LogTail *TrafficSession::tail() const
{
    return d->tail;
}

std::int64_t TrafficSession::logNowUtc() const
{
    return d->clockSet ? std::int64_t(d->clockNow()) : 0;
}

int TrafficSession::logOffsetMinutes() const
{
    return d->counter ? d->counter->lastOffsetMinutes() : 0;
}

QList<TrafficIncident> TrafficSession::openIncidents() const
{
    return d->rules.openIncidents();
}

const TrafficRuleConfig &TrafficSession::ruleConfig() const
{
    return d->rules.config();
}

void TrafficSession::setSiteUp(bool up)
{
    d->siteUp = up;
}

QJsonObject TrafficSession::periodLine(std::int64_t start, int offsetMinutes, int periodSeconds, const TrafficCounts &c,
                                       PeriodKind kind, std::int64_t untilUtcMs)
{
    const auto utc = [](std::int64_t seconds) { return isoUtc(QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC)); };
    QJsonObject status;
    status.insert(QStringLiteral("2xx"), double(c.status[2]));
    status.insert(QStringLiteral("3xx"), double(c.status[3]));
    status.insert(QStringLiteral("4xx"), double(c.status[4]));
    status.insert(QStringLiteral("5xx"), double(c.status[5]));
    QJsonObject o;
    o.insert(QStringLiteral("type"), QStringLiteral("traffic"));
    o.insert(QStringLiteral("period"), utc(start - std::int64_t(offsetMinutes) * 60));
    o.insert(QStringLiteral("period_s"), periodSeconds);
    o.insert(QStringLiteral("hits"), double(c.hits));
    o.insert(QStringLiteral("pages"), double(c.pages));
    o.insert(QStringLiteral("visits"), double(c.visits));
    o.insert(QStringLiteral("bandwidth"), double(c.bandwidth));
    o.insert(QStringLiteral("requests"), double(c.requests));
    o.insert(QStringLiteral("console_requests"), double(c.consoleRequests));
    o.insert(QStringLiteral("status"), status);
    if (kind == PeriodKind::Late)
        o.insert(QStringLiteral("late"), true);
    if (kind == PeriodKind::Partial) {
        o.insert(QStringLiteral("partial"), true);
        o.insert(QStringLiteral("until"), isoUtc(QDateTime::fromMSecsSinceEpoch(untilUtcMs, Qt::UTC)));
    }
    return o;
}

void TrafficSession::setTailState(TailState state, const QString &detail)
{
    if (state == TailState::Live)
        d->runClock();
    else
        d->freezeClock();
    if (state == d->state)
        return;
    d->state = state;
    if (state == TailState::Live && !d->watchingSince.isValid())
        d->watchingSince = QDateTime::currentDateTimeUtc();
    Q_EMIT tailStateChanged(state, detail);
}

void TrafficSession::onFileState(const QString &state)
{
    const QString path = d->profile.accessLog;
    const QString key = QStringLiteral("access_log");
    const incidents::IncidentLog log(d->store);
    if (state == QLatin1String("ok")) {
        // Cleared also the first time: one left open by an earlier session has ended.
        if (!d->failure.isEmpty() || !d->everRead)
            log.clear(QLatin1String(incidents::kWatchFailedKind), key, QDateTime::currentDateTimeUtc());
        d->everRead = true;
        if (!d->failure.isEmpty()) {
            d->failure.clear();
            setTailState(TailState::Live, {});
            Q_EMIT watchRecovered(path);
        }
        return;
    }
    QString reason;
    if (state == QLatin1String("missing"))
        reason = Tr::tr("No existe la bitácora de acceso %1 en el servidor.").arg(path);
    else if (state == QLatin1String("notfile"))
        reason = Tr::tr("La bitácora de acceso %1 no es un archivo (¿una carpeta?).").arg(path);
    else if (state == QLatin1String("unreadable"))
        reason = Tr::tr("El usuario de SSH no puede leer la bitácora de acceso %1.").arg(path);
    else
        reason = Tr::tr("No se puede leer la bitácora de acceso %1 (%2).").arg(path, state);
    setTailState(TailState::Failed, reason);
    if (reason == d->failure)
        return; // said already (the tail restarted after a reconnection)
    d->failure = reason;
    log.raise(incidents::watchFailedCondition(key, path, reason)); // watch_failed, for watch and the GUI
    Q_EMIT watchFailed(path, reason);
}

bool TrafficSession::everRead() const
{
    return d->everRead;
}

QString TrafficSession::watchFailure() const
{
    return d->failure;
}

void TrafficSession::onCommitted(TailPosition p, quint64 lines)
{
    // The script's start line commits too: Live only once the log is a file we read.
    if (d->failure.isEmpty())
        setTailState(TailState::Live, {});
    if (lines > 0)
        d->lastLineAt = QDateTime::currentDateTimeUtc();
    const TrafficSeries *series = d->counter->series();
    if (series && d->ingest->parsedLines() > 0) {
        const auto newest = double(series->newest());
        if (!d->clockSet) {
            d->clockSet = true;
            d->clockBase = newest;
            d->clockMonoMs = d->mono.elapsed();
            d->firstLineUtc = series->newest();
            // The first open period: the one of the oldest line read (the counter's first key).
            d->haveNext = !d->counter->periods().empty();
            if (d->haveNext)
                d->nextKey = d->counter->periods().begin()->first;
        } else if (newest > d->clockNow()) {
            d->clockBase = newest;
            d->clockMonoMs = d->mono.elapsed();
        }
    }
    Q_EMIT committed(p, lines);
}

void TrafficSession::closePeriods()
{
    if (!d->counter || !d->clockSet || !d->haveNext)
        return;
    const std::int64_t len = d->counter->periodLength();
    const auto &periods = d->counter->periods();
    const double nowLocal = d->clockNow() + d->counter->lastOffsetMinutes() * 60.0;
    std::uint64_t openRequests = 0;
    // At most kMaxClosePerTick a tick: a log clock that jumps (a backlog after a long silence) closes
    // its many empty periods over the next seconds instead of stalling this one.
    int budget = kMaxClosePerTick;
    while (budget-- > 0 && double(d->nextKey + len + d->graceSeconds) <= nowLocal) {
        const auto it = periods.find(d->nextKey);
        const TrafficCounts c = it == periods.end() ? TrafficCounts{} : it->second;
        d->emitted[d->nextKey] = c;
        d->emittedRequests += c.requests;
        Q_EMIT periodClosed(periodLine(d->nextKey, d->counter->lastOffsetMinutes(), int(len), c));
        d->nextKey += len;
    }
    // Periods under a minute, an hour of log clock after they closed: the counter rolls them up into
    // minutes and the emitted copy goes (a line for one of them later is emitted late with only its
    // own counts, as for any period). Eight days of one-second periods stay a few MB.
    if (len < 60) {
        const std::int64_t horizon = d->nextKey - kRollUpAfterSeconds;
        d->counter->rollUpBefore(horizon);
        d->emitted.erase(d->emitted.begin(), d->emitted.lower_bound(horizon));
    }
    // Late lines: whatever was read and is neither emitted nor in an open period.
    for (auto it = periods.lower_bound(d->nextKey); it != periods.end(); ++it)
        openRequests += it->second.requests;
    if (d->ingest->parsedLines() == d->emittedRequests + openRequests)
        return;
    for (const auto &[key, c] : periods) {
        if (key >= d->nextKey)
            break;
        TrafficCounts &sent = d->emitted[key]; // a line older than the first period: a new entry
        if (sameCounts(sent, c))
            continue;
        const TrafficCounts delta = minus(c, sent);
        sent = c;
        d->emittedRequests += delta.requests;
        Q_EMIT periodClosed(periodLine(key, d->counter->lastOffsetMinutes(), int(len), delta, PeriodKind::Late));
    }
}

void TrafficSession::emitOpenPeriods()
{
    if (!d->counter)
        return;
    const std::int64_t len = d->counter->periodLength();
    if (!d->clockSet) {
        // Live, yet not one line: a period of zeros says the log was read and was silent. Without a line
        // the log's offset is unknown: the period is cut on UTC, up to the console's clock.
        if (!d->watchingSince.isValid() || !d->everRead || !d->failure.isEmpty() || d->ingest->parsedLines() > 0)
            return;
        Q_EMIT periodClosed(periodLine(floorTo(d->watchingSince.toSecsSinceEpoch(), len), 0, int(len), TrafficCounts{},
                                       PeriodKind::Partial, QDateTime::currentMSecsSinceEpoch()));
        return;
    }
    closePeriods(); // those already over (and late lines), as on a tick
    if (!d->haveNext)
        return;
    const int offset = d->counter->lastOffsetMinutes();
    const double nowUtc = d->clockNow();
    const double nowLocal = nowUtc + offset * 60.0;
    const auto &periods = d->counter->periods();
    std::int64_t lastKey = floorTo(std::int64_t(nowLocal), len);
    if (!periods.empty())
        lastKey = std::max(lastKey, periods.rbegin()->first);
    // Every period still open, the empty ones too; only the one the clock is in is cut short.
    for (std::int64_t key = d->nextKey; key <= lastKey; key += len) {
        const auto it = periods.find(key);
        const TrafficCounts c = it == periods.end() ? TrafficCounts{} : it->second;
        d->emitted[key] = c;
        d->emittedRequests += c.requests;
        const bool partial = double(key + len) > nowLocal;
        Q_EMIT periodClosed(periodLine(key, offset, int(len), c, partial ? PeriodKind::Partial : PeriodKind::Closed,
                                       std::int64_t(nowUtc * 1000.0)));
    }
    d->nextKey = lastKey + len;
}

} // namespace difusor::traffic
