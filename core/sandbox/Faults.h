#pragma once

#include "Sandbox.h"

#include <QJsonObject>
#include <QStringList>

namespace difusor::sandbox {

// The control-channel form of a fault request: {"fault": "late_cut", "delay_s": 90, …}.
QJsonObject faultRequest(FaultKind kind, const FaultArgs &args);
std::optional<std::pair<FaultKind, FaultArgs>> parseFaultRequest(const QJsonObject &request, QString *error);

// The command-line form: KIND [--duration S] [--delay S] [--factor F] [--offset S] [--copytruncate],
// or KIND followed by one bare number for the kind's main argument (e.g. "late_cut 90").
std::optional<std::pair<FaultKind, FaultArgs>> parseFaultArguments(const QStringList &arguments, QString *error);

// The arguments with the kind's defaults filled in (cutIntervalS: the sandbox's real interval).
FaultArgs withDefaults(FaultKind kind, FaultArgs args, int cutIntervalS);
QJsonObject faultArgsJson(FaultKind kind, const FaultArgs &args);

} // namespace difusor::sandbox
