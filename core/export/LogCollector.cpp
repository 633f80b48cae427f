#include "LogCollector.h"

#include "Bag.h"
#include "LogScan.h"
#include "common/Tr.h"
#include "remote/RemoteHost.h"
#include "traffic/AwstatsRobots.h"
#include "traffic/LogFormat.h"
#include "traffic/LogIngest.h"
#include "traffic/StatsReport.h"
#include "traffic/TrafficCounter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <QThread>
#include <QTimer>
#include <QTimeZone>

#include <algorithm>
#include <climits>
#include <numeric>
#include <map>

namespace difusor::exporting {

using remote::CommandResult;
using remote::RemoteError;
using remote::RemoteHost;
using remote::RemoteJob;
using remote::shellQuote;

namespace {

constexpr int MexicoOffsetMinutes = -6 * 60; // fixed since October 2022 (common/MexicoTime.h)
constexpr int ReconnectWaitMs = 90000;       // a dropped link has this long to come back
constexpr int MaxRetries = 5;                // drops survived per file
constexpr qint64 ProgressEveryMs = 250;
constexpr qint64 SmallFile = 64LL * 1000 * 1000; // hashed in well under a second: no liveness dots

QString stagingRoot(const QString &bagRoot)
{
    return bagRoot + QStringLiteral("/.difusor-staging");
}

QString sizeText(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

// Lists the access log's files: "kind<TAB>size<TAB>mtime<TAB>name<TAB>first line". kind: 0 plain,
// 1 gzip, x another compression (not read). Names: the log, log.N[.gz], log-DATE[.gz] (dateext).
QString listCommand(const QString &accessLog)
{
    return QStringLiteral("log=") + shellQuote(accessLog) + QStringLiteral(R"SH(
case "$log" in */*) dir=${log%/*} ;; *) dir=. ;; esac
[ -n "$dir" ] || dir=/
base=${log##*/}
cd "$dir" 2>/dev/null || { echo "no se puede entrar en $dir" >&2; exit 3; }
for f in "$base" "$base".* "$base"-*; do
  [ -f "$f" ] || continue
  case "$f" in
    *.part|*.tmp|*.swp|*~) continue ;;
    *.gz) z=1 ;;
    *.bz2|*.xz|*.zst|*.lz4|*.Z|*.zip) z=x ;;
    *) z=0 ;;
  esac
  s=$(wc -c < "$f" | tr -d ' ') || continue
  m=$(stat -c %Y -- "$f" 2>/dev/null || date -r "$f" +%s 2>/dev/null || echo 0)
  h=
  if [ "$z" = 1 ]; then h=$(gzip -dc -- "$f" 2>/dev/null | head -n 1 | cut -c1-400)
  elif [ "$z" = 0 ]; then h=$(head -n 1 -- "$f" | cut -c1-400); fi
  printf '%s\t%s\t%s\t%s\t%s\n' "$z" "$s" "$m" "$f" "$h"
done
)SH");
}

// The SHA-256 of the first `size` bytes of the file (it may grow meanwhile: only those bytes are sent).
// A dot every 0.2 s while it reads (files of 64 MB and more): when our channel is gone the dot's write fails and the
// process group is killed, so nothing of ours keeps reading a 10 GB file after a cancel or a drop.
QString hashCommand(const QString &dir, const QString &name, qint64 size)
{
    const QString f = shellQuote(name);
    QString c = QStringLiteral("cd ") + shellQuote(dir) + QStringLiteral(" || exit 3\n[ -f ") + f
                + QStringLiteral(" ] || { echo \"no existe\" >&2; exit 4; }\n");
    const QString hash = QStringLiteral("head -c ") + QString::number(size) + QStringLiteral(" -- ") + f + QStringLiteral(" | sha256sum");
    if (size < SmallFile)
        return c + hash + QLatin1Char('\n'); // done in a moment: no watch needed
    return c + QStringLiteral("trap 'kill -s TERM 0' PIPE\n") + hash
           + QStringLiteral(" &\n"
                            "p=$!\n"
                            "while kill -s 0 $p 2>/dev/null; do echo . || { kill -s TERM 0; exit 1; }; "
                            "sleep 0.2 2>/dev/null || sleep 1; done\n"
                            "wait $p\n");
}

