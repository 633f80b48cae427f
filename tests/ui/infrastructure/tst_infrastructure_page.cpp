// GUI: the "Infraestructura" page filled by a real CheckRunner against a real sshd on this machine:
// groups, verdicts (icon and text), the evidence pane, runs stored and compared (FAIL → PASS after a
// threshold edit), attestations, requirement files; the GUI thread never stalls during a run.
#include "RemoteTestUtil.h"
#include "SshdFixture.h"
#include "TestEnv.h"
#include "checks/Evaluator.h"
#include "checks/RequirementProfile.h"
#include "pages/infrastructure/AttestationDialog.h"
#include "pages/infrastructure/CheckTreeModel.h"
#include "pages/infrastructure/InfrastructurePage.h"
#include "pages/infrastructure/RequirementsDialog.h"
#include "remote/SshHost.h"
#include "StoreSupport.h"
#include "store/StoreThread.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

#include <memory>

using namespace difusor;
using namespace difusor::checks;
using namespace difusor::ui;
using difusor::test::SshdFixture;

namespace {
int nproc()
{
    QProcess p;
    p.start(QStringLiteral("nproc"), {});
    p.waitForFinished(5000);
    return p.readAllStandardOutput().trimmed().toInt();
}

QString statusCell(const CheckTreeModel *model, const char *id)
{
    return model->indexOf(QString::fromLatin1(id), CheckTreeModel::StatusColumn).data().toString();
}
} // namespace

class TestInfrastructurePage final : public QObject
{
    Q_OBJECT

    std::unique_ptr<SshdFixture> m_sshd;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<store::StoreThread> m_store;
    store::ServerStore m_server;
    std::unique_ptr<remote::SshHost> m_host;

private Q_SLOTS:
    void initTestCase()
    {
        DIFUSOR_REQUIRE_PROGRAM(sshd, "sshd");
        m_sshd = std::make_unique<SshdFixture>();
        QString error;
        QVERIFY2(m_sshd->start(&error), qPrintable(error));
        QVERIFY(m_sshd->trustHostKey());
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = std::make_unique<store::StoreThread>();
        QSignalSpy opened(m_store.get(), &store::StoreThread::opened);
        m_store->open(m_dir->filePath(QStringLiteral("profile.sqlite")));
        QVERIFY(opened.wait(10000));
        QVERIFY(opened.first().first().toBool());
        m_host = std::make_unique<remote::SshHost>(m_sshd->profile());
        m_host->setSshConfigFile({});
        m_host->connectToHost();
        QVERIFY(difusor::test::waitForState(*m_host, remote::ConnectionState::Connected, 20000));
        m_server = difusor::test::identifyServer(*m_store, m_sshd->profile().identityId(), m_host->hostKeyFingerprint());
        QVERIFY(m_server.isValid());
    }

    void cleanupTestCase()
    {
        if (m_host)
            m_host->disconnectFromHost();
        m_host.reset();
        m_store.reset();
        if (m_sshd)
            m_sshd->stop();
        m_sshd.reset();
    }

    void filledFromARealRunThenChangesAreMarked()
    {
        const int cpus = nproc();
        QVERIFY(cpus > 0);
        InfrastructurePage page(m_dir->filePath(QStringLiteral("data")));
        page.resize(1200, 800);
        page.show();
        // A threshold this machine misses by one CPU: FAIL on the first run.
        auto requirements = page.requirements();
        QVERIFY(requirements.setThreshold(QStringLiteral("hw.cpu.cores"), QStringLiteral("min_cores"), cpus + 1));
        QString error;
        QVERIFY2(page.applyRequirements(requirements, &error), qPrintable(error));
        QVERIFY(QFile::exists(page.userRequirementsPath())); // the user copy

        QSignalSpy shown(&page, &InfrastructurePage::runShown);
        difusor::test::LoopGapMeter meter(this);
        page.setHost(m_host.get(), m_sshd->profile(), true, m_server); // connected: checks at once
        QVERIFY(page.isRunning());
        QVERIFY(!page.runButton()->isEnabled());
        QVERIFY(shown.wait(30000));
        meter.stop();
        qInfo("GUI thread during a whole check: longest gap %lld ms (%lld ms net of run-queue waits)",
              meter.maxGapMs, meter.maxOwnGapMs);
        QVERIFY2(meter.maxOwnGapMs < 50, qPrintable(QString::number(meter.maxOwnGapMs)));
        QVERIFY(page.runButton()->isEnabled());

        const auto report = shown.first().first().value<CheckReport>();
        QVERIFY2(!report.runFailed, qPrintable(report.error));
        const CheckTreeModel *model = page.model();
        QCOMPARE(model->rowCount(), 4);
        QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("Hardware"));
        QCOMPARE(model->index(1, 0).data().toString(), QStringLiteral("Software"));
        QCOMPARE(model->index(2, 0).data().toString(), QStringLiteral("Red y seguridad"));
        QCOMPARE(model->index(3, 0).data().toString(), QStringLiteral("Rutas y URL del perfil"));
        int rows = 0;
        for (int g = 0; g < 4; ++g)
            rows += model->rowCount(model->index(g, 0));
        QCOMPARE(rows, report.results.size());
        QCOMPARE(rows, RequirementProfile::knownCheckIds().size() + difusor::checks::profileCheckIds().size());

