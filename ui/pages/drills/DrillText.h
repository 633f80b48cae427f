#pragma once

#include "drills/Scenario.h"

#include <QJsonValue>
#include <QList>
#include <QString>

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

} // namespace difusor::ui
