#include "CheckRunner.h"

#include "Evaluator.h"

#include "common/Tr.h"
#include "remote/RemoteHost.h"

#include <QRandomGenerator>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <utility>

namespace difusor::checks {

namespace {
constexpr qint64 MaxThroughputBytes = 16 * 1024 * 1024;
constexpr qint64 MaxProbeBytes = 8 * 1024 * 1024;
constexpr int ProbeTimeoutMs = 30000;
constexpr qint64 BatchingUs = 20000;

qint64 nowUs()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

QString firstLine(const QByteArray &bytes)
{
    return printable(bytes.trimmed().split('\n').value(0), 300);
}
} // namespace

CheckRunner::CheckRunner(remote::RemoteHost *host, const Profile &connection,
                         const RequirementProfile &requirements, bool local, QObject *parent)
    : QObject(parent), m_host(host), m_connection(connection), m_requirements(requirements), m_local(local)
{
}

void CheckRunner::start()
{
    if (m_started)
        return;
    m_started = true;
    m_elapsed.start();
    m_report.startedUtc = QDateTime::currentDateTimeUtc();
    m_report.requirementsId = m_requirements.id();
    m_report.console.local = m_local;
    m_report.console.sshTarget = m_host ? m_host->displayName() : m_connection.host;
    m_report.target = m_report.console.sshTarget;
    // The frame marker: a command's own output cannot guess it.
    m_nonce = QByteArray::number(QRandomGenerator::global()->generate64(), 16);

    QTimer::singleShot(m_overallTimeoutMs, this, [this] {
        if (!m_done) {
            m_report.error = Tr::tr("La verificación excedió %1 s.").arg(m_overallTimeoutMs / 1000);
            finish();
        }
    });

    // Each way's measure; the upload's random bytes are made now, while the connection is set up, not
    // on the check's critical path.
    const CheckSpec *bw = m_requirements.check(QStringLiteral("net.bandwidth"));
    m_throughputBytes = (bw && bw->enabled)
        ? std::clamp<qint64>(qint64(bw->number(QStringLiteral("probe_bytes"), 4194304)), 0, MaxThroughputBytes)
        : 0;
    m_uploadPayload = throughputPayload(m_throughputBytes);

    m_pending = 1; // the connection
    if (m_consoleProbes)
        startConsoleProbes();
    if (!m_host) {
        onConnectFailed(Tr::tr("sin servidor"), false);
        return;
    }
    connect(m_host, &remote::RemoteHost::hostKeyUnknown, this, [this] { m_hostKeyUnknown = true; });
    connect(m_host, &remote::RemoteHost::roundTripMeasured, this, [this](qint64 ms) { m_rttMs = double(ms); });
    if (m_host->state() == remote::ConnectionState::Connected) {
        onConnected();
        return;
    }
    connect(m_host, &remote::RemoteHost::stateChanged, this,
            [this](remote::ConnectionState state, const QString &reason) {
                if (state == remote::ConnectionState::Connected)
                    onConnected();
                else if (state == remote::ConnectionState::Failed)
                    onConnectFailed(reason, !m_hostKeyUnknown);
                else if (state == remote::ConnectionState::Reconnecting)
                    onConnectFailed(reason, false);
            });
    if (m_host->state() == remote::ConnectionState::Disconnected || m_host->state() == remote::ConnectionState::Failed)
        m_host->connectToHost();
}

void CheckRunner::onConnected()
{
    if (m_connectHandled || m_done)
        return;
    m_connectHandled = true;
    m_report.phaseMs.insert(QStringLiteral("connected"), m_elapsed.elapsed());
    m_report.console.sshConnected = !m_local;
    m_report.console.sshTarget = m_host->displayName();
    m_report.target = m_report.console.sshTarget;

    const qint64 bytes = m_throughputBytes;
    const QStringList args{QString::fromLatin1(m_nonce), m_requirements.sudoForFirewall() ? QStringLiteral("1") : QStringLiteral("0"),
                           QString::number(m_probeCap), QStringLiteral("5"), m_connection.publicationDir, m_connection.accessLog};
    m_probeSentUs = nowUs();
    m_probeJob = m_host->streamScript(QStringLiteral(":/scripts/probe.sh"), args);
    if (!m_probeJob) {
        m_probeError = Tr::tr("falta el recurso :/scripts/probe.sh");
    } else {
        ++m_pending;
        connect(m_probeJob, &remote::RemoteJob::linesReady, this, &CheckRunner::onProbeLines);
        connect(m_probeJob, &remote::RemoteJob::finished, this, &CheckRunner::onProbeFinished);
        QTimer::singleShot(ProbeTimeoutMs, this, [this] {
            if (m_probeJob && !m_done) {
                m_probeError = Tr::tr("la sonda no terminó en %1 s").arg(ProbeTimeoutMs / 1000);
                m_probeJob->cancel();
            }
        });
    }
    // The throughput measures (each on a channel of its own, while the probe gathers its facts) start
    // once the probe's two clock samples are in: 4 MiB each way keep the SSH worker busy, and a clock line
    // read behind them would arrive late and skew the offset.
    m_throughputPendingBytes = bytes;
    if (!m_probeJob)
        startThroughput();
    partDone();
}

void CheckRunner::onConnectFailed(const QString &reason, bool definite)
{
    if (m_connectHandled || m_done)
        return;
    m_connectHandled = true;
    m_report.console.sshConnected = false;
    m_report.console.sshFailureDefinite = definite;
    m_report.console.sshError = reason;
    m_probeError = Tr::tr("sin conexión: %1").arg(reason);
    if (m_host && m_host->state() == remote::ConnectionState::Reconnecting)
        m_host->disconnectFromHost(); // a check does not wait for the backoff
    partDone();
}

void CheckRunner::onProbeLines(const QList<QByteArray> &lines)
{
    const qint64 now = nowUs();
    if (m_firstLineUs == 0) {
        m_firstLineUs = now;
        m_report.phaseMs.insert(QStringLiteral("probe_first_line"), m_elapsed.elapsed());
    }
    const QByteArray open = "==>" + m_nonce + ' ';
    const QByteArray close = "<==" + m_nonce + " exit ";
    for (const QByteArray &line : lines) {
        if (line.startsWith(open)) {
            m_section = line.mid(open.size());
            m_afterCommandLine = false;
        } else if (line.startsWith(close)) {
            if (m_section == "clock_end")
                startThroughput();
            m_section.clear();
        } else if (!m_afterCommandLine && line.startsWith("$ ")) {
            m_afterCommandLine = true;
        } else if ((m_section == "clock_start" || m_section == "clock_end") && m_afterCommandLine) {
            bool ok = false;
            const double server = line.trimmed().toDouble(&ok);
            if (ok && server > 1e9) {
                // The date was taken at most one transport round trip (plus the reader's batching,
                // ~20 ms) before the line arrived.
                const qint64 window = qint64(std::max(0.0, m_rttMs) * 1000) + BatchingUs;
                m_clock.append(ClockSample{now - window, now, server});
            }
        }
        if (m_raw.size() + line.size() + 1 > MaxProbeBytes) {
            m_rawCapped = true;
            if (m_probeJob)
                m_probeJob->cancel();
            break;
        }
        m_raw += line;
        m_raw += '\n';
    }
}

void CheckRunner::onProbeFinished(const remote::CommandResult &result)
{
    if (m_done)
        return;
    m_probeJob = nullptr;
    m_report.phaseMs.insert(QStringLiteral("probe_done"), m_elapsed.elapsed());
    startThroughput(); // when the probe ended before its clock_end section
    m_report.probe = parseProbeOutput(m_raw, m_nonce, m_probeCap);
    if (m_rawCapped)
        ++m_report.probe.malformedFrames;
    if (m_report.probe.isEmpty()) {
        if (!m_probeError.isEmpty())
            ; // timeout already said why
        else if (!result.errorText.isEmpty())
            m_probeError = result.errorText;
        else if (!result.stdErr.trimmed().isEmpty())
            m_probeError = firstLine(result.stdErr);
        else
            m_probeError = Tr::tr("la sonda terminó con estado %1 sin salida reconocible").arg(result.exitStatus);
    }
    partDone();
}

QByteArray throughputPayload(qint64 bytes)
{
    QByteArray payload(qMax<qint64>(bytes, 0), '\0'); // zeroed first: never stale memory in the tail
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(payload.data()),
                                          payload.size() / qsizetype(sizeof(quint32)));
    return payload;
}

