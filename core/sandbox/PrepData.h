#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace difusor::sandbox {

// The summary line of a PREP cut (the second block of the CSV).
struct CutSummary
{
    int actasEsperadas = 0;
    int actasRegistradas = 0;
    int actasFueraCatalogo = 0;
    int actasCapturadas = 0;
    double porcentajeCapturadas = 0;
    int actasContabilizadas = 0;
    double porcentajeContabilizadas = 0;
    double porcentajeInconsistencias = 0;
    int actasNoContabilizadas = 0;
    qint64 listaNominalContabilizadas = 0;
    qint64 totalVotosConCs = 0;
    qint64 totalVotosSinCs = 0;
    double porcentajeParticipacion = 0;
};

// A simulated election: Durango 2024, local deputies, 15 districts, a few thousand casillas whose actas
// arrive through the night. Deterministic (fixed seed), so a cut is a pure function of its time, and
// totals only grow with time.
class PrepElection
{
public:
    explicit PrepElection(quint32 seed = 20240602);

    static QDateTime nightStartUtc(); // 2 June 2024 20:00 (UTC-6)
    static constexpr int DistrictCount = 15;

    // The cut of the data captured by dataTime, with stampTime written as the cut time (they differ
    // only under the clock-skew fault). UTF-8 with BOM, CRLF line ends, as the IEPC files.
    QByteArray csv(const QDateTime &dataTime, const QDateTime &stampTime) const;
    CutSummary summary(const QDateTime &dataTime) const;
    int casillaCount() const { return int(m_casillas.size()); }

    static QString packageName(const QDateTime &stampTime); // "20240602_2015_PREP_DIP_LOC_DGO"
    static QString csvFileName();                           // "DGO_DIP_LOC_2024.csv"
    static QString cutLine(const QDateTime &stampTime);     // "02/06/2024 20:15 (UTC-6)"
    static QString isoCut(const QDateTime &stampTime);      // "2024-06-02T20:15:00-06:00"

    // The site's page and JSON for a cut; siteName tells the official PREP from the difusor's copy.
    static QByteArray indexHtml(const CutSummary &summary, const QDateTime &stampTime, const QString &siteName);
    static QByteArray placeholderHtml(const QString &siteName); // before the first cut
    static QByteArray avanceJson(const CutSummary &summary, const QDateTime &stampTime);

    // The difusor's publication step reads back the cut time and summary of a CSV (ours; minimal checks).
    struct Preamble
    {
        QDateTime cutTime;
        CutSummary summary;
    };
    static std::optional<Preamble> readPreamble(const QByteArray &csv);

private:
    struct Casilla
    {
        int district;
        int section;
        char type; // B, C, E, S
        int number;
        int listaNominal;
        QList<int> votes; // one per party column
        int noRegistrados;
        int nulos;
        int arrivalMin;  // minutes after 20:00; -1: the package never arrives
        int captureMin;  // minutes after 20:00
        bool inconsistent;
    };
    QList<Casilla> m_casillas;
};

} // namespace difusor::sandbox
