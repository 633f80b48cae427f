#include "LocalHost.h"

#include "JobOutput.h"
#include "common/Tr.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QPointer>
#include <QProcess>
#include <QTimer>

#include <csignal>

#include <unistd.h>

namespace difusor::remote {

namespace {
constexpr qint64 CopyChunk = 1024 * 1024;

// One command as a QProcess in its own process group (setsid), so cancel ends the whole tree.
class LocalJob final : public RemoteJob
{
public:
    enum class Kind { Run, Stream, Download, Output };

    LocalJob(Kind kind, qint64 cap, QObject *parent) : RemoteJob(parent), m_kind(kind), m_out(cap), m_err(qMin<qint64>(cap, 1024 * 1024))
    {
        m_clock.start();
    }

    void startProcess(const QString &command, const QByteArray &stdinData, int timeoutMs, QObject *processOwner)
    {
        m_command = command;
        m_process = new QProcess(processOwner);
        m_process->setProgram(QStringLiteral("/bin/sh"));
        m_process->setArguments({QStringLiteral("-c"), command});
        m_process->setChildProcessModifier([] { ::setsid(); });
        QProcess *p = m_process;
        connect(p, &QProcess::readyReadStandardOutput, this, [this, p] { onStdout(p->readAllStandardOutput()); });
        connect(p, &QProcess::readyReadStandardError, this, [this, p] { m_err.append(p->readAllStandardError()); });
        connect(p, &QProcess::finished, this, [this, p](int code, QProcess::ExitStatus status) {
            onStdout(p->readAllStandardOutput());
            m_err.append(p->readAllStandardError());
            CommandResult r = partial(RemoteError::None, {});
            if (status == QProcess::NormalExit) {
                r.exitStatus = code;
            } else {
                r.error = RemoteError::Other;
                r.errorText = Tr::tr("La orden terminó por una señal.");
            }
            classifyExit(r, m_command);
            report(r);
        });
        connect(p, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
            if (error == QProcess::FailedToStart)
                report(partial(RemoteError::Other, Tr::tr("No se pudo ejecutar /bin/sh: %1").arg(m_process->errorString())));
        });
        // The process outlives this job when cancelled; it is reaped, then deleted.
        connect(p, &QProcess::finished, p, &QObject::deleteLater);
        p->start();
        if (!stdinData.isEmpty())
            p->write(stdinData);
        p->closeWriteChannel();
        if (timeoutMs > 0) {
            QTimer::singleShot(timeoutMs, this, [this, timeoutMs] {
                stop(RemoteError::Timeout, Tr::tr("La orden no terminó en %1 s y se detuvo.").arg(timeoutMs / 1000.0));
            });
        }
    }

    void startCopy(const QString &source, const QString &target, qint64 offset)
    {
        m_command = QStringLiteral("copy ") + source;
        m_in.setFileName(source);
        m_copy.setFileName(target);
        QString problem;
        RemoteError kind = RemoteError::LocalIo;
        if (offset > 0 && (!m_copy.exists() || m_copy.size() < offset)) {
            problem = errorText(kind, Tr::tr("el archivo local %1 tiene menos de %2 bytes").arg(target).arg(offset));
        } else if (!m_in.open(QIODevice::ReadOnly) || !m_in.seek(offset)) {
            kind = RemoteError::Other;
            problem = Tr::tr("No se pudo leer %1: %2").arg(source, m_in.errorString());
        } else if (!m_copy.open(offset > 0 ? QIODevice::ReadWrite : QIODevice::WriteOnly | QIODevice::Truncate)
                   || !m_copy.resize(offset) || !m_copy.seek(offset)) {
            problem = errorText(kind, m_copy.errorString());
        }
        if (!problem.isEmpty()) {
            QTimer::singleShot(0, this, [this, kind, problem] { report(partial(kind, problem)); });
            return;
        }
        m_total = m_in.size();
        m_done = offset;
        // A chunk per event-loop turn: a big file never freezes the window.
        auto *timer = new QTimer(this);
        connect(timer, &QTimer::timeout, this, [this, timer] {
            const QByteArray chunk = m_in.read(CopyChunk);
            if (!chunk.isEmpty() && m_copy.write(chunk) != chunk.size()) {
                timer->stop();
                report(partial(RemoteError::LocalIo, errorText(RemoteError::LocalIo, m_copy.errorString())));
                return;
            }
            m_done += chunk.size();
            Q_EMIT progress(m_done, m_total);
            if (chunk.size() < CopyChunk) {
                timer->stop();
                m_copy.close();
                CommandResult r = partial(RemoteError::None, {});
                r.exitStatus = 0;
                report(r);
            }
        });
        timer->start(0);
    }

