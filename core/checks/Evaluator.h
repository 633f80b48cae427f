#pragma once

#include "Attestations.h"
#include "CheckResult.h"
#include "ConsoleFacts.h"
#include "ProbeOutput.h"
#include "RequirementProfile.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace difusor::checks {

// Everything the verdicts rest on. Pure data: evaluate() runs no command and touches no network,
// so it is tested on recorded outputs.
struct EvaluationInput
{
    RequirementProfile profile;
    ProbeOutput probe;
    QString probeError;           // why the probe gave nothing (empty when it ran)
    ConsoleFacts console;
    AttestationBook attestations;
    QStringList extraTrustedIps;  // from the connection profile (trusted_ips)
    QString language = QStringLiteral("es");
};

QList<CheckResult> evaluate(const EvaluationInput &input);

} // namespace difusor::checks
