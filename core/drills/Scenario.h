#pragma once

#include "sandbox/Sandbox.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>

namespace difusor::drills {

// A drill scenario is a Chaos Toolkit experiment (version, title, description, tags,
// steady-state-hypothesis, method, rollbacks), so Chaos Toolkit's own runner can play it, with the
// console's part under "extensions" (the entry named "difusor-console"):
//
//   {"name": "difusor-console", "target": "sandbox" | "observe",
//    "expectations": [{"name": …, "fault": <a method action's name>, "incident": <kind>,
//                      "subject": <optional>, "within_s": N, "resolved_within_s": N (optional),
//                      "absent": false, "weight": 1}],
//    "forbidden": [<incident kind>, …],
//    "stop_conditions": {"max_duration_s": N, "abort_on_forbidden": true},
//    "settle_s": N, "warmup_s": N, "profile_overrides": {<profile extra key>: value, …}}
//
// Activities use the "process" provider running difusor-console; the console plays the ones it knows
// itself (never a process of the file's choosing):
//   action  sandbox fault --profile ${profile} KIND [--duration S] [--delay S] [--factor F] [--offset S] [--copytruncate]
//   action  sandbox end-faults --profile ${profile}          (a rollback: every fault in progress ends now)
//   probe   incidents --profile ${profile} --format json [--state S] [--kind K]   (tolerance: exit code or regex)
//   probe   watch --profile ${profile} --format json --duration S   (a cut is recorded within S seconds)
// "${profile}" is the drill's profile (Chaos Toolkit reads it from the configuration's "profile" entry);
// a fault can only go to it.

// A tolerance the console can judge: Chaos Toolkit's integer (the exit status) or its regex form.
struct Tolerance
{
    enum class Type { ExitStatus, Regex };
    Type type = Type::ExitStatus;
    int status = 0;
    QRegularExpression pattern;
    QString target = QStringLiteral("stdout"); // "stdout" | "stderr"
};

struct Activity
{
    enum class Kind { Fault, EndFaults, IncidentsProbe, WatchProbe };
    Kind kind = Kind::Fault;
    QString type; // "action" | "probe"
    QString name;
    double pauseBeforeS = 0;
    double pauseAfterS = 0;
    QJsonObject json; // as written in the file (the journal's "activity")
    // Fault
    sandbox::FaultKind fault = sandbox::FaultKind::LateCut;
    sandbox::FaultArgs faultArgs;
    // IncidentsProbe: --state, --kind; WatchProbe: --duration
    QString state = QStringLiteral("all");
    QString incidentKind;
    int durationS = 0;
    std::optional<Tolerance> tolerance; // hypothesis probes
};

struct Expectation
{
    QString name;
    QString fault;     // the method action whose fault it follows
    QString incident;  // incident kind
    QString subject;   // empty: any
    double withinS = 60;                  // detected within this of the fault's start (absent: the window)
    std::optional<double> resolvedWithinS; // resolved within this of the fault's end
    bool absent = false;                  // the kind must NOT open within the window
    double weight = 1;
};

struct Scenario
{
    QString name;   // built-in name, or the file's base name
    QString source; // "builtin" or the file's path
    QString version;
    QString title;
    QString description;
    QStringList tags;
    QString target = QStringLiteral("sandbox");
    QString hypothesisTitle;
    QList<Activity> hypothesis;
    QList<Activity> method;
    QList<Activity> rollbacks;
    QList<Expectation> expectations;
    QStringList forbidden;
    int maxDurationS = 600;
    bool abortOnForbidden = true;
    int settleS = 30;  // how long the steady state may take to hold (before and after the method)
    int warmupS = 0;   // watching at least this long before the method (e.g. a traffic baseline)
    QJsonObject profileOverrides; // profile extra keys for the drill's own watch (rule thresholds)
    QJsonObject experiment;       // the whole file as loaded

    bool injectsFaults() const;
    QStringList faultIds() const; // the faults its method injects, in order
    const Activity *action(const QString &name) const;
};

// Parses and validates a scenario. On failure, nullopt and *errors has one translated message per
// problem, each naming where: "línea L, columna C" for JSON syntax, else the field's path
// ("method[2].provider.arguments") and why.
std::optional<Scenario> parseScenario(const QByteArray &json, const QString &source, QStringList *errors);
std::optional<Scenario> loadScenarioFile(const QString &path, QStringList *errors);

} // namespace difusor::drills
