// SshWorker: channels of the one session (open, write stdin, read, kill), pumped without blocking.
#include "SshJobState.h"

#include "common/Tr.h"

#include <QScopeGuard>
#include <QSocketNotifier>
#include <QTimer>

#include <utility>
#include <vector>

#include <sys/socket.h>

namespace difusor::remote {

namespace {
// OpenSSH allows 10 sessions per connection (MaxSessions). The probe keeps one free; jobs may
// take at most 8, so a cancel always finds a channel for its kill.
constexpr int MaxChannels = 9;
constexpr int MaxJobChannels = 8;
constexpr int ReadChunk = 64 * 1024;
constexpr qint64 CancelGraceMs = 10000;
constexpr qsizetype MaxLinesPerBatch = 5000;
constexpr int MaxBatchesInFlight = 8;
// A refusal while other channels are open is most often the server's session limit counting a channel
// we have just closed: the job waits and tries again for this long before it is reported refused.
constexpr qint64 ChannelRetryMs = 3000;
constexpr int ChannelRetryDelayMs = 100;

void onExitStatus(ssh_session, ssh_channel, int status, void *userdata)
{
    auto *job = static_cast<SshWorker::Job *>(userdata);
    job->gotExit = true;
    job->exitStatus = status;
}

void onExitSignal(ssh_session, ssh_channel, const char *signal, int, const char *, const char *, void *userdata)
{
    auto *job = static_cast<SshWorker::Job *>(userdata);
    job->exitSignal = QString::fromUtf8(signal ? signal : "?");
}

void onClose(ssh_session, ssh_channel, void *userdata)
{
    static_cast<SshWorker::Job *>(userdata)->remoteClosed = true;
}
} // namespace

int SshWorker::channelsInUse() const
{
    int n = int(m_killChannels.size());
    for (const auto &entry : m_jobs)
        n += entry.second->channel ? 1 : 0;
    return n;
}

void SshWorker::startQueued()
{
    flushKills();
    while (!m_queue.isEmpty() && m_phase == Phase::Connected && m_openHold.hasExpired()
           && channelsInUse() + int(m_pendingKills.size()) < MaxJobChannels) {
        const quint64 id = m_queue.takeFirst();
        auto it = m_jobs.find(id);
        if (it != m_jobs.end())
            openChannel(*it->second);
    }
    updatePumpTimers();
}

bool SshWorker::openChannel(Job &job)
{
    const quint64 id = job.spec.id;
    BlockingMode blocking(m_session, true);
    ssh_channel channel = ssh_channel_new(m_session);
    if (!channel || openSessionChannel(channel) != SSH_OK) {
        const QString detail = QString::fromUtf8(ssh_get_error(m_session));
        if (channel)
            ssh_channel_free(channel);
        // Only an explicit refusal is the server's answer; silence until the timeout is a dead link.
        if (!ssh_is_connected(m_session) || !detail.contains(QLatin1String("Channel opening failure"))) {
            m_queue.prepend(id); // retried after the reconnect
            linkLost(Tr::tr("El servidor no respondió al abrir un canal (%1).").arg(detail));
            return false;
        }
        if (channelsInUse() > 0) {
            if (job.firstRefusalMs < 0)
                job.firstRefusalMs = job.clock.elapsed();
            if (job.clock.elapsed() - job.firstRefusalMs < ChannelRetryMs) {
                m_queue.prepend(id); // the pump timer tries again once the hold is over
                m_openHold.setRemainingTime(ChannelRetryDelayMs);
                return false;
            }
        }
        CommandResult r;
        r.error = RemoteError::ChannelRefused;
        r.errorText = errorText(RemoteError::ChannelRefused, detail);
        finishJob(id, r);
        return false;
    }
    job.channel = channel;
    ssh_callbacks_init(&job.callbacks);
    job.callbacks.userdata = &job;
    job.callbacks.channel_exit_status_function = onExitStatus;
    job.callbacks.channel_exit_signal_function = onExitSignal;
    job.callbacks.channel_close_function = onClose;
    ssh_set_channel_callbacks(channel, &job.callbacks);

    const QByteArray wrapped = wrapCommandForGroupKill(job.spec.command);
    if (ssh_channel_request_exec(channel, wrapped.constData()) != SSH_OK) {
        const QString detail = QString::fromUtf8(ssh_get_error(m_session));
        CommandResult r;
        r.error = RemoteError::ChannelRefused;
        r.errorText = errorText(RemoteError::ChannelRefused, detail);
        finishJob(id, r);
        return false;
    }
    writeStdin(job);
    return true;
}

bool SshWorker::writeStdin(Job &job)
{
    if (job.eofSent || !job.channel)
        return false;
    const QByteArray &data = job.spec.stdinData;
    // A few chunks per pass, not all the window takes: a big upload must not hold up the other channels'
    // output (the pump comes back for the rest).
    const qint64 startPos = job.stdinPos;
    while (job.stdinPos < data.size() && job.stdinPos - startPos < 4 * ReadChunk) {
        // Only what the remote window takes now: a blocking write could wait forever.
        const qint64 room = qMin<qint64>(ssh_channel_window_size(job.channel), data.size() - job.stdinPos);
        if (room <= 0)
            return job.stdinPos > startPos;
        const int n = ssh_channel_write(job.channel, data.constData() + job.stdinPos, quint32(qMin<qint64>(room, ReadChunk)));
        if (n <= 0)
            return job.stdinPos > startPos;
        job.stdinPos += n;
    }
    if (job.stdinPos < data.size())
        return true; // this pass's share is written
    ssh_channel_send_eof(job.channel);
    job.eofSent = true;
    return true;
}

void SshWorker::handleStdout(Job &job, const QByteArray &chunk)
{
    QByteArray data = chunk;
    if (!job.pidKnown || (job.spec.kind == JobSpec::Kind::Download && !job.sizeKnown)) {
        job.header += data;
        data.clear();
        while (!job.pidKnown || (job.spec.kind == JobSpec::Kind::Download && !job.sizeKnown)) {
            const int nl = job.header.indexOf('\n');
            if (nl < 0) {
                if (job.header.size() < 64)
                    return; // wait for the rest of the header line
                break;     // not our header after all: treat it as output
            }
            bool ok = false;
            const qint64 value = job.header.left(nl).trimmed().toLongLong(&ok);
            if (!ok)
                break;
            job.header.remove(0, nl + 1);
            if (!job.pidKnown) {
                job.pidKnown = true;
                job.pgid = value;
                if (job.reported && !job.killSent) {
                    sendGroupKill(job.pgid);
                    job.killSent = true;
                }
            } else {
                job.sizeKnown = true;
                job.bytesTotal = value;
            }
        }
        job.pidKnown = true;
        if (job.spec.kind == JobSpec::Kind::Download)
            job.sizeKnown = true;
        data = job.header;
        job.header.clear();
    }
    if (data.isEmpty() || job.reported)
        return;
    switch (job.spec.kind) {
    case JobSpec::Kind::Run: job.out.append(data); break;
    case JobSpec::Kind::Stream: job.pendingLines += job.splitter.feed(data); break;
    case JobSpec::Kind::Download:
        if (!job.ioError && job.file.write(data) != data.size()) {
            job.ioError = true;
            job.ioErrorText = job.file.errorString();
        }
        job.bytesDone += data.size();
        break;
    }
}

void SshWorker::emitLines(Job &job)
{
    ++job.batchesInFlight;
    Q_EMIT jobLines(job.spec.id, std::exchange(job.pendingLines, {}));
}

void SshWorker::ackLines(quint64 id)
{
    const auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return;
    Job &job = *it->second;
    if (job.batchesInFlight > 0 && --job.batchesInFlight == MaxBatchesInFlight - 1)
        pump(); // reading was paused: go on now
}

bool SshWorker::drain(Job &job)
{
    bool any = false;
    char buffer[ReadChunk];
    for (int stream = 0; stream < 2; ++stream) {
        for (int round = 0; round < 16; ++round) {
            // Back-pressure: while the GUI has not taken earlier batches, stdout stays in the SSH
            // window, so a fast producer (a huge log) cannot pile up memory in queued signals.
            if (stream == 0 && job.batchesInFlight >= MaxBatchesInFlight)
                break;
            const int n = ssh_channel_read_nonblocking(job.channel, buffer, sizeof buffer, stream);
            if (n <= 0)
                break; // 0: nothing now; SSH_EOF: done; SSH_ERROR: the link check below sees it
            any = true;
            const QByteArray chunk(buffer, n);
            if (stream == 0)
                handleStdout(job, chunk);
            else if (!job.reported)
                job.err.append(chunk);
            // Batches stay small enough for the GUI thread to take in one go.
            if (job.pendingLines.size() >= MaxLinesPerBatch)
                emitLines(job);
        }
    }
    return any;
}

void SshWorker::sendGroupKill(qint64 pgid)
{
    if (pgid > 1)
        m_pendingKills.append(pgid);
    flushKills();
}

void SshWorker::killRunningGroups()
{
    for (auto &entry : m_jobs) {
        Job &job = *entry.second;
        if (job.channel && job.pidKnown && job.pgid > 1 && !job.killSent) {
            m_pendingKills.append(job.pgid);
            job.killSent = true;
        }
    }
}

void SshWorker::flushKills()
{
    while (!m_pendingKills.isEmpty() && m_phase == Phase::Connected && channelsInUse() < MaxChannels) {
        BlockingMode blocking(m_session, true);
        ssh_channel channel = ssh_channel_new(m_session);
        if (!channel)
            return;
        const QByteArray command = groupKillCommand(m_pendingKills.first());
        if (ssh_channel_open_session(channel) != SSH_OK
            || ssh_channel_request_exec(channel, command.constData()) != SSH_OK) {
            BlockingMode nb(m_session, false);
            ssh_channel_free(channel);
            return; // refused for now (the server's own limit): the next pump tries again
        }
        m_pendingKills.removeFirst();
        ssh_channel_send_eof(channel);
        m_killChannels.append(channel);
    }
}

void SshWorker::drainKillChannels()
{
    char buffer[4096];
    for (int i = m_killChannels.size() - 1; i >= 0; --i) {
        ssh_channel channel = m_killChannels.at(i);
        while (ssh_channel_read_nonblocking(channel, buffer, sizeof buffer, 0) > 0) {
        }
        while (ssh_channel_read_nonblocking(channel, buffer, sizeof buffer, 1) > 0) {
        }
        if (ssh_channel_is_eof(channel) || ssh_channel_is_closed(channel)) {
            ssh_channel_free(channel);
            m_killChannels.removeAt(i);
        }
    }
}

void SshWorker::releaseChannels()
{
    for (auto &entry : m_jobs)
        releaseJob(*entry.second);
    BlockingMode nb(m_session, false);
    for (ssh_channel channel : std::as_const(m_killChannels))
        ssh_channel_free(channel);
    m_killChannels.clear();
}

void SshWorker::updatePumpTimers()
{
    const bool busy = !m_jobs.empty() || !m_killChannels.isEmpty() || !m_pendingKills.isEmpty();
    if (busy && !m_pumpTimer->isActive())
        m_pumpTimer->start();
    else if (!busy)
        m_pumpTimer->stop();
    if (m_notifier && busy)
        m_notifier->setEnabled(true);
}

void SshWorker::pump()
{
    if (m_pumping)
        return;
    m_pumping = true;
    const auto done = qScopeGuard([this] { m_pumping = false; });

    // Queued jobs may time out while we are not connected.
    std::vector<quint64> ids;
    for (const auto &entry : m_jobs)
        ids.push_back(entry.first);
    for (const quint64 id : ids) {
        Job &job = *m_jobs.at(id);
        if (!job.channel && !job.reported && job.spec.timeoutMs > 0 && job.clock.elapsed() > job.spec.timeoutMs)
            finishJob(id, partialResult(job, RemoteError::Timeout,
                                        Tr::tr("La orden no empezó en %1 s: no hay conexión.").arg(job.spec.timeoutMs / 1000.0)));
    }
    if (m_phase != Phase::Connected || !m_session)
        return;
    quickAck();

    bool anyChannel = !m_killChannels.isEmpty();
    for (const auto &entry : m_jobs)
        anyChannel = anyChannel || entry.second->channel;
    if (!anyChannel) {
        // Idle: the socket woke us. EOF means the server went away; other data waits for the probe.
        char c = 0;
        const ssize_t n = ::recv(ssh_get_fd(m_session), &c, 1, MSG_PEEK | MSG_DONTWAIT);
        if (n == 0) {
            linkLost(Tr::tr("El servidor cerró la conexión."));
            return;
        }
        if (n > 0 && m_notifier)
            m_notifier->setEnabled(false);
        return;
    }

    BlockingMode nb(m_session, false);
    for (int pass = 0; pass < 8; ++pass) {
        bool progress = false;
        for (auto &entry : m_jobs) {
            Job &job = *entry.second;
            if (!job.channel)
                continue;
            progress = writeStdin(job) || progress;
            progress = drain(job) || progress;
        }
        if (!progress)
            break;
    }
    drainKillChannels();

    ids.clear();
    for (const auto &entry : m_jobs)
        ids.push_back(entry.first);
    for (const quint64 id : ids) {
        auto it = m_jobs.find(id);
        if (it == m_jobs.end())
            continue;
        Job &job = *it->second;
        if (!job.channel)
            continue;
        if (job.reported) {
            const qint64 age = job.clock.elapsed() - job.reportedAtMs;
            if (job.killSent || job.remoteClosed || ssh_channel_is_eof(job.channel) || age > CancelGraceMs
                || (job.pidKnown && job.pgid <= 0)) {
                releaseJob(job);
                m_jobs.erase(it);
            }
            continue;
        }
        if (!job.pendingLines.isEmpty())
            emitLines(job);
        if (job.spec.kind == JobSpec::Kind::Download && job.clock.elapsed() - job.lastProgressMs >= 100) {
            job.lastProgressMs = job.clock.elapsed();
            Q_EMIT jobProgress(id, job.bytesDone, job.bytesTotal);
        }
        // is_eof: the remote sent EOF (or closed) and every buffered byte has been read.
        if (ssh_channel_is_eof(job.channel)) {
            // Exit status and close may still be in flight: a non-blocking call lets libssh read them.
            if (!job.gotExit && job.exitSignal.isEmpty() && !job.remoteClosed)
                ssh_channel_get_exit_status(job.channel);
            if (job.gotExit || !job.exitSignal.isEmpty() || job.remoteClosed || ssh_channel_is_closed(job.channel)) {
                completeJob(job);
                continue;
            }
        }
        if (job.spec.timeoutMs > 0 && job.clock.elapsed() > job.spec.timeoutMs)
            stopJob(job, RemoteError::Timeout,
                    Tr::tr("La orden no terminó en %1 s y se detuvo.").arg(job.spec.timeoutMs / 1000.0));
    }
    if (!ssh_is_connected(m_session)) {
        linkLost(Tr::tr("Se cerró la conexión con el servidor."));
        return;
    }
    startQueued();
    updatePumpTimers();
}

} // namespace difusor::remote
