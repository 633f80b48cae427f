#include "Evaluator.h"

#include "EvalContext.h"

#include "common/MexicoTime.h"
#include "common/Tr.h"

#include <functional>
#include <map>

namespace difusor::checks {

namespace eval {

const ProbeSection *Context::any(const QString &name) const
{
    return in.probe.section(name);
}

const ProbeSection *Context::usable(const QString &name, QString *why) const
{
    const ProbeSection *s = in.probe.section(name);
    QString reason;
    if (!s) {
        reason = in.probe.isEmpty() && !in.probeError.isEmpty()
            ? Tr::tr("la sonda no se ejecutó: %1").arg(in.probeError)
            : Tr::tr("la sección \"%1\" no llegó en la salida de la sonda").arg(name);
    } else if (!s->complete) {
        reason = Tr::tr("la salida de \"%1\" llegó cortada").arg(s->command);
    } else if (s->commandMissing()) {
        reason = Tr::tr("la orden \"%1\" no existe en el servidor").arg(s->command);
    } else if (s->timedOut()) {
        reason = Tr::tr("\"%1\" excedió el tiempo límite").arg(s->command);
    } else if (s->exitStatus != 0) {
        reason = Tr::tr("\"%1\" terminó con estado %2").arg(s->command).arg(s->exitStatus);
    } else if (s->output.trimmed().isEmpty()) {
        reason = Tr::tr("\"%1\" no devolvió nada").arg(s->command);
    } else {
        return s;
    }
    if (why)
        *why = reason;
    return nullptr;
}

QString Context::evidence(const QStringList &names) const
{
    QStringList parts;
    for (const QString &name : names) {
        if (const ProbeSection *s = in.probe.section(name))
            parts.append(s->evidence(4000));
    }
    if (parts.isEmpty() && !in.probeError.isEmpty())
        parts.append(Tr::tr("La sonda no se ejecutó: %1").arg(in.probeError));
    return parts.join(QStringLiteral("\n\n")).left(20000);
}

std::optional<Attestation> Context::attestation(const QString &checkId) const
{
    return in.attestations.forCheck(checkId);
}

void verdict(CheckResult &r, Status status, const QString &actual, const QString &remediation)
{
    r.status = status;
    r.actual = actual;
    r.remediation = remediation;
}

QString attestationText(const Attestation &a)
{
    return Tr::tr("atestado por %1 el %2: %3").arg(a.by, formatMexicoTime(a.atUtc, false), a.statement);
}

QString formatGib(double gib)
{
    return QStringLiteral("%1 GiB").arg(gib, 0, 'f', 1);
}

} // namespace eval

QList<CheckResult> evaluate(const EvaluationInput &input)
{
    using Fn = std::function<CheckResult(const eval::Context &, const CheckSpec &)>;
    static const std::map<QString, Fn> table = {
        {QStringLiteral("hw.cpu.cores"), eval::cpuCores}, {QStringLiteral("hw.cpu.freq"), eval::cpuFreq},
        {QStringLiteral("hw.ram"), eval::ram}, {QStringLiteral("hw.disk.size"), eval::diskSize},
        {QStringLiteral("hw.disk.ssd"), eval::diskSsd}, {QStringLiteral("hw.redundancy"), eval::redundancy},
        {QStringLiteral("sw.os"), eval::os}, {QStringLiteral("sw.docker"), eval::docker},
        {QStringLiteral("sw.ssh"), eval::ssh}, {QStringLiteral("sw.ntp"), eval::ntp},
        {QStringLiteral("net.bandwidth"), eval::bandwidth}, {QStringLiteral("net.public_ip"), eval::publicIp},
        {QStringLiteral("net.fw.open"), eval::fwOpen}, {QStringLiteral("net.fw.restricted"), eval::fwRestricted},
        {QStringLiteral("net.rsync"), eval::rsync}, {QStringLiteral("net.protection"), eval::protection},
        {QStringLiteral("net.url"), eval::url},
    };
    const eval::Context context{input};
    QList<CheckResult> results;
    for (const CheckSpec &spec : input.profile.checks()) {
        CheckResult r;
        if (!spec.enabled) {
            r.status = Status::Skipped;
            r.actual = Tr::tr("desactivada en el perfil de requisitos");
        } else if (const auto fn = table.find(spec.id); fn != table.end()) {
            r = fn->second(context, spec);
        } else {
            r.status = Status::Unknown;
            r.actual = Tr::tr("esta versión no sabe verificar \"%1\"").arg(spec.id);
        }
        r.id = spec.id;
        r.title = spec.title(input.language);
        r.group = spec.group;
        // A recommended requirement that is not met is a warning; an optional one is too.
        if (r.status == Status::Fail && spec.severity != Severity::Required)
            r.status = Status::Warn;
        if (r.status == Status::Pass)
            r.remediation.clear();
        results.append(r);
    }
    results.append(eval::profileChecks(context));
    return results;
}

} // namespace difusor::checks
