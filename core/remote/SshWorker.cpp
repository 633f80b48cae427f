#include "SshWorker.h"

#include "HostKeys.h"
#include "KnownHosts.h"
#include "SshJobState.h"
#include "common/Tr.h"
#include "common/TsanHandoff.h"

#include <QFileInfo>
#include <QSocketNotifier>
#include <QTimer>

#include <algorithm>
#include <mutex>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>

namespace difusor::remote {

namespace {
void initLibssh()
{
    static std::once_flag once;
    std::call_once(once, [] { ssh_init(); });
}

// Errors libssh reports as text only: sort them into what the technician can act on.
RemoteError classifyConnectError(const QString &text)
{
    if (text.contains(QLatin1String("resolve hostname"), Qt::CaseInsensitive))
        return RemoteError::DnsFailure;
    if (text.contains(QLatin1String("refused"), Qt::CaseInsensitive))
        return RemoteError::ConnectionRefused;
    if (text.contains(QLatin1String("timeout"), Qt::CaseInsensitive)
        || text.contains(QLatin1String("timed out"), Qt::CaseInsensitive))
        return RemoteError::Timeout;
    return RemoteError::Other;
}

bool isTransient(RemoteError error)
{
    return error == RemoteError::DnsFailure || error == RemoteError::ConnectionRefused
           || error == RemoteError::Timeout || error == RemoteError::Disconnected || error == RemoteError::Other;
}
} // namespace

void SshInterrupt::abort(bool force)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    ++m_epoch;
    // Only a blocking libssh call is waiting on this socket (the worker is not in the event loop):
    // shutting it down makes that call fail at once. The fd stays open; libssh closes it later.
    if (m_fd >= 0 && (m_interruptible || force))
        ::shutdown(m_fd, SHUT_RDWR);
}

quint64 SshInterrupt::epoch() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_epoch;
}

bool SshInterrupt::publish(int fd, quint64 epoch)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (epoch != m_epoch)
        return false;
    m_fd = fd;
    m_interruptible = true;
    return true;
}

void SshInterrupt::setInterruptible(bool interruptible)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_interruptible = interruptible;
}

void SshInterrupt::withdraw()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_fd = -1;
    m_interruptible = false;
}

bool SshInterrupt::aborted(quint64 epoch) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return epoch != m_epoch;
}

QEvent::Type WorkerCall::eventType()
{
    static const auto type = QEvent::Type(QEvent::registerEventType());
    return type;
}

WorkerCall::WorkerCall(std::function<void(SshWorker *)> f)
    : QEvent(eventType())
    , call(std::move(f))
{
}

bool SshWorker::event(QEvent *event)
{
    tsanAcquire(event); // pairs with the release before it was posted (SshHost); first: even its type was written there
    if (event->type() != WorkerCall::eventType())
        return QObject::event(event);
    auto *call = static_cast<WorkerCall *>(event);
    call->call(this); // may delete this (the host went away): touch nothing after
    return true;
}

SshWorker::SshWorker(const WorkerConfig &config, std::shared_ptr<SshInterrupt> interrupt)
    : m_config(config)
    , m_interrupt(std::move(interrupt))
    , m_backoff(config.timings.firstBackoffMs, config.timings.maxBackoffMs)
{
    initLibssh();
    m_reconnectTimer = new QTimer(this);
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &SshWorker::attemptConnect);
    m_keepaliveTimer = new QTimer(this);
    m_keepaliveTimer->setInterval(config.timings.keepaliveIntervalMs);
    connect(m_keepaliveTimer, &QTimer::timeout, this, &SshWorker::sendProbe);
    m_pumpTimer = new QTimer(this);
    m_pumpTimer->setInterval(10);
    connect(m_pumpTimer, &QTimer::timeout, this, &SshWorker::pump);
}

SshWorker::~SshWorker()
{
    stop();
    if (m_privateKey)
        ssh_key_free(m_privateKey);
    m_password.fill('\0');
}

void SshWorker::setState(ConnectionState state, const QString &reason)
{
    if (state == m_state && state != ConnectionState::Failed && state != ConnectionState::Reconnecting)
        return;
    m_state = state;
    Q_EMIT stateChanged(state, reason);
}

