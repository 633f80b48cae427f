#include "SshHost.h"

#include "SshWorker.h"
#include "common/Tr.h"
#include "common/TsanHandoff.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QPointer>
#include <QStandardPaths>
#include <QThread>

#include <map>
#include <mutex>
#include <vector>

namespace difusor::remote {

namespace {
// The GUI side's way to the worker. Touched on the GUI thread only: ~SshHost posts the worker's end
// and clears `worker`, so nothing (a job cancelled while its host is being destroyed, say) can post
// to a worker that may already be gone.
struct WorkerLink
{
    SshWorker *worker = nullptr;

    template<typename F>
    void post(F &&f) const
    {
        if (!worker)
            return;
        auto *call = new WorkerCall(std::forward<F>(f));
        tsanRelease(call); // everything the call carries is written: the worker acquires it
        QCoreApplication::postEvent(worker, call);
    }
};

// Worker threads outlive their SshHost: ~SshHost never waits for one (a blocking connect or channel
// open would freeze the window). A finished thread is deleted from the GUI thread's event loop; the
// ones still running when the application ends are finished here, after the event loop, so that no
// thread is left running (writing into freed memory) during static destruction.
class SshThreads final
{
public:
    static SshThreads &instance()
    {
        static SshThreads threads; // never destroyed before the post routine ran (it is registered later)
        return threads;
    }

    void add(QThread *thread, std::shared_ptr<SshInterrupt> interrupt)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (!m_routineAdded) {
            qAddPostRoutine(&SshThreads::finishAll);
            m_routineAdded = true;
        }
        m_threads.push_back({thread, std::move(interrupt)});
    }
    void remove(QThread *thread)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        for (auto it = m_threads.begin(); it != m_threads.end(); ++it) {
            if (it->thread == thread) {
                m_threads.erase(it);
                return;
            }
        }
    }

    // At QCoreApplication's destruction (GUI thread). A connected worker gets a moment to kill what
    // it started on the server; then every socket is shut down, so blocking libssh calls return.
    static void finishAll()
    {
        SshThreads &self = instance();
        std::vector<Entry> threads;
        {
            std::lock_guard<std::mutex> lock(self.m_mutex);
            threads.swap(self.m_threads);
        }
        QDeadlineTimer grace(2000);
        for (const Entry &e : threads)
            e.thread->wait(grace);
        for (const Entry &e : threads)
            e.interrupt->abort(true);
        QDeadlineTimer last(3000); // a name lookup in progress cannot be interrupted
        for (const Entry &e : threads) {
            if (e.thread->wait(last))
                delete e.thread;
            else
                qWarning("difusor: an SSH thread is still running at exit (%s)", qPrintable(e.thread->objectName()));
        }
    }

private:
    struct Entry
    {
        QThread *thread;
        std::shared_ptr<SshInterrupt> interrupt;
    };
    std::mutex m_mutex;
    std::vector<Entry> m_threads;
    bool m_routineAdded = false;
};

// The worker's thread: unregisters itself when deleted (after it finished).
class SshThread final : public QThread
{
public:
    using QThread::QThread;
    ~SshThread() override { SshThreads::instance().remove(this); }
};

// The GUI-side handle of a job: forwards cancel() to the worker.
class SshJob final : public RemoteJob
{
public:
    SshJob(std::shared_ptr<WorkerLink> link, quint64 id, QObject *parent)
        : RemoteJob(parent)
        , m_link(std::move(link))
        , m_id(id)
    {
    }
    void cancel() override
    {
        if (m_cancelled)
            return;
        m_cancelled = true;
        const quint64 id = m_id;
        m_link->post([id](SshWorker *worker) { worker->cancelJob(id); });
    }
private:
    std::shared_ptr<WorkerLink> m_link;
    quint64 m_id;
    bool m_cancelled = false;
};
} // namespace

struct SshHost::Private
{
    WorkerConfig config;
    qint64 outputCap = 16 * 1024 * 1024;
    ConnectionState state = ConnectionState::Disconnected;
    QString fingerprint;
    QString keySource; // the known_hosts file that vouched for the key
    std::shared_ptr<WorkerLink> link = std::make_shared<WorkerLink>();
    std::shared_ptr<SshInterrupt> interrupt = std::make_shared<SshInterrupt>();
    quint64 nextId = 1;
    std::map<quint64, QPointer<SshJob>> jobs;
    std::map<quint64, CommandLogEntry> log;

    template<typename F>
    void post(F &&f)
    {
        link->post(std::forward<F>(f));
    }
};

