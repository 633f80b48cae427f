#include "SshHost.h"

#include <QDir>
#include <QStandardPaths>
#include <QTimer>

namespace difusor::remote {

namespace {
// Stub job until the worker lands: finishes at once with an error.
class StubJob final : public RemoteJob
{
public:
    using RemoteJob::RemoteJob;
    void cancel() override {}
};
} // namespace

struct SshHost::Private
{
    difusor::Profile profile;
    QString knownHosts;
    QString sshConfig;
    SshTimings timings;
    qint64 outputCap = 16 * 1024 * 1024;
    ConnectionState state = ConnectionState::Disconnected;
};

SshHost::SshHost(const difusor::Profile &profile, QObject *parent)
    : RemoteHost(parent)
    , m_d(std::make_unique<Private>())
{
    m_d->profile = profile;
    m_d->knownHosts = profile.knownHostsFile.isEmpty() ? defaultKnownHostsFile() : profile.knownHostsFile;
    m_d->sshConfig = QDir::homePath() + QStringLiteral("/.ssh/config");
}

SshHost::~SshHost() = default;

void SshHost::setKnownHostsFile(const QString &path) { m_d->knownHosts = path; }
QString SshHost::knownHostsFile() const { return m_d->knownHosts; }
QString SshHost::defaultKnownHostsFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/known_hosts");
}
void SshHost::setSshConfigFile(const QString &path) { m_d->sshConfig = path; }
void SshHost::setTimings(const SshTimings &timings) { m_d->timings = timings; }
SshTimings SshHost::timings() const { return m_d->timings; }
void SshHost::setOutputCap(qint64 bytes) { m_d->outputCap = bytes; }

void SshHost::connectToHost() {}
void SshHost::disconnectFromHost() {}
ConnectionState SshHost::state() const { return m_d->state; }
QString SshHost::displayName() const
{
    return m_d->profile.user + QLatin1Char('@') + m_d->profile.host + QLatin1Char(':')
           + QString::number(m_d->profile.port);
}

static RemoteJob *stubJob(QObject *parent)
{
    auto *job = new StubJob(parent);
    QTimer::singleShot(0, job, [job] {
        CommandResult result;
        result.error = RemoteError::Other;
        result.errorText = QStringLiteral("no implementado");
        Q_EMIT job->finished(result);
        job->deleteLater();
    });
    return job;
}

RemoteJob *SshHost::run(const QString &, const QByteArray &, int) { return stubJob(this); }
RemoteJob *SshHost::stream(const QString &, const QByteArray &) { return stubJob(this); }
RemoteJob *SshHost::download(const QString &, const QString &, qint64) { return stubJob(this); }

void SshHost::answerHostKey(bool) {}
void SshHost::provideSecret(const QString &) {}
void SshHost::cancelSecret() {}

} // namespace difusor::remote
