#pragma once

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

// Longest gap between ticks of a 10 ms timer on this thread, net of the time the kernel kept the
// thread waiting on its run queue (/proc/thread-self/schedstat): on a loaded machine that wait is
// starvation by other processes, not a stall our code causes. Both figures are kept.
class LoopGapMeter final
{
public:
    explicit LoopGapMeter(QObject *context)
    {
        m_clock.start();
        m_lastWaitNs = runQueueWaitNs();
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, context, [this] {
            const qint64 now = m_clock.elapsed();
            const qint64 wait = runQueueWaitNs();
            const qint64 gap = now - m_last;
            maxGapMs = qMax(maxGapMs, gap);
            maxOwnGapMs = qMax(maxOwnGapMs, gap - (wait - m_lastWaitNs) / 1000000);
            m_last = now;
            m_lastWaitNs = wait;
        });
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    qint64 maxGapMs = 0;
    qint64 maxOwnGapMs = 0;

private:
    static qint64 runQueueWaitNs()
    {
        QFile f(QStringLiteral("/proc/thread-self/schedstat"));
        return f.open(QIODevice::ReadOnly) ? f.readAll().split(' ').value(1).toLongLong() : 0;
    }
    QElapsedTimer m_clock;
    QTimer m_timer;
    qint64 m_last = 0;
    qint64 m_lastWaitNs = 0;
};

inline bool waitForState(remote::RemoteHost &host, remote::ConnectionState state, int timeoutMs)
{
    return QTest::qWaitFor([&host, state] { return host.state() == state; }, timeoutMs);
}

} // namespace difusor::test
