#pragma once

#include "common/Profile.h"
#include "remote/Backoff.h"
#include "remote/JobOutput.h"
#include "remote/RemoteHost.h"
#include "remote/SshHost.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QList>
#include <QObject>

#include <libssh/libssh.h>

#include <functional>
#include <map>
#include <memory>
#include <mutex>

class QSocketNotifier;
class QTimer;

namespace difusor::remote {

// What the GUI side asks the worker to do for one job.
struct JobSpec
{
    quint64 id = 0;
    enum class Kind { Run, Stream, Download } kind = Kind::Run;
    QString command;      // as the caller gave it (download: the generated tail command)
    QByteArray stdinData;
    int timeoutMs = 0;    // 0: none
    qint64 outputCap = 16 * 1024 * 1024;
    QString localPath;    // download
    QString remotePath;   // download
    qint64 offset = 0;    // download
};

struct WorkerConfig
{
    difusor::Profile profile;
    QString knownHostsFile;           // ours: read first, and where a trusted new key is saved
    QStringList otherKnownHostsFiles; // read after ours, never written (OpenSSH's, when the profile names no file)
    QString sshConfigFile;
    SshTimings timings;
};

// Shared by an SshHost (GUI thread) and its worker: how the GUI thread cuts short a blocking libssh
// step without touching libssh, which is not thread-safe. It only bumps an epoch (the worker checks it
// between steps) and shuts the socket down (a syscall on a kernel object, not on libssh's memory), so a
// blocking poll inside libssh returns at once and the step fails. The worker publishes its socket here
// and withdraws it before libssh closes it, both under the mutex: the fd shut down is always ours.
class SshInterrupt final
{
public:
    // GUI side. Abandons the run started with an older epoch; shuts the socket down when the worker is
    // in a step worth cutting (connect, host key, authentication), or always with `force` (at exit).
    void abort(bool force);
    quint64 epoch() const;

    // Worker side.
    bool publish(int fd, quint64 epoch); // false (nothing published) when the run was abandoned already
    void setInterruptible(bool interruptible);
    void withdraw(); // before the socket is closed
    bool aborted(quint64 epoch) const;

private:
    mutable std::mutex m_mutex;
    quint64 m_epoch = 0;
    int m_fd = -1;
    bool m_interruptible = false;
};

class SshWorker;

// One call for the worker, posted to it as an event (SshHost's only way in). An event we construct and
// post ourselves, so the hand-over is told to ThreadSanitizer (common/TsanHandoff.h); Qt deletes it on
// the worker's thread after it ran. Pending calls go with the worker if it is deleted first.
class WorkerCall final : public QEvent
{
public:
    static QEvent::Type eventType();
    explicit WorkerCall(std::function<void(SshWorker *)> call);
    std::function<void(SshWorker *)> call;
};

// Lives on the SSH thread and owns the libssh session: connect, host key, authentication,
// channels, keepalive and reconnect. Everything it tells the outside goes through signals.
class SshWorker final : public QObject
{
    Q_OBJECT
public:
    SshWorker(const WorkerConfig &config, std::shared_ptr<SshInterrupt> interrupt);
    ~SshWorker() override;

    // Called through queued invocations from SshHost.
    void setConfig(const WorkerConfig &config); // applies from the next connect
    void start(quint64 epoch); // epoch: SshInterrupt::epoch() when asked; an older one is not started
    void stop(const QString &reason = {});
    void submit(const JobSpec &spec);
    void cancelJob(quint64 id);
    void ackLines(quint64 id); // the GUI took one jobLines() batch
    void answerHostKey(bool trust);
    void provideSecret(const QString &secret);
    void cancelSecret();

