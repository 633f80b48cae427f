#pragma once

// The memoria técnica's report (data/memoria-tecnica.pdf of the bag): what it holds (MemoriaInput),
// how it is gathered from the store and the collected log files (buildMemoriaInput) and how it is
// written (writeMemoriaPdf). The bag itself (Bag.h) and the log collection are the export's; this
// is the report only.
//
// Sections in the call's order: 1 access logs (files, sizes, lines, SHA-256); 2 incidents that
// affected publication, postmortem order, the others in an annex; 3 the comparison (counted as
// AWStats counts, the traffic module's awstats mode, days in Central Mexico time, UTC-6); 4 comments
// and suggestions, with drafts from the data. Annexes: the infrastructure check at the start of the
// period, the cuts table, the drills, the incidents that did not affect publication.

#include "store/Records.h"
#include "store/Store.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace difusor::exporting {

// The call's data of the difusor's technical staff.
struct MemoriaStaff
{
    QString name;
    QString position;
    QString phone;
    QString hours; // "02/06 18:00 a 03/06 08:00", as typed
};

// What the report covers. Days are Central Mexico calendar days (UTC-6).
struct MemoriaPeriod
{
    QDate from{2024, 6, 2}; // the call's "del 02 al 09 de junio de 2024"
    QDate to{2024, 6, 9};
    // The portal's usual traffic: by default the 14 days before `from` without the simulacros
    // (19 and 26 May 2024), whose traffic is not usual.
    QDate baselineFrom{2024, 5, 19};
    QDate baselineTo{2024, 6, 1};
    QList<QDate> baselineExcluded{QDate(2024, 5, 19), QDate(2024, 5, 26)};
    // Election night, hour by hour: from the polls' closing (18:00 UTC-6; the PREP publishes from
    // 20:00) to 06:00 the next morning, when the night's load is over.
    QDateTime nightStartUtc = QDateTime(QDate(2024, 6, 3), QTime(0, 0), Qt::UTC);
    int nightHours = 12;

    // The default baseline for a period: the 14 days before `from`, no exclusion unless they are the
    // 2024 simulacros; the night from `from` 18:00 UTC-6.
    static MemoriaPeriod forRange(const QDate &from, const QDate &to);
    QList<QDate> baselineDays() const; // baselineFrom..baselineTo without the excluded days
};

// One server the report speaks of (a store server).
struct MemoriaServer
{
    qint64 storeId = 0;
    QString name;    // the profile's name
    QString host;    // "user@host:port"
    QString hostKey; // "SHA256:…"
};

// One access-log file as collected (section 1).
struct MemoriaLogFile
{
    QString server;   // profile name
    QString name;     // its path in the bag, relative to data/ ("norte/access.log.2.gz")
    QString path;     // the local file read
    qint64 size = -1; // bytes as stored (compressed for .gz)
    qint64 lines = 0; // lines once decompressed (a last line without '\n' counts)
    qint64 malformed = 0;
    QByteArray sha256; // hex of the file as stored
    QDateTime firstUtc; // first and last parsed line (invalid: none)
    QDateTime lastUtc;
    QString error; // unreadable (translated); the other fields as far as it was read
};

// Visits, pages, hits and distinct visitors of a day, an hour or an average (hence double).
struct MemoriaCounts
{
    double visits = 0;
    double pages = 0;
    double hits = 0;
    double visitors = 0;
};

struct MemoriaDay
{
    QDate date;
    MemoriaCounts counts;
    bool covered = true; // the logs reach this day (before the first line or after the last: false)
};

struct MemoriaHour
{
    QDateTime startUtc;     // the hour's start
    MemoriaCounts counts;   // that hour of election night
    MemoriaCounts baseline; // the same hour of the day, averaged over the covered baseline days
};

// Section 3: counted with traffic::TrafficCounter, Mode::AwStats, days and hours at UTC-6, AWStats'
// robot list as `stats` picks it. The same numbers `stats --mode awstats --tz mexico --by day|hour`
// gives on the same files in the same order (one server), or on one file of every server's lines in
// time order (several: see MemoriaRequest::logs).
struct MemoriaComparison
{
    QList<MemoriaDay> baseline;     // each baseline day (exclusions left out), zero days as 0
    int baselineCoveredDays = 0;    // days the logs reach: the average's divisor
    MemoriaCounts baselineAverage;  // AWStats' "Media": the covered days' sum / their number
    QList<MemoriaDay> period;       // each day of the period
    MemoriaCounts periodAverage;
    QList<MemoriaHour> night;
    QDateTime firstLineUtc;         // over every file (invalid: no line parsed)
    QDateTime lastLineUtc;
    qint64 parsedLines = 0;
    qint64 malformedLines = 0;
    QString robotsList;             // traffic::robotsListText()
    // Peak load: the busiest minute of the period (every request, robots and the console included).
    QDateTime peakMinuteUtc;
    qint64 peakMinuteRequests = 0;