    // downloadOutput(): the command's stdout into target, kept up to offset (the command skips as much).
    bool openOutput(const QString &target, qint64 offset)
    {
        m_copy.setFileName(target);
        QString problem;
        if (offset > 0 && (!m_copy.exists() || m_copy.size() < offset))
            problem = Tr::tr("el archivo local %1 tiene menos de %2 bytes").arg(target).arg(offset);
        else if (!m_copy.open(offset > 0 ? QIODevice::ReadWrite : QIODevice::WriteOnly | QIODevice::Truncate)
                 || !m_copy.resize(offset) || !m_copy.seek(offset))
            problem = m_copy.errorString();
        if (!problem.isEmpty()) {
            QTimer::singleShot(0, this, [this, problem] {
                report(partial(RemoteError::LocalIo, errorText(RemoteError::LocalIo, problem)));
            });
            return false;
        }
        m_done = offset;
        return true;
    }

    void cancel() override { stop(RemoteError::Cancelled, errorText(RemoteError::Cancelled)); }

    std::function<void(const CommandResult &)> onReport;

private:
    void onStdout(const QByteArray &data)
    {
        if (data.isEmpty() || m_reported)
            return;
        if (m_kind == Kind::Stream) {
            const QList<QByteArray> lines = m_splitter.feed(data);
            if (!lines.isEmpty())
                Q_EMIT linesReady(lines);
        } else if (m_kind == Kind::Output) {
            if (m_copy.write(data) != data.size()) {
                stop(RemoteError::LocalIo, errorText(RemoteError::LocalIo, m_copy.errorString()));
                return;
            }
            m_done += data.size();
            Q_EMIT progress(m_done, -1);
        } else {
            m_out.append(data);
        }
    }

    CommandResult partial(RemoteError error, const QString &text)
    {
        CommandResult r;
        r.durationMs = m_clock.elapsed();
        r.stdOutTruncated = m_out.truncated();
        r.stdOut = m_out.take();
        r.stdErrTruncated = m_err.truncated();
        r.stdErr = m_err.take();
        if (m_kind == Kind::Stream) {
            const QList<QByteArray> rest = m_splitter.flush();
            if (!rest.isEmpty())
                Q_EMIT linesReady(rest);
        }
        if (m_kind == Kind::Output && m_copy.isOpen())
            m_copy.close();
        r.error = error;
        r.errorText = text;
        return r;
    }

    void stop(RemoteError error, const QString &text)
    {
        if (m_reported)
            return;
        if (m_process && m_process->state() != QProcess::NotRunning) {
            const pid_t group = pid_t(m_process->processId());
            ::kill(-group, SIGTERM);
            // KILL a second later whatever ignored TERM; the timer is owned by the process object.
            QPointer<QProcess> p = m_process;
            QTimer::singleShot(1000, p, [group, p] {
                if (p && p->state() != QProcess::NotRunning)
                    ::kill(-group, SIGKILL);
            });
        }
        report(partial(error, text));
    }

    void report(const CommandResult &result)
    {
        if (m_reported)
            return;
        m_reported = true;
        if (onReport)
            onReport(result);
        Q_EMIT finished(result);
        deleteLater();
    }

