#pragma once

#include "common/Profile.h"
#include "remote/RemoteHost.h"

#include <memory>

class QThread;

namespace difusor::remote {

// Liveness and reconnect timings. Defaults are the product's; tests shorten them.
struct SshTimings
{
    int connectTimeoutMs = 10000;   // TCP connect + each blocking libssh step
    int keepaliveIntervalMs = 15000; // a probe (channel open round trip) this often
    int deadAfterMs = 45000;         // no answer for this long: the link is dead
    int firstBackoffMs = 1000;       // reconnect waits 1, 2, 4 … capped at maxBackoffMs
    int maxBackoffMs = 30000;

    // How long one probe (or any blocking step once connected) may wait for the server: a dead link
    // is then noticed at most keepaliveIntervalMs + probeTimeoutMs() <= deadAfterMs after it died.
    int probeTimeoutMs() const
    {
        const int budget = deadAfterMs - keepaliveIntervalMs;
        return budget < 500 ? 500 : (connectTimeoutMs < budget ? connectTimeoutMs : budget);
    }
};

// A RemoteHost over SSH (libssh). One session per server, on its own worker thread; every libssh
// call happens there. This object lives in the caller's (GUI) thread and only passes messages.
//
// How it works, briefly:
// - Every command runs wrapped as `exec sh -c 'echo $$; exec sh -c "$1"' sh <command>`: the first
//   line is the process group sshd created for the session, so cancel() and timeouts kill the whole
//   group (`kill -TERM -- -pgid`, then KILL) on a second channel, not just the channel.
// - download() is `wc -c < f && tail -c +N f` on an exec channel rather than SFTP: the SFTP
//   subsystem is often disabled on hardened servers (and absent with `sshd -f /dev/null`), and one
//   non-blocking channel pump serves commands, streams and downloads alike.
// - Liveness: every keepaliveIntervalMs a channel open (a full round trip, no process started)
//   measures roundTripMeasured(); no answer within deadAfterMs - keepaliveIntervalMs means the link
//   is dead: running jobs end with RemoteError::Disconnected and the host reconnects with backoff.
// - Host keys are checked against our own known_hosts (KnownHosts), never libssh's defaults.
class SshHost final : public RemoteHost
{
    Q_OBJECT
public:
    explicit SshHost(const difusor::Profile &profile, QObject *parent = nullptr);
    ~SshHost() override;

    // The console's own known_hosts (OpenSSH format). Default: the profile's known_hosts_file or,
    // when empty, defaultKnownHostsFile() and then, read only, OpenSSH's own files as ssh reads them
    // (openSshKnownHostsFiles()): a key the technician already accepted with ssh is known here too.
    // A trusted new key is saved in knownHostsFile(). Set before connectToHost(); an explicit file is
    // the only one read.
    void setKnownHostsFile(const QString &path);
    QString knownHostsFile() const;
    static QString defaultKnownHostsFile(); // <AppDataLocation>/known_hosts
    // ~/.ssh/known_hosts, ~/.ssh/known_hosts2, /etc/ssh/ssh_known_hosts, /etc/ssh/ssh_known_hosts2.
    static QStringList openSshKnownHostsFiles();
    // The file the server's key was found in (or saved to) at the last connection; empty before.
    QString hostKeySource() const;

    // OpenSSH client config honoured where libssh can (default ~/.ssh/config; empty: none).
    void setSshConfigFile(const QString &path);
    void setTimings(const SshTimings &timings); // before connectToHost()
    SshTimings timings() const;

    // Output cap of run(), per stream (stdout, stderr). Default 16 MiB.
    void setOutputCap(qint64 bytes);

    void connectToHost() override;
    void disconnectFromHost() override;
    ConnectionState state() const override;
    QString displayName() const override;
    QString hostKeyFingerprint() const override;

    RemoteJob *run(const QString &command, const QByteArray &stdinData = {}, int timeoutMs = 30000) override;
    RemoteJob *stream(const QString &command, const QByteArray &stdinData = {}) override;
    RemoteJob *download(const QString &remotePath, const QString &localPath, qint64 offset = 0) override;
    RemoteJob *downloadOutput(const QString &command, const QString &localPath, qint64 offset = 0) override;

    void answerHostKey(bool trustAndRemember) override;
    void provideSecret(const QString &secret) override;
    void cancelSecret() override;

    struct Private; // worker thread, jobs in flight, audit entries

Q_SIGNALS:
    // The server's key checked before authenticating: on record in `file`, or (saved) just trusted and
    // written there. For the technician's log: which file vouched for the server.
    void hostKeyAccepted(const QString &fingerprint, const QString &file, bool saved);

private:
    std::unique_ptr<Private> m_d;
};

} // namespace difusor::remote
