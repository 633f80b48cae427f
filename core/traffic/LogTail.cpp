#include "LogTail.h"

#include "LogTailScript.h"
#include "common/Tr.h"
#include "remote/RemoteHost.h"

#include <QThread>
#include <QTimer>

#include <array>
#include <utility>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace difusor::traffic {

namespace {
constexpr qsizetype kMaxBatchBytes = 8 * 1024 * 1024; // twice the script's batch cap
constexpr int kRestartDelayMs = 500;
constexpr qsizetype kSignatureBytes = 4096; // as the script's save_sig
} // namespace

QByteArray posixCksum(const QByteArray &data)
{
    static const auto table = [] {
        std::array<quint32, 256> t{};
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i << 24;
            for (int k = 0; k < 8; ++k)
                c = (c & 0x80000000u) ? (c << 1) ^ 0x04C11DB7u : (c << 1);
            t[i] = c;
        }
        return t;
    }();
    quint32 crc = 0;
    auto feed = [&crc](quint8 b) { crc = (crc << 8) ^ table[((crc >> 24) ^ b) & 0xFFu]; };
    for (const char c : data)
        feed(quint8(c));
    for (quint64 n = quint64(data.size()); n != 0; n >>= 8)
        feed(quint8(n & 0xFFu));
    return QByteArray::number(~crc) + ' ' + QByteArray::number(data.size());
}

// A batch out being parsed: its lines (the records' views point into them) and the records.
struct LogTail::Parsed
{
    quint64 generation = 0;
    QList<QByteArray> lines;
    std::vector<ParsedLine> records;
};

LogTail::LogTail(remote::RemoteHost *host, const QString &path, LogIngest *ingest, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_path(path)
    , m_ingest(ingest)
{
    connect(host, &remote::RemoteHost::stateChanged, this, [this](remote::ConnectionState s, const QString &) { onHostState(s); });
    m_parseThread = new QThread(this);
    m_parseThread->setObjectName(QStringLiteral("log-parse"));
    m_parser = new QObject;
    m_parser->moveToThread(m_parseThread);
    connect(m_parseThread, &QThread::finished, m_parser, &QObject::deleteLater);
#ifdef __linux__
    // Parsing gives way to the window: at nice +5 the GUI thread gets the core first when both want it
    // (on a loaded 2-core machine a redraw was otherwise cut by the parse more often).
    connect(m_parseThread, &QThread::started, m_parser, [] { setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 5); }, Qt::DirectConnection);
#endif
    m_parseThread->start();
}

LogTail::~LogTail()
{
    stop();
    // The parser thread may still post a result here: it ends before this object does, and a result
    // posted meanwhile is dropped with this object's pending events.
    m_parseThread->quit();
    m_parseThread->wait();
}

void LogTail::start(TailPosition from, bool fromEnd)
{
    m_position = from;
    m_fromEnd = fromEnd;
    m_running = true;
    launch();
}

void LogTail::stop()
{
    m_running = false;
    ++m_generation; // a batch out being parsed is not counted
    m_parsing = false;
    m_waiting.clear();
    m_launchWaiting = false;
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
    }
    m_job = nullptr;
    m_batch.clear();
    m_batchBytes = 0;
}

void LogTail::abandonHost()
{
    if (m_job)
        m_job->disconnect(this);
    m_job = nullptr;
    stop();
}

void LogTail::launch()
{
    if (m_parsing) {
        m_launchWaiting = true; // after the batch out (and what waits behind it)
        return;
    }
    if (!m_running || m_job || !m_host || m_host->state() != remote::ConnectionState::Connected)
        return;
    m_batch.clear();
    m_batchBytes = 0;
    m_started = false;
    m_fileState.clear(); // the new script says it again
    const QStringList args{m_path, QString::number(m_position.inode), QString::number(m_position.offset),
                           m_fromEnd ? QStringLiteral("1") : QStringLiteral("0"), QString::fromLatin1(m_position.signature)};
    m_job = m_host->stream(QStringLiteral("sh -s -- ") + remote::shellJoin(args), logTailScript());
    connect(m_job, &remote::RemoteJob::linesReady, this, &LogTail::onLines);
    connect(m_job, &remote::RemoteJob::finished, this, &LogTail::onFinished);
}

void LogTail::onLines(const QList<QByteArray> &lines)
{
    // While a batch is out, nothing overtakes it (invariant: m_waiting is empty unless m_parsing).
    for (const QByteArray &l : lines) {
        if (m_parsing)
            m_waiting.push_back({l, {}});
        else
            onLine(l);
    }
}

void LogTail::onLine(const QByteArray &l)
{
    if (!l.isEmpty() && l.at(0) == '\x01') {
        control(l);
        return;
    }
    if (!m_started || m_batchBytes > kMaxBatchBytes)
        return; // nothing counts before the script said where it reads (or after a runaway batch)
    // Uncounted until the batch's commit line: a batch cut by a dropped link is read again whole.
    m_batch.append(l);
    m_batchBytes += l.size() + 1;
    if (m_batchBytes > kMaxBatchBytes) {
        // The script never sends more than 4 MiB per batch: something else is talking. Start over.
        m_batch.clear();
        if (m_job)
            m_job->cancel();
    }
}

