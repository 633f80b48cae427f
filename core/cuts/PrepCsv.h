#pragma once

#include "CutTime.h"
#include "PackageName.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace difusor::cuts {

// Bounds for untrusted files. A Durango file is ~1 MB; a federal one ~60 MB.
struct PrepCsvLimits
{
    qint64 maxBytes = 256 * 1024 * 1024;
    int maxColumns = 1024;
    int maxFieldBytes = 64 * 1024;
    qint64 maxRows = 2'000'000;
    int maxIssues = 50; // issues past this are counted in PrepCut::droppedIssues only
};

// The summary row, keyed by the 2024 names (2021 names are mapped: ACTAS_FUERA_DE_CATALOGO ->
// ACTAS_FUERA_CATALOGO, PORCENTAJE_ACTAS_CON_INCONSISTENCIAS -> PORCENTAJE_ACTAS_INCONSISTENCIAS).
struct PrepSummary
{
    QMap<QString, QString> fields; // name -> cell as written (quotes stripped)

    std::optional<qint64> integer(const QString &name) const; // "1,234" and "1234" both read
    std::optional<double> number(const QString &name) const;  // "45.1234", "45.1234%"
    QJsonObject toJson() const; // numbers as numbers, anything else as text
};

// The canonical summary names.
namespace summary {
inline const QString ActasEsperadas = QStringLiteral("ACTAS_ESPERADAS");
inline const QString ActasRegistradas = QStringLiteral("ACTAS_REGISTRADAS");
inline const QString ActasFueraCatalogo = QStringLiteral("ACTAS_FUERA_CATALOGO");
inline const QString ActasCapturadas = QStringLiteral("ACTAS_CAPTURADAS");
inline const QString PorcentajeActasCapturadas = QStringLiteral("PORCENTAJE_ACTAS_CAPTURADAS");
inline const QString ActasContabilizadas = QStringLiteral("ACTAS_CONTABILIZADAS");
inline const QString PorcentajeActasContabilizadas = QStringLiteral("PORCENTAJE_ACTAS_CONTABILIZADAS");
inline const QString PorcentajeActasInconsistencias = QStringLiteral("PORCENTAJE_ACTAS_INCONSISTENCIAS");
inline const QString ActasNoContabilizadas = QStringLiteral("ACTAS_NO_CONTABILIZADAS");
inline const QString ListaNominal = QStringLiteral("LISTA_NOMINAL_ACTAS_CONTABILIZADAS");
inline const QString TotalVotosCCs = QStringLiteral("TOTAL_VOTOS_C_CS");
inline const QString TotalVotosSCs = QStringLiteral("TOTAL_VOTOS_S_CS");
inline const QString PorcentajeParticipacion = QStringLiteral("PORCENTAJE_PARTICIPACION_CIUDADANA");
} // namespace summary

enum class PrepIssueKind {
    RowCountMismatch,    // casilla rows vs ACTAS_REGISTRADAS (or ACTAS_ESPERADAS)
    PercentOutOfRange,   // a PORCENTAJE_* outside 0..100
    CountAboveExpected,  // ACTAS_CAPTURADAS or ACTAS_CONTABILIZADAS above ACTAS_ESPERADAS
    MissingSummaryField, // one of the 2024 names is absent
    BadSummaryValue,     // a summary cell that is not a number
    MalformedRow,        // wrong field count, unterminated quote, over-long field
    UnknownVoteToken,    // a vote cell that is neither a number nor a known token
    PackageMismatch,     // package name time differs from the cut line
    NoCasillaHeader,     // the file ends before the casilla table
    TooManyRows,         // rows beyond PrepCsvLimits::maxRows were not read
};
QString prepIssueKindName(PrepIssueKind kind); // stable English id, e.g. "row_count_mismatch"

struct PrepIssue
{
    PrepIssueKind kind;
    QString detail; // translated
};

struct PrepCut
{
    QString election;        // "DIPUTACIONES LOCALES"
    QString cutLine;         // as written
    CutTime cut;
    char separator = ',';
    bool hadBom = false;
    PrepSummary summary;
    QStringList casillaColumns;
    QStringList partyColumns; // read from the header: the vote columns of parties and coalitions
    qint64 casillaRows = 0;   // well-formed data rows
    qint64 malformedRows = 0; // skipped
    QMap<QString, qint64> partyVotes;      // numeric cells summed per party column
    QMap<QString, qint64> nonNumericVotes; // "-", "N/A", "Ilegible", "Sin dato", "Sin acta", "" (empty), "?" (other)
    std::optional<PackageName> package;
    QList<PrepIssue> issues;
    int droppedIssues = 0;

    bool hasIssue(PrepIssueKind kind) const;
    QJsonObject summaryJson() const; // what the store keeps: summary + counts + issues
};

struct PrepParseResult
{
    std::optional<PrepCut> cut;
    QString error; // translated, when !cut
};

// Parses a PREP CSV. packageName (optional: folder or file name of the package) is checked against
// the cut line. Never throws; anything malformed is an error or an issue.
PrepParseResult parsePrepCsv(const QByteArray &data, const QString &packageName = {},
                             const PrepCsvLimits &limits = {});

// A CSV file on this machine (a downloaded package): read bounded, hashed, parsed. packageName
// empty: taken from the path ("…/20240603_2000_PREP_DIP_LOC_PUE/PUE_DIP_LOC_2024.csv").
struct PrepFile
{
    PrepParseResult parsed;
    qint64 size = -1;
    QByteArray sha256Hex; // of the file's bytes as read
};
PrepFile loadPrepCsvFile(const QString &path, const QString &packageName = {}, const PrepCsvLimits &limits = {});

} // namespace difusor::cuts
