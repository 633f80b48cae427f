#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <utility>

namespace difusor::remote {

enum class ConnectionState { Disconnected, Connecting, Authenticating, Connected, Reconnecting, Failed };
QString connectionStateText(ConnectionState state); // translated, for the status bar

enum class RemoteError {
    None,
    DnsFailure,
    ConnectionRefused,
    Timeout,
    AuthRejected,
    HostKeyChanged,
    HostKeyRejected,
    ChannelRefused,
    CommandNotFound, // exit status 127
    Cancelled,
    Disconnected,    // the link dropped while the job ran
    LocalIo,         // e.g. the download's local file
    Other
};

// What one remote command (or stream, or download) ended with.
struct CommandResult
{
    int exitStatus = -1; // -1: no exit status came back (signal, cancel, dropped link)
    QByteArray stdOut;   // for run(); empty for stream() (lines went out as they came)
    QByteArray stdErr;
    bool stdOutTruncated = false; // output past the cap was dropped; the cap is in the text too
    bool stdErrTruncated = false;
    qint64 durationMs = 0;
    RemoteError error = RemoteError::None;
    QString errorText; // translated, for people; empty when error == None
    bool ok() const { return error == RemoteError::None && exitStatus == 0; }
};

// A server's host key as seen at connect time.
struct HostKeyInfo
{
    QString host;
    int port = 22;
    QString keyType;        // as ssh-keygen prints it: "ED25519", "RSA", "ECDSA"
    int keyBits = 0;        // as ssh-keygen -l prints it: 256 for ed25519
    QString fingerprint;    // "SHA256:…" exactly as ssh-keygen -lf prints it
    QString oldFingerprint; // when the key changed: the one on record
    QString knownHostsFile;
};

// A request for a secret the server asks for; the UI answers with provideSecret().
struct SecretRequest
{
    enum class Kind { KeyPassphrase, Password, KeyboardInteractive };
    Kind kind = Kind::Password;
    QString prompt;     // translated or as sent by the server (keyboard-interactive)
    bool echo = false;  // keyboard-interactive prompts may ask for echoed answers
};

// One line of the technician's audit trail: every remote command run.
struct CommandLogEntry
{
    quint64 id = 0;
    QString command; // the command line as sent (scripts: "sh -s -- args" plus the script name)
    QString kind;    // "run", "stream", "download"
    QDateTime startedUtc;
    qint64 durationMs = -1; // -1 while running
    int exitStatus = -1;
    RemoteError error = RemoteError::None;
    QString errorText;
};

// One command, stream or download in flight. Owned by the RemoteHost; deleted after finished().
class RemoteJob : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~RemoteJob() override = default;

    virtual void cancel() = 0; // ends the remote process too, not just the channel

Q_SIGNALS:
    void linesReady(const QList<QByteArray> &lines);        // stream(): complete lines, no '\n'
    void progress(qint64 bytesDone, qint64 bytesTotal);     // download(): total -1 when unknown
    void finished(const difusor::remote::CommandResult &result);
};

// A server to run things on: over SSH (SshHost) or on this machine (LocalHost).
class RemoteHost : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~RemoteHost() override = default;

    virtual void connectToHost() = 0;
    virtual void disconnectFromHost() = 0;
    virtual ConnectionState state() const = 0;
    virtual QString displayName() const = 0; // "user@host:port"
    // The host key this connection verified ("SHA256:…"), empty before the first verification; with the
    // profile's id it names the server in the store. A LocalHost answers "local".
    virtual QString hostKeyFingerprint() const = 0;

    // Output of run() is capped (default 16 MiB each of stdout/stderr), with the truncated flags set.
    virtual RemoteJob *run(const QString &command, const QByteArray &stdinData = {}, int timeoutMs = 30000) = 0;
    // Lines as they come, until the command ends, cancel(), or the link drops (error Disconnected):
    // the layer above decides where to resume after the next Connected.
    virtual RemoteJob *stream(const QString &command, const QByteArray &stdinData = {}) = 0;
    // Copies remotePath to localPath starting at offset (resume: the local file is kept up to offset).
    virtual RemoteJob *download(const QString &remotePath, const QString &localPath, qint64 offset = 0) = 0;
    // Copies the standard output of `command` to localPath, resumable like download(): the bytes before
    // offset are skipped on the server (`| tail -c +N`) and the local file is kept up to offset. Only
    // for a command that prints the same bytes every time it runs (e.g. `head -c S f | gzip -1 -n -c`).
    // progress() gives the bytes received (total -1). The exit status is the pipeline's last command's:
    // the caller checks what it received (a hash).
    virtual RemoteJob *downloadOutput(const QString &command, const QString &localPath, qint64 offset = 0) = 0;

    // Runs a POSIX sh script shipped as a resource (":/scripts/x.sh"), sent on stdin as
    // `sh -s -- args…`, each argument quoted by shellQuote(). Returns nullptr if the resource is missing.
    RemoteJob *runScript(const QString &resourcePath, const QStringList &args = {}, int timeoutMs = 30000);
    RemoteJob *streamScript(const QString &resourcePath, const QStringList &args = {});

    // Answers to the prompts below (called from the GUI thread).
    virtual void answerHostKey(bool trustAndRemember) = 0;
    virtual void provideSecret(const QString &secret) = 0;
    virtual void cancelSecret() = 0;

protected:
    // For the audit log: set by runScript()/streamScript() around their run()/stream() call, so
    // the entry reads "sh -s -- args < :/scripts/x.sh". Implementations use takeScriptLabel().
    QString takeScriptLabel() { return std::exchange(m_scriptLabel, QString()); }
    QString logCommand(const QString &command) // the command as the audit log shows it
    {
        const QString label = takeScriptLabel();
        return label.isEmpty() ? command : command + QStringLiteral(" < ") + label;
    }

private:
    QString m_scriptLabel;

Q_SIGNALS:
    void stateChanged(difusor::remote::ConnectionState state, const QString &reason);
    void roundTripMeasured(qint64 milliseconds);
    void hostKeyUnknown(const difusor::remote::HostKeyInfo &info);  // answer with answerHostKey()
    void hostKeyChanged(const difusor::remote::HostKeyInfo &info);  // the connection is refused
    void secretRequested(const difusor::remote::SecretRequest &request);
    void commandStarted(const difusor::remote::CommandLogEntry &entry);
    void commandEnded(const difusor::remote::CommandLogEntry &entry);
};

// The one way to put a value into a remote sh command line: single-quotes it for POSIX sh.
QString shellQuote(const QString &value);
QString shellJoin(const QStringList &argv);

} // namespace difusor::remote

Q_DECLARE_METATYPE(difusor::remote::CommandResult)
Q_DECLARE_METATYPE(difusor::remote::HostKeyInfo)
Q_DECLARE_METATYPE(difusor::remote::SecretRequest)
Q_DECLARE_METATYPE(difusor::remote::CommandLogEntry)
