// SshWorker: authentication (key file, agent, password, keyboard-interactive).
#include "SshWorker.h"

#include "HostKeys.h"
#include "common/Tr.h"

#include <QDir>
#include <QFile>
#include <QStringList>

namespace difusor::remote {

namespace {
constexpr qint64 MaxKeyFileBytes = 1024 * 1024;
constexpr int MaxPassphraseTries = 3;
} // namespace

void SshWorker::beginAuth()
{
    m_phase = Phase::Authenticating;
    if (!m_everConnected)
        setState(ConnectionState::Authenticating);
    // "none" first: it is how the server tells which methods it offers.
    const int rc = ssh_userauth_none(m_session, nullptr);
    if (rc == SSH_AUTH_SUCCESS) {
        becomeConnected();
        return;
    }
    if (rc == SSH_AUTH_ERROR) {
        connectionFailed(RemoteError::Other,
                         Tr::tr("Falló la autenticación: %1").arg(QString::fromUtf8(ssh_get_error(m_session))));
        return;
    }
    continueAuth();
}

QString SshWorker::offeredMethodsText() const
{
    const int mask = ssh_userauth_list(m_session, nullptr);
    QStringList names;
    if (mask & SSH_AUTH_METHOD_PUBLICKEY)
        names << QStringLiteral("publickey");
    if (mask & SSH_AUTH_METHOD_PASSWORD)
        names << QStringLiteral("password");
    if (mask & SSH_AUTH_METHOD_INTERACTIVE)
        names << QStringLiteral("keyboard-interactive");
    if (mask & SSH_AUTH_METHOD_HOSTBASED)
        names << QStringLiteral("hostbased");
    if (mask & SSH_AUTH_METHOD_GSSAPI_MIC)
        names << QStringLiteral("gssapi-with-mic");
    return names.isEmpty() ? Tr::tr("ninguno") : names.join(QStringLiteral(", "));
}

void SshWorker::authRejected(const QString &what)
{
    const QString user = m_config.profile.user.isEmpty() ? Tr::tr("(usuario por omisión)") : m_config.profile.user;
    connectionFailed(RemoteError::AuthRejected,
                     Tr::tr("El servidor rechazó la autenticación de «%1» con %2. Métodos que ofrece: %3.")
                         .arg(user, what, offeredMethodsText()));
}

void SshWorker::askSecret(SecretRequest::Kind kind, const QString &prompt, bool echo)
{
    m_phase = Phase::WaitSecret;
    SecretRequest request;
    request.kind = kind;
    request.prompt = prompt;
    request.echo = echo;
    Q_EMIT secretRequested(request);
}

bool SshWorker::loadKey(const QByteArray &passphrase, bool *needPassphrase)
{
    *needPassphrase = false;
    QString path = m_config.profile.keyFile;
    if (path.startsWith(QLatin1String("~/")))
        path = QDir::homePath() + path.mid(1);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > MaxKeyFileBytes) {
        connectionFailed(RemoteError::AuthRejected, Tr::tr("No se pudo leer la llave privada %1.").arg(path));
        return false;
    }
    const QByteArray content = file.read(MaxKeyFileBytes);
    if (passphrase.isEmpty() && privateKeyIsEncrypted(content)) {
        *needPassphrase = true;
        return false;
    }
    ssh_key key = nullptr;
    // No auth callback: libssh must never prompt on a terminal from our worker thread.
    const int rc = ssh_pki_import_privkey_base64(content.constData(),
                                                 passphrase.isEmpty() ? nullptr : passphrase.constData(), nullptr,
                                                 nullptr, &key);
    if (rc != SSH_OK) {
        if (!passphrase.isEmpty()) {
            *needPassphrase = true; // wrong passphrase: ask again
            return false;
        }
        connectionFailed(RemoteError::AuthRejected,
                         Tr::tr("La llave privada %1 no tiene un formato reconocido (OpenSSH o PEM).").arg(path));
        return false;
    }
    if (m_privateKey)
        ssh_key_free(m_privateKey);
    m_privateKey = key;
    return true;
}

