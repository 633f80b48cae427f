#include "DrillRunner.h"

#include "DrillWatch.h"

#include "common/MexicoTime.h"
#include "common/Tr.h"
#include "cuts/WatchCommand.h"
#include "incidents/IncidentJson.h"
#include "sandbox/ControlChannel.h"
#include "sandbox/Faults.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QPointer>
#include <QSysInfo>

#include <algorithm>
#include <cmath>
#include <utility>

namespace difusor::drills {

namespace {

constexpr int kTickMs = 250;
constexpr qint64 kFaultStartWaitMs = 15000; // the sandbox records fault_start as it injects
constexpr qint64 kSignalGraceMs = 2500;     // a committed incident reaches us a moment after its detection
constexpr qint64 kBeforeStartSlackMs = 1000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QJsonValue isoMs(qint64 ms)
{
    return ms >= 0 ? QJsonValue(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonValue isoTime(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonValue seconds(qint64 ms)
{
    return QJsonValue(std::round(double(ms)) / 1000.0);
}

QJsonObject incidentBrief(const store::IncidentRecord &i)
{
    return {{QStringLiteral("id"), i.id},
            {QStringLiteral("kind"), i.kind},
            {QStringLiteral("subject"), i.subject},
            {QStringLiteral("severity"), i.severity},
            {QStringLiteral("title"), i.title},
            {QStringLiteral("started_at"), isoTime(i.openedUtc)},
            {QStringLiteral("detected_at"), isoTime(i.detectedUtc)},
            {QStringLiteral("resolved_at"), isoTime(i.closedUtc)}};
}

} // namespace

DrillRunner::DrillRunner(const Scenario &scenario, const Profile &profile, store::StoreThread *store, QObject *parent)
    : QObject(parent)
    , m_scenario(scenario)
    , m_profile(profile)
    , m_store(store)
{
    // The scenario's rule thresholds apply to the drill's own watch only (the profile file is untouched).
    for (auto it = m_scenario.profileOverrides.begin(); it != m_scenario.profileOverrides.end(); ++it)
        m_profile.extra.insert(it.key(), it.value());
    for (const Expectation &e : std::as_const(m_scenario.expectations)) {
        ExpectationState state;
        state.spec = e;
        m_expectations.append(state);
    }
    m_stepTimer.setSingleShot(true);
    m_probeTimer.setSingleShot(true);
    m_maxTimer.setSingleShot(true);
    m_maxTimer.setTimerType(Qt::PreciseTimer);
    m_tick.setInterval(kTickMs);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        readTruth();
        evaluate();
    });
    connect(&m_maxTimer, &QTimer::timeout, this, [this] {
        abort(Tr::tr("Se alcanzó la duración máxima del simulacro (%1 s).").arg(m_scenario.maxDurationS));
    });
    connect(&m_probeTimer, &QTimer::timeout, this, [this] {
        if (auto waiting = std::exchange(m_waitingCut, nullptr))
            waiting(store::CutRecord{}); // no cut within the probe's duration
    });
}

DrillRunner::~DrillRunner()
{
    m_watch.reset();
}

QString DrillRunner::refusal(const Scenario &scenario, const Profile &profile)
{
    if (!scenario.injectsFaults() && scenario.target != QLatin1String("sandbox"))
        return {};
    const QString control = profile.extra.value(QStringLiteral("sandbox_control")).toString();
    if (profile.groundTruth.isEmpty() || control.isEmpty() || !profile.extra.value(QStringLiteral("sandbox")).toBool())
        return Tr::tr("El perfil «%1» no es de un simulador (no tiene verdad de referencia ni canal de control): un ensayo "
                      "con fallas solo corre en el simulador. No se hizo nada.")
            .arg(profile.name);
    if (!QFileInfo::exists(profile.groundTruth))
        return Tr::tr("No existe la verdad de referencia %1 del perfil «%2»: ¿está en marcha el simulador? No se hizo nada.")
            .arg(profile.groundTruth, profile.name);
    return {};
}

void DrillRunner::setPhase(Phase phase, const QString &message)
{
    const bool changed = m_phase != phase;
    m_phase = phase;
    if (changed)
        Q_EMIT phaseChanged(phase);
    if (!message.isEmpty())
        Q_EMIT progress(message);
}

void DrillRunner::start()
{
    if (m_phase != Phase::Idle)
        return;
    m_startUtc = QDateTime::currentDateTimeUtc();
    m_clock.start();
    const QString refused = refusal(m_scenario, m_profile);
    if (!refused.isEmpty()) {
        m_phase = Phase::Done;
        m_exitCode = 2;
        m_error = refused;
        m_journal = QJsonObject{{QStringLiteral("status"), QStringLiteral("refused")}, {QStringLiteral("error"), refused}};
        QTimer::singleShot(0, this, [this] { Q_EMIT finished(m_journal, m_exitCode); });
        return;
    }
    if (!m_profile.groundTruth.isEmpty()) {
        // Only what the sandbox records from now on: its earlier faults are not this drill's.
        m_truth.setFileName(m_profile.groundTruth);
        if (m_truth.open(QIODevice::ReadOnly))
            m_truth.seek(m_truth.size());
    }
    m_maxTimer.start(m_scenario.maxDurationS * 1000);
    m_tick.start();
    connect(m_store, &store::StoreThread::incidentChanged, this, &DrillRunner::onIncidentChanged);
    setPhase(Phase::Connecting, Tr::tr("Conectando con %1…").arg(m_profile.name));
    m_watch = std::make_unique<DrillWatch>(m_profile, m_store);
    connect(m_watch.get(), &DrillWatch::watching, this, &DrillRunner::onWatching);
    connect(m_watch.get(), &DrillWatch::failed, this, [this](const QString &message) { fail(message); });
    connect(m_watch.get(), &DrillWatch::notice, this, &DrillRunner::progress);
    connect(m_watch.get(), &DrillWatch::cutRecorded, this, &DrillRunner::onCut);
    m_watch->start();
}

void DrillRunner::onWatching(const store::ServerStore &server)
{
    if (m_phase != Phase::Connecting)
        return;
    m_server = server;
    m_watchingSinceMs = nowMs();
    store::DrillRecord record;
    record.scenario = m_scenarioRef.isEmpty() ? m_scenario.name : m_scenarioRef;
    record.title = m_scenario.title;
    record.target = m_scenario.target;
    record.operatorName = m_operator;
    record.startedUtc = m_startUtc;
    const quint64 epoch = m_epoch;
    using Answer = std::pair<qint64, QString>;
    m_server.call<Answer>(
        this,
        [record](store::Store &s) -> Answer {
            const auto id = s.startDrill(record);
            return {id.value_or(0), id ? QString() : s.lastError()};
        },
        [this, epoch](const Answer &answer) {
            if (epoch != m_epoch || m_phase != Phase::Connecting)
                return;
            if (answer.first <= 0) {
                fail(Tr::tr("No se pudo registrar el simulacro en la base: %1").arg(answer.second));
                return;
            }
            m_drillId = answer.first;
            const qint64 warmupMs = qint64(m_scenario.warmupS) * 1000;
            if (warmupMs > 0) {
                setPhase(Phase::Warmup, Tr::tr("Observando %1 s antes de empezar (la línea base del tráfico)…").arg(m_scenario.warmupS));
                m_stepTimer.disconnect();
                connect(&m_stepTimer, &QTimer::timeout, this, &DrillRunner::afterWarmup);
                m_stepTimer.start(int(warmupMs));
            } else {
                afterWarmup();
            }
        });
}

void DrillRunner::afterWarmup()
{
    runHypothesis(true);
}

// ---- Steady-state hypothesis ---------------------------------------------------------------------

void DrillRunner::runHypothesis(bool before)
{
    m_hypothesisBefore = before;
    m_attempts = 0;
    m_settleDeadlineMs = nowMs() + qint64(m_scenario.settleS) * 1000;
    setPhase(before ? Phase::SteadyBefore : Phase::SteadyAfter,
             before ? Tr::tr("Comprobando el estado estable antes de las fallas…")
                    : Tr::tr("Comprobando que todo volvió al estado estable…"));
    if (m_scenario.hypothesis.isEmpty()) {
        hypothesisDone(true);
        return;
    }
    m_probeRuns = QJsonArray();
    m_probesMet = true;
    ++m_attempts;
    runProbe(0);
}

void DrillRunner::runProbe(int index)
{
    if (index >= m_scenario.hypothesis.size()) {
        if (m_probesMet || nowMs() >= m_settleDeadlineMs) {
            hypothesisDone(m_probesMet);
            return;
        }
        // Not yet: the rules may still be resolving what an earlier session or fault left open.
        const quint64 epoch = m_epoch;
        m_stepTimer.disconnect();
        connect(&m_stepTimer, &QTimer::timeout, this, [this, epoch] {
            if (epoch != m_epoch)
                return;
            m_probeRuns = QJsonArray();
            m_probesMet = true;
            ++m_attempts;
            runProbe(0);
        });
        m_stepTimer.start(2000);
        return;
    }
    const Activity &probe = m_scenario.hypothesis.at(index);
    const quint64 epoch = m_epoch;
    executeActivity(probe, [this, epoch, index, probe](const QJsonObject &run) {
        if (epoch != m_epoch)
            return;
        bool met = run.value(QStringLiteral("status")).toString() == QLatin1String("succeeded");
        if (met && probe.tolerance) {
            const QJsonObject output = run.value(QStringLiteral("output")).toObject();
            if (probe.tolerance->type == Tolerance::Type::ExitStatus)
                met = output.value(QStringLiteral("status")).toInt() == probe.tolerance->status;
            else
                met = probe.tolerance->pattern.match(output.value(probe.tolerance->target).toString()).hasMatch();
        }
        QJsonObject entry = run;
        entry.insert(QStringLiteral("tolerance_met"), met);
        m_probeRuns.append(entry);
        if (!met) {
            m_probesMet = false;
            // Chaos Toolkit stops at the first probe out of tolerance; so do we (and retry them all).
            runProbe(int(m_scenario.hypothesis.size()));
            return;
        }
        runProbe(index + 1);
    });
}

void DrillRunner::hypothesisDone(bool met)
{
    const QJsonObject state{{QStringLiteral("steady_state_met"), met},
                            {QStringLiteral("probes"), m_probeRuns},
                            {QStringLiteral("attempts"), m_attempts}};
    if (m_hypothesisBefore) {
        m_before = state;
        m_beforeMet = met;
        if (!met) {
            fail(Tr::tr("El estado estable no se cumplió antes de las fallas (%1 s de espera): no se inyectó nada.")
                     .arg(m_scenario.settleS));
            return;
        }
        setPhase(Phase::Method, Tr::tr("Estado estable. Empieza el método: %1 pasos.").arg(m_scenario.method.size()));
        m_windowStartMs = nowMs();
        m_windowOpen = true;
        m_activityIndex = 0;
        runActivity(0);
    } else {
        m_after = state;
        m_windowOpen = false;
        if (!met) {
            m_deviated = true;
            Q_EMIT progress(Tr::tr("El estado estable no volvió después de las fallas."));
        }
        setPhase(Phase::Rollbacks, Tr::tr("Reversiones…"));
        runRollback(0);
    }
}

// ---- Activities ----------------------------------------------------------------------------------

QJsonObject DrillRunner::runEntry(const Activity &activity, const QString &status, const QJsonValue &output, qint64 startMs,
                                  const QString &error) const
{
    const qint64 end = nowMs();
    QJsonObject run{{QStringLiteral("activity"), activity.json},
                    {QStringLiteral("status"), status},
                    {QStringLiteral("output"), output},
                    {QStringLiteral("start"), isoMs(startMs)},
                    {QStringLiteral("end"), isoMs(end)},
                    {QStringLiteral("duration"), seconds(end - startMs)}};
    if (!error.isEmpty())
        run.insert(QStringLiteral("exception"), QJsonArray{error});
    return run;
}

void DrillRunner::executeActivity(const Activity &activity, std::function<void(const QJsonObject &run)> done)
{
    const qint64 start = nowMs();
    const QString control = m_profile.extra.value(QStringLiteral("sandbox_control")).toString();
    QPointer<DrillRunner> self(this);
    switch (activity.kind) {
    case Activity::Kind::Fault:
    case Activity::Kind::EndFaults: {
        // As `sandbox fault` / `sandbox end-faults` do: one request on the sandbox's control channel.
        const bool isFault = activity.kind == Activity::Kind::Fault;
        if (isFault) {
            FaultTrack track;
            track.kind = activity.fault;
            track.injectedMs = start;
            m_faults.insert(activity.name, track);
            Q_EMIT expectationsChanged();
        }
        auto *client = new sandbox::ControlClient(this);
        const QJsonObject request = isFault ? sandbox::faultRequest(activity.fault, activity.faultArgs)
                                            : QJsonObject{{QStringLiteral("request"), QStringLiteral("end_faults")}};
        connect(client, &sandbox::ControlClient::answered, this, [this, client, activity, start, isFault, done](const QJsonObject &reply) {
            client->deleteLater();
            const bool ok = reply.value(QStringLiteral("ok")).toBool();
            const QString error = reply.value(QStringLiteral("error")).toString();
            if (isFault && !ok) {
                m_faults[activity.name].error = error;
                Q_EMIT expectationsChanged();
            }
            const QJsonObject stdoutJson = isFault ? reply.value(QStringLiteral("fault")).toObject()
                                                   : QJsonObject{{QStringLiteral("ended"), reply.value(QStringLiteral("ended"))}};
            const QJsonObject output{{QStringLiteral("status"), ok ? 0 : 1},
                                     {QStringLiteral("stdout"), ok ? QString::fromUtf8(QJsonDocument(stdoutJson).toJson(QJsonDocument::Compact)) : QString()},
                                     {QStringLiteral("stderr"), error}};
            done(runEntry(activity, ok ? QStringLiteral("succeeded") : QStringLiteral("failed"), output, start, error));
        });
        connect(client, &sandbox::ControlClient::failed, this, [this, client, activity, start, isFault, done](const QString &message) {
            client->deleteLater();
            if (isFault) {
                m_faults[activity.name].error = message;
                Q_EMIT expectationsChanged();
            }
            const QJsonObject output{{QStringLiteral("status"), 3}, {QStringLiteral("stdout"), QString()}, {QStringLiteral("stderr"), message}};
            done(runEntry(activity, QStringLiteral("failed"), output, start, message));
        });
        if (isFault)
            Q_EMIT progress(Tr::tr("Falla «%1» (%2).").arg(activity.name, sandbox::faultId(activity.fault)));
        client->send(control, request);
        return;
    }
    case Activity::Kind::IncidentsProbe: {
        // What `incidents --profile P --format json [--state S] [--kind K]` prints, for this server.
        store::IncidentFilter filter;
        filter.state = activity.state == QLatin1String("all") ? QString() : activity.state;
        filter.kind = activity.incidentKind;
        filter.serverId = m_server.server();
        m_server.call<QByteArray>(
            this,
            [filter](store::Store &s) {
                const QList<store::IncidentRecord> list = s.findIncidents(filter);
                QJsonArray array;
                for (const store::IncidentRecord &i : list)
                    array.append(incidents::incidentToJson(i));
                return QJsonDocument(QJsonObject{{QStringLiteral("incidents"), array},
                                                 {QStringLiteral("summary"), incidents::incidentSummary(list)}})
                    .toJson(QJsonDocument::Compact);
            },
            [this, activity, start, done](const QByteArray &json) {
                const bool ok = !json.isEmpty();
                const QJsonObject output{{QStringLiteral("status"), ok ? 0 : 1},
                                         {QStringLiteral("stdout"), QString::fromUtf8(json)},
                                         {QStringLiteral("stderr"), ok ? QString() : Tr::tr("No se pudo leer la base.")}};
                done(runEntry(activity, ok ? QStringLiteral("succeeded") : QStringLiteral("failed"), output, start));
            });
        return;
    }
    case Activity::Kind::WatchProbe: {
        // What `watch --profile P --format json --duration S` would show: a cut recorded within S seconds.
        m_waitingCut = [this, activity, start, done](const store::CutRecord &cut) {
            m_probeTimer.stop();
            const QString line = cut.package.isEmpty()
                                     ? QString()
                                     : QString::fromUtf8(QJsonDocument(cuts::watchCutLine(cut)).toJson(QJsonDocument::Compact));
            const QJsonObject output{{QStringLiteral("status"), 0}, {QStringLiteral("stdout"), line}, {QStringLiteral("stderr"), QString()}};
            done(runEntry(activity, QStringLiteral("succeeded"), output, start));
        };
        m_probeTimer.start(activity.durationS * 1000);
        return;
    }
    }
}

void DrillRunner::runActivity(int index)
{
    if (m_phase != Phase::Method)
        return;
    if (index >= m_scenario.method.size()) {
        startObserving();
        return;
    }
    m_activityIndex = index;
    const Activity &activity = m_scenario.method.at(index);
    const quint64 epoch = m_epoch;
    auto execute = [this, epoch, activity, index] {
        if (epoch != m_epoch)
            return;
        executeActivity(activity, [this, epoch, activity, index](const QJsonObject &run) {
            if (epoch != m_epoch)
                return;
            m_runs.append(run);
            evaluate();
            if (m_phase != Phase::Method)
                return;
            if (activity.pauseAfterS > 0) {
                Q_EMIT progress(Tr::tr("Pausa de %1 s.").arg(activity.pauseAfterS));
                m_stepTimer.disconnect();
                connect(&m_stepTimer, &QTimer::timeout, this, [this, epoch, index] {
                    if (epoch == m_epoch)
                        runActivity(index + 1);
                });
                m_stepTimer.start(int(activity.pauseAfterS * 1000));
            } else {
                runActivity(index + 1);
            }
        });
    };
    if (activity.pauseBeforeS > 0) {
        m_stepTimer.disconnect();
        connect(&m_stepTimer, &QTimer::timeout, this, execute);
        m_stepTimer.start(int(activity.pauseBeforeS * 1000));
    } else {
        execute();
    }
}

void DrillRunner::startObserving()
{
    setPhase(Phase::Observing, Tr::tr("Esperando lo esperado (%1 expectativas) y el fin de las fallas.").arg(m_expectations.size()));
    evaluate();
}

void DrillRunner::runRollback(int index)
{
    if (index >= m_scenario.rollbacks.size()) {
        finish();
        return;
    }
    const Activity &activity = m_scenario.rollbacks.at(index);
    Q_EMIT progress(Tr::tr("Reversión «%1».").arg(activity.name));
    const quint64 epoch = m_epoch;
    executeActivity(activity, [this, epoch, index](const QJsonObject &run) {
        if (epoch != m_epoch)
            return;
        m_rollbackRuns.append(run);
        runRollback(index + 1);
    });
}

// ---- Stops ---------------------------------------------------------------------------------------

void DrillRunner::abort(const QString &why)
{
    if (m_phase == Phase::Rollbacks || m_phase == Phase::Done || m_phase == Phase::Idle)
        return;
    if (m_abortReason.isEmpty())
        m_abortReason = why;
    Q_EMIT progress(Tr::tr("Simulacro detenido: %1").arg(why));
    ++m_epoch; // whatever was in flight is abandoned
    m_stepTimer.stop();
    m_probeTimer.stop();
    m_waitingCut = nullptr;
    m_windowOpen = false;
    setPhase(Phase::Rollbacks, Tr::tr("Reversiones…"));
    runRollback(0);
}

void DrillRunner::fail(const QString &why)
{
    if (m_phase == Phase::Rollbacks || m_phase == Phase::Done || m_phase == Phase::Idle)
        return;
    if (m_error.isEmpty())
        m_error = why;
    Q_EMIT progress(why);
    ++m_epoch;
    m_stepTimer.stop();
    m_probeTimer.stop();
    m_waitingCut = nullptr;
    m_windowOpen = false;
    setPhase(Phase::Rollbacks, Tr::tr("Reversiones…"));
    runRollback(0);
}

void DrillRunner::cancel(const QString &why)
{
    abort(why.isEmpty() ? Tr::tr("cancelado por el técnico") : why);
}

void DrillRunner::finish()
{
    m_tick.stop();
    m_maxTimer.stop();
    readTruth();
    // Whatever is still undecided failed: the drill ended before it could pass.
    for (ExpectationState &e : m_expectations) {
        if (!e.decided)
            decide(e, false, m_abortReason.isEmpty() && m_error.isEmpty() ? Tr::tr("sin decidir al terminar")
                                                                            : Tr::tr("el simulacro terminó antes"));
    }
    setPhase(Phase::Rollbacks, Tr::tr("Guardando el simulacro…"));
    if (m_drillId <= 0 || !m_server.isValid()) {
        saveJournal();
        return;
    }
    // The drill's incidents as the store has them now: a technician may have acknowledged them from
    // another process (`incidents ack`), which this one hears nothing about.
    store::IncidentFilter filter;
    filter.drillId = m_drillId;
    filter.serverId = m_server.server();
    m_server.call<QList<store::IncidentRecord>>(
        this, [filter](store::Store &s) { return s.findIncidents(filter); },
        [this](const QList<store::IncidentRecord> &list) {
            for (const store::IncidentRecord &i : list) {
                if (m_seen.contains(i.id))
                    m_seen[i.id] = i;
            }
            saveJournal();
        });
}

void DrillRunner::saveJournal()
{
    if (m_watch)
        m_watch->stop();
    m_journal = buildJournal();
    const QString status = m_journal.value(QStringLiteral("status")).toString();
    m_exitCode = status == QLatin1String("completed") ? 0 : 1;
    auto done = [this] {
        setPhase(Phase::Done, {});
        Q_EMIT finished(m_journal, m_exitCode);
    };
    if (m_drillId <= 0 || !m_server.isValid()) {
        QTimer::singleShot(0, this, done);
        return;
    }
    const qint64 id = m_drillId;
    const QJsonObject journal = m_journal;
    const std::optional<double> s = score();
    m_server.call<QString>(
        this,
        [id, status, s, journal](store::Store &store) {
            return store.finishDrill(id, status, s, journal, QDateTime::currentDateTimeUtc()) ? QString()
                                                                                              : store.lastError();
        },
        [this, done](const QString &error) {
            if (!error.isEmpty()) {
                Q_EMIT progress(Tr::tr("No se guardó el diario del simulacro: %1").arg(error));
                m_exitCode = 1;
                m_journal.insert(QStringLiteral("store_error"), error);
            }
            done();
        });
}

// ---- What happens on the server ------------------------------------------------------------------

void DrillRunner::link(qint64 incidentId, const QString &role)
{
    if (m_drillId <= 0)
        return;
    const qint64 drill = m_drillId;
    store::StoreThread *thread = m_store;
    m_server.post([drill, incidentId, role, thread](store::Store &s) {
        if (!s.linkDrillIncident(drill, incidentId, role))
            Q_EMIT thread->writeFailed(Tr::tr("No se ligó el incidente %1 al simulacro %2: %3").arg(incidentId).arg(drill).arg(s.lastError()));
    });
}

void DrillRunner::onIncidentChanged(const store::IncidentUpdate &update)
{
    if (!m_server.isValid() || update.incident.serverId != m_server.server())
        return;
    const store::IncidentRecord &i = update.incident;
    if (m_seen.contains(i.id)) {
        m_seen[i.id] = i; // its resolution, acknowledgement…
        Q_EMIT expectationsChanged();
        evaluate();
        return;
    }
    if (!update.opened || !m_windowOpen)
        return;
    m_seen.insert(i.id, i);
    m_seenOrder.append(i.id);
    Q_EMIT progress(Tr::tr("Incidente abierto: %1 (%2).").arg(i.title, i.kind));
    link(i.id, QStringLiteral("other"));
    evaluate(); // an expectation may claim it first: what is expected is never a false alarm
    const bool claimed = std::any_of(m_expectations.begin(), m_expectations.end(),
                                     [&](const ExpectationState &e) { return e.incidentId == i.id && !e.spec.absent; });
    if (!claimed && m_scenario.forbidden.contains(i.kind)) {
        m_falsePositives.append(i.id);
        link(i.id, QStringLiteral("false_positive"));
        if (m_scenario.abortOnForbidden)
            abort(Tr::tr("se abrió un incidente prohibido: %1 (%2)").arg(i.title, i.kind));
    }
}

void DrillRunner::onCut(const store::CutRecord &cut)
{
    if (auto waiting = std::exchange(m_waitingCut, nullptr))
        waiting(cut);
}

void DrillRunner::readTruth()
{
    if (!m_truth.isOpen())
        return;
    m_truthBuffer += m_truth.readAll();
    qsizetype newline;
    while ((newline = m_truthBuffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_truthBuffer.left(newline);
        m_truthBuffer.remove(0, newline + 1);
        const QJsonObject record = QJsonDocument::fromJson(line).object();
        const QString event = record.value(QStringLiteral("event")).toString();
        if (event != QLatin1String("fault_start") && event != QLatin1String("fault_end"))
            continue;
        const QString kind = record.value(QStringLiteral("kind")).toString();
        const qint64 t = record.value(QStringLiteral("t")).toInteger();
        // The oldest injection of this kind still waiting for this record.
        FaultTrack *best = nullptr;
        for (auto it = m_faults.begin(); it != m_faults.end(); ++it) {
            FaultTrack &f = it.value();
            if (sandbox::faultId(f.kind) != kind || !f.error.isEmpty())
                continue;
            const bool wants = event == QLatin1String("fault_start") ? f.startMs < 0 && t >= f.injectedMs - kBeforeStartSlackMs
                                                                     : f.startMs >= 0 && f.endMs < 0 && t >= f.startMs;
            if (wants && (!best || f.injectedMs < best->injectedMs))
                best = &f;
        }
        if (!best)
            continue;
        if (event == QLatin1String("fault_start"))
            best->startMs = t;
        else
            best->endMs = t;
        Q_EMIT expectationsChanged();
    }
}

void DrillRunner::decide(ExpectationState &e, bool passed, const QString &why)
{
    e.decided = true;
    e.passed = passed;
    e.why = why;
    Q_EMIT expectationsChanged();
    Q_EMIT progress(passed ? Tr::tr("Cumplida: %1 — %2").arg(e.spec.name, why) : Tr::tr("No cumplida: %1 — %2").arg(e.spec.name, why));
}

void DrillRunner::evaluate()
{
    if (m_phase != Phase::Method && m_phase != Phase::Observing)
        return;
    const qint64 now = nowMs();
    const bool methodDone = m_phase == Phase::Observing;
    for (ExpectationState &e : m_expectations) {
        if (e.decided)
            continue;
        const auto track = m_faults.constFind(e.spec.fault);
        if (track == m_faults.constEnd()) {
            if (methodDone)
                decide(e, false, Tr::tr("la falla «%1» no se inyectó").arg(e.spec.fault));
            continue;
        }
        if (!track->error.isEmpty()) {
            decide(e, false, Tr::tr("la falla no se inyectó: %1").arg(track->error));
            continue;
        }
        if (track->startMs < 0) {
            if (now - track->injectedMs > kFaultStartWaitMs)
                decide(e, false, Tr::tr("el simulador no registró el inicio de la falla"));
            continue;
        }
        const qint64 start = track->startMs;
        const qint64 withinMs = qint64(e.spec.withinS * 1000);
        auto matches = [&](const store::IncidentRecord &i) {
            return i.kind == e.spec.incident && (e.spec.subject.isEmpty() || i.subject == e.spec.subject)
                && i.detectedUtc.toMSecsSinceEpoch() >= start - kBeforeStartSlackMs;
        };
        if (e.spec.absent) {
            for (qint64 id : std::as_const(m_seenOrder)) {
                const store::IncidentRecord &i = m_seen[id];
                if (matches(i) && i.detectedUtc.toMSecsSinceEpoch() <= start + withinMs) {
                    e.incidentId = id;
                    decide(e, false, Tr::tr("se abrió %1 a los %2 s de la falla").arg(i.kind).arg((i.detectedUtc.toMSecsSinceEpoch() - start) / 1000.0, 0, 'f', 1));
                    break;
                }
            }
            if (!e.decided && now > start + withinMs + kSignalGraceMs)
                decide(e, true, Tr::tr("ningún %1 en %2 s").arg(e.spec.incident).arg(e.spec.withinS));
            continue;
        }
        if (e.incidentId == 0) {
            for (qint64 id : std::as_const(m_seenOrder)) {
                const bool taken = std::any_of(m_expectations.begin(), m_expectations.end(),
                                               [id](const ExpectationState &o) { return o.incidentId == id; });
                if (!taken && matches(m_seen[id])) {
                    e.incidentId = id;
                    link(id, QStringLiteral("expected"));
                    Q_EMIT expectationsChanged();
                    break;
                }
            }
        }
        if (e.incidentId == 0) {
            if (now > start + withinMs + kSignalGraceMs)
                decide(e, false, Tr::tr("ningún incidente %1 en %2 s desde el inicio de la falla").arg(e.spec.incident).arg(e.spec.withinS));
            continue;
        }
        const store::IncidentRecord &i = m_seen[e.incidentId];
        const qint64 ttd = i.detectedUtc.toMSecsSinceEpoch() - start;
        if (ttd > withinMs) {
            decide(e, false, Tr::tr("detectado a los %1 s (límite %2 s)").arg(ttd / 1000.0, 0, 'f', 1).arg(e.spec.withinS));
            continue;
        }
        if (!e.spec.resolvedWithinS) {
            decide(e, true, Tr::tr("detectado a los %1 s").arg(ttd / 1000.0, 0, 'f', 1));
            continue;
        }
        if (track->endMs < 0)
            continue; // the fault goes on (the max duration bounds the wait)
        const qint64 resolveMs = qint64(*e.spec.resolvedWithinS * 1000);
        if (!i.isOpen()) {
            const qint64 ttr = i.closedUtc.toMSecsSinceEpoch() - track->endMs;
            if (ttr <= resolveMs)
                decide(e, true, Tr::tr("detectado a los %1 s, resuelto %2 s después del fin de la falla")
                                    .arg(ttd / 1000.0, 0, 'f', 1)
                                    .arg(ttr / 1000.0, 0, 'f', 1));
            else
                decide(e, false, Tr::tr("resuelto %1 s después del fin de la falla (límite %2 s)").arg(ttr / 1000.0, 0, 'f', 1).arg(*e.spec.resolvedWithinS));
        } else if (now > track->endMs + resolveMs + kSignalGraceMs) {
            decide(e, false, Tr::tr("sin resolver %1 s después del fin de la falla").arg(*e.spec.resolvedWithinS));
        }
    }
    // Observing ends once every expectation is decided and every fault injected has ended (a drill
    // with nothing expected still watches its faults through, for false alarms).
    const bool faultsOver = std::all_of(m_faults.cbegin(), m_faults.cend(), [now](const FaultTrack &f) {
        return !f.error.isEmpty() || f.endMs >= 0 || (f.startMs < 0 && now - f.injectedMs > kFaultStartWaitMs);
    });
    if (m_phase == Phase::Observing && faultsOver
        && std::all_of(m_expectations.begin(), m_expectations.end(), [](const ExpectationState &e) { return e.decided; }))
        runHypothesis(false);
}

// ---- The journal ---------------------------------------------------------------------------------

std::optional<double> DrillRunner::score() const
{
    double total = 0;
    double passed = 0;
    for (const ExpectationState &e : m_expectations) {
        total += e.spec.weight;
        if (e.passed)
            passed += e.spec.weight;
    }
    if (total <= 0) // nothing expected: the drill passes when it raised no false alarm
        return m_falsePositives.isEmpty() ? 1.0 : 0.0;
    return std::round(passed / total * 10000) / 10000;
}

QJsonObject DrillRunner::expectationJson(const ExpectationState &e) const
{
    const FaultTrack track = m_faults.value(e.spec.fault);
    const store::IncidentRecord incident = m_seen.value(e.incidentId);
    const bool found = e.incidentId > 0;
    const QJsonValue detected = found ? isoTime(incident.detectedUtc) : QJsonValue();
    QJsonObject x{{QStringLiteral("name"), e.spec.name},
                  {QStringLiteral("fault"), e.spec.fault},
                  {QStringLiteral("fault_kind"), track.injectedMs >= 0 ? sandbox::faultId(track.kind) : QString()},
                  {QStringLiteral("incident"), e.spec.incident},
                  {QStringLiteral("absent"), e.spec.absent},
                  {QStringLiteral("within_s"), e.spec.withinS},
                  {QStringLiteral("fault_start"), isoMs(track.startMs)},
                  {QStringLiteral("fault_end"), isoMs(track.endMs)},
                  {QStringLiteral("incident_id"), found ? QJsonValue(e.incidentId) : QJsonValue()},
                  {QStringLiteral("detected_at"), detected},
                  {QStringLiteral("ttd_s"), found && track.startMs >= 0
                                                ? seconds(incident.detectedUtc.toMSecsSinceEpoch() - track.startMs)
                                                : QJsonValue()},
                  {QStringLiteral("resolved_at"), found ? isoTime(incident.closedUtc) : QJsonValue()},
                  // The technician's acknowledgement, timed from the detection.
                  {QStringLiteral("acknowledged_at"), found ? isoTime(incident.acknowledgedUtc) : QJsonValue()},
                  {QStringLiteral("acknowledged_by"), found && incident.acknowledgedUtc.isValid() ? QJsonValue(incident.acknowledgedBy) : QJsonValue()},
                  {QStringLiteral("tta_s"), found && incident.timeToAcknowledgeS() ? QJsonValue(*incident.timeToAcknowledgeS()) : QJsonValue()},
                  {QStringLiteral("weight"), e.spec.weight},
                  {QStringLiteral("passed"), e.passed},
                  {QStringLiteral("why"), e.why}};
    if (!e.spec.subject.isEmpty())
        x.insert(QStringLiteral("subject"), e.spec.subject);
    if (e.spec.resolvedWithinS) {
        x.insert(QStringLiteral("resolved_within_s"), *e.spec.resolvedWithinS);
        x.insert(QStringLiteral("ttr_s"), found && incident.closedUtc.isValid() && track.endMs >= 0
                                              ? seconds(incident.closedUtc.toMSecsSinceEpoch() - track.endMs)
                                              : QJsonValue());
    }
    return x;
}

QJsonArray DrillRunner::expectationsSoFar() const
{
    QJsonArray list;
    for (const ExpectationState &e : m_expectations) {
        QJsonObject x = expectationJson(e);
        x.insert(QStringLiteral("decided"), e.decided);
        x.insert(QStringLiteral("injected"), m_faults.contains(e.spec.fault));
        list.append(x);
    }
    return list;
}

QJsonObject DrillRunner::buildJournal() const
{
    QJsonArray expectations;
    bool allPassed = true;
    for (const ExpectationState &e : m_expectations) {
        expectations.append(expectationJson(e));
        allPassed = allPassed && e.passed;
    }
    QJsonArray falsePositives;
    for (qint64 id : m_falsePositives)
        falsePositives.append(incidentBrief(m_seen.value(id)));
    QJsonArray others;
    for (qint64 id : m_seenOrder) {
        const bool expected = std::any_of(m_expectations.begin(), m_expectations.end(),
                                          [id](const ExpectationState &e) { return e.incidentId == id && !e.spec.absent; });
        if (!expected && !m_falsePositives.contains(id))
            others.append(incidentBrief(m_seen.value(id)));
    }

    QString status = QStringLiteral("completed");
    if (!m_abortReason.isEmpty())
        status = QStringLiteral("aborted");
    else if (!m_error.isEmpty() || !m_beforeMet || m_deviated || !allPassed || !m_falsePositives.isEmpty())
        status = QStringLiteral("failed");

    const qint64 endMs = nowMs();
    QJsonObject journal{
        {QStringLiteral("difusor-console-version"), QCoreApplication::applicationVersion()},
        {QStringLiteral("platform"), QSysInfo::prettyProductName()},
        {QStringLiteral("node"), QSysInfo::machineHostName()},
        {QStringLiteral("experiment"), m_scenario.experiment},
        {QStringLiteral("start"), isoTime(m_startUtc)},
        {QStringLiteral("end"), isoMs(endMs)},
        {QStringLiteral("duration"), seconds(endMs - m_startUtc.toMSecsSinceEpoch())},
        {QStringLiteral("status"), status},
        {QStringLiteral("deviated"), m_deviated},
        {QStringLiteral("steady_states"), QJsonObject{{QStringLiteral("before"), m_before.isEmpty() ? QJsonValue() : QJsonValue(m_before)},
                                                      {QStringLiteral("after"), m_after.isEmpty() ? QJsonValue() : QJsonValue(m_after)},
                                                      {QStringLiteral("during"), QJsonArray()}}},
        {QStringLiteral("run"), m_runs},
        {QStringLiteral("rollbacks"), m_rollbackRuns},
        {QStringLiteral("score"), score().value_or(0)},
        {QStringLiteral("expectations"), expectations},
        {QStringLiteral("false_positives"), falsePositives},
        {QStringLiteral("other_incidents"), others},
        {QStringLiteral("drill"), QJsonObject{{QStringLiteral("id"), m_drillId > 0 ? QJsonValue(m_drillId) : QJsonValue()},
                                              {QStringLiteral("scenario"), m_scenarioRef.isEmpty() ? m_scenario.name : m_scenarioRef},
                                              {QStringLiteral("title"), m_scenario.title},
                                              {QStringLiteral("target"), m_scenario.target},
                                              {QStringLiteral("profile"), m_profile.name},
                                              {QStringLiteral("operator"), m_operator},
                                              {QStringLiteral("window_start"), isoMs(m_windowStartMs)}}},
    };
    if (!m_abortReason.isEmpty())
        journal.insert(QStringLiteral("abort_reason"), m_abortReason);
    if (!m_error.isEmpty())
        journal.insert(QStringLiteral("error"), m_error);
    return journal;
}

} // namespace difusor::drills
