#include "cuts/CutTime.h"
#include "cuts/PackageName.h"
#include "cuts/PrepCsv.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include "TestEnv.h"
#include <QJsonObject>
#include <QTest>

using namespace difusor::cuts;

namespace {

QByteArray readData(const char *name)
{
    QFile file(QStringLiteral(DIFUSOR_CUTS_DATA "/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", name);
    return file.readAll();
}

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate);
}

} // namespace

class TestPrepCsv final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cutTime_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        QTest::addColumn<int>("offset");
        QTest::newRow("space") << QStringLiteral("03/06/2024 20:05 (UTC-6)") << utc("2024-06-04T02:05:00Z") << -21600;
        QTest::newRow("no space") << QStringLiteral("03/06/2024 20:05(UTC-6)") << utc("2024-06-04T02:05:00Z") << -21600;
        QTest::newRow("utc-5 2021") << QStringLiteral("06/06/2021 23:45 (UTC-5)") << utc("2021-06-07T04:45:00Z") << -18000;
        QTest::newRow("seconds") << QStringLiteral("02/06/2024 21:15:03 (UTC-6)") << utc("2024-06-03T03:15:03Z") << -21600;
        QTest::newRow("padded offset") << QStringLiteral("02/06/2024 21:15 (UTC -06:00)") << utc("2024-06-03T03:15:00Z") << -21600;
        QTest::newRow("no offset") << QStringLiteral("02/06/2024 21:15") << utc("2024-06-03T03:15:00Z") << -21600;
        QTest::newRow("trailing separators") << QStringLiteral("\"02/06/2024 21:15 (UTC-6)\",,,") << utc("2024-06-03T03:15:00Z") << -21600;
        QTest::newRow("iso") << QStringLiteral("2024-06-02 21:15 (UTC-6)") << utc("2024-06-03T03:15:00Z") << -21600;
        QTest::newRow("utc") << QStringLiteral("03/06/2024 02:05 (UTC)") << utc("2024-06-03T02:05:00Z") << 0;
    }
    void cutTime()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        QFETCH(int, offset);
        const auto cut = parseCutTime(text);
        QVERIFY2(cut, qPrintable(text));
        QCOMPARE(cut->utc, expected);
        QCOMPARE(cut->utc.timeSpec(), Qt::UTC);
        QCOMPARE(cut->utcOffsetS, offset);
    }

    void cutTimeRejects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("words") << QStringLiteral("hoy a las ocho");
        QTest::newRow("bad day") << QStringLiteral("32/06/2024 20:05 (UTC-6)");
        QTest::newRow("bad hour") << QStringLiteral("02/06/2024 25:05 (UTC-6)");
        QTest::newRow("bad offset") << QStringLiteral("02/06/2024 20:05 (UTC-16)");
        QTest::newRow("not utc") << QStringLiteral("02/06/2024 20:05 (CST)");
        QTest::newRow("too long") << QStringLiteral("02/06/2024 20:05 (UTC-6)") + QString(300, QLatin1Char(' '));
    }
    void cutTimeRejects()
    {
        QFETCH(QString, text);
        QVERIFY(!parseCutTime(text));
    }

    void packageName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("election");
        QTest::addColumn<QString>("entity");
        QTest::addColumn<QString>("hhmm");
        QTest::newRow("folder") << QStringLiteral("20240603_2000_PREP_DIP_LOC_PUE") << QStringLiteral("DIP_LOC") << QStringLiteral("PUE") << QStringLiteral("2000");
        QTest::newRow("zip path") << QStringLiteral("/srv/prep/20240602_2115_PREP_DIP_LOC_DGO.zip") << QStringLiteral("DIP_LOC") << QStringLiteral("DGO") << QStringLiteral("2115");
        QTest::newRow("bare") << QStringLiteral("20240602_2115_PREP") << QString() << QString() << QStringLiteral("2115");
        QTest::newRow("election only") << QStringLiteral("20240602_2115_PREP_PRES/") << QStringLiteral("PRES") << QString() << QStringLiteral("2115");
        QTest::newRow("csv inside") << QStringLiteral("/srv/prep/20240603_2000_PREP_DIP_LOC_PUE/PUE_DIP_LOC_2024.csv") << QStringLiteral("DIP_LOC") << QStringLiteral("PUE") << QStringLiteral("2000");
        QTest::newRow("tar.gz") << QStringLiteral("20240602_0005_PREP_AYUN_DGO.tar.gz") << QStringLiteral("AYUN") << QStringLiteral("DGO") << QStringLiteral("0005");
    }
    void packageName()
    {
        QFETCH(QString, name);
        QFETCH(QString, election);
        QFETCH(QString, entity);
        QFETCH(QString, hhmm);
        const auto p = parsePackageName(name);
        QVERIFY2(p, qPrintable(name));
        QCOMPARE(p->election, election);
        QCOMPARE(p->entity, entity);
        QCOMPARE(p->time.toString(QStringLiteral("HHmm")), hhmm);
    }

    void packageNameRejects()
    {
        QVERIFY(!parsePackageName(QStringLiteral("20240602_2115_PRP_DGO")));
        QVERIFY(!parsePackageName(QStringLiteral("20241302_2115_PREP_DGO")));
        QVERIFY(!parsePackageName(QStringLiteral("20240602_2460_PREP_DGO")));
        QVERIFY(!parsePackageName(QStringLiteral("x20240602_2115_PREP")));
        QVERIFY(!parsePackageName(QStringLiteral("20240602_2115_PREP_DGO;rm -rf")));
    }

    void file2024CrlfBom()
    {
        const auto result = parsePrepCsv(readData("dgo_dip_loc_2024_crlf.csv"),
                                         QStringLiteral("20240602_2115_PREP_DIP_LOC_DGO"));
        QVERIFY2(result.cut, qPrintable(result.error));
        const PrepCut &c = *result.cut;
        QVERIFY(c.hadBom);
        QCOMPARE(c.separator, ',');
        QCOMPARE(c.election, QStringLiteral("DIPUTACIONES LOCALES"));
        QCOMPARE(c.cut.utc, utc("2024-06-03T03:15:00Z"));
        QCOMPARE(c.summary.integer(summary::ActasEsperadas), std::optional<qint64>(30));
        QCOMPARE(c.summary.integer(summary::ActasRegistradas), std::optional<qint64>(24));
        QCOMPARE(c.summary.integer(summary::ActasCapturadas), std::optional<qint64>(22));
        QCOMPARE(c.summary.number(summary::PorcentajeActasCapturadas), std::optional<double>(73.3333));
        QCOMPARE(c.summary.number(summary::PorcentajeParticipacion), std::optional<double>(57.2916));
        QCOMPARE(c.casillaRows, 24);
        QCOMPARE(c.malformedRows, 0);
        QCOMPARE(c.partyColumns.size(), 16);
        QCOMPARE(c.partyColumns.first(), QStringLiteral("PAN"));
        QCOMPARE(c.partyColumns.last(), QStringLiteral("CAND_IND_1"));
        QCOMPARE(c.partyVotes.value(QStringLiteral("PAN")), 1205);
        QCOMPARE(c.partyVotes.value(QStringLiteral("PT_MORENA")), 1473);
        QCOMPARE(c.nonNumericVotes.value(QStringLiteral("Sin dato")), 2);
        QCOMPARE(c.nonNumericVotes.value(QStringLiteral("Ilegible")), 1);
        QCOMPARE(c.nonNumericVotes.value(QStringLiteral("Sin acta")), 1);
        QVERIFY2(c.issues.isEmpty(), qPrintable(c.issues.value(0).detail));
        QVERIFY(c.package);
        const QJsonObject json = c.summaryJson();
        QCOMPARE(json.value(QStringLiteral("summary")).toObject().value(QStringLiteral("ACTAS_CAPTURADAS")).toInt(), 22);
    }

    void file2021PipeLf()
    {
        const auto result = parsePrepCsv(readData("pue_gub_2021_pipe_lf.csv"), QStringLiteral("20210606_2345_PREP_GUB_PUE"));
        QVERIFY2(result.cut, qPrintable(result.error));
        const PrepCut &c = *result.cut;
        QCOMPARE(c.separator, '|');
        QCOMPARE(c.election, QStringLiteral("GUBERNATURA"));
        QCOMPARE(c.cut.utc, utc("2021-06-07T04:45:00Z"));
        QCOMPARE(c.cut.utcOffsetS, -5 * 3600);
        // 2021 names arrive under the 2024 names.
        QCOMPARE(c.summary.integer(summary::ActasFueraCatalogo), std::optional<qint64>(0));
        QCOMPARE(c.summary.number(summary::PorcentajeActasInconsistencias), std::optional<double>(8.3333));
        QCOMPARE(c.casillaRows, 12);
        QCOMPARE(c.partyColumns.size(), 15);
        QVERIFY(c.partyColumns.contains(QStringLiteral("PAN-PRI-PRD")));
        QCOMPARE(c.partyVotes.value(QStringLiteral("PAN")), 865);
        QCOMPARE(c.partyVotes.value(QStringLiteral("CAND_IND_1")), 713);
        QCOMPARE(c.nonNumericVotes.value(QStringLiteral("Sin dato")), 1);
        QVERIFY2(c.issues.isEmpty(), qPrintable(c.issues.value(0).detail));
    }

    void fileCrOnly()
    {
        const auto result = parsePrepCsv(readData("pres_2024_cr_only.csv"));
        QVERIFY2(result.cut, qPrintable(result.error));
        const PrepCut &c = *result.cut;
        QVERIFY(!c.hadBom);
        QCOMPARE(c.election, QStringLiteral("PRESIDENCIA DE LA REPÚBLICA"));
        QCOMPARE(c.cut.utc, utc("2024-06-03T06:30:00Z"));
        QCOMPARE(c.summary.integer(summary::ActasEsperadas), std::optional<qint64>(1250)); // "1,250"
        QCOMPARE(c.summary.integer(summary::ListaNominal), std::optional<qint64>(2400));
        QCOMPARE(c.casillaRows, 5);
        QCOMPARE(c.partyVotes.value(QStringLiteral("PAN")), 149);
        QVERIFY2(c.issues.isEmpty(), qPrintable(c.issues.value(0).detail));
    }

    void packageMustAgree()
    {
        const auto result = parsePrepCsv(readData("dgo_dip_loc_2024_crlf.csv"),
                                         QStringLiteral("20240602_2130_PREP_DIP_LOC_DGO"));
        QVERIFY(result.cut);
        QVERIFY(result.cut->hasIssue(PrepIssueKind::PackageMismatch));
        const auto notAPackage = parsePrepCsv(readData("dgo_dip_loc_2024_crlf.csv"), QStringLiteral("ultimo.csv"));
        QVERIFY(notAPackage.cut->hasIssue(PrepIssueKind::PackageMismatch));
    }

    void brokenInconsistent()
    {
        const auto result = parsePrepCsv(readData("broken_inconsistent.csv"));
        QVERIFY2(result.cut, qPrintable(result.error));
        const PrepCut &c = *result.cut;
        QCOMPARE(c.casillaRows, 5);   // 6 rows: one too short
        QCOMPARE(c.malformedRows, 2); // the short row and the unterminated quote at the end
        QVERIFY(c.hasIssue(PrepIssueKind::PercentOutOfRange));
        QVERIFY(c.hasIssue(PrepIssueKind::CountAboveExpected));
        QVERIFY(c.hasIssue(PrepIssueKind::RowCountMismatch));
        QVERIFY(c.hasIssue(PrepIssueKind::MalformedRow));
        QVERIFY(c.hasIssue(PrepIssueKind::UnknownVoteToken));
        QCOMPARE(c.nonNumericVotes.value(QStringLiteral("?")), 1);
        int outOfRange = 0;
        for (const PrepIssue &i : c.issues)
            outOfRange += i.kind == PrepIssueKind::PercentOutOfRange ? 1 : 0;
        QCOMPARE(outOfRange, 2); // 120 and -1
    }

    void brokenFiles_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("no cut line") << readData("broken_no_cut.csv");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("bom only") << QByteArray("\xEF\xBB\xBF");
        QTest::newRow("blank lines") << QByteArray("\r\n\r\n\n\r");
        QTest::newRow("nul bytes") << QByteArray("DIP\0\n02/06/2024 21:15 (UTC-6)\n", 30);
        QTest::newRow("no summary") << QByteArray("DIP\n02/06/2024 21:15 (UTC-6)\n\nA,B\n1,2\n");
        QTest::newRow("header only") << QByteArray("DIP\n02/06/2024 21:15 (UTC-6)\n\nACTAS_ESPERADAS\n");
    }
    void brokenFiles()
    {
        QFETCH(QByteArray, data);
        const auto result = parsePrepCsv(data);
        QVERIFY(!result.cut);
        QVERIFY(!result.error.isEmpty());
    }

    void openQuoteInPreambleIsSkipped()
    {
        // An unterminated quote costs its own line only; the rest of the file still reads.
        const auto result = parsePrepCsv(QByteArray("\"DIP\n02/06/2024 21:15 (UTC-6)\n\nACTAS_ESPERADAS\n1\n"));
        QVERIFY2(result.cut, qPrintable(result.error));
        QCOMPARE(result.cut->malformedRows, 1);
        QVERIFY(result.cut->election.isEmpty());
        QCOMPARE(result.cut->cut.utc, utc("2024-06-03T03:15:00Z"));
    }

    void truncatedAfterSummary()
    {
        const auto result = parsePrepCsv(readData("broken_truncated.csv"));
        QVERIFY2(result.cut, qPrintable(result.error));
        QVERIFY(result.cut->hasIssue(PrepIssueKind::NoCasillaHeader));
        QCOMPARE(result.cut->summary.integer(summary::ActasCapturadas), std::optional<qint64>(22));
    }

    void limitsHold()
    {
        const QByteArray data = readData("dgo_dip_loc_2024_crlf.csv");
        PrepCsvLimits small;
        small.maxBytes = 100;
        QVERIFY(!parsePrepCsv(data, {}, small).cut);

        PrepCsvLimits fewRows;
        fewRows.maxRows = 10;
        const auto rows = parsePrepCsv(data, {}, fewRows);
        QVERIFY(rows.cut);
        QCOMPARE(rows.cut->casillaRows, 10);
        QVERIFY(rows.cut->hasIssue(PrepIssueKind::TooManyRows));

        // A 1 MiB field inside quotes never becomes one huge cell.
        QByteArray big = data;
        big.append("'1',\"" + QByteArray(1 << 20, 'x') + "\"\r\n");
        const auto bigResult = parsePrepCsv(big);
        QVERIFY(bigResult.cut);
        QCOMPARE(bigResult.cut->casillaRows, 24);
        QVERIFY(bigResult.cut->malformedRows >= 1);
    }

    void loadsFileWithHash()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("20240602_2115_PREP_DIP_LOC_DGO")));
        const QString path = dir.filePath(QStringLiteral("20240602_2115_PREP_DIP_LOC_DGO/DGO_DIP_LOC_2024.csv"));
        const QByteArray data = readData("dgo_dip_loc_2024_crlf.csv");
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(data);
        out.close();
        const PrepFile file = loadPrepCsvFile(path);
        QVERIFY2(file.parsed.cut, qPrintable(file.parsed.error));
        QCOMPARE(file.size, data.size());
        QCOMPARE(file.sha256Hex, QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
        QVERIFY(file.parsed.cut->package);
        QVERIFY(file.parsed.cut->issues.isEmpty()); // the folder's name agrees with the cut line
        QVERIFY(!loadPrepCsvFile(dir.filePath(QStringLiteral("none.csv"))).parsed.cut);
    }

    void everyPrefixIsSafe()
    {
        // Truncated downloads: every prefix parses or fails cleanly.
        const QByteArray data = readData("pue_gub_2021_pipe_lf.csv");
        for (qsizetype n = 0; n <= data.size(); n += 7)
            parsePrepCsv(data.left(n));
        QVERIFY(parsePrepCsv(data.left(data.size() - 1)).cut);
    }
};

QTEST_GUILESS_MAIN(TestPrepCsv)
#include "tst_prepcsv.moc"