        // Every verdict has text and an icon, not only a colour.
        for (const CheckResult &r : report.results) {
            const QModelIndex status = model->indexOf(r.id, CheckTreeModel::StatusColumn);
            QVERIFY2(status.isValid(), qPrintable(r.id));
            QCOMPARE(status.data().toString(), statusText(r.status));
            QVERIFY(!status.data(Qt::DecorationRole).value<QIcon>().isNull());
        }
        QCOMPARE(statusCell(model, "hw.cpu.cores"), statusText(Status::Fail));
        QVERIFY(model->result(QStringLiteral("hw.cpu.cores"))->actual.contains(QString::number(cpus)));
        QCOMPARE(model->changeText(QStringLiteral("hw.cpu.cores")), QString()); // nothing to compare with

        // The details pane: expected, actual, the command with its exit status and raw output, hint.
        page.tree()->setCurrentIndex(model->indexOf(QStringLiteral("hw.cpu.cores")));
        const QString details = page.details()->toPlainText();
        QVERIFY2(details.contains(QStringLiteral("Esperado:")), qPrintable(details));
        QVERIFY(details.contains(QStringLiteral("Encontrado:")));
        QVERIFY(details.contains(QStringLiteral("Qué hacer:")));
        QVERIFY(details.contains(QStringLiteral("nproc")));
        QVERIFY(details.contains(QStringLiteral("(exit 0)")));
        QVERIFY(details.contains(QString::number(cpus)));
        QVERIFY(page.lastRunLabel()->text().contains(QStringLiteral("(UTC-6)")));
        // Long verdict texts must not widen the window beyond a laptop screen.
        QVERIFY2(page.minimumSizeHint().width() < 1000, qPrintable(QString::number(page.minimumSizeHint().width())));

