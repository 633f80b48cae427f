#include "PrepCsv.h"

#include "CsvRecordReader.h"
#include "common/Tr.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSet>

namespace difusor::cuts {

namespace {

QString cellText(const QByteArray &raw)
{
    QString text = QString::fromUtf8(raw).trimmed();
    // Keys are written '100338B0100' so spreadsheets keep the leading zeros.
    if (text.size() >= 2 && text.startsWith(QLatin1Char('\'')) && text.endsWith(QLatin1Char('\'')))
        text = text.mid(1, text.size() - 2).trimmed();
    return text;
}

QString canonicalSummaryName(const QString &name)
{
    const QString upper = name.trimmed().toUpper();
    if (upper == QLatin1String("ACTAS_FUERA_DE_CATALOGO"))
        return summary::ActasFueraCatalogo;
    if (upper == QLatin1String("PORCENTAJE_ACTAS_CON_INCONSISTENCIAS"))
        return summary::PorcentajeActasInconsistencias;
    return upper;
}

bool isBlank(const QList<QByteArray> &fields)
{
    for (const QByteArray &f : fields) {
        if (!f.trimmed().isEmpty())
            return false;
    }
    return true;
}

// Columns that are never a party's votes. The party run is the block of other columns right before
// the "no registrados" / "nulos" column; when a file lacks those, every column not listed here.
const QSet<QString> &nonPartyColumns()
{
    static const QSet<QString> names = {
        QStringLiteral("CLAVE_CASILLA"), QStringLiteral("CLAVE_ACTA"), QStringLiteral("ID_ENTIDAD"),
        QStringLiteral("ENTIDAD"), QStringLiteral("ID_ESTADO"), QStringLiteral("ESTADO"),
        QStringLiteral("ID_DISTRITO"), QStringLiteral("DISTRITO"), QStringLiteral("ID_DISTRITO_FEDERAL"),
        QStringLiteral("DISTRITO_FEDERAL"), QStringLiteral("ID_DISTRITO_LOCAL"), QStringLiteral("DISTRITO_LOCAL"),
        QStringLiteral("ID_MUNICIPIO"), QStringLiteral("MUNICIPIO"), QStringLiteral("SECCION"),
        QStringLiteral("ID_CASILLA"), QStringLiteral("TIPO_CASILLA"), QStringLiteral("EXT_CONTIGUA"),
        QStringLiteral("CASILLA"), QStringLiteral("UBICACION_CASILLA"), QStringLiteral("TIPO_ACTA"),
        QStringLiteral("TOTAL_BOLETAS_SOBRANTES"), QStringLiteral("TOTAL_PERSONAS_VOTARON"),
        QStringLiteral("TOTAL_REP_PARTIDO_CI_VOTARON"), QStringLiteral("TOTAL_VOTOS_SACADOS"),
        QStringLiteral("NO_REGISTRADOS"), QStringLiteral("CANDIDATO_NO_REGISTRADO"),
        QStringLiteral("CANDIDATOS_NO_REGISTRADOS"), QStringLiteral("NULOS"), QStringLiteral("VOTOS_NULOS"),
        QStringLiteral("TOTAL_VOTOS_ASENTADO"), QStringLiteral("TOTAL_VOTOS_CALCULADO"),
        QStringLiteral("LISTA_NOMINAL"), QStringLiteral("LISTA_NOMINAL_CASILLA"),
        QStringLiteral("REPRESENTANTES_PP_CI"), QStringLiteral("OBSERVACIONES"), QStringLiteral("CONTABILIZADA"),
        QStringLiteral("MECANISMOS_TRASLADO"), QStringLiteral("SHA"), QStringLiteral("CODIGO_INTEGRIDAD"),
        QStringLiteral("FECHA_HORA_ACOPIO"), QStringLiteral("FECHA_HORA_CAPTURA"),
        QStringLiteral("FECHA_HORA_VERIFICACION"), QStringLiteral("ORIGEN"), QStringLiteral("DIGITALIZACION"),
        QStringLiteral("TIPO_DOCUMENTO"), QStringLiteral("COTEJADA"),
    };
    return names;
}

bool isVotesEndMarker(const QString &name)
{
    return name == QLatin1String("NO_REGISTRADOS") || name == QLatin1String("CANDIDATO_NO_REGISTRADO")
        || name == QLatin1String("CANDIDATOS_NO_REGISTRADOS") || name == QLatin1String("NULOS")
        || name == QLatin1String("VOTOS_NULOS");
}

QList<int> partyColumnIndexes(const QStringList &header)
{
    QList<int> indexes;
    int marker = -1;
    for (int i = 0; i < header.size(); ++i) {
        if (isVotesEndMarker(header.at(i))) {
            marker = i;
            break;
        }
    }
    if (marker >= 0) {
        for (int i = marker - 1; i >= 0 && !nonPartyColumns().contains(header.at(i)); --i)
            indexes.prepend(i);
        return indexes;
    }
    for (int i = 0; i < header.size(); ++i) {
        const QString &name = header.at(i);
        if (!name.isEmpty() && !nonPartyColumns().contains(name) && !name.startsWith(QLatin1String("ID_"))
            && !name.startsWith(QLatin1String("FECHA_")) && !name.startsWith(QLatin1String("TOTAL_")))
            indexes.append(i);
    }
    return indexes;
}

// The non-numeric vote tokens, as the PREP writes them, mapped to one spelling.
QString voteToken(const QString &cell)
{
    const QString lower = cell.toLower();
    if (lower.isEmpty())
        return QString();
    if (lower == QLatin1String("-"))
        return QStringLiteral("-");
    if (lower == QLatin1String("n/a") || lower == QLatin1String("na"))
        return QStringLiteral("N/A");
    if (lower == QLatin1String("ilegible"))
        return QStringLiteral("Ilegible");
    if (lower == QLatin1String("sin dato") || lower == QLatin1String("sin_dato"))
        return QStringLiteral("Sin dato");
    if (lower == QLatin1String("sin acta") || lower == QLatin1String("sin_acta"))
        return QStringLiteral("Sin acta");
    return QStringLiteral("?");
}

class Parser final
{
public:
    Parser(const QByteArray &data, const PrepCsvLimits &limits)
        : m_data(data)
        , m_limits(limits)
        , m_reader(data, data.startsWith("\xEF\xBB\xBF") ? 3 : 0, limits.maxColumns, limits.maxFieldBytes)
    {
        m_cut.hadBom = data.startsWith("\xEF\xBB\xBF");
    }

