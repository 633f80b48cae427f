#include "CheckResult.h"

#include "common/CommandLine.h"
#include "common/Tr.h"

namespace difusor::checks {

QString statusId(Status status)
{
    switch (status) {
    case Status::Pass: return QStringLiteral("pass");
    case Status::Warn: return QStringLiteral("warn");
    case Status::Fail: return QStringLiteral("fail");
    case Status::Unknown: return QStringLiteral("unknown");
    case Status::Skipped: return QStringLiteral("skipped");
    }
    return QStringLiteral("unknown");
}

QString statusText(Status status)
{
    switch (status) {
    case Status::Pass: return Tr::tr("CUMPLE");
    case Status::Warn: return Tr::tr("ADVERTENCIA");
    case Status::Fail: return Tr::tr("NO CUMPLE");
    case Status::Unknown: return Tr::tr("DESCONOCIDO");
    case Status::Skipped: return Tr::tr("OMITIDO");
    }
    return {};
}

std::optional<Status> statusFromId(const QString &id)
{
    for (Status s : {Status::Pass, Status::Warn, Status::Fail, Status::Unknown, Status::Skipped}) {
        if (statusId(s) == id)
            return s;
    }
    return std::nullopt;
}

QJsonObject CheckResult::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("title"), title);
    o.insert(QStringLiteral("group"), group);
    o.insert(QStringLiteral("status"), statusId(status));
    o.insert(QStringLiteral("expected"), expected);
    o.insert(QStringLiteral("actual"), actual);
    o.insert(QStringLiteral("evidence"), evidence);
    o.insert(QStringLiteral("remediation"), remediation);
    if (estimated)
        o.insert(QStringLiteral("estimated"), true);
    return o;
}

std::optional<CheckResult> CheckResult::fromJson(const QJsonObject &o)
{
    CheckResult r;
    r.id = o.value(QStringLiteral("id")).toString();
    const auto status = statusFromId(o.value(QStringLiteral("status")).toString());
    if (r.id.isEmpty() || !status)
        return std::nullopt;
    r.status = *status;
    r.title = o.value(QStringLiteral("title")).toString();
    r.group = o.value(QStringLiteral("group")).toString();
    r.expected = o.value(QStringLiteral("expected")).toString();
    r.actual = o.value(QStringLiteral("actual")).toString();
    r.evidence = o.value(QStringLiteral("evidence")).toString();
    r.remediation = o.value(QStringLiteral("remediation")).toString();
    r.estimated = o.value(QStringLiteral("estimated")).toBool();
    return r;
}

int exitCodeFor(const QList<CheckResult> &results, bool runFailed)
{
    // An unknown verdict is no pass: a pipeline that gates on the check must not go on.
    if (runFailed || results.isEmpty())
        return ExitFailed;
    for (const CheckResult &r : results) {
        if (r.status == Status::Fail || r.status == Status::Unknown)
            return ExitFailed;
    }
    return ExitOk;
}

} // namespace difusor::checks
