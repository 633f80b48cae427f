#pragma once

#include "common/Profile.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace difusor::sandbox {

// The faults a rehearsal can inject. The command-line names are faultId() ("late_cut", …).
enum class FaultKind {
    LateCut,      // the next cut reaches the difusor delayS seconds late (official on time)
    SkippedCut,   // the next cut is never published
    StaleSite,    // cuts land, but the difusor page keeps the old cut for durationS
    SiteDown,     // the difusor's nginx is stopped for durationS, then started again
    ServerErrors, // the difusor answers 503 to every page request for durationS
    TrafficSpike, // visitor rate x factor for durationS
    BackwardsCut, // the next cut carries an earlier time (and fewer actas) than the last one
    ClockSkew,    // the published times (cut line, page, JSON, file times) are off by offsetS for durationS
    LogRotation,  // the difusor access log is rotated (rename + nginx reopen, or copytruncate)
};

struct FaultArgs
{
    int durationS = 0;         // lasting faults; 0: the kind's default
    int delayS = 0;            // LateCut; 0: default (2.5 cut intervals)
    double factor = 0;         // TrafficSpike; 0: default (5)
    int offsetS = 0;           // ClockSkew; 0: default (+300)
    bool copyTruncate = false; // LogRotation: copy then truncate instead of rename + reopen
};

struct FaultDescription
{
    FaultKind kind;
    QString id;          // command-line name, e.g. "late_cut"
    QString title;       // translated, for the "Simulación" menu
    QString description; // translated, one sentence
    bool lasting;        // has a fault_end
    QString arguments;   // command-line arguments it takes, e.g. "[--duration S]"
};

QString faultId(FaultKind kind);
std::optional<FaultKind> faultFromId(const QString &id);

struct SandboxOptions
{
    int cutIntervalS = 60;          // real seconds between cuts (each cut is 15 simulated minutes)
    double visitorsPerSecond = 30;  // visitor requests per second; 0 disables the visitors
    int pushDelayMs = 2000;         // official publication -> rsync push to the difusor
    int publishDelayMs = 1000;      // cut landed -> difusor page and JSON updated
    QString profileOut;             // also save the profile here (it is always in stateDir()/profile.json)
    QString stateDirTemplate;       // empty: QDir::tempPath() + "/difusor-sandbox-XXXXXX"
    bool keepStateDir = false;      // keep the state folder after stop (for post-mortems)
};

enum class SandboxState { Idle, Starting, Ready, Stopping, Stopped, Failed };

class SandboxPrivate;

// The sandbox difusor: real sshd, rsync daemon and nginx (difusor + official PREP sites) on 127.0.0.1,
// a simulated IEPC publisher, visitors, and faults on demand. Everything runs from the event loop of the
// thread that owns it (never blocks); every process it starts dies with it, also if the console is
// killed (a watchdog process tears the trees down).
class Sandbox final : public QObject
{
    Q_OBJECT
public:
    explicit Sandbox(SandboxOptions options = {}, QObject *parent = nullptr);
    ~Sandbox() override; // kills whatever still runs (no graceful wait)

    // Asynchronous: progress()… then ready() or failed(). Call once.
    void start();
    // Asynchronous: stops every process and timer, then stopped() (within ~2 s).
    void stop();

    SandboxState state() const;
    // Valid after ready(): a profile for this difusor, host key already trusted.
    difusor::Profile profile() const;
    QString stateDir() const;
    QString groundTruthPath() const;
    QString controlPath() const; // local socket of the control channel ("sandbox fault" talks to it)

    // Injects a fault into the running sandbox (state Ready). False with a translated error otherwise.
    bool injectFault(FaultKind kind, const FaultArgs &args, QString *error = nullptr);
    static QList<FaultDescription> faults();
    // A drill's rollback: every fault in progress ends now (timed ones are undone at once, those still
    // waiting for their cut are called off, a late cut already queued is pushed now). Their fault_end
    // records say "early": true. Returns the ids of the faults it ends (some end a moment later: the
    // site's nginx answering again, the late cut landing).
    QStringList endFaults();

    // Empty when sshd, nginx, rsync, ssh-keygen are all installed; else one translated message naming
    // the Debian packages to install.
    static QString missingProgramsMessage();
    // The same, with the lookup given (tests): installed("nginx") tells whether that program exists.
    static QString missingProgramsMessage(const std::function<bool(const QString &program)> &installed);

Q_SIGNALS:
    void progress(const QString &message); // translated, for a splash or status bar
    void ready();
    void failed(const QString &message);   // translated; everything started has been stopped
    void stopped();
    void groundTruthEvent(const QJsonObject &record); // each ground-truth line as it is written

private:
    void onServersReady();
    void shutDown();
    QJsonObject handleControl(const QJsonObject &request);
    void endFault(FaultKind kind, const QString &cut = QString());
    void endFaultAfter(FaultKind kind, int seconds, const std::function<void()> &undo);

    std::unique_ptr<SandboxPrivate> d;
};

} // namespace difusor::sandbox