void SshWorker::setConfig(const WorkerConfig &config)
{
    m_config = config;
    m_backoff = Backoff(config.timings.firstBackoffMs, config.timings.maxBackoffMs);
    m_keepaliveTimer->setInterval(config.timings.keepaliveIntervalMs);
}

bool SshWorker::abandoned() const
{
    return m_interrupt->aborted(m_runEpoch);
}

void SshWorker::start(quint64 epoch)
{
    if (m_interrupt->aborted(epoch))
        return; // disconnected (or destroyed) after asking: a stop() is queued behind this
    m_runEpoch = epoch;
    if (m_phase == Phase::WaitReconnect) {
        // Asked again while waiting out the backoff: try now.
        m_reconnectTimer->stop();
        attemptConnect();
        return;
    }
    if (m_phase != Phase::Idle && m_phase != Phase::Failed)
        return;
    m_everConnected = false;
    m_backoff.reset();
    m_passphraseTries = 0;
    attemptConnect();
}

void SshWorker::stop(const QString &reason)
{
    m_reconnectTimer->stop();
    killRunningGroups(); // the user leaves: what we started on the server stops too
    flushKills();
    failAllJobs(RemoteError::Disconnected, reason.isEmpty() ? Tr::tr("Desconectado.") : reason, true);
    dropSession();
    m_phase = Phase::Idle;
    m_secretFor = SecretFor::None;
    setState(ConnectionState::Disconnected, reason);
}

void SshWorker::applyTimeout(int ms)
{
    if (!m_session)
        return;
    long seconds = ms / 1000;
    long usec = (ms % 1000) * 1000L;
    ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT, &seconds);
    ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT_USEC, &usec);
}

// ssh_connect in non-blocking mode, polled in slices of at most 50 ms: between slices the GUI side may
// abandon the attempt (SshInterrupt), so a server that accepts TCP but never speaks SSH keeps this
// thread at most 50 ms after a disconnect, never the whole connect timeout. Returns SSH_OK, SSH_ERROR
// (libssh's error set), or SSH_AGAIN when the timeout ran out or the attempt was abandoned.
int SshWorker::connectSession(QString *timeoutText)
{
    ssh_set_blocking(m_session, 0);
    QDeadlineTimer deadline(m_config.timings.connectTimeoutMs);
    int rc = ssh_connect(m_session); // resolves the name (blocking) and starts the TCP connect
    bool published = false;
    bool tcpUp = false;
    while (rc == SSH_AGAIN) {
        const int fd = ssh_get_fd(m_session);
        if (!published) {
            if (fd < 0 || !m_interrupt->publish(fd, m_runEpoch))
                break;
            published = true;
        }
        if (abandoned())
            break;
        if (deadline.hasExpired()) {
            *timeoutText = QStringLiteral("timeout");
            break;
        }
        // Writable once: the TCP connection is up. From then on only the server's bytes matter.
        pollfd pfd{fd, short(tcpUp ? POLLIN : (POLLIN | POLLOUT)), 0};
        if (::poll(&pfd, 1, int(qMin<qint64>(deadline.remainingTime(), 50))) > 0 && (pfd.revents & POLLOUT))
            tcpUp = true;
        rc = ssh_connect(m_session);
    }
    ssh_set_blocking(m_session, 1);
    return rc;
}