void LogTail::drain()
{
    while (!m_parsing && !m_waiting.empty()) {
        Waiting w = std::move(m_waiting.front());
        m_waiting.pop_front();
        if (w.finished)
            finished(*w.finished);
        else
            onLine(w.line);
    }
    if (!m_parsing && m_launchWaiting) {
        m_launchWaiting = false;
        launch();
    }
}

void LogTail::onParsed(const std::shared_ptr<Parsed> &parsed)
{
    if (parsed->generation != m_generation || !m_parsing)
        return; // parsed for a run that was stopped since
    m_parsing = false;
    m_ingest->addParsed(parsed->lines, parsed->records);
    commit(m_parsingNext, parsed->lines);
    drain();
}

void LogTail::control(const QByteArray &line)
{
    const QList<QByteArray> f = line.mid(1).split(' ');
    const QByteArray kind = f.value(0);
    if (kind == "I") {
        m_remotePid = f.value(1).toLongLong();
    } else if (kind == "R" && f.size() >= 3) {
        TailPosition p{f[1].toULongLong(), f[2].toLongLong(), {}};
        if (m_started && !(p == m_position)) {
            ++m_rotations;
            Q_EMIT rotated();
        }
        m_started = true;
        m_batch.clear();
        m_batchBytes = 0;
        if (!(p == m_position)) {
            m_recent.clear();
        } else {
            p.signature = m_position.signature; // resumed where we were: the same bytes stand before
        }
        m_position = p;
        m_fromEnd = false; // a restart goes on from here, never skips to the end
        Q_EMIT committed(m_position, 0);
    } else if (kind == "P" && f.size() >= 3 && m_started) {
        const TailPosition next{f[1].toULongLong(), f[2].toLongLong(), {}};
        if (m_batch.isEmpty()) {
            commit(next, {});
            return;
        }
        // Parsed on the parse thread, counted back here (onParsed); until then the rest waits.
        auto job = std::make_shared<Parsed>();
        job->generation = m_generation;
        job->lines = std::exchange(m_batch, {});
        m_batchBytes = 0;
        m_parsing = true;
        m_parsingNext = next;
        const LogFormat format = m_ingest->format();
        QMetaObject::invokeMethod(
            m_parser,
            [this, job, format]() {
                job->records = LogIngest::parseLines(format, job->lines);
                QMetaObject::invokeMethod(this, [this, job]() { onParsed(job); }, Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
    } else if (kind == "T") {
        m_batch.clear();
        m_batchBytes = 0;
        m_recent.clear();
        m_position.offset = 0;
        m_position.signature.clear();
        ++m_truncations;
        Q_EMIT truncated();
    } else if (kind == "S" && f.size() >= 2) {
        const QString state = QString::fromLatin1(f[1]).left(16);
        if (state != m_fileState) {
            m_fileState = state;
            Q_EMIT fileStateChanged(state);
        }
    } else if (kind == "G") {
        ++m_gaps;
        Q_EMIT gap();
    }
    // "X" (skipped overlong line) is followed by its own commit; nothing to do here.
}

void LogTail::commit(const TailPosition &next, const QList<QByteArray> &batch)
{
    const quint64 n = quint64(batch.size());
    if (next.offset == 0 || next.inode != m_position.inode || (n == 0 && next.offset != m_position.offset)) {
        m_recent.clear(); // a new file, or bytes skipped unseen (an overlong line)
    } else {
        // Only the batch's last lines can reach the signature: a 4 MiB batch is not copied for it.
        qsizetype from = batch.size(), bytes = 0;
        while (from > 0 && bytes < kSignatureBytes)
            bytes += batch.at(--from).size() + 1;
        for (qsizetype i = from; i < batch.size(); ++i)
            m_recent.append(batch.at(i)).append('\n');
        if (m_recent.size() > kSignatureBytes)
            m_recent = m_recent.right(kSignatureBytes);
    }
    m_position = next;
    // Only when the bytes kept are exactly those before the offset (not after a resume with fewer).
    if (m_position.offset > 0 && m_recent.size() == qMin<qint64>(m_position.offset, kSignatureBytes))
        m_position.signature = posixCksum(m_recent);
    Q_EMIT committed(m_position, n);
}

void LogTail::onFinished(const remote::CommandResult &result)
{
    if (m_parsing) {
        // The batch out was committed by the script: count it first, then end this stream.
        m_waiting.push_back({{}, std::make_shared<remote::CommandResult>(result)});
        return;
    }
    finished(result);
}

void LogTail::finished(const remote::CommandResult &result)
{
    m_job = nullptr;
    m_batch.clear();
    m_batchBytes = 0;
    if (!m_running)
        return;
    ++m_restarts;
    Q_EMIT interrupted(result.errorText.isEmpty() ? Tr::tr("La lectura de la bitácora terminó (estado %1).").arg(result.exitStatus)
                                                  : result.errorText);
    // Resume from the last commit once the host is (still or again) connected.
    QTimer::singleShot(kRestartDelayMs, this, &LogTail::launch);
}

void LogTail::onHostState(remote::ConnectionState state)
{
    if (state == remote::ConnectionState::Connected)
        launch();
}

} // namespace difusor::traffic
