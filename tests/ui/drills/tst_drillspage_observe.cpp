// The "Simulacros" page's second mode, the observe-only "simulacro oficial", against a real sandbox
// (sshd, rsync, nginx on 127.0.0.1, a 5 s night) and a real store, driven through the page's own
// widgets: the window shown and read in UTC-6 (the official dates 18:00–24:00); a server that cannot be
// reached says so on the page; the pre-flight's six items appear with their verdicts and evidence; a
// short window on a profile that is NOT the sandbox's (observing needs no ground truth) runs from the
// button, with live figures, to a report with cuts received and nothing injected; the drill is in the
// history and opens there; the report is saved 0600; a failed pre-flight is said on the start button
// and in the question, and not starting leaves nothing recorded.
#include "DrillFixture.h"
#include "TestEnv.h"

#include "common/MexicoTime.h"
#include "common/Settings.h"
#include "drills/Simulacro.h"
#include "pages/drills/DrillsPage.h"
#include "pages/drills/ObserveViews.h"
#include "store/Store.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QFile>
#include <QFrame>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace difusor;
using namespace difusor::ui;
using namespace difusor::test;

namespace {

constexpr int kWindowS = 35;

bool selectChoice(QComboBox *box, const QString &startsWith)
{
    for (int i = 0; i < box->count(); ++i) {
        if (box->itemText(i).startsWith(startsWith)) {
            box->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

// What a technician types: the wall clock in UTC-6.
QDateTime wallNow(int plusS)
{
    const QDateTime local = QDateTime::currentDateTimeUtc().addSecs(plusS).toTimeZone(mexicoCentralZone());
    return QDateTime(local.date(), local.time(), Qt::UTC);
}

int observeDrills(const QString &storePath)
{
    store::Store direct;
    if (!direct.open(storePath))
        return -1;
    int n = 0;
    for (const store::ServerRecord &server : direct.servers()) {
        direct.setServer(server.id);
        for (const store::DrillRecord &d : direct.drills())
            n += d.target == QLatin1String("observe");
    }
    return n;
}

} // namespace

class TestDrillsPageObserve final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir{tempTemplate()};
    DrillBench m_bench;
    Profile m_production; // the sandbox's server, without ground truth or control channel

    void show(DrillsPage &page, const QList<Profile> &profiles)
    {
        page.setProfileSource([profiles] { return profiles; });
        page.resize(1400, 950);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
    }

    // Clicks "Verificación previa" and waits for its verdicts; the page's own table must show each.
    void preflight(DrillsPage &page, bool *allPassed)
    {
        QSignalSpy done(&page, &DrillsPage::preflightFinished);
        QVERIFY(page.preflightButton()->isEnabled());
        QTest::mouseClick(page.preflightButton(), Qt::LeftButton);
        QVERIFY(page.observeProgressPanel()->isVisible());
        QCOMPARE(page.observeProgressPanel()->preflightTable()->rowCount(), 6);
        QVERIFY(!page.observeStartButton()->isEnabled()); // not before the verdicts
        QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), 40000);
        *allPassed = done.first().first().toBool();
    }

private Q_SLOTS:
    void initTestCase()
    {
        DIFUSOR_REQUIRE_PROGRAM(sshd, "sshd");
        DIFUSOR_REQUIRE_PROGRAM(nginx, "nginx");
        DIFUSOR_REQUIRE_PROGRAM(rsync, "rsync");
        Settings::setInstanceFile(m_dir.filePath(QStringLiteral("settings.ini")));
        QVERIFY2(m_bench.start(m_dir.path()), qPrintable(m_bench.error));
        m_production = m_bench.run.sandbox->profile();
        m_production.name = QStringLiteral("produccion");
        m_production.groundTruth.clear();
        m_production.extra.remove(QStringLiteral("sandbox"));
        m_production.extra.remove(QStringLiteral("sandbox_control"));
        // The rule thresholds for a 5 s night (as tst_drills_observe); a profile that does not say it is a
        // sandbox's must say how far cut time advances per cut (15 min per 5 s here).
        m_production.extra.insert(QStringLiteral("cut_step_s"), 900);
        m_production.extra.insert(QStringLiteral("late_margin_s"), 2.5);
        m_production.extra.insert(QStringLiteral("stale_after_s"), 3.75);
        m_production.extra.insert(QStringLiteral("poll_interval_ms"), 500);
        m_production.extra.insert(QStringLiteral("fast_poll_interval_ms"), 250);
        m_production.extra.insert(QStringLiteral("traffic_window_s"), 10);
        m_production.extra.insert(QStringLiteral("traffic_silent_after_s"), 20);
        // The page's flows with the stored check only (tst_drills_observe runs the check itself).
        m_production.extra.insert(QStringLiteral("preflight_runs_check"), false);
        // A few cuts before the pre-flight, so our site has one to show ("last cut" can then pass).
        QTest::qWait(2 * 5 * 1000);
    }

