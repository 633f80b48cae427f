#include "Simulacro.h"

#include "DrillWatch.h"

#include "checks/CheckResult.h"
#include "checks/CheckRunner.h"
#include "common/MexicoTime.h"
#include "cuts/CutMonitor.h"
#include "cuts/CutSession.h"
#include "cuts/CutWatcher.h"
#include "cuts/IncidentRules.h"
#include "cuts/LagProbe.h"
#include "store/Store.h"
#include "traffic/TrafficCounter.h"
#include "traffic/TrafficSeries.h"
#include "traffic/TrafficSession.h"

#include "common/Tr.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace difusor::drills {

namespace {

constexpr int kLiveEveryMs = 5000;
constexpr int kTrafficEveryMs = 5000;
constexpr int kFinalGraceMs = 2000; // the tail's and the probe's last writes of the window
constexpr qint64 kMaxTimerMs = 3600 * 1000; // long waits are re-armed hour by hour

QJsonValue iso(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(isoUtc(t)) : QJsonValue();
}

// What the store holds for a report, read in one job on the store's thread.
struct Gathered
{
    QList<store::CutRecord> cuts;
    std::optional<store::CutRecord> lastBefore;
    QList<store::SightingRecord> official;
    QList<store::SightingRecord> difusor;
    QList<store::IncidentRecord> incidents;
    QList<store::IncidentRecord> openAtStart;
    std::optional<store::DrillRecord> previous;
    QStringList errors;
};

} // namespace

Simulacro::Simulacro(const Profile &profile, store::StoreThread *store, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_store(store)
{
    qRegisterMetaType<PreflightItem>();
    m_checkWhenStale = profile.extra.value(QLatin1String("preflight_runs_check")).toBool(true);
    m_preflightTimer.setSingleShot(true);
    connect(&m_preflightTimer, &QTimer::timeout, this, &Simulacro::finishPreflight);
    m_preflightPoll.setInterval(1000);
    m_windowTimer.setSingleShot(true);
    m_liveTimer.setInterval(kLiveEveryMs);
    connect(&m_liveTimer, &QTimer::timeout, this, [this] { collect(false); });
    m_trafficTimer.setInterval(kTrafficEveryMs);
    connect(&m_trafficTimer, &QTimer::timeout, this, &Simulacro::sampleTraffic);
}

Simulacro::~Simulacro()
{
    m_watch.reset();
}

void Simulacro::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void Simulacro::preflight()
{
    if (m_state != State::Idle)
        return;
    m_startedUtc = QDateTime::currentDateTimeUtc();
    setState(State::Connecting);
    Q_EMIT progress(Tr::tr("Conectando con %1…").arg(m_profile.name));
    m_watch = std::make_unique<DrillWatch>(m_profile, m_store);
    connect(m_watch.get(), &DrillWatch::watching, this, &Simulacro::onWatching);
    connect(m_watch.get(), &DrillWatch::failed, this, [this](const QString &message) {
        if (m_state == State::Connecting)
            fail(message, 3);
        else
            Q_EMIT progress(message);
    });
    connect(m_watch.get(), &DrillWatch::notice, this, &Simulacro::progress);
    connect(m_watch.get(), &DrillWatch::cutRecorded, this, [this](const store::CutRecord &cut) {
        if (m_state == State::Observing)
            Q_EMIT progress(Tr::tr("Corte recibido: %1").arg(cut.package));
    });
    m_watch->start();
}

void Simulacro::start()
{
    if (m_state == State::Idle || m_state == State::Connecting || m_state == State::Preflight || m_state == State::Ready) {
        // The window: the next official date unless one was given; one that has ended is bad input.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (!m_window.isValid()) {
            const auto official = nextOfficialWindow(now);
            if (!official) {
                fail(Tr::tr("Las dos fechas oficiales (19 y 26 de mayo de 2024) ya pasaron: indique la ventana "
                            "(--from y --to, o --duration)."),
                     2);
                return;
            }
            m_window = *official;
        }
        if (m_window.endUtc <= now) {
            fail(Tr::tr("La ventana del simulacro ya terminó (%1).").arg(formatMexicoTime(m_window.endUtc)), 2);
            return;
        }
    }
    switch (m_state) {
    case State::Idle:
        m_startWanted = true;
        preflight();
        return;
    case State::Connecting:
    case State::Preflight:
        m_startWanted = true;
        return;
    case State::Ready:
        m_startWanted = true;
        proceed();
        return;
    default:
        return;
    }
}

