#include "LocalHost.h"

#include <QTimer>

namespace difusor::remote {

namespace {
class StubJob final : public RemoteJob
{
public:
    using RemoteJob::RemoteJob;
    void cancel() override {}
};

RemoteJob *stubJob(QObject *parent)
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
} // namespace

LocalHost::LocalHost(QObject *parent) : RemoteHost(parent) {}
LocalHost::~LocalHost() = default;
void LocalHost::setOutputCap(qint64 bytes) { m_outputCap = bytes; }
void LocalHost::connectToHost() { Q_EMIT stateChanged(ConnectionState::Connected, {}); }
void LocalHost::disconnectFromHost() {}
ConnectionState LocalHost::state() const { return ConnectionState::Connected; }
QString LocalHost::displayName() const { return QStringLiteral("localhost"); }
RemoteJob *LocalHost::run(const QString &, const QByteArray &, int) { return stubJob(this); }
RemoteJob *LocalHost::stream(const QString &, const QByteArray &) { return stubJob(this); }
RemoteJob *LocalHost::download(const QString &, const QString &, qint64) { return stubJob(this); }
void LocalHost::answerHostKey(bool) {}
void LocalHost::provideSecret(const QString &) {}
void LocalHost::cancelSecret() {}

} // namespace difusor::remote