    void cleanupTestCase() { m_bench.stop(); }

    void windowIsShownInCentralMexicoTime()
    {
        DrillsPage page(m_bench.store.get());
        show(page, {m_production});
        QVERIFY(page.faultsModeButton()->isChecked());
        QVERIFY(!page.preflightButton()->isVisible());
        QTest::mouseClick(page.observeModeButton(), Qt::LeftButton, {}, QPoint(8, page.observeModeButton()->height() / 2)); // on the indicator
        QCOMPARE(page.mode(), DrillsPage::Mode::Observe);
        QVERIFY(page.preflightButton()->isVisible());
        QVERIFY(!page.startButton()->isVisible()); // the fault rehearsal's button is not this mode's
        QVERIFY(!page.observeStartButton()->isEnabled());
        QVERIFY2(page.observeStartButton()->text().contains(QStringLiteral("primero la verificación previa")),
                 qPrintable(page.observeStartButton()->text()));
        QVERIFY(page.observeNameEdit()->text().startsWith(QStringLiteral("Simulacro ")));

        // The first official date: 19 May 2024, 18:00 to 24:00 UTC-6 (00:00 to 06:00 UTC the next day).
        QVERIFY(selectChoice(page.observeWindowChoice(), QStringLiteral("Oficial: 19/05/2024")));
        QCOMPARE(page.observeFromEdit()->text(), QStringLiteral("19/05/2024 18:00:00"));
        QCOMPARE(page.observeToEdit()->text(), QStringLiteral("20/05/2024 00:00:00"));
        QCOMPARE(page.observeWindow().startUtc, QDateTime(QDate(2024, 5, 20), QTime(0, 0), Qt::UTC));
        QCOMPARE(page.observeWindow().endUtc, QDateTime(QDate(2024, 5, 20), QTime(6, 0), Qt::UTC));
        QCOMPARE(page.observeNameEdit()->text(), QStringLiteral("Simulacro 19/05/2024"));
        // A hand edit, read back as UTC-6 whatever the machine's zone; the choice says "Personalizada".
        page.observeFromEdit()->setDateTime(QDateTime(QDate(2024, 5, 26), QTime(19, 30), Qt::UTC));
        QCOMPARE(page.observeWindowChoice()->currentText(), QStringLiteral("Personalizada"));
        QCOMPARE(page.observeWindow().startUtc, QDateTime(QDate(2024, 5, 27), QTime(1, 30), Qt::UTC));
        // "Ahora, durante…": from now in UTC-6.
        QVERIFY(selectChoice(page.observeWindowChoice(), QStringLiteral("Ahora")));
        page.observeMinutes()->setValue(5);
        const QDateTime shown = QDateTime::fromString(page.observeFromEdit()->text(), QStringLiteral("dd/MM/yyyy HH:mm:ss"));
        QVERIFY(std::llabs(shown.secsTo(QDateTime(wallNow(0).date(), wallNow(0).time()))) <= 5);
        QCOMPARE(page.observeWindow().durationMs(), 5 * 60 * 1000);
    }

