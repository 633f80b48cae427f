#include "pages/cuts/CutsCharts.h"
#include "pages/cuts/CutsHeader.h"
#include "pages/cuts/CutsPage.h"
#include "pages/cuts/CutsStatus.h"
#include "pages/cuts/CutsTableModel.h"

#include "cuts/CutMonitor.h"
#include "store/Store.h"
#include "StoreSupport.h"
#include "store/StoreThread.h"

#include "NginxFixture.h"
#include "LoopGapMeter.h"
#include "TestEnv.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace difusor;
using namespace difusor::ui;
using cuts::CutMonitor;
using cuts::IncidentKind;
using store::CutRecord;
using store::StoreThread;
using test::NginxFixture;

namespace {

QByteArray sitePage(const QDateTime &cut)
{
    return "<p>Fecha y hora de corte: "
           + cut.toOffsetFromUtc(-6 * 3600).toString(QStringLiteral("dd/MM/yyyy HH:mm")).toUtf8() + " (UTC-6)</p>";
}

// Served files get an old mtime so a rewrite in the same second still changes Last-Modified.
void ageFile(const QString &path)
{
    QFile file(path);
    if (file.open(QIODevice::ReadWrite))
        file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-60), QFileDevice::FileModificationTime);
}

QDateTime minuteFloor(const QDateTime &t)
{
    const qint64 ms = t.toMSecsSinceEpoch();
    return QDateTime::fromMSecsSinceEpoch(ms - ms % 60000, Qt::UTC);
}

CutRecord cutRecord(const QDateTime &cut, const QDateTime &arrived)
{
    CutRecord r;
    r.package = cut.toOffsetFromUtc(-6 * 3600).toString(QStringLiteral("yyyyMMdd_HHmm")) + QStringLiteral("_PREP_DIP_LOC_DGO");
    r.cutTimeUtc = cut;
    r.arrivedConsoleUtc = arrived;
    r.detectedUtc = QDateTime::currentDateTimeUtc();
    r.size = 1000;
    return r;
}

QString cell(const CutsTableModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

struct OpenStore
{
    QTemporaryDir dir{test::tempTemplate()};
    QString path = dir.filePath(QStringLiteral("cortes.sqlite"));
    StoreThread thread;
    store::ServerStore server; // the test server's part of the store
    bool open()
    {
        QSignalSpy opened(&thread, &StoreThread::opened);
        thread.open(path);
        if (!opened.wait(10000) || !opened.first().at(0).toBool())
            return false;
        server = test::identifyServer(thread);
        return server.isValid();
    }
};

// Hands the page its monitor, as a connection does, and waits for the store's history to be shown.
bool attachAndLoadHistory(CutsPage &page, CutMonitor &monitor)
{
    QSignalSpy loaded(&page, &CutsPage::historyLoaded);
    page.setMonitor(&monitor, QStringLiteral("prueba"));
    return loaded.wait(5000);
}

} // namespace

