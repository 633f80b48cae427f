#pragma once

#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QTimer>

#include <algorithm>
#include <vector>

namespace difusor::test {

// Gaps between ticks of a 10 ms timer on this thread: what a user would feel as a stall. The "own" gap
// leaves out the time the kernel kept the thread waiting on its run queue (/proc/thread-self/schedstat):
// on a loaded 2-core machine that wait is starvation by other processes, not a stall our code causes.
// Both the raw and the own maximum are kept, and every own gap for percentiles.
class LoopGapMeter final
{
public:
    explicit LoopGapMeter(QObject *context)
    {
        m_clock.start();
        m_lastWaitNs = runQueueWaitNs();
        m_last = m_clock.nsecsElapsed();
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, context, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const qint64 wait = runQueueWaitNs();
            const qint64 gapNs = now - m_last;
            const qint64 ownNs = gapNs - (wait - m_lastWaitNs);
            maxGapMs = std::max(maxGapMs, gapNs / 1000000);
            maxOwnGapMs = std::max(maxOwnGapMs, ownNs / 1000000);
            ownGapsMs.push_back(double(ownNs) / 1e6);
            m_last = now;
            m_lastWaitNs = wait;
        });
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    // Of the own gaps; q = 1 is the largest.
    double percentile(double q) const
    {
        if (ownGapsMs.empty())
            return 0;
        std::vector<double> v = ownGapsMs;
        std::sort(v.begin(), v.end());
        return v[std::min(v.size() - 1, std::size_t(q * double(v.size())))];
    }

    qint64 maxGapMs = 0;
    qint64 maxOwnGapMs = 0;
    std::vector<double> ownGapsMs;

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

} // namespace difusor::test
