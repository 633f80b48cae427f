#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace difusor::drills {

// `difusor-console drill observe --profile P --name NAME [--from ISO --to ISO | --duration S]
//  [--format json|text] [--operator NAME] [--store F] [--preflight-timeout S]`: an official simulacro,
// observed only (Simulacro). Progress on stderr, the report on stdout. Exit 0 everything passed; 1 a
// pre-flight item failed or the one-minute rule was broken (or cancelled); 2 bad input; 3 unreachable.
int runObserveCommand(const QStringList &args);

// An ISO 8601 time as the command takes it: with an offset or "Z" as written, without one in Central
// Mexico time (UTC-6). Invalid QDateTime when it does not parse.
QDateTime parseWindowTime(const QString &text);

// The report as text for people (times in UTC-6).
QString observeReportText(const QJsonObject &report);

} // namespace difusor::drills
