// The sandbox's pure parts: PREP cut files, pages, fault arguments, the missing-programs message.
#include "SandboxFixture.h"
#include "sandbox/Faults.h"
#include "sandbox/PrepData.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace difusor::sandbox;

class TestSandboxData final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void csvHasThePrepStructure_data()
    {
        QTest::addColumn<int>("slot");
        QTest::newRow("20:00, nothing captured yet") << 0;
        QTest::newRow("21:00") << 4;
        QTest::newRow("03:00 next day") << 28;
    }
    void csvHasThePrepStructure()
    {
        QFETCH(int, slot);
        const PrepElection election;
        const QDateTime cut = PrepElection::nightStartUtc().addSecs(slot * 900);
        const QByteArray csv = election.csv(cut, cut);
        QCOMPARE(difusor::test::checkPrepCsv(csv, cut), QString());
        QVERIFY(csv.contains("\r\n"));
        const auto preamble = PrepElection::readPreamble(csv);
        QVERIFY(preamble);
        QCOMPARE(preamble->cutTime, cut);
        QCOMPARE(preamble->summary.actasEsperadas, election.casillaCount());
        QCOMPARE(preamble->summary.actasCapturadas, election.summary(cut).actasCapturadas);
    }

    void firstLinesAreExact()
    {
        const PrepElection election;
        const QDateTime cut = PrepElection::nightStartUtc().addSecs(15 * 60);
        const QByteArray csv = election.csv(cut, cut);
        QVERIFY(csv.startsWith("\xEF\xBB\xBF" "DIPUTACIONES LOCALES\r\n02/06/2024 20:15 (UTC-6)\r\n\r\nACTAS_ESPERADAS,"));
    }

    void totalsOnlyGrow()
    {
        const PrepElection election;
        CutSummary last;
        for (int slot = 0; slot < 48; ++slot) {
            const CutSummary s = election.summary(PrepElection::nightStartUtc().addSecs(slot * 900));
            QVERIFY(s.actasCapturadas >= last.actasCapturadas);
            QVERIFY(s.actasRegistradas >= s.actasCapturadas);
            QVERIFY(s.actasContabilizadas >= last.actasContabilizadas);
            QVERIFY(s.totalVotosConCs >= last.totalVotosConCs);
            QVERIFY(s.porcentajeCapturadas >= last.porcentajeCapturadas);
            last = s;
        }
        // Plausible night: most actas in by 08:00, turnout between 40 and 70 %, some inconsistencies.
        QVERIFY2(last.porcentajeCapturadas > 90, qPrintable(QString::number(last.porcentajeCapturadas)));
        QVERIFY(last.porcentajeCapturadas < 100);
        QVERIFY(last.porcentajeParticipacion > 40 && last.porcentajeParticipacion < 70);
        QVERIFY(last.porcentajeInconsistencias > 0);
        QVERIFY(election.casillaCount() > 1500 && election.casillaCount() < 4000);
        QCOMPARE(election.summary(PrepElection::nightStartUtc()).actasCapturadas, 0);
    }

    void percentagesAreTruncatedToFourDecimals()
    {
        const PrepElection election;
        const QDateTime cut = PrepElection::nightStartUtc().addSecs(3 * 3600);
        const QList<QByteArray> values = election.csv(cut, cut).split('\n').at(4).trimmed().split(',');
        QCOMPARE(values.size(), 13);
        for (int i : {4, 6, 7, 12}) {
            QVERIFY2(values.at(i).contains('.') && values.at(i).split('.').at(1).size() == 4, values.at(i).constData());
        }
    }

    void packageNamesAndTimes()
    {
        const QDateTime start = PrepElection::nightStartUtc();
        QCOMPARE(PrepElection::packageName(start), QStringLiteral("20240602_2000_PREP_DIP_LOC_DGO"));
        QCOMPARE(PrepElection::packageName(start.addSecs(16 * 900)), QStringLiteral("20240603_0000_PREP_DIP_LOC_DGO"));
        QCOMPARE(PrepElection::csvFileName(), QStringLiteral("DGO_DIP_LOC_2024.csv"));
        QCOMPARE(PrepElection::cutLine(start.addSecs(5 * 900)), QStringLiteral("02/06/2024 21:15 (UTC-6)"));
        QCOMPARE(PrepElection::isoCut(start.addSecs(900)), QStringLiteral("2024-06-02T20:15:00-06:00"));
    }

    void pageAndJsonShowTheCut()
    {
        const PrepElection election;
        const QDateTime cut = PrepElection::nightStartUtc().addSecs(5 * 900);
        const QByteArray html = PrepElection::indexHtml(election.summary(cut), cut, QStringLiteral("x"));
        QVERIFY(html.contains("Fecha y hora de corte: 02/06/2024 21:15 (UTC-6)"));
        QCOMPARE(difusor::test::pageCut(html), cut);
        for (const char *asset : {"prep.css", "prep.js", "logo.png", "favicon.ico"})
            QVERIFY(html.contains(asset));
        const QJsonObject avance = QJsonDocument::fromJson(PrepElection::avanceJson(election.summary(cut), cut)).object();
        const QJsonObject corte = avance.value(QStringLiteral("ultimoCorte")).toObject();
        QCOMPARE(corte.value(QStringLiteral("fecha")).toString(), QStringLiteral("02/06/2024"));
        QCOMPARE(corte.value(QStringLiteral("hora")).toString(), QStringLiteral("21:15"));
    }

    void skewShiftsWrittenTimesOnly()
    {
        const PrepElection election;
        const QDateTime cut = PrepElection::nightStartUtc().addSecs(8 * 900);
        const QByteArray straight = election.csv(cut, cut);
        const QByteArray skewed = election.csv(cut, cut.addSecs(600));
        QVERIFY(skewed.contains("02/06/2024 22:10 (UTC-6)"));
        QCOMPARE(straight.split('\n').at(4), skewed.split('\n').at(4)); // same data
    }

    void faultIdsRoundTrip()
    {
        const auto faults = Sandbox::faults();
        QCOMPARE(faults.size(), 9);
        for (const FaultDescription &f : faults) {
            QCOMPARE(faultFromId(f.id), std::optional<FaultKind>(f.kind));
            QVERIFY(!f.title.isEmpty());
        }
        QCOMPARE(faultFromId(QStringLiteral("5xx")), std::optional<FaultKind>(FaultKind::ServerErrors));
        QVERIFY(!faultFromId(QStringLiteral("reboot_the_world")));
    }

    void faultArguments()
    {
        QString error;
        auto late = parseFaultArguments({QStringLiteral("late_cut"), QStringLiteral("90")}, &error);
        QVERIFY(late);
        QCOMPARE(late->second.delayS, 90);
        auto spike = parseFaultArguments({QStringLiteral("traffic_spike"), QStringLiteral("--factor"), QStringLiteral("4"),
                                          QStringLiteral("--duration"), QStringLiteral("10")}, &error);
        QVERIFY(spike);
        QCOMPARE(spike->second.factor, 4.0);
        QCOMPARE(spike->second.durationS, 10);
        auto skew = parseFaultArguments({QStringLiteral("clock_skew"), QStringLiteral("--offset"), QStringLiteral("-120")}, &error);
        QVERIFY(skew);
        QCOMPARE(skew->second.offsetS, -120);
        auto rotation = parseFaultArguments({QStringLiteral("log_rotation"), QStringLiteral("--copytruncate")}, &error);
        QVERIFY(rotation && rotation->second.copyTruncate);
        QVERIFY(!parseFaultArguments({QStringLiteral("stale_site"), QStringLiteral("--duration")}, &error));
        QVERIFY(!parseFaultArguments({QStringLiteral("stale_site"), QStringLiteral("--duration"), QStringLiteral("x")}, &error));
        QVERIFY(!parseFaultArguments({QStringLiteral("nope")}, &error));
        QVERIFY(!parseFaultArguments({}, &error));

        const auto request = parseFaultRequest(faultRequest(FaultKind::StaleSite, spike->second), &error);
        QVERIFY(request);
        QCOMPARE(request->first, FaultKind::StaleSite);
        QCOMPARE(request->second.durationS, 10);
        QVERIFY(!parseFaultRequest(QJsonObject{{QStringLiteral("fault"), QStringLiteral("zzz")}}, &error));
    }

    void faultDefaults()
    {
        const FaultArgs late = withDefaults(FaultKind::LateCut, {}, 60);
        QVERIFY(late.delayS > 60); // past the one-minute rule
        const FaultArgs spike = withDefaults(FaultKind::TrafficSpike, {}, 60);
        QVERIFY(spike.factor > 1 && spike.durationS > 0);
        FaultArgs huge;
        huge.factor = 1e9;
        huge.durationS = 1 << 30;
        const FaultArgs bounded = withDefaults(FaultKind::TrafficSpike, huge, 60);
        QVERIFY(bounded.factor <= 50 && bounded.durationS <= 24 * 3600);
    }

    void missingProgramsNamesTheDebianPackages()
    {
        QCOMPARE(Sandbox::missingProgramsMessage([](const QString &) { return true; }), QString());
        const QString message = Sandbox::missingProgramsMessage(
            [](const QString &program) { return program != QLatin1String("nginx") && program != QLatin1String("sshd"); });
        QVERIFY(message.contains(QLatin1String("nginx-light")));
        QVERIFY(message.contains(QLatin1String("openssh-server")));
        QVERIFY(!message.contains(QLatin1String("rsync")));
    }
};

QTEST_GUILESS_MAIN(TestSandboxData)
#include "tst_sandbox_data.moc"
