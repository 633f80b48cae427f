#include "DrillText.h"

#include "DrillsPage.h"
#include "common/MexicoTime.h"
#include "common/PrivateFile.h"

#include <QDateTime>
#include <QHeaderView>
#include <QJsonDocument>
#include <QPointer>
#include <QSaveFile>
#include <QTableWidget>
#include <QThreadPool>

#include <algorithm>
#include <cmath>

namespace difusor::ui {

QString drillStatusText(const QString &status)
{
    if (status == QLatin1String("completed"))
        return DrillsPage::tr("cumplido");
    if (status == QLatin1String("failed"))
        return DrillsPage::tr("no cumplido");
    if (status == QLatin1String("aborted"))
        return DrillsPage::tr("detenido");
    if (status == QLatin1String("running"))
        return DrillsPage::tr("en curso o interrumpido");
    if (status == QLatin1String("refused"))
        return DrillsPage::tr("rechazado");
    return status;
}

QString drillStatusMark(const QString &status)
{
    if (status == QLatin1String("completed"))
        return QStringLiteral("✔");
    if (status == QLatin1String("failed") || status == QLatin1String("refused"))
        return QStringLiteral("✖");
    if (status == QLatin1String("aborted"))
        return QStringLiteral("■");
    return QStringLiteral("…");
}

QString drillTime(const QJsonValue &iso)
{
    const QDateTime t = QDateTime::fromString(iso.toString(), Qt::ISODateWithMs);
    return t.isValid() ? formatMexicoTime(t.toUTC()) : QStringLiteral("—");
}

QString clockText(qint64 seconds)
{
    const bool negative = seconds < 0;
    seconds = std::abs(seconds);
    const qint64 h = seconds / 3600;
    const qint64 m = (seconds % 3600) / 60;
    const qint64 s = seconds % 60;
    QString text = h > 0 ? QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'))
                         : QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
    return negative ? QStringLiteral("-") + text : text;
}

QString secondsText(const QJsonValue &seconds)
{
    if (!seconds.isDouble())
        return QStringLiteral("—");
    return DrillsPage::tr("%1 s").arg(seconds.toDouble(), 0, 'f', 1);
}

QString scoreText(double score)
{
    return DrillsPage::tr("%1 (%2 %)").arg(score, 0, 'f', 2).arg(std::round(score * 100), 0, 'f', 0);
}

void fitColumns(QTableWidget *table, const QList<int> &caps)
{
    QHeaderView *header = table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    table->resizeColumnsToContents();
    for (int c = 0; c < caps.size() && c < table->columnCount(); ++c)
        table->setColumnWidth(c, std::min(table->columnWidth(c), caps.at(c)));
}

int expectedDurationS(const drills::Scenario &scenario, int cutIntervalS)
{
    const int c = std::max(1, cutIntervalS);
    double t = scenario.warmupS;
    // The steady state: a cut recorded before the faults and again after them.
    if (!scenario.hypothesis.isEmpty())
        t += 2.0 * c;
    // The method's steps one after another; a fault's tail (it lasts, then its expectations are decided:
    // a detection about half its window in, a resolution about half its window after the fault ends, an
    // absence at the end of its window) may outlast the steps that follow it.
    double tail = 0;
    for (const drills::Activity &a : scenario.method) {
        t += a.pauseBeforeS;
        tail = std::max(0.0, tail - a.pauseBeforeS);
        if (a.kind == drills::Activity::Kind::Fault) {
            const double lasts = std::max(a.faultArgs.durationS, a.faultArgs.delayS);
            double own = lasts;
            for (const drills::Expectation &e : scenario.expectations) {
                if (e.fault != a.name)
                    continue;
                if (e.absent)
                    own = std::max(own, e.withinS);
                else if (e.resolvedWithinS)
                    own = std::max(own, lasts + *e.resolvedWithinS / 2);
                else
                    own = std::max(own, e.withinS / 2);
            }
            tail = std::max(tail, own);
        }
        t += a.pauseAfterS;
        tail = std::max(0.0, tail - a.pauseAfterS);
    }
    t += tail;
    return std::min(int(std::ceil(t)), scenario.maxDurationS);
}

QString preflightVerdictText(const QString &verdictId)
{
    if (verdictId == QLatin1String("pass"))
        return DrillsPage::tr("✔ bien");
    if (verdictId == QLatin1String("fail"))
        return DrillsPage::tr("✖ falla");
    return DrillsPage::tr("? sin dato");
}

void saveJsonPrivately(QObject *context, const QString &path, const QJsonObject &json,
                       std::function<void(bool ok, const QString &message)> done)
{
    const QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Indented);
    QPointer<QObject> guard(context);
    QThreadPool::globalInstance()->start([guard, path, bytes, done = std::move(done)] {
        QString error;
        QSaveFile file(path);
        bool ok = file.open(QIODevice::WriteOnly);
        if (!ok)
            error = file.errorString();
        if (ok && !restrictToOwner(file, &error))
            ok = false;
        if (ok && file.write(bytes) != bytes.size()) {
            ok = false;
            error = file.errorString();
        }
        if (ok && !file.commit()) {
            ok = false;
            error = file.errorString();
        }
        if (!ok)
            file.cancelWriting();
        QMetaObject::invokeMethod(
            guard.data(),
            [guard, path, ok, error, done] {
                if (!guard)
                    return;
                done(ok, ok ? DrillsPage::tr("Diario guardado en %1.").arg(path)
                            : DrillsPage::tr("No se guardó el diario en %1: %2").arg(path, error));
            },
            Qt::QueuedConnection);
    });
}

} // namespace difusor::ui