    struct Job; // public only so libssh's C callbacks can name it

protected:
    bool event(QEvent *event) override; // runs WorkerCall events

Q_SIGNALS:
    void stateChanged(difusor::remote::ConnectionState state, const QString &reason);
    void roundTripMeasured(qint64 milliseconds);
    void hostKeyUnknown(const difusor::remote::HostKeyInfo &info);
    void hostKeyChanged(const difusor::remote::HostKeyInfo &info);
    // Known, or just trusted: before Connected. `file`: where the key is on record (saved: just written there).
    void hostKeyVerified(const QString &fingerprint, const QString &file, bool saved);
    void secretRequested(const difusor::remote::SecretRequest &request);
    void jobLines(quint64 id, const QList<QByteArray> &lines);
    void jobProgress(quint64 id, qint64 done, qint64 total);
    void jobFinished(quint64 id, const difusor::remote::CommandResult &result);

private:
    enum class Phase { Idle, Connecting, WaitHostKey, Authenticating, WaitSecret, Connected, WaitReconnect, Failed };

    // Connection (SshWorker.cpp)
    void setState(ConnectionState state, const QString &reason = {});
    void attemptConnect();
    bool checkHostKey();
    void afterHostKey();
    void connectionFailed(RemoteError error, const QString &text);
    void linkLost(const QString &reason);
    void becomeConnected();
    void dropSession();
    void sendProbe();
    void quickAck();
    int openSessionChannel(ssh_channel channel);
    void applyTimeout(int ms);
    bool abandoned() const; // the GUI side disconnected or went away since start(): stop quietly
    int connectSession(QString *timeoutText);

    // Authentication (SshAuth.cpp)
    void beginAuth();
    void continueAuth();
    bool loadKey(const QByteArray &passphrase, bool *needPassphrase);
    void askSecret(SecretRequest::Kind kind, const QString &prompt, bool echo);
    QString offeredMethodsText() const;
    void authRejected(const QString &what);
    void kbdintStep();

    // Channels (SshChannels.cpp)
    void startQueued();
    bool openChannel(Job &job);
    void pump();
    bool drain(Job &job);
    void finishJob(quint64 id, CommandResult result);
    void failAllJobs(RemoteError error, const QString &text, bool includeQueued);
    void releaseChannels();
    bool writeStdin(Job &job); // true when it wrote (or sent EOF)
    void drainKillChannels();
    void completeJob(Job &job);
    CommandResult partialResult(Job &job, RemoteError error, const QString &text);
    void releaseJob(Job &job);
    void stopJob(Job &job, RemoteError error, const QString &text);
    void sendGroupKill(qint64 pgid);
    void flushKills();
    void killRunningGroups();
    int channelsInUse() const;
    void handleStdout(Job &job, const QByteArray &data);
    void emitLines(Job &job);
    void updatePumpTimers();

    WorkerConfig m_config;
    std::shared_ptr<SshInterrupt> m_interrupt;
    quint64 m_runEpoch = 0;
    ssh_session m_session = nullptr;
    Phase m_phase = Phase::Idle;
    ConnectionState m_state = ConnectionState::Disconnected;
    bool m_everConnected = false;
    Backoff m_backoff;
    QTimer *m_reconnectTimer = nullptr;
    QTimer *m_keepaliveTimer = nullptr;
    QTimer *m_pumpTimer = nullptr;
    QSocketNotifier *m_notifier = nullptr;
    QString m_effectiveHost; // after ~/.ssh/config (HostName, Port)
    int m_effectivePort = 22;
    HostKeyInfo m_pendingKey;
    QByteArray m_pendingBlob;

    // Authentication state, kept in memory across reconnects (never written anywhere).
    ssh_key m_privateKey = nullptr;
    QByteArray m_password;
    int m_passphraseTries = 0;
    int m_kbdPrompt = 0;
    int m_kbdCount = 0;
    bool m_pumping = false;
    enum class SecretFor { None, Passphrase, Password, Kbdint } m_secretFor = SecretFor::None;

    std::map<quint64, std::unique_ptr<Job>> m_jobs; // running (channel open) and queued
    QList<quint64> m_queue;
    QList<ssh_channel> m_killChannels; // fire-and-forget group kills still draining
    QList<qint64> m_pendingKills;      // process groups to kill when a channel is free
    QDeadlineTimer m_openHold;         // after a refused open: no new channel before this
};

} // namespace difusor::remote
