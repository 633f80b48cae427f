#pragma once

#include "PrepData.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QObject>

class QProcess;
class QTimer;

namespace difusor::sandbox {

class GroundTruth;
class ProcessGuard;

// Plays the IEPC: every cut interval it makes a cut package (PREP CSV), publishes it on the official
// site at once (index.html + avance.json) and, after the push delay, pushes it with the rsync client to
// the difusor's rsync daemon. Pushes go one at a time, in order, like a real push job: a late push holds
// the ones behind it. Each cut advances the simulated night by 15 minutes, whatever the real interval.
class Publisher final : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        int cutIntervalMs = 60000;
        int pushDelayMs = 2000;
        QString officialDir; // the official site's root
        QString outboxDir;   // where packages are made before the push
        QString rsyncUrl;    // rsync://127.0.0.1:PORT/module/
    };

    Publisher(const Settings &settings, const PrepElection *election, ProcessGuard *guard, GroundTruth *truth,
              QObject *parent = nullptr);
    ~Publisher() override;

    void start(); // the first cut (20:00) now
    void stop();  // no more cuts; a running push is killed

    // Faults, each for the next cut slot.
    void delayNextPush(int delayMs);
    void skipNextCut();
    void backwardsNextCut();
    // A drill's rollback: the faults still waiting for the next cut slot are called off (says which),
    // and a late push already queued goes now (its landing ends the late cut as usual).
    struct Cancelled
    {
        bool delay = false;
        bool skip = false;
        bool backwards = false;
    };
    Cancelled cancelPendingFaults();

    int cutsMade() const { return m_slot; }

Q_SIGNALS:
    void lateCutLanded(const QString &cutIso);
    void skippedSlotPassed(const QString &cutIso);
    void backwardsCutPublished(const QString &cutIso);

private:
    struct Push
    {
        QString package;
        QDateTime cutTime;
        qint64 dueMs;
        bool late;
        int attempts;
    };
    void makeCut();
    bool writePackage(const QString &package, const QDateTime &dataTime, const QDateTime &stampTime);
    void publishOfficial(const QDateTime &dataTime, const QDateTime &stampTime);
    void pumpPushes();
    void startPush(const Push &push);

    Settings m_settings;
    const PrepElection *m_election;
    ProcessGuard *m_guard;
    GroundTruth *m_truth;
    QTimer *m_cutTimer;
    QTimer *m_pushTimer;
    QElapsedTimer m_clock;
    QList<Push> m_queue;
    QProcess *m_rsync = nullptr;
    int m_slot = 0;
    QDateTime m_lastPublished;
    int m_pendingDelayMs = 0;
    bool m_skipNext = false;
    bool m_backwardsNext = false;
    bool m_running = false;
};

} // namespace difusor::sandbox
