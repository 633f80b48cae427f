#include "HeadlessHost.h"

#include "LocalHost.h"
#include "SshHost.h"
#include "common/Profile.h"
#include "common/Tr.h"

#include <QTextStream>

namespace difusor::remote {

std::unique_ptr<RemoteHost> makeHeadlessHost(const Profile &profile, bool trustNewHostKey, QTextStream &err)
{
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
    QObject::connect(ssh.get(), &RemoteHost::secretRequested, ssh.get(), [raw = ssh.get()](const SecretRequest &) {
        const QString secret = qEnvironmentVariable("DIFUSOR_SSH_SECRET");
        if (secret.isEmpty())
            raw->cancelSecret();
        else
            raw->provideSecret(secret);
    });
    return ssh;
}

} // namespace difusor::remote
