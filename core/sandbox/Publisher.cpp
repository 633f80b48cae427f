#include "Publisher.h"

#include "GroundTruth.h"
#include "ProcessGuard.h"

#include <QDir>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>

namespace difusor::sandbox {

namespace {

constexpr int MaxPushAttempts = 5;
constexpr int PushRetryMs = 1000;

bool saveAtomically(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit();
}

} // namespace

Publisher::Publisher(const Settings &settings, const PrepElection *election, ProcessGuard *guard, GroundTruth *truth,
                     QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_election(election)
    , m_guard(guard)
    , m_truth(truth)
    , m_cutTimer(new QTimer(this))
    , m_pushTimer(new QTimer(this))
{
    m_cutTimer->setTimerType(Qt::PreciseTimer);
    connect(m_cutTimer, &QTimer::timeout, this, &Publisher::makeCut);
    m_pushTimer->setSingleShot(true);
    connect(m_pushTimer, &QTimer::timeout, this, &Publisher::pumpPushes);
}

Publisher::~Publisher()
{
    stop();
}

void Publisher::start()
{
    m_running = true;
    m_clock.start();
    m_cutTimer->start(m_settings.cutIntervalMs);
    makeCut();
}

void Publisher::stop()
{
    m_running = false;
    m_cutTimer->stop();
    m_pushTimer->stop();
    m_queue.clear();
    if (m_rsync) {
        m_rsync->disconnect(this);
        m_guard->forget(m_rsync->property("pid").toLongLong());
        m_rsync->kill();
        m_rsync->deleteLater();
        m_rsync = nullptr;
    }
}

void Publisher::delayNextPush(int delayMs)
{
    m_pendingDelayMs = delayMs;
}

void Publisher::skipNextCut()
{
    m_skipNext = true;
}

void Publisher::backwardsNextCut()
{
    m_backwardsNext = true;
}

Publisher::Cancelled Publisher::cancelPendingFaults()
{
    Cancelled cancelled{m_pendingDelayMs > 0, m_skipNext, m_backwardsNext};
    m_pendingDelayMs = 0;
    m_skipNext = false;
    m_backwardsNext = false;
    bool hurried = false;
    const qint64 now = m_clock.elapsed();
    for (Push &push : m_queue) {
        if (push.late && push.dueMs > now) {
            push.dueMs = now;
            hurried = true;
        }
    }
    if (hurried && !m_rsync) {
        m_pushTimer->stop();
        pumpPushes();
    }
    return cancelled;
}

void Publisher::makeCut()
{
    if (!m_running)
        return;
    const QDateTime scheduled = PrepElection::nightStartUtc().addSecs(qint64(m_slot) * 15 * 60);
    ++m_slot;
    if (m_skipNext) {
        m_skipNext = false;
        Q_EMIT skippedSlotPassed(PrepElection::isoCut(scheduled));
        return;
    }
    QDateTime dataTime = scheduled;
    bool backwards = false;
    if (m_backwardsNext) {
        m_backwardsNext = false;
        backwards = true;
        // The IEPC republishes an earlier cut: its time and its actas go back.
        dataTime = (m_lastPublished.isValid() ? m_lastPublished : scheduled).addSecs(-15 * 60);
    }
    const QDateTime stampTime = dataTime;
    const QString package = PrepElection::packageName(stampTime);
    if (!writePackage(package, dataTime, stampTime)) {
        m_truth->record(QStringLiteral("cut_failed"), {{QStringLiteral("cut"), PrepElection::isoCut(stampTime)}});
        return;
    }
    publishOfficial(dataTime, stampTime);
    m_lastPublished = stampTime;

    Push push{package, stampTime, m_clock.elapsed() + m_settings.pushDelayMs + m_pendingDelayMs,
              m_pendingDelayMs > 0, 0};
    m_pendingDelayMs = 0;
    m_queue.append(push);
    if (backwards)
        Q_EMIT backwardsCutPublished(PrepElection::isoCut(stampTime));
    pumpPushes();
}

bool Publisher::writePackage(const QString &package, const QDateTime &dataTime, const QDateTime &stampTime)
{
    const QString dir = QDir(m_settings.outboxDir).filePath(package);
    return QDir().mkpath(dir)
           && saveAtomically(dir + QLatin1Char('/') + PrepElection::csvFileName(), m_election->csv(dataTime, stampTime));
}

void Publisher::publishOfficial(const QDateTime &dataTime, const QDateTime &stampTime)
{
    const CutSummary summary = m_election->summary(dataTime);
    const QDir site(m_settings.officialDir);
    // JSON first, page last: the page is what people (and the lag probe) read.
    const bool ok = saveAtomically(site.filePath(QStringLiteral("avance.json")), PrepElection::avanceJson(summary, stampTime))
                    && saveAtomically(site.filePath(QStringLiteral("index.html")),
                                      PrepElection::indexHtml(summary, stampTime, QStringLiteral("PREP oficial (IEPC)")));
    m_truth->record(ok ? QStringLiteral("cut_official_visible") : QStringLiteral("cut_official_failed"),
                    {{QStringLiteral("cut"), PrepElection::isoCut(stampTime)}});
}

void Publisher::pumpPushes()
{
    if (!m_running || m_rsync || m_queue.isEmpty())
        return;
    const qint64 wait = m_queue.first().dueMs - m_clock.elapsed();
    if (wait > 0) {
        m_pushTimer->start(int(wait));
        return;
    }
    startPush(m_queue.first());
}

void Publisher::startPush(const Push &push)
{
    auto *rsync = new QProcess(this);
    m_rsync = rsync;
    m_guard->guard(rsync);
    QString program = QStandardPaths::findExecutable(QStringLiteral("rsync"));
    rsync->setProgram(program);
    rsync->setArguments({QStringLiteral("-rt"), QStringLiteral("--timeout=20"), QStringLiteral("--contimeout=5"),
                         QDir(m_settings.outboxDir).filePath(push.package), m_settings.rsyncUrl});
    rsync->setProcessChannelMode(QProcess::MergedChannels);
    rsync->setStandardInputFile(QProcess::nullDevice());
    connect(rsync, &QProcess::started, this, [rsync] { rsync->setProperty("pid", rsync->processId()); });
    connect(rsync, &QProcess::finished, this, [this, rsync](int code, QProcess::ExitStatus status) {
        m_guard->forget(rsync->property("pid").toLongLong());
        const QString output = QString::fromLocal8Bit(rsync->readAll().left(2000)).trimmed();
        rsync->deleteLater();
        m_rsync = nullptr;
        if (!m_running || m_queue.isEmpty())
            return;
        Push &head = m_queue.first();
        const QString cut = PrepElection::isoCut(head.cutTime);
        if (status == QProcess::NormalExit && code == 0) {
            m_truth->record(QStringLiteral("cut_written"), {{QStringLiteral("cut"), cut}, {QStringLiteral("package"), head.package}});
            if (head.late)
                Q_EMIT lateCutLanded(cut);
            m_queue.removeFirst();
        } else if (++head.attempts < MaxPushAttempts) {
            m_truth->record(QStringLiteral("push_retry"), {{QStringLiteral("cut"), cut}, {QStringLiteral("error"), output}});
            head.dueMs = m_clock.elapsed() + PushRetryMs;
        } else {
            m_truth->record(QStringLiteral("push_failed"), {{QStringLiteral("cut"), cut}, {QStringLiteral("error"), output}});
            m_queue.removeFirst();
        }
        pumpPushes();
    });
    connect(rsync, &QProcess::errorOccurred, this, [rsync](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            Q_EMIT rsync->finished(127, QProcess::CrashExit);
    });
    rsync->start();
}

} // namespace difusor::sandbox
