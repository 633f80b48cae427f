#include "CutWatcher.h"

#include "PackageName.h"
#include "PrepCsv.h"
#include "common/Tr.h"
#include "remote/RemoteHost.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTimeZone>
#include <QThreadPool>

#include <algorithm>

namespace difusor::cuts {

namespace {

constexpr qint64 MaxCsvBytes = 16 * 1024 * 1024 - 4096; // under RemoteHost::run()'s output cap
constexpr int FetchTimeoutMs = 60000;

// The script's one-word reason (E line) for people, naming the folder.
QString watchErrorText(const QString &error, const QString &dir)
{
    if (error == QLatin1String("nodir"))
        return Tr::tr("No existe la carpeta de publicación %1 en el servidor.").arg(dir);
    if (error == QLatin1String("notdir"))
        return Tr::tr("La carpeta de publicación %1 no es una carpeta en el servidor.").arg(dir);
    if (error == QLatin1String("noaccess"))
        return Tr::tr("El usuario de SSH no puede leer ni entrar en la carpeta de publicación %1.").arg(dir);
    return Tr::tr("No se puede vigilar la carpeta de publicación %1: %2").arg(dir, error);
}
constexpr int MaxOffsetSamples = 12;
constexpr int MaxQueued = 500;
constexpr qint64 BatchFileBytes = 4 * 1024 * 1024; // larger CSVs come alone, raw
constexpr qint64 BatchBytes = 8 * 1024 * 1024;     // base64 of a batch stays under run()'s 16 MiB cap
constexpr int BatchFiles = 40;

QDateTime epochToUtc(const QByteArray &text)
{
    bool ok = false;
    const int dot = text.indexOf('.');
    const qint64 secs = (dot < 0 ? text : text.left(dot)).toLongLong(&ok);
    if (!ok || secs <= 0)
        return {};
    qint64 ms = secs * 1000;
    if (dot >= 0) {
        QByteArray frac = text.mid(dot + 1).left(3);
        while (frac.size() < 3)
            frac.append('0');
        bool fracOk = false;
        const int f = frac.toInt(&fracOk);
        if (!fracOk)
            return {};
        ms += f;
    }
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

QString packageOf(const WatchLine &line)
{
    if (line.kind == QLatin1String("dir"))
        return line.path.section(QLatin1Char('/'), 0, 0);
    QString name = line.path;
    if (name.size() > 4 && name.at(name.size() - 4) == QLatin1Char('.'))
        name.chop(4);
    return name;
}

} // namespace

QDateTime cutTimeFromPackageName(const QString &package)
{
    const std::optional<PackageName> name = parsePackageName(package);
    if (!name || !name->date.isValid() || !name->time.isValid())
        return {};
    return QDateTime(name->date, name->time, Qt::OffsetFromUTC, kMexicoCentralOffsetS).toUTC();
}

WatchLine parseWatchLine(const QByteArray &raw, const QString &nonce)
{
    WatchLine line;
    QByteArray text = raw;
    if (text.endsWith('\r'))
        text.chop(1);
    const QList<QByteArray> head = text.split(' ');
    if (head.size() < 2 || QString::fromLatin1(head.at(1)) != nonce)
        return line;
    const QByteArray &tag = head.at(0);
    if (tag == "H" && head.size() >= 3) {
        line.type = WatchLine::Type::Hello;
        line.method = QString::fromLatin1(head.at(2));
    } else if (tag == "T" && head.size() >= 3) {
        line.serverTime = epochToUtc(head.at(2));
        if (line.serverTime.isValid())
            line.type = WatchLine::Type::Clock;
    } else if (tag == "D") {
        line.type = WatchLine::Type::DataStart;
    } else if (tag == "Z") {
        line.type = WatchLine::Type::DataEnd;
    } else if (tag == "S") {
        line.type = WatchLine::Type::Listed;
    } else if (tag == "K") {
        line.type = WatchLine::Type::Heartbeat; // lets the script see its channel is gone (a failed write)
    } else if (tag == "E") {
        line.type = WatchLine::Type::Error;
        line.error = QString::fromUtf8(head.value(2));
    } else if (tag == "P" && head.size() >= 7) {
        // P NONCE KIND CTIME SIZE SHA PATH (the path may hold spaces: the rest of the line)
        qsizetype pos = 0;
        for (int i = 0; i < 6; ++i) {
            pos = text.indexOf(' ', pos);
            if (pos < 0)
                return line;
            ++pos;
        }
        bool sizeOk = false;
        line.kind = QString::fromLatin1(head.at(2));
        line.serverTime = epochToUtc(head.at(3));
        line.size = head.at(4).toLongLong(&sizeOk);
        const QByteArray sha = head.at(5);
        line.sha256 = sha == "-" ? QString() : QString::fromLatin1(sha);
        line.path = QString::fromUtf8(text.mid(pos));
        const bool kindOk = line.kind == QLatin1String("dir") || line.kind == QLatin1String("zip")
                            || line.kind == QLatin1String("csv");
        if (kindOk && sizeOk && line.serverTime.isValid() && !line.path.isEmpty() && !line.path.contains(QLatin1String("..")))
            line.type = WatchLine::Type::Package;
    }
    return line;
}

CutWatcher::CutWatcher(remote::RemoteHost *host, const QString &publicationDir, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_dir(publicationDir)
{
    qRegisterMetaType<FoundCut>();
    m_heartbeat.setSingleShot(true);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] {
        // Watching, the script writes a line every second: silence means a dead channel the link missed.
        if (m_job)
            m_job->cancel();
        setState(State::Waiting, Tr::tr("El vigilante de cortes dejó de responder; se reinicia."));
        retryLater(1000);
    });
    m_awaitTimer.setSingleShot(true);
    connect(&m_awaitTimer, &QTimer::timeout, this, [this] {
        if (m_awaiting && !m_inBlock)
            enqueue(*std::exchange(m_awaiting, std::nullopt));
    });
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &CutWatcher::launch);
    connect(m_host, &remote::RemoteHost::stateChanged, this, [this](remote::ConnectionState state, const QString &) {
        if (!m_running)
            return;
        if (state == remote::ConnectionState::Connected) {
            if (!m_job)
                retryLater(0);
        } else if (state != remote::ConnectionState::Connecting && state != remote::ConnectionState::Authenticating) {
            setState(State::Waiting, Tr::tr("Sin conexión con el servidor; se reanuda al reconectar."));
        }
    });
}

