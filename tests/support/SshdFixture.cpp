#include "SshdFixture.h"

#include "TestEnv.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QTcpSocket>
#include <QThread>

#include <csignal>

#include <pwd.h>
#include <sys/types.h>
#include <unistd.h>

namespace difusor::test {

namespace {
QByteArray readProcFile(qint64 pid, const char *name)
{
    QFile f(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(name)));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.read(256 * 1024);
}

qint64 parentOf(qint64 pid)
{
    // /proc/pid/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses.
    const QByteArray stat = readProcFile(pid, "stat");
    const int close = stat.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() : -1;
}

QList<qint64> allPids()
{
    QList<qint64> pids;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &e : entries) {
        bool ok = false;
        const qint64 pid = e.toLongLong(&ok);
        if (ok)
            pids.append(pid);
    }
    return pids;
}

void killAll(const QList<qint64> &pids, int signal)
{
    for (const qint64 pid : pids)
        ::kill(pid_t(pid), signal);
}
} // namespace

SshdFixture::SshdFixture()
{
    m_sshdProgram = findProgram(QStringLiteral("sshd"));
}

SshdFixture::~SshdFixture()
{
    stop();
    for (const QString &user : std::as_const(m_users)) {
        // The user's own processes (sessions that outlived a test) go first, then the account.
        const struct passwd *pw = ::getpwnam(user.toLocal8Bit().constData());
        if (pw) {
            const uid_t uid = pw->pw_uid;
            const QList<qint64> pids = findProcesses([uid](qint64 pid, const QByteArray &, const QByteArray &) {
                const QByteArray status = readProcFile(pid, "status");
                const int at = status.indexOf("\nUid:");
                return at >= 0 && status.mid(at + 5, 64).simplified().split(' ').value(0).toLongLong() == qint64(uid);
            });
            killAll(pids, SIGKILL);
        }
        runTool(QStringLiteral("userdel"), {QStringLiteral("-f"), user});
    }
}

QString SshdFixture::dir() const { return m_dir ? m_dir->path() : QString(); }
QString SshdFixture::path(const QString &name) const { return dir() + QLatin1Char('/') + name; }

QString SshdFixture::userName() const
{
    const struct passwd *pw = ::getpwuid(::getuid());
    return pw ? QString::fromLocal8Bit(pw->pw_name) : qEnvironmentVariable("USER");
}

QString SshdFixture::log() const
{
    QFile f(path(QStringLiteral("sshd.log")));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

bool SshdFixture::runTool(const QString &program, const QStringList &args, QByteArray *out, QString *error,
                          const QByteArray &stdinData)
{
    QString exe = findProgram(program);
    if (exe.isEmpty())
        exe = program;
    QProcess p;
    p.start(exe, args);
    if (!p.waitForStarted(10000)) {
        if (error)
            *error = program + QStringLiteral(": ") + p.errorString();
        return false;
    }
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    if (out)
        *out = p.readAllStandardOutput();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (error)
            *error = program + QStringLiteral(" failed: ") + QString::fromUtf8(p.readAllStandardError());
        return false;
    }
    return true;
}

bool SshdFixture::generateKey(const QString &file, QString *error) const
{
    QFile::remove(file);
    QFile::remove(file + QStringLiteral(".pub"));
    return runTool(QStringLiteral("ssh-keygen"),
                   {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
                    QString(), QStringLiteral("-C"), QStringLiteral("difusor-test"), QStringLiteral("-f"), file},
                   nullptr, error);
}

