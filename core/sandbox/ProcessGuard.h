#pragma once

#include <QObject>
#include <QString>

class QProcess;

namespace difusor::sandbox {

// Makes sure no process of the sandbox outlives it, even when the console is killed with SIGKILL.
// Every process is started in its own session (its own process group, away from the terminal's Ctrl-C)
// and registered, before it execs, with a watchdog: a small sh script (resources/sandbox/watchdog.sh)
// in a session of its own that reads the registrations from a pipe. When the pipe closes (finish(), or
// the kernel closing it because the console died), the watchdog freezes and kills every registered
// process tree and process group. Processes whose children may not be orphaned before the watchdog
// looks (sshd: its per-connection children call setsid) get no parent-death signal; the others get
// SIGKILL as a second line of defence.
class ProcessGuard final : public QObject
{
    Q_OBJECT
public:
    explicit ProcessGuard(QObject *parent = nullptr);
    ~ProcessGuard() override; // closes the pipe: the watchdog sweeps whatever is left, on its own

    // Starts the watchdog for this state folder (written there as watchdog.sh). False with a message.
    bool startWatchdog(const QString &stateDir, QString *error);
    bool isWatching() const;

    // Prepares a QProcess before start(): own session, optional parent-death SIGKILL, registration.
    void guard(QProcess *process, bool parentDeathSignal = true);
    // The process has ended: the watchdog forgets its id (ids get reused).
    void forget(qint64 pid);

    // Normal stop: the console removes the state folder itself (when removeStateDir) unless told to keep it.
    void setConsoleRemovesStateDir();
    // Closes the pipe; watchdogFinished() when the sweep is done.
    void finish();

Q_SIGNALS:
    void watchdogFinished();

private:
    void writeLine(const QByteArray &line);

    int m_writeFd = -1;
    QProcess *m_watchdog = nullptr;
};

} // namespace difusor::sandbox