SshHost::SshHost(const difusor::Profile &profile, QObject *parent)
    : RemoteHost(parent)
    , m_d(std::make_unique<Private>())
{
    m_d->config.profile = profile;
    m_d->config.knownHostsFile = profile.knownHostsFile.isEmpty() ? defaultKnownHostsFile() : profile.knownHostsFile;
    if (profile.knownHostsFile.isEmpty())
        m_d->config.otherKnownHostsFiles = openSshKnownHostsFiles();
    m_d->config.sshConfigFile = QDir::homePath() + QStringLiteral("/.ssh/config");

    auto *thread = new SshThread;
    thread->setObjectName(QStringLiteral("ssh ") + displayName());
    // Deleted by the GUI thread's event loop once it has finished (see ~SshHost), or at exit.
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    SshThreads::instance().add(thread, m_d->interrupt);
    auto *w = new SshWorker(m_d->config, m_d->interrupt);
    w->moveToThread(thread);
    m_d->link->worker = w;

    connect(w, &SshWorker::stateChanged, this, [this](ConnectionState s, const QString &reason) {
        m_d->state = s;
        Q_EMIT stateChanged(s, reason);
    });
    connect(w, &SshWorker::roundTripMeasured, this, &SshHost::roundTripMeasured);
    connect(w, &SshWorker::hostKeyUnknown, this, &SshHost::hostKeyUnknown);
    connect(w, &SshWorker::hostKeyChanged, this, &SshHost::hostKeyChanged);
    connect(w, &SshWorker::hostKeyVerified, this, [this](const QString &fingerprint, const QString &file, bool saved) {
        m_d->fingerprint = fingerprint;
        m_d->keySource = file;
        Q_EMIT hostKeyAccepted(fingerprint, file, saved);
    });
    connect(w, &SshWorker::secretRequested, this, &SshHost::secretRequested);
    connect(w, &SshWorker::jobLines, this, [this](quint64 id, const QList<QByteArray> &lines) {
        const auto it = m_d->jobs.find(id);
        if (it != m_d->jobs.end() && it->second)
            Q_EMIT it->second->linesReady(lines);
        m_d->post([id](SshWorker *worker) { worker->ackLines(id); }); // taken: the worker may read on
    });
    connect(w, &SshWorker::jobProgress, this, [this](quint64 id, qint64 done, qint64 total) {
        const auto it = m_d->jobs.find(id);
        if (it != m_d->jobs.end() && it->second)
            Q_EMIT it->second->progress(done, total);
    });
    connect(w, &SshWorker::jobFinished, this, [this](quint64 id, const CommandResult &result) {
        const auto logIt = m_d->log.find(id);
        if (logIt != m_d->log.end()) {
            CommandLogEntry entry = logIt->second;
            m_d->log.erase(logIt);
            entry.durationMs = result.durationMs;
            entry.exitStatus = result.exitStatus;
            entry.error = result.error;
            entry.errorText = result.errorText;
            Q_EMIT commandEnded(entry);
        }
        const auto it = m_d->jobs.find(id);
        if (it == m_d->jobs.end())
            return;
        QPointer<SshJob> job = it->second;
        m_d->jobs.erase(it);
        if (job) {
            Q_EMIT job->finished(result);
            job->deleteLater();
        }
    });
    thread->start();
}

// Never waits for the worker: it may be inside a blocking libssh call (connect, channel open) for up
// to the connect timeout. The worker finishes on its own thread (killing what it started on the
// server when connected) and that thread then ends and is deleted. Its signals die with this object's
// connections, so nothing it says later reaches freed memory.
SshHost::~SshHost()
{
    // Our connections to the worker go first, while it surely lives: otherwise ~QObject would walk
    // them (reading the worker) at the moment the worker's thread destroys it.
    if (m_d->link->worker)
        disconnect(m_d->link->worker, nullptr, this, nullptr);
    m_d->post([](SshWorker *w) {
        delete w; // in its own thread: timers and the session go with it
        QThread::currentThread()->quit();
    });
    m_d->link->worker = nullptr; // nothing posts to it any more (jobs being destroyed after us included)
    // A connect or authentication in progress is cut short; a connected session is left to close cleanly.
    m_d->interrupt->abort(false);
}

