#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace difusor::checks {

enum class Status { Pass, Warn, Fail, Unknown, Skipped };

QString statusId(Status status);   // "pass", "warn", "fail", "unknown", "skipped" (JSON, junit)
QString statusText(Status status); // translated label, e.g. "CUMPLE"
std::optional<Status> statusFromId(const QString &id);

// The verdict of one check, with what it rests on.
struct CheckResult
{
    QString id;          // "hw.cpu.cores"
    QString title;       // in the user's language
    QString group;       // "hardware", "software", "network"
    Status status = Status::Unknown;
    QString expected;    // translated, e.g. "≥ 8 CPU lógicas"
    QString actual;      // translated, e.g. "CPU lógicas: 2 (núcleos físicos: 2)"
    QString evidence;    // the commands, exit statuses and raw outputs it rests on (bounded)
    QString remediation; // translated hint; empty on PASS
    bool estimated = false; // a fallback source was used (e.g. current MHz instead of max MHz)

    QJsonObject toJson() const;
    // Reads back what toJson wrote (stored runs); nothing without an id or with an unknown status.
    static std::optional<CheckResult> fromJson(const QJsonObject &object);
};

// Exit code of `difusor-console check` for a report (common/CommandLine.h's ExitCode): 0 all pass
// (warn/skipped allowed), 1 any fails, is unknown, or the run failed. A server that could not be
// reached gives 3, decided by the command before any report (checks/CheckCommand.cpp).
int exitCodeFor(const QList<CheckResult> &results, bool runFailed);

} // namespace difusor::checks
