#include "LogTail.h"

#include "LogTailScript.h"
#include "common/Tr.h"
#include "remote/RemoteHost.h"

#include <QTimer>

#include <array>

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

LogTail::LogTail(remote::RemoteHost *host, const QString &path, LogIngest *ingest, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_path(path)
    , m_ingest(ingest)
{
    connect(host, &remote::RemoteHost::stateChanged, this, [this](remote::ConnectionState s, const QString &) { onHostState(s); });
}

LogTail::~LogTail()
{
    stop();
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
    for (const QByteArray &l : lines) {
        if (!l.isEmpty() && l.at(0) == '\x01') {
            control(l);
            continue;
        }
        if (!m_started)
            continue; // nothing counts before the script said where it reads
        // Uncounted until the batch's commit line: a batch cut by a dropped link is read again whole.
        m_batch.append(l);
        m_batchBytes += l.size() + 1;
        if (m_batchBytes > kMaxBatchBytes) {
            // The script never sends more than 4 MiB per batch: something else is talking. Start over.
            if (m_job)
                m_job->cancel();
            return;
        }
    }
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
        for (const QByteArray &l : std::as_const(m_batch))
            m_ingest->line(std::string_view(l.constData(), static_cast<std::size_t>(l.size())));
        const quint64 n = quint64(m_batch.size());
        const TailPosition next{f[1].toULongLong(), f[2].toLongLong(), {}};
        if (next.offset == 0 || next.inode != m_position.inode || (n == 0 && next.offset != m_position.offset)) {
            m_recent.clear(); // a new file, or bytes skipped unseen (an overlong line)
        } else {
            // Only the batch's last lines can reach the signature: a 4 MiB batch is not copied for it.
            qsizetype from = m_batch.size(), bytes = 0;
            while (from > 0 && bytes < kSignatureBytes)
                bytes += m_batch.at(--from).size() + 1;
            for (qsizetype i = from; i < m_batch.size(); ++i)
                m_recent.append(m_batch.at(i)).append('\n');
            if (m_recent.size() > kSignatureBytes)
                m_recent = m_recent.right(kSignatureBytes);
        }
        m_batch.clear();
        m_batchBytes = 0;
        m_position = next;
        // Only when the bytes kept are exactly those before the offset (not after a resume with fewer).
        if (m_position.offset > 0 && m_recent.size() == qMin<qint64>(m_position.offset, kSignatureBytes))
            m_position.signature = posixCksum(m_recent);
        Q_EMIT committed(m_position, n);
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

void LogTail::onFinished(const remote::CommandResult &result)
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
