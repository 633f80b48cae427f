#pragma once

#include "Scenario.h"

#include "common/Profile.h"
#include "store/Records.h"
#include "store/StoreThread.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace difusor::drills {

class DrillWatch;

// Plays one scenario against one profile, as Chaos Toolkit would, with the console's own judgement:
//
//   refusal check → watch the server → warm-up → steady-state hypothesis (before) → method (faults through
//   the sandbox's control channel, pauses) → observation until every expectation is decided →
//   steady-state hypothesis (after) → rollbacks (ALWAYS: at the end, on cancel, on an abort, on an error)
//   → the drill's row in the store gets its journal → finished().
//
// Detection is judged on the console's real path: the incident log fed by the same cut, traffic and
// connection sessions as `watch` (DrillWatch), each expectation against the sandbox's ground truth
// (ttd = detected_at − the fault's fault_start; resolution against its fault_end). An incident of a
// forbidden kind opened during the drill is a false positive and, with abort_on_forbidden, stops it.
// Every incident opened while the drill ran is linked to the drill in the store, with its role.
//
// Asynchronous, on the thread that owns it; no nested event loop. Score = Σ weight × passed / Σ weight.
class DrillRunner final : public QObject
{
    Q_OBJECT
public:
    // Where a drill is (phaseChanged() tells each change): Rollbacks also after a cancel or an abort.
    enum class Phase { Idle, Connecting, Warmup, SteadyBefore, Method, Observing, SteadyAfter, Rollbacks, Done };
    Q_ENUM(Phase)

    DrillRunner(const Scenario &scenario, const Profile &profile, store::StoreThread *store, QObject *parent = nullptr);
    ~DrillRunner() override;

    // Why this scenario may not run on this profile (translated); empty: it may. A scenario aimed at
    // the sandbox, or that injects or ends faults, runs only on a sandbox's profile: one with its ground
    // truth and control channel.
    static QString refusal(const Scenario &scenario, const Profile &profile);

    void setOperator(const QString &name) { m_operator = name; }
    void setScenarioRef(const QString &ref) { m_scenarioRef = ref; } // as given: a name or a path

    // Starts; everything after happens from the event loop. A refused scenario finishes at once
    // (exit code 2) with nothing run, not even a connection.
    void start();
    // Stops the drill (status aborted); the rollbacks still run before finished().
    void cancel(const QString &why = {});

    bool isRunning() const { return m_phase != Phase::Idle && m_phase != Phase::Done; }
    Phase phase() const { return m_phase; }
    // The expectations as they stand now, for a live view (expectationsChanged() tells when): the
    // journal's "expectations" entries, each with "decided" (false: still waited for) and "injected"
    // (its fault was asked for).
    QJsonArray expectationsSoFar() const;
    qint64 drillId() const { return m_drillId; }
    QJsonObject journal() const { return m_journal; }
    int exitCode() const { return m_exitCode; }

Q_SIGNALS:
    // What it is doing, for people (translated): the step, what it waits for.
    void progress(const QString &message);
    void phaseChanged(difusor::drills::DrillRunner::Phase phase);
    // A fault was injected or its start or end recorded, an incident claimed, acknowledged or
    // resolved, an expectation decided.
    void expectationsChanged();
    void finished(const QJsonObject &journal, int exitCode);

private:
    struct FaultTrack
    {
        sandbox::FaultKind kind = sandbox::FaultKind::LateCut;
        qint64 injectedMs = -1; // epoch ms when asked
        qint64 startMs = -1;    // the ground truth's fault_start
        qint64 endMs = -1;      // its fault_end
        QString error;          // the injection failed
    };
    struct ExpectationState
    {
        Expectation spec;
        bool decided = false;
        bool passed = false;
        qint64 incidentId = 0;
        QString why;
    };

    void setPhase(Phase phase, const QString &message);
    void onWatching(const store::ServerStore &server);
    void afterWarmup();

    // Hypothesis: the probes in order; retried until they hold or settle_s passes.
    void runHypothesis(bool before);
    void runProbe(int index);
    void probeDone(const QJsonObject &run, bool toleranceMet);
    void hypothesisDone(bool met);

    // Method and rollbacks: one activity after another, with their pauses.
    void runActivity(int index);
    void executeActivity(const Activity &activity, std::function<void(const QJsonObject &run)> done);
    void activityDone(const QJsonObject &run);
    void startObserving();
    void runRollback(int index);
    void finish();
    void saveJournal();

    void abort(const QString &why);
    void fail(const QString &why);

    void onIncidentChanged(const store::IncidentUpdate &update);
    void onCut(const store::CutRecord &cut);
    void readTruth();
    void evaluate();
    void decide(ExpectationState &e, bool passed, const QString &why);
    void link(qint64 incidentId, const QString &role);

    QJsonObject runEntry(const Activity &activity, const QString &status, const QJsonValue &output, qint64 startMs,
                         const QString &error = {}) const;
    QJsonObject buildJournal() const;
    QJsonObject expectationJson(const ExpectationState &e) const;
    std::optional<double> score() const;

    Scenario m_scenario;
    Profile m_profile;          // with the scenario's profile_overrides applied (the drill's own watch)
    store::StoreThread *m_store;
    store::ServerStore m_server;
    std::unique_ptr<DrillWatch> m_watch;
    QString m_operator;
    QString m_scenarioRef;
    Phase m_phase = Phase::Idle;
    quint64 m_epoch = 0; // bumped on abort: callbacks of an abandoned step are ignored

    qint64 m_drillId = 0;
    QDateTime m_startUtc;
    QElapsedTimer m_clock;
    qint64 m_watchingSinceMs = -1;
    qint64 m_windowStartMs = -1; // false positives and links count from the method's start…
    bool m_windowOpen = false;   // … until the after-hypothesis ended

    // Hypothesis in progress
    bool m_hypothesisBefore = true;
    qint64 m_settleDeadlineMs = 0;
    int m_attempts = 0;
    QJsonArray m_probeRuns;
    bool m_probesMet = true;
    std::function<void(const store::CutRecord &)> m_waitingCut;
    QJsonObject m_before;
    QJsonObject m_after;
    bool m_deviated = false;
    bool m_beforeMet = false;

    // Method / rollbacks in progress
    int m_activityIndex = 0;
    QJsonArray m_runs;
    QJsonArray m_rollbackRuns;
    QHash<QString, FaultTrack> m_faults; // by action name
    QList<ExpectationState> m_expectations;
    QHash<qint64, store::IncidentRecord> m_seen; // incidents opened while the window was open
    QList<qint64> m_seenOrder;
    QList<qint64> m_falsePositives;

    QString m_abortReason;
    QString m_error;
    QTimer m_stepTimer;   // pauses, retries
    QTimer m_probeTimer;  // a watch probe's duration
    QTimer m_maxTimer;    // stop condition: max duration
    QTimer m_tick;        // ground truth, deadlines

    QFile m_truth;
    QByteArray m_truthBuffer;

    QJsonObject m_journal;
    int m_exitCode = 1;
};

} // namespace difusor::drills
