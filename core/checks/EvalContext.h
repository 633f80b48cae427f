#pragma once

// Internal to the evaluator: shared helpers and the per-check functions (EvaluateHardware.cpp,
// EvaluateSoftware.cpp, EvaluateNetwork.cpp).

#include "Evaluator.h"

namespace difusor::checks::eval {

struct Context
{
    const EvaluationInput &in;

    // The section if it is usable (complete, exit 0, some output); else nullptr and *why says why.
    const ProbeSection *usable(const QString &name, QString *why) const;
    // Any section that came back (whatever its exit status), or nullptr.
    const ProbeSection *any(const QString &name) const;
    // Evidence of the named sections (those present), bounded.
    QString evidence(const QStringList &names) const;
    std::optional<Attestation> attestation(const QString &checkId) const;
};

// Sets status, actual and remediation in one go.
void verdict(CheckResult &r, Status status, const QString &actual, const QString &remediation = {});
QString attestationText(const Attestation &a);
QString formatGib(double gib);

CheckResult cpuCores(const Context &c, const CheckSpec &s);
CheckResult cpuFreq(const Context &c, const CheckSpec &s);
CheckResult ram(const Context &c, const CheckSpec &s);
CheckResult diskSize(const Context &c, const CheckSpec &s);
CheckResult diskSsd(const Context &c, const CheckSpec &s);
CheckResult redundancy(const Context &c, const CheckSpec &s);

CheckResult os(const Context &c, const CheckSpec &s);
CheckResult docker(const Context &c, const CheckSpec &s);
CheckResult ssh(const Context &c, const CheckSpec &s);
CheckResult ntp(const Context &c, const CheckSpec &s);

CheckResult bandwidth(const Context &c, const CheckSpec &s);
CheckResult publicIp(const Context &c, const CheckSpec &s);
CheckResult fwOpen(const Context &c, const CheckSpec &s);
CheckResult fwRestricted(const Context &c, const CheckSpec &s);
CheckResult rsync(const Context &c, const CheckSpec &s);
CheckResult protection(const Context &c, const CheckSpec &s);
CheckResult url(const Context &c, const CheckSpec &s);

// The connection profile's paths and URLs (EvaluateProfile.cpp).
QList<CheckResult> profileChecks(const Context &c);

} // namespace difusor::checks::eval
