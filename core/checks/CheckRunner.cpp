#include "CheckRunner.h"

#include "Evaluator.h"

#include "common/Tr.h"
#include "remote/RemoteHost.h"

#include <QRandomGenerator>
#include <QTimer>
#include <QUrl>

#include <chrono>

namespace difusor::checks {

namespace {
constexpr int ClockSamples = 3;
constexpr qint64 MaxThroughputBytes = 16 * 1024 * 1024;

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

    m_pending = 1; // the connection
    if (m_consoleProbes)
        startConsoleProbes();
    if (!m_host) {
        onConnectFailed(Tr::tr("sin servidor"), false);
        return;
    }
    connect(m_host, &remote::RemoteHost::hostKeyUnknown, this, [this] { m_hostKeyUnknown = true; });
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
    m_report.console.sshConnected = !m_local;
    m_report.console.sshTarget = m_host->displayName();
    m_report.target = m_report.console.sshTarget;

    const QStringList args{QString::fromLatin1(m_nonce), m_requirements.sudoForFirewall() ? QStringLiteral("1") : QStringLiteral("0"),
                           QString::number(m_probeCap), QStringLiteral("5")};
    remote::RemoteJob *job = m_host->runScript(QStringLiteral(":/scripts/probe.sh"), args, 30000);
    if (!job) {
        m_probeError = Tr::tr("falta el recurso :/scripts/probe.sh");
    } else {
        ++m_pending;
        connect(job, &remote::RemoteJob::finished, this, &CheckRunner::onProbeFinished);
    }
    ++m_pending; // clock samples, then throughput
    nextClockSample();
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

void CheckRunner::onProbeFinished(const remote::CommandResult &result)
{
    if (m_done)
        return;
    m_report.probe = parseProbeOutput(result.stdOut, m_nonce, m_probeCap);
    if (m_report.probe.isEmpty()) {
        if (!result.errorText.isEmpty())
            m_probeError = result.errorText;
        else if (!result.stdErr.trimmed().isEmpty())
            m_probeError = firstLine(result.stdErr);
        else
            m_probeError = Tr::tr("la sonda terminó con estado %1 sin salida reconocible").arg(result.exitStatus);
    }
    partDone();
}

void CheckRunner::nextClockSample()
{
    if (m_done || !m_host)
        return;
    if (m_clock.size() >= ClockSamples) {
        if (const auto off = clockOffset(m_clock)) {
            m_report.console.clockOffsetMs = off->offsetMs;
            m_report.console.clockUncertaintyMs = off->uncertaintyMs;
            m_commandOverheadMs = off->uncertaintyMs * 2;
        }
        QStringList lines;
        for (const ClockSample &s : m_clock)
            lines.append(QStringLiteral("$ date +%s.%N → %1 (ida y vuelta %2 ms)")
                             .arg(s.serverSeconds, 0, 'f', 6).arg(double(s.receivedUs - s.sentUs) / 1000.0, 0, 'f', 1));
        m_report.console.clockEvidence = lines.join(QLatin1Char('\n'));
        startThroughput();
        return;
    }
    const qint64 sent = nowUs();
    remote::RemoteJob *job = m_host->run(QStringLiteral("date +%s.%N"), {}, 10000);
    connect(job, &remote::RemoteJob::finished, this, [this, sent](const remote::CommandResult &result) {
        const qint64 received = nowUs();
        bool ok = false;
        const double server = result.stdOut.trimmed().toDouble(&ok);
        if (result.ok() && ok)
            m_clock.append(ClockSample{sent, received, server});
        else
            m_clock.append(ClockSample{sent, sent - 1, 0}); // counted, never chosen
        nextClockSample();
    });
}

void CheckRunner::startThroughput()
{
    const CheckSpec *spec = m_requirements.check(QStringLiteral("net.bandwidth"));
    const qint64 bytes = std::clamp<qint64>(qint64(spec ? spec->number(QStringLiteral("probe_bytes"), 4194304) : 0),
                                            0, MaxThroughputBytes);
    if (!spec || !spec->enabled || bytes <= 0 || m_done) {
        partDone();
        return;
    }
    auto upTimer = std::make_shared<QElapsedTimer>();
    upTimer->start();
    remote::RemoteJob *up = m_host->run(QStringLiteral("cat > /dev/null"), QByteArray(bytes, '\0'), 30000);
    connect(up, &remote::RemoteJob::finished, this, [this, bytes, upTimer](const remote::CommandResult &upResult) {
        const double upMs = double(upTimer->nsecsElapsed()) / 1e6;
        QStringList ev;
        if (upResult.ok())
            m_report.console.uploadMbps = throughputMbps(bytes, upMs, m_commandOverheadMs);
        ev.append(QStringLiteral("$ cat > /dev/null  (%1 bytes → servidor) %2 ms, exit %3")
                      .arg(bytes).arg(upMs, 0, 'f', 1).arg(upResult.exitStatus));
        if (m_done || !m_host) {
            partDone();
            return;
        }
        auto downTimer = std::make_shared<QElapsedTimer>();
        downTimer->start();
        remote::RemoteJob *down = m_host->run(QStringLiteral("head -c %1 /dev/zero").arg(bytes), {}, 30000);
        connect(down, &remote::RemoteJob::finished, this,
                [this, bytes, downTimer, ev](const remote::CommandResult &downResult) mutable {
                    const double downMs = double(downTimer->nsecsElapsed()) / 1e6;
                    if (downResult.ok() && downResult.stdOut.size() == bytes)
                        m_report.console.downloadMbps = throughputMbps(bytes, downMs, m_commandOverheadMs);
                    ev.append(QStringLiteral("$ head -c %1 /dev/zero  (%2 bytes ← servidor) %3 ms, exit %4")
                                  .arg(bytes).arg(downResult.stdOut.size()).arg(downMs, 0, 'f', 1).arg(downResult.exitStatus));
                    ev.append(QStringLiteral("costo fijo de una orden: %1 ms").arg(m_commandOverheadMs, 0, 'f', 1));
                    m_report.console.throughputEvidence = ev.join(QLatin1Char('\n'));
                    partDone();
                });
    });
}

void CheckRunner::startConsoleProbes()
{
    m_report.console.url.url = m_connection.difusorUrl.trimmed();
    const CheckSpec *urlSpec = m_requirements.check(QStringLiteral("net.url"));
    if (!m_report.console.url.url.isEmpty() && (!urlSpec || urlSpec->enabled)) {
        ++m_pending;
        auto *probe = new UrlProbe(this);
        connect(probe, &UrlProbe::finished, this, [this](const UrlFacts &facts) {
            m_report.console.url = facts;
            m_report.console.urlChecked = true;
            partDone();
        });
        probe->start(QUrl(m_report.console.url.url), int(urlSpec ? urlSpec->number(QStringLiteral("timeout_ms"), 5000) : 5000));
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
    EvaluationInput in;
    in.profile = m_requirements;
    in.probe = m_report.probe;
    in.probeError = m_probeError;
    in.console = m_report.console;
    in.attestations = m_attestations;
    in.extraTrustedIps = m_connection.trustedIps;
    in.language = m_language;
    m_report.results = evaluate(in);
    m_report.runFailed = m_report.probe.isEmpty();
    if (m_report.runFailed && m_report.error.isEmpty())
        m_report.error = m_probeError;
    m_report.durationMs = m_elapsed.elapsed();
    Q_EMIT finished(m_report);
}

} // namespace difusor::checks
