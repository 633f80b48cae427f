#include "SshHost.h"

#include "SshWorker.h"
#include "common/Tr.h"

#include <QDir>
#include <QPointer>
#include <QStandardPaths>
#include <QThread>

#include <map>

namespace difusor::remote {

namespace {
// The GUI-side handle of a job: forwards cancel() to the worker.
class SshJob final : public RemoteJob
{
public:
    SshJob(SshWorker *worker, quint64 id, QObject *parent) : RemoteJob(parent), m_worker(worker), m_id(id) {}
    void cancel() override
    {
        if (m_cancelled)
            return;
        m_cancelled = true;
        SshWorker *worker = m_worker;
        const quint64 id = m_id;
        QMetaObject::invokeMethod(worker, [worker, id] { worker->cancelJob(id); }, Qt::QueuedConnection);
    }
private:
    SshWorker *m_worker;
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
    QThread *thread = nullptr;
    SshWorker *worker = nullptr;
    quint64 nextId = 1;
    std::map<quint64, QPointer<SshJob>> jobs;
    std::map<quint64, CommandLogEntry> log;

    template<typename F>
    void post(F &&f)
    {
        SshWorker *w = worker;
        QMetaObject::invokeMethod(w, [w, f = std::forward<F>(f)] { f(w); }, Qt::QueuedConnection);
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

    m_d->thread = new QThread;
    m_d->thread->setObjectName(QStringLiteral("ssh ") + displayName());
    m_d->worker = new SshWorker(m_d->config);
    m_d->worker->moveToThread(m_d->thread);
    SshWorker *w = m_d->worker;

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
    m_d->thread->start();
}

SshHost::~SshHost()
{
    SshWorker *w = m_d->worker;
    QMetaObject::invokeMethod(
        w,
        [w] {
            delete w; // in its own thread: timers and the session go with it
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_d->thread->wait();
    delete m_d->thread;
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
    m_d->post([](SshWorker *w) { w->start(); });
}
void SshHost::disconnectFromHost()
{
    m_d->post([](SshWorker *w) { w->stop(Tr::tr("Desconectado por el usuario.")); });
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
    auto *job = new SshJob(d.worker, spec.id, host);
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
