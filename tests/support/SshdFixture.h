#pragma once

#include "common/Profile.h"

#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace difusor::test {

// A real OpenSSH sshd on 127.0.0.1 and a free port, with generated ed25519 host and user keys, all in
// a QTemporaryDir(tempTemplate()). Unprivileged options only (-f /dev/null); as root it also needs
// /run/sshd, which start() creates. Everything started is killed by stop() and by the destructor,
// including the per-connection sshd children.
class SshdFixture final
{
public:
    SshdFixture();
    ~SshdFixture();
    SshdFixture(const SshdFixture &) = delete;
    SshdFixture &operator=(const SshdFixture &) = delete;

    // Extra "-o Key=Value" options for sshd (e.g. "PasswordAuthentication=yes"); before start().
    void setExtraOptions(const QStringList &options) { m_extraOptions = options; }

    bool start(QString *error = nullptr);   // keys, config, sshd; waits for its banner
    bool restart(QString *error = nullptr); // same port and keys
    void stop();                            // SIGTERM then SIGKILL, children too
    void killHard();                        // SIGKILL sshd and its children at once (a dropped link)
    bool regenerateHostKey(QString *error = nullptr); // a new ed25519 host key (restart to use it)

    bool isRunning() const;
    int port() const { return m_port; }
    QString dir() const;
    QString path(const QString &name) const; // a file in the fixture's folder
    QString hostKeyPath() const { return path(QStringLiteral("ssh_host_ed25519_key")); }
    QString userKeyPath() const { return path(QStringLiteral("id_ed25519")); }
    QString knownHostsPath() const { return path(QStringLiteral("known_hosts")); }
    QString userName() const; // the user running the tests
    QString log() const;      // sshd's stderr so far

    // A profile for this server: 127.0.0.1, port, current user, key auth with userKeyPath(),
    // known_hosts in the fixture's folder.
    difusor::Profile profile() const;
    // What ssh-keygen -lf prints for the host key: "256 SHA256:… comment (ED25519)".
    QString hostKeyFingerprintLine() const;
    // Writes the current host key to knownHostsPath() as "[127.0.0.1]:port ssh-ed25519 …".
    bool trustHostKey() const;

    // A throwaway local user with a password (root only): useradd + chpasswd; removed by the
    // destructor (and its processes killed). Returns false (with *error) when not root.
    bool createPasswordUser(const QString &password, QString *name, QString *error = nullptr);

    qint64 sshdPid() const;

    // Helpers for tests that check processes: pids whose /proc entry satisfies the predicate.
    static QList<qint64> findProcesses(const std::function<bool(qint64 pid, const QByteArray &cmdline,
                                                                const QByteArray &environ)> &predicate);
    static QList<qint64> descendantsOf(qint64 pid);
    static bool runTool(const QString &program, const QStringList &args, QByteArray *out = nullptr,
                        QString *error = nullptr, const QByteArray &stdinData = {});

private:
    bool generateKey(const QString &file, QString *error) const;
    bool launch(QString *error);
    bool waitForBanner(int timeoutMs) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_sshd;
    QString m_sshdProgram;
    QStringList m_extraOptions;
    int m_port = 0;
    QStringList m_users;
};

} // namespace difusor::test