void SshWorker::attemptConnect()
{
    if (abandoned())
        return; // a stop() is queued
    dropSession();
    const Profile &p = m_config.profile;
    m_phase = Phase::Connecting;
    if (!m_everConnected)
        setState(ConnectionState::Connecting);

    m_session = ssh_new();
    if (!m_session) {
        connectionFailed(RemoteError::Other, Tr::tr("No se pudo crear la sesión SSH."));
        return;
    }
    const QByteArray host = p.host.toUtf8();
    ssh_options_set(m_session, SSH_OPTIONS_HOST, host.constData());
    // ~/.ssh/config first (Host blocks match the name typed), then the profile's explicit values win,
    // as command-line options do in OpenSSH.
    const QByteArray configPath = QFile::encodeName(m_config.sshConfigFile);
    if (!configPath.isEmpty() && QFileInfo::exists(m_config.sshConfigFile)) {
        ssh_options_parse_config(m_session, configPath.constData());
    } else {
        int no = 0;
        ssh_options_set(m_session, SSH_OPTIONS_PROCESS_CONFIG, &no);
    }
    // Port 22 is also the profile's default: then a Port line of ~/.ssh/config may still apply.
    if (p.port > 0 && p.port != 22) {
        const unsigned int port = unsigned(p.port);
        ssh_options_set(m_session, SSH_OPTIONS_PORT, &port);
    }
    if (!p.user.isEmpty()) {
        const QByteArray user = p.user.toUtf8();
        ssh_options_set(m_session, SSH_OPTIONS_USER, user.constData());
    }
    // Host keys are checked against our own file by KnownHosts; keep libssh away from ~/.ssh.
    const QByteArray known = QFile::encodeName(m_config.knownHostsFile);
    ssh_options_set(m_session, SSH_OPTIONS_KNOWNHOSTS, known.constData());
    ssh_options_set(m_session, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, known.constData());
    applyTimeout(m_config.timings.connectTimeoutMs);
    // zlib on the link unless the profile turns it off (on by default; with it off, a Compression line of
    // ~/.ssh/config read above still applies).
    if (p.compression) {
        ssh_options_set(m_session, SSH_OPTIONS_COMPRESSION, "yes");
        // Our own direction carries commands and the check's upload measure (random bytes): zlib's
        // fastest level keeps the worker thread free; the server's direction uses sshd's own level.
        int level = 1;
        ssh_options_set(m_session, SSH_OPTIONS_COMPRESSION_LEVEL, &level);
    }
    // Small request/reply packets (channel opens, exec) must not wait for Nagle's delayed ACK (~40 ms).
    int noDelay = 1;
    ssh_options_set(m_session, SSH_OPTIONS_NODELAY, &noDelay);

    // What the config made of the name: known_hosts is keyed by the real host and port, as OpenSSH does.
    unsigned int port = 22;
    ssh_options_get_port(m_session, &port);
    m_effectivePort = int(port);
    m_effectiveHost = p.host;
    char *resolved = nullptr;
    if (ssh_options_get(m_session, SSH_OPTIONS_HOST, &resolved) == SSH_OK && resolved)
        m_effectiveHost = QString::fromUtf8(resolved);
    ssh_string_free_char(resolved);

    QString timedOut;
    const int rc = connectSession(&timedOut);
    if (rc != SSH_OK) {
        if (abandoned()) {
            connectionFailed(RemoteError::Disconnected, {}); // quiet: the queued stop() tells
            return;
        }
        const QString detail = timedOut.isEmpty() ? QString::fromUtf8(ssh_get_error(m_session)) : timedOut;
        const RemoteError kind = classifyConnectError(detail);
        const QString where = m_effectiveHost + QLatin1Char(':') + QString::number(port);
        QString text;
        switch (kind) {
        case RemoteError::DnsFailure:
            text = Tr::tr("No se encontró el servidor «%1»: el nombre no existe en el DNS.").arg(p.host);
            break;
        case RemoteError::ConnectionRefused:
            text = Tr::tr("%1 rechazó la conexión: nada escucha en ese puerto o un firewall lo bloquea.").arg(where);
            break;
        case RemoteError::Timeout:
            text = Tr::tr("%1 no respondió en %2 s.").arg(where).arg(m_config.timings.connectTimeoutMs / 1000.0);
            break;
        default: text = Tr::tr("No se pudo conectar con %1: %2").arg(where, detail); break;
        }
        connectionFailed(kind, text);
        return;
    }
    if (checkHostKey())
        beginAuth();
}