        // Lower the threshold and check again: the stored previous run had FAIL, now PASS.
        QVERIFY(requirements.setThreshold(QStringLiteral("hw.cpu.cores"), QStringLiteral("min_cores"), cpus));
        QVERIFY(page.applyRequirements(requirements));
        shown.clear();
        QTest::mouseClick(page.runButton(), Qt::LeftButton);
        QVERIFY(shown.wait(30000));
        QCOMPARE(statusCell(model, "hw.cpu.cores"), statusText(Status::Pass));
        QCOMPARE(model->changeText(QStringLiteral("hw.cpu.cores")),
                 statusText(Status::Fail) + QStringLiteral(" → ") + statusText(Status::Pass));
        QVERIFY(!model->indexOf(QStringLiteral("hw.cpu.cores"), CheckTreeModel::ChangeColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(page.details()->toPlainText().contains(QStringLiteral("cambió:")));
        QCOMPARE(model->changeText(QStringLiteral("hw.ram")), QString()); // unchanged stays unmarked

        // A page opened later shows the stored runs (with the change) before any new run.
        InfrastructurePage later(m_dir->filePath(QStringLiteral("data")));
        QCOMPARE(later.requirements().check(QStringLiteral("hw.cpu.cores"))->number(QStringLiteral("min_cores"), 0), double(cpus));
        later.setHost(m_host.get(), m_sshd->profile(), false, m_server);
        QTRY_COMPARE_WITH_TIMEOUT(later.model()->rowCount(), 4, 10000);
        QCOMPARE(later.model()->changeText(QStringLiteral("hw.cpu.cores")),
                 statusText(Status::Fail) + QStringLiteral(" → ") + statusText(Status::Pass));
        QVERIFY(later.lastRunLabel()->text().contains(QStringLiteral("(guardada)")));

        // Disconnected: the verdicts stay, the page says there is no connection.
        page.setHost(nullptr, m_sshd->profile(), true);
        QCOMPARE(model->rowCount(), 4);
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("summary"))->text().contains(QStringLiteral("sin conexión")));
        QVERIFY(page.lastRunLabel()->text().contains(QStringLiteral("(UTC-6)")));
    }

    void attestationIsRecordedWithWhoAndWhen()
    {
        InfrastructurePage page(m_dir->filePath(QStringLiteral("data2")));
        QSignalSpy shown(&page, &InfrastructurePage::runShown);
        page.setHost(m_host.get(), m_sshd->profile(), true, m_server);
        QVERIFY(shown.wait(30000));
        QVERIFY(statusCell(page.model(), "hw.redundancy") != statusText(Status::Pass));

        AttestationDialog dialog(page.requirements(), page.attestations());
        dialog.checkBox()->setCurrentIndex(dialog.checkBox()->findData(QStringLiteral("hw.redundancy")));
        dialog.accept(); // nobody named: refused
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        dialog.byEdit()->setText(QStringLiteral("Ing. Pérez, jefe de sitio"));
        dialog.statementEdit()->setPlainText(QStringLiteral("Dos UPS y dos equipos de aire"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.attestation().atUtc.isValid());

        shown.clear();
        QString error;
        QVERIFY2(page.recordAttestation(dialog.attestation(), &error), qPrintable(error));
        QCOMPARE(shown.size(), 1); // judged again on the facts already gathered, no new round trip
        QCOMPARE(statusCell(page.model(), "hw.redundancy"), statusText(Status::Pass));
        QVERIFY(page.detailsHtml(QStringLiteral("hw.redundancy")).contains(QStringLiteral("Ing. Pérez")));
        QVERIFY(page.detailsHtml(QStringLiteral("hw.redundancy")).contains(QStringLiteral("(UTC-6)")));
        // Kept per server: a new page for the same host has it.
        InfrastructurePage again(m_dir->filePath(QStringLiteral("data2")));
        again.setHost(m_host.get(), m_sshd->profile(), false, m_server);
        QVERIFY(again.attestations().forCheck(QStringLiteral("hw.redundancy")).has_value());
    }

    void requirementsDialogValidates()
    {
        const auto profile = *RequirementProfile::loadDefault();
        RequirementsDialog dialog(profile);
        QTableWidget *table = dialog.table();
        int ramRow = -1;
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->item(row, 1)->text() == QLatin1String("min_gib") && table->item(row, 0)->toolTip() == QLatin1String("hw.ram"))
                ramRow = row;
        }
        QVERIFY(ramRow >= 0);
        table->item(ramRow, 2)->setText(QStringLiteral("abc"));
        dialog.trustedIps()->setPlainText(QStringLiteral("203.0.113.10\nno-es-ip"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!dialog.errorLabel()->isHidden());
        QVERIFY(dialog.errorLabel()->text().contains(QStringLiteral("abc")));
        QVERIFY(dialog.errorLabel()->text().contains(QStringLiteral("no-es-ip")));

        table->item(ramRow, 2)->setText(QStringLiteral("31,5"));
        dialog.trustedIps()->setPlainText(QStringLiteral("203.0.113.10\n\n198.51.100.0/24\n"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.edited().check(QStringLiteral("hw.ram"))->number(QStringLiteral("min_gib"), 0), 31.5);
        QCOMPARE(dialog.edited().trustedIps(),
                 (QStringList{QStringLiteral("203.0.113.10"), QStringLiteral("198.51.100.0/24")}));
    }

    void anotherRequirementsFile()
    {
        QTemporaryDir dir;
        InfrastructurePage page(dir.filePath(QStringLiteral("data")));
        QFile bad(dir.filePath(QStringLiteral("bad.json")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{\"checks\": [");
        bad.close();
        QString error;
        QVERIFY(!page.loadRequirementsFile(bad.fileName(), &error));
        QVERIFY2(error.contains(QStringLiteral("JSON")), qPrintable(error));
        QCOMPARE(page.requirements().id(), QStringLiteral("iepc-durango-prep2024")); // unchanged

        QFile other(dir.filePath(QStringLiteral("otro.json")));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write("{\"id\":\"otro-2027\",\"name\":{\"es\":\"Otro instituto 2027\"},"
                    "\"checks\":[{\"id\":\"hw.ram\",\"group\":\"hardware\",\"thresholds\":{\"min_gib\":31}}]}");
        other.close();
        QVERIFY2(page.loadRequirementsFile(other.fileName(), &error), qPrintable(error));
        QCOMPARE(page.requirements().id(), QStringLiteral("otro-2027"));
        // Kept as the user's copy: a new page starts with it.
        InfrastructurePage next(dir.filePath(QStringLiteral("data")));
        QCOMPARE(next.requirements().id(), QStringLiteral("otro-2027"));
    }

    void noHostNoRun()
    {
        QTemporaryDir dir;
        InfrastructurePage page(dir.path());
        page.runNow();
        QVERIFY(!page.isRunning());
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("summary"))->text().contains(QStringLiteral("Sin conexión")));
    }
};

QTEST_MAIN(TestInfrastructurePage)
#include "tst_infrastructure_page.moc"