CutWatcher::~CutWatcher()
{
    stop();
}

void CutWatcher::abandonHost()
{
    if (m_job)
        m_job->disconnect(this);
    m_job = nullptr;
    m_host = nullptr;
    stop();
}

void CutWatcher::start()
{
    if (!m_host)
        return;
    m_running = true;
    launch();
}

void CutWatcher::stop()
{
    m_running = false;
    ++m_generation;
    m_heartbeat.stop();
    m_retry.stop();
    m_queue.clear();
    m_busy = false;
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
        m_job = nullptr;
    }
    setState(State::Stopped);
}

std::optional<qint64> CutWatcher::clockOffsetMs() const
{
    if (m_offsetSamples.isEmpty())
        return std::nullopt;
    return *std::max_element(m_offsetSamples.cbegin(), m_offsetSamples.cend());
}

void CutWatcher::setState(State state, const QString &detail)
{
    if (m_state == state && detail.isEmpty())
        return;
    m_state = state;
    Q_EMIT stateChanged(state, detail);
}

void CutWatcher::retryLater(int ms)
{
    if (m_running)
        m_retry.start(ms);
}

void CutWatcher::launch()
{
    if (!m_running || m_job || !m_host)
        return;
    if (m_host->state() != remote::ConnectionState::Connected) {
        setState(State::Waiting, Tr::tr("Esperando la conexión con el servidor."));
        return;
    }
    if (m_dir.isEmpty()) {
        setState(State::Failed, Tr::tr("El perfil no indica la carpeta de publicación."));
        return;
    }
    ++m_generation;
    m_queue.clear();
    m_busy = false;
    m_listing = true;
    m_listingNotified = false;
    m_awaiting.reset();
    m_awaitTimer.stop();
    m_inBlock = false;
    m_block.clear();
    m_nonce = QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    setState(State::Starting);
    remote::RemoteJob *job = m_host->streamScript(
        QStringLiteral(":/scripts/cutwatch.sh"),
        {m_dir, QString::fromLatin1(m_nonce), m_forceStat ? QStringLiteral("1") : QStringLiteral("0"),
         QString::number(MaxCsvBytes + 1)});
    if (!job) {
        setState(State::Failed, Tr::tr("Falta el guion del vigilante de cortes."));
        return;
    }
    m_job = job;
    ++m_restarts;
    connect(job, &remote::RemoteJob::linesReady, this, &CutWatcher::onLines);
    connect(job, &remote::RemoteJob::finished, this, &CutWatcher::onFinished);
    m_heartbeat.start(m_heartbeatTimeoutMs);
}