QString downloadCommand(qint64 bytes)
{
    // Random bytes, not text: the SSH link may be compressed (the profile's "compression", on by default)
    // and a compressible payload would measure zlib, not the network. One process, read by sshd in big
    // chunks (a `tr | fold` pipeline framing them into lines took twice as long on a busy server).
    return QStringLiteral("head -c %1 /dev/urandom").arg(bytes);
}

void CheckRunner::startThroughput()
{
    const qint64 bytes = std::exchange(m_throughputPendingBytes, 0);
    if (bytes <= 0 || m_done)
        return;
    // One way, then the other: each measures its direction alone (at once, on this machine's loopback
    // sshd each held the other to 32-64 KiB per round trip, and both took longer than one after the other).
    m_uploadAfterDownload = bytes;
    startDownload(bytes);
}

void CheckRunner::startDownload(qint64 bytes)
{
    ++m_pending;
    m_downloadBytes = bytes;
    const qint64 sent = nowUs();
    remote::RemoteJob *down = m_host->run(downloadCommand(bytes), {}, ProbeTimeoutMs);
    m_downloadJob = down;
    connect(down, &remote::RemoteJob::finished, this, [this, sent](const remote::CommandResult &result) {
        m_downloadJob = nullptr;
        m_downloadElapsedUs = nowUs() - sent;
        m_downloadSeen = result.stdOut.size();
        m_downloadExit = result.ok() ? 0 : (result.exitStatus == 0 ? -1 : result.exitStatus);
        m_report.phaseMs.insert(QStringLiteral("download_done"), m_elapsed.elapsed());
        startUpload(std::exchange(m_uploadAfterDownload, 0));
        partDone();
    });
}

