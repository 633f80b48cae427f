#include "Servers.h"

#include "ProcessGuard.h"
#include "common/Tr.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace difusor::sandbox {

namespace {

constexpr int StartDeadlineMs = 15000; // generous: the target is < 5 s, but CI machines are shared
constexpr int StopGraceMs = 1200;      // SIGTERM, then SIGKILL: the whole stop stays under 2 s
constexpr int ProbeRetryMs = 40;
constexpr int MaxPortAttempts = 3;

QString program(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(name, {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    return path;
}

QByteArray readResource(const QString &name)
{
    QFile file(QStringLiteral(":/sandbox/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

} // namespace

SandboxPaths SandboxPaths::under(const QString &stateDir)
{
    SandboxPaths p;
    const QDir d(stateDir);
    p.state = stateDir;
    p.keys = d.filePath(QStringLiteral("keys"));
    p.logs = d.filePath(QStringLiteral("logs"));
    p.run = d.filePath(QStringLiteral("run"));
    p.flags = d.filePath(QStringLiteral("flags"));
    p.publication = d.filePath(QStringLiteral("publicacion"));
    p.site = p.publication + QStringLiteral("/public/site");
    p.official = d.filePath(QStringLiteral("oficial"));
    p.outbox = d.filePath(QStringLiteral("iepc-salida"));
    p.home = d.filePath(QStringLiteral("home"));
    p.hostKey = p.keys + QStringLiteral("/ssh_host_ed25519_key");
    p.userKey = p.keys + QStringLiteral("/id_ed25519");
    p.authorizedKeys = p.keys + QStringLiteral("/authorized_keys");
    p.knownHosts = p.keys + QStringLiteral("/known_hosts");
    p.accessLog = p.logs + QStringLiteral("/access.log");
    p.groundTruth = d.filePath(QStringLiteral("ground-truth.jsonl"));
    p.control = d.filePath(QStringLiteral("control.sock"));
    p.profile = d.filePath(QStringLiteral("profile.json"));
    return p;
}

bool SandboxPaths::create(QString *error) const
{
    for (const QString &dir : QStringList{keys, logs, run, flags, publication, site, official, outbox, home}) {
        if (!QDir().mkpath(dir)) {
            if (error)
                *error = Tr::tr("No se pudo crear la carpeta %1.").arg(dir);
            return false;
        }
    }
    ::chmod(QFile::encodeName(keys).constData(), 0700);
    return true;
}

ServerSet::ServerSet(const SandboxPaths &paths, ProcessGuard *guard, QObject *parent)
    : QObject(parent)
    , m_paths(paths)
    , m_guard(guard)
    , m_deadline(new QTimer(this))
    , m_killTimer(new QTimer(this))
{
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        QStringList silent;
        for (int s = 0; s < ServerCount; ++s) {
            if (!m_up[s])
                silent << serverName(Server(s));
        }
        fail(Tr::tr("Estos servidores del simulador no respondieron a tiempo: %1.").arg(silent.join(QStringLiteral(", "))));
    });
    m_killTimer->setSingleShot(true);
    connect(m_killTimer, &QTimer::timeout, this, &ServerSet::killNow);
}

ServerSet::~ServerSet()
{
    killNow();
}

QString ServerSet::serverName(Server server)
{
    switch (server) {
    case Ssh: return QStringLiteral("sshd");
    case Rsync: return QStringLiteral("rsync");
    case DifusorWeb: return QStringLiteral("nginx (difusor)");
    case OfficialWeb: return QStringLiteral("nginx (PREP oficial)");
    case ServerCount: break;
    }
    return {};
}

void ServerSet::start()
{
    m_clock.start();
    m_starting = true;
    m_wanted.fill(true);
    m_deadline->start(StartDeadlineMs);
    if (::geteuid() == 0 && !QDir(QStringLiteral("/run/sshd")).exists())
        QDir().mkpath(QStringLiteral("/run/sshd")); // sshd's privilege-separation folder, needed as root
    generateKeys();
}

void ServerSet::generateKeys()
{
    Q_EMIT progress(tr("Generando las llaves SSH del simulador…"));
    const QString keygen = program(QStringLiteral("ssh-keygen"));
    for (const QString &path : QStringList{m_paths.hostKey, m_paths.userKey}) {
        auto *process = new QProcess(this);
        m_guard->guard(process);
        process->setProgram(keygen);
        process->setArguments({QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                               QStringLiteral("-N"), QString(), QStringLiteral("-C"),
                               QStringLiteral("difusor-sandbox"), QStringLiteral("-f"), path});
        process->setProcessChannelMode(QProcess::MergedChannels);
        ++m_keygenPending;
        connect(process, &QProcess::finished, this, [this, process, path](int code, QProcess::ExitStatus status) {
            m_guard->forget(process->property("pid").toLongLong());
            const QString output = QString::fromLocal8Bit(process->readAll()).trimmed();
            process->deleteLater();
            if (!m_starting)
                return;
            if (status != QProcess::NormalExit || code != 0) {
                fail(tr("ssh-keygen no pudo generar %1: %2").arg(path, output));
                return;
            }
            if (--m_keygenPending == 0)
                keysDone();
        });
        connect(process, &QProcess::started, this, [process] { process->setProperty("pid", process->processId()); });
        connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
            if (error == QProcess::FailedToStart && m_starting)
                fail(tr("No se pudo ejecutar ssh-keygen: %1").arg(process->errorString()));
        });
        process->start();
    }
}

void ServerSet::keysDone()
{
    QFile pub(m_paths.userKey + QStringLiteral(".pub"));
    if (!pub.open(QIODevice::ReadOnly) || !writeFile(m_paths.authorizedKeys, pub.readAll())) {
        fail(tr("No se pudo escribir %1.").arg(m_paths.authorizedKeys));
        return;
    }
    // Distinct free ports: hold them all, then release them together just before the servers bind.
    QTcpServer holders[ServerCount];
    for (int s = 0; s < ServerCount; ++s) {
        if (!holders[s].listen(QHostAddress::LocalHost, 0)) {
            fail(tr("No hay puertos libres en 127.0.0.1: %1").arg(holders[s].errorString()));
            return;
        }
        m_ports[s] = holders[s].serverPort();
    }
    for (QTcpServer &holder : holders)
        holder.close();
    Q_EMIT progress(tr("Iniciando sshd, rsync y nginx…"));
    for (int s = 0; s < ServerCount; ++s)
        launch(Server(s));
}

bool ServerSet::writeConfig(Server server, QString *error)
{
    QByteArray text;
    QString path;
    auto fill = [&text](const char *key, const QString &value) { text.replace(key, value.toUtf8()); };
    switch (server) {
    case Ssh:
        return true; // everything is on the command line
    case Rsync:
        text = readResource(QStringLiteral("rsyncd.conf"));
        path = m_paths.run + QStringLiteral("/rsyncd.conf");
        fill("@LOG@", m_paths.logs + QStringLiteral("/rsyncd.log"));
        fill("@MODULE@", m_paths.rsyncModule);
        fill("@PUBLICATION@", m_paths.publication);
        // As root the daemon would switch to "nobody" for the module and could not write the folder.
        fill("@UIDGID@", ::geteuid() == 0 ? QStringLiteral("uid = %1\ngid = %2").arg(::getuid()).arg(::getgid())
                                          : QString());
        break;
    case DifusorWeb:
    case OfficialWeb:
        text = readResource(server == DifusorWeb ? QStringLiteral("nginx-difusor.conf") : QStringLiteral("nginx-official.conf"));
        path = m_paths.run + (server == DifusorWeb ? QStringLiteral("/nginx-difusor.conf") : QStringLiteral("/nginx-official.conf"));
        fill("@RUN@", m_paths.run);
        fill("@LOGS@", m_paths.logs);
        fill("@FLAGS@", m_paths.flags);
        fill("@ACCESS_LOG@", m_paths.accessLog);
        fill("@SITE@", server == DifusorWeb ? m_paths.site : m_paths.official);
        fill("@PORT@", QString::number(m_ports[server]));
        break;
    case ServerCount:
        return false;
    }
    if (text.isEmpty() || !writeFile(path, text)) {
        if (error)
            *error = tr("No se pudo escribir la configuración %1.").arg(path);
        return false;
    }
    return true;
}

QString ServerSet::logFile(Server server) const
{
    switch (server) {
    case Ssh: return m_paths.logs + QStringLiteral("/sshd.log");
    case Rsync: return m_paths.logs + QStringLiteral("/rsyncd-stderr.log");
    case DifusorWeb: return m_paths.logs + QStringLiteral("/nginx-difusor-error.log");
    case OfficialWeb: return m_paths.logs + QStringLiteral("/nginx-official-error.log");
    case ServerCount: break;
    }
    return {};
}

QString ServerSet::logTail(Server server) const
{
    QFile file(logFile(server));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    if (file.size() > 2048)
        file.seek(file.size() - 2048);
    return QString::fromLocal8Bit(file.readAll()).trimmed();
}

void ServerSet::launch(Server server)
{
    QString error;
    if (!writeConfig(server, &error)) {
        fail(error);
        return;
    }
    const QString port = QString::number(m_ports[server]);
    QString exe;
    QStringList args;
    switch (server) {
    case Ssh:
        exe = program(QStringLiteral("sshd"));
        args = {QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"), QStringLiteral("/dev/null")};
        for (const QString &option : QStringList{
                 QStringLiteral("Port=") + port, QStringLiteral("ListenAddress=127.0.0.1"),
              QStringLiteral("HostKey=") + m_paths.hostKey, QStringLiteral("AuthorizedKeysFile=") + m_paths.authorizedKeys,
              QStringLiteral("UsePAM=no"), QStringLiteral("StrictModes=no"), QStringLiteral("PidFile=none"),
              QStringLiteral("PasswordAuthentication=no"), QStringLiteral("KbdInteractiveAuthentication=no"),
              QStringLiteral("PermitRootLogin=prohibit-password"), QStringLiteral("Subsystem=sftp internal-sftp"),
              QStringLiteral("MaxStartups=50:30:100"), QStringLiteral("LogLevel=INFO"),
              // The sandbox's account gets its own empty home, like a fresh server account: the
              // session's shell must not run the desk user's ~/.bashrc (a `pyenv init` there rehashes in
              // every session, and one killed mid-rehash leaves a lock every later shell waits on).
              QStringLiteral("SetEnv=HOME=") + m_paths.home}) {
            args << QStringLiteral("-o") << option;
        }
        break;
    case Rsync:
        exe = program(QStringLiteral("rsync"));
        args = {QStringLiteral("--daemon"), QStringLiteral("--no-detach"),
                QStringLiteral("--config=") + m_paths.run + QStringLiteral("/rsyncd.conf"),
                QStringLiteral("--port=") + port, QStringLiteral("--address=127.0.0.1")};
        break;
    case DifusorWeb:
    case OfficialWeb: {
        const bool difusor = server == DifusorWeb;
        exe = program(QStringLiteral("nginx"));
        args = {QStringLiteral("-p"), m_paths.run, QStringLiteral("-e"), logFile(server), QStringLiteral("-c"),
                m_paths.run + (difusor ? QStringLiteral("/nginx-difusor.conf") : QStringLiteral("/nginx-official.conf")),
                QStringLiteral("-g"), QStringLiteral("daemon off;")};
        break;
    }
    case ServerCount:
        return;
    }
    auto *process = new QProcess(this);
    // sshd's per-connection children call setsid(): if sshd died first they would be orphaned out of
    // reach, so sshd has no parent-death signal and the watchdog freezes and kills its whole tree.
    m_guard->guard(process, server != Ssh);
    process->setProgram(exe);
    process->setArguments(args);
    process->setProcessChannelMode(QProcess::MergedChannels);
    process->setStandardOutputFile(server == Ssh || server == Rsync ? logFile(server)
                                                                    : m_paths.logs + QStringLiteral("/nginx-stderr.log"),
                                   QIODevice::Append);
    process->setStandardInputFile(QProcess::nullDevice());
    connect(process, &QProcess::started, this, [this, server, process] { m_pids[server] = process->processId(); });
    connect(process, &QProcess::finished, this, [this, server] { onFinished(server); });
    connect(process, &QProcess::errorOccurred, this, [this, server, process](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart && m_starting)
            fail(tr("No se pudo ejecutar %1: %2").arg(serverName(server), process->errorString()));
    });
    if (m_process[server])
        m_process[server]->deleteLater();
    m_process[server] = process;
    m_up[server] = false;
    process->start();
    probe(server);
}

void ServerSet::probe(Server server)
{
    auto *socket = new QTcpSocket(this);
    auto buffer = std::make_shared<QByteArray>();
    auto *timeout = new QTimer(socket);
    timeout->setSingleShot(true);
    auto retry = [this, server, socket] {
        if (socket->property("done").toBool())
            return;
        socket->setProperty("done", true);
        socket->deleteLater();
        QProcess *p = m_process[server];
        if ((m_starting || m_wanted[server]) && !m_stopping && !m_up[server] && p && p->state() != QProcess::NotRunning)
            QTimer::singleShot(ProbeRetryMs, this, [this, server] { probe(server); });
    };
    connect(timeout, &QTimer::timeout, socket, retry);
    connect(socket, &QTcpSocket::errorOccurred, socket, retry);
    connect(socket, &QTcpSocket::connected, socket, [server, socket] {
        if (server == DifusorWeb)
            socket->write("GET /nginx_status HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
        else if (server == OfficialWeb)
            socket->write("GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
    });
    connect(socket, &QTcpSocket::readyRead, socket, [this, server, socket, buffer, retry] {
        if (socket->property("done").toBool())
            return;
        buffer->append(socket->read(4096));
        const bool answered = server == Ssh      ? buffer->startsWith("SSH-2.0-")
                              : server == Rsync  ? buffer->startsWith("@RSYNCD:")
                                                 : buffer->startsWith("HTTP/1.1 200");
        if (answered) {
            socket->setProperty("done", true);
            socket->abort();
            socket->deleteLater();
            onProbeAnswer(server, socket);
        } else if (buffer->size() >= 12 || buffer->contains('\n')) {
            retry();
        }
    });
    timeout->start(600);
    socket->connectToHost(QHostAddress::LocalHost, quint16(m_ports[server]));
}

void ServerSet::onProbeAnswer(Server server, QTcpSocket *)
{
    if (m_up[server] || m_stopping)
        return;
    m_up[server] = true;
    if (m_starting) {
        checkAllReady();
    } else if (server == DifusorWeb) {
        Q_EMIT difusorWebUp();
    }
}

void ServerSet::checkAllReady()
{
    for (bool up : m_up) {
        if (!up)
            return;
    }
    m_starting = false;
    m_deadline->stop();
    Q_EMIT ready();
}

void ServerSet::onFinished(Server server)
{
    QProcess *process = m_process[server];
    m_guard->forget(m_pids[server]);
    m_pids[server] = 0;
    m_up[server] = false;
    if (m_stopping) {
        if (!anyRunning()) {
            m_killTimer->stop();
            Q_EMIT stopped();
        }
        return;
    }
    const QString tail = logTail(server);
    if (m_starting && !m_failed) {
        const QString output = process ? QString::fromLocal8Bit(process->readAll()) : QString();
        if ((tail.contains(QLatin1String("in use")) || output.contains(QLatin1String("in use")))
            && ++m_attempts[server] < MaxPortAttempts) {
            // Someone took the port between our check and the bind: try another one.
            QTcpServer holder;
            if (holder.listen(QHostAddress::LocalHost, 0)) {
                m_ports[server] = holder.serverPort();
                holder.close();
                launch(server);
                return;
            }
        }
        fail(tr("%1 terminó al iniciar: %2").arg(serverName(server), tail));
        return;
    }
    if (m_wanted[server] && !m_failed)
        Q_EMIT unexpectedExit(serverName(server), tail);
}

void ServerSet::fail(const QString &message)
{
    if (m_failed || m_stopping)
        return;
    m_failed = true;
    m_starting = false;
    m_deadline->stop();
    Q_EMIT failed(message);
}

bool ServerSet::anyRunning() const
{
    for (QProcess *p : m_process) {
        if (p && p->state() != QProcess::NotRunning)
            return true;
    }
    return false;
}

void ServerSet::stop()
{
    m_stopping = true;
    m_starting = false;
    m_deadline->stop();
    for (int s = 0; s < ServerCount; ++s) {
        if (m_pids[s] > 0)
            ::kill(-pid_t(m_pids[s]), SIGTERM); // the whole process group (each server leads its own)
    }
    if (!anyRunning()) {
        QMetaObject::invokeMethod(this, &ServerSet::stopped, Qt::QueuedConnection);
        return;
    }
    m_killTimer->start(StopGraceMs);
}

void ServerSet::killNow()
{
    for (int s = 0; s < ServerCount; ++s) {
        if (m_pids[s] > 0)
            ::kill(-pid_t(m_pids[s]), SIGKILL);
    }
}

QString ServerSet::hostKeyLine() const
{
    QFile file(m_paths.hostKey + QStringLiteral(".pub"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> fields = file.readLine(4096).trimmed().split(' ');
    return fields.size() >= 2 ? QString::fromLatin1(fields.at(0) + ' ' + fields.at(1)) : QString();
}

void ServerSet::stopDifusorWeb()
{
    m_wanted[DifusorWeb] = false;
    if (m_pids[DifusorWeb] > 0)
        ::kill(-pid_t(m_pids[DifusorWeb]), SIGTERM);
}

void ServerSet::startDifusorWeb()
{
    if (m_stopping)
        return;
    m_wanted[DifusorWeb] = true;
    QProcess *old = m_process[DifusorWeb];
    if (old && old->state() != QProcess::NotRunning) {
        // Still shutting down: start again once it is gone (the port must be free).
        connect(old, &QProcess::finished, this, [this] { QTimer::singleShot(0, this, [this] { startDifusorWeb(); }); },
                Qt::SingleShotConnection);
        return;
    }
    launch(DifusorWeb);
}

void ServerSet::reopenDifusorLog(const std::function<void(bool)> &done)
{
    auto *process = new QProcess(this);
    m_guard->guard(process);
    process->setProgram(program(QStringLiteral("nginx")));
    process->setArguments({QStringLiteral("-p"), m_paths.run, QStringLiteral("-e"), logFile(DifusorWeb),
                           QStringLiteral("-c"), m_paths.run + QStringLiteral("/nginx-difusor.conf"),
                           QStringLiteral("-s"), QStringLiteral("reopen")});
    process->setProcessChannelMode(QProcess::MergedChannels);
    connect(process, &QProcess::started, this, [process] { process->setProperty("pid", process->processId()); });
    connect(process, &QProcess::finished, this, [this, process, done](int code, QProcess::ExitStatus status) {
        m_guard->forget(process->property("pid").toLongLong());
        process->deleteLater();
        done(status == QProcess::NormalExit && code == 0);
    });
    process->start();
}

} // namespace difusor::sandbox