    void unreachableServerIsSaidOnThePage()
    {
        Profile nowhere = m_production;
        nowhere.name = QStringLiteral("apagado");
        nowhere.port = 1; // nothing listens there
        DrillsPage page(m_bench.store.get());
        show(page, {nowhere});
        page.setMode(DrillsPage::Mode::Observe);
        QSignalSpy finished(&page, &DrillsPage::drillFinished);
        QTest::mouseClick(page.preflightButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
        QCOMPARE(finished.first().at(1).toInt(), 3);
        QVERIFY(page.observeReportPanel()->isVisible());
        QVERIFY2(page.observeReportPanel()->headline()->text().contains(QStringLiteral("sin conexión")),
                 qPrintable(page.observeReportPanel()->headline()->text()));
        QVERIFY(page.banner()->isVisible());
        QVERIFY(page.banner()->text().startsWith(QStringLiteral("✖")));
        qInfo("banner: %s", qPrintable(page.banner()->text()));
        QVERIFY(page.preflightButton()->isEnabled()); // it may be tried again
        QCOMPARE(observeDrills(m_bench.storePath), 0); // nothing recorded
    }

    void preflightStartReportAndHistory()
    {
        DrillsPage page(m_bench.store.get());
        show(page, {m_production});
        page.operatorEdit()->setText(QStringLiteral("Ana"));
        QTest::mouseClick(page.observeModeButton(), Qt::LeftButton, {}, QPoint(8, page.observeModeButton()->height() / 2)); // on the indicator
        QVERIFY(page.selectServer(QStringLiteral("produccion")));
        const QString name = QStringLiteral("Simulacro de prueba %1").arg(QDateTime::currentMSecsSinceEpoch() % 100000);
        page.observeNameEdit()->setText(name);
        QElapsedTimer clock;
        clock.start();

        bool allPassed = false;
        preflight(page, &allPassed);
        qInfo("pre-flight in %lld ms", clock.elapsed());
        // Six verdicts with their evidence; no check run is stored for this server yet: that one is
        // unknown (not a failure), the rest pass on a healthy sandbox.
        QTableWidget *items = page.observeProgressPanel()->preflightTable();
        for (int row = 0; row < 6; ++row) {
            qInfo("  %s | %s | %s | %s", qPrintable(items->item(row, 0)->text()), qPrintable(items->item(row, 1)->text()),
                  qPrintable(items->item(row, 2)->text()), qPrintable(items->item(row, 3)->text()));
            QVERIFY(items->item(row, 2)->text() != QStringLiteral("—")); // when it was decided (UTC-6)
            QVERIFY(!items->item(row, 3)->text().isEmpty());                // the evidence
        }
        QCOMPARE(items->item(0, 0)->text(), QStringLiteral("? sin dato"));
        for (int row = 1; row < 6; ++row)
            QCOMPARE(items->item(row, 0)->text(), QStringLiteral("✔ bien"));
        QVERIFY(!allPassed);
        QVERIFY(page.observeStartButton()->isEnabled());
        QVERIFY2(page.observeStartButton()->text().contains(QStringLiteral("sin dato")), qPrintable(page.observeStartButton()->text()));
        QCOMPARE(observeDrills(m_bench.storePath), 0); // a pre-flight records nothing

        // A short window from now, typed in UTC-6; the question on the page, then the start.
        page.observeFromEdit()->setDateTime(wallNow(0));
        page.observeToEdit()->setDateTime(wallNow(kWindowS));
        QTest::mouseClick(page.observeStartButton(), Qt::LeftButton);
        QVERIFY(page.confirmation()->isVisible());
        const QString question = page.confirmationText()->text();
        qInfo("question: %s", qPrintable(question));
        QVERIFY(question.contains(name));
        QVERIFY(question.contains(QStringLiteral("«produccion»")));
        QVERIFY(question.contains(QStringLiteral("Solo observa")));
        QVERIFY(question.contains(QStringLiteral("(UTC-6)")));
        QVERIFY(question.contains(QStringLiteral("sin dato")));
        QSignalSpy finished(&page, &DrillsPage::drillFinished);
        QTest::mouseClick(page.confirmButton(), Qt::LeftButton);
        ObserveProgress *progress = page.observeProgressPanel();
        QVERIFY(progress->isVisible());
        QVERIFY(page.isRunning());
        QVERIFY(!page.preflightButton()->isEnabled());
        QVERIFY(progress->stopButton()->isEnabled());

        // While it runs: live figures every 5 s, elapsed and remaining.
        QTRY_VERIFY_WITH_TIMEOUT(progress->liveUpdates() >= 2, 20000);
        qInfo("live: %s | %s | %s", qPrintable(progress->figures()->cuts()->text()), qPrintable(progress->figures()->lag()->text()),
              qPrintable(progress->clock()->text()));
        QVERIFY(progress->figures()->cuts()->text().contains(QStringLiteral("recibidos")));
        QVERIFY(progress->figures()->lag()->text().contains(QStringLiteral("límite 60 s")));
        QVERIFY(progress->clock()->text().contains(QStringLiteral("quedan")));
        QVERIFY(progress->clock()->text().contains(QStringLiteral("(UTC-6)")));

        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), (kWindowS + 25) * 1000);
        qInfo("pre-flight to report: %lld ms", clock.elapsed());
        const QJsonObject report = finished.first().first().toJsonObject();
        qInfo("report: %s", QJsonDocument(report).toJson(QJsonDocument::Compact).left(600).constData());
        QCOMPARE(report.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(finished.first().at(1).toInt(), 0);
        QCOMPARE(report.value(QStringLiteral("faults_injected")).toInt(), 0);
        const int received = report[QLatin1String("cuts")][QLatin1String("received")].toInt();
        qInfo("cuts: expected %d, received %d, late %d, missing %d; lag max %.3f s", report[QLatin1String("cuts")][QLatin1String("expected")].toInt(),
              received, report[QLatin1String("cuts")][QLatin1String("late")].toInt(), report[QLatin1String("cuts")][QLatin1String("missing")].toInt(),
              report[QLatin1String("lag")][QLatin1String("max_s")].toDouble());
        QVERIFY(received >= 4); // a cut every 5 s in about 30 s observed
        QCOMPARE(report[QLatin1String("drill")][QLatin1String("operator")].toString(), QStringLiteral("Ana"));
        QCOMPARE(report[QLatin1String("drill")][QLatin1String("profile")].toString(), QStringLiteral("produccion"));

        // The report on the page.
        ObserveReport *shown = page.observeReportPanel();
        QVERIFY(shown->isVisible());
        QVERIFY(!page.isRunning());
        QVERIFY2(shown->headline()->text().contains(name), qPrintable(shown->headline()->text()));
        QVERIFY2(shown->headline()->text().startsWith(QStringLiteral("✔")), qPrintable(shown->headline()->text()));
        QVERIFY2(shown->figures()->cuts()->text().contains(QStringLiteral("recibidos %1").arg(received)),
                 qPrintable(shown->figures()->cuts()->text()));
        QVERIFY2(shown->verdict()->text().startsWith(QStringLiteral("✔ Regla del minuto cumplida")), qPrintable(shown->verdict()->text()));
        QVERIFY(shown->details()->text().contains(QStringLiteral("fallas inyectadas: 0")));
        QCOMPARE(shown->preflightTable()->rowCount(), 6);

        // In the history, newest first; selecting it shows its report as the store kept it.
        QTRY_VERIFY(!page.pastDrills().isEmpty() && page.pastDrills().first().target == QLatin1String("observe"));
        QCOMPARE(page.pastDrills().first().title, name);
        QCOMPARE(page.historyTable()->item(0, 1)->text(), QStringLiteral("oficial: %1").arg(name));
        QCOMPARE(page.historyTable()->item(0, 2)->text(), QStringLiteral("produccion"));
        QCOMPARE(page.historyTable()->item(0, 5)->text(), QStringLiteral("Ana"));
        shown->setReport({});
        page.historyTable()->selectRow(0);
        QTRY_VERIFY(shown->isVisible());
        QCOMPARE(shown->report().value(QStringLiteral("cuts")).toObject(), report.value(QStringLiteral("cuts")).toObject());
        QVERIFY(shown->figures()->cuts()->text().contains(QStringLiteral("recibidos %1").arg(received)));

        // "Guardar JSON": 0600, the whole report.
        const QString path = m_dir.filePath(QStringLiteral("informe.json"));
        QSignalSpy saved(shown, &ObserveReport::saved);
        shown->saveTo(path);
        QTRY_COMPARE(saved.size(), 1);
        QVERIFY(saved.first().at(1).toBool());
        QVERIFY(page.banner()->text().contains(path));
        QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther), QFile::Permissions());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject written = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(written[QLatin1String("cuts")][QLatin1String("received")].toInt(), received);
        QCOMPARE(written.value(QStringLiteral("faults_injected")).toInt(), 0);
    }

    void failedPreflightIsSaidAndNotStartingRecordsNothing()
    {
        // An infrastructure check with a failure, saved for this server as `check` would.
        {
            store::Store direct;
            QVERIFY(direct.open(m_bench.storePath));
            const QList<store::ServerRecord> servers = direct.servers();
            QCOMPARE(servers.size(), 1);
            direct.setServer(servers.first().id);
            store::CheckRunRecord check;
            check.profileName = m_production.name;
            check.host = QStringLiteral("127.0.0.1");
            check.startedUtc = QDateTime::currentDateTimeUtc();
            check.requirementsId = QStringLiteral("prueba");
            check.results = QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("disk")}, {QStringLiteral("title"), QStringLiteral("Disco libre")},
                                                   {QStringLiteral("status"), QStringLiteral("fail")}}};
            QVERIFY(direct.addCheckRun(check));
        }
        const int before = observeDrills(m_bench.storePath);
        DrillsPage page(m_bench.store.get());
        show(page, {m_production});
        page.setMode(DrillsPage::Mode::Observe);
        bool allPassed = true;
        preflight(page, &allPassed);
        QVERIFY(!allPassed);
        QCOMPARE(page.observeProgressPanel()->preflightTable()->item(0, 0)->text(), QStringLiteral("✖ falla"));
        QVERIFY(page.observeProgressPanel()->preflightTable()->item(0, 3)->text().contains(QStringLiteral("Disco libre")));
        QVERIFY(page.observeProgressPanel()->preflightSummary()->text().startsWith(QStringLiteral("✖")));
        // The start button says it plainly; the question lists the failure; the technician may still start.
        QVERIFY(page.observeStartButton()->isEnabled());
        QVERIFY2(page.observeStartButton()->text().contains(QStringLiteral("pese a 1 falla")), qPrintable(page.observeStartButton()->text()));
        QVERIFY(page.banner()->text().startsWith(QStringLiteral("✖")));
        QTest::mouseClick(page.observeStartButton(), Qt::LeftButton);
        QVERIFY(page.confirmation()->isVisible());
        QVERIFY2(page.confirmationText()->text().contains(QStringLiteral("⚠ La verificación previa falló en 1")),
                 qPrintable(page.confirmationText()->text()));
        QVERIFY(page.confirmationText()->text().contains(QStringLiteral("no cumplido")));
        // "No iniciar": nothing recorded, the pre-flight still there to start from.
        QTest::mouseClick(page.cancelButton(), Qt::LeftButton);
        QVERIFY(page.confirmation()->isHidden());
        QVERIFY(page.observeStartButton()->isEnabled());
        QTest::qWait(1000);
        QCOMPARE(observeDrills(m_bench.storePath), before);
        QVERIFY(page.simulacro());
        QCOMPARE(page.simulacro()->state(), drills::Simulacro::State::Ready);
    }
};

QTEST_MAIN(TestDrillsPageObserve)
#include "tst_drillspage_observe.moc"