// ---- The window -----------------------------------------------------------------------------------

void Simulacro::proceed()
{
    if (m_state != State::Ready || m_drillId > 0)
        return;
    const bool failed = std::any_of(m_items.cbegin(), m_items.cend(),
                                    [](const PreflightItem &i) { return i.verdict == PreflightItem::Verdict::Fail; });
    if (failed)
        Q_EMIT progress(Tr::tr("La revisión previa tiene fallas: el simulacro sigue y el informe las registra."));
    store::DrillRecord record;
    record.scenario = QStringLiteral("observe");
    record.title = m_name;
    record.target = QStringLiteral("observe");
    record.operatorName = m_operator;
    record.startedUtc = m_startedUtc;
    setState(State::Waiting);
    using Answer = std::pair<qint64, QString>;
    m_server.call<Answer>(
        this,
        [record](store::Store &s) -> Answer {
            const auto id = s.startDrill(record);
            return {id.value_or(0), id ? QString() : s.lastError()};
        },
        [this](const Answer &answer) {
            if (m_state != State::Waiting)
                return;
            if (answer.first <= 0) {
                fail(Tr::tr("No se pudo registrar el simulacro en la base: %1").arg(answer.second), 1);
                return;
            }
            m_drillId = answer.first;
            // The pre-flight is recorded now, with the row still "running": if the console died during
            // the window, what the technician saw before starting would not be lost.
            QJsonArray items;
            for (const PreflightItem &i : std::as_const(m_items))
                items.append(i.toJson());
            const QJsonObject provisional{{QStringLiteral("type"), QStringLiteral("observe")},
                                          {QStringLiteral("status"), QStringLiteral("running")},
                                          {QStringLiteral("drill"), identity()},
                                          {QStringLiteral("window"), QJsonObject{{QStringLiteral("start"), iso(m_window.startUtc)},
                                                                                 {QStringLiteral("end"), iso(m_window.endUtc)},
                                                                                 {QStringLiteral("source"), m_window.source}}},
                                          {QStringLiteral("preflight"), QJsonObject{{QStringLiteral("items"), items}}}};
            const qint64 id = m_drillId;
            store::StoreThread *thread = m_store;
            m_server.post([id, provisional, thread](store::Store &s) {
                if (!s.finishDrill(id, QStringLiteral("running"), std::nullopt, provisional, QDateTime()))
                    Q_EMIT thread->writeFailed(Tr::tr("No se guardó la revisión previa del simulacro %1: %2").arg(id).arg(s.lastError()));
            });
            auto arm = std::make_shared<std::function<void()>>();
            *arm = [this, arm] {
                if (m_state != State::Waiting)
                    return;
                const qint64 wait = QDateTime::currentDateTimeUtc().msecsTo(m_window.startUtc);
                if (wait <= 0) {
                    openWindow();
                    return;
                }
                m_windowTimer.disconnect();
                connect(&m_windowTimer, &QTimer::timeout, this, [arm] { (*arm)(); });
                m_windowTimer.start(int(std::min(wait, kMaxTimerMs)));
            };
            if (QDateTime::currentDateTimeUtc() < m_window.startUtc)
                Q_EMIT progress(Tr::tr("Simulacro %1 registrado; la ventana abre el %2.").arg(m_drillId).arg(formatMexicoTime(m_window.startUtc)));
            (*arm)();
        });
}