    PrepParseResult run(const QString &packageName);

private:
    bool nextNonBlank(QList<QByteArray> &fields);
    void addIssue(PrepIssueKind kind, const QString &detail);
    PrepParseResult fail(const QString &error) const { return {std::nullopt, error}; }
    bool readPreamble(PrepParseResult &failure);
    void readSummary(const QList<QByteArray> &header, const QList<QByteArray> &values);
    void readCasillas();
    void checkConsistency();

    const QByteArray &m_data;
    const PrepCsvLimits &m_limits;
    CsvRecordReader m_reader;
    PrepCut m_cut;
};

bool Parser::nextNonBlank(QList<QByteArray> &fields)
{
    bool malformed = false;
    while (m_reader.next(fields, malformed)) {
        if (malformed) {
            ++m_cut.malformedRows;
            continue;
        }
        if (!isBlank(fields))
            return true;
    }
    return false;
}

void Parser::addIssue(PrepIssueKind kind, const QString &detail)
{
    if (m_cut.issues.size() >= m_limits.maxIssues) {
        ++m_cut.droppedIssues;
        return;
    }
    m_cut.issues.append({kind, detail});
}

bool Parser::readPreamble(PrepParseResult &failure)
{
    // The preamble lines carry no separator of interest; read them with ',' and rejoin.
    QList<QByteArray> fields;
    if (!nextNonBlank(fields)) {
        // Bytes without a readable first line (one endless line, a field past the limit) are not "empty".
        failure = fail(m_data.trimmed().isEmpty()
                           ? Tr::tr("El archivo está vacío.")
                           : Tr::tr("El archivo no tiene forma de CSV del PREP: ninguna línea legible al principio."));
        return false;
    }
    QString first = cellText(fields.join(','));
    if (auto cut = parseCutTime(first)) {
        // Some exports drop the election name line.
        m_cut.cutLine = first;
        m_cut.cut = *cut;
    } else {
        m_cut.election = first;
        while (m_cut.election.endsWith(QLatin1Char(',')) || m_cut.election.endsWith(QLatin1Char('|')))
            m_cut.election.chop(1);
        m_cut.election = m_cut.election.trimmed().left(200);
        if (!nextNonBlank(fields)) {
            failure = fail(Tr::tr("Falta la línea con la fecha y hora del corte."));
            return false;
        }
        const QString line = cellText(fields.join(','));
        const auto lineCut = parseCutTime(line);
        if (!lineCut) {
            failure = fail(Tr::tr("La línea del corte no se entiende: «%1».").arg(line.left(80)));
            return false;
        }
        m_cut.cutLine = line;
        m_cut.cut = *lineCut;
    }
    return true;
}

PrepParseResult Parser::run(const QString &packageName)
{
    if (m_data.size() > m_limits.maxBytes)
        return fail(Tr::tr("El archivo mide %1 bytes, más que el límite de %2.").arg(m_data.size()).arg(m_limits.maxBytes));
    if (m_data.contains('\0'))
        return fail(Tr::tr("El archivo no es texto (contiene bytes nulos)."));

    PrepParseResult failure;
    if (!readPreamble(failure))
        return failure;

    // The summary header decides the separator for the rest of the file.
    const qsizetype headerStart = m_reader.position();
    QList<QByteArray> header;
    if (!nextNonBlank(header))
        return fail(Tr::tr("Falta la tabla de resumen (ACTAS_ESPERADAS…)."));
    QByteArray headerLine = header.join(',');
    const char separator = detectSeparator(headerLine);
    if (separator != ',') {
        m_reader = CsvRecordReader(m_data, headerStart, m_limits.maxColumns, m_limits.maxFieldBytes);
        m_reader.setSeparator(separator);
        nextNonBlank(header);
    }
    m_cut.separator = separator;
    bool hasSummaryHeader = false;
    for (const QByteArray &h : std::as_const(header)) {
        if (canonicalSummaryName(cellText(h)) == summary::ActasEsperadas)
            hasSummaryHeader = true;
    }
    if (!hasSummaryHeader)
        return fail(Tr::tr("Falta la tabla de resumen (ACTAS_ESPERADAS…)."));
    QList<QByteArray> values;
    if (!nextNonBlank(values))
        return fail(Tr::tr("La tabla de resumen no tiene valores."));
    readSummary(header, values);
    readCasillas();

    if (!packageName.isEmpty()) {
        m_cut.package = parsePackageName(packageName);
        if (!m_cut.package)
            addIssue(PrepIssueKind::PackageMismatch,
                     Tr::tr("El nombre del paquete «%1» no sigue la forma AAAAMMDD_HHMM_PREP….").arg(packageName.left(120)));
        else if (!packageAgreesWithCut(*m_cut.package, m_cut.cut))
            addIssue(PrepIssueKind::PackageMismatch,
                     Tr::tr("El paquete %1 no coincide con el corte del archivo (%2).")
                         .arg(m_cut.package->name, m_cut.cutLine));
    }
    checkConsistency();
    return {m_cut, QString()};
}

void Parser::readSummary(const QList<QByteArray> &header, const QList<QByteArray> &values)
{
    if (values.size() != header.size())
        addIssue(PrepIssueKind::MalformedRow,
                 Tr::tr("La tabla de resumen tiene %1 encabezados y %2 valores.").arg(header.size()).arg(values.size()));
    for (qsizetype i = 0; i < header.size(); ++i) {
        const QString name = canonicalSummaryName(cellText(header.at(i)));
        if (name.isEmpty())
            continue;
        m_cut.summary.fields.insert(name.left(100), i < values.size() ? cellText(values.at(i)).left(100) : QString());
    }
    const QStringList required = {summary::ActasEsperadas, summary::ActasRegistradas, summary::ActasCapturadas,
                                  summary::PorcentajeActasCapturadas, summary::ActasContabilizadas};
    for (const QString &name : required) {
        if (!m_cut.summary.fields.contains(name))
            addIssue(PrepIssueKind::MissingSummaryField, Tr::tr("Falta %1 en el resumen.").arg(name));
    }
    for (auto it = m_cut.summary.fields.cbegin(); it != m_cut.summary.fields.cend(); ++it) {
        if (!m_cut.summary.number(it.key()))
            addIssue(PrepIssueKind::BadSummaryValue,
                     Tr::tr("%1 no es un número: «%2».").arg(it.key(), it.value().left(40)));
    }
}

void Parser::readCasillas()
{
    QList<QByteArray> fields;
    if (!nextNonBlank(fields)) {
        addIssue(PrepIssueKind::NoCasillaHeader, Tr::tr("El archivo no trae la tabla de casillas."));
        return;
    }
    for (const QByteArray &f : std::as_const(fields))
        m_cut.casillaColumns.append(cellText(f).toUpper().left(100));
    const QList<int> parties = partyColumnIndexes(m_cut.casillaColumns);
    for (int i : parties)
        m_cut.partyColumns.append(m_cut.casillaColumns.at(i));
    QList<qint64> sums(parties.size(), 0);
    const qsizetype width = fields.size();

    bool malformed = false;
    while (m_reader.next(fields, malformed)) {
        if (malformed) {
            ++m_cut.malformedRows;
            continue;
        }
        if (isBlank(fields))
            continue;
        // A trailing separator at the end of each row is common in spreadsheet exports.
        if (fields.size() == width + 1 && fields.constLast().trimmed().isEmpty())
            fields.removeLast();
        if (fields.size() != width) {
            if (++m_cut.malformedRows <= 5)
                addIssue(PrepIssueKind::MalformedRow,
                         Tr::tr("Fila con %1 campos en lugar de %2.").arg(fields.size()).arg(width));
            continue;
        }
        if (m_cut.casillaRows >= m_limits.maxRows) {
            addIssue(PrepIssueKind::TooManyRows, Tr::tr("Se leyeron solo las primeras %1 filas.").arg(m_limits.maxRows));
            break;
        }
        ++m_cut.casillaRows;
        for (qsizetype p = 0; p < parties.size(); ++p) {
            const QString cell = cellText(fields.at(parties.at(p)));
            bool ok = false;
            const qint64 votes = cell.toLongLong(&ok);
            if (ok && votes >= 0 && votes < (qint64(1) << 40)) {
                sums[p] += votes;
                continue;
            }
            const QString token = voteToken(cell);
            if (token == QLatin1String("?") && m_cut.nonNumericVotes.value(token) < 5)
                addIssue(PrepIssueKind::UnknownVoteToken,
                         Tr::tr("Voto no reconocido en %1: «%2».").arg(m_cut.partyColumns.at(p), cell.left(40)));
            m_cut.nonNumericVotes[token] += 1;
        }
    }
    for (qsizetype p = 0; p < parties.size(); ++p)
        m_cut.partyVotes.insert(m_cut.partyColumns.at(p), sums.at(p));
}

void Parser::checkConsistency()
{
    const PrepSummary &s = m_cut.summary;
    for (auto it = s.fields.cbegin(); it != s.fields.cend(); ++it) {
        if (!it.key().startsWith(QLatin1String("PORCENTAJE_")))
            continue;
        const auto value = s.number(it.key());
        if (value && (*value < 0.0 || *value > 100.0))
            addIssue(PrepIssueKind::PercentOutOfRange,
                     Tr::tr("%1 fuera de rango: %2.").arg(it.key(), it.value().left(40)));
    }
    const auto expected = s.integer(summary::ActasEsperadas);
    for (const QString &name : {summary::ActasCapturadas, summary::ActasContabilizadas}) {
        const auto count = s.integer(name);
        if (expected && count && *count > *expected)
            addIssue(PrepIssueKind::CountAboveExpected,
                     Tr::tr("%1 (%2) es mayor que ACTAS_ESPERADAS (%3).").arg(name).arg(*count).arg(*expected));
    }
    // One row per registered acta; some PREPs list every expected acta instead ("Sin acta" rows).
    const auto registered = s.integer(summary::ActasRegistradas);
    if (registered && !m_cut.casillaColumns.isEmpty() && m_cut.casillaRows != *registered
        && !(expected && m_cut.casillaRows == *expected))
        addIssue(PrepIssueKind::RowCountMismatch,
                 Tr::tr("El archivo trae %1 filas de casilla y ACTAS_REGISTRADAS dice %2.")
                     .arg(m_cut.casillaRows)
                     .arg(*registered));
}

} // namespace

PrepParseResult parsePrepCsv(const QByteArray &data, const QString &packageName, const PrepCsvLimits &limits)
{
    Parser parser(data, limits);
    return parser.run(packageName);
}

PrepFile loadPrepCsvFile(const QString &path, const QString &packageName, const PrepCsvLimits &limits)
{
    PrepFile result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.parsed.error = Tr::tr("No se pudo leer %1: %2").arg(path, file.errorString());
        return result;
    }
    const QByteArray data = file.read(limits.maxBytes + 1);
    result.size = file.size();
    if (data.size() > limits.maxBytes) {
        result.parsed.error = Tr::tr("El archivo mide %1 bytes, más que el límite de %2.").arg(result.size).arg(limits.maxBytes);
        return result;
    }
    result.sha256Hex = QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
    const QString package = packageName.isEmpty() && parsePackageName(path) ? parsePackageName(path)->name : packageName;
    result.parsed = parsePrepCsv(data, package, limits);
    return result;
}

} // namespace difusor::cuts
