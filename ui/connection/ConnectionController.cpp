#include "ConnectionController.h"

#include "HostKeyDialog.h"
#include "SecretDialog.h"
#include "SecretStore.h"
#include "widgets/Modal.h"

#include <QFileInfo>
#include <QWidget>

namespace difusor::ui {

using remote::ConnectionState;
using remote::RemoteHost;
using remote::SecretRequest;

ConnectionController::ConnectionController(QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_dialogParent(dialogParent)
    , m_secrets(createSystemSecretStore())
{
}

ConnectionController::~ConnectionController()
{
    if (m_host)
        m_host->disconnectFromHost();
}

void ConnectionController::setSecretStore(std::unique_ptr<SecretStore> store)
{
    m_secrets = std::move(store);
}

QString ConnectionController::passwordKey(const Profile &profile)
{
    return QStringLiteral("password:%1@%2:%3").arg(profile.user, profile.host).arg(profile.port);
}

QString ConnectionController::passphraseKey(const Profile &profile)
{
    return QStringLiteral("passphrase:%1").arg(QFileInfo(profile.keyFile).absoluteFilePath());
}

void ConnectionController::forgetSecrets(const Profile &profile)
{
    m_secrets->remove(passwordKey(profile));
    if (!profile.keyFile.isEmpty())
        m_secrets->remove(passphraseKey(profile));
}

void ConnectionController::connectProfile(const Profile &profile)
{
    disconnectFromHost();
    m_profile = profile;
    RemoteHost *host = m_factory ? m_factory(profile, this) : nullptr;
    if (!host) {
        Q_EMIT failed(tr("No se pudo preparar la conexión a %1.").arg(profile.host));
        return;
    }
    m_host = host;
    m_triedKeychain = false;
    connect(host, &RemoteHost::hostKeyUnknown, this, &ConnectionController::onHostKeyUnknown);
    connect(host, &RemoteHost::hostKeyChanged, this, &ConnectionController::onHostKeyChanged);
    connect(host, &RemoteHost::secretRequested, this, &ConnectionController::onSecretRequested);
    connect(host, &RemoteHost::stateChanged, this,
            [this](ConnectionState state, const QString &) { onStateChanged(state); });
    Q_EMIT hostChanged(host);
    host->connectToHost();
}

void ConnectionController::disconnectFromHost()
{
    m_pendingKey.clear();
    m_pendingSecret.clear();
    if (!m_host)
        return;
    RemoteHost *old = m_host;
    m_host = nullptr;
    disconnect(old, nullptr, this, nullptr);
    old->disconnectFromHost();
    Q_EMIT hostChanged(nullptr);
    old->deleteLater();
}

void ConnectionController::onHostKeyUnknown(const remote::HostKeyInfo &info)
{
    auto *dialog = new HostKeyDialog(HostKeyDialog::Case::Unknown, info, m_dialogParent);
    QPointer<RemoteHost> host = m_host;
    Modal::openDialog(dialog, [host](int result) {
        if (host)
            host->answerHostKey(result == QDialog::Accepted);
    });
}

void ConnectionController::onHostKeyChanged(const remote::HostKeyInfo &info)
{
    // The host already refused to connect; this only tells the technician, loudly.
    Modal::openDialog(new HostKeyDialog(HostKeyDialog::Case::Changed, info, m_dialogParent), {});
}

QString ConnectionController::keyFor(const SecretRequest &request) const
{
    switch (request.kind) {
    case SecretRequest::Kind::Password: return passwordKey(m_profile);
    case SecretRequest::Kind::KeyPassphrase: return m_profile.keyFile.isEmpty() ? QString() : passphraseKey(m_profile);
    case SecretRequest::Kind::KeyboardInteractive: break;
    }
    return {};
}

void ConnectionController::onSecretRequested(const SecretRequest &request)
{
    const QString key = keyFor(request);
    if (key.isEmpty() || m_triedKeychain || !m_secrets->available()) {
        askSecret(request);
        return;
    }
    // Try the remembered secret once per attempt; if the server refuses it, it asks again and we
    // ask the technician.
    m_triedKeychain = true;
    QPointer<RemoteHost> host = m_host;
    m_secrets->read(key, this, [this, host, request](const std::optional<QString> &secret) {
        if (!host || host != m_host)
            return;
        if (secret)
            host->provideSecret(*secret);
        else
            askSecret(request);
    });
}

void ConnectionController::askSecret(const SecretRequest &request)
{
    auto *dialog = new SecretDialog(request, m_host ? m_host->displayName() : m_profile.host,
                                    m_secrets->available(), m_dialogParent);
    QPointer<RemoteHost> host = m_host;
    const QString key = keyFor(request);
    Modal::openDialog(dialog, [this, host, dialog, key](int result) {
        if (!host)
            return;
        if (result != QDialog::Accepted) {
            host->cancelSecret();
            return;
        }
        if (dialog->remember() && !key.isEmpty()) {
            m_pendingKey = key;
            m_pendingSecret = dialog->secret();
        }
        host->provideSecret(dialog->secret());
    });
}

void ConnectionController::onStateChanged(ConnectionState state)
{
    if (state == ConnectionState::Connected && !m_pendingKey.isEmpty()) {
        // Remember only a secret the server accepted, and say so when the keychain would not keep it.
        m_secrets->write(m_pendingKey, m_pendingSecret, this, [this](const QString &error) {
            if (!error.isEmpty())
                Q_EMIT failed(tr("La conexión sigue, pero el secreto no se guardó en el llavero del sistema (%1); "
                                 "se pedirá de nuevo la próxima vez.").arg(error));
        });
    }
    if (state == ConnectionState::Connected || state == ConnectionState::Failed
        || state == ConnectionState::Disconnected) {
        m_pendingKey.clear();
        m_pendingSecret.clear();
    }
    if (state == ConnectionState::Connecting)
        m_triedKeychain = false;
}

} // namespace difusor::ui
