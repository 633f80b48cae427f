#pragma once

#include "remote/RemoteHost.h"
#include "widgets/ToneIcon.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QString>

#include <optional>

namespace difusor::ui {

// What the night view knows of one server, and what each of its tiles says. Pure: the tiles' words,
// tones and details come from these facts alone (SummaryFeed gathers them; tst_nightview checks them).

enum class SummaryArea { Connection, Infrastructure, Cuts, Publication, Traffic, Incidents };
constexpr int kSummaryAreaCount = 6;

// "Conexión", "Infraestructura", "Cortes", "Publicación", "Tráfico", "Incidentes".
QString summaryAreaTitle(SummaryArea area);
// The area an incident kind belongs to (its tile turns the incident's colour while it is unresolved);
// every kind also counts on the "Incidentes" tile. Unknown kinds: Incidents only.
SummaryArea summaryAreaOfKind(const QString &kindId);

// The newest stored infrastructure check run, counted by verdict.
struct CheckSummary
{
    QDateTime startedUtc;
    int pass = 0;
    int warn = 0;
    int fail = 0;
    int unknown = 0;
    int skipped = 0;
    int total() const { return pass + warn + fail + unknown + skipped; }
};

// One unresolved incident (open or acknowledged) of the server.
struct SummaryIncident
{
    QString kind;
    QString severity; // "critical" | "major" | "minor"
    QString title;    // translated, as the rule wrote it
    bool acknowledged = false;
};

struct SummaryFacts
{
    bool hasHost = false; // a profile is connected (or connecting)
    QString hostName;     // "user@host:port"
    remote::ConnectionState connection = remote::ConnectionState::Disconnected;
    QString connectionReason; // the last state change's reason (a failure's words)
    bool watching = false;    // identified in the store: the sessions run

    bool checkLoaded = false;           // the store was read
    QString checkError;                 // it could not be: say so on the tile
    std::optional<CheckSummary> check;  // none stored yet

    QDateTime cutUtc;     // newest cut recorded this session
    QDateTime arrivalUtc; // when it reached our server (console clock), if known

    std::optional<qint64> lagMs; // of the last cut whose lag was measured
    qint64 maxLagMs = 60 * 1000;

    bool hasTraffic = false; // the profile names an access log
    std::optional<double> requestsPerSecond; // of the last closed period

    bool incidentsLoaded = false;
    QString incidentsError; // the initial read failed: say so on the tile
    QHash<qint64, SummaryIncident> incidents; // unresolved, by id
};

struct SummaryTile
{
    Tone tone = Tone::Idle;
    QString word;   // big, upper case: "CONECTADO", "FUERA DE PLAZO", "CRÍTICOS: 2"
    QString detail; // one line under it: the figure and what it rests on
};

struct SummaryCounts
{
    int critical = 0;
    int major = 0;
    int minor = 0;
    int acknowledged = 0;
    int total() const { return critical + major + minor; }
};
SummaryCounts countIncidents(const SummaryFacts &facts);

// The tile of one area, at `nowUtc` (ages count to it).
SummaryTile evaluateSummaryTile(SummaryArea area, const SummaryFacts &facts, const QDateTime &nowUtc);

// Translation context of the night view's words.
struct SummaryText
{
    Q_DECLARE_TR_FUNCTIONS(difusor::ui::SummaryText)
};

} // namespace difusor::ui