void CutWatcher::onFinished(const remote::CommandResult &result)
{
    m_job = nullptr;
    m_heartbeat.stop();
    if (!m_running)
        return;
    if (result.error == remote::RemoteError::Disconnected || !m_host
        || m_host->state() != remote::ConnectionState::Connected) {
        setState(State::Waiting, Tr::tr("Sin conexión con el servidor; se reanuda al reconectar."));
        return; // the next Connected relaunches
    }
    QString detail = result.errorText;
    if (detail.isEmpty())
        detail = Tr::tr("El vigilante de cortes terminó (estado %1).").arg(result.exitStatus);
    setState(State::Failed, detail);
    retryLater(5000);
}

void CutWatcher::onLines(const QList<QByteArray> &lines)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString nonce = QString::fromLatin1(m_nonce);
    m_heartbeat.start(m_heartbeatTimeoutMs);
    for (const QByteArray &raw : lines) {
        if (m_inBlock) {
            // Base64 has no spaces: only our own end line has one.
            if (!raw.contains(' ')) {
                if (m_block.size() + raw.size() > (MaxCsvBytes / 3 + 1) * 4 + 4096)
                    m_blockTooLarge = true;
                else
                    m_block.append(raw.trimmed());
                continue;
            }
            m_inBlock = false;
            if (m_awaiting) {
                Pending pending = *std::exchange(m_awaiting, std::nullopt);
                if (!m_blockTooLarge) {
                    pending.hasData = true;
                    pending.data = QByteArray::fromBase64(m_block);
                }
                m_block.clear();
                enqueue(std::move(pending));
            }
            if (parseWatchLine(raw, nonce).type == WatchLine::Type::DataEnd)
                continue;
        }
        const WatchLine line = parseWatchLine(raw, nonce);
        if (line.type == WatchLine::Type::DataStart && m_awaiting) {
            m_inBlock = true;
            m_blockTooLarge = false;
            m_block.clear();
            continue;
        }
        if (m_awaiting) // no inline CSV followed: fetch it
            enqueue(*std::exchange(m_awaiting, std::nullopt));
        switch (line.type) {
        case WatchLine::Type::Hello:
            m_method = line.method;
            setState(State::Watching, line.method);
            break;
        case WatchLine::Type::Clock:
            m_offsetSamples.append(now.msecsTo(line.serverTime));
            while (m_offsetSamples.size() > MaxOffsetSamples)
                m_offsetSamples.removeFirst();
            break;
        case WatchLine::Type::Listed:
            m_listing = false;
            pump();
            break;
        case WatchLine::Type::Error:
            if (m_job) {
                m_job->disconnect(this);
                m_job->cancel();
                m_job = nullptr;
            }
            m_heartbeat.stop();
            setState(State::Failed, watchErrorText(line.error, m_dir));
            retryLater(10000);
            return;
        case WatchLine::Type::Package: {
            const QString package = packageOf(line);
            const auto known = m_known.constFind(package);
            // In the listing, a known package with the same CSV is old news. Live, the script reports a
            // package only when its file changed: the same CSV pushed again (the IEPC republishing an
            // older cut) is a new arrival of that cut.
            if (m_listing && known != m_known.cend() && (line.sha256.isEmpty() || known.value() == line.sha256))
                break;
            Pending pending{line, now, m_listing, false, {}};
            if (m_listing)
                enqueue(std::move(pending));
            else
                m_awaiting = std::move(pending); // its CSV may follow inline
            break;
        }
        case WatchLine::Type::DataStart:
        case WatchLine::Type::DataEnd:
        case WatchLine::Type::Heartbeat:
        case WatchLine::Type::Unknown:
            break;
        }
    }
    // A batch may end between a P line and its block: the block follows at once when the server can
    // send it; without one (no base64 there) the CSV is fetched after a short wait.
    if (m_awaiting && !m_inBlock)
        m_awaitTimer.start(500);
}