bool SshdFixture::start(QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (m_sshdProgram.isEmpty())
        return fail(QStringLiteral("sshd not installed"));
    m_dir = std::make_unique<QTemporaryDir>(tempTemplate());
    if (!m_dir->isValid())
        return fail(QStringLiteral("no temporary folder"));
    if (!generateKey(hostKeyPath(), error) || !generateKey(userKeyPath(), error))
        return false;
    QFile::remove(path(QStringLiteral("authorized_keys")));
    if (!QFile::copy(userKeyPath() + QStringLiteral(".pub"), path(QStringLiteral("authorized_keys"))))
        return fail(QStringLiteral("cannot write authorized_keys"));
    if (!QDir().mkpath(path(QStringLiteral("home"))))
        return fail(QStringLiteral("cannot create the sessions' home"));
    if (::getuid() == 0)
        QDir().mkpath(QStringLiteral("/run/sshd")); // privilege separation folder sshd insists on
    m_port = freePort();
    if (m_port <= 0)
        return fail(QStringLiteral("no free port"));
    return launch(error);
}

bool SshdFixture::launch(QString *error)
{
    QStringList args = {QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"), QStringLiteral("/dev/null")};
    const QStringList options = {
        QStringLiteral("Port=%1").arg(m_port),
        QStringLiteral("ListenAddress=127.0.0.1"),
        QStringLiteral("HostKey=") + hostKeyPath(),
        QStringLiteral("AuthorizedKeysFile=") + path(QStringLiteral("authorized_keys")),
        QStringLiteral("UsePAM=no"),
        QStringLiteral("StrictModes=no"),
        QStringLiteral("PidFile=none"),
        QStringLiteral("LogLevel=VERBOSE"),
        QStringLiteral("MaxStartups=100"),
        // The sessions get an empty home of their own (sshd applies SetEnv after its defaults), so
        // the shell does not run this machine's ~/.bashrc: one that runs `pyenv init` rehashes in every
        // session, and a session the tests kill mid-rehash leaves a lock that makes every later shell
        // wait and print to stderr (seen in CI: exact stderr and the check's 1 s limit failed).
        QStringLiteral("SetEnv=HOME=") + path(QStringLiteral("home")),
    };
    // Extra options first: for most keywords sshd keeps the first value it reads.
    for (const QString &o : m_extraOptions)
        args << QStringLiteral("-o") << o;
    for (const QString &o : options)
        args << QStringLiteral("-o") << o;
    m_sshd = std::make_unique<QProcess>();
    m_sshd->setStandardOutputFile(path(QStringLiteral("sshd.log")), QIODevice::Append);
    m_sshd->setStandardErrorFile(path(QStringLiteral("sshd.log")), QIODevice::Append);
    m_sshd->start(m_sshdProgram, args);
    if (!m_sshd->waitForStarted(5000)) {
        if (error)
            *error = QStringLiteral("sshd did not start: ") + m_sshd->errorString();
        return false;
    }
    if (!waitForBanner(10000)) {
        if (error)
            *error = QStringLiteral("sshd did not answer; log:\n") + log();
        stop();
        return false;
    }
    return true;
}

bool SshdFixture::waitForBanner(int timeoutMs) const
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (!isRunning())
            return false;
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_port));
        if (socket.waitForConnected(500) && socket.waitForReadyRead(2000) && socket.readAll().startsWith("SSH-"))
            return true;
        QThread::msleep(50);
    }
    return false;
}

bool SshdFixture::restart(QString *error)
{
    stop();
    return launch(error);
}

bool SshdFixture::isRunning() const { return m_sshd && m_sshd->state() == QProcess::Running; }

qint64 SshdFixture::sshdPid() const { return isRunning() ? m_sshd->processId() : -1; }

void SshdFixture::stop()
{
    if (!m_sshd)
        return;
    const qint64 pid = m_sshd->processId();
    if (pid > 0) {
        const QList<qint64> children = descendantsOf(pid);
        killAll(children, SIGTERM);
        m_sshd->terminate();
        if (!m_sshd->waitForFinished(3000)) {
            m_sshd->kill();
            m_sshd->waitForFinished(3000);
        }
        killAll(children, SIGKILL);
    }
    m_sshd.reset();
}

void SshdFixture::killHard()
{
    if (!m_sshd)
        return;
    const qint64 pid = m_sshd->processId();
    if (pid > 0) {
        const QList<qint64> children = descendantsOf(pid);
        ::kill(pid_t(pid), SIGKILL);
        killAll(children, SIGKILL);
        m_sshd->waitForFinished(3000);
    }
    m_sshd.reset();
}