    bool hasBaseline() const { return baselineCoveredDays > 0; }
    // value / baseline; nullopt when the baseline is 0 or missing.
    static std::optional<double> ratio(double value, double baseline);
};

// One incident with its timeline and what it did to the publication.
struct MemoriaIncident
{
    store::IncidentRecord record;
    QList<store::IncidentEvent> timeline; // oldest first
    double impactMinutes = 0;             // onset to resolution (to the period's end while open)
    int cutsAffected = 0;                 // the server's cuts whose cut time falls in that span
};

// One server's infrastructure check, the one in force when the period began.
struct MemoriaCheck
{
    QString server;
    store::CheckRunRecord run;
};

// One cut of the period (annex), with its publication lag.
struct MemoriaCut
{
    QString server;
    store::CutRecord cut;
};

struct MemoriaInput
{
    QString organisation;
    QString difusorUrl;
    QList<MemoriaStaff> staff;
    MemoriaPeriod period;
    QList<MemoriaServer> servers;
    QList<MemoriaLogFile> logFiles; // in the order they were read
    QList<MemoriaIncident> affecting; // affected publication: section 2, oldest first
    QList<MemoriaIncident> others;    // did not, or not known: annex
    MemoriaComparison comparison;
    QList<MemoriaCheck> checks;
    QList<MemoriaCut> cuts;
    QList<store::DrillRecord> drills;
    QString comments;   // the technician's, as typed
    QStringList drafts; // the console's proposals from the data (worst lag, longest outage, peak load)
    std::optional<double> capacityRps; // the load the server is known to take (requests/s), when known
    QDateTime generatedUtc;
    QString consoleVersion;
    QString language = QStringLiteral("es"); // "es" or "en": numbers and dates (words follow the translation)
    QStringList errors; // what could not be read (translated): the report says so
};

// One log file to read: where it is locally, whose it is and its name in the bag.
struct MemoriaLogSource
{
    QString server;
    QString name;
    QString path;
};

struct MemoriaRequest
{
    QString organisation;
    QString difusorUrl;
    QList<MemoriaStaff> staff;
    MemoriaPeriod period;
    QList<qint64> serverIds; // store servers; empty: every server in the store
    // Each server's files in time order (its oldest rotation first), read one after the other as
    // `stats` reads its arguments; several servers' lines are merged by time, so the portal's visitor
    // who reached two servers in one day counts once (as `stats` on one time-ordered file of both).
    QList<MemoriaLogSource> logs;
    QString comments;
    std::optional<double> capacityRps;
    QString language = QStringLiteral("es");
    QString robots; // as `stats --robots`: "" auto (AWStats' installed list), "builtin", a robots.pm path
};

// Reads the logs (one pass per file: SHA-256, line count and the comparison, several servers merged
// by time) and the store (incidents, cuts, checks, drills of the request's servers). Blocking file
// I/O: a worker thread or a headless command. Problems (an unreadable file, a store error) land in MemoriaInput::errors, never silently.
MemoriaInput buildMemoriaInput(store::Store &store, const MemoriaRequest &request);

// Only the log part (section 1 and 3): the store is not needed.
void readMemoriaLogs(const MemoriaRequest &request, MemoriaInput &input);

// Section 3 for the bag's payload and the export's summary. CSV (RFC 4180, a header line): one row per
// baseline day ("baseline"), the baseline average ("baseline_average"), each day of the period
// ("period"), its average ("period_average"), each hour of the night ("night", with the baseline's same
// hour beside it); dates YYYY-MM-DD and hours YYYY-MM-DDTHH in UTC-6; ratios empty without a baseline.
// JSON: {"baseline_from","baseline_to","baseline_excluded","baseline_days","baseline_covered_days",
// "baseline_average","period_average","days":[…],"night":[…],"ratios":{…},"peak_minute",…}.
QByteArray memoriaComparisonCsv(const MemoriaInput &input);
QJsonObject memoriaComparisonJson(const MemoriaInput &input);

// The drafts of section 4 from the data (worst lag, longest outage, peak load against capacity).
QStringList memoriaDrafts(const MemoriaInput &input);

// Writes the PDF (QPdfWriter + QTextDocument, letter paper, DejaVu fonts from fonts-dejavu-core).
// Needs a QGuiApplication (headless: QT_QPA_PLATFORM=offscreen); runs on a worker thread (tested), as
// it should: a long report takes a second or so. The text in the current translation (Spanish unless
// the English one is loaded), numbers and dates per input.language. false with a translated *error.
bool writeMemoriaPdf(const MemoriaInput &input, const QString &path, QString *error = nullptr);

} // namespace difusor::exporting