class TestCutsPage final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void statusWords_data()
    {
        QTest::addColumn<bool>("monitoring");
        QTest::addColumn<bool>("anyCut");
        QTest::addColumn<QList<int>>("kinds");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("level");
        using L = CutsStatus::Level;
        QTest::newRow("off") << false << false << QList<int>{} << QStringLiteral("Sin vigilancia") << int(L::Off);
        QTest::newRow("waiting") << true << false << QList<int>{} << QStringLiteral("Esperando el primer corte")
                                 << int(L::Waiting);
        QTest::newRow("ok") << true << true << QList<int>{} << QStringLiteral("En tiempo") << int(L::Ok);
        QTest::newRow("lag") << true << true << QList<int>{int(IncidentKind::Lag)}
                             << QStringLiteral("Desfase > 60 s") << int(L::Alarm);
        QTest::newRow("late beats lag") << true << true
                                        << QList<int>{int(IncidentKind::Lag), int(IncidentKind::LateCut)}
                                        << QStringLiteral("Corte atrasado") << int(L::Alarm);
        QTest::newRow("stale beats late") << true << true
                                          << QList<int>{int(IncidentKind::LateCut), int(IncidentKind::StaleSite)}
                                          << QStringLiteral("Sitio desactualizado") << int(L::Alarm);
        QTest::newRow("skew warns") << true << true << QList<int>{int(IncidentKind::ClockSkew)}
                                    << QStringLiteral("Reloj del servidor desfasado") << int(L::Warning);
    }
    void unwatchedFolderIsNeverOnTime()
    {
        const QString why = QStringLiteral("la vigilancia falló");
        CutsStatus s = evaluateCutsStatus(true, true, {}, 60000, why);
        QCOMPARE(s.text, QStringLiteral("Carpeta sin vigilar"));
        QCOMPARE(int(s.level), int(CutsStatus::Level::Warning));
        QCOMPARE(s.detail, why);
        cuts::Incident late;
        late.id = 1;
        late.kind = IncidentKind::LateCut;
        s = evaluateCutsStatus(true, true, {late}, 60000, why);
        QCOMPARE(s.text, QStringLiteral("Corte atrasado")); // an alarm still comes first
        QCOMPARE(s.others, QStringList{QStringLiteral("Carpeta sin vigilar")});

        CutsPage page;
        CutMonitor monitor(cuts::RuleConfig{}, cuts::LagProbeConfig{}, store::ServerStore{});
        page.setMonitor(&monitor);
        page.setWatcherText(why, true);
        QCOMPARE(page.header()->statusText(), QStringLiteral("Carpeta sin vigilar"));
        page.setWatcherText(QStringLiteral("vigilada"), false);
        QCOMPARE(page.header()->statusText(), QStringLiteral("Esperando el primer corte"));
    }

    void statusWords()
    {
        QFETCH(bool, monitoring);
        QFETCH(bool, anyCut);
        QFETCH(QList<int>, kinds);
        QFETCH(QString, text);
        QFETCH(int, level);
        QList<cuts::Incident> open;
        for (int k : kinds) {
            cuts::Incident i;
            i.id = quint64(open.size() + 1);
            i.kind = IncidentKind(k);
            i.opened = QDateTime::currentDateTimeUtc();
            open.append(i);
        }
        const CutsStatus s = evaluateCutsStatus(monitoring, anyCut, open, 60000);
        QCOMPARE(s.text, text);
        QCOMPARE(int(s.level), level);
        QCOMPARE(s.others.size(), qMax<qsizetype>(0, kinds.size() - 1));
    }

    void timelineCountsSlotsArrivalsAndMissing()
    {
        CutsTimelineChart chart;
        chart.setRules(1000, 500); // a cut every second, 0.5 s of margin
        const QDateTime a0 = QDateTime::currentDateTimeUtc().addSecs(-60);
        const QDateTime cut0 = minuteFloor(a0);
        chart.setArrivals({{a0, cut0}}, a0.addMSecs(5000));
        // Slots 0 … 6 from the first arrival (6 is due next); 1 … 4 passed slot + margin with nothing.
        QCOMPARE(chart.expectedCount(), 7);
        QCOMPARE(chart.arrivalCount(), 1);
        QCOMPARE(chart.missingCount(), 4);
        chart.addArrival(a0.addMSecs(2300), cut0.addSecs(60)); // slot 2, 0.3 s late
        QCOMPARE(chart.arrivalCount(), 2);
        QCOMPARE(chart.missingCount(), 3);
        chart.tick(a0.addMSecs(9000)); // deadlines passed up to slot 8: 1, 3 … 8 had nothing
        QCOMPARE(chart.expectedCount(), 11);
        QCOMPARE(chart.missingCount(), 7);
        chart.tick(a0.addMSecs(60000)); // the window slides: slots 30 … 61, of which 30 … 59 are missed
        QCOMPARE(chart.expectedCount(), CutsTimelineChart::windowSlots);
        QCOMPARE(chart.arrivalCount(), 0);
        QCOMPARE(chart.missingCount(), 30);
        // A cut after a long silence starts a new grid on its own arrival.
        chart.addArrival(a0.addMSecs(100400), cut0.addSecs(120));
        QCOMPARE(chart.arrivalCount(), 1);
        QCOMPARE(chart.missingCount(), 0);
        QCOMPARE(chart.expectedCount(), 2); // its own slot and the next one
    }

    void historyFromTheStoreNewestFirst()
    {
        OpenStore s;
        QVERIFY(s.open());
        const QDateTime base = minuteFloor(QDateTime::currentDateTimeUtc()).addSecs(-10 * 60);
        {
            store::Store writer;
            QVERIFY(writer.open(s.path));
            writer.setServer(s.server.server());
            for (int i = 0; i < 5; ++i) {
                const QDateTime cut = base.addSecs(i * 60);
                QVERIFY(writer.insertCut(cutRecord(cut, cut.addSecs(20))));
                QVERIFY(writer.recordSighting({QStringLiteral("official"), cut, cut.addSecs(30)}));
                // Cut 3 reached our site 75 s after the official one: over the 60 s rule.
                QVERIFY(writer.recordSighting({QStringLiteral("difusor"), cut, cut.addSecs(i == 3 ? 105 : 32)}));
            }
            // The official site showed a cut that never reached our disk.
            QVERIFY(writer.recordSighting({QStringLiteral("official"), base.addSecs(5 * 60), base.addSecs(5 * 60 + 30)}));
        }
        CutsPage page;
        CutMonitor monitor(cuts::RuleConfig{}, cuts::LagProbeConfig{}, s.server);
        QVERIFY(attachAndLoadHistory(page, monitor));
        CutsTableModel &model = *page.model();
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.cutRow(0).cutUtc, base.addSecs(5 * 60));
        QCOMPARE(cell(model, 0, CutsTableModel::Status), QStringLiteral("No llegó al servidor"));
        QCOMPARE(model.cutRow(5).cutUtc, base);
        QCOMPARE(cell(model, 1, CutsTableModel::Lag), QStringLiteral("2.0 s"));
        QCOMPARE(cell(model, 1, CutsTableModel::Status), QStringLiteral("En tiempo"));
        QCOMPARE(cell(model, 2, CutsTableModel::Lag), QStringLiteral("1 min 15 s"));
        // The header shows a measured lag the way the table does.
        QCOMPARE(lagText(3300), QStringLiteral("3.3 s"));
        QCOMPARE(lagText(-400), QStringLiteral("−0.4 s"));
        QCOMPARE(lagText(75000), QStringLiteral("1 min 15 s"));
        QCOMPARE(cell(model, 2, CutsTableModel::Status), QStringLiteral("Desfase > 60 s"));
        QVERIFY(model.headerData(CutsTableModel::CutTime, Qt::Horizontal).toString().contains(QStringLiteral("UTC-6")));
        // Shown in Central Mexico time whatever the machine's zone is.
        QCOMPARE(cell(model, 5, CutsTableModel::CutTime),
                 base.toOffsetFromUtc(-6 * 3600).toString(QStringLiteral("dd/MM HH:mm")));
        QCOMPARE(page.lagChart()->lagCount(), 5);
        QCOMPARE(page.lagChart()->overCount(), 1);
        QCOMPARE(page.timeline()->arrivalCount(), 5);
        QCOMPARE(page.header()->cutText(), base.addSecs(4 * 60).toOffsetFromUtc(-6 * 3600).toString(QStringLiteral("HH:mm")));
        QCOMPARE(page.header()->statusText(), QStringLiteral("En tiempo"));
        // The newest official cut (never on our disk) is not on our site: the lag is still running.
        QVERIFY2(page.header()->lagText().contains(QStringLiteral("min")), qPrintable(page.header()->lagText()));
        auto *info = page.findChild<QLabel *>(QStringLiteral("cutsInfo"));
        QVERIFY(info);
        QVERIFY2(info->text().contains(QStringLiteral("antes de este servidor")), qPrintable(info->text()));
    }

    void skippedSlotGetsALineLiveAndFromHistory()
    {
        OpenStore s;
        QVERIFY(s.open());
        const QDateTime base = minuteFloor(QDateTime::currentDateTimeUtc()).addSecs(-10 * 60);
        {
            store::Store writer;
            QVERIFY(writer.open(s.path));
            writer.setServer(s.server.server());
            QVERIFY(writer.insertCut(cutRecord(base, base.addSecs(20))));
            QVERIFY(writer.insertCut(cutRecord(base.addSecs(120), base.addSecs(140))));
            store::IncidentRecord skipped;
            skipped.kind = QStringLiteral("skipped_cut");
            skipped.subject = base.addSecs(60).toString(Qt::ISODateWithMs);
            skipped.openedUtc = base.addSecs(140);
            skipped.detectedUtc = base.addSecs(140);
            QVERIFY(writer.raiseIncident(skipped));
            QVERIFY(writer.clearIncident(skipped.kind, skipped.subject, base.addSecs(141)));
        }
        CutsPage page;
        CutMonitor monitor(cuts::RuleConfig{}, cuts::LagProbeConfig{}, s.server);
        QVERIFY(attachAndLoadHistory(page, monitor));
        CutsTableModel &model = *page.model();
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.cutRow(1).cutUtc, base.addSecs(60));
        QCOMPARE(cell(model, 1, CutsTableModel::Status), QStringLiteral("Omitido"));
        QCOMPARE(cell(model, 1, CutsTableModel::Arrival), QStringLiteral("—"));

        // Live: the slot gets its line; if the cut turns up after all, the line says what it became.
        const QDateTime late = base.addSecs(180);
        model.markSkipped(late);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(cell(model, 0, CutsTableModel::Status), QStringLiteral("Omitido"));
        model.addCut(cutRecord(late, late.addSecs(200)));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(cell(model, 0, CutsTableModel::Status), QStringLiteral("En el servidor, sin publicar"));

        // Two slots missing in a row: the incident names the first; both get a line, the cut after none.
        model.addCut(cutRecord(base.addSecs(360), base.addSecs(380)));
        model.markSkippedRun(base.addSecs(240));
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(model.rowOf(base.addSecs(240)), 2);
        QCOMPARE(model.rowOf(base.addSecs(300)), 1);
        QCOMPARE(cell(model, 1, CutsTableModel::Status), QStringLiteral("Omitido"));
        QCOMPARE(cell(model, 2, CutsTableModel::Status), QStringLiteral("Omitido"));
        QCOMPARE(cell(model, 0, CutsTableModel::Status), QStringLiteral("En el servidor, sin publicar"));
    }

    void liveCutsLagAndLateChangeTheHeader()
    {
        DIFUSOR_REQUIRE_PROGRAM(nginxProgram, "nginx");
        NginxFixture nginx;
        QString error;
        QVERIFY2(nginx.start(nginxProgram, false, &error), qPrintable(error));
        const QDateTime cutA = minuteFloor(QDateTime::currentDateTimeUtc()).addSecs(-120);
        const QDateTime cutB = cutA.addSecs(60);
        // Already showing when the probe starts: that cut's lag is not measured (never a made-up 0).
        for (const QString &site : {QStringLiteral("official"), QStringLiteral("difusor")}) {
            QVERIFY(nginx.writeFile(site, QStringLiteral("index.html"), sitePage(cutA.addSecs(-60))));
            ageFile(nginx.filePath(site, QStringLiteral("index.html")));
        }
        OpenStore s;
        QVERIFY(s.open());

        cuts::RuleConfig rules;
        rules.cutIntervalMs = 60 * 1000;
        rules.lateMarginMs = 1000;
        rules.maxLagMs = 2000;
        cuts::LagProbeConfig probe;
        probe.officialUrl = nginx.url(QStringLiteral("official"), QStringLiteral("index.html"));
        probe.difusorUrl = nginx.url(QStringLiteral("difusor"), QStringLiteral("index.html"));
        probe.normalIntervalMs = 500;
        probe.fastIntervalMs = 100;
        CutMonitor monitor(rules, probe, s.server);

        CutsPage page;
        page.resize(1200, 800);
        page.show();
        QVERIFY(attachAndLoadHistory(page, monitor));
        QCOMPARE(page.model()->rowCount(), 0);
        QCOMPARE(page.header()->statusText(), QStringLiteral("Esperando el primer corte"));
        QSignalSpy lags(&monitor, &CutMonitor::lagRecorded);
        QSignalSpy inserted(page.model(), &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(page.model(), &QAbstractItemModel::modelReset);
        monitor.start();
        QTest::qWait(1200); // the probe has looked at both sites
        for (const QString &site : {QStringLiteral("official"), QStringLiteral("difusor")}) {
            QVERIFY(nginx.writeFile(site, QStringLiteral("index.html"), sitePage(cutA)));
            ageFile(nginx.filePath(site, QStringLiteral("index.html")));
        }
        QTRY_COMPARE_WITH_TIMEOUT(lags.size(), 1, 8000); // both sites show A

        // A arrived 61.5 s ago and nothing since: past cadence + margin, the next tick opens "late".
        const QDateTime now = QDateTime::currentDateTimeUtc();
        monitor.cutArrived(cutRecord(cutA, now.addMSecs(-61500)), 100);
        QTRY_COMPARE_WITH_TIMEOUT(page.header()->statusText(), QStringLiteral("Corte atrasado"), 4000);
        QCOMPARE(int(page.header()->status().level), int(CutsStatus::Level::Alarm));
        if (const QString grab = qEnvironmentVariable("DIFUSOR_TEST_GRAB"); !grab.isEmpty())
            page.grab().save(grab + QStringLiteral("/cuts-late.png"));
        // A, and the cut both sites showed before watching (seen on the sites, never on our disk here).
        QCOMPARE(page.model()->rowCount(), 2);
        QCOMPARE(cell(*page.model(), 0, CutsTableModel::Status), QStringLiteral("En tiempo"));
        QVERIFY(!page.model()->cutRow(1).lagMs()); // not measured: no lag, never 0
        QCOMPARE(page.header()->cutText(), cutA.toOffsetFromUtc(-6 * 3600).toString(QStringLiteral("HH:mm")));

        // B lands: "late" closes; the official site shows B, ours only 3 s later (limit 2 s).
        monitor.cutArrived(cutRecord(cutB, QDateTime::currentDateTimeUtc()), 150);
        QTRY_COMPARE_WITH_TIMEOUT(page.header()->statusText(), QStringLiteral("En tiempo"), 4000);
        QCOMPARE(page.model()->rowCount(), 3);
        QCOMPARE(page.model()->cutRow(0).cutUtc, cutB); // newest first
        QVERIFY(nginx.writeFile(QStringLiteral("official"), QStringLiteral("index.html"), sitePage(cutB)));
        QTRY_COMPARE_WITH_TIMEOUT(cell(*page.model(), 0, CutsTableModel::Status),
                                  QStringLiteral("Falta en nuestro sitio"), 3000);
        QTRY_COMPARE_WITH_TIMEOUT(page.header()->statusText(), QStringLiteral("Desfase > 2 s"), 4000);
        // DIFUSOR_TEST_GRAB=folder: pictures of the alarm states, to look at them as a user would.
        if (const QString grab = qEnvironmentVariable("DIFUSOR_TEST_GRAB"); !grab.isEmpty())
            page.grab().save(grab + QStringLiteral("/cuts-lag.png"));
        QVERIFY(nginx.writeFile(QStringLiteral("difusor"), QStringLiteral("index.html"), sitePage(cutB)));
        QTRY_COMPARE_WITH_TIMEOUT(lags.size(), 2, 4000);
        QTRY_COMPARE_WITH_TIMEOUT(page.header()->statusText(), QStringLiteral("En tiempo"), 4000);
        QCOMPARE(cell(*page.model(), 0, CutsTableModel::Status), QStringLiteral("Desfase > 2 s"));
        const qint64 lagB = page.model()->cutRow(0).lagMs().value_or(0);
        QVERIFY2(lagB > 2000 && lagB < 6000, qPrintable(QString::number(lagB)));
        QCOMPARE(page.lagChart()->lagCount(), 2);
        QCOMPARE(page.lagChart()->overCount(), 1);
        QCOMPARE(page.timeline()->arrivalCount(), 2);
        QVERIFY(page.timeline()->expectedCount() >= 3);
        // Everything after the history came line by line: no reset of the table.
        QCOMPARE(reset.size(), 0);
        QCOMPARE(inserted.size(), 3); // the cut shown before watching, A, B
        monitor.stop();
    }

    void pageDiesBeforeAMonitorItOwns()
    {
        OpenStore s;
        QVERIFY(s.open());
        auto *page = new CutsPage;
        auto *monitor = new CutMonitor(cuts::RuleConfig{}, cuts::LagProbeConfig{}, s.server, page);
        page->setMonitor(monitor);
        delete page; // the monitor goes with it, after the page's own members
        QTest::qWait(50);
    }

    void tickNeverStallsTheLoop()
    {
        OpenStore s;
        QVERIFY(s.open());
        // A long night: 1000 cuts with sightings, then the page ticks for 5 s.
        const QDateTime base = minuteFloor(QDateTime::currentDateTimeUtc()).addSecs(-1000 * 60);
        {
            store::Store writer;
            QVERIFY(writer.open(s.path));
            writer.setServer(s.server.server());
            for (int i = 0; i < 1000; ++i) {
                const QDateTime cut = base.addSecs(i * 60);
                QVERIFY(writer.insertCut(cutRecord(cut, cut.addSecs(20))));
                if (i % 10 == 0) {
                    QVERIFY(writer.recordSighting({QStringLiteral("official"), cut, cut.addSecs(30)}));
                    QVERIFY(writer.recordSighting({QStringLiteral("difusor"), cut, cut.addSecs(40)}));
                }
            }
        }
        cuts::RuleConfig rules;
        rules.cutIntervalMs = 60 * 1000;
        CutMonitor monitor(rules, cuts::LagProbeConfig{}, s.server);
        CutsPage page;
        page.resize(1400, 900);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy loaded(&page, &CutsPage::historyLoaded);
        {
            // The one heavy step on the GUI thread: 1000 lines in, charts rebuilt, once per connect.
            test::LoopGapMeter loadGap(this);
            page.setMonitor(&monitor, QStringLiteral("prueba"));
            QVERIFY(loaded.wait(10000));
            QTest::qWait(100);
            qInfo("history of 1000 cuts loaded: longest event-loop gap %lld ms (own %lld ms)", loadGap.maxGapMs,
                  loadGap.maxOwnGapMs);
            QVERIFY2(loadGap.maxOwnGapMs < 250, qPrintable(QString::number(loadGap.maxOwnGapMs)));
        }
        QCOMPARE(page.model()->rowCount(), 1000);

        test::LoopGapMeter gap(this);
        const QString before = page.header()->ageText();
        QTest::qWait(5200);
        const QString after = page.header()->ageText();
        qInfo("page ticks for 5.2 s with 1000 cuts: longest event-loop gap %lld ms, own %lld ms (limit 50)",
              gap.maxGapMs, gap.maxOwnGapMs);
        QVERIFY2(gap.maxOwnGapMs < 50, qPrintable(QString::number(gap.maxOwnGapMs)));
        QVERIFY2(before != after, "the age must tick");
    }
};

QTEST_MAIN(TestCutsPage)
#include "tst_cutspage.moc"
