#include "PrepData.h"

#include "common/MexicoTime.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStringList>

#include <cmath>

namespace difusor::sandbox {

namespace {

// Durango 2024, local deputies. Head towns are approximate: this is a simulation.
const char *const DistrictNames[PrepElection::DistrictCount] = {
    "DURANGO", "DURANGO", "DURANGO", "DURANGO", "DURANGO", "SANTIAGO PAPASQUIARO", "SANTA MARIA DEL ORO",
    "GUADALUPE VICTORIA", "NOMBRE DE DIOS", "MAPIMI", "GOMEZ PALACIO", "GOMEZ PALACIO", "GOMEZ PALACIO",
    "LERDO", "CUENCAME"};

const char *const Parties[] = {"PAN", "PRI", "PRD", "PVEM", "PT", "MC", "MORENA", "PAN_PRI_PRD", "PAN_PRI",
                               "PAN_PRD", "PRI_PRD", "PVEM_PT_MORENA", "PVEM_PT", "PVEM_MORENA", "PT_MORENA"};
constexpr int PartyCount = int(sizeof(Parties) / sizeof(Parties[0]));
const double PartyWeights[PartyCount] = {17, 16, 2, 6, 5, 6, 31, 2.5, 0.8, 0.3, 0.4, 3.5, 0.5, 1.2, 0.8};

const char *const SummaryHeader =
    "ACTAS_ESPERADAS,ACTAS_REGISTRADAS,ACTAS_FUERA_CATALOGO,ACTAS_CAPTURADAS,PORCENTAJE_ACTAS_CAPTURADAS,"
    "ACTAS_CONTABILIZADAS,PORCENTAJE_ACTAS_CONTABILIZADAS,PORCENTAJE_ACTAS_INCONSISTENCIAS,"
    "ACTAS_NO_CONTABILIZADAS,LISTA_NOMINAL_ACTAS_CONTABILIZADAS,TOTAL_VOTOS_C_CS,TOTAL_VOTOS_S_CS,"
    "PORCENTAJE_PARTICIPACION_CIUDADANA";

// PREP percentages are truncated (not rounded) to 4 decimals.
QByteArray percent(double value)
{
    return QByteArray::number(std::floor(value * 10000.0) / 10000.0, 'f', 4);
}

double ratio(qint64 part, qint64 whole)
{
    return whole > 0 ? 100.0 * double(part) / double(whole) : 0.0;
}

QString minuteTime(int minutesAfterStart, int seconds)
{
    const QDateTime t = PrepElection::nightStartUtc().addSecs(qint64(minutesAfterStart) * 60 + seconds);
    return t.toTimeZone(mexicoCentralZone()).toString(QStringLiteral("dd/MM/yyyy HH:mm:ss"));
}

} // namespace

PrepElection::PrepElection(quint32 seed)
{
    QRandomGenerator rng(seed);
    auto uniform = [&rng](double low, double high) { return low + (high - low) * rng.generateDouble(); };
    int section = 1;
    for (int district = 1; district <= DistrictCount; ++district) {
        double weights[PartyCount];
        for (int p = 0; p < PartyCount; ++p)
            weights[p] = PartyWeights[p] * uniform(0.7, 1.3);
        const int sections = 55 + int(rng.bounded(20));
        for (int s = 0; s < sections; ++s, ++section) {
            const int casillas = 1 + int(rng.bounded(4)); // a básica and up to three contiguas
            for (int c = 0; c < casillas; ++c) {
                Casilla cas;
                cas.district = district;
                cas.section = section;
                cas.type = c == 0 ? 'B' : 'C';
                cas.number = c == 0 ? 1 : c;
                cas.listaNominal = 280 + int(rng.bounded(470));
                const double turnout = uniform(0.42, 0.68);
                const int cast = int(cas.listaNominal * turnout);
                cas.nulos = int(cast * uniform(0.015, 0.035));
                cas.noRegistrados = int(rng.bounded(3));
                int valid = cast - cas.nulos - cas.noRegistrados;
                double total = 0;
                double shares[PartyCount];
                for (int p = 0; p < PartyCount; ++p)
                    total += (shares[p] = weights[p] * uniform(0.6, 1.4));
                for (int p = 0; p < PartyCount; ++p)
                    cas.votes.append(int(valid * shares[p] / total));
                // Most packages reach the acopio centre between 20:25 and the small hours; 1.5 % never do.
                cas.arrivalMin = rng.bounded(1000) < 15 ? -1 : 25 + int(-std::log(1.0 - rng.generateDouble() * 0.999) * 160.0);
                cas.captureMin = cas.arrivalMin < 0 ? -1 : cas.arrivalMin + 3 + int(rng.bounded(20));
                cas.inconsistent = rng.bounded(1000) < 18;
                m_casillas.append(cas);
            }
        }
        // Two casillas especiales per district: voters away from home, no lista nominal of their own.
        for (int e = 1; e <= 2; ++e) {
            Casilla cas;
            cas.district = district;
            cas.section = section - 1 - e;
            cas.type = 'S';
            cas.number = e;
            cas.listaNominal = 0;
            const int cast = 150 + int(rng.bounded(300));
            cas.nulos = int(cast * 0.02);
            cas.noRegistrados = 0;
            for (int p = 0; p < PartyCount; ++p)
                cas.votes.append(int((cast - cas.nulos) * PartyWeights[p] / 110.0));
            cas.arrivalMin = 60 + int(rng.bounded(240));
            cas.captureMin = cas.arrivalMin + 5;
            cas.inconsistent = false;
            m_casillas.append(cas);
        }
    }
}

QDateTime PrepElection::nightStartUtc()
{
    return QDateTime(QDate(2024, 6, 3), QTime(2, 0), Qt::UTC); // 2 June 2024 20:00 (UTC-6)
}

CutSummary PrepElection::summary(const QDateTime &dataTime) const
{
    const qint64 minute = nightStartUtc().secsTo(dataTime) / 60;
    CutSummary s;
    s.actasEsperadas = int(m_casillas.size());
    int inconsistent = 0;
    for (const Casilla &c : m_casillas) {
        if (c.arrivalMin < 0 || c.arrivalMin > minute)
            continue;
        ++s.actasRegistradas;
        if (c.captureMin > minute)
            continue;
        ++s.actasCapturadas;
        if (c.inconsistent) {
            ++inconsistent;
            continue;
        }
        ++s.actasContabilizadas;
        qint64 total = c.nulos + c.noRegistrados;
        for (int v : c.votes)
            total += v;
        s.listaNominalContabilizadas += c.listaNominal;
        s.totalVotosConCs += total;
        if (c.type != 'S')
            s.totalVotosSinCs += total;
    }
    s.porcentajeCapturadas = ratio(s.actasCapturadas, s.actasEsperadas);
    s.porcentajeContabilizadas = ratio(s.actasContabilizadas, s.actasEsperadas);
    s.porcentajeInconsistencias = ratio(inconsistent, s.actasEsperadas);
    s.actasNoContabilizadas = s.actasEsperadas - s.actasContabilizadas;
    s.porcentajeParticipacion = ratio(s.totalVotosSinCs, s.listaNominalContabilizadas);
    return s;
}

QByteArray PrepElection::csv(const QDateTime &dataTime, const QDateTime &stampTime) const
{
    const qint64 minute = nightStartUtc().secsTo(dataTime) / 60;
    const CutSummary s = summary(dataTime);
    QByteArray out;
    out.reserve(int(m_casillas.size()) * 160 + 1024);
    out += "\xEF\xBB\xBF";
    out += "DIPUTACIONES LOCALES\r\n";
    out += cutLine(stampTime).toUtf8() + "\r\n\r\n";
    out += SummaryHeader;
    out += "\r\n";
    out += QByteArray::number(s.actasEsperadas) + ',' + QByteArray::number(s.actasRegistradas) + ','
           + QByteArray::number(s.actasFueraCatalogo) + ',' + QByteArray::number(s.actasCapturadas) + ','
           + percent(s.porcentajeCapturadas) + ',' + QByteArray::number(s.actasContabilizadas) + ','
           + percent(s.porcentajeContabilizadas) + ',' + percent(s.porcentajeInconsistencias) + ','
           + QByteArray::number(s.actasNoContabilizadas) + ',' + QByteArray::number(s.listaNominalContabilizadas)
           + ',' + QByteArray::number(s.totalVotosConCs) + ',' + QByteArray::number(s.totalVotosSinCs) + ','
           + percent(s.porcentajeParticipacion) + "\r\n\r\n";
    out += "CLAVE_CASILLA,CLAVE_ACTA,ID_ENTIDAD,ENTIDAD,ID_DISTRITO_LOCAL,DISTRITO_LOCAL,SECCION,ID_CASILLA,"
           "TIPO_CASILLA,EXT_CONTIGUA,UBICACION_CASILLA,TIPO_ACTA";
    for (const char *party : Parties)
        out += QByteArray(",") + party;
    out += ",NO_REGISTRADAS,NULOS,TOTAL_VOTOS_CALCULADOS,LISTA_NOMINAL,REPRESENTANTES_PP_CI,OBSERVACIONES,"
           "CONTABILIZADA,MECANISMOS_TRASLADO,FECHA_HORA_ACOPIO,FECHA_HORA_CAPTURA,FECHA_HORA_VERIFICACION,"
           "ORIGEN,DIGITALIZACION,TIPO_DOCUMENTO,COTEJADA\r\n";
    const qint64 skewS = dataTime.secsTo(stampTime); // the clock-skew fault shifts every written time
    for (const Casilla &c : m_casillas) {
        const QByteArray key = "10" + QByteArray::number(c.section).rightJustified(4, '0') + c.type
                               + QByteArray::number(c.number).rightJustified(2, '0') + "00";
        const bool arrived = c.arrivalMin >= 0 && c.arrivalMin <= minute;
        const bool captured = arrived && c.captureMin <= minute;
        out += '\'' + key + "','" + key + "2'," + "10,DURANGO," + QByteArray::number(c.district) + ','
               + DistrictNames[c.district - 1] + ',' + QByteArray::number(c.section) + ','
               + QByteArray::number(c.number) + ',' + c.type + ",0," + (c.district <= 5 || c.district >= 11 ? "1" : "2")
               + ",2";
        if (!captured) {
            for (int p = 0; p < PartyCount + 3; ++p)
                out += ",-";
            out += ',' + QByteArray::number(c.listaNominal) + ",-," + (arrived ? "En captura" : "Sin acta")
                   + ",0,-," + (arrived ? minuteTime(c.arrivalMin, int(skewS)).toLatin1() : QByteArray("-"))
                   + ",-,-,-,-,-,-\r\n";
            continue;
        }
        qint64 total = c.nulos + c.noRegistrados;
        for (int p = 0; p < PartyCount; ++p) {
            // An acta with inconsistencies is captured but not counted; some of its cells are unreadable.
            if (c.inconsistent && p % 5 == 1)
                out += ",Ilegible";
            else
                out += ',' + QByteArray::number(c.votes.at(p));
            total += c.votes.at(p);
        }
        out += ',' + QByteArray::number(c.noRegistrados) + ',' + QByteArray::number(c.nulos) + ','
               + QByteArray::number(total) + ',' + QByteArray::number(c.listaNominal) + ",2,"
               + (c.inconsistent ? "Ilegible" : "") + ',' + (c.inconsistent ? "0" : "1") + ",F,"
               + minuteTime(c.arrivalMin, int(skewS)).toLatin1() + ','
               + minuteTime(c.captureMin, int(skewS)).toLatin1() + ','
               + minuteTime(c.captureMin + 2, int(skewS)).toLatin1() + ",CATD,CATD,Acta PREP,1\r\n";
    }
    return out;
}

QString PrepElection::packageName(const QDateTime &stampTime)
{
    return stampTime.toTimeZone(mexicoCentralZone()).toString(QStringLiteral("yyyyMMdd_HHmm"))
           + QStringLiteral("_PREP_DIP_LOC_DGO");
}

QString PrepElection::csvFileName()
{
    return QStringLiteral("DGO_DIP_LOC_2024.csv");
}

QString PrepElection::cutLine(const QDateTime &stampTime)
{
    return formatMexicoTime(stampTime, false);
}

QString PrepElection::isoCut(const QDateTime &stampTime)
{
    return stampTime.toTimeZone(mexicoCentralZone()).toString(Qt::ISODate);
}

QByteArray PrepElection::indexHtml(const CutSummary &s, const QDateTime &stampTime, const QString &siteName)
{
    const QString html = QStringLiteral(
        "<!DOCTYPE html>\n<html lang=\"es-MX\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<title>PREP 2024 Durango - Diputaciones Locales - %1</title>\n"
        "<link rel=\"icon\" href=\"favicon.ico\">\n<link rel=\"stylesheet\" href=\"prep.css\">\n"
        "<script src=\"prep.js\" defer></script>\n</head>\n<body>\n"
        "<header><img src=\"logo.png\" alt=\"IEPC Durango\"><h1>PREP 2024 &middot; Diputaciones Locales</h1></header>\n"
        "<main>\n<p class=\"corte\" id=\"corte\">Fecha y hora de corte: %2</p>\n"
        "<table>\n<tr><th>Actas esperadas</th><th>Actas capturadas</th><th>%</th><th>Actas contabilizadas</th>"
        "<th>Participaci&oacute;n ciudadana</th></tr>\n"
        "<tr><td>%3</td><td>%4</td><td>%5 %</td><td>%6</td><td>%7 %</td></tr>\n</table>\n</main>\n"
        "<footer>%1 &middot; Simulaci&oacute;n de difusor-console, no son resultados reales.</footer>\n"
        "</body>\n</html>\n")
                             .arg(siteName.toHtmlEscaped(), cutLine(stampTime))
                             .arg(s.actasEsperadas)
                             .arg(s.actasCapturadas)
                             .arg(QString::fromLatin1(percent(s.porcentajeCapturadas)))
                             .arg(s.actasContabilizadas)
                             .arg(QString::fromLatin1(percent(s.porcentajeParticipacion)));
    return html.toUtf8();
}

QByteArray PrepElection::placeholderHtml(const QString &siteName)
{
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"es-MX\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<title>PREP 2024 Durango - %1</title>\n<link rel=\"stylesheet\" href=\"prep.css\">\n"
                          "</head>\n<body>\n<main><p class=\"corte\">La publicaci&oacute;n comienza a las 20:00 "
                          "(UTC-6).</p></main>\n</body>\n</html>\n")
        .arg(siteName.toHtmlEscaped())
        .toUtf8();
}

