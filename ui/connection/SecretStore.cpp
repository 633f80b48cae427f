#include "SecretStore.h"

#include "common/Tr.h"

#include <QTimer>

#ifdef DIFUSOR_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace difusor::ui {

namespace {

const QString &serviceName()
{
    static const QString name = QStringLiteral("mx.difusor.Console");
    return name;
}

#ifdef DIFUSOR_HAVE_KEYCHAIN
class KeychainSecretStore final : public SecretStore
{
public:
    bool available() const override { return true; }

    void read(const QString &key, QObject *context, const ReadCallback &done) override
    {
        auto *job = new QKeychain::ReadPasswordJob(serviceName());
        job->setAutoDelete(true);
        job->setKey(key);
        QObject::connect(job, &QKeychain::Job::finished, context, [done](QKeychain::Job *finished) {
            auto *readJob = qobject_cast<QKeychain::ReadPasswordJob *>(finished);
            if (!readJob || readJob->error() != QKeychain::NoError) {
                done(std::nullopt);
                return;
            }
            done(readJob->textData());
        });
        job->start();
    }

    void write(const QString &key, const QString &secret, QObject *context, const WriteCallback &done) override
    {
        auto *job = new QKeychain::WritePasswordJob(serviceName());
        job->setAutoDelete(true);
        job->setKey(key);
        job->setTextData(secret);
        QObject::connect(job, &QKeychain::Job::finished, context, [done](QKeychain::Job *finished) {
            if (finished->error() == QKeychain::NoError)
                done(QString());
            else
                done(finished->errorString().isEmpty() ? Tr::tr("error %1 del llavero")
                                                             .arg(int(finished->error()))
                                                       : finished->errorString());
        });
        job->start();
    }

    void remove(const QString &key) override
    {
        auto *job = new QKeychain::DeletePasswordJob(serviceName());
        job->setAutoDelete(true);
        job->setKey(key);
        job->start();
    }
};
#endif

class NoSecretStore final : public SecretStore
{
public:
    bool available() const override { return false; }
    void read(const QString &, QObject *context, const ReadCallback &done) override
    {
        QTimer::singleShot(0, context, [done] { done(std::nullopt); });
    }
    void write(const QString &, const QString &, QObject *context, const WriteCallback &done) override
    {
        QTimer::singleShot(0, context, [done] {
            done(Tr::tr("este equipo no tiene llavero del sistema"));
        });
    }
    void remove(const QString &) override {}
};

} // namespace

std::unique_ptr<SecretStore> createSystemSecretStore()
{
#ifdef DIFUSOR_HAVE_KEYCHAIN
    return std::make_unique<KeychainSecretStore>();
#else
    return std::make_unique<NoSecretStore>();
#endif
}

} // namespace difusor::ui