void Simulacro::openWindow()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_observedFromUtc = std::max(now, m_window.startUtc);
    setState(State::Observing);
    Q_EMIT progress(Tr::tr("Ventana abierta: se observa hasta el %1. Nada se inyecta.").arg(formatMexicoTime(m_window.endUtc)));
    connect(m_store, &store::StoreThread::incidentChanged, this, &Simulacro::onIncidentChanged, Qt::UniqueConnection);
    auto arm = std::make_shared<std::function<void()>>();
    *arm = [this, arm] {
        if (m_state != State::Observing)
            return;
        const qint64 wait = QDateTime::currentDateTimeUtc().msecsTo(m_window.endUtc);
        if (wait <= 0) {
            closeWindow({});
            return;
        }
        m_windowTimer.disconnect();
        connect(&m_windowTimer, &QTimer::timeout, this, [arm] { (*arm)(); });
        m_windowTimer.start(int(std::min(wait, kMaxTimerMs)));
    };
    (*arm)();
    m_liveTimer.start();
    m_trafficTimer.start();
}

void Simulacro::onIncidentChanged(const store::IncidentUpdate &update)
{
    if (m_state != State::Observing || !update.opened || !m_server.isValid() || update.incident.serverId != m_server.server())
        return;
    const store::IncidentRecord &i = update.incident;
    if (m_linked.contains(i.id) || i.detectedUtc < m_observedFromUtc)
        return;
    m_linked.append(i.id);
    Q_EMIT progress(Tr::tr("Incidente abierto: %1 (%2).").arg(i.title, i.kind));
    const qint64 drill = m_drillId;
    const qint64 id = i.id;
    store::StoreThread *thread = m_store;
    m_server.post([drill, id, thread](store::Store &s) {
        if (!s.linkDrillIncident(drill, id, QStringLiteral("observed")))
            Q_EMIT thread->writeFailed(Tr::tr("No se ligó el incidente %1 al simulacro %2: %3").arg(id).arg(drill).arg(s.lastError()));
    });
}

void Simulacro::closeWindow(const QString &abortReason)
{
    if (m_state != State::Observing && m_state != State::Waiting)
        return;
    const bool observed = m_state == State::Observing;
    m_abortReason = abortReason;
    m_windowTimer.stop();
    m_liveTimer.stop();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!observed)
        m_observedFromUtc = now; // cancelled before the window: nothing was observed
    m_observedUntilUtc = std::min(now, m_window.endUtc);
    setState(State::Reporting);
    Q_EMIT progress(abortReason.isEmpty() ? Tr::tr("Ventana cerrada; preparando el informe…")
                                          : Tr::tr("Simulacro detenido (%1); preparando el informe…").arg(abortReason));
    // A moment for what the window's last seconds wrote (the log tail, a sighting) to land.
    QTimer::singleShot(observed ? kFinalGraceMs : 0, this, [this] {
        sampleTraffic();
        m_trafficTimer.stop();
        if (m_watch)
            m_watch->stop();
        collect(true);
    });
}

void Simulacro::sampleTraffic()
{
    if (!m_watch || !m_watch->trafficSession() || !m_observedFromUtc.isValid())
        return;
    const traffic::TrafficSession *session = m_watch->trafficSession();
    if (session->everRead())
        m_trafficRead = true;
    const traffic::TrafficSeries *series = session->counter().series();
    if (!series || series->isEmpty())
        return;
    const std::int64_t from = m_observedFromUtc.toSecsSinceEpoch();
    const QDateTime until = m_observedUntilUtc.isValid() ? m_observedUntilUtc : m_window.endUtc;
    const std::int64_t to = std::min<std::int64_t>(until.toSecsSinceEpoch(), series->newest() + 1);
    // The per-second series keeps an hour: sampled every few seconds, each second's count is kept here
    // (recent seconds are read again: lines may land a moment late).
    const std::int64_t scanFrom = std::max<std::int64_t>(from, series->newest() - 3500);
    for (const traffic::TrafficSeries::Point &p : series->range(traffic::TrafficSeries::Resolution::Second, scanFrom, to)) {
        const auto visitors = qint64(p.counts.requests - std::min(p.counts.requests, p.counts.consoleRequests));
        m_seconds.insert(p.start, {visitors, qint64(p.counts.consoleRequests)});
    }
    qint64 total = 0, console = 0;
    QHash<qint64, qint64> minutes;
    m_peakRps.reset();
    for (auto it = m_seconds.cbegin(); it != m_seconds.cend(); ++it) {
        total += it.value().first;
        console += it.value().second;
        minutes[it.key() - it.key() % 60] += it.value().first;
        if (!m_peakRps || it.value().first > *m_peakRps || (it.value().first == *m_peakRps && it.key() < m_peakSecond.toSecsSinceEpoch())) {
            m_peakRps = it.value().first;
            m_peakSecond = QDateTime::fromSecsSinceEpoch(it.key(), Qt::UTC);
        }
    }
    m_peakRpm.reset();
    for (auto it = minutes.cbegin(); it != minutes.cend(); ++it) {
        if (!m_peakRpm || it.value() > *m_peakRpm || (it.value() == *m_peakRpm && it.key() < m_peakMinute.toSecsSinceEpoch())) {
            m_peakRpm = it.value();
            m_peakMinute = QDateTime::fromSecsSinceEpoch(it.key(), Qt::UTC);
        }
    }
    m_trafficRequests = total;
    m_consoleRequests = console;
}