void CutWatcher::enqueue(Pending pending)
{
    if (m_queue.size() >= MaxQueued)
        return;
    m_queue.push_back(std::move(pending));
    pump();
}

void CutWatcher::pump()
{
    if (m_busy || m_queue.empty() || !m_running) {
        if (!m_busy && m_queue.empty() && !m_listing && !m_listingNotified) {
            m_listingNotified = true;
            Q_EMIT listingDone();
        }
        return;
    }
    const Pending pending = m_queue.front();
    m_queue.pop_front();
    m_busy = true;
    if (pending.hasData) {
        process(pending, pending.data);
        return;
    }
    if (!m_noBase64 && pending.line.size <= BatchFileBytes && fetchBatch(pending))
        return;
    const QString path = m_dir + QLatin1Char('/') + pending.line.path;
    const QString limit = QString::number(MaxCsvBytes + 1);
    const QString command = pending.line.kind == QLatin1String("zip")
                                ? QStringLiteral("unzip -p %1 '*.csv' '*.CSV' | head -c %2").arg(remote::shellQuote(path), limit)
                                : QStringLiteral("head -c %2 -- %1").arg(remote::shellQuote(path), limit);
    remote::RemoteJob *job = m_host ? m_host->run(command, {}, FetchTimeoutMs) : nullptr;
    if (!job) {
        m_busy = false;
        reject(pending, Tr::tr("No se pudo leer el CSV."));
        pump();
        return;
    }
    const quint64 generation = m_generation;
    connect(job, &remote::RemoteJob::finished, this, [this, pending, generation](const remote::CommandResult &result) {
        if (generation != m_generation)
            return;
        fetched(pending, result);
    });
}

// Packages without their CSV inline (those of a listing: caught up) are read many per command, as
// base64 between "F" lines: one round trip (and one remote shell start) for up to BatchFiles CSVs.
bool CutWatcher::fetchBatch(const Pending &first)
{
    QList<Pending> batch{first};
    qint64 bytes = first.line.size;
    while (!m_queue.empty() && batch.size() < BatchFiles) {
        const Pending &next = m_queue.front();
        if (next.hasData || next.line.size > BatchFileBytes || bytes + next.line.size > BatchBytes)
            break;
        bytes += next.line.size;
        batch.append(next);
        m_queue.pop_front();
    }
    const QString limit = QString::number(BatchFileBytes + 1);
    QString command = QStringLiteral("command -v base64 >/dev/null 2>&1 || exit 97; ");
    for (const Pending &p : batch) {
        const QString path = remote::shellQuote(m_dir + QLatin1Char('/') + p.line.path);
        command += QStringLiteral("echo F; ");
        command += p.line.kind == QLatin1String("zip")
                       ? QStringLiteral("unzip -p %1 '*.csv' '*.CSV' 2>/dev/null | head -c %2 | base64; ").arg(path, limit)
                       : QStringLiteral("head -c %2 -- %1 2>/dev/null | base64; ").arg(path, limit);
    }
    remote::RemoteJob *job = m_host ? m_host->run(command, {}, FetchTimeoutMs) : nullptr;
    if (!job) {
        for (qsizetype i = batch.size() - 1; i >= 1; --i)
            m_queue.push_front(batch.at(i));
        return false;
    }
    const quint64 generation = m_generation;
    connect(job, &remote::RemoteJob::finished, this, [this, batch, generation](const remote::CommandResult &result) {
        if (generation != m_generation)
            return;
        m_busy = false;
        if (result.exitStatus == 97 && result.error == remote::RemoteError::None) {
            m_noBase64 = true; // one at a time from now on
            for (qsizetype i = batch.size() - 1; i >= 0; --i)
                m_queue.push_front(batch.at(i));
            pump();
            return;
        }
        if (result.error == remote::RemoteError::Disconnected)
            return; // the next run lists them again
        QList<QByteArray> parts;
        if (result.ok() && !result.stdOutTruncated) {
            for (const QByteArray &line : result.stdOut.split('\n')) {
                if (line == "F")
                    parts.append(QByteArray());
                else if (!parts.isEmpty())
                    parts.last().append(line.trimmed());
            }
        }
        // In order, ahead of anything queued meanwhile; a CSV that did not come is fetched alone.
        for (qsizetype i = batch.size() - 1; i >= 0; --i) {
            Pending p = batch.at(i);
            if (parts.size() == batch.size()) {
                p.hasData = true;
                p.data = QByteArray::fromBase64(parts.at(i));
            } else {
                m_noBase64 = m_noBase64 || !result.ok();
            }
            m_queue.push_front(p);
        }
        pump();
    });
    return true;
}

