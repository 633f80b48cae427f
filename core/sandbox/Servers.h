#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <array>
#include <functional>

class QProcess;
class QTcpSocket;
class QTimer;

namespace difusor::sandbox {

class ProcessGuard;

// Where everything of one sandbox lives, under its state folder.
struct SandboxPaths
{
    QString state, keys, logs, run, flags, publication, site, official, outbox, home;
    QString hostKey, userKey, authorizedKeys, knownHosts, accessLog, groundTruth, control, profile;
    QString rsyncModule = QStringLiteral("publicacion");

    static SandboxPaths under(const QString &stateDir);
    bool create(QString *error) const;
};

// The four real servers of the sandbox (sshd, rsync daemon, the difusor's nginx, the official PREP's
// nginx), with their keys and configs. start() generates the keys, picks free ports, starts them all
// at once and probes each until it answers (SSH banner, @RSYNCD greeting, HTTP 200).
class ServerSet final : public QObject
{
    Q_OBJECT
public:
    enum Server { Ssh, Rsync, DifusorWeb, OfficialWeb, ServerCount };

    ServerSet(const SandboxPaths &paths, ProcessGuard *guard, QObject *parent = nullptr);
    ~ServerSet() override;

    void start();
    void stop();    // SIGTERM to each process group, SIGKILL after a grace period; then stopped()
    void killNow(); // SIGKILL, no waiting (destructor path)

    int port(Server server) const { return m_ports[server]; }
    QString hostKeyLine() const; // "ssh-ed25519 AAAA…" of the generated host key

    // Faults.
    void stopDifusorWeb();
    void startDifusorWeb(); // difusorWebUp() once it answers again
    void reopenDifusorLog(const std::function<void(bool ok)> &done); // `nginx -s reopen`

    static QString serverName(Server server);

Q_SIGNALS:
    void progress(const QString &message);
    void ready();
    void failed(const QString &message);
    void stopped();
    void difusorWebUp();
    void unexpectedExit(const QString &server, const QString &logTail);

private:
    void generateKeys();
    void keysDone();
    bool writeConfig(Server server, QString *error);
    void launch(Server server);
    void probe(Server server);
    void onProbeAnswer(Server server, QTcpSocket *socket);
    void onFinished(Server server);
    void checkAllReady();
    void fail(const QString &message);
    QString logFile(Server server) const;
    QString logTail(Server server) const;
    bool anyRunning() const;

    SandboxPaths m_paths;
    ProcessGuard *m_guard;
    std::array<QProcess *, ServerCount> m_process{};
    std::array<int, ServerCount> m_ports{};
    std::array<int, ServerCount> m_attempts{};
    std::array<bool, ServerCount> m_up{};
    std::array<bool, ServerCount> m_wanted{};
    std::array<qint64, ServerCount> m_pids{};
    int m_keygenPending = 0;
    bool m_starting = false;
    bool m_stopping = false;
    bool m_failed = false;
    QElapsedTimer m_clock;
    QTimer *m_deadline = nullptr;
    QTimer *m_killTimer = nullptr;
};

} // namespace difusor::sandbox