    Kind m_kind;
    QString m_command;
    QElapsedTimer m_clock;
    QPointer<QProcess> m_process;
    CappedBuffer m_out;
    CappedBuffer m_err;
    LineSplitter m_splitter;
    QFile m_in;
    QFile m_copy;
    qint64 m_done = 0;
    qint64 m_total = -1;
    bool m_reported = false;
};
} // namespace

LocalHost::LocalHost(QObject *parent) : RemoteHost(parent) {}
LocalHost::~LocalHost()
{
    // Whatever still runs goes with us, process group and all (QProcess alone would kill only sh).
    const QList<QProcess *> processes = findChildren<QProcess *>();
    for (QProcess *p : processes) {
        if (p->state() != QProcess::NotRunning && p->processId() > 0)
            ::kill(-pid_t(p->processId()), SIGKILL);
    }
}
void LocalHost::setOutputCap(qint64 bytes) { m_outputCap = bytes; }
void LocalHost::connectToHost() { Q_EMIT stateChanged(ConnectionState::Connected, {}); }
void LocalHost::disconnectFromHost() {}
ConnectionState LocalHost::state() const { return ConnectionState::Connected; }
QString LocalHost::displayName() const
{
    return qEnvironmentVariable("USER", QStringLiteral("local")) + QStringLiteral("@localhost");
}

// Emits the audit entries around one job.
static void track(LocalHost *host, LocalJob *job, quint64 id, const QString &command, const QString &kind)
{
    CommandLogEntry entry;
    entry.id = id;
    entry.command = command;
    entry.kind = kind;
    entry.startedUtc = QDateTime::currentDateTimeUtc();
    Q_EMIT host->commandStarted(entry);
    QPointer<LocalHost> guard = host;
    job->onReport = [guard, entry](const CommandResult &r) mutable {
        entry.durationMs = r.durationMs;
        entry.exitStatus = r.exitStatus;
        entry.error = r.error;
        entry.errorText = r.errorText;
        if (guard)
            Q_EMIT guard->commandEnded(entry);
    };
}

RemoteJob *LocalHost::run(const QString &command, const QByteArray &stdinData, int timeoutMs)
{
    auto *job = new LocalJob(LocalJob::Kind::Run, m_outputCap, this);
    track(this, job, m_nextId++, logCommand(command), QStringLiteral("run"));
    job->startProcess(command, stdinData, timeoutMs, this);
    return job;
}

RemoteJob *LocalHost::stream(const QString &command, const QByteArray &stdinData)
{
    auto *job = new LocalJob(LocalJob::Kind::Stream, m_outputCap, this);
    track(this, job, m_nextId++, logCommand(command), QStringLiteral("stream"));
    job->startProcess(command, stdinData, 0, this);
    return job;
}

RemoteJob *LocalHost::download(const QString &remotePath, const QString &localPath, qint64 offset)
{
    auto *job = new LocalJob(LocalJob::Kind::Download, m_outputCap, this);
    track(this, job, m_nextId++, QStringLiteral("copy ") + shellQuote(remotePath), QStringLiteral("download"));
    job->startCopy(remotePath, localPath, qMax<qint64>(0, offset));
    return job;
}

RemoteJob *LocalHost::downloadOutput(const QString &command, const QString &localPath, qint64 offset)
{
    auto *job = new LocalJob(LocalJob::Kind::Output, m_outputCap, this);
    offset = qMax<qint64>(0, offset);
    QString c = QStringLiteral("( ") + command + QStringLiteral(" )");
    if (offset > 0)
        c += QStringLiteral(" | tail -c +") + QString::number(offset + 1);
    track(this, job, m_nextId++, c, QStringLiteral("download"));
    if (job->openOutput(localPath, offset))
        job->startProcess(c, {}, 0, this);
    return job;
}

void LocalHost::answerHostKey(bool) {}
void LocalHost::provideSecret(const QString &) {}
void LocalHost::cancelSecret() {}

} // namespace difusor::remote