void CutWatcher::fetched(const Pending &pending, const remote::CommandResult &result)
{
    if (!result.ok() || result.stdOutTruncated || result.stdOut.size() > MaxCsvBytes) {
        m_busy = false;
        if (result.error == remote::RemoteError::Disconnected) {
            m_queue.push_front(pending); // the next run lists it again anyway
            return;
        }
        const QString reason = result.stdOut.size() > MaxCsvBytes || result.stdOutTruncated
                                   ? Tr::tr("El CSV pasa de %1 MiB.").arg(MaxCsvBytes / (1024 * 1024))
                                   : Tr::tr("No se pudo leer el CSV: %1").arg(result.errorText.isEmpty()
                                                                                   ? QString::fromUtf8(result.stdErr.left(300)).trimmed()
                                                                                   : result.errorText);
        reject(pending, reason);
        pump();
        return;
    }
    process(pending, result.stdOut);
}

void CutWatcher::process(const Pending &pending, const QByteArray &data)
{
    const QString package = packageOf(pending.line);
    // Parse off this thread: a real PREP CSV holds thousands of rows.
    const std::optional<qint64> offset = clockOffsetMs();
    const quint64 generation = m_generation;
    QPointer<CutWatcher> self(this);
    QThreadPool::globalInstance()->start([self, generation, pending, data, package, offset] {
        FoundCut found;
        QString error;
        const PrepParseResult parsed = parsePrepCsv(data, package);
        found.record.size = data.size();
        found.record.sha256 = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
        if (!parsed.cut) {
            error = parsed.error;
        } else {
            store::CutRecord &r = found.record;
            r.package = package;
            r.cutTimeUtc = parsed.cut->cut.utc;
            r.arrivedServerUtc = pending.line.serverTime;
            if (offset)
                r.arrivedConsoleUtc = pending.line.serverTime.addMSecs(-*offset);
            r.detectedUtc = pending.detectedUtc;
            r.summary = parsed.cut->summaryJson();
            r.caughtUp = pending.caughtUp;
            found.actasCapturadas = parsed.cut->summary.integer(summary::ActasCapturadas);
            found.csvPath = pending.line.path;
            for (const PrepIssue &issue : parsed.cut->issues) {
                if (issue.kind == PrepIssueKind::PackageMismatch)
                    found.nameMismatch = issue.detail;
            }
        }
        if (!self)
            return;
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, pending, found, error] {
                if (self && generation == self->m_generation)
                    self->parsed(pending, found, error);
            },
            Qt::QueuedConnection);
    });
}

void CutWatcher::reject(const Pending &pending, const QString &reason, qint64 size, const QString &sha256)
{
    const QString package = packageOf(pending.line);
    m_known.insert(package, pending.line.sha256);
    FoundCut found;
    store::CutRecord &r = found.record;
    r.package = package;
    r.cutTimeUtc = cutTimeFromPackageName(package);
    r.arrivedServerUtc = pending.line.serverTime;
    if (const std::optional<qint64> offset = clockOffsetMs())
        r.arrivedConsoleUtc = pending.line.serverTime.addMSecs(-*offset);
    r.detectedUtc = pending.detectedUtc;
    r.size = size >= 0 ? size : pending.line.size;
    r.sha256 = !sha256.isEmpty() ? sha256 : pending.line.sha256;
    r.caughtUp = pending.caughtUp;
    r.unreadable = reason;
    found.csvPath = pending.line.path;
    Q_EMIT packageRejected(package, reason);
    Q_EMIT packageUnreadable(found);
}

void CutWatcher::parsed(const Pending &pending, const FoundCut &cut, const QString &error)
{
    m_busy = false;
    const QString package = packageOf(pending.line);
    if (!error.isEmpty()) {
        // Not a PREP CSV (or a broken one): remembered, so it is not fetched again until it changes.
        reject(pending, error, cut.record.size, cut.record.sha256);
    } else {
        m_known.insert(package, pending.line.sha256.isEmpty() ? cut.record.sha256 : pending.line.sha256);
        Q_EMIT cutFound(cut);
    }
    pump();
}

} // namespace difusor::cuts