// ---- The report -----------------------------------------------------------------------------------

QJsonObject Simulacro::identity() const
{
    return {{QStringLiteral("id"), m_drillId > 0 ? QJsonValue(m_drillId) : QJsonValue()},
            {QStringLiteral("name"), m_name},
            {QStringLiteral("target"), QStringLiteral("observe")},
            {QStringLiteral("profile"), m_profile.name},
            {QStringLiteral("operator"), m_operator}};
}

void Simulacro::collect(bool final)
{
    if (!m_server.isValid() || !m_observedFromUtc.isValid())
        return;
    const QDateTime from = m_observedFromUtc;
    const QDateTime until = final ? m_observedUntilUtc : QDateTime::currentDateTimeUtc();
    const qint64 drill = m_drillId;
    const qint64 server = m_server.server();
    m_server.call<Gathered>(
        this,
        [from, until, drill, server, final](store::Store &s) {
            Gathered g;
            // Whatever opened in the window is the drill's, whoever raised it (another console process
            // too): linked now if the live feed did not.
            if (final && drill > 0) {
                store::IncidentFilter window;
                window.serverId = server;
                window.sinceUtc = from;
                const QList<std::pair<qint64, QString>> linked = s.drillIncidents(drill);
                QSet<qint64> have;
                for (const auto &l : linked)
                    have.insert(l.first);
                for (const store::IncidentRecord &i : s.findIncidents(window)) {
                    if (have.contains(i.id) || i.detectedUtc < from || i.detectedUtc >= until)
                        continue;
                    if (!s.linkDrillIncident(drill, i.id, QStringLiteral("observed")))
                        g.errors.append(s.lastError());
                }
                // Already unresolved when the window opened: the drill's too, apart.
                store::IncidentFilter before;
                before.serverId = server;
                before.sinceUtc = from; // still going at `from`…
                before.untilUtc = from; // … and begun before it
                for (const store::IncidentRecord &i : s.findIncidents(before)) {
                    if (have.contains(i.id) || i.detectedUtc >= from || (i.closedUtc.isValid() && i.closedUtc < from))
                        continue;
                    if (!s.linkDrillIncident(drill, i.id, QStringLiteral("open_at_start")))
                        g.errors.append(s.lastError());
                }
            }
            g.cuts = s.cutsArrivedBetween(from, until);
            g.lastBefore = s.lastCutArrivedBefore(from);
            g.official = s.sightings(QStringLiteral("official"));
            g.difusor = s.sightings(QStringLiteral("difusor"));
            if (drill > 0) {
                store::IncidentFilter mine;
                mine.drillId = drill;
                mine.serverId = server;
                QSet<qint64> atStart;
                for (const auto &[id, role] : s.drillIncidents(drill)) {
                    if (role == QLatin1String("open_at_start"))
                        atStart.insert(id);
                }
                for (const store::IncidentRecord &i : s.findIncidents(mine))
                    (atStart.contains(i.id) ? g.openAtStart : g.incidents).append(i);
            }
            if (final) {
                for (const store::DrillRecord &d : s.drills(200)) {
                    if (d.id != drill && d.target == QLatin1String("observe") && d.status != QLatin1String("running")
                        && d.journal.contains(QStringLiteral("cuts")) && d.startedUtc <= from) {
                        g.previous = d;
                        break;
                    }
                }
            }
            return g;
        },
        [this, final, from, until](const Gathered &g) {
            if (final ? m_state != State::Reporting : m_state != State::Observing)
                return;
            for (const QString &e : g.errors)
                Q_EMIT progress(e);
            const cuts::RuleConfig rules = cuts::RuleConfig::fromProfile(m_profile);
            ReportInput in;
            in.windowStartUtc = from;
            in.windowEndUtc = until;
            in.cutIntervalMs = rules.cutIntervalMs;
            in.cutStepMs = rules.cutStepMs;
            in.lateMarginMs = rules.lateMarginMs;
            in.maxLagMs = 60 * 1000; // the call's one-minute rule, whatever the profile's alert threshold
            in.cuts = g.cuts;
            in.lastBefore = g.lastBefore;
            in.officialSightings = g.official;
            in.difusorSightings = g.difusor;
            in.incidents = g.incidents;
            in.openAtStart = g.openAtStart;
            if (m_trafficRead || m_peakRps) {
                in.peakRequestsPerSecond = m_peakRps.value_or(0);
                in.peakSecondUtc = m_peakSecond;
                in.peakRequestsPerMinute = m_peakRpm.value_or(0);
                in.peakMinuteUtc = m_peakMinute;
                in.totalRequests = m_trafficRequests;
                in.consoleRequests = m_consoleRequests;
            }
            QJsonObject figures = buildReportFigures(in);
            if (!final) {
                figures.insert(QStringLiteral("remaining_s"),
                               std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(m_window.endUtc)));
                figures.insert(QStringLiteral("drill"), identity());
                Q_EMIT liveFigures(figures);
                return;
            }

            QJsonArray items;
            int failed = 0, unknown = 0;
            for (const PreflightItem &i : std::as_const(m_items)) {
                items.append(i.toJson());
                failed += i.verdict == PreflightItem::Verdict::Fail;
                unknown += i.verdict == PreflightItem::Verdict::Unknown;
            }
            const QJsonValue rule = figures.value(QStringLiteral("passed"));
            const bool ruleBroken = rule.isBool() && !rule.toBool();
            QString status = QStringLiteral("completed");
            if (!m_abortReason.isEmpty())
                status = QStringLiteral("aborted");
            else if (failed > 0 || ruleBroken)
                status = QStringLiteral("failed");
            const QDateTime end = QDateTime::currentDateTimeUtc();
            QJsonObject report = figures;
            report.insert(QStringLiteral("type"), QStringLiteral("observe"));
            report.insert(QStringLiteral("difusor-console-version"), QCoreApplication::applicationVersion());
            report.insert(QStringLiteral("status"), status);
            report.insert(QStringLiteral("start"), iso(m_startedUtc));
            report.insert(QStringLiteral("end"), iso(end));
            report.insert(QStringLiteral("duration"), double(m_startedUtc.msecsTo(end)) / 1000.0);
            report.insert(QStringLiteral("drill"), identity());
            report.insert(QStringLiteral("faults_injected"), 0); // observe only: never anything
            report.insert(QStringLiteral("window"), QJsonObject{{QStringLiteral("start"), iso(m_window.startUtc)},
                                                                {QStringLiteral("end"), iso(m_window.endUtc)},
                                                                {QStringLiteral("source"), m_window.source},
                                                                {QStringLiteral("observed_from"), iso(from)},
                                                                {QStringLiteral("observed_until"), iso(until)}});
            report.insert(QStringLiteral("preflight"), QJsonObject{{QStringLiteral("items"), items},
                                                                   {QStringLiteral("failed"), failed},
                                                                   {QStringLiteral("unknown"), unknown},
                                                                   {QStringLiteral("passed"), failed == 0 && unknown == 0}});
            report.insert(QStringLiteral("comparison"),
                          g.previous ? QJsonValue(compareReports(figures, g.previous->journal, g.previous->id, g.previous->startedUtc))
                                     : QJsonValue());
            if (!m_abortReason.isEmpty())
                report.insert(QStringLiteral("abort_reason"), m_abortReason);
            const int code = status == QLatin1String("completed") ? 0 : 1;
            if (m_drillId <= 0) {
                finishWith(report, code);
                return;
            }
            const qint64 id = m_drillId;
            m_server.call<QString>(
                this,
                [id, status, report, end](store::Store &s) {
                    return s.finishDrill(id, status, std::nullopt, report, end) ? QString() : s.lastError();
                },
                [this, report, code](const QString &error) {
                    if (error.isEmpty()) {
                        finishWith(report, code);
                        return;
                    }
                    Q_EMIT progress(Tr::tr("No se guardó el informe del simulacro: %1").arg(error));
                    QJsonObject r = report;
                    r.insert(QStringLiteral("store_error"), error);
                    finishWith(r, 1);
                });
        });
}

