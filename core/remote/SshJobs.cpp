// SshWorker: the life of a job (submit, result, cancel, failure) apart from its channel I/O.
#include "SshJobState.h"

#include "common/Tr.h"

#include <utility>
#include <vector>

namespace difusor::remote {

void SshWorker::submit(const JobSpec &spec)
{
    auto job = std::make_unique<Job>(spec);
    job->clock.start();
    if (spec.kind == JobSpec::Kind::Download) {
        // Resume: keep the local file up to offset, append the rest.
        job->file.setFileName(spec.localPath);
        const bool exists = job->file.exists();
        QString problem;
        if (spec.offset > 0 && (!exists || job->file.size() < spec.offset))
            problem = Tr::tr("el archivo local %1 tiene menos de %2 bytes").arg(spec.localPath).arg(spec.offset);
        else if (!job->file.open(spec.offset > 0 ? QIODevice::ReadWrite : QIODevice::WriteOnly | QIODevice::Truncate)
                 || !job->file.resize(spec.offset) || !job->file.seek(spec.offset))
            problem = job->file.errorString();
        if (!problem.isEmpty()) {
            CommandResult r;
            r.error = RemoteError::LocalIo;
            r.errorText = errorText(RemoteError::LocalIo, problem);
            Q_EMIT jobFinished(spec.id, r);
            return;
        }
        job->bytesDone = spec.offset;
    }
    if (m_phase == Phase::Idle || m_phase == Phase::Failed) {
        CommandResult r;
        r.error = RemoteError::Disconnected;
        r.errorText = Tr::tr("No hay conexión con el servidor.");
        Q_EMIT jobFinished(spec.id, r);
        return;
    }
    m_queue.append(spec.id);
    m_jobs.emplace(spec.id, std::move(job));
    startQueued();
    updatePumpTimers();
}

void SshWorker::releaseJob(Job &job)
{
    if (!job.channel)
        return;
    BlockingMode nb(m_session, false);
    ssh_remove_channel_callbacks(job.channel, &job.callbacks);
    ssh_channel_free(job.channel);
    job.channel = nullptr;
}

CommandResult SshWorker::partialResult(Job &job, RemoteError error, const QString &text)
{
    CommandResult r;
    r.durationMs = job.clock.elapsed();
    r.exitStatus = job.gotExit ? job.exitStatus : -1;
    r.stdOutTruncated = job.out.truncated();
    r.stdOut = job.out.take();
    r.stdErrTruncated = job.err.truncated();
    r.stdErr = job.err.take();
    if (job.spec.kind == JobSpec::Kind::Stream) {
        job.pendingLines += job.splitter.flush();
        if (!job.pendingLines.isEmpty())
            Q_EMIT jobLines(job.spec.id, std::exchange(job.pendingLines, {}));
    }
    if (job.spec.kind == JobSpec::Kind::Download && job.file.isOpen()) {
        job.file.close();
        Q_EMIT jobProgress(job.spec.id, job.bytesDone, job.bytesTotal);
    }
    r.error = error;
    r.errorText = text;
    return r;
}

void SshWorker::finishJob(quint64 id, CommandResult result)
{
    auto it = m_jobs.find(id);
    if (it != m_jobs.end()) {
        releaseJob(*it->second);
        m_jobs.erase(it);
    }
    m_queue.removeAll(id);
    Q_EMIT jobFinished(id, result);
    updatePumpTimers();
}

void SshWorker::completeJob(Job &job)
{
    CommandResult r = partialResult(job, RemoteError::None, {});
    if (!job.gotExit) {
        r.error = RemoteError::Other;
        r.errorText = job.exitSignal.isEmpty()
                          ? Tr::tr("El servidor cerró el canal sin dar el estado de salida.")
                          : Tr::tr("La orden terminó por la señal %1.").arg(job.exitSignal);
    } else if (job.spec.kind == JobSpec::Kind::Download) {
        if (job.ioError) {
            r.error = RemoteError::LocalIo;
            r.errorText = errorText(RemoteError::LocalIo, job.ioErrorText);
        } else if (r.exitStatus != 0) {
            r.error = RemoteError::Other;
            r.errorText = Tr::tr("No se pudo leer %1 en el servidor: %2")
                              .arg(job.spec.remotePath, QString::fromUtf8(r.stdErr).trimmed());
        }
    }
    classifyExit(r, job.spec.command);
    finishJob(job.spec.id, r);
}

void SshWorker::stopJob(Job &job, RemoteError error, const QString &text)
{
    // Report now; the remote process group is killed as soon as its id is known.
    if (job.reported)
        return;
    const CommandResult r = partialResult(job, error, text);
    if (!job.channel) {
        finishJob(job.spec.id, r);
        return;
    }
    job.reported = true;
    job.reportedAtMs = job.clock.elapsed();
    {
        BlockingMode nb(m_session, false);
        ssh_channel_request_send_signal(job.channel, "TERM");
    }
    if (job.pidKnown && job.pgid > 0 && !job.killSent) {
        sendGroupKill(job.pgid);
        job.killSent = true;
    }
    Q_EMIT jobFinished(job.spec.id, r);
}

void SshWorker::cancelJob(quint64 id)
{
    auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return;
    stopJob(*it->second, RemoteError::Cancelled, errorText(RemoteError::Cancelled));
    updatePumpTimers();
}

void SshWorker::failAllJobs(RemoteError error, const QString &text, bool includeQueued)
{
    std::vector<quint64> ids;
    for (const auto &entry : m_jobs)
        ids.push_back(entry.first);
    for (const quint64 id : ids) {
        auto it = m_jobs.find(id);
        if (it == m_jobs.end())
            continue;
        Job &job = *it->second;
        if (job.reported) {
            releaseJob(job);
            m_jobs.erase(it);
        } else if (job.channel || includeQueued) {
            finishJob(id, partialResult(job, error, text));
        }
    }
    updatePumpTimers();
}

} // namespace difusor::remote