void CheckRunner::startUpload(qint64 bytes)
{
    if (bytes <= 0 || m_done)
        return;
    ++m_pending;
    m_uploadBytes = bytes;
    const qint64 sent = nowUs();
    QByteArray payload = std::exchange(m_uploadPayload, QByteArray());
    if (payload.size() != bytes)
        payload = throughputPayload(bytes);
    remote::RemoteJob *up = m_host->run(QStringLiteral("cat > /dev/null"), payload, 30000);
    connect(up, &remote::RemoteJob::finished, this, [this, sent](const remote::CommandResult &result) {
        m_uploadElapsedUs = nowUs() - sent;
        m_report.phaseMs.insert(QStringLiteral("upload_done"), m_elapsed.elapsed());
        m_uploadExit = result.ok() ? 0 : (result.exitStatus == 0 ? -1 : result.exitStatus);
        partDone();
    });
}

void CheckRunner::computeConsoleFigures()
{
    ConsoleFacts &con = m_report.console;
    if (const auto off = clockOffset(m_clock)) {
        con.clockOffsetMs = off->offsetMs;
        con.clockUncertaintyMs = off->uncertaintyMs;
    }
    QStringList clock;
    for (const ClockSample &s : m_clock)
        clock.append(QStringLiteral("date +%s.%N → %1; llegó a la consola a %2 (ventana %3 ms)")
                         .arg(s.serverSeconds, 0, 'f', 6).arg(double(s.receivedUs) / 1e6, 0, 'f', 6)
                         .arg(double(s.receivedUs - s.sentUs) / 1000.0, 0, 'f', 1));
    if (m_rttMs >= 0)
        clock.append(QStringLiteral("ida y vuelta del transporte: %1 ms").arg(m_rttMs, 0, 'f', 1));
    con.clockEvidence = clock.join(QLatin1Char('\n'));

    QStringList tp;
    const double fixedMs = m_firstLineUs > 0 ? double(m_firstLineUs - m_probeSentUs) / 1000.0 : 0;
    if (m_downloadBytes > 0) {
        const double ms = double(m_downloadElapsedUs) / 1000.0;
        if (m_downloadElapsedUs > 0 && m_downloadExit == 0 && m_downloadSeen == m_downloadBytes)
            con.downloadMbps = throughputMbps(m_downloadBytes, ms, fixedMs);
        tp.append(QStringLiteral("servidor → consola: $ %1 → %2 bytes, %3 ms, menos %4 ms de arranque del canal; exit %5")
                      .arg(downloadCommand(m_downloadBytes)).arg(m_downloadSeen).arg(ms, 0, 'f', 1).arg(fixedMs, 0, 'f', 1)
                      .arg(m_downloadExit));
    }
    if (m_uploadBytes > 0) {
        const double ms = double(m_uploadElapsedUs) / 1000.0;
        if (m_uploadElapsedUs > 0 && m_uploadExit == 0)
            con.uploadMbps = throughputMbps(m_uploadBytes, ms, fixedMs);
        tp.append(QStringLiteral("consola → servidor: $ cat > /dev/null con %1 bytes, %2 ms, menos %3 ms de arranque del canal; exit %4")
                      .arg(m_uploadBytes).arg(ms, 0, 'f', 1).arg(fixedMs, 0, 'f', 1).arg(m_uploadExit));
    }
    con.throughputEvidence = tp.join(QLatin1Char('\n'));
}