void Simulacro::finishWith(const QJsonObject &report, int exitCode)
{
    m_preflightTimer.stop();
    m_preflightPoll.stop();
    m_windowTimer.stop();
    m_liveTimer.stop();
    m_trafficTimer.stop();
    if (m_watch)
        m_watch->stop();
    m_report = report;
    m_report.insert(QStringLiteral("exit_code"), exitCode);
    m_exitCode = exitCode;
    setState(State::Done);
    Q_EMIT finished(m_report, m_exitCode);
}

void Simulacro::fail(const QString &why, int exitCode)
{
    if (m_state == State::Done || m_state == State::Reporting)
        return;
    Q_EMIT progress(why);
    QJsonArray items;
    for (const PreflightItem &i : std::as_const(m_items))
        items.append(i.toJson());
    const QJsonObject report{{QStringLiteral("type"), QStringLiteral("observe")},
                             {QStringLiteral("status"), exitCode == 3   ? QStringLiteral("unreachable")
                                                        : exitCode == 2 ? QStringLiteral("refused")
                                                                        : QStringLiteral("failed")},
                             {QStringLiteral("error"), why},
                             {QStringLiteral("drill"), identity()},
                             {QStringLiteral("faults_injected"), 0},
                             {QStringLiteral("preflight"), QJsonObject{{QStringLiteral("items"), items}}}};
    // Reported on the next turn of the event loop, so a caller connecting after start() hears it.
    QTimer::singleShot(0, this, [this, report, exitCode] { finishWith(report, exitCode); });
    setState(State::Reporting);
}