QByteArray PrepElection::avanceJson(const CutSummary &s, const QDateTime &stampTime)
{
    const QDateTime local = stampTime.toTimeZone(mexicoCentralZone());
    QJsonObject corte;
    corte.insert(QStringLiteral("fecha"), local.toString(QStringLiteral("dd/MM/yyyy")));
    corte.insert(QStringLiteral("hora"), local.toString(QStringLiteral("HH:mm")));
    corte.insert(QStringLiteral("zonaHoraria"), QStringLiteral("UTC-6"));
    QJsonObject o;
    o.insert(QStringLiteral("ultimoCorte"), corte);
    o.insert(QStringLiteral("actasEsperadas"), s.actasEsperadas);
    o.insert(QStringLiteral("actasCapturadas"), s.actasCapturadas);
    o.insert(QStringLiteral("porcentajeActasCapturadas"), QString::fromLatin1(percent(s.porcentajeCapturadas)));
    o.insert(QStringLiteral("actasContabilizadas"), s.actasContabilizadas);
    o.insert(QStringLiteral("participacionCiudadana"), QString::fromLatin1(percent(s.porcentajeParticipacion)));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<PrepElection::Preamble> PrepElection::readPreamble(const QByteArray &csv)
{
    QByteArray text = csv.left(8192);
    if (text.startsWith("\xEF\xBB\xBF"))
        text.remove(0, 3);
    const QList<QByteArray> lines = text.replace("\r\n", "\n").split('\n');
    if (lines.size() < 5)
        return std::nullopt;
    static const QRegularExpression cutRe(
        QStringLiteral("^(\\d\\d)/(\\d\\d)/(\\d{4}) (\\d\\d):(\\d\\d) ?\\(UTC([+-]\\d+)\\)$"));
    const auto m = cutRe.match(QString::fromUtf8(lines.at(1).trimmed()));
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date(m.captured(3).toInt(), m.captured(2).toInt(), m.captured(1).toInt());
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt());
    Preamble p;
    p.cutTime = QDateTime(date, time, QTimeZone(m.captured(6).toInt() * 3600)).toUTC();
    const QList<QByteArray> v = lines.at(4).split(',');
    if (!p.cutTime.isValid() || v.size() < 13)
        return std::nullopt;
    CutSummary &s = p.summary;
    s.actasEsperadas = v.at(0).toInt();
    s.actasRegistradas = v.at(1).toInt();
    s.actasFueraCatalogo = v.at(2).toInt();
    s.actasCapturadas = v.at(3).toInt();
    s.porcentajeCapturadas = v.at(4).toDouble();
    s.actasContabilizadas = v.at(5).toInt();
    s.porcentajeContabilizadas = v.at(6).toDouble();
    s.porcentajeInconsistencias = v.at(7).toDouble();
    s.actasNoContabilizadas = v.at(8).toInt();
    s.listaNominalContabilizadas = v.at(9).toLongLong();
    s.totalVotosConCs = v.at(10).toLongLong();
    s.totalVotosSinCs = v.at(11).toLongLong();
    s.porcentajeParticipacion = v.at(12).toDouble();
    return p;
}

} // namespace difusor::sandbox
