#pragma once

// A RemoteHost for widget unit tests: records the UI's answers and lets the test emit the host's
// signals. Not an SSH stand-in for integration tests (those use the real sshd).
#include "remote/RemoteHost.h"

#include <QStringList>

class FakeHost final : public difusor::remote::RemoteHost
{
    Q_OBJECT
public:
    explicit FakeHost(const QString &name, QObject *parent = nullptr)
        : RemoteHost(parent)
        , m_name(name)
    {
    }

    void connectToHost() override
    {
        ++connectCalls;
        setState(difusor::remote::ConnectionState::Connecting);
    }
    void disconnectFromHost() override
    {
        ++disconnectCalls;
        setState(difusor::remote::ConnectionState::Disconnected);
    }
    difusor::remote::ConnectionState state() const override { return m_state; }
    QString displayName() const override { return m_name; }
    QString hostKeyFingerprint() const override { return QStringLiteral("SHA256:fake-") + m_name; }

    difusor::remote::RemoteJob *run(const QString &, const QByteArray &, int) override { return nullptr; }
    difusor::remote::RemoteJob *stream(const QString &, const QByteArray &) override { return nullptr; }
    difusor::remote::RemoteJob *download(const QString &, const QString &, qint64) override { return nullptr; }
    difusor::remote::RemoteJob *downloadOutput(const QString &, const QString &, qint64) override { return nullptr; }

    void answerHostKey(bool trust) override { hostKeyAnswers.append(trust); }
    void provideSecret(const QString &secret) override { secrets.append(secret); }
    void cancelSecret() override { ++cancelledSecrets; }

    void setState(difusor::remote::ConnectionState state, const QString &reason = {})
    {
        m_state = state;
        Q_EMIT stateChanged(state, reason);
    }

    QList<bool> hostKeyAnswers;
    QStringList secrets;
    int cancelledSecrets = 0;
    int connectCalls = 0;
    int disconnectCalls = 0;

private:
    QString m_name;
    difusor::remote::ConnectionState m_state = difusor::remote::ConnectionState::Disconnected;
};