// The same bytes, compressed on the wire (a .gz as it is). gzip -n: no name nor time in the header,
// so running it again makes the same bytes and a partial copy can go on from its size.
QString copyCommand(const QString &dir, const QString &name, qint64 size, bool gzip)
{
    QString c = QStringLiteral("cd ") + shellQuote(dir) + QStringLiteral(" && head -c ") + QString::number(size)
                + QStringLiteral(" -- ") + shellQuote(name);
    if (!gzip)
        c += QStringLiteral(" | gzip -1 -n -c");
    return c;
}

QByteArray parseSha256(const QByteArray &output)
{
    static const QRegularExpression hex(QStringLiteral("^([0-9a-fA-F]{64})\\b"), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch m = hex.match(QString::fromLatin1(output));
    return m.hasMatch() ? m.captured(1).toLower().toLatin1() : QByteArray();
}

QString dayLabel(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

} // namespace

qint64 ExportDates::dayStartUtc(const QDate &day)
{
    return QDateTime(day, QTime(0, 0), QTimeZone(MexicoOffsetMinutes * 60)).toSecsSinceEpoch();
}

QString ExportDates::periodText() const
{
    return dayLabel(from) + QLatin1Char('/') + dayLabel(to);
}

QString ExportDates::baselineText() const
{
    return dayLabel(effectiveBaselineFrom()) + QLatin1Char('/') + dayLabel(effectiveBaselineTo());
}

struct LogCollector::Server
{
    struct RemoteFile
    {
        QString name;
        qint64 size = 0;
        qint64 mtime = 0;
        bool gzip = false;
        qint64 firstTime = -1;
    };

    difusor::Profile profile;
    RemoteHost *host = nullptr;
    QString folder;
    QString dir; // the access log's folder on the server
    QList<RemoteFile> files;
    std::unique_ptr<traffic::TrafficCounter> counter;
    std::unique_ptr<traffic::LogIngest> ingest;
    std::unique_ptr<Bag::PayloadWriter> periodOut;
    std::unique_ptr<GzipMemberWriter> periodGz;
    // The file in hand.
    QByteArray sha256;
    qint64 offset = 0;
    qint64 wire = 0;      // of the download running
    qint64 fileWire = 0;  // of this file, over retries
    QString workError;
    bool workMismatch = false;
    ScanResult scan;
};

LogCollector::LogCollector(Bag *bag, ExportDates dates, QObject *parent)
    : QObject(parent)
    , m_bag(bag)
    , m_dates(std::move(dates))
    , m_cancel(std::make_shared<std::atomic_bool>(false))
{
    qRegisterMetaType<CollectProgress>();
}

LogCollector::~LogCollector()
{
    m_cancel->store(true);
    if (m_job)
        m_job->cancel();
    // A step in the worker thread must end before the bag and the writers go.
    for (QThread *t : findChildren<QThread *>()) {
        t->wait();
    }
}

QString LogCollector::serverFolder(const difusor::Profile &profile, const QStringList &taken)
{
    QString base = profile.name.trimmed().isEmpty() ? profile.identityId() : profile.name.trimmed();
    QString folder;
    for (const QChar c : base) {
        const bool ok = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
                        || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-') || c == QLatin1Char('_')
                        || c == QLatin1Char('.');
        folder += ok ? c : QLatin1Char('_');
    }
    while (folder.startsWith(QLatin1Char('.')))
        folder.remove(0, 1);
    if (folder.isEmpty())
        folder = QStringLiteral("servidor");
    QString unique = folder;
    for (int n = 2; taken.contains(unique); ++n)
        unique = folder + QLatin1Char('-') + QString::number(n);
    return unique;
}

void LogCollector::addServer(const difusor::Profile &profile, RemoteHost *host)
{
    auto s = std::make_unique<Server>();
    s->profile = profile;
    s->host = host;
    QStringList taken;
    for (const auto &other : m_servers)
        taken << other->folder;
    s->folder = serverFolder(profile, taken);
    m_servers.push_back(std::move(s));
}

void LogCollector::start()
{
    if (m_running)
        return;
    m_running = true;
    m_cancel->store(false);
    m_clock.start();
    m_results.clear();
    m_listIndex = 0;
    if (m_servers.empty()) {
        QTimer::singleShot(0, this, [this] { fail(Tr::tr("No hay servidores que recolectar.")); });
        return;
    }
    QDir().mkpath(stagingRoot(m_bag->root()));
    listServer(0);
}

void LogCollector::cancel()
{
    if (!m_running)
        return;
    m_cancel->store(true);
    disconnect(m_waitConnection);
    // A step in the worker thread sees the flag between two chunks; its end reports the cancel.
    // Otherwise report now (fail() also cancels the remote job: its process group is killed).
    if (!m_working)
        fail(Tr::tr("Recolección cancelada; lo ya copiado queda en el paquete y la próxima vez se continúa."));
}

void LogCollector::fail(const QString &error, bool unreachable)
{
    if (!m_running)
        return;
    m_running = false; // first: a job that reports at once on cancel finds us stopped
    disconnect(m_waitConnection);
    if (m_job)
        m_job->cancel();
    for (auto &s : m_servers) { // unfinished period files go (their temporary files are removed)
        s->periodGz.reset();
        s->periodOut.reset();
    }
    Q_EMIT finished(false, error, unreachable);
}

void LogCollector::whenConnected(int index, std::function<void()> then)
{
    RemoteHost *host = m_servers[index]->host;
    if (host->state() == remote::ConnectionState::Connected) {
        then();
        return;
    }
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    const QString name = m_servers[index]->profile.name;
    disconnect(m_waitConnection);
    m_waitConnection = connect(host, &RemoteHost::stateChanged, this,
                               [this, then, timer, name](remote::ConnectionState state, const QString &reason) {
                                   if (state == remote::ConnectionState::Connected) {
                                       disconnect(m_waitConnection);
                                       timer->deleteLater();
                                       then();
                                   } else if (state == remote::ConnectionState::Failed) {
                                       disconnect(m_waitConnection);
                                       timer->deleteLater();
                                       fail(Tr::tr("%1: no se pudo conectar: %2").arg(name, reason), true);
                                   }
                               });
    connect(timer, &QTimer::timeout, this, [this, timer, name] {
        disconnect(m_waitConnection);
        timer->deleteLater();
        fail(Tr::tr("%1: sin conexión después de %2 s.").arg(name).arg(ReconnectWaitMs / 1000), true);
    });
    timer->start(ReconnectWaitMs);
    if (host->state() == remote::ConnectionState::Disconnected || host->state() == remote::ConnectionState::Failed)
        host->connectToHost();
}

void LogCollector::listServer(int index)
{
    m_listIndex = index;
    Server &s = *m_servers[index];
    if (s.profile.accessLog.trimmed().isEmpty()) {
        fail(Tr::tr("%1: el perfil no dice dónde está la bitácora de accesos (clave \"access_log\").").arg(s.profile.name));
        return;
    }
    whenConnected(index, [this, index] {
        Server &srv = *m_servers[index];
        Q_EMIT message(Tr::tr("%1: buscando las bitácoras junto a %2…").arg(srv.profile.name, srv.profile.accessLog));
        m_job = srv.host->run(listCommand(srv.profile.accessLog), {}, 120000);
        connect(m_job, &RemoteJob::finished, this, [this, index](const CommandResult &r) { listed(index, r); });
    });
}

void LogCollector::listed(int index, const CommandResult &r)
{
    if (!m_running)
        return;
    Server &s = *m_servers[index];
    if (r.error == RemoteError::Disconnected) {
        listServer(index); // once connected again
        return;
    }
    if (!r.ok()) {
        const QString why = !r.errorText.isEmpty() ? r.errorText : QString::fromUtf8(r.stdErr).trimmed();
        fail(Tr::tr("%1: no se pudieron listar las bitácoras: %2").arg(s.profile.name, why));
        return;
    }
    const QString log = s.profile.accessLog;
    s.dir = log.contains(QLatin1Char('/')) ? log.section(QLatin1Char('/'), 0, -2) : QStringLiteral(".");
    if (s.dir.isEmpty())
        s.dir = QStringLiteral("/");
    const qint64 countStart = ExportDates::dayStartUtc(std::min(m_dates.effectiveBaselineFrom(), m_dates.from));
    const qint64 countEnd = ExportDates::dayStartUtc(m_dates.to.addDays(1));
    CollectedServer result;
    result.name = s.folder;
    result.profile = s.profile;
    result.hostKey = s.host->hostKeyFingerprint();
    result.accessLog = log;
    s.files.clear();
    for (const QByteArray &line : r.stdOut.split('\n')) {
        const QList<QByteArray> f = line.split('\t');
        if (f.size() < 5)
            continue;
        Server::RemoteFile file;
        file.name = QString::fromUtf8(f.at(3));
        file.size = f.at(1).toLongLong();
        file.mtime = f.at(2).toLongLong();
        if (f.at(0) == "x") {
            result.warnings << Tr::tr("%1: %2 usa una compresión que la consola no lee (solo gzip); no se recolectó.")
                                   .arg(s.profile.name, file.name);
            continue;
        }
        file.gzip = f.at(0) == "1";
        QByteArray first = f.mid(4).join('\t');
        if (const auto t = logLineTime(std::string_view(first.constData(), std::size_t(first.size()))))
            file.firstTime = *t;
        if (file.size == 0)
            continue; // no lines at all
        // Holds lines of the counted range: it starts before the range ends and was last written
        // (its last line) after the range began. A first line without a time: kept, to be safe.
        if (file.firstTime >= countEnd || (file.mtime > 0 && file.mtime < countStart))
            continue;
        s.files.append(file);
    }
    // Oldest first: by the first line's time, then the rotation number (higher is older).
    std::sort(s.files.begin(), s.files.end(), [](const Server::RemoteFile &a, const Server::RemoteFile &b) {
        if (a.firstTime != b.firstTime && a.firstTime >= 0 && b.firstTime >= 0)
            return a.firstTime < b.firstTime;
        return a.mtime < b.mtime;
    });
    Q_EMIT message(Tr::tr("%1: archivos con líneas del periodo o de la línea base: %2 (%3).")
                       .arg(s.profile.name)
                       .arg(s.files.size())
                       .arg(sizeText(std::accumulate(s.files.begin(), s.files.end(), qint64(0),
                                                                      [](qint64 a, const Server::RemoteFile &f) { return a + f.size; }))));
    for (const QString &w : std::as_const(result.warnings))
        Q_EMIT message(w);
    m_results.append(result);
    if (index + 1 < int(m_servers.size()))
        listServer(index + 1);
    else
        beginCopy();
}

void LogCollector::beginCopy()
{
    m_progress = CollectProgress();
    for (const auto &s : m_servers) {
        m_progress.filesTotal += int(s->files.size());
        for (const auto &f : s->files)
            m_progress.bytesTotal += f.size;
    }
    m_serverIndex = 0;
    beginServer();
}

void LogCollector::beginServer()
{
    if (m_serverIndex >= int(m_servers.size())) {
        // Every server done: the staging folder goes (nothing of it belongs in the bag).
        QDir(stagingRoot(m_bag->root())).removeRecursively();
        m_running = false;
        emitProgress(0, true);
        Q_EMIT finished(true, QString(), false);
        return;
    }
    Server &s = server();
    m_fileIndex = 0;
    CollectedServer &result = m_results[m_serverIndex];
    result.periodPath = QStringLiteral("logs/%1/periodo_%2_%3.log.gz").arg(s.folder, dayLabel(m_dates.from), dayLabel(m_dates.to));
    result.trafficPath = QStringLiteral("trafico/%1-por-dia.csv").arg(s.folder);
    s.counter = std::make_unique<traffic::TrafficCounter>(traffic::TrafficCounter::Mode::AwStats, traffic::TrafficCounter::Period::Day);
    s.counter->setFixedOffset(MexicoOffsetMinutes);
    std::vector<std::string> console;
    for (const QJsonValue &a : s.profile.extra.value(QLatin1String("console_addresses")).toArray())
        console.push_back(a.toString().trimmed().toStdString());
    s.counter->setConsoleAddresses(console);
    traffic::LogFormat format = traffic::LogFormat::combined();
    const QJsonValue spec = s.profile.extra.value(QLatin1String("log_format"));
    if (spec.isString()) {
        if (auto f = traffic::LogFormat::fromString(spec.toString()))
            format = *f;
    }
    const QString periodPath = result.periodPath;
    auto *raw = &s;
    work(
        [this, raw, format, periodPath] {
            raw->counter->setRobots(traffic::AwstatsRobots::installed()); // reads robots.pm: the worker
            raw->ingest = std::make_unique<traffic::LogIngest>(format, *raw->counter);
            raw->periodOut = m_bag->beginPayload(periodPath, &raw->workError);
            if (raw->periodOut)
                raw->periodGz = std::make_unique<GzipMemberWriter>(raw->periodOut.get());
        },
        [this, raw] {
            if (!raw->periodOut) {
                fail(raw->workError);
                return;
            }
            nextFile();
        });
}

void LogCollector::nextFile()
{
    if (!m_running)
        return;
    Server &s = server();
    if (m_fileIndex >= s.files.size()) {
        finishServer();
        return;
    }
    m_retries = 0;
    m_restartedFile = false;
    s.fileWire = 0;
    hashFile();
}

void LogCollector::hashFile()
{
    const int index = m_serverIndex;
    whenConnected(index, [this] {
        Server &s = server();
        const Server::RemoteFile &f = s.files.at(m_fileIndex);
        m_progress.current = s.profile.name + QStringLiteral(": ") + f.name;
        emitProgress(0, true);
        m_job = s.host->run(hashCommand(s.dir, f.name, f.size), {}, 0);
        connect(m_job, &RemoteJob::finished, this, [this](const CommandResult &r) {
            if (!m_running)
                return;
            Server &srv = server();
            const Server::RemoteFile &file = srv.files.at(m_fileIndex);
            if (r.error == RemoteError::Disconnected || r.error == RemoteError::Timeout) {
                retryAfterDrop(r.errorText);
                return;
            }
            const QByteArray sha = parseSha256(r.stdOut);
            if (!r.ok() || sha.isEmpty()) {
                const QString why = !r.errorText.isEmpty() ? r.errorText : QString::fromUtf8(r.stdErr).trimmed();
                fail(Tr::tr("%1: no se pudo obtener el SHA-256 de %2 en el servidor: %3").arg(srv.profile.name, file.name, why));
                return;
            }
            prepareFile(sha);
        });
    });
}

void LogCollector::prepareFile(const QByteArray &sha256)
{
    Server &s = server();
    const Server::RemoteFile &f = s.files.at(m_fileIndex);
    s.sha256 = sha256;
    const QString payloadPath = QStringLiteral("logs/%1/%2").arg(s.folder, f.name);
    if (m_bag->hasPayload(payloadPath, sha256)) {
        Q_EMIT message(Tr::tr("%1: %2 ya está en el paquete con el mismo SHA-256; no se vuelve a copiar.").arg(s.profile.name, f.name));
        scanFile(false, 0);
        return;
    }
    // A staging copy of an earlier (interrupted) run goes on if it is of the same bytes.
    const QString dir = stagingRoot(m_bag->root()) + QLatin1Char('/') + s.folder;
    QDir().mkpath(dir);
    const QString part = dir + QLatin1Char('/') + f.name + QStringLiteral(".part");
    const QByteArray meta = QByteArray::number(f.size) + ' ' + sha256 + ' ' + (f.gzip ? "gz" : "plain") + '\n';
    QFile metaFile(part + QStringLiteral(".meta"));
    qint64 offset = 0;
    if (metaFile.open(QIODevice::ReadOnly) && metaFile.readAll() == meta && QFileInfo::exists(part))
        offset = QFileInfo(part).size();
    metaFile.close();
    if (offset == 0) {
        QFile::remove(part);
        if (!metaFile.open(QIODevice::WriteOnly | QIODevice::Truncate) || metaFile.write(meta) != meta.size()) {
            fail(Tr::tr("No se pudo escribir %1: %2").arg(metaFile.fileName(), metaFile.errorString()));
            return;
        }
        metaFile.close();
    } else {
        Q_EMIT message(Tr::tr("%1: %2 continúa desde el byte %3 de la copia comprimida (%4 ya recibidos).")
                           .arg(s.profile.name, f.name)
                           .arg(offset)
                           .arg(sizeText(offset)));
    }
    download(offset);
}

void LogCollector::download(qint64 offset)
{
    Server &s = server();
    const Server::RemoteFile &f = s.files.at(m_fileIndex);
    const QString part = stagingRoot(m_bag->root()) + QLatin1Char('/') + s.folder + QLatin1Char('/') + f.name + QStringLiteral(".part");
    s.offset = offset;
    s.wire = 0;
    m_job = s.host->downloadOutput(copyCommand(s.dir, f.name, f.size, f.gzip), part, offset);
    if (!m_job) {
        fail(Tr::tr("%1: este tipo de conexión no puede copiar archivos.").arg(s.profile.name));
        return;
    }
    connect(m_job, &RemoteJob::progress, this, [this, offset](qint64 done, qint64) {
        server().wire = done - offset;
        emitProgress(server().wire);
    });
    connect(m_job, &RemoteJob::finished, this, [this, offset](const CommandResult &r) {
        if (!m_running)
            return;
        Server &srv = server();
        const Server::RemoteFile &file = srv.files.at(m_fileIndex);
        const qint64 got = QFileInfo(stagingRoot(m_bag->root()) + QLatin1Char('/') + srv.folder + QLatin1Char('/') + file.name
                                     + QStringLiteral(".part"))
                               .size();
        srv.fileWire += qMax<qint64>(0, got - offset);
        m_wireBytes += qMax<qint64>(0, got - offset);
        srv.wire = 0;
        if (r.error == RemoteError::Disconnected || r.error == RemoteError::Timeout) {
            retryAfterDrop(r.errorText);
            return;
        }
        if (!r.ok()) {
            const QString why = !r.errorText.isEmpty() ? r.errorText : QString::fromUtf8(r.stdErr).trimmed();
            fail(Tr::tr("%1: no se pudo copiar %2: %3").arg(srv.profile.name, file.name, why));
            return;
        }
        scanFile(true, offset);
    });
}

void LogCollector::retryAfterDrop(const QString &why)
{
    Server &s = server();
    const Server::RemoteFile &f = s.files.at(m_fileIndex);
    if (++m_retries > MaxRetries) {
        fail(Tr::tr("%1: la conexión se cayó %2 veces copiando %3: %4").arg(s.profile.name).arg(MaxRetries).arg(f.name, why), true);
        return;
    }
    Q_EMIT message(Tr::tr("%1: se perdió la conexión copiando %2 (%3); se continúa al reconectar.").arg(s.profile.name, f.name, why));
    hashFile(); // waits for the connection; the hash is taken again (the file may have rotated meanwhile)
}

void LogCollector::scanFile(bool fromStaging, qint64 offset)
{
    Server &s = server();
    const Server::RemoteFile f = s.files.at(m_fileIndex);
    const QString payloadPath = QStringLiteral("logs/%1/%2").arg(s.folder, f.name);
    const QString part = stagingRoot(m_bag->root()) + QLatin1Char('/') + s.folder + QLatin1Char('/') + f.name + QStringLiteral(".part");
    const qint64 periodStart = ExportDates::dayStartUtc(m_dates.from);
    const qint64 periodEnd = ExportDates::dayStartUtc(m_dates.to.addDays(1));
    const qint64 countStart = ExportDates::dayStartUtc(std::min(m_dates.effectiveBaselineFrom(), m_dates.from));
    auto *raw = &s;
    const QByteArray sha = s.sha256;
    const auto cancelFlag = m_cancel;
    work(
        [this, raw, f, payloadPath, part, fromStaging, sha, periodStart, periodEnd, countStart, cancelFlag] {
            raw->workError.clear();
            raw->workMismatch = false;
            ScanRequest rq;
            rq.periodStart = periodStart;
            rq.periodEnd = periodEnd;
            rq.countStart = countStart;
            rq.countEnd = periodEnd;
            rq.period = raw->periodGz.get();
            rq.ingest = raw->ingest.get();
            rq.cancel = cancelFlag.get();
            // The file was last written inside the period and starts in it: all its lines should be.
            rq.reuseGzip = f.firstTime >= periodStart && f.mtime > 0 && f.mtime < periodEnd;
            std::unique_ptr<Bag::PayloadWriter> writer;
            if (fromStaging) {
                writer = m_bag->beginPayload(payloadPath, &raw->workError);
                if (!writer)
                    return;
                rq.source = part;
                rq.sourceGzip = true; // ours (gzip -1 -n) or the .gz original
                rq.payload = writer.get();
                rq.payloadRaw = f.gzip;
            } else {
                rq.source = QDir(m_bag->root()).filePath(QStringLiteral("data/") + payloadPath);
                rq.sourceGzip = f.gzip;
            }
            raw->scan = scanLogFile(rq);
            if (!raw->scan.error.isEmpty() || raw->scan.cancelled) {
                raw->workError = raw->scan.error;
                return;
            }
            if (writer) {
                const qint64 size = writer->bytesWritten();
                if (!writer->commit(&raw->workError, sha)) {
                    raw->workMismatch = writer->hashMismatch();
                    return;
                }
                if (size != f.size) {
                    raw->workError = Tr::tr("%1: se recibieron %2 bytes de %3 y no %4 (¿se truncó en el servidor?).")
                                         .arg(raw->profile.name)
                                         .arg(size)
                                         .arg(f.name)
                                         .arg(f.size);
                    return;
                }
                QFile::remove(part);
                QFile::remove(part + QStringLiteral(".meta"));
            }
        },
        [this, raw, f, fromStaging, offset, sha, payloadPath] {
            if (raw->workMismatch) {
                if (offset > 0 && !m_restartedFile) {
                    // The continued copy did not make the server's bytes: this file alone starts over.
                    m_restartedFile = true;
                    QFile::remove(stagingRoot(m_bag->root()) + QLatin1Char('/') + raw->folder + QLatin1Char('/') + f.name + QStringLiteral(".part"));
                    Q_EMIT message(Tr::tr("%1: la copia continuada de %2 no coincide con el SHA-256 del servidor; "
                                          "ese archivo se copia de nuevo desde el principio.")
                                       .arg(raw->profile.name, f.name));
                    download(0);
                    return;
                }
                fail(Tr::tr("%1: %2 no coincide con el SHA-256 tomado en el servidor (%3): %4")
                         .arg(raw->profile.name, f.name, QString::fromLatin1(sha), raw->workError));
                return;
            }
            if (!raw->workError.isEmpty()) {
                fail(raw->workError);
                return;
            }
            CollectedFile c;
            c.name = f.name;
            c.payloadPath = payloadPath;
            c.size = f.size;
            c.sha256 = sha;
            c.gzip = f.gzip;
            c.lines = raw->scan.lines;
            c.periodLines = raw->scan.periodLines;
            c.untimedLines = raw->scan.untimedLines;
            c.wireBytes = raw->fileWire;
            c.resumedFrom = offset;
            c.alreadyInBag = !fromStaging;
            m_results[m_serverIndex].files.append(c);
            if (fromStaging) {
                if (!f.gzip && raw->fileWire > 0) {
                    m_sentPlain += f.size;
                    m_sentWire += raw->fileWire;
                    m_ratio = double(m_sentPlain) / double(qMax<qint64>(1, m_sentWire));
                }
                Q_EMIT message(Tr::tr("%1: %2 copiado y verificado (%3, %4 por la red, SHA-256 %5).")
                                   .arg(raw->profile.name, f.name, sizeText(f.size), sizeText(raw->fileWire),
                                        QString::fromLatin1(sha.left(16)) + QStringLiteral("…")));
            }
            m_doneBytes += f.size;
            ++m_progress.filesDone;
            ++m_fileIndex;
            emitProgress(0, true);
            nextFile();
        });
}

void LogCollector::finishServer()
{
    Server &s = server();
    auto *raw = &s;
    CollectedServer *result = &m_results[m_serverIndex];
    const ExportDates dates = m_dates;
    work(
        [this, raw, result, dates] {
            raw->workError.clear();
            if (!raw->periodGz->finish(&raw->workError))
                return;
            const qint64 plain = raw->periodGz->plainBytes();
            const std::optional<Bag::Entry> e = raw->periodOut->commit(&raw->workError);
            if (!e)
                return;
            result->periodSize = e->size;
            result->periodSha256 = e->sha256;
            result->periodPlainBytes = plain;
            qint64 lines = 0;
            for (const CollectedFile &f : std::as_const(result->files))
                lines += f.periodLines;
            result->periodLines = lines;
            // Traffic per day: every day of the baseline and of the period, a day without lines as 0
            // (AWStats' "Media" counts it so).
            std::map<QString, traffic::TrafficCounts> byDay;
            for (const auto &[start, counts] : raw->counter->periods())
                byDay[traffic::periodLabel(start, traffic::TrafficCounter::Period::Day)] = counts;
            QByteArray csv("date,range,hits,pages,visits,unique_visitors,bandwidth\n");
            QJsonArray days;
            const QDate first = std::min(dates.effectiveBaselineFrom(), dates.from);
            for (QDate d = first; d <= dates.to; d = d.addDays(1)) {
                const bool inPeriod = d >= dates.from;
                const bool inBaseline = d >= dates.effectiveBaselineFrom() && d <= dates.effectiveBaselineTo();
                const QString range = inPeriod ? QStringLiteral("period") : inBaseline ? QStringLiteral("baseline") : QStringLiteral("other");
                const traffic::TrafficCounts k = byDay.count(dayLabel(d)) ? byDay[dayLabel(d)] : traffic::TrafficCounts{};
                csv += dayLabel(d).toLatin1() + ',' + range.toLatin1() + ',' + QByteArray::number(k.hits) + ','
                       + QByteArray::number(k.pages) + ',' + QByteArray::number(k.visits) + ','
                       + QByteArray::number(k.uniqueVisitors) + ',' + QByteArray::number(k.bandwidth) + '\n';
                days.append(QJsonObject{{QStringLiteral("date"), dayLabel(d)},
                                        {QStringLiteral("range"), range},
                                        {QStringLiteral("hits"), qint64(k.hits)},
                                        {QStringLiteral("pages"), qint64(k.pages)},
                                        {QStringLiteral("visits"), qint64(k.visits)},
                                        {QStringLiteral("unique_visitors"), qint64(k.uniqueVisitors)},
                                        {QStringLiteral("bandwidth"), qint64(k.bandwidth)}});
            }
            result->traffic = QJsonObject{{QStringLiteral("days"), days},
                                          {QStringLiteral("mode"), QStringLiteral("awstats")},
                                          {QStringLiteral("time_zone"), QStringLiteral("UTC-6")},
                                          {QStringLiteral("parsed_lines"), qint64(raw->ingest->parsedLines())},
                                          {QStringLiteral("malformed_lines"), qint64(raw->ingest->malformedLines())},
                                          {QStringLiteral("robots_list"), traffic::robotsListId(*raw->counter)}};
            if (!m_bag->addBytes(result->trafficPath, csv, &raw->workError))
                return;
        },
        [this, raw, result] {
            raw->periodGz.reset();
            raw->periodOut.reset();
            raw->ingest.reset();
            raw->counter.reset();
            if (!raw->workError.isEmpty()) {
                fail(raw->workError);
                return;
            }
            Q_EMIT message(Tr::tr("%1: líneas del periodo: %2, en %3 (%4).")
                               .arg(raw->profile.name)
                               .arg(result->periodLines)
                               .arg(result->periodPath, sizeText(result->periodSize)));
            ++m_serverIndex;
            beginServer();
        });
}

void LogCollector::work(std::function<void()> job, std::function<void()> then)
{
    m_working = true;
    QThread *thread = QThread::create(std::move(job));
    thread->setParent(this);
    connect(thread, &QThread::finished, this, [this, thread, then = std::move(then)] {
        thread->deleteLater();
        m_working = false;
        if (!m_running)
            return; // failed meanwhile: already reported
        if (m_cancel->load()) {
            fail(Tr::tr("Recolección cancelada; lo ya copiado queda en el paquete y la próxima vez se continúa."));
            return;
        }
        then();
    });
    thread->start();
}

void LogCollector::emitProgress(qint64 currentWireBytes, bool force)
{
    const qint64 now = m_clock.elapsed();
    if (!force && now - m_lastProgressMs < ProgressEveryMs)
        return;
    m_lastProgressMs = now;
    qint64 estimate = 0;
    if (m_serverIndex < int(m_servers.size()) && currentWireBytes > 0) {
        const Server &s = *m_servers[m_serverIndex];
        if (m_fileIndex < s.files.size()) {
            const auto &f = s.files.at(m_fileIndex);
            estimate = qMin<qint64>(f.size, f.gzip ? currentWireBytes : qint64(double(currentWireBytes + s.offset) * m_ratio));
        }
    }
    m_progress.bytesDone = qMin(m_progress.bytesTotal, m_doneBytes + estimate);
    m_progress.wireBytes = m_wireBytes + currentWireBytes;
    const double seconds = double(now) / 1000.0;
    m_progress.secondsLeft = (m_progress.bytesDone > 0 && seconds > 1)
                                 ? seconds * double(m_progress.bytesTotal - m_progress.bytesDone) / double(m_progress.bytesDone)
                                 : -1;
    Q_EMIT progress(m_progress);
}

} // namespace difusor::exporting
