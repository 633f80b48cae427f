#include "ProcessGuard.h"

#include "common/Tr.h"

#include <QDir>
#include <QFile>
#include <QProcess>

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace difusor::sandbox {

namespace {

// Runs in the child between fork and exec: async-signal-safe calls only (no allocation, no locks).
void registerSelf(int fd)
{
    char buffer[24];
    char digits[20];
    long value = static_cast<long>(::getpid());
    int n = 0;
    do {
        digits[n++] = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value > 0 && n < 20);
    int len = 0;
    buffer[len++] = '+';
    while (n > 0)
        buffer[len++] = digits[--n];
    buffer[len++] = '\n';
    const ssize_t written = ::write(fd, buffer, static_cast<size_t>(len));
    Q_UNUSED(written)
}

} // namespace

ProcessGuard::ProcessGuard(QObject *parent)
    : QObject(parent)
{
}

ProcessGuard::~ProcessGuard()
{
    if (m_writeFd >= 0)
        ::close(m_writeFd);
    m_writeFd = -1;
    if (m_watchdog) {
        // Deleting a running QProcess kills it, and the sweep must run: let it finish on its own.
        m_watchdog->setParent(nullptr);
        if (m_watchdog->state() == QProcess::NotRunning)
            delete m_watchdog;
        else
            connect(m_watchdog, &QProcess::finished, m_watchdog, &QObject::deleteLater);
    }
}

bool ProcessGuard::startWatchdog(const QString &stateDir, QString *error)
{
    QFile source(QStringLiteral(":/sandbox/watchdog.sh"));
    const QString scriptPath = QDir(stateDir).filePath(QStringLiteral("watchdog.sh"));
    QFile script(scriptPath);
    if (!source.open(QIODevice::ReadOnly) || !script.open(QIODevice::WriteOnly)
        || script.write(source.readAll()) < 0) {
        if (error)
            *error = Tr::tr("No se pudo preparar el vigilante de procesos en %1.").arg(stateDir);
        return false;
    }
    script.close();

    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        if (error)
            *error = Tr::tr("No se pudo crear la tubería del vigilante de procesos.");
        return false;
    }
    const int readFd = fds[0];
    m_writeFd = fds[1];

    m_watchdog = new QProcess(this);
    m_watchdog->setProgram(QStringLiteral("/bin/sh"));
    m_watchdog->setArguments({scriptPath, stateDir});
    m_watchdog->setInputChannelMode(QProcess::ForwardedInputChannel);
    // Never a pipe back to us: writing to it after the console died would kill the watchdog (SIGPIPE).
    m_watchdog->setStandardOutputFile(QProcess::nullDevice());
    m_watchdog->setStandardErrorFile(QProcess::nullDevice());
    m_watchdog->setChildProcessModifier([readFd] {
        ::dup2(readFd, STDIN_FILENO); // the copy has no close-on-exec
        ::setsid();
    });
    connect(m_watchdog, &QProcess::finished, this, &ProcessGuard::watchdogFinished);
    m_watchdog->start();
    ::close(readFd);
    return true;
}

bool ProcessGuard::isWatching() const
{
    return m_writeFd >= 0;
}

void ProcessGuard::guard(QProcess *process, bool parentDeathSignal)
{
    const int fd = m_writeFd;
    const pid_t parent = ::getpid();
    process->setChildProcessModifier([fd, parent, parentDeathSignal] {
        ::setsid();
        if (parentDeathSignal) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (::getppid() != parent) // the console died before prctl took effect
                ::_exit(127);
        }
        if (fd >= 0)
            registerSelf(fd);
    });
}

void ProcessGuard::forget(qint64 pid)
{
    if (pid > 0)
        writeLine("-" + QByteArray::number(pid) + "\n");
}

void ProcessGuard::setConsoleRemovesStateDir()
{
    writeLine(QByteArrayLiteral("keep\n"));
}

void ProcessGuard::finish()
{
    if (m_writeFd >= 0) {
        ::close(m_writeFd);
        m_writeFd = -1;
    }
    if (!m_watchdog || m_watchdog->state() == QProcess::NotRunning)
        QMetaObject::invokeMethod(this, &ProcessGuard::watchdogFinished, Qt::QueuedConnection);
}

void ProcessGuard::writeLine(const QByteArray &line)
{
    if (m_writeFd < 0)
        return;
    // A few bytes into a pipe the watchdog drains: never blocks in practice, and is atomic (< PIPE_BUF).
    const ssize_t written = ::write(m_writeFd, line.constData(), static_cast<size_t>(line.size()));
    Q_UNUSED(written)
}

} // namespace difusor::sandbox
