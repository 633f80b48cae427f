#pragma once

#include "remote/JobOutput.h"
#include "remote/SshWorker.h"

#include <QElapsedTimer>
#include <QFile>

#include <libssh/callbacks.h>
#include <libssh/libssh.h>

namespace difusor::remote {

// Sets the session's blocking mode for one scope and restores it after. Closes, frees and reads
// run non-blocking (never wait on a dead link); channel opens run blocking, bounded by the session
// timeout. Holds the member, not the value: if the session is dropped inside, nothing is touched.
class BlockingMode final
{
public:
    BlockingMode(ssh_session &session, bool blocking) : m_session(session), m_saved(session)
    {
        if (m_saved) {
            m_was = ssh_is_blocking(m_saved) != 0;
            ssh_set_blocking(m_saved, blocking ? 1 : 0);
        }
    }
    ~BlockingMode()
    {
        if (m_saved && m_session == m_saved)
            ssh_set_blocking(m_saved, m_was ? 1 : 0);
    }
    BlockingMode(const BlockingMode &) = delete;
    BlockingMode &operator=(const BlockingMode &) = delete;
private:
    ssh_session &m_session;
    ssh_session m_saved;
    bool m_was = true;
};

// One job on the worker side.
struct SshWorker::Job
{
    JobSpec spec;
    ssh_channel channel = nullptr;
    ssh_channel_callbacks_struct callbacks{};
    QElapsedTimer clock;       // since submit(): run() timeouts count the queue too
    bool reported = false;     // finished() already went out (cancel/timeout): only clean-up remains
    qint64 reportedAtMs = 0;
    qint64 stdinPos = 0;
    bool eofSent = false;
    qint64 firstRefusalMs = -1; // the server refused a channel while others were open: retried a while

    // Header lines our wrapper prints before the command's own output.
    bool pidKnown = false;
    bool sizeKnown = false;    // download only
    QByteArray header;
    qint64 pgid = -1;
    bool killSent = false;

    // Results.
    bool gotExit = false;
    int exitStatus = -1;
    QString exitSignal;
    bool remoteClosed = false;
    CappedBuffer out;
    CappedBuffer err;
    LineSplitter splitter;
    QList<QByteArray> pendingLines;
    int batchesInFlight = 0;   // jobLines() emitted, not yet acknowledged by the GUI side
    QFile file;
    qint64 bytesDone = 0;      // download: absolute position in the file
    qint64 bytesTotal = -1;
    qint64 lastProgressMs = -1000;
    bool ioError = false;
    QString ioErrorText;

    explicit Job(const JobSpec &s) : spec(s), out(s.outputCap), err(qMin<qint64>(s.outputCap, 1024 * 1024)) {}
};

} // namespace difusor::remote