bool SshdFixture::regenerateHostKey(QString *error) { return generateKey(hostKeyPath(), error); }

difusor::Profile SshdFixture::profile() const
{
    difusor::Profile p;
    p.name = QStringLiteral("sshd fixture");
    p.host = QStringLiteral("127.0.0.1");
    p.port = m_port;
    p.user = userName();
    p.auth = difusor::AuthMethod::Key;
    p.keyFile = userKeyPath();
    p.knownHostsFile = knownHostsPath();
    return p;
}

QString SshdFixture::hostKeyFingerprintLine() const
{
    QByteArray out;
    runTool(QStringLiteral("ssh-keygen"), {QStringLiteral("-lf"), hostKeyPath() + QStringLiteral(".pub")}, &out);
    return QString::fromUtf8(out).trimmed();
}

bool SshdFixture::trustHostKey() const
{
    QFile pub(hostKeyPath() + QStringLiteral(".pub"));
    if (!pub.open(QIODevice::ReadOnly))
        return false;
    const QList<QByteArray> fields = pub.readAll().simplified().split(' ');
    if (fields.size() < 2)
        return false;
    QFile known(knownHostsPath());
    if (!known.open(QIODevice::WriteOnly | QIODevice::Append))
        return false;
    known.write("[127.0.0.1]:" + QByteArray::number(m_port) + ' ' + fields.at(0) + ' ' + fields.at(1) + '\n');
    return true;
}

bool SshdFixture::createPasswordUser(const QString &password, QString *name, QString *error)
{
    if (::getuid() != 0) {
        if (error)
            *error = QStringLiteral("not root: cannot create a throwaway user");
        return false;
    }
    if (!m_dir)
        m_dir = std::make_unique<QTemporaryDir>(tempTemplate());
    const QString user = QStringLiteral("difusortst%1").arg(::getpid());
    const QString home = path(QStringLiteral("home-") + user);
    runTool(QStringLiteral("userdel"), {QStringLiteral("-f"), user}); // a leftover from a crashed run
    if (!runTool(QStringLiteral("useradd"),
                 {QStringLiteral("-M"), QStringLiteral("-d"), home, QStringLiteral("-s"), QStringLiteral("/bin/sh"), user},
                 nullptr, error))
        return false;
    m_users.append(user);
    QDir().mkpath(home);
    runTool(QStringLiteral("chown"), {user, home});
    if (!runTool(QStringLiteral("chpasswd"), {}, nullptr, error, (user + QLatin1Char(':') + password + QLatin1Char('\n')).toUtf8()))
        return false;
    *name = user;
    return true;
}

QList<qint64> SshdFixture::descendantsOf(qint64 root)
{
    QList<qint64> result;
    QList<qint64> frontier{root};
    const QList<qint64> pids = allPids();
    QHash<qint64, qint64> parent;
    for (const qint64 pid : pids)
        parent.insert(pid, parentOf(pid));
    while (!frontier.isEmpty()) {
        const qint64 p = frontier.takeFirst();
        for (auto it = parent.cbegin(); it != parent.cend(); ++it) {
            if (it.value() == p && !result.contains(it.key())) {
                result.append(it.key());
                frontier.append(it.key());
            }
        }
    }
    return result;
}

QList<qint64> SshdFixture::findProcesses(
    const std::function<bool(qint64, const QByteArray &, const QByteArray &)> &predicate)
{
    QList<qint64> found;
    const qint64 self = ::getpid();
    for (const qint64 pid : allPids()) {
        if (pid == self)
            continue;
        const QByteArray cmdline = readProcFile(pid, "cmdline");
        if (cmdline.isEmpty())
            continue; // kernel threads and zombies
        if (predicate(pid, cmdline, readProcFile(pid, "environ")))
            found.append(pid);
    }
    return found;
}

} // namespace difusor::test
