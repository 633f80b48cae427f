// Simulacro's pre-flight: the six items, each decided from what the watch sees, the store keeps, or a
// check run now (Simulacro.cpp: the window and the report).
#include "Simulacro.h"

#include "DrillWatch.h"

#include "checks/CheckResult.h"
#include "checks/CheckRunner.h"
#include "checks/RequirementProfile.h"
#include "common/MexicoTime.h"
#include "cuts/CutMonitor.h"
#include "cuts/CutSession.h"
#include "cuts/CutWatcher.h"
#include "cuts/LagProbe.h"
#include "incidents/CheckIncidents.h"
#include "remote/RemoteHost.h"
#include "store/Store.h"

#include "common/Tr.h"


#include <algorithm>
#include <cmath>

namespace difusor::drills {

namespace {

constexpr qint64 kMaxClockOffsetMs = 2000; // the pre-flight's bound (the issue: under 2 s)

QString seconds1(qint64 ms)
{
    const double s = std::round(double(ms) / 100.0) / 10.0;
    return QString::number(s == 0 ? 0.0 : s, 'f', 1); // never "-0.0"
}

} // namespace

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

} // namespace difusor::drills
