#pragma once

#include "drills/Scenario.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <functional>

class QObject;
class QTableWidget;

namespace difusor::ui {

// Words and numbers of the "Simulacros" page, shared by its panels (translated in DrillsPage's context).

// A journal's or the store's status ("completed", "failed", "aborted", "running", "refused") for people.
QString drillStatusText(const QString &status);
// "✔" / "✖" / "■" / "…" before a status, so it never depends on colour alone.
QString drillStatusMark(const QString &status);
// An ISO 8601 time of the journal in Central Mexico time with the zone written; "—" when absent.
QString drillTime(const QJsonValue &iso);
// 83 → "1:23", 3725 → "1:02:05".
QString clockText(qint64 seconds);
// A seconds figure of the journal ("12.3 s"); "—" when absent.
QString secondsText(const QJsonValue &seconds);
// 0.75 → "0.75 (75 %)".
QString scoreText(double score);

// Sizes a table's columns to their contents, each at most its cap in pixels (the text is elided; the
// tooltip or the detail has it whole); the last column takes what is left.
void fitColumns(QTableWidget *table, const QList<int> &caps);

// How long the scenario should take when all goes well, in seconds (an estimate: warm-up, the method's
// pauses, the longest fault and its expectations' windows, a cut on each side for the steady state).
// The stop condition (Scenario::maxDurationS) is the bound.
int expectedDurationS(const drills::Scenario &scenario, int cutIntervalS);

// A pre-flight verdict ("pass", "fail", "unknown") for people, with its mark: "✔ bien", "✖ falla", "? sin dato".
QString preflightVerdictText(const QString &verdictId);

// Writes `json` indented to `path`, 0600 before anything is in it, renamed into place when complete, on a
// pool thread (a slow disk never stalls the window); `done(ok, message)` runs on `context`'s thread with
// the sentence to show (nothing if `context` is gone by then). Both reports' "Guardar JSON".
void saveJsonPrivately(QObject *context, const QString &path, const QJsonObject &json,
                       std::function<void(bool ok, const QString &message)> done);

} // namespace difusor::ui
