// The memoria técnica's report: the comparison (section 3) against what `difusor-console stats --mode
// awstats --tz mexico` (the real binary) gives on the same rotated and .gz files dated 2024; the log
// table against the files; and the PDF's text (pdftotext) holding the four sections, in the call's
// order, with those numbers and their accents.
#include "MemoriaFixture.h"

#include "export/Memoria.h"
#include "store/Store.h"

#include "TestEnv.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QTest>

#include <zlib.h>

using namespace difusor;
using namespace difusor::exporting;

namespace {

struct StatsRow
{
    double visits = 0, pages = 0, hits = 0, visitors = 0;
};

// `difusor-console stats --mode awstats --tz mexico --by <by> --format json FILES`: period -> counts.
QHash<QString, StatsRow> runStats(const QStringList &files, const QString &by, QString *why)
{
    QProcess p;
    p.start(QStringLiteral(DIFUSOR_CONSOLE_BIN),
            QStringList{QStringLiteral("stats"), QStringLiteral("--mode"), QStringLiteral("awstats"), QStringLiteral("--tz"),
                        QStringLiteral("mexico"), QStringLiteral("--by"), by, QStringLiteral("--format"), QStringLiteral("json")}
                + files);
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        p.kill();
        p.waitForFinished();
        *why = QString::fromUtf8(p.readAllStandardError());
        return {};
    }
    QHash<QString, StatsRow> rows;
    const QJsonObject root = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    for (const QJsonValue &v : root.value(QStringLiteral("periods")).toArray()) {
        const QJsonObject o = v.toObject();
        rows.insert(o.value(QStringLiteral("period")).toString(),
                    {o.value(QStringLiteral("visits")).toDouble(), o.value(QStringLiteral("pages")).toDouble(),
                     o.value(QStringLiteral("hits")).toDouble(), o.value(QStringLiteral("unique_visitors")).toDouble()});
    }
    return rows;
}

void addRow(StatsRow &sum, const StatsRow &r)
{
    sum.visits += r.visits;
    sum.pages += r.pages;
    sum.hits += r.hits;
    sum.visitors += r.visitors;
}

StatsRow divided(StatsRow r, int n)
{
    r.visits /= n;
    r.pages /= n;
    r.hits /= n;
    r.visitors /= n;
    return r;
}

#define COMPARE_COUNTS(actual, expected)                      \
    do {                                                      \
        QCOMPARE((actual).visits, (expected).visits);         \
        QCOMPARE((actual).pages, (expected).pages);           \
        QCOMPARE((actual).hits, (expected).hits);             \
        QCOMPARE((actual).visitors, (expected).visitors);     \
    } while (false)

// The text of a PDF, one string per page (pdftotext's form feeds), whitespace runs made one space.
QStringList pdfPages(const QString &pdf, QString *why)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    if (!p.waitForFinished(30000) || p.exitCode() != 0) {
        p.kill();
        p.waitForFinished();
        *why = QString::fromUtf8(p.readAllStandardError());
        return {};
    }
    QStringList pages = QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\f'));
    if (!pages.isEmpty() && pages.last().trimmed().isEmpty())
        pages.removeLast();
    for (QString &page : pages)
        page = page.simplified();
    return pages;
}

int pageOf(const QStringList &pages, const QString &text, int from = 0)
{
    for (int i = std::max(from, 0); i < pages.size(); ++i)
        if (pages.at(i).contains(text))
            return i;
    return -1;
}

QByteArray fileLines(const QString &path, qint64 *lines)
{
    gzFile f = gzopen(QFile::encodeName(path).constData(), "rb");
    QByteArray all;
    char buffer[65536];
    int n = 0;
    while (f && (n = gzread(f, buffer, sizeof buffer)) > 0)
        all.append(buffer, n);
    if (f)
        gzclose(f);
    *lines = all.count('\n') + (all.isEmpty() || all.endsWith('\n') ? 0 : 1);
    return all;
}

} // namespace

