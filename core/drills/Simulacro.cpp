#include "Simulacro.h"

#include "DrillWatch.h"

#include "checks/CheckResult.h"
#include "checks/CheckRunner.h"
#include "checks/RequirementProfile.h"
#include "common/MexicoTime.h"
#include "cuts/CutMonitor.h"
#include "cuts/CutSession.h"
#include "cuts/CutWatcher.h"
#include "cuts/IncidentRules.h"
#include "cuts/LagProbe.h"
#include "incidents/CheckIncidents.h"
#include "remote/RemoteHost.h"
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

constexpr qint64 kMaxClockOffsetMs = 2000; // the pre-flight's bound (the issue: under 2 s)
constexpr int kLiveEveryMs = 5000;
constexpr int kTrafficEveryMs = 5000;
constexpr int kFinalGraceMs = 2000; // the tail's and the probe's last writes of the window
constexpr qint64 kMaxTimerMs = 3600 * 1000; // long waits are re-armed hour by hour

QJsonValue iso(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(isoUtc(t)) : QJsonValue();
}

QString seconds1(qint64 ms)
{
    const double s = std::round(double(ms) / 100.0) / 10.0;
    return QString::number(s == 0 ? 0.0 : s, 'f', 1); // never "-0.0"
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

// ---- Pre-flight -----------------------------------------------------------------------------------

void Simulacro::onWatching(const store::ServerStore &server)
{
    if (m_state != State::Connecting)
        return;
    m_server = server;
    m_items = preflightTemplate();
    m_preflightStartUtc = QDateTime::currentDateTimeUtc();
    setState(State::Preflight);
    Q_EMIT progress(Tr::tr("Revisión previa (hasta %1 s)…").arg(m_preflightTimeoutMs / 1000));
    m_preflightTimer.start(m_preflightTimeoutMs);

    cuts::CutSession *session = m_watch->cutSession();
    cuts::LagProbe *probe = session->monitor()->probe();
    connect(session, &cuts::CutSession::watchFailed, this, [this](const QString &path, const QString &reason) {
        decide(QStringLiteral("watching"), PreflightItem::Verdict::Fail, Tr::tr("%1: %2").arg(path, reason));
    });
    connect(probe, &cuts::LagProbe::siteShowed, this, [this](cuts::Site site, const QDateTime &cut, const QDateTime &) {
        const QString shown = cut.isValid() ? formatMexicoTime(cut, false) : Tr::tr("ningún corte");
        if (site == cuts::Site::Official) {
            decide(QStringLiteral("official"), PreflightItem::Verdict::Pass,
                   Tr::tr("%1 responde; muestra el corte %2").arg(m_profile.officialUrl, shown));
        } else {
            m_difusorAnswered = true;
            m_difusorShown = cut;
            decide(QStringLiteral("site"), PreflightItem::Verdict::Pass,
                   Tr::tr("%1 responde; muestra el corte %2").arg(m_profile.difusorUrl, shown));
        }
    });
    connect(probe, &cuts::LagProbe::siteFailed, this,
            [this](cuts::Site site, cuts::SiteErrorKind kind, const QString &detail, const QDateTime &) {
                const bool official = site == cuts::Site::Official;
                const QString url = official ? m_profile.officialUrl : m_profile.difusorUrl;
                if (kind == cuts::SiteErrorKind::NoCut) {
                    // It answers: reachable. Which cut it shows cannot be read: the last cut is not known.
                    decide(official ? QStringLiteral("official") : QStringLiteral("site"), PreflightItem::Verdict::Pass,
                           Tr::tr("%1 responde, sin un corte legible: %2").arg(url, detail));
                    if (!official)
                        decide(QStringLiteral("last_cut"), PreflightItem::Verdict::Unknown,
                               Tr::tr("Nuestro sitio no muestra un corte legible: %1").arg(detail));
                    return;
                }
                decide(official ? QStringLiteral("official") : QStringLiteral("site"), PreflightItem::Verdict::Fail,
                       Tr::tr("%1: %2").arg(url, detail));
                if (!official)
                    decide(QStringLiteral("last_cut"), PreflightItem::Verdict::Fail,
                           Tr::tr("Nuestro sitio no responde: %1").arg(detail));
            });

    // What the profile does not name cannot be asked: unknown at once, not after the bound.
    if (m_profile.difusorUrl.isEmpty()) {
        decide(QStringLiteral("site"), PreflightItem::Verdict::Unknown, Tr::tr("El perfil no tiene difusor_url."));
        decide(QStringLiteral("last_cut"), PreflightItem::Verdict::Unknown, Tr::tr("El perfil no tiene difusor_url."));
    }
    if (m_profile.officialUrl.isEmpty())
        decide(QStringLiteral("official"), PreflightItem::Verdict::Unknown, Tr::tr("El perfil no tiene official_url."));
    if (m_profile.publicationDir.isEmpty())
        decide(QStringLiteral("watching"), PreflightItem::Verdict::Unknown, Tr::tr("El perfil no tiene publication_dir."));

    // The last infrastructure check of this server, as the store keeps it; none or an old one: run it now.
    m_server.call<QList<store::CheckRunRecord>>(
        this, [](store::Store &s) { return s.lastCheckRuns(1); },
        [this](const QList<store::CheckRunRecord> &runs) {
            if (m_state != State::Preflight)
                return;
            const bool fresh = !runs.isEmpty() && runs.first().startedUtc.secsTo(QDateTime::currentDateTimeUtc()) <= kCheckFreshS;
            if (fresh || !m_checkWhenStale) {
                if (runs.isEmpty())
                    decide(QStringLiteral("check"), PreflightItem::Verdict::Unknown,
                           Tr::tr("No hay una revisión de infraestructura guardada de este servidor: corra "
                                  "«difusor-console check --profile …» antes del simulacro."));
                else
                    decideCheck(runs.first(), Tr::tr("Revisión del %1").arg(formatMexicoTime(runs.first().startedUtc)));
                return;
            }
            runCheckNow(runs.isEmpty() ? Tr::tr("no había una guardada")
                                       : Tr::tr("la guardada, del %1, tiene más de una hora").arg(formatMexicoTime(runs.first().startedUtc)));
        });

    // The watcher's state, the clock offset and the last cut: looked at every second until decided.
    m_preflightPoll.disconnect();
    connect(&m_preflightPoll, &QTimer::timeout, this, [this] {
        if (m_state != State::Preflight || !m_watch || !m_watch->cutSession())
            return;
        cuts::CutSession *session = m_watch->cutSession();
        if (session->watcherState() == cuts::CutSession::WatcherState::Watching)
            decide(QStringLiteral("watching"), PreflightItem::Verdict::Pass,
                   Tr::tr("%1 vigilada (%2)").arg(m_profile.publicationDir, session->watcherMethod()));
        if (cuts::CutWatcher *watcher = session->watcher()) {
            if (const auto offset = watcher->clockOffsetMs()) {
                const bool ok = std::llabs(*offset) < kMaxClockOffsetMs;
                decide(QStringLiteral("clock"), ok ? PreflightItem::Verdict::Pass : PreflightItem::Verdict::Fail,
                       Tr::tr("El reloj del servidor difiere %1 s del de la consola (límite %2 s).")
                           .arg(seconds1(*offset), seconds1(kMaxClockOffsetMs)));
            }
        }
        // The last cut: once the folder is watched (the catch-up listed) and our site answered.
        if (session->watcherState() == cuts::CutSession::WatcherState::Watching && m_difusorAnswered) {
            m_server.call<std::optional<store::CutRecord>>(
                this, [](store::Store &s) { return s.latestCut(); },
                [this](const std::optional<store::CutRecord> &latest) {
                    if (m_state != State::Preflight)
                        return;
                    // No cut on disk yet: nothing to compare (decided at the bound).
                    if (!latest || !latest->cutTimeUtc.isValid())
                        return;
                    if (m_difusorShown.isValid() && m_difusorShown >= latest->cutTimeUtc)
                        decide(QStringLiteral("last_cut"), PreflightItem::Verdict::Pass,
                               Tr::tr("Nuestro sitio muestra %1; el corte más nuevo en disco es %2 (%3).")
                                   .arg(formatMexicoTime(m_difusorShown, false), formatMexicoTime(latest->cutTimeUtc, false),
                                        latest->package));
                });
        }
    });
    m_preflightPoll.start();
}

void Simulacro::decide(const QString &id, PreflightItem::Verdict verdict, const QString &evidence)
{
    if (m_state != State::Preflight)
        return;
    for (PreflightItem &item : m_items) {
        if (item.id != id || item.atUtc.isValid())
            continue;
        item.verdict = verdict;
        item.evidence = evidence;
        item.atUtc = QDateTime::currentDateTimeUtc();
        Q_EMIT progress(QStringLiteral("[%1] %2 — %3").arg(PreflightItem::verdictId(verdict), item.title, evidence));
        Q_EMIT preflightItemDecided(item);
        checkPreflightDone();
        return;
    }
}

void Simulacro::decideCheck(const store::CheckRunRecord &run, const QString &when)
{
    QStringList failed;
    int pass = 0, warn = 0, unknown = 0;
    for (const QJsonValue &v : run.results) {
        const QJsonObject r = v.toObject();
        const QString status = r.value(QStringLiteral("status")).toString();
        if (status == QLatin1String("fail"))
            failed.append(r.value(QStringLiteral("title")).toString());
        else if (status == QLatin1String("pass"))
            ++pass;
        else if (status == QLatin1String("warn"))
            ++warn;
        else if (status == QLatin1String("unknown"))
            ++unknown;
    }
    if (run.results.isEmpty()) {
        decide(QStringLiteral("check"), PreflightItem::Verdict::Unknown, Tr::tr("%1: sin resultados.").arg(when));
    } else if (!failed.isEmpty()) {
        decide(QStringLiteral("check"), PreflightItem::Verdict::Fail,
               Tr::tr("%1: %2 con falla: %3").arg(when).arg(failed.size()).arg(failed.join(QStringLiteral("; "))));
    } else {
        decide(QStringLiteral("check"), PreflightItem::Verdict::Pass,
               Tr::tr("%1: %2 bien, %3 advertencias, %4 sin dato, ninguna falla.").arg(when).arg(pass).arg(warn).arg(unknown));
    }
}

// The check over the pre-flight's own connection, bounded by what is left of the pre-flight; stored like
// any run (the infrastructure page and `watch` compare with it), then judged.
void Simulacro::runCheckNow(const QString &storedNote)
{
    remote::RemoteHost *host = m_watch ? m_watch->host() : nullptr;
    QString error;
    const auto requirements = checks::RequirementProfile::loadDefault(&error);
    if (!host || !requirements) {
        decide(QStringLiteral("check"), PreflightItem::Verdict::Unknown,
               Tr::tr("La revisión de infraestructura no pudo correr (%1): %2").arg(storedNote, host ? error : Tr::tr("sin conexión")));
        return;
    }
    Q_EMIT progress(Tr::tr("Revisión de infraestructura ahora (%1)…").arg(storedNote));
    m_check = std::make_unique<checks::CheckRunner>(host, m_profile, *requirements, m_profile.host == QLatin1String("local"));
    m_check->setOverallTimeoutMs(std::max(2000, m_preflightTimer.remainingTime() - 1000));
    connect(m_check.get(), &checks::CheckRunner::finished, this, [this, storedNote](const checks::CheckReport &report) {
        m_check.release()->deleteLater();
        if (m_state != State::Preflight)
            return;
        if (report.runFailed) {
            decide(QStringLiteral("check"), PreflightItem::Verdict::Unknown,
                   Tr::tr("La revisión de infraestructura no pudo correr (%1): %2").arg(storedNote, report.error));
            return;
        }
        const QString hostName = m_watch && m_watch->host() ? m_watch->host()->displayName() : m_profile.host;
        const store::CheckRunRecord run = incidents::checkRunRecord(report, m_profile.name, hostName);
        const QString when = Tr::tr("Revisión de ahora, %1 (%2)").arg(formatMexicoTime(run.startedUtc), storedNote);
        m_server.call<incidents::SavedCheckRun>(
            this, [run](store::Store &s) { return incidents::saveCheckRun(s, run); },
            [this, run, when](const incidents::SavedCheckRun &saved) {
                const QString note = saved.saved && saved.error.isEmpty() ? QString()
                                                                          : Tr::tr(" (no se guardó: %1)").arg(saved.error);
                decideCheck(run, when + note);
            });
    });
    m_check->start();
}

void Simulacro::checkPreflightDone()
{
    if (std::all_of(m_items.cbegin(), m_items.cend(), [](const PreflightItem &i) { return i.atUtc.isValid(); }))
        QTimer::singleShot(0, this, &Simulacro::finishPreflight);
}

void Simulacro::finishPreflight()
{
    if (m_state != State::Preflight)
        return;
    m_preflightTimer.stop();
    m_preflightPoll.stop();
    // What was never answered is unknown, and says so. The last cut: our site showing an older cut
    // than the newest on our disk for the whole pre-flight is a failure with evidence, not an unknown.
    const QString bound = Tr::tr("Sin respuesta en %1 s de revisión.").arg(m_preflightTimeoutMs / 1000);
    auto undecided = [this](const QString &id) {
        return std::any_of(m_items.cbegin(), m_items.cend(), [&](const PreflightItem &i) { return i.id == id && !i.atUtc.isValid(); });
    };
    if (undecided(QStringLiteral("last_cut")) && m_difusorAnswered && m_watch && m_watch->cutSession()
        && m_watch->cutSession()->watcherState() == cuts::CutSession::WatcherState::Watching) {
        // Asked once more, synchronously answered by the store thread's queue: decided before the rest.
        m_server.call<std::optional<store::CutRecord>>(
            this, [](store::Store &s) { return s.latestCut(); },
            [this, bound](const std::optional<store::CutRecord> &latest) {
                if (m_state != State::Preflight)
                    return;
                if (!latest || !latest->cutTimeUtc.isValid())
                    decide(QStringLiteral("last_cut"), PreflightItem::Verdict::Unknown,
                           Tr::tr("No hay cortes en disco todavía: nada que buscar en el sitio."));
                else if (m_difusorShown.isValid() && m_difusorShown >= latest->cutTimeUtc)
                    decide(QStringLiteral("last_cut"), PreflightItem::Verdict::Pass,
                           Tr::tr("Nuestro sitio muestra %1; el corte más nuevo en disco es %2 (%3).")
                               .arg(formatMexicoTime(m_difusorShown, false), formatMexicoTime(latest->cutTimeUtc, false), latest->package));
                else
                    decide(QStringLiteral("last_cut"), PreflightItem::Verdict::Fail,
                           Tr::tr("Nuestro sitio muestra %1, pero el corte más nuevo en disco es %2 (%3).")
                               .arg(m_difusorShown.isValid() ? formatMexicoTime(m_difusorShown, false) : Tr::tr("ningún corte"),
                                    formatMexicoTime(latest->cutTimeUtc, false), latest->package));
                finishPreflight();
            });
        // Keep the state until that answer: mark the bound passed so decide() still works.
        if (undecided(QStringLiteral("last_cut")))
            return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (PreflightItem &item : m_items) {
        if (item.atUtc.isValid())
            continue;
        item.verdict = PreflightItem::Verdict::Unknown;
        item.evidence = bound;
        item.atUtc = now;
        Q_EMIT progress(QStringLiteral("[%1] %2 — %3").arg(PreflightItem::verdictId(item.verdict), item.title, bound));
        Q_EMIT preflightItemDecided(item);
    }
    m_preflightEndUtc = now;
    const bool allPassed = std::all_of(m_items.cbegin(), m_items.cend(),
                                       [](const PreflightItem &i) { return i.verdict == PreflightItem::Verdict::Pass; });
    setState(State::Ready);
    Q_EMIT preflightFinished(m_items, allPassed);
    if (m_startWanted)
        proceed();
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
