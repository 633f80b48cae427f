#pragma once

#include "LoopGapMeter.h"
#include "remote/RemoteHost.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QTimer>
#include <QList>
#include <QObject>
#include <QSignalSpy>
#include <QTest>

#include <optional>

namespace difusor::test {

// Waits for one job's finished() (the job deletes itself after). Collects stream lines.
struct JobWatch
{
    std::optional<remote::CommandResult> result;
    QList<QByteArray> lines;
    qint64 lineBytes = 0;
    QList<QPair<qint64, qint64>> progress;

    explicit JobWatch(remote::RemoteJob *job, QObject *context, bool keepLines = true)
    {
        QObject::connect(job, &remote::RemoteJob::finished, context,
                         [this](const remote::CommandResult &r) { result = r; });
        QObject::connect(job, &remote::RemoteJob::linesReady, context, [this, keepLines](const QList<QByteArray> &l) {
            for (const QByteArray &line : l)
                lineBytes += line.size() + 1;
            if (keepLines)
                lines += l;
        });
        QObject::connect(job, &remote::RemoteJob::progress, context,
                         [this](qint64 done, qint64 total) { progress.append({done, total}); });
    }
    bool wait(int timeoutMs)
    {
        return QTest::qWaitFor([this] { return result.has_value(); }, timeoutMs);
    }
};

// Runs a command and waits for its result (tests only: a local event loop).
inline std::optional<remote::CommandResult> runAndWait(remote::RemoteHost &host, const QString &command,
                                                       const QByteArray &stdinData = {}, int timeoutMs = 30000,
                                                       int waitMs = 40000)
{
    QObject context;
    JobWatch watch(host.run(command, stdinData, timeoutMs), &context);
    watch.wait(waitMs);
    return watch.result;
}

inline bool waitForState(remote::RemoteHost &host, remote::ConnectionState state, int timeoutMs)
{
    return QTest::qWaitFor([&host, state] { return host.state() == state; }, timeoutMs);
}

} // namespace difusor::test