bool SshWorker::checkHostKey()
{
    ssh_key key = nullptr;
    char *b64 = nullptr;
    QByteArray blob;
    if (ssh_get_server_publickey(m_session, &key) == SSH_OK && ssh_pki_export_pubkey_base64(key, &b64) == SSH_OK)
        blob = QByteArray::fromBase64(QByteArray(b64));
    ssh_string_free_char(b64);
    ssh_key_free(key);
    const auto facts = describePublicKey(blob);
    if (!facts) {
        connectionFailed(RemoteError::HostKeyRejected, Tr::tr("El servidor presentó una llave de tipo desconocido."));
        return false;
    }
    HostKeyInfo info;
    info.host = m_effectiveHost;
    info.port = m_effectivePort;
    info.keyType = facts->keyType;
    info.keyBits = facts->bits;
    info.fingerprint = facts->fingerprint;
    info.knownHostsFile = m_config.knownHostsFile;

    // Ours first, then OpenSSH's files as ssh reads them (UserKnownHostsFile, GlobalKnownHostsFile):
    // the key is known when one of them holds it, and refused when one holds another key for the host.
    // A file of OpenSSH's that is missing or unreadable is skipped, as ssh does; ours must be readable.
    auto found = KnownHosts::lookupFile(m_config.knownHostsFile, m_effectiveHost, m_effectivePort, blob);
    QString source = m_config.knownHostsFile;
    for (const QString &other : std::as_const(m_config.otherKnownHostsFiles)) {
        if (found.status != KnownHosts::Status::Unknown)
            break;
        const auto there = KnownHosts::lookupFile(other, m_effectiveHost, m_effectivePort, blob);
        if (there.status == KnownHosts::Status::Known || there.status == KnownHosts::Status::Changed) {
            found = there;
            source = other;
        }
    }
    info.knownHostsFile = source;
    switch (found.status) {
    case KnownHosts::Status::Known: Q_EMIT hostKeyVerified(info.fingerprint, source, false); return true;
    case KnownHosts::Status::Changed: {
        const auto old = describePublicKey(found.oldBlob);
        info.oldFingerprint = old ? fingerprintLine(*old) : sha256Fingerprint(found.oldBlob);
        Q_EMIT hostKeyChanged(info);
        connectionFailed(RemoteError::HostKeyChanged,
                         Tr::tr("¡LA LLAVE DEL SERVIDOR %1 CAMBIÓ! Registrada: %2. Presentada ahora: %3. "
                                "Puede ser un ataque de intermediario; no se conectó. Si el cambio es legítimo, "
                                "borre la entrada vieja de %4.")
                             .arg(KnownHosts::hostToken(m_effectiveHost, m_effectivePort), info.oldFingerprint, fingerprintLine(*facts),
                                  source));
        return false;
    }
    case KnownHosts::Status::Unreadable:
        // Never first use: the key on record may be in the file we could not read.
        connectionFailed(RemoteError::HostKeyRejected,
                         Tr::tr("No se pudo leer el archivo de llaves conocidas %1 (%2). Sin él no se puede "
                                "comprobar la llave del servidor %3; no se conectó. Corrija el archivo o sus permisos.")
                             .arg(m_config.knownHostsFile, found.error, KnownHosts::hostToken(m_effectiveHost, m_effectivePort)));
        return false;
    case KnownHosts::Status::Unknown:
        info.knownHostsFile = m_config.knownHostsFile; // where it would be saved
        m_phase = Phase::WaitHostKey;
        m_pendingKey = info;
        m_pendingBlob = blob;
        Q_EMIT hostKeyUnknown(info);
        return false;
    }
    return false;
}

void SshWorker::answerHostKey(bool trust)
{
    if (m_phase != Phase::WaitHostKey)
        return;
    if (!trust) {
        connectionFailed(RemoteError::HostKeyRejected,
                         Tr::tr("No se aceptó la llave %1 del servidor.").arg(m_pendingKey.fingerprint));
        return;
    }
    QString error;
    if (!KnownHosts::append(m_config.knownHostsFile, m_effectiveHost, m_effectivePort, m_pendingBlob, &error)) {
        connectionFailed(RemoteError::LocalIo, error);
        return;
    }
    Q_EMIT hostKeyVerified(m_pendingKey.fingerprint, m_config.knownHostsFile, true);
    beginAuth();
}

void SshWorker::connectionFailed(RemoteError error, const QString &text)
{
    dropSession();
    m_secretFor = SecretFor::None;
    if (abandoned()) {
        // The GUI side cut this attempt short (disconnect, or the host went away): the stop() queued
        // behind us reports it; a "failed" here would only be the echo of our own interruption.
        m_phase = Phase::Idle;
        return;
    }
    if (m_everConnected && isTransient(error)) {
        m_phase = Phase::WaitReconnect;
        setState(ConnectionState::Reconnecting, text);
        m_reconnectTimer->start(m_backoff.next());
        return;
    }
    m_phase = Phase::Failed;
    failAllJobs(error, text, true);
    setState(ConnectionState::Failed, text);
}