void Simulacro::cancel(const QString &why)
{
    const QString reason = why.isEmpty() ? Tr::tr("cancelado por el técnico") : why;
    switch (m_state) {
    case State::Idle:
    case State::Done:
    case State::Reporting:
        return;
    case State::Connecting:
    case State::Preflight:
    case State::Ready: {
        // Nothing recorded yet: the pre-flight so far is the whole report.
        m_abortReason = reason;
        QJsonArray items;
        for (const PreflightItem &i : std::as_const(m_items))
            items.append(i.toJson());
        const QJsonObject report{{QStringLiteral("type"), QStringLiteral("observe")},
                                 {QStringLiteral("status"), QStringLiteral("aborted")},
                                 {QStringLiteral("abort_reason"), reason},
                                 {QStringLiteral("drill"), identity()},
                                 {QStringLiteral("faults_injected"), 0},
                                 {QStringLiteral("preflight"), QJsonObject{{QStringLiteral("items"), items}}}};
        setState(State::Reporting);
        QTimer::singleShot(0, this, [this, report] { finishWith(report, 1); });
        return;
    }
    case State::Waiting:
        if (m_drillId <= 0) {
            m_abortReason = reason; // the row is being written: closed as soon as it is
            QTimer::singleShot(200, this, [this, reason] { cancel(reason); });
            return;
        }
        closeWindow(reason);
        return;
    case State::Observing:
        closeWindow(reason);
        return;
    }
}

} // namespace difusor::drills
