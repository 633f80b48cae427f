// The "Simulacros" page against a real sandbox (sshd, rsync, nginx on 127.0.0.1, a 5 s night) and a
// real store: the built-ins are listed; a scenario file is validated on the page (every problem named)
// or joins the list; a fault scenario on a profile that is not the sandbox's is refused with the
// runner's words and nothing runs; a past drill of another server is listed with its date in UTC-6
// and shows its report; late_cut runs from the button (confirmation on the page) through the live
// panel to a report with score 1.00, acknowledged on the real "Incidentes" page (its tta shown), and
// its journal is saved 0600; a drill stopped from the page still runs its rollback.
#include "DrillFixture.h"
#include "TestEnv.h"

#include "common/Settings.h"
#include "drills/BuiltinScenarios.h"
#include "drills/DrillRunner.h"
#include "pages/drills/DrillProgress.h"
#include "pages/drills/DrillReport.h"
#include "pages/drills/DrillsPage.h"
#include "pages/drills/ObserveViews.h"
#include "pages/incidents/IncidentNoteEditor.h"
#include "pages/incidents/IncidentsPage.h"
#include "store/Store.h"

#include <QComboBox>
#include <QFile>
#include <QFrame>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace difusor;
using namespace difusor::ui;
using namespace difusor::test;

namespace {

QStringList column(const QTableWidget *table, int c)
{
    QStringList cells;
    for (int row = 0; row < table->rowCount(); ++row)
        cells << (table->item(row, c) ? table->item(row, c)->text() : QString());
    return cells;
}

} // namespace

class TestDrillsPage final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir{tempTemplate()};
    DrillBench m_bench;
    Profile m_sandbox;    // the sandbox's own profile
    Profile m_production; // the same server without ground truth or control channel

    int faultStarts() const { return int(eventsNamed(m_bench.run.truth(), QStringLiteral("fault_start")).size()); }

    void show(DrillsPage &page, const QList<Profile> &profiles)
    {
        page.setProfileSource([profiles] { return profiles; });
        page.resize(1400, 900);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
    }

