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
    QString publicationDir;       // from the connection profile: checked as cfg.* (EvaluateProfile.cpp)
    QString accessLog;
    QString language = QStringLiteral("es");
};

// The requirement profile's checks, then the connection profile's own (group "profile": cfg.publication_dir,
// cfg.access_log, cfg.difusor_url, cfg.official_url): what the console is told to watch exists, has the
// right type and can be read by the SSH user; the log is being written; both URLs answer.
QList<CheckResult> evaluate(const EvaluationInput &input);

// The ids of the connection profile's own checks, in the order evaluate() appends them.
QStringList profileCheckIds();

} // namespace difusor::checks
