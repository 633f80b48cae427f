#include "HeadlessHost.h"

#include "LocalHost.h"
#include "SshHost.h"
#include "common/Profile.h"
#include "common/Tr.h"

#include <QTextStream>

namespace difusor::remote {

namespace {

// DIFUSOR_SSH_SECRET, taken out of the environment the first time a headless host is made, so no
// child (sandbox processes, ssh-keygen, a remote shell started locally) ever inherits it. Later
// hosts (watch with several --profile) get the remembered value. Headless commands make their hosts
// on the main thread only.
QString takeSecretFromEnvironment()
{
    static QString secret;
    if (qEnvironmentVariableIsSet("DIFUSOR_SSH_SECRET")) {
        secret = qEnvironmentVariable("DIFUSOR_SSH_SECRET");
        qunsetenv("DIFUSOR_SSH_SECRET");
    }
    return secret;
}

} // namespace

std::unique_ptr<RemoteHost> makeHeadlessHost(const Profile &profile, bool trustNewHostKey, QTextStream &err)
{
    const QString secret = takeSecretFromEnvironment();
    if (profile.host == QLatin1String("local"))
        return std::make_unique<LocalHost>();
    auto ssh = std::make_unique<SshHost>(profile);
    QObject::connect(ssh.get(), &RemoteHost::hostKeyUnknown, ssh.get(),
                     [&err, trustNewHostKey, raw = ssh.get()](const HostKeyInfo &info) {
                         if (!trustNewHostKey)
                             err << Tr::tr("Llave desconocida de %1:%2 (%3 %4). Verifíquela y repita con --trust-new-host-key.")
                                        .arg(info.host)
                                        .arg(info.port)
                                        .arg(info.keyType, info.fingerprint)
                                 << Qt::endl;
                         raw->answerHostKey(trustNewHostKey);
                     });
    // Which file vouched for the server (ours, or OpenSSH's ~/.ssh/known_hosts), or where a trusted new
    // key was saved: said once (a reconnection checks the same key again).
    QObject::connect(ssh.get(), &SshHost::hostKeyAccepted, ssh.get(),
                     [&err, raw = ssh.get(), said = QString()](const QString &fingerprint, const QString &file, bool saved) mutable {
                         if (said == file + fingerprint)
                             return;
                         said = file + fingerprint;
                         err << (saved ? Tr::tr("Llave de %1 (%2) aceptada con --trust-new-host-key y guardada en %3.")
                                       : Tr::tr("Llave de %1 (%2) reconocida en %3."))
                                    .arg(raw->displayName(), fingerprint, file)
                             << Qt::endl;
                     });
    QObject::connect(ssh.get(), &RemoteHost::secretRequested, ssh.get(), [raw = ssh.get(), secret](const SecretRequest &) {
        if (secret.isEmpty())
            raw->cancelSecret();
        else
            raw->provideSecret(secret);
    });
    return ssh;
}

} // namespace difusor::remote
