#pragma once

#include "SimulacroReport.h"

#include "common/Profile.h"
#include "store/Records.h"
#include "store/StoreThread.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace difusor::checks {
class CheckRunner;
}

namespace difusor::drills {

class DrillWatch;

// An official simulacro, observed only: on any server's profile (a sandbox or not) it watches with the
// console's real sessions (DrillWatch: cuts, lag, traffic, connection) and NEVER injects or ends a fault.
//
//   start() → connect → pre-flight (each item's verdict, bounded) → the drill's row (target "observe")
//   → wait for the window → observe: every incident opened is linked to the drill (role "observed"; one
//   still unresolved when the window opened: "open_at_start", listed apart in the report);
//   cuts, sightings and traffic in the window are the drill's by time range and server → at the end
//   (or on cancel) the report, kept as the drill's journal → finished().
//
// The page may call preflight() first to show the list and ask for confirmation, then start(): the same
// connection and verdicts go on. Pre-flight failures never stop the simulacro (the technician decides);
// they are in the report and make exitCode() 1.
//
// Exit codes (as `drill observe`): 0 everything passed; 1 a pre-flight item failed or the one-minute
// rule was broken (or it was cancelled, or could not be saved); 2 bad input (an invalid window);
// 3 the server could not be reached.
//
// Asynchronous, on the thread that owns it (the GUI's or the command's); no nested event loop.
class Simulacro final : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Connecting, Preflight, Ready, Waiting, Observing, Reporting, Done };
    Q_ENUM(State)

    Simulacro(const Profile &profile, store::StoreThread *store, QObject *parent = nullptr);
    ~Simulacro() override;

    // Before start(). The name is the drill's title ("Simulacro 19 de mayo"); the window defaults to the
    // next official date (nextOfficialWindow). A window that has already ended is refused at start().
    void setName(const QString &name) { m_name = name; }
    void setOperator(const QString &name) { m_operator = name; }
    void setWindow(const ObserveWindow &window) { m_window = window; }
    void setPreflightTimeoutMs(int ms) { m_preflightTimeoutMs = ms; } // default 30 s
    // The "check" item: the newest stored infrastructure check when it is under an hour old; else (none,
    // or older) the pre-flight runs the check now over the same connection, stores it (a check_failed
    // incident as any run) and judges that. The profile's "preflight_runs_check": false keeps to what is
    // stored (the check's throughput test sends a few MB over the server's link).
    static constexpr int kCheckFreshS = 3600;
    QString name() const { return m_name; }
    ObserveWindow window() const { return m_window; }

    // Connects and runs the pre-flight only: preflightFinished(), then state Ready (still connected).
    void preflight();
    // Pre-flight (unless done), then the window, then the report.
    void start();
    // Stops now: the report covers what was observed (status "aborted"); finished() follows.
    void cancel(const QString &why = {});

    State state() const { return m_state; }
    bool isRunning() const { return m_state != State::Idle && m_state != State::Done; }
    QList<PreflightItem> preflightItems() const { return m_items; }
    qint64 drillId() const { return m_drillId; }
    QJsonObject report() const { return m_report; }
    int exitCode() const { return m_exitCode; }

Q_SIGNALS:
    void stateChanged(difusor::drills::Simulacro::State state);
    // What it is doing, for people (translated).
    void progress(const QString &message);
    // One pre-flight item decided (or given up as unknown at the timeout).
    void preflightItemDecided(const difusor::drills::PreflightItem &item);
    void preflightFinished(const QList<difusor::drills::PreflightItem> &items, bool allPassed);
    // While observing, every few seconds: the report's figures so far plus "remaining_s".
    void liveFigures(const QJsonObject &figures);
    // The report (also the journal in the drill's row) and the exit code.
    void finished(const QJsonObject &report, int exitCode);

private:
    void setState(State state);
    void onWatching(const store::ServerStore &server);
    void decide(const QString &id, PreflightItem::Verdict verdict, const QString &evidence);
    void decideCheck(const store::CheckRunRecord &run, const QString &when);
    void runCheckNow(const QString &storedNote);
    void checkPreflightDone();
    void finishPreflight();
    void proceed();
    void openWindow();
    void closeWindow(const QString &abortReason);
    void sampleTraffic();
    void collect(bool final);
    void finishWith(const QJsonObject &report, int exitCode);
    void fail(const QString &why, int exitCode);
    void onIncidentChanged(const store::IncidentUpdate &update);
    QJsonObject identity() const;

    Profile m_profile;
    store::StoreThread *m_store;
    store::ServerStore m_server;
    std::unique_ptr<DrillWatch> m_watch;
    QString m_name;
    QString m_operator;
    ObserveWindow m_window;
    int m_preflightTimeoutMs = 30000;
    bool m_checkWhenStale = true;
    std::unique_ptr<checks::CheckRunner> m_check;
    State m_state = State::Idle;
    bool m_startWanted = false; // start() was called (else preflight() only)

    QList<PreflightItem> m_items;
    QTimer m_preflightTimer; // the pre-flight's bound
    QTimer m_preflightPoll;  // clock offset, watcher state
    QDateTime m_preflightStartUtc;
    QDateTime m_preflightEndUtc;
    QDateTime m_difusorShown; // the cut our site showed at its first answer
    bool m_difusorAnswered = false;

    qint64 m_drillId = 0;
    QDateTime m_startedUtc;
    QDateTime m_observedFromUtc; // max(window start, when watching began)
    QDateTime m_observedUntilUtc;
    QString m_abortReason;
    QTimer m_windowTimer; // opens, then closes the window
    QTimer m_liveTimer;
    QTimer m_trafficTimer;
    QList<qint64> m_linked;

    // Traffic: the busiest second and minute seen in the window (sampled from the live series).
    std::optional<qint64> m_peakRps;
    QDateTime m_peakSecond;
    std::optional<qint64> m_peakRpm;
    QDateTime m_peakMinute;
    QHash<qint64, std::pair<qint64, qint64>> m_seconds; // second (UTC s) → (visitors' requests, console's)
    qint64 m_trafficRequests = 0; // visitors' requests in the window (the console's own apart)
    qint64 m_consoleRequests = 0;
    bool m_trafficRead = false;

    QJsonObject m_report;
    int m_exitCode = 1;
};

} // namespace difusor::drills

Q_DECLARE_METATYPE(difusor::drills::PreflightItem)
