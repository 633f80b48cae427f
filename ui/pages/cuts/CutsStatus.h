#pragma once

#include "cuts/IncidentRules.h"

#include <QColor>
#include <QCoreApplication>
#include <QList>
#include <QPixmap>
#include <QString>

namespace difusor::ui {

// What the page's header says, in words first: colour and icon shape only repeat the words.
struct CutsStatus
{
    Q_DECLARE_TR_FUNCTIONS(difusor::ui::CutsStatus)
public:
    enum class Level { Off, Waiting, Ok, Warning, Alarm };
    Level level = Level::Off;
    QString text;   // "En tiempo", "Corte atrasado", …
    QString detail; // the incident's own detail, or what is awaited
    QStringList others; // other open incidents, shortest text each
};

// From the open incidents of the live monitor. The worst one wins: cut going backwards, stale
// site, late cut, lag, our site failing, then a publication folder that is not being watched
// (`watcherProblem`: its text), clock skew, official site failing. `monitoring` false: no server
// connected; `anyCut` false: connected but no cut known yet.
CutsStatus evaluateCutsStatus(bool monitoring, bool anyCut, const QList<cuts::Incident> &open, qint64 maxLagMs,
                              const QString &watcherProblem = {});

QString incidentShortText(const cuts::Incident &incident, qint64 maxLagMs);
QColor levelColor(CutsStatus::Level level);
QPixmap levelIcon(CutsStatus::Level level, int size);

} // namespace difusor::ui