private Q_SLOTS:
    void initTestCase()
    {
        DIFUSOR_REQUIRE_PROGRAM(sshd, "sshd");
        DIFUSOR_REQUIRE_PROGRAM(nginx, "nginx");
        DIFUSOR_REQUIRE_PROGRAM(rsync, "rsync");
        Settings::setInstanceFile(m_dir.filePath(QStringLiteral("settings.ini")));
        QVERIFY2(m_bench.start(m_dir.path()), qPrintable(m_bench.error));
        m_sandbox = m_bench.run.sandbox->profile();
        m_sandbox.name = QStringLiteral("ensayo");
        m_production = m_sandbox;
        m_production.name = QStringLiteral("produccion");
        m_production.groundTruth.clear();
        m_production.extra.remove(QStringLiteral("sandbox"));
        m_production.extra.remove(QStringLiteral("sandbox_control"));
    }

    void cleanupTestCase() { m_bench.stop(); }

    void listsTheBuiltins()
    {
        DrillsPage page(m_bench.store.get());
        show(page, {m_sandbox});
        const QStringList names = drills::builtinScenarioNames();
        QCOMPARE(column(page.scenarioTable(), 0), names);
        const int late = int(names.indexOf(QStringLiteral("late_cut")));
        QCOMPARE(page.scenarioTable()->item(late, 3)->text(), QStringLiteral("late_cut"));
        QVERIFY(!page.scenarioTable()->item(late, 1)->text().isEmpty());
        QCOMPARE(page.scenarioTable()->item(late, 2)->text(), QStringLiteral("simulador"));
        const int night = int(names.indexOf(QStringLiteral("noche_electoral")));
        QVERIFY(page.scenarioTable()->item(night, 3)->text().split(QStringLiteral(", ")).size() >= 10);
        QCOMPARE(page.serverChoice()->currentText(), QStringLiteral("ensayo (simulador)"));
        QVERIFY(page.startButton()->isEnabled());
        QVERIFY(page.confirmation()->isHidden());
    }

    void scenarioFilesAreValidatedOnThePage()
    {
        DrillsPage page(m_bench.store.get());
        show(page, {m_sandbox});
        const int builtins = page.scenarioTable()->rowCount();

        // A broken file: every problem listed under the scenarios, each naming where.
        QJsonObject bad = drills::builtinExperiment(QStringLiteral("late_cut"), 5);
        bad.remove(QStringLiteral("title"));
        QJsonArray method = bad.value(QStringLiteral("method")).toArray();
        QJsonObject action = method.first().toObject();
        action.insert(QStringLiteral("type"), QStringLiteral("magia"));
        method.replace(0, action);
        bad.insert(QStringLiteral("method"), method);
        const QString badPath = m_dir.filePath(QStringLiteral("roto.json"));
        QFile badFile(badPath);
        QVERIFY(badFile.open(QIODevice::WriteOnly));
        badFile.write(QJsonDocument(bad).toJson());
        badFile.close();
        QSignalSpy loaded(&page, &DrillsPage::scenarioLoaded);
        page.loadScenarioFrom(badPath);
        QTRY_COMPARE(loaded.size(), 1);
        QCOMPARE(loaded.first().at(1).toBool(), false);
        QVERIFY(page.problems()->isVisible());
        QVERIFY2(page.problems()->count() >= 2, qPrintable(QString::number(page.problems()->count())));
        QStringList problems;
        for (int i = 0; i < page.problems()->count(); ++i)
            problems << page.problems()->item(i)->text();
        qInfo("problems: %s", qPrintable(problems.join(QStringLiteral(" | "))));
        QVERIFY(problems.join(QLatin1Char('\n')).contains(QStringLiteral("title")));
        QVERIFY(problems.join(QLatin1Char('\n')).contains(QStringLiteral("method[0]")));
        QVERIFY(page.banner()->text().contains(badPath));
        QCOMPARE(page.scenarioTable()->rowCount(), builtins);

        // JSON that does not parse: the line and column.
        const QString syntaxPath = m_dir.filePath(QStringLiteral("sintaxis.json"));
        QFile syntax(syntaxPath);
        QVERIFY(syntax.open(QIODevice::WriteOnly));
        syntax.write("{\n  \"version\": \"1.0.0\",\n  \"title\" \"falta los dos puntos\"\n}\n");
        syntax.close();
        page.loadScenarioFrom(syntaxPath);
        QTRY_COMPARE(loaded.size(), 2);
        QCOMPARE(page.problems()->count(), 1);
        QVERIFY2(page.problems()->item(0)->text().contains(QStringLiteral("línea 3")), qPrintable(page.problems()->item(0)->text()));

        // A good file joins the list, selected, and the problems go.
        const QString goodPath = m_dir.filePath(QStringLiteral("mi_ensayo.json"));
        QFile good(goodPath);
        QVERIFY(good.open(QIODevice::WriteOnly));
        good.write(QJsonDocument(drills::builtinExperiment(QStringLiteral("site_down"), 5)).toJson());
        good.close();
        page.loadScenarioFrom(goodPath);
        QTRY_COMPARE(loaded.size(), 3);
        QCOMPARE(loaded.last().at(1).toBool(), true);
        QCOMPARE(page.scenarioTable()->rowCount(), builtins + 1);
        QCOMPARE(page.scenarioTable()->currentRow(), builtins);
        QCOMPARE(page.scenarioTable()->item(builtins, 0)->text(), QStringLiteral("mi_ensayo (archivo)"));
        QCOMPARE(page.scenarioTable()->item(builtins, 3)->text(), QStringLiteral("site_down"));
        QVERIFY(!page.problems()->isVisible());
    }

    void refusedOffTheSandbox()
    {
        DrillsPage page(m_bench.store.get());
        show(page, {m_production, m_sandbox});
        QVERIFY(page.selectScenario(QStringLiteral("site_down")));
        QVERIFY(page.selectServer(QStringLiteral("produccion")));
        const int before = faultStarts();
        QSignalSpy refused(&page, &DrillsPage::refused);
        QSignalSpy started(&page, &DrillsPage::drillStarted);
        QTest::mouseClick(page.startButton(), Qt::LeftButton);
        QCOMPARE(refused.size(), 1);
        const auto scenario = drills::builtinScenario(QStringLiteral("site_down"), m_production.cutIntervalS);
        QVERIFY(scenario);
        const QString expected = drills::DrillRunner::refusal(*scenario, m_production);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(refused.first().first().toString(), expected);
        QVERIFY(page.banner()->isVisible());
        QVERIFY2(page.banner()->text().contains(expected), qPrintable(page.banner()->text()));
        // No confirmation, nothing started, nothing connected or injected.
        QVERIFY(page.confirmation()->isHidden());
        QVERIFY(!page.runner());
        QTest::qWait(1500);
        QCOMPARE(started.size(), 0);
        QCOMPARE(faultStarts(), before);
        store::Store direct;
        QVERIFY(direct.open(m_bench.storePath));
        QVERIFY(direct.servers().isEmpty());
    }

    void pastDrillsOfEveryServer()
    {
        // A drill of another server, recorded by another process (as `drill run` would).
        store::Store direct;
        QVERIFY(direct.open(m_bench.storePath));
        const auto server = direct.registerServer({QStringLiteral("replica"), QStringLiteral("SHA256:replica"), QStringLiteral("réplica"),
                                                   QStringLiteral("prep@replica:22")},
                                                  QDateTime::currentDateTimeUtc());
        QVERIFY(server);
        direct.setServer(*server);
        store::DrillRecord d;
        d.scenario = QStringLiteral("errors_5xx");
        d.title = QStringLiteral("Ensayo con falla: Errores 5xx");
        d.target = QStringLiteral("sandbox");
        d.operatorName = QStringLiteral("beto");
        d.startedUtc = QDateTime(QDate(2024, 5, 19), QTime(1, 5, 0), Qt::UTC); // 18/05/2024 19:05 in UTC-6
        const auto id = direct.startDrill(d);
        QVERIFY(id);
        const QJsonObject journal{{QStringLiteral("status"), QStringLiteral("failed")},
                                  {QStringLiteral("score"), 0.5},
                                  {QStringLiteral("start"), QStringLiteral("2024-05-19T01:05:00.000Z")},
                                  {QStringLiteral("duration"), 95.0},
                                  {QStringLiteral("drill"), QJsonObject{{QStringLiteral("scenario"), QStringLiteral("errors_5xx")},
                                                                        {QStringLiteral("title"), d.title},
                                                                        {QStringLiteral("profile"), QStringLiteral("réplica")},
                                                                        {QStringLiteral("operator"), QStringLiteral("beto")}}},
                                  {QStringLiteral("expectations"),
                                   QJsonArray{QJsonObject{{QStringLiteral("incident"), QStringLiteral("site_http_error")},
                                                          {QStringLiteral("fault_start"), QStringLiteral("2024-05-19T01:05:30.000Z")},
                                                          {QStringLiteral("detected_at"), QStringLiteral("2024-05-19T01:05:36.500Z")},
                                                          {QStringLiteral("ttd_s"), 6.5},
                                                          {QStringLiteral("passed"), true}},
                                              QJsonObject{{QStringLiteral("incident"), QStringLiteral("traffic_5xx")},
                                                          {QStringLiteral("passed"), false},
                                                          {QStringLiteral("why"), QStringLiteral("nunca llegó")}}}}};
        QVERIFY(direct.finishDrill(*id, QStringLiteral("failed"), 0.5, journal, d.startedUtc.addSecs(95)));

        DrillsPage page(m_bench.store.get());
        QSignalSpy history(&page, &DrillsPage::historyLoaded);
        show(page, {m_sandbox});
        QTRY_VERIFY(!history.isEmpty() && history.last().first().toInt() >= 1);
        QTableWidget *table = page.historyTable();
        const int row = int(column(table, 2).indexOf(QStringLiteral("réplica")));
        QVERIFY(row >= 0);
        QCOMPARE(table->item(row, 0)->text(), QStringLiteral("18/05/2024 19:05"));
        QCOMPARE(table->item(row, 1)->text(), QStringLiteral("errors_5xx"));
        QCOMPARE(table->item(row, 3)->text(), QStringLiteral("✖ no cumplido"));
        QCOMPARE(table->item(row, 4)->text(), QStringLiteral("0.50"));
        QCOMPARE(table->item(row, 5)->text(), QStringLiteral("beto"));
        // Selecting it shows its report.
        table->selectRow(row);
        DrillReport *report = page.reportPanel();
        QTRY_VERIFY(report->isVisible());
        QVERIFY2(report->scoreLabel()->text().contains(QStringLiteral("0.50")), qPrintable(report->scoreLabel()->text()));
        QCOMPARE(report->expectations()->rowCount(), 2);
        QCOMPARE(report->expectations()->item(0, 0)->text(), QStringLiteral("✔ cumplida"));
        QCOMPARE(report->expectations()->item(0, 2)->text(), QStringLiteral("19:05:30"));
        QCOMPARE(report->expectations()->item(0, 4)->text(), QStringLiteral("6.5 s"));
        QCOMPARE(report->expectations()->item(1, 0)->text(), QStringLiteral("✖ no cumplida"));
        QCOMPARE(report->expectations()->item(1, 7)->text(), QStringLiteral("nunca llegó"));

        // An observe-only simulacro (issue 12's other kind, recorded by `drill observe`): listed by its name,
        // its report in the observe panel (tst_drillspage_observe runs one from the page), saved whole.
        store::DrillRecord o;
        o.scenario = QStringLiteral("observe");
        o.title = QStringLiteral("Simulacro 19 de mayo");
        o.target = QStringLiteral("observe");
        o.startedUtc = QDateTime(QDate(2024, 5, 20), QTime(0, 0, 0), Qt::UTC);
        const auto observed = direct.startDrill(o);
        QVERIFY(observed);
        QVERIFY(direct.finishDrill(*observed, QStringLiteral("completed"), std::nullopt,
                                   QJsonObject{{QStringLiteral("status"), QStringLiteral("completed")},
                                               {QStringLiteral("drill"), QJsonObject{{QStringLiteral("name"), o.title}}},
                                               {QStringLiteral("cuts"), QJsonObject{{QStringLiteral("expected"), 24}, {QStringLiteral("received"), 23}}}},
                                   o.startedUtc.addSecs(6 * 3600)));
        page.reloadHistory();
        const QString listed = QStringLiteral("oficial: Simulacro 19 de mayo");
        QTRY_VERIFY(column(table, 1).contains(listed));
        table->selectRow(int(column(table, 1).indexOf(listed)));
        ObserveReport *observeReport = page.observeReportPanel();
        QTRY_VERIFY(observeReport->isVisible());
        QVERIFY2(observeReport->headline()->text().contains(QStringLiteral("Simulacro 19 de mayo")), qPrintable(observeReport->headline()->text()));
        QVERIFY2(observeReport->figures()->cuts()->text().contains(QStringLiteral("esperados 24 · recibidos 23")),
                 qPrintable(observeReport->figures()->cuts()->text()));
        QVERIFY(observeReport->saveButton()->isEnabled());
        QCOMPARE(observeReport->report().value(QStringLiteral("cuts")).toObject().value(QStringLiteral("expected")).toInt(), 24);
    }

    void runsFromTheButtonToTheReport()
    {
        DrillsPage page(m_bench.store.get());
        show(page, {m_production, m_sandbox});
        // The technician's "Reconocer" on the "Incidentes" page of the same console.
        IncidentsPage incidents(m_bench.store.get());
        incidents.actorEdit()->setText(QStringLiteral("Ana"));
        qint64 lateCut = 0;
        connect(m_bench.store.get(), &store::StoreThread::incidentChanged, &page, [&](const store::IncidentUpdate &u) {
            if (u.opened && u.incident.kind == QLatin1String("late_cut") && lateCut == 0)
                lateCut = u.incident.id;
        });

        page.operatorEdit()->setText(QStringLiteral("Ana"));
        QVERIFY(page.selectScenario(QStringLiteral("late_cut")));
        QVERIFY(page.selectServer(QStringLiteral("ensayo")));
        QTest::mouseClick(page.startButton(), Qt::LeftButton);
        // The confirmation, on the page: scenario, server, faults, duration.
        QVERIFY(page.confirmation()->isVisible());
        const QString question = page.confirmationText()->text();
        qInfo("confirmation: %s", qPrintable(question));
        QVERIFY(question.contains(QStringLiteral("late_cut")));
        QVERIFY(question.contains(QStringLiteral("«ensayo»")));
        QVERIFY(question.contains(QStringLiteral("Fallas que inyectará: late_cut.")));
        QVERIFY(question.contains(QStringLiteral("Duración prevista: unos ")));
        QVERIFY(!page.startButton()->isEnabled());
        QVERIFY(!page.runner());

        QSignalSpy finished(&page, &DrillsPage::drillFinished);
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(page.confirmButton(), Qt::LeftButton);
        QVERIFY(page.runner());
        DrillProgress *progress = page.progressPanel();
        QTRY_VERIFY(progress->isVisible());
        QCOMPARE(progress->expectations()->rowCount(), 1);
        QVERIFY(progress->stopButton()->isEnabled());
        QVERIFY(!page.startButton()->isEnabled());

        // While it runs: the step, expected vs seen with its ttd as it comes, the clock.
        bool sawStep = false;
        bool sawTtd = false;
        bool acknowledged = false;
        QSignalSpy acted(&incidents, &IncidentsPage::actionFinished);
        while (finished.isEmpty() && clock.elapsed() < 115000) {
            QTest::qWait(100);
            sawStep = sawStep || (!progress->step()->text().isEmpty() && progress->step()->text() != QStringLiteral("Empezando…"));
            if (!finished.isEmpty())
                break;
            const QTableWidgetItem *ttd = progress->expectations()->item(0, 4);
            if (ttd && ttd->text() != QStringLiteral("—") && !sawTtd) {
                sawTtd = true;
                qInfo("live: %s | %s | %s", qPrintable(progress->expectations()->item(0, 0)->text()), qPrintable(ttd->text()),
                      qPrintable(progress->clock()->text()));
            }
            if (lateCut && !acknowledged) {
                acknowledged = true;
                incidents.acknowledgeIncident(lateCut);
                QTRY_VERIFY(incidents.noteEditor()->isActive());
                incidents.noteEditor()->textEdit()->setText(QStringLiteral("visto en el simulacro"));
                QTest::mouseClick(incidents.noteEditor()->saveButton(), Qt::LeftButton);
            }
        }
        QVERIFY2(!finished.isEmpty(), "late_cut did not finish in 115 s");
        qInfo("late_cut from the button: %lld ms", clock.elapsed());
        QVERIFY(sawStep);
        QVERIFY(sawTtd);
        QStringList log;
        for (int i = 0; i < progress->log()->count(); ++i)
            log << progress->log()->item(i)->text();
        QVERIFY2(log.join(QLatin1Char('\n')).contains(QStringLiteral("Falla «late_cut» (late_cut).")), qPrintable(log.join(QLatin1Char('\n'))));
        QVERIFY(acknowledged);
        QVERIFY(!acted.isEmpty() && acted.first().at(2).toBool());

        // The report on screen.
        const QJsonObject journal = finished.first().first().toJsonObject();
        QCOMPARE(journal.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        DrillReport *report = page.reportPanel();
        QVERIFY(report->isVisible());
        QVERIFY(!page.runner());
        QVERIFY(page.startButton()->isEnabled());
        QVERIFY2(report->scoreLabel()->text().contains(QStringLiteral("1.00")), qPrintable(report->scoreLabel()->text()));
        QVERIFY2(report->headline()->text().contains(QStringLiteral("cumplido")), qPrintable(report->headline()->text()));
        QCOMPARE(report->expectations()->rowCount(), 1);
        QCOMPARE(report->expectations()->item(0, 0)->text(), QStringLiteral("✔ cumplida"));
        QCOMPARE(report->expectations()->item(0, 1)->text(), QStringLiteral("late_cut"));
        QVERIFY(report->expectations()->item(0, 4)->text().endsWith(QStringLiteral(" s")));
        QVERIFY2(report->expectations()->item(0, 5)->text().endsWith(QStringLiteral("por Ana")),
                 qPrintable(report->expectations()->item(0, 5)->text()));
        QVERIFY(report->expectations()->item(0, 6)->text().endsWith(QStringLiteral(" s"))); // tta
        QCOMPARE(report->rollbacks()->rowCount(), 1);
        QCOMPARE(report->rollbacks()->item(0, 1)->text(), QStringLiteral("✔ hecha"));

        // In the history, newest first.
        QTRY_VERIFY(!page.pastDrills().isEmpty() && page.pastDrills().first().scenario == QLatin1String("late_cut"));
        QCOMPARE(page.historyTable()->item(0, 2)->text(), QStringLiteral("ensayo"));
        QCOMPARE(page.historyTable()->item(0, 4)->text(), QStringLiteral("1.00"));
        QCOMPARE(page.historyTable()->item(0, 5)->text(), QStringLiteral("Ana"));

        // "Guardar JSON": the journal as it is, 0600.
        const QString path = m_dir.filePath(QStringLiteral("diario.json"));
        QSignalSpy saved(report, &DrillReport::saved);
        report->saveTo(path);
        QTRY_COMPARE(saved.size(), 1);
        QVERIFY(saved.first().at(1).toBool());
        QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject written = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(written.value(QStringLiteral("score")).toDouble(), 1.0);
        QCOMPARE(written[QLatin1String("expectations")][0][QLatin1String("acknowledged_by")].toString(), QStringLiteral("Ana"));
    }

    void stoppedFromThePageTheRollbackRuns()
    {
        DrillsPage page(m_bench.store.get());
        show(page, {m_sandbox});
        QVERIFY(page.selectScenario(QStringLiteral("site_down")));
        QTest::mouseClick(page.startButton(), Qt::LeftButton);
        QVERIFY(page.confirmation()->isVisible());
        QSignalSpy finished(&page, &DrillsPage::drillFinished);
        QTest::mouseClick(page.confirmButton(), Qt::LeftButton);
        DrillProgress *progress = page.progressPanel();
        // Stop once the fault is in.
        QTRY_VERIFY_WITH_TIMEOUT(progress->expectations()->item(0, 2) && progress->expectations()->item(0, 2)->text() != QStringLiteral("—"),
                                 60000);
        QTest::mouseClick(progress->stopButton(), Qt::LeftButton);
        QVERIFY(!progress->stopButton()->isEnabled());
        QVERIFY2(progress->step()->text().contains(QStringLiteral("reversiones")), qPrintable(progress->step()->text()));
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
        const QJsonObject journal = finished.first().first().toJsonObject();
        QCOMPARE(journal.value(QStringLiteral("status")).toString(), QStringLiteral("aborted"));
        QCOMPARE(page.reportPanel()->rollbacks()->rowCount(), 1);
        QCOMPARE(page.reportPanel()->rollbacks()->item(0, 1)->text(), QStringLiteral("✔ hecha"));
        QVERIFY2(page.reportPanel()->headline()->text().contains(QStringLiteral("detenido")), qPrintable(page.reportPanel()->headline()->text()));
        // The site answers again: the rollback ended the fault.
        QTRY_COMPARE_WITH_TIMEOUT(httpGet(m_sandbox.difusorUrl).status, 200, 10000);
    }
};

QTEST_MAIN(TestDrillsPage)
#include "tst_drillspage.moc"