void SshHost::setKnownHostsFile(const QString &path)
{
    m_d->config.knownHostsFile = path;
    m_d->config.otherKnownHostsFiles.clear();
    const WorkerConfig c = m_d->config;
    m_d->post([c](SshWorker *w) { w->setConfig(c); });
}
QString SshHost::knownHostsFile() const { return m_d->config.knownHostsFile; }
QString SshHost::defaultKnownHostsFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/known_hosts");
}
QStringList SshHost::openSshKnownHostsFiles()
{
    const QString ssh = QDir::homePath() + QStringLiteral("/.ssh/");
    return {ssh + QStringLiteral("known_hosts"), ssh + QStringLiteral("known_hosts2"),
            QStringLiteral("/etc/ssh/ssh_known_hosts"), QStringLiteral("/etc/ssh/ssh_known_hosts2")};
}
QString SshHost::hostKeySource() const { return m_d->keySource; }
void SshHost::setSshConfigFile(const QString &path)
{
    m_d->config.sshConfigFile = path;
    const WorkerConfig c = m_d->config;
    m_d->post([c](SshWorker *w) { w->setConfig(c); });
}
void SshHost::setTimings(const SshTimings &timings)
{
    m_d->config.timings = timings;
    const WorkerConfig c = m_d->config;
    m_d->post([c](SshWorker *w) { w->setConfig(c); });
}
SshTimings SshHost::timings() const { return m_d->config.timings; }
void SshHost::setOutputCap(qint64 bytes) { m_d->outputCap = bytes; }

void SshHost::connectToHost()
{
    const quint64 epoch = m_d->interrupt->epoch();
    m_d->post([epoch](SshWorker *w) { w->start(epoch); });
}
void SshHost::disconnectFromHost()
{
    m_d->post([](SshWorker *w) { w->stop(Tr::tr("Desconectado por el usuario.")); });
    m_d->interrupt->abort(false); // after the post: the worker sees the stop as soon as the connect gives up
}
ConnectionState SshHost::state() const { return m_d->state; }
QString SshHost::hostKeyFingerprint() const
{
    return m_d->fingerprint;
}

QString SshHost::displayName() const
{
    const Profile &p = m_d->config.profile;
    return (p.user.isEmpty() ? QString() : p.user + QLatin1Char('@')) + p.host + QLatin1Char(':')
           + QString::number(p.port);
}

static RemoteJob *submitJob(SshHost *host, SshHost::Private &d, JobSpec spec, const QString &logCommand,
                            const QString &kind)
{
    spec.id = d.nextId++;
    spec.outputCap = d.outputCap;
    auto *job = new SshJob(d.link, spec.id, host);
    d.jobs.emplace(spec.id, job);
    CommandLogEntry entry;
    entry.id = spec.id;
    entry.command = logCommand;
    entry.kind = kind;
    entry.startedUtc = QDateTime::currentDateTimeUtc();
    d.log.emplace(spec.id, entry);
    Q_EMIT host->commandStarted(entry);
    d.post([spec](SshWorker *w) { w->submit(spec); });
    return job;
}

RemoteJob *SshHost::run(const QString &command, const QByteArray &stdinData, int timeoutMs)
{
    JobSpec spec;
    spec.kind = JobSpec::Kind::Run;
    spec.command = command;
    spec.stdinData = stdinData;
    spec.timeoutMs = qMax(0, timeoutMs);
    return submitJob(this, *m_d, spec, logCommand(command), QStringLiteral("run"));
}

RemoteJob *SshHost::stream(const QString &command, const QByteArray &stdinData)
{
    JobSpec spec;
    spec.kind = JobSpec::Kind::Stream;
    spec.command = command;
    spec.stdinData = stdinData;
    return submitJob(this, *m_d, spec, logCommand(command), QStringLiteral("stream"));
}

RemoteJob *SshHost::download(const QString &remotePath, const QString &localPath, qint64 offset)
{
    JobSpec spec;
    spec.kind = JobSpec::Kind::Download;
    spec.command = downloadCommand(remotePath, qMax<qint64>(0, offset));
    spec.remotePath = remotePath;
    spec.localPath = localPath;
    spec.offset = qMax<qint64>(0, offset);
    return submitJob(this, *m_d, spec, spec.command, QStringLiteral("download"));
}

RemoteJob *SshHost::downloadOutput(const QString &command, const QString &localPath, qint64 offset)
{
    JobSpec spec;
    spec.kind = JobSpec::Kind::Download;
    spec.command = downloadOutputCommand(command, qMax<qint64>(0, offset));
    spec.remotePath = command; // for the error text
    spec.localPath = localPath;
    spec.offset = qMax<qint64>(0, offset);
    return submitJob(this, *m_d, spec, spec.command, QStringLiteral("download"));
}

void SshHost::answerHostKey(bool trustAndRemember)
{
    m_d->post([trustAndRemember](SshWorker *w) { w->answerHostKey(trustAndRemember); });
}
void SshHost::provideSecret(const QString &secret)
{
    m_d->post([secret](SshWorker *w) { w->provideSecret(secret); });
}
void SshHost::cancelSecret()
{
    m_d->post([](SshWorker *w) { w->cancelSecret(); });
}

} // namespace difusor::remote