void CheckRunner::startConsoleProbes()
{
    m_report.console.url.url = m_connection.difusorUrl.trimmed();
    const CheckSpec *urlSpec = m_requirements.check(QStringLiteral("net.url"));
    // Asked also when net.url is off: cfg.difusor_url (the profile's own check) says whether it answers.
    if (!m_report.console.url.url.isEmpty()) {
        ++m_pending;
        auto *probe = new UrlProbe(this);
        connect(probe, &UrlProbe::finished, this, [this](const UrlFacts &facts) {
            m_report.console.url = facts;
            m_report.console.urlChecked = true;
            m_report.phaseMs.insert(QStringLiteral("url_done"), m_elapsed.elapsed());
            partDone();
        });
        probe->start(QUrl(m_report.console.url.url), int(urlSpec ? urlSpec->number(QStringLiteral("timeout_ms"), 5000) : 5000));
    }
    // The official PREP: the lag is measured against it, so it must answer (cfg.official_url).
    m_report.console.officialUrl.url = m_connection.officialUrl.trimmed();
    if (!m_report.console.officialUrl.url.isEmpty()) {
        ++m_pending;
        auto *probe = new UrlProbe(this);
        connect(probe, &UrlProbe::finished, this, [this](const UrlFacts &facts) {
            m_report.console.officialUrl = facts;
            m_report.console.officialUrlChecked = true;
            m_report.phaseMs.insert(QStringLiteral("official_url_done"), m_elapsed.elapsed());
            partDone();
        });
        probe->start(QUrl(m_report.console.officialUrl.url), 5000);
    }
    const CheckSpec *open = m_requirements.check(QStringLiteral("net.fw.open"));
    QList<int> ports = open ? open->ports() : QList<int>{};
    if (open && ports.isEmpty())
        ports = {80, 443};
    const QString host = m_local ? QStringLiteral("127.0.0.1") : m_connection.host;
    if (!ports.isEmpty() && !host.isEmpty()) {
        ++m_pending;
        auto *probe = new PortProbe(this);
        connect(probe, &PortProbe::finished, this, [this](const QMap<int, PortReach> &reach, const QString &address) {
            m_report.console.reach = reach;
            m_report.console.dialledAddress = address;
            m_report.phaseMs.insert(QStringLiteral("ports_done"), m_elapsed.elapsed());
            partDone();
        });
        probe->start(host, ports, 3000);
    }
}

void CheckRunner::partDone()
{
    if (--m_pending <= 0 && !m_done)
        finish();
}

void CheckRunner::finish()
{
    if (m_done)
        return;
    m_done = true;
    if (m_probeJob)
        m_probeJob->cancel();
    if (m_downloadJob)
        m_downloadJob->cancel();
    computeConsoleFigures();
    EvaluationInput in;
    in.profile = m_requirements;
    in.probe = m_report.probe;
    in.probeError = m_probeError;
    in.console = m_report.console;
    in.attestations = m_attestations;
    in.extraTrustedIps = m_connection.trustedIps;
    in.publicationDir = m_connection.publicationDir;
    in.accessLog = m_connection.accessLog;
    in.language = m_language;
    m_report.results = evaluate(in);
    m_report.runFailed = m_report.probe.isEmpty();
    if (m_report.runFailed && m_report.error.isEmpty())
        m_report.error = m_probeError;
    m_report.durationMs = m_elapsed.elapsed();
    m_report.phaseMs.insert(QStringLiteral("evaluated"), m_report.durationMs);
    Q_EMIT finished(m_report);
}

} // namespace difusor::checks
