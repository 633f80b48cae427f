#pragma once

#include "common/Profile.h"
#include "remote/RemoteHost.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QWidget;

namespace difusor::ui {

class SecretStore;

// Owns the connection to the current profile's server and answers its questions through dialogs:
// host keys (HostKeyDialog) and secrets (SecretDialog, or the system keychain when remembered).
class ConnectionController final : public QObject
{
    Q_OBJECT
public:
    // Makes the RemoteHost for a profile (SshHost in the product; tests give their own).
    using HostFactory = std::function<remote::RemoteHost *(const Profile &profile, QObject *parent)>;

    explicit ConnectionController(QWidget *dialogParent, QObject *parent = nullptr);
    ~ConnectionController() override;

    void setHostFactory(HostFactory factory) { m_factory = std::move(factory); }
    void setSecretStore(std::unique_ptr<SecretStore> store);
    SecretStore *secretStore() const { return m_secrets.get(); }

    // Drops the current connection (if any) and connects to `profile`.
    void connectProfile(const Profile &profile);
    void disconnectFromHost();

    remote::RemoteHost *host() const { return m_host; }
    const Profile &profile() const { return m_profile; }

    // Keychain entry names: a password per user@host:port, a passphrase per key file.
    static QString passwordKey(const Profile &profile);
    static QString passphraseKey(const Profile &profile);
    // Forgets remembered secrets of `profile` (when it is deleted).
    void forgetSecrets(const Profile &profile);

Q_SIGNALS:
    void hostChanged(difusor::remote::RemoteHost *host); // nullptr after disconnect
    // Could not even start; or, once connected, the keychain would not keep a secret asked to be remembered.
    void failed(const QString &message);

private:
    void onHostKeyUnknown(const remote::HostKeyInfo &info);
    void onHostKeyChanged(const remote::HostKeyInfo &info);
    void onSecretRequested(const remote::SecretRequest &request);
    void askSecret(const remote::SecretRequest &request);
    void onStateChanged(remote::ConnectionState state);
    QString keyFor(const remote::SecretRequest &request) const;

    QWidget *m_dialogParent;
    HostFactory m_factory;
    std::unique_ptr<SecretStore> m_secrets;
    QPointer<remote::RemoteHost> m_host;
    Profile m_profile;
    bool m_triedKeychain = false; // per connection attempt: a wrong remembered secret is asked once
    QString m_pendingKey;         // written to the keychain once the server accepted the secret
    QString m_pendingSecret;
};

} // namespace difusor::ui