void SshWorker::linkLost(const QString &reason)
{
    if (m_phase != Phase::Connected)
        return;
    // A process that writes nothing (sleep, a quiet tail) would outlive the dropped session:
    // its group is killed as soon as we are back.
    killRunningGroups();
    failAllJobs(RemoteError::Disconnected, errorText(RemoteError::Disconnected, reason), false);
    dropSession();
    m_phase = Phase::WaitReconnect;
    setState(ConnectionState::Reconnecting, reason);
    m_reconnectTimer->start(m_backoff.next());
}

void SshWorker::becomeConnected()
{
    m_phase = Phase::Connected;
    m_everConnected = true;
    m_backoff.reset();
    m_secretFor = SecretFor::None;
    // Connected: a disconnect must not cut the socket any more, the jobs' process groups are killed
    // over it first (stop()).
    m_interrupt->setInterruptible(false);
    // From now on each blocking step (channel open, probe) may take at most this long.
    applyTimeout(m_config.timings.probeTimeoutMs());
    m_notifier = new QSocketNotifier(qintptr(ssh_get_fd(m_session)), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SshWorker::pump);
    m_keepaliveTimer->start();
    setState(ConnectionState::Connected);
    QTimer::singleShot(0, this, &SshWorker::sendProbe); // a first round-trip figure right away
    startQueued();
}

void SshWorker::sendProbe()
{
    if (m_phase != Phase::Connected)
        return;
    // A channel open needs the server's confirmation: a real round trip with no process started.
    QElapsedTimer clock;
    clock.start();
    ssh_channel channel = ssh_channel_new(m_session);
    const int rc = channel ? openSessionChannel(channel) : SSH_ERROR;
    const qint64 elapsed = clock.elapsed();
    if (channel) {
        BlockingMode nb(m_session, false);
        ssh_channel_free(channel);
    }
    if (rc != SSH_OK) {
        const QString detail = QString::fromUtf8(ssh_get_error(m_session));
        // An explicit refusal (MaxSessions…) still proves the link is alive; silence does not.
        if (!ssh_is_connected(m_session) || !detail.contains(QLatin1String("Channel opening failure"))) {
            linkLost(Tr::tr("El servidor dejó de responder en %1 ms.").arg(elapsed));
            return;
        }
    }
    if (m_notifier)
        m_notifier->setEnabled(true);
    Q_EMIT roundTripMeasured(elapsed);
}

// Our ACKs go out at once instead of up to 40 ms later (Linux's delayed ACK). sshd sends a message we
// do not answer (its host keys, right after authentication) and then, with Nagle's algorithm on its
// side, holds its next small packet (a channel's confirmation) until that message is acknowledged:
// every session's first command started ~40 ms late. Not permanent in the kernel: set again after each
// read (pump(), openSessionChannel()); a pending ACK goes out as it is set.
void SshWorker::quickAck()
{
#ifdef TCP_QUICKACK
    if (!m_session)
        return;
    const int fd = ssh_get_fd(m_session);
    int one = 1;
    if (fd >= 0)
        ::setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
#endif
}

// ssh_channel_open_session, non-blocking and polled here rather than inside libssh, so that each time
// bytes come in quickAck() acknowledges them at once (see there). Bounded by the probe timeout, as the
// blocking call was; SSH_AGAIN when it ran out.
int SshWorker::openSessionChannel(ssh_channel channel)
{
    BlockingMode nonBlocking(m_session, false);
    const QDeadlineTimer deadline(m_config.timings.probeTimeoutMs());
    int rc = ssh_channel_open_session(channel);
    while (rc == SSH_AGAIN && !deadline.hasExpired()) {
        pollfd pfd{ssh_get_fd(m_session), POLLIN, 0};
        ::poll(&pfd, 1, int(qMin<qint64>(deadline.remainingTime(), 50)));
        quickAck();
        rc = ssh_channel_open_session(channel);
    }
    return rc;
}

void SshWorker::dropSession()
{
    m_keepaliveTimer->stop();
    delete m_notifier;
    m_notifier = nullptr;
    releaseChannels();
    m_interrupt->withdraw(); // before libssh closes the fd: never shut down a number reused since
    if (m_session) {
        ssh_silent_disconnect(m_session);
        ssh_free(m_session);
        m_session = nullptr;
    }
    updatePumpTimers();
}

} // namespace difusor::remote
