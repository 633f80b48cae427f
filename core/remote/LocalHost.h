#pragma once

#include "remote/RemoteHost.h"

namespace difusor::remote {

// A RemoteHost on this machine: commands run with QProcess as `sh -c command`, each in its own
// process group so cancel() ends the whole tree. Always Connected; the prompts never fire.
class LocalHost final : public RemoteHost
{
    Q_OBJECT
public:
    explicit LocalHost(QObject *parent = nullptr);
    ~LocalHost() override;

    void setOutputCap(qint64 bytes); // per stream, default 16 MiB

    void connectToHost() override;
    void disconnectFromHost() override;
    ConnectionState state() const override;
    QString displayName() const override; // "user@localhost"
    QString hostKeyFingerprint() const override { return QStringLiteral("local"); }

    RemoteJob *run(const QString &command, const QByteArray &stdinData = {}, int timeoutMs = 30000) override;
    RemoteJob *stream(const QString &command, const QByteArray &stdinData = {}) override;
    RemoteJob *download(const QString &remotePath, const QString &localPath, qint64 offset = 0) override;
    RemoteJob *downloadOutput(const QString &command, const QString &localPath, qint64 offset = 0) override;

    void answerHostKey(bool trustAndRemember) override;
    void provideSecret(const QString &secret) override;
    void cancelSecret() override;

private:
    quint64 m_nextId = 1;
    qint64 m_outputCap = 16 * 1024 * 1024;
};

} // namespace difusor::remote