void SshWorker::continueAuth()
{
    m_phase = Phase::Authenticating;
    const Profile &p = m_config.profile;
    int rc = SSH_AUTH_DENIED;
    QString what;
    switch (p.auth) {
    case AuthMethod::Key:
        what = Tr::tr("llave");
        if (p.keyFile.isEmpty()) {
            rc = ssh_userauth_publickey_auto(m_session, nullptr, nullptr);
            break;
        }
        if (!m_privateKey) {
            bool needPassphrase = false;
            if (!loadKey({}, &needPassphrase)) {
                if (needPassphrase) {
                    m_secretFor = SecretFor::Passphrase;
                    askSecret(SecretRequest::Kind::KeyPassphrase,
                              Tr::tr("Frase de paso de la llave %1").arg(p.keyFile), false);
                }
                return;
            }
        }
        rc = ssh_userauth_publickey(m_session, nullptr, m_privateKey);
        break;
    case AuthMethod::Agent:
        what = Tr::tr("el agente SSH");
        if (qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK")) {
            connectionFailed(RemoteError::AuthRejected, Tr::tr("No hay agente SSH en esta sesión (SSH_AUTH_SOCK vacío)."));
            return;
        }
        rc = ssh_userauth_agent(m_session, nullptr);
        break;
    case AuthMethod::Password:
        what = Tr::tr("contraseña");
        if (m_password.isEmpty()) {
            m_secretFor = SecretFor::Password;
            askSecret(SecretRequest::Kind::Password,
                      Tr::tr("Contraseña de %1@%2").arg(p.user, p.host), false);
            return;
        }
        rc = ssh_userauth_password(m_session, nullptr, m_password.constData());
        if (rc != SSH_AUTH_SUCCESS) {
            m_password.fill('\0');
            m_password.clear();
        }
        break;
    case AuthMethod::KeyboardInteractive:
        kbdintStep();
        return;
    }
    if (rc == SSH_AUTH_SUCCESS)
        becomeConnected();
    else if (rc == SSH_AUTH_ERROR)
        connectionFailed(RemoteError::Disconnected,
                         Tr::tr("Falló la autenticación: %1").arg(QString::fromUtf8(ssh_get_error(m_session))));
    else
        authRejected(what);
}

void SshWorker::kbdintStep()
{
    for (int round = 0; round < 16; ++round) {
        const int rc = ssh_userauth_kbdint(m_session, nullptr, nullptr);
        if (rc == SSH_AUTH_INFO) {
            m_kbdCount = ssh_userauth_kbdint_getnprompts(m_session);
            m_kbdPrompt = 0;
            if (m_kbdCount <= 0)
                continue; // an info message with no question: just go on
            char echo = 0;
            const char *prompt = ssh_userauth_kbdint_getprompt(m_session, 0, &echo);
            m_secretFor = SecretFor::Kbdint;
            askSecret(SecretRequest::Kind::KeyboardInteractive, QString::fromUtf8(prompt ? prompt : "").trimmed(),
                      echo != 0);
            return;
        }
        if (rc == SSH_AUTH_SUCCESS)
            becomeConnected();
        else if (rc == SSH_AUTH_ERROR)
            connectionFailed(RemoteError::Disconnected,
                             Tr::tr("Falló la autenticación: %1").arg(QString::fromUtf8(ssh_get_error(m_session))));
        else
            authRejected(Tr::tr("teclado interactivo"));
        return;
    }
    authRejected(Tr::tr("teclado interactivo"));
}

void SshWorker::provideSecret(const QString &secret)
{
    if (m_phase != Phase::WaitSecret)
        return;
    const SecretFor kind = m_secretFor;
    m_secretFor = SecretFor::None;
    QByteArray bytes = secret.toUtf8();
    switch (kind) {
    case SecretFor::None: return;
    case SecretFor::Passphrase: {
        bool again = false;
        const bool loaded = loadKey(bytes, &again);
        bytes.fill('\0');
        if (!loaded) {
            if (!again)
                return; // loadKey already failed the connection
            if (++m_passphraseTries >= MaxPassphraseTries) {
                connectionFailed(RemoteError::AuthRejected, Tr::tr("Frase de paso incorrecta (3 intentos)."));
                return;
            }
            m_secretFor = SecretFor::Passphrase;
            askSecret(SecretRequest::Kind::KeyPassphrase,
                      Tr::tr("Frase de paso incorrecta. Frase de paso de la llave %1").arg(m_config.profile.keyFile),
                      false);
            return;
        }
        m_passphraseTries = 0;
        continueAuth();
        return;
    }
    case SecretFor::Password:
        m_password = bytes;
        bytes.fill('\0');
        continueAuth();
        return;
    case SecretFor::Kbdint: {
        ssh_userauth_kbdint_setanswer(m_session, unsigned(m_kbdPrompt), bytes.constData());
        bytes.fill('\0');
        if (++m_kbdPrompt < m_kbdCount) {
            char echo = 0;
            const char *prompt = ssh_userauth_kbdint_getprompt(m_session, unsigned(m_kbdPrompt), &echo);
            m_secretFor = SecretFor::Kbdint;
            askSecret(SecretRequest::Kind::KeyboardInteractive, QString::fromUtf8(prompt ? prompt : "").trimmed(),
                      echo != 0);
            return;
        }
        m_phase = Phase::Authenticating;
        kbdintStep();
        return;
    }
    }
}

void SshWorker::cancelSecret()
{
    if (m_phase != Phase::WaitSecret)
        return;
    connectionFailed(RemoteError::AuthRejected, Tr::tr("Autenticación cancelada por el usuario."));
}

} // namespace difusor::remote
