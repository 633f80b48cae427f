#pragma once

#include "LogIngest.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <deque>
#include <memory>

class QThread;

namespace difusor::remote {
class RemoteHost;
class RemoteJob;
struct CommandResult;
enum class ConnectionState;
} // namespace difusor::remote

namespace difusor::traffic {

// Where the tail has read up to: the file's inode and the byte offset just past the last counted line.
struct TailPosition
{
    quint64 inode = 0; // 0: none yet
    qint64 offset = 0;
    // POSIX `cksum` ("CRC LENGTH") of the min(offset, 4096) bytes just before offset, when known. With it, a
    // copytruncate that happened while nobody was reading is recovered from the copy on resume.
    QByteArray signature;
    bool operator==(const TailPosition &o) const { return inode == o.inode && offset == o.offset; }
};

// POSIX cksum of `data` as the `cksum` program prints it without a file name: "CRC LENGTH".
QByteArray posixCksum(const QByteArray &data);

// Follows an access log on a RemoteHost (SSH or local) on one stream channel, across rotation by rename
// and by copytruncate, feeding complete lines to a LogIngest. Lines are counted in batches, and the
// position moves with each batch (committed()), so after a dropped link the tail resumes exactly where
// the counts stand: no line lost, none counted twice. The remote side is LogTailScript.h; it reads at
// most 4 MiB per batch, so memory here is bounded and a slow consumer slows the reader (backpressure
// through the channel).
//
// A batch is parsed on a thread of the tail's own (LogIngest::parseLines) and counted on the tail's
// thread (LogIngest::addParsed), so the GUI thread never parses: it only adds the parsed records up.
// While a batch is out being parsed, what arrives after its commit line (lines, control lines, the end
// of the stream, a reconnection) waits in order and is handled once the batch is counted, so positions,
// rotations and restarts happen exactly as if the batch had been counted at once.
class LogTail final : public QObject
{
    Q_OBJECT
public:
    LogTail(remote::RemoteHost *host, const QString &path, LogIngest *ingest, QObject *parent = nullptr);
    ~LogTail() override;

    // from.inode == 0: start a new tail at the end of the file (fromEnd) or at its beginning.
    void start(TailPosition from = {}, bool fromEnd = true);
    void stop();
    // The host is being destroyed (it ends its own jobs): stop without touching it again.
    void abandonHost();
    bool isRunning() const { return m_running; }

    TailPosition position() const { return m_position; }
    quint64 rotations() const { return m_rotations; }
    quint64 truncations() const { return m_truncations; }
    quint64 gaps() const { return m_gaps; }
    quint64 restarts() const { return m_restarts; }
    qint64 remotePid() const { return m_remotePid; } // of the script on the server, for diagnosis and tests
    QString fileState() const { return m_fileState; } // "" until the script said (see fileStateChanged)

Q_SIGNALS:
    void committed(difusor::traffic::TailPosition position, quint64 lines); // after each counted batch
    void rotated();
    void truncated();
    void gap();                                  // lines may have been lost (file gone before read)
    void interrupted(const QString &reason);     // the stream ended; it restarts by itself
    // What the file is, as the script sees it: "ok", "missing", "notfile" or "unreadable" (LogTailScript.h).
    void fileStateChanged(const QString &state);

private:
    struct Parsed;
    void launch();
    void onLines(const QList<QByteArray> &lines);
    void onLine(const QByteArray &line);
    void drain();
    void onParsed(const std::shared_ptr<Parsed> &parsed);
    void onFinished(const remote::CommandResult &result);
    void finished(const remote::CommandResult &result);
    void commit(const TailPosition &next, const QList<QByteArray> &batch);
    void onHostState(remote::ConnectionState state);
    void control(const QByteArray &line);

    QPointer<remote::RemoteHost> m_host;
    QString m_path;
    LogIngest *m_ingest;
    QPointer<remote::RemoteJob> m_job;
    TailPosition m_position;
    bool m_fromEnd = true;
    bool m_running = false;
    bool m_started = false; // the script announced its starting point
    QList<QByteArray> m_batch;
    QByteArray m_recent; // the last committed bytes of this file (at most 4 KiB), for the signature
    qsizetype m_batchBytes = 0;
    quint64 m_rotations = 0, m_truncations = 0, m_gaps = 0, m_restarts = 0;
    // Parsing off this thread: one batch out at a time; what came after it waits in m_waiting.
    QThread *m_parseThread = nullptr;
    QObject *m_parser = nullptr; // lives in m_parseThread
    bool m_parsing = false;
    quint64 m_generation = 0; // bumped by stop(): a batch parsed for an earlier run is dropped
    TailPosition m_parsingNext;
    struct Waiting
    {
        QByteArray line;
        std::shared_ptr<remote::CommandResult> finished; // set: the stream's end, not a line
    };
    std::deque<Waiting> m_waiting;
    bool m_launchWaiting = false;
    qint64 m_remotePid = -1;
    QString m_fileState;
};

} // namespace difusor::traffic
