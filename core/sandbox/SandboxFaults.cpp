// Sandbox: fault injection (the "Simulación" menu and `difusor-console sandbox fault`).
#include "Sandbox.h"

#include "Faults.h"
#include "GroundTruth.h"
#include "PublicationStep.h"
#include "Publisher.h"
#include "Servers.h"
#include "Visitors.h"
#include "SandboxPrivate.h"

#include <QDir>
#include <QFile>
#include <QTimer>

namespace difusor::sandbox {

bool Sandbox::injectFault(FaultKind kind, const FaultArgs &given, QString *error)
{
    auto refuse = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (d->state != SandboxState::Ready)
        return refuse(tr("El simulador no está en marcha."));
    if (d->activeFaults.contains(int(kind)))
        return refuse(tr("Esa falla ya está en curso; espere a que termine."));
    const FaultArgs a = withDefaults(kind, given, d->options.cutIntervalS);
    d->activeFaults.insert(int(kind));
    d->truth->record(QStringLiteral("fault_start"), faultArgsJson(kind, a));

    switch (kind) {
    case FaultKind::LateCut:
        d->publisher->delayNextPush(a.delayS * 1000); // ends when the late cut lands
        break;
    case FaultKind::SkippedCut:
        d->publisher->skipNextCut(); // ends when its slot has passed
        break;
    case FaultKind::BackwardsCut:
        d->publisher->backwardsNextCut(); // ends when it has been published
        break;
    case FaultKind::StaleSite:
        d->publication->holdFor(a.durationS * 1000);
        endFaultAfter(kind, a.durationS, [this] { d->publication->endHold(); });
        break;
    case FaultKind::SiteDown:
        d->servers->stopDifusorWeb();
        // Ends when nginx answers again (ServerSet::difusorWebUp).
        endFaultAfter(kind, a.durationS, [this] { d->servers->startDifusorWeb(); });
        break;
    case FaultKind::ServerErrors: {
        const QString flag = d->paths.flags + QStringLiteral("/difusor-503");
        QFile file(flag);
        if (!file.open(QIODevice::WriteOnly)) {
            d->activeFaults.remove(int(kind));
            return refuse(tr("No se pudo crear %1.").arg(flag));
        }
        endFaultAfter(kind, a.durationS, [flag] { QFile::remove(flag); });
        break;
    }
    case FaultKind::TrafficSpike:
        d->visitors->setFactor(a.factor);
        endFaultAfter(kind, a.durationS, [this] { d->visitors->setFactor(1); });
        break;
    case FaultKind::ClockSkew:
        d->publication->setSkew(a.offsetS);
        endFaultAfter(kind, a.durationS, [this] { d->publication->setSkew(0); });
        break;
    case FaultKind::LogRotation: {
        const QString log = d->paths.accessLog;
        const QString rotated = log + QLatin1Char('.') + QString::number(++d->rotations);
        QFile::remove(rotated);
        if (a.copyTruncate) {
            // logrotate's copytruncate: nginx keeps its descriptor (O_APPEND) and writes from offset 0.
            QFile file(log);
            const bool ok = QFile::copy(log, rotated) && file.open(QIODevice::ReadWrite) && file.resize(0);
            file.close();
            endFault(kind, ok ? QString() : QStringLiteral("copytruncate failed"));
        } else if (QFile::rename(log, rotated)) {
            d->servers->reopenDifusorLog([this, kind](bool ok) {
                endFault(kind, ok ? QString() : QStringLiteral("nginx -s reopen failed"));
            });
        } else {
            endFault(kind, QStringLiteral("rename failed"));
        }
        break;
    }
    }
    return true;
}

QStringList Sandbox::endFaults()
{
    QStringList ended;
    if (d->state != SandboxState::Ready)
        return ended;
    for (int kind : std::as_const(d->activeFaults)) {
        ended << faultId(FaultKind(kind));
        d->endingEarly.insert(kind);
    }
    const Publisher::Cancelled cancelled = d->publisher->cancelPendingFaults();
    if (cancelled.delay)
        endFault(FaultKind::LateCut, QStringLiteral("cancelled"));
    if (cancelled.skip)
        endFault(FaultKind::SkippedCut, QStringLiteral("cancelled"));
    if (cancelled.backwards)
        endFault(FaultKind::BackwardsCut, QStringLiteral("cancelled"));
    // Timed faults: their timers fire now, undoing them as at their natural end.
    for (QTimer *timer : std::as_const(d->faultTimers))
        timer->start(0);
    ended.sort();
    return ended;
}

void Sandbox::endFaultAfter(FaultKind kind, int seconds, const std::function<void()> &undo)
{
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5% early: a fault must last its time
    d->faultTimers.insert(int(kind), timer);
    connect(timer, &QTimer::timeout, this, [this, kind, timer, undo] {
        d->faultTimers.remove(int(kind));
        timer->deleteLater();
        undo();
        if (kind != FaultKind::SiteDown) // that one ends when nginx answers again
            endFault(kind);
    });
    timer->start(seconds * 1000);
}

void Sandbox::endFault(FaultKind kind, const QString &detail)
{
    if (!d->activeFaults.remove(int(kind)) || !d->truth)
        return;
    QJsonObject fields{{QStringLiteral("kind"), faultId(kind)}};
    if (d->endingEarly.remove(int(kind)))
        fields.insert(QStringLiteral("early"), true);
    if (detail == QLatin1String("cancelled")) {
        fields.insert(QStringLiteral("cancelled"), true); // called off before it took effect
    } else if (!detail.isEmpty()) {
        // The cut the fault touched (late, skipped, backwards), or what went wrong.
        fields.insert(detail.startsWith(QLatin1String("20")) ? QStringLiteral("cut") : QStringLiteral("error"), detail);
    }
    d->truth->record(QStringLiteral("fault_end"), fields);
}

} // namespace difusor::sandbox