class TestMemoria final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_tmp{test::tempTemplate()};
    QList<MemoriaLogSource> m_logs;
    store::Store m_store;
    MemoriaInput m_input;

    QStringList paths() const
    {
        QStringList p;
        for (const MemoriaLogSource &s : m_logs)
            p << s.path;
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_logs = test::writeMemoriaLogs(m_tmp.path());
        QCOMPARE(m_logs.size(), 5);
        QString error;
        QVERIFY2(m_store.open(m_tmp.filePath(QStringLiteral("consola.db")), &error), qPrintable(error));
        QVERIFY(test::fillMemoriaStore(m_store) > 0);
        QElapsedTimer t;
        t.start();
        m_input = buildMemoriaInput(m_store, test::memoriaRequest(m_logs));
        qInfo("buildMemoriaInput: %lld lines in %lld ms", qlonglong(m_input.comparison.parsedLines), qlonglong(t.elapsed()));
        QVERIFY2(m_input.errors.isEmpty(), qPrintable(m_input.errors.join(QLatin1Char('\n'))));
    }

    void logTableIsTheFiles()
    {
        QCOMPARE(m_input.logFiles.size(), m_logs.size());
        for (const MemoriaLogFile &f : std::as_const(m_input.logFiles)) {
            QFile file(f.path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            QCOMPARE(f.size, bytes.size());
            QCOMPARE(f.sha256, QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
            qint64 lines = 0;
            fileLines(f.path, &lines);
            QVERIFY(lines > 0);
            QCOMPARE(f.lines, lines);
            QVERIFY(f.error.isEmpty());
            QVERIFY(f.firstUtc.isValid() && f.firstUtc <= f.lastUtc);
        }
    }

    // Every number of section 3 is what `stats` gives on the same files: per day (UTC-6), the baseline
    // average over its 12 days (the simulacros left out, the zero-traffic days counted as 0), the
    // period's average, and each hour of election night against the baseline's same hour.
    void comparisonEqualsStats()
    {
        QString why;
        const QHash<QString, StatsRow> days = runStats(paths(), QStringLiteral("day"), &why);
        QVERIFY2(!days.isEmpty(), qPrintable(why));
        const QHash<QString, StatsRow> hours = runStats(paths(), QStringLiteral("hour"), &why);
        QVERIFY2(!hours.isEmpty(), qPrintable(why));
        const MemoriaComparison &c = m_input.comparison;

        // Baseline: 19 May .. 1 June without 19 and 26 May; 22 and 29 May have no line at all.
        QCOMPARE(c.baseline.size(), 12);
        QCOMPARE(c.baselineCoveredDays, 12);
        QVERIFY(!days.contains(QStringLiteral("2024-05-22")));
        QVERIFY(days.contains(QStringLiteral("2024-05-19"))); // the simulacro had traffic: left out, not zero
        StatsRow sum;
        for (const MemoriaDay &d : c.baseline) {
            QVERIFY(d.date != QDate(2024, 5, 19) && d.date != QDate(2024, 5, 26));
            const StatsRow r = days.value(d.date.toString(Qt::ISODate)); // absent: a zero day
            COMPARE_COUNTS(d.counts, r);
            addRow(sum, r);
        }
        QCOMPARE(c.baseline.at(3).date, QDate(2024, 5, 23)); // 20, 21, 22 (zero), 23
        QCOMPARE(c.baseline.at(2).counts.hits, 0.0);
        const StatsRow baseline = divided(sum, 12);
        COMPARE_COUNTS(c.baselineAverage, baseline);

        QCOMPARE(c.period.size(), 8);
        StatsRow periodSum;
        for (const MemoriaDay &d : c.period) {
            const StatsRow r = days.value(d.date.toString(Qt::ISODate));
            QVERIFY(r.hits > 0);
            COMPARE_COUNTS(d.counts, r);
            addRow(periodSum, r);
        }
        COMPARE_COUNTS(c.periodAverage, divided(periodSum, 8));
        QVERIFY(c.period.first().counts.visits > 5 * baseline.visits); // election day is not a usual day
        QCOMPARE(*MemoriaComparison::ratio(c.periodAverage.hits, c.baselineAverage.hits), c.periodAverage.hits / baseline.hits);

        // Election night: 2 June 18:00 to 3 June 06:00 (UTC-6), twelve hours.
        QCOMPARE(c.night.size(), 12);
        for (int i = 0; i < 12; ++i) {
            const MemoriaHour &h = c.night.at(i);
            const QDateTime local = h.startUtc.addSecs(-6 * 3600);
            QCOMPARE(local.time().hour(), (18 + i) % 24);
            COMPARE_COUNTS(h.counts, hours.value(local.toString(QStringLiteral("yyyy-MM-ddTHH"))));
            StatsRow hourSum;
            for (const MemoriaDay &d : c.baseline)
                addRow(hourSum, hours.value(d.date.toString(Qt::ISODate) + QStringLiteral("T%1").arg(local.time().hour(), 2, 10, QLatin1Char('0'))));
            COMPARE_COUNTS(h.baseline, divided(hourSum, 12));
        }
        QVERIFY(c.peakMinuteRequests > 0);
        QVERIFY(c.peakMinuteUtc >= QDateTime(QDate(2024, 6, 2), QTime(6, 0), Qt::UTC));
    }

    void incidentsSplitByPublication()
    {
        QCOMPARE(m_input.affecting.size(), 2);
        QCOMPARE(m_input.affecting.at(0).record.kind, QStringLiteral("site_unreachable")); // oldest first
        QCOMPARE(m_input.affecting.at(0).impactMinutes, 27.0);
        QCOMPARE(m_input.affecting.at(0).cutsAffected, 2); // 21:15 and 21:30
        QVERIFY(m_input.affecting.at(0).timeline.size() >= 4);
        QCOMPARE(m_input.others.size(), 2); // clock skew (no) and the SSH link (not known)
        QCOMPARE(m_input.cuts.size(), 40);
        QCOMPARE(m_input.checks.size(), 1);
        QCOMPARE(m_input.drills.size(), 1);
        QCOMPARE(m_input.drafts.size(), 3);
        QVERIFY(m_input.drafts.at(0).contains(QStringLiteral("95.0 s")));
    }

    // The comparison as the bag's CSV and the export's JSON: the same numbers.
    void comparisonCsvAndJson()
    {
        const MemoriaComparison &c = m_input.comparison;
        const QList<QByteArray> lines = memoriaComparisonCsv(m_input).trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 12 + 1 + 8 + 1 + 12);
        QVERIFY(lines.at(0).startsWith("section,period,covered,visits,pages,hits,unique_visitors,ratio_visits"));
        const QList<QByteArray> average = lines.at(13).split(',');
        QCOMPARE(average.at(0), QByteArray("baseline_average"));
        QCOMPARE(average.at(1), QByteArray("2024-05-19/2024-06-01"));
        QVERIFY(qAbs(average.at(3).toDouble() - c.baselineAverage.visits) < 1e-9);
        QVERIFY(qAbs(average.at(6).toDouble() - c.baselineAverage.visitors) < 1e-9);
        const QList<QByteArray> june2 = lines.at(14).split(',');
        QCOMPARE(june2.at(0), QByteArray("period"));
        QCOMPARE(june2.at(1), QByteArray("2024-06-02"));
        QCOMPARE(june2.at(5).toDouble(), c.period.first().counts.hits);
        QVERIFY(qAbs(june2.at(9).toDouble() - c.period.first().counts.hits / c.baselineAverage.hits) < 1e-4);
        const QList<QByteArray> firstHour = lines.at(23).split(',');
        QCOMPARE(firstHour.at(0), QByteArray("night"));
        QCOMPARE(firstHour.at(1), QByteArray("2024-06-02T18"));
        QVERIFY(qAbs(firstHour.at(13).toDouble() - c.night.first().baseline.hits) < 1e-9);

        const QJsonObject json = memoriaComparisonJson(m_input);
        QCOMPARE(json.value(QStringLiteral("baseline_covered_days")).toInt(), 12);
        QCOMPARE(json.value(QStringLiteral("days")).toArray().size(), 8);
        QCOMPARE(json.value(QStringLiteral("night")).toArray().size(), 12);
        QCOMPARE(json.value(QStringLiteral("baseline_average")).toObject().value(QStringLiteral("pages")).toDouble(), c.baselineAverage.pages);
        QCOMPARE(json.value(QStringLiteral("period_ratios")).toObject().value(QStringLiteral("hits")).toDouble(),
                 c.periodAverage.hits / c.baselineAverage.hits);
    }

    // The export writes on a worker thread (never the GUI thread): the first PDF of the process, fonts
    // loaded there too, is written from one.
    void pdfFromAWorkerThread()
    {
        const QString pdf = m_tmp.filePath(QStringLiteral("hilo.pdf"));
        bool ok = false;
        QString error;
        QThread *worker = QThread::create([&] { ok = writeMemoriaPdf(m_input, pdf, &error); });
        worker->start();
        QVERIFY(worker->wait(60000));
        delete worker;
        QVERIFY2(ok, qPrintable(error));
        QVERIFY(QFileInfo(pdf).size() > 10000);
    }

    void pdfHoldsTheFourSections()
    {
        DIFUSOR_REQUIRE_PROGRAM(pdftotext, "pdftotext");
        const QString pdf = m_tmp.filePath(QStringLiteral("memoria-tecnica.pdf"));
        QString error;
        QElapsedTimer t;
        t.start();
        QVERIFY2(writeMemoriaPdf(m_input, pdf, &error), qPrintable(error));
        qInfo("writeMemoriaPdf: %lld ms, %lld bytes", qlonglong(t.elapsed()), qlonglong(QFileInfo(pdf).size()));
        QString why;
        const QStringList pages = pdfPages(pdf, &why);
        QVERIFY2(!pages.isEmpty(), qPrintable(why));
        const int n = int(pages.size());
        QVERIFY(n >= 6);
        for (int i = 0; i < n; ++i)
            QVERIFY2(pages.at(i).contains(QStringLiteral("página %1 de %2").arg(i + 1).arg(n)), qPrintable(pages.at(i).left(300)));

        // The call's order, each section on its own page(s), then the annexes.
        const int s1 = pageOf(pages, QStringLiteral("1. Bitácoras de acceso Bitácoras de acceso"));
        const int s2 = pageOf(pages, QStringLiteral("2. Incidentes que afectaron la publicación Un bloque"));
        const int s3 = pageOf(pages, QStringLiteral("3. Comparativo de visitas, páginas y hits Promedio habitual"));
        const int s4 = pageOf(pages, QStringLiteral("4. Comentarios y sugerencias Del equipo técnico"));
        const int a = pageOf(pages, QStringLiteral("Anexo A. Verificación de infraestructura al inicio del periodo"), s4);
        QVERIFY2(s1 > 0 && s1 < s2 && s2 < s3 && s3 < s4 && s4 < a, qPrintable(QStringLiteral("%1 %2 %3 %4 %5").arg(s1).arg(s2).arg(s3).arg(s4).arg(a)));
        const QString all = pages.join(QLatin1Char(' '));
        for (const char *text : {"Universidad Juárez del Estado de Durango", "José Íñiguez", "Días del periodo base",
                                 "Anexo B. Cortes del periodo", "Anexo C. Simulacros", "Sitio caído durante la publicación",
                                 "Anexo D. Incidentes que no afectaron la publicación", "Reloj del servidor desfasado",
                                 "Se perdió la conexión SSH", "no determinado", "El contenedor de nginx se quedó sin descriptores",
                                 "Subir worker_rlimit_nofile", "Sugerimos que el IEPC comparta", "8 núcleos"})
            QVERIFY2(all.contains(QString::fromUtf8(text)), text);

        // Section 1: each file with its SHA-256 and its line count.
        const QLocale es(QLocale::Spanish, QLocale::Mexico);
        for (const MemoriaLogFile &f : std::as_const(m_input.logFiles)) {
            QVERIFY2(pages.at(s1).contains(QString::fromLatin1(f.sha256)) || pages.value(s1 + 1).contains(QString::fromLatin1(f.sha256)), f.sha256.constData());
            QVERIFY(all.contains(f.name));
            QVERIFY(all.contains(es.toString(f.lines)));
        }
        // Section 2: the outage's block.
        const QString s2text = pages.at(s2) + pages.value(s2 + 1);
        for (const QString &text : {QStringLiteral("El sitio del difusor no responde"), QStringLiteral("27.0 min"),
                                    QStringLiteral("cortes en ese lapso: 2"), QStringLiteral("tiempo para detectar: 40 s"),
                                    QStringLiteral("Ana López · reconocido: Reviso el contenedor.")})
            QVERIFY2(s2text.contains(text), qPrintable(text));
        QVERIFY(!s2text.contains(QStringLiteral("Reloj del servidor desfasado")));

        // Section 3: the numbers `stats` gave (checked above), as printed: averages with one decimal,
        // days whole, ratios with two.
        const MemoriaComparison &c = m_input.comparison;
        const QString s3text = pages.at(s3) + QLatin1Char(' ') + pages.value(s3 + 1);
        const auto has = [&s3text](const QString &x) { return s3text.contains(QLatin1Char(' ') + x + QLatin1Char(' ')); };
        for (double v : {c.baselineAverage.visits, c.baselineAverage.pages, c.baselineAverage.hits, c.baselineAverage.visitors,
                         c.periodAverage.visits, c.periodAverage.pages, c.periodAverage.hits, c.periodAverage.visitors})
            QVERIFY2(has(es.toString(v, 'f', 1)), qPrintable(es.toString(v, 'f', 1)));
        for (const MemoriaDay &d : c.period) {
            QVERIFY2(has(es.toString(d.counts.visits, 'f', 0)), qPrintable(es.toString(d.counts.visits, 'f', 0)));
            QVERIFY2(has(es.toString(d.counts.hits, 'f', 0)), qPrintable(es.toString(d.counts.hits, 'f', 0)));
            QVERIFY(has(QStringLiteral("×") + es.toString(d.counts.pages / c.baselineAverage.pages, 'f', 2)));
        }
        QVERIFY(has(QStringLiteral("×") + es.toString(c.periodAverage.visitors / c.baselineAverage.visitors, 'f', 2)));
        QVERIFY(s3text.contains(QStringLiteral("sin los simulacros (19/05/2024, 26/05/2024), 12 días")));
        QVERIFY(s3text.contains(QStringLiteral("un día sin tráfico cuenta como 0")));
        QVERIFY(s3text.contains(QStringLiteral("Noche de la jornada, hora por hora")));
        QVERIFY(s3text.contains(QStringLiteral("02/06 18:00")));
        QVERIFY(has(es.toString(c.night.at(3).counts.hits, 'f', 0))); // 21:00
        QVERIFY(has(es.toString(c.night.at(3).baseline.hits, 'f', 1)));
        // Section 4: the technician's words and the console's drafts.
        const QString s4text = pages.at(s4) + pages.value(s4 + 1);
        QVERIFY(s4text.contains(QStringLiteral("el pico de las 21:00 exigió reiniciar nginx")));
        QVERIFY(s4text.contains(QStringLiteral("El mayor retraso de publicación fue de 95.0 s")));
        QVERIFY(s4text.contains(QStringLiteral("La interrupción más larga fue «El sitio del difusor no responde»")));
        QVERIFY(s4text.contains(QStringLiteral("Frente a una capacidad de 150 solicitudes/s")));
    }

    // The charts are drawn as vectors (no raster image in the file) and the text is in embedded
    // DejaVu fonts with their Unicode maps (what makes pdftotext give back the accents).
    void pdfHasVectorChartsAndEmbeddedFonts()
    {
        DIFUSOR_REQUIRE_PROGRAM(pdfimages, "pdfimages");
        DIFUSOR_REQUIRE_PROGRAM(pdffonts, "pdffonts");
        const QString pdf = m_tmp.filePath(QStringLiteral("memoria-tecnica.pdf"));
        QVERIFY(QFile::exists(pdf)); // written by pdfHoldsTheFourSections
        QProcess images;
        images.start(pdfimages, {QStringLiteral("-list"), pdf});
        QVERIFY(images.waitForFinished(30000));
        const QList<QByteArray> imageLines = images.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(imageLines.size(), 2); // the header lines only
        QProcess fonts;
        fonts.start(pdffonts, {pdf});
        QVERIFY(fonts.waitForFinished(30000));
        const QList<QByteArray> fontLines = fonts.readAllStandardOutput().trimmed().split('\n');
        QVERIFY(fontLines.size() > 2);
        for (const QByteArray &line : fontLines.mid(2)) {
            QVERIFY2(line.startsWith("DejaVuSans"), line.constData());
            const QList<QByteArray> cols = line.simplified().split(' ');
            QVERIFY2(cols.size() >= 7 && cols.at(cols.size() - 5) == "yes" && cols.at(cols.size() - 3) == "yes", line.constData()); // emb, uni
        }
    }

    // --lang en: numbers and dates in English (the words follow the installed translation).
    void englishLocale()
    {
        DIFUSOR_REQUIRE_PROGRAM(pdftotext, "pdftotext");
        MemoriaInput input = m_input;
        input.language = QStringLiteral("en");
        const QString pdf = m_tmp.filePath(QStringLiteral("memoria-en.pdf"));
        QString error;
        QVERIFY2(writeMemoriaPdf(input, pdf, &error), qPrintable(error));
        QString why;
        const QString all = pdfPages(pdf, &why).join(QLatin1Char(' '));
        QVERIFY2(all.contains(QStringLiteral("Sun 02/06/2024")), qPrintable(why));
        QVERIFY(!all.contains(QStringLiteral("dom 02/06/2024")));
        const QLocale en(QLocale::English, QLocale::UnitedStates);
        QVERIFY(all.contains(QLatin1Char(' ') + en.toString(input.comparison.periodAverage.hits, 'f', 1) + QLatin1Char(' ')));
    }

    // A server that kept no logs from before the period: the report says so plainly, no ratio.
    void noBaselineIsSaidPlainly()
    {
        DIFUSOR_REQUIRE_PROGRAM(pdftotext, "pdftotext");
        QTemporaryDir dir(test::tempTemplate());
        test::MemoriaLogPlan plan;
        plan.skipBefore = QDate(2024, 6, 2); // the baseline ends on 1 June
        const QList<MemoriaLogSource> logs = test::writeMemoriaLogs(dir.path(), plan);
        QVERIFY(!logs.isEmpty());
        MemoriaRequest request = test::memoriaRequest(logs);
        MemoriaInput input;
        input.period = request.period;
        readMemoriaLogs(request, input);
        QVERIFY(!input.comparison.hasBaseline());
        QCOMPARE(input.comparison.baselineCoveredDays, 0);
        QVERIFY(memoriaComparisonJson(input).value(QStringLiteral("period_ratios")).toObject().value(QStringLiteral("hits")).isNull());
        QVERIFY(memoriaComparisonCsv(input).split('\n').at(14).endsWith(",,,,,,,,")); // 2 June: no ratio
        QVERIFY(input.comparison.period.first().counts.visits > 0);
        input.drafts = memoriaDrafts(input);
        const QString pdf = dir.filePath(QStringLiteral("m.pdf"));
        QString error;
        QVERIFY2(writeMemoriaPdf(input, pdf, &error), qPrintable(error));
        QString why;
        const QString all = pdfPages(pdf, &why).join(QLatin1Char(' '));
        QVERIFY2(all.contains(QStringLiteral("No hay bitácoras del periodo base (del 19/05/2024 al 01/06/2024)")), qPrintable(why));
        QVERIFY(all.contains(QStringLiteral("no puede hacerse")));
        QVERIFY(all.contains(QStringLiteral("No hay verificación de infraestructura registrada.")));
    }

    // Logs that begin in the middle of the baseline and end before the period does: the average is over
    // the days the logs reach (a zero day among them still counts as 0), the report says how many, and
    // the period's days without logs are marked, not taken for quiet days.
    void partialCoverageIsSaid()
    {
        DIFUSOR_REQUIRE_PROGRAM(pdftotext, "pdftotext");
        QTemporaryDir dir(test::tempTemplate());
        test::MemoriaLogPlan plan;
        plan.firstDay = QDate(2024, 5, 25);
        plan.lastDay = QDate(2024, 6, 6);
        const QList<MemoriaLogSource> logs = test::writeMemoriaLogs(dir.path(), plan);
        QVERIFY(!logs.isEmpty());
        MemoriaInput input;
        readMemoriaLogs(test::memoriaRequest(logs), input);
        const MemoriaComparison &c = input.comparison;
        QCOMPARE(c.baselineCoveredDays, 7); // 25, 27, 28, 29 (no traffic: 0), 30, 31 May, 1 June
        QStringList files;
        for (const MemoriaLogSource &l : logs)
            files << l.path;
        QString why;
        const QHash<QString, StatsRow> days = runStats(files, QStringLiteral("day"), &why);
        QVERIFY2(!days.isEmpty(), qPrintable(why));
        StatsRow sum;
        for (const MemoriaDay &d : c.baseline) {
            QCOMPARE(d.covered, d.date >= QDate(2024, 5, 25));
            if (d.covered)
                addRow(sum, days.value(d.date.toString(Qt::ISODate)));
        }
        COMPARE_COUNTS(c.baselineAverage, divided(sum, 7));
        QVERIFY(!c.period.at(6).covered && !c.period.at(7).covered); // 8 and 9 June
        QCOMPARE(c.period.at(7).counts.hits, 0.0);

        const QString pdf = dir.filePath(QStringLiteral("m.pdf"));
        QString error;
        QVERIFY2(writeMemoriaPdf(input, pdf, &error), qPrintable(error));
        const QString all = pdfPages(pdf, &why).join(QLatin1Char(' '));
        QVERIFY2(all.contains(QStringLiteral("Las bitácoras cubren 7 de los 12 días del periodo base")), qPrintable(why));
        QVERIFY(all.contains(QStringLiteral("sáb 08/06/2024 sin bitácoras")));
    }

    // Two servers behind one portal: their lines are counted merged by time, so a visitor who reached
    // both on the same day is one visitor. The numbers are those of `stats` on one file holding both
    // servers' lines in time order.
    void twoServersMergedByTime()
    {
        QTemporaryDir dir(test::tempTemplate());
        QList<MemoriaLogSource> logs;
        for (const auto &[server, seed] : {std::pair{QStringLiteral("norte"), 2024}, std::pair{QStringLiteral("sur"), 77}}) {
            QVERIFY(QDir(dir.path()).mkdir(server));
            test::MemoriaLogPlan plan;
            plan.server = server;
            plan.seed = std::uint64_t(seed);
            logs += test::writeMemoriaLogs(dir.filePath(server), plan);
        }
        MemoriaInput input;
        readMemoriaLogs(test::memoriaRequest(logs), input);
        QVERIFY2(input.errors.isEmpty(), qPrintable(input.errors.join(QLatin1Char('\n'))));
        const MemoriaComparison &c = input.comparison;

        // Both servers' lines in one file, stably sorted by time (the first server first on a tie).
        static const QByteArray months("JanFebMarAprMayJunJulAugSepOctNovDec");
        QList<std::pair<qint64, QByteArray>> lines;
        for (const MemoriaLogSource &l : std::as_const(logs)) {
            qint64 count = 0;
            for (const QByteArray &line : fileLines(l.path, &count).split('\n')) {
                if (line.isEmpty())
                    continue;
                const QByteArray t = line.mid(line.indexOf('[') + 1, 20); // 02/Jun/2024:23:15:07
                const QDateTime when(QDate(t.mid(7, 4).toInt(), int(months.indexOf(t.mid(3, 3))) / 3 + 1, t.left(2).toInt()),
                                     QTime(t.mid(12, 2).toInt(), t.mid(15, 2).toInt(), t.mid(18, 2).toInt()), Qt::UTC);
                lines.append({when.toSecsSinceEpoch(), line});
            }
        }
        std::stable_sort(lines.begin(), lines.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        QFile merged(dir.filePath(QStringLiteral("merged.log")));
        QVERIFY(merged.open(QIODevice::WriteOnly));
        for (const auto &l : std::as_const(lines))
            merged.write(l.second + '\n');
        merged.close();
        QString why;
        const QHash<QString, StatsRow> days = runStats({merged.fileName()}, QStringLiteral("day"), &why);
        QVERIFY2(!days.isEmpty(), qPrintable(why));
        StatsRow sum;
        for (const MemoriaDay &d : c.baseline)
            addRow(sum, days.value(d.date.toString(Qt::ISODate)));
        COMPARE_COUNTS(c.baselineAverage, divided(sum, 12));
        for (const MemoriaDay &d : c.period)
            COMPARE_COUNTS(d.counts, days.value(d.date.toString(Qt::ISODate)));
        const QHash<QString, StatsRow> hours = runStats({merged.fileName()}, QStringLiteral("hour"), &why);
        for (const MemoriaHour &h : c.night)
            COMPARE_COUNTS(h.counts, hours.value(h.startUtc.addSecs(-6 * 3600).toString(QStringLiteral("yyyy-MM-ddTHH"))));

        // Counted apart, the two servers would count the visitors seen on both twice.
        double apart = 0;
        for (const QString &server : {QStringLiteral("norte"), QStringLiteral("sur")}) {
            MemoriaRequest one = test::memoriaRequest({});
            for (const MemoriaLogSource &l : std::as_const(logs))
                if (l.server == server)
                    one.logs << l;
            MemoriaInput alone;
            readMemoriaLogs(one, alone);
            apart += alone.comparison.period.first().counts.visitors;
        }
        QVERIFY2(c.period.first().counts.visitors < apart - 50, qPrintable(QStringLiteral("%1 %2").arg(c.period.first().counts.visitors).arg(apart)));
        QCOMPARE(input.logFiles.size(), 10);
        QCOMPARE(input.logFiles.at(5).server, QStringLiteral("sur"));
        QVERIFY(input.logFiles.at(5).firstUtc.isValid());
    }

    void unreadableFileIsReported()
    {
        MemoriaRequest request;
        request.logs = {{QStringLiteral("norte"), QStringLiteral("norte/access.log"), m_tmp.filePath(QStringLiteral("no-existe.log"))}};
        MemoriaInput input;
        readMemoriaLogs(request, input);
        QCOMPARE(input.logFiles.size(), 1);
        QVERIFY(!input.logFiles.first().error.isEmpty());
        QCOMPARE(input.errors.size(), 1);
        QVERIFY(!input.comparison.hasBaseline());
    }
};

QTEST_MAIN(TestMemoria)
#include "tst_memoria.moc"
