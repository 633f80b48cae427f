// The "Incidentes" page over a real StoreThread on a temporary database, with two servers whose
// incidents are raised and cleared through the real IncidentLog (as the rules do). The page is driven
// through its widgets: clicks on the list, the single-key shortcuts, typing in the in-page editor.

#include "pages/incidents/IncidentDetail.h"
#include "pages/incidents/IncidentNoteEditor.h"
#include "pages/incidents/IncidentsPage.h"
#include "pages/incidents/IncidentsTableModel.h"

#include "MainWindow.h"
#include "common/Settings.h"
#include "cuts/CutSession.h"
#include "incidents/IncidentLog.h"
#include "remote/LocalHost.h"
#include "store/StoreThread.h"
#include "traffic/TrafficSession.h"
#include "StoreSupport.h"
#include "TestEnv.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <sys/stat.h>

#include <optional>

using namespace difusor;
using namespace difusor::ui;
using store::IncidentRecord;
using store::StoreThread;

namespace {

// Runs job on the store's thread and waits for its answer (the test reads what the store holds).
template<typename R>
R onStore(StoreThread &thread, std::function<R(store::Store &)> job)
{
    std::optional<R> result;
    QObject context;
    thread.call<R>(&context, std::move(job), [&result](R r) { result = std::move(r); });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 10000))
        qWarning("the store did not answer within 10 s");
    return result.value_or(R{});
}

IncidentRecord storedIncident(StoreThread &thread, qint64 id)
{
    const auto list = onStore<QList<IncidentRecord>>(thread, [id](store::Store &s) {
        store::IncidentFilter f;
        f.id = id;
        return s.findIncidents(f);
    });
    return list.isEmpty() ? IncidentRecord{} : list.first();
}

QList<store::IncidentEvent> storedEvents(StoreThread &thread, qint64 id)
{
    return onStore<QList<store::IncidentEvent>>(thread, [id](store::Store &s) { return s.incidentEvents(id); });
}

QList<qint64> shownIds(const IncidentsPage &page)
{
    QList<qint64> ids;
    for (const IncidentRecord &i : page.model()->incidents())
        ids.append(i.id);
    return ids;
}

void choose(QComboBox *combo, const QVariant &data)
{
    const int i = combo->findData(data);
    QVERIFY2(i >= 0, qPrintable(data.toString()));
    combo->setCurrentIndex(i);
}

int fileMode(const QString &path)
{
    struct stat st{};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 0777);
}

QToolButton *buttonFor(QWidget *page, QAction *action)
{
    for (QToolButton *b : page->findChildren<QToolButton *>()) {
        if (b->defaultAction() == action)
            return b;
    }
    return nullptr;
}

struct Night
{
    QTemporaryDir dir{test::tempTemplate()};
    StoreThread thread;
    store::ServerStore alfa;
    store::ServerStore beta;
    QDateTime now = QDateTime::currentDateTimeUtc();
    // Expected order on the page: open by severity then newest, resolved after, newest first.
    qint64 b1 = 0; // beta  site_unreachable critical, started 2 min ago, open
    qint64 a2 = 0; // alfa  lag              critical, 30 min ago, open
    qint64 a3 = 0; // alfa  late_cut         major,    5 min ago, open
    qint64 a1 = 0; // alfa  traffic_spike    minor,    10 min ago, open
    qint64 b2 = 0; // beta  check_failed     major,    1 h ago, resolved 50 min ago
    qint64 a4 = 0; // alfa  clock_skew       minor,    2 days ago, resolved an hour later

    bool open()
    {
        QSignalSpy opened(&thread, &StoreThread::opened);
        thread.open(dir.filePath(QStringLiteral("incidentes.sqlite")));
        if (!opened.wait(10000) || !opened.first().at(0).toBool())
            return false;
        alfa = test::identifyServer(thread, QStringLiteral("alfa"), QStringLiteral("SHA256:alfa"));
        beta = test::identifyServer(thread, QStringLiteral("beta"), QStringLiteral("SHA256:beta"));
        if (!alfa.isValid() || !beta.isValid())
            return false;
        const QJsonObject siteEvidence{
            {QStringLiteral("last_cut"), QJsonObject{{QStringLiteral("package"), QStringLiteral("20240602_2115_PREP_DIP_LOC_DGO")},
                                                     {QStringLiteral("cut_utc"), QStringLiteral("2024-06-03T03:15:00Z")}}},
            {QStringLiteral("official"), QJsonObject{{QStringLiteral("at"), QStringLiteral("2024-06-03T03:16:01.500Z")},
                                                     {QStringLiteral("answered"), true},
                                                     {QStringLiteral("shows_cut"), QStringLiteral("2024-06-03T03:15:00Z")}}},
            {QStringLiteral("difusor"), QJsonObject{{QStringLiteral("at"), QStringLiteral("2024-06-03T03:16:02.000Z")},
                                                    {QStringLiteral("answered"), false},
                                                    {QStringLiteral("error"), QStringLiteral("Connection refused")}}}};
        b1 = raise(beta, QStringLiteral("site_unreachable"), QStringLiteral("difusor"), now.addSecs(-120), {}, siteEvidence);
        a2 = raise(alfa, QStringLiteral("lag"), QStringLiteral("lag"), now.addSecs(-1800));
        a3 = raise(alfa, QStringLiteral("late_cut"), QStringLiteral("2024-06-03T03:30:00Z"), now.addSecs(-300));
        a1 = raise(alfa, QStringLiteral("traffic_spike"), QStringLiteral("spike"), now.addSecs(-600), {},
                   QJsonObject{{QStringLiteral("recent_5xx_lines"),
                                QJsonArray{QStringLiteral("10.0.0.9 - - [02/Jun/2024:21:15:03 -0600] \"GET / HTTP/1.1\" 502 0")}}});
        b2 = raise(beta, QStringLiteral("check_failed"), QStringLiteral("cpu"), now.addSecs(-3600), now.addSecs(-3000));
        a4 = raise(alfa, QStringLiteral("clock_skew"), QStringLiteral("clock"), now.addDays(-2), now.addDays(-2).addSecs(3600));
        return b1 && a2 && a3 && a1 && b2 && a4;
    }

    // As a rule does: the condition is raised (and cleared when resolvedAt is given). Returns the id.
    qint64 raise(const store::ServerStore &server, const QString &kind, const QString &subject, const QDateTime &started,
                 const QDateTime &resolvedAt = {}, const QJsonObject &evidence = {})
    {
        const incidents::IncidentLog log(server);
        incidents::Condition c;
        c.kind = kind;
        c.subject = subject;
        c.detail = QStringLiteral("detalle de prueba");
        c.startedUtc = started;
        c.detectedUtc = started.addSecs(5);
        c.evidence = evidence;
        QObject context;
        std::optional<qint64> id;
        log.raise(c, &context, [&id](const std::optional<store::IncidentUpdate> &u, const QString &) {
            id = u ? u->incident.id : 0;
        });
        if (!QTest::qWaitFor([&id] { return id.has_value(); }, 10000) || !*id)
            return 0;
        if (resolvedAt.isValid()) {
            bool cleared = false;
            log.clear(kind, subject, resolvedAt, &context,
                      [&cleared](const std::optional<store::IncidentUpdate> &, const QString &) { cleared = true; });
            if (!QTest::qWaitFor([&cleared] { return cleared; }, 10000))
                return 0;
        }
        return *id;
    }
};

// A page on screen, active (the single-key shortcuts act only in the active window), its list read.
bool showPage(IncidentsPage &page)
{
    page.resize(1400, 900);
    page.show();
    page.activateWindow();
    if (!QTest::qWaitForWindowActive(&page))
        return false;
    return QTest::qWaitFor([&page] { return page.model()->rowCount() > 0; }, 5000);
}

void clickRow(IncidentsPage &page, qint64 id)
{
    const int row = page.model()->rowOf(id);
    QVERIFY(row >= 0);
    QTableView *table = page.table();
    const QRect rect = table->visualRect(page.model()->index(row, IncidentsTableModel::Title));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(page.selectedId(), id);
    QVERIFY(table->hasFocus());
}

} // namespace

class TestIncidentsPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        Settings::setInstanceFile(m_settingsDir.filePath(QStringLiteral("settings.ini")));
        QCoreApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
        ::umask(022); // so that 0600 is the page's doing, not the umask's
    }

    void listOrderAndFilters()
    {
        Night night;
        QVERIFY(night.open());
        IncidentsPage page(&night.thread);
        QVERIFY(showPage(page));
        const QList<qint64> all{night.b1, night.a2, night.a3, night.a1, night.b2, night.a4};
        QTRY_COMPARE(shownIds(page), all);

        // The cells: word + icon for severity and state, server name, Central Mexico time, "Sí".
        const auto cell = [&page](qint64 id, int column, int role = Qt::DisplayRole) {
            return page.model()->index(page.model()->rowOf(id), column).data(role);
        };
        QCOMPARE(cell(night.b1, IncidentsTableModel::Severity).toString(), QStringLiteral("Crítico"));
        QVERIFY(!cell(night.b1, IncidentsTableModel::Severity, Qt::DecorationRole).isNull());
        QCOMPARE(cell(night.b1, IncidentsTableModel::State).toString(), QStringLiteral("Abierto"));
        QVERIFY(!cell(night.b1, IncidentsTableModel::State, Qt::DecorationRole).isNull());
        QCOMPARE(cell(night.b1, IncidentsTableModel::Server).toString(), QStringLiteral("beta"));
        QCOMPARE(cell(night.b1, IncidentsTableModel::Affects).toString(), QStringLiteral("Sí"));
        QCOMPARE(cell(night.b2, IncidentsTableModel::Affects).toString(), QStringLiteral("No"));
        QCOMPARE(cell(night.b2, IncidentsTableModel::State).toString(), QStringLiteral("Resuelto"));
        QCOMPARE(cell(night.b2, IncidentsTableModel::Age).toString(), QStringLiteral("duró 10 min 00 s"));
        QCOMPARE(cell(night.b1, IncidentsTableModel::Started).toString(),
                 night.now.addSecs(-120).addSecs(-6 * 3600).toString(QStringLiteral("dd/MM/yyyy HH:mm:ss")));
        QVERIFY(page.model()->headerData(IncidentsTableModel::Started, Qt::Horizontal).toString().contains(QStringLiteral("UTC-6")));

        // Each filter alone, then back to all.
        auto expect = [&page](const QList<qint64> &ids) { QTRY_COMPARE(shownIds(page), ids); };
        choose(page.stateFilter(), QStringLiteral("resolved"));
        expect({night.b2, night.a4});
        choose(page.stateFilter(), QStringLiteral("unresolved"));
        expect({night.b1, night.a2, night.a3, night.a1});
        choose(page.stateFilter(), QStringLiteral("acknowledged"));
        expect({});
        choose(page.stateFilter(), QString());
        choose(page.severityFilter(), QStringLiteral("critical"));
        expect({night.b1, night.a2});
        choose(page.severityFilter(), QString());
        choose(page.kindFilter(), QStringLiteral("late_cut"));
        expect({night.a3});
        choose(page.kindFilter(), QString());
        choose(page.serverFilter(), night.beta.server());
        expect({night.b1, night.b2});
        choose(page.serverFilter(), qint64(0));
        choose(page.periodFilter(), QStringLiteral("24h"));
        expect({night.b1, night.a2, night.a3, night.a1, night.b2});
        // Between dates, typed in Central Mexico time: three days ago to one day ago holds only a4.
        choose(page.periodFilter(), QStringLiteral("custom"));
        QVERIFY(page.sinceEdit()->isEnabled());
        const auto wall = [](const QDateTime &utc) {
            const QDateTime w = utc.addSecs(-6 * 3600);
            return QDateTime(w.date(), w.time(), Qt::UTC);
        };
        page.sinceEdit()->setDateTime(wall(night.now.addDays(-3)));
        page.untilEdit()->setDateTime(wall(night.now.addDays(-1)));
        expect({night.a4});
        choose(page.periodFilter(), QStringLiteral("all"));
        expect(all);

        // A filter and the selection survive refreshes caused by new incidents.
        choose(page.severityFilter(), QStringLiteral("critical"));
        expect({night.b1, night.a2});
        clickRow(page, night.a2);
        const qint64 newCritical = night.raise(night.alfa, QStringLiteral("skipped_cut"), QStringLiteral("x"), night.now.addSecs(-60));
        const qint64 newMinor = night.raise(night.beta, QStringLiteral("traffic_flood"), QStringLiteral("y"), night.now);
        expect({newCritical, night.b1, night.a2});
        QVERIFY(!shownIds(page).contains(newMinor));
        QCOMPARE(page.severityFilter()->currentData().toString(), QStringLiteral("critical"));
        QCOMPARE(page.selectedId(), night.a2);
        QCOMPARE(page.table()->selectionModel()->currentIndex().row(), 2);
        QCOMPARE(page.detail()->incidentId(), night.a2);

        // The detail: fields in UTC-6 with the zone, the evidence readable, the timeline.
        clickRow(page, night.b1);
        QVERIFY(page.detail()->fieldLabel(QStringLiteral("started"))->text().endsWith(QStringLiteral("(UTC-6)")));
        QCOMPARE(page.detail()->fieldLabel(QStringLiteral("ttd"))->text(), QStringLiteral("5 s"));
        const QString evidence = page.detail()->evidence()->toPlainText();
        QVERIFY2(evidence.contains(QStringLiteral("Nuestro sitio: última respuesta")), qPrintable(evidence));
        QVERIFY2(evidence.contains(QStringLiteral("Connection refused")), qPrintable(evidence));
        QVERIFY2(evidence.contains(QStringLiteral("02/06/2024 21:15:00 (UTC-6)")), qPrintable(evidence)); // the cut
        QTRY_COMPARE(page.detail()->timeline()->rowCount(), 1);
        QCOMPARE(page.detail()->timeline()->item(0, IncidentDetail::WhatColumn)->text(), QStringLiteral("Abierto"));
        QCOMPARE(page.detail()->timeline()->item(0, IncidentDetail::WhoColumn)->text(), QStringLiteral("consola"));
    }

    void acknowledgeWithNoteThroughTheKeyboard()
    {
        Night night;
        QVERIFY(night.open());
        IncidentsPage page(&night.thread);
        QVERIFY(showPage(page));

        // The technician's name: typed, kept in the settings.
        QLineEdit *actor = page.actorEdit();
        actor->setFocus();
        actor->selectAll();
        QTest::keyClicks(actor, QStringLiteral("Ana Lopez"));
        QTest::keyClick(actor, Qt::Key_Return);
        QCOMPARE(Settings::instance().get(Settings::Key::IncidentActor).toString(), QStringLiteral("Ana Lopez"));

        clickRow(page, night.a3);
        QSignalSpy finished(&page, &IncidentsPage::actionFinished);
        QTest::keyClick(page.table(), Qt::Key_A);
        IncidentNoteEditor *editor = page.noteEditor();
        QVERIFY(editor->isVisible());
        QCOMPARE(editor->incidentId(), night.a3);
        QCOMPARE(editor->mode(), IncidentNoteEditor::Mode::Acknowledge);
        QVERIFY(editor->textEdit()->hasFocus());
        // The letters go into the note (A, S, R… are shortcuts only outside text fields).
        const QString note = QStringLiteral("Reviso el rsync: Sigue atrasado");
        QTest::keyClicks(editor->textEdit(), note);
        QCOMPARE(editor->textEdit()->text(), note);
        QTest::keyClick(editor->textEdit(), Qt::Key_Return);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(2).toBool(), true);
        QVERIFY(!editor->isVisible());

        // In the store (committed before the page showed it) …
        const IncidentRecord stored = storedIncident(night.thread, night.a3);
        QCOMPARE(stored.state(), QStringLiteral("acknowledged"));
        QCOMPARE(stored.acknowledgedBy, QStringLiteral("Ana Lopez"));
        QCOMPARE(stored.note, note);
        // … in the list and in the timeline.
        QCOMPARE(page.model()->index(page.model()->rowOf(night.a3), IncidentsTableModel::State).data().toString(),
                 QStringLiteral("Reconocido"));
        QTableWidget *timeline = page.detail()->timeline();
        QTRY_COMPARE(timeline->rowCount(), 2);
        QCOMPARE(timeline->item(1, IncidentDetail::WhatColumn)->text(), QStringLiteral("Reconocido"));
        QCOMPARE(timeline->item(1, IncidentDetail::WhoColumn)->text(), QStringLiteral("Ana Lopez"));
        QCOMPARE(timeline->item(1, IncidentDetail::TextColumn)->text(), note);
        QVERIFY(page.detail()->fieldLabel(QStringLiteral("tta"))->text() != QStringLiteral("—"));
        QVERIFY(!page.action(IncidentsPage::Action::Acknowledge)->isEnabled());

        // N: a note; then R: resolved by hand; both through the same editor.
        QTest::keyClick(page.table(), Qt::Key_N);
        QTest::keyClicks(editor->textEdit(), QStringLiteral("Llego el corte"));
        QTest::keyClick(editor->textEdit(), Qt::Key_Return);
        QTRY_COMPARE(finished.size(), 2);
        QTest::keyClick(page.table(), Qt::Key_R);
        QCOMPARE(editor->mode(), IncidentNoteEditor::Mode::Resolve);
        QTest::keyClicks(editor->textEdit(), QStringLiteral("Se reinicio rsync"));
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        QTRY_COMPARE(finished.size(), 3);
        QCOMPARE(storedIncident(night.thread, night.a3).resolution, QStringLiteral("manual"));
        QTRY_COMPARE(timeline->rowCount(), 4);
        // Resolved incidents go after the unresolved ones; the selection follows it there.
        QCOMPARE(page.selectedId(), night.a3);
        QCOMPARE(shownIds(page).indexOf(night.a3), 3);

        // G: the severity, chosen with the keyboard, stored, then shown.
        clickRow(page, night.a1); // minor
        QTest::keyClick(page.table(), Qt::Key_G);
        QComboBox *severity = page.severityChoice();
        QTRY_VERIFY(severity->view()->isVisible());
        severity->hidePopup();
        QTRY_VERIFY(severity->hasFocus());
        QTest::keyClick(severity, Qt::Key_Up); // minor -> major
        QTRY_COMPARE(finished.size(), 4);
        QCOMPARE(storedIncident(night.thread, night.a1).severity, QStringLiteral("major"));
        QCOMPARE(page.model()->index(page.model()->rowOf(night.a1), IncidentsTableModel::Severity).data().toString(),
                 QStringLiteral("Mayor"));

        // Root cause and actions: saved through the store, shown as saved.
        page.detail()->tabs()->setCurrentIndex(IncidentDetail::RootCauseTab);
        page.detail()->rootCause()->setFocus();
        QTest::keyClicks(page.detail()->rootCause(), QStringLiteral("Un bot sin limite de tasa"));
        QTest::mouseClick(page.detail()->saveRootCauseButton(), Qt::LeftButton);
        QTRY_COMPARE(finished.size(), 5);
        QCOMPARE(storedIncident(night.thread, night.a1).rootCause, QStringLiteral("Un bot sin limite de tasa"));
    }

    void emptyNoteAndRefusalsAreSaid()
    {
        Night night;
        QVERIFY(night.open());
        IncidentsPage page(&night.thread);
        QVERIFY(showPage(page));
        clickRow(page, night.a1);
        const int eventsBefore = int(storedEvents(night.thread, night.a1).size());
        QSignalSpy finished(&page, &IncidentsPage::actionFinished);

        // Empty note: refused with a message, nothing sent, nothing written.
        QTest::keyClick(page.table(), Qt::Key_A);
        IncidentNoteEditor *editor = page.noteEditor();
        QVERIFY(editor->isVisible());
        QTest::keyClicks(editor->textEdit(), QStringLiteral("   "));
        QTest::keyClick(editor->textEdit(), Qt::Key_Return);
        QVERIFY(editor->messageLabel()->isVisible());
        QVERIFY2(editor->messageLabel()->text().contains(QStringLiteral("hace falta una nota")),
                 qPrintable(editor->messageLabel()->text()));
        QVERIFY(editor->isVisible());
        QTest::qWait(300);
        QCOMPARE(finished.size(), 0);
        QCOMPARE(storedIncident(night.thread, night.a1).state(), QStringLiteral("open"));
        QCOMPARE(int(storedEvents(night.thread, night.a1).size()), eventsBefore);
        // Escape closes the editor without writing.
        QTest::keyClick(editor->textEdit(), Qt::Key_Escape);
        QVERIFY(!editor->isVisible());

        // Silence without a reason: refused too, with its own words.
        QTest::keyClick(page.table(), Qt::Key_S);
        QTest::keyClick(editor->textEdit(), Qt::Key_Return);
        QVERIFY2(editor->messageLabel()->text().contains(QStringLiteral("motivo")), qPrintable(editor->messageLabel()->text()));
        QTest::keyClick(editor->textEdit(), Qt::Key_Escape);

        // The store's refusal is shown, not swallowed: someone else acknowledges a1 (the `incidents ack`
        // command, another console) while this technician is writing.
        QTest::keyClick(page.table(), Qt::Key_A);
        QVERIFY(editor->isVisible());
        QTest::keyClicks(editor->textEdit(), QStringLiteral("Lo veo"));
        bool acked = false;
        QObject context;
        incidents::IncidentLog(night.alfa).act(night.a1, store::IncidentAction::Acknowledge, QStringLiteral("Beto"),
                                              QStringLiteral("Ya lo tengo"), &context,
                                              [&acked](const auto &u, const QString &) { acked = u.has_value(); });
        QTRY_VERIFY(acked);
        QTRY_COMPARE(page.model()->index(page.model()->rowOf(night.a1), IncidentsTableModel::State).data().toString(),
                     QStringLiteral("Reconocido"));
        QTest::keyClick(editor->textEdit(), Qt::Key_Return);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(2).toBool(), false);
        QVERIFY(editor->isVisible());
        QVERIFY2(editor->messageLabel()->text().contains(QStringLiteral("ya estaba reconocido")),
                 qPrintable(editor->messageLabel()->text()));
        QCOMPARE(storedIncident(night.thread, night.a1).acknowledgedBy, QStringLiteral("Beto"));

        // No technician's name: refused before anything is sent.
        page.actorEdit()->clear();
        QTest::keyClick(editor->textEdit(), Qt::Key_Escape);
        clickRow(page, night.a2);
        QTest::keyClick(page.table(), Qt::Key_N);
        QTest::keyClicks(editor->textEdit(), QStringLiteral("algo"));
        QTest::keyClick(editor->textEdit(), Qt::Key_Return);
        QTRY_COMPARE(finished.size(), 2);
        QVERIFY2(editor->messageLabel()->text().contains(QStringLiteral("Técnico")), qPrintable(editor->messageLabel()->text()));
        QCOMPARE(int(storedEvents(night.thread, night.a2).size()), 1);
    }

    void exportWritesTheShownRows()
    {
        Night night;
        QVERIFY(night.open());
        IncidentsPage page(&night.thread);
        QVERIFY(showPage(page));
        choose(page.serverFilter(), night.beta.server());
        QTRY_COMPARE(shownIds(page), (QList<qint64>{night.b1, night.b2}));
        QSignalSpy exported(&page, &IncidentsPage::exported);

        // CSV, through the button and the (non-blocking) save dialog.
        const QString csvPath = night.dir.filePath(QStringLiteral("incidentes.csv"));
        QToolButton *csvButton = buttonFor(&page, page.action(IncidentsPage::Action::ExportCsv));
        QVERIFY(csvButton);
        QTest::mouseClick(csvButton, Qt::LeftButton);
        QFileDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = page.findChild<QFileDialog *>(QStringLiteral("incidentsExportDialog"))));
        QVERIFY(dialog->isVisible());
        dialog->selectFile(csvPath);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept is protected; QDialog's is not
        QTRY_COMPARE(exported.size(), 1);
        QVERIFY2(exported.first().at(1).toBool(), qPrintable(exported.first().at(2).toString()));
        QCOMPARE(fileMode(csvPath), 0600);
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(0).startsWith("id,server,kind"));
        QVERIFY(lines.at(1).startsWith(QByteArray(QByteArray::number(night.b1) + ",beta,site_unreachable,")));
        QVERIFY(lines.at(2).startsWith(QByteArray(QByteArray::number(night.b2) + ",beta,check_failed,")));

        // JSON with each incident's timeline and the summary.
        const QString jsonPath = night.dir.filePath(QStringLiteral("incidentes.json"));
        QTest::mouseClick(buttonFor(&page, page.action(IncidentsPage::Action::ExportJson)), Qt::LeftButton);
        QTRY_VERIFY((dialog = page.findChild<QFileDialog *>(QStringLiteral("incidentsExportDialog"))));
        dialog->selectFile(jsonPath);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept is protected; QDialog's is not
        QTRY_COMPARE(exported.size(), 2);
        QVERIFY2(exported.at(1).at(1).toBool(), qPrintable(exported.at(1).at(2).toString()));
        QCOMPARE(fileMode(jsonPath), 0600);
        QFile json(jsonPath);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(json.readAll()).object();
        const QJsonArray list = doc.value(QStringLiteral("incidents")).toArray();
        QCOMPARE(list.size(), 2);
        QCOMPARE(qint64(list.at(0).toObject().value(QStringLiteral("id")).toDouble()), night.b1);
        QCOMPARE(qint64(list.at(1).toObject().value(QStringLiteral("id")).toDouble()), night.b2);
        QCOMPARE(list.at(1).toObject().value(QStringLiteral("events")).toArray().size(), 2); // opened, resolved
        QCOMPARE(doc.value(QStringLiteral("summary")).toObject().value(QStringLiteral("all")).toObject().value(QStringLiteral("count")).toInt(), 2);

        // A folder that cannot be written: said, not swallowed.
        page.exportTo(QStringLiteral("/proc/no-such-dir/incidentes.csv"), IncidentsPage::ExportFormat::Csv);
        QTRY_COMPARE(exported.size(), 3);
        QCOMPARE(exported.at(2).at(1).toBool(), false);
        QVERIFY(page.banner()->isVisible());
        QVERIFY(page.banner()->text().contains(QStringLiteral("No se exportó")));
    }

    void changesFromElsewhereAppearWithoutReload()
    {
        Night night;
        QVERIFY(night.open());
        IncidentsPage page(&night.thread);
        QVERIFY(showPage(page));
        QSignalSpy loaded(&page, &IncidentsPage::loaded);
        clickRow(page, night.a2);

        // A rule raises a new critical incident on beta: it appears, first, and a2 stays selected.
        const incidents::IncidentLog beta(night.beta);
        incidents::Condition c;
        c.kind = QStringLiteral("cut_backwards");
        c.subject = QStringLiteral("20240602_2100");
        c.startedUtc = QDateTime::currentDateTimeUtc();
        c.detectedUtc = c.startedUtc;
        QElapsedTimer clock;
        clock.start();
        beta.raise(c); // no callback: only the StoreThread's incidentChanged tells the page
        QTRY_COMPARE(page.model()->rowCount(), 7);
        const qint64 shownAfterMs = clock.elapsed();
        QCOMPARE(page.model()->incident(0).kind, QStringLiteral("cut_backwards"));
        const qint64 raised = page.model()->incident(0).id;
        QCOMPARE(page.selectedId(), night.a2);
        QCOMPARE(page.table()->selectionModel()->currentIndex().row(), page.model()->rowOf(night.a2));
        qInfo("a rule's new incident was on the page %lld ms after it was raised", shownAfterMs);

        // The condition clears: resolved on the page, moved among the resolved.
        beta.clear(c.kind, c.subject, QDateTime::currentDateTimeUtc());
        QTRY_COMPARE(page.model()->index(page.model()->rowOf(raised), IncidentsTableModel::State).data().toString(),
                     QStringLiteral("Resuelto"));
        QCOMPARE(page.model()->rowOf(raised), 4); // first of the resolved: the newest
        // A note on the selected incident from elsewhere lands in its timeline.
        incidents::IncidentLog(night.alfa).act(night.a2, store::IncidentAction::Note, QStringLiteral("Beto"),
                                              QStringLiteral("Mirando el sitio oficial"), nullptr, {});
        QTRY_COMPARE(page.detail()->timeline()->rowCount(), 2);
        QCOMPARE(page.detail()->timeline()->item(1, IncidentDetail::TextColumn)->text(), QStringLiteral("Mirando el sitio oficial"));
        QVERIFY(loaded.size() >= 2);
    }

    // A publication_dir and an access_log that do not exist, watched by the real sessions (on this
    // machine: LocalHost runs the same scripts): each is a watch_failed incident on the page within
    // 10 s, naming its path; when the paths appear, both are resolved.
    void watchFailuresAreIncidents()
    {
        Night night;
        QVERIFY(night.open());
        IncidentsPage page(&night.thread);
        QVERIFY(showPage(page));
        QTemporaryDir dir(test::tempTemplate());
        remote::LocalHost host;
        host.connectToHost();
        Profile profile;
        profile.name = QStringLiteral("alfa");
        profile.publicationDir = dir.filePath(QStringLiteral("publicacion-no-existe"));
        profile.accessLog = dir.filePath(QStringLiteral("no-existe.log"));
        cuts::CutSession cuts(&host, profile, night.alfa);
        traffic::TrafficSession traffic(&host, profile);
        traffic.setStore(night.alfa);
        auto shown = [&page](const QString &subject) -> std::optional<IncidentRecord> {
            for (const IncidentRecord &i : page.model()->incidents())
                if (i.kind == QLatin1String("watch_failed") && i.subject == subject)
                    return i;
            return std::nullopt;
        };
        QElapsedTimer clock;
        clock.start();
        cuts.start();
        traffic.start();
        QTRY_VERIFY_WITH_TIMEOUT(shown(QStringLiteral("publication_dir")) && shown(QStringLiteral("access_log")), 10000);
        qInfo("both watch_failed incidents on the page %lld ms after the sessions started", clock.elapsed());
        QVERIFY(shown(QStringLiteral("publication_dir"))->detail.contains(profile.publicationDir));
        QVERIFY(shown(QStringLiteral("access_log"))->detail.contains(profile.accessLog));
        const int row = page.model()->rowOf(shown(QStringLiteral("access_log"))->id);
        QCOMPARE(page.model()->index(row, IncidentsTableModel::Title).data().toString(),
                 QStringLiteral("No se puede vigilar una ruta del perfil"));

        QVERIFY(QDir().mkpath(profile.publicationDir));
        QFile log(profile.accessLog);
        QVERIFY(log.open(QIODevice::WriteOnly));
        log.close();
        QTRY_VERIFY_WITH_TIMEOUT(!shown(QStringLiteral("access_log"))->isOpen(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!shown(QStringLiteral("publication_dir"))->isOpen(), 20000); // retried every 10 s
        traffic.stop();
        cuts.stop();
    }

    void showAndAcknowledgeFromOutside()
    {
        Night night;
        QVERIFY(night.open());
        IncidentsPage page(&night.thread);
        QVERIFY(showPage(page));
        choose(page.stateFilter(), QStringLiteral("resolved"));
        QTRY_COMPARE(shownIds(page), (QList<qint64>{night.b2, night.a4}));

        // "Ver" on a notification of an incident the filters hide: they are cleared, it is selected.
        page.showIncident(night.a3);
        QTRY_COMPARE(page.selectedId(), night.a3);
        QCOMPARE(page.stateFilter()->currentIndex(), 0);
        QCOMPARE(page.model()->rowCount(), 6);
        QCOMPARE(page.detail()->incidentId(), night.a3);

        // "Reconocer": the editor opens for that incident.
        page.acknowledgeIncident(night.b1);
        QTRY_COMPARE(page.selectedId(), night.b1);
        QVERIFY(page.noteEditor()->isVisible());
        QCOMPARE(page.noteEditor()->incidentId(), night.b1);
        QCOMPARE(page.noteEditor()->mode(), IncidentNoteEditor::Mode::Acknowledge);

        // An incident that does not exist: said.
        page.showIncident(999999);
        QTRY_VERIFY(page.banner()->isVisible());
        QVERIFY(page.banner()->text().contains(QStringLiteral("999999")));
    }

    void theWindowsAlertsOpenTheIncident()
    {
        // As the app installs it: "Ver" / "Reconocer" on an alert reach the page through the window.
        Night night;
        QVERIFY(night.open());
        MainWindow window(night.dir.filePath(QStringLiteral("perfiles")));
        window.setStoreThread(&night.thread);
        installIncidentsPage(PageContext{&window, &night.thread, QString()});
        auto *page = qobject_cast<IncidentsPage *>(window.page(MainWindow::Page::Incidents));
        QVERIFY(page);
        QTRY_COMPARE(page->model()->rowCount(), 6);
        Q_EMIT window.incidentViewRequested(night.a4);
        QTRY_COMPARE(page->selectedId(), night.a4);
        Q_EMIT window.incidentAcknowledgeRequested(night.a2);
        QTRY_COMPARE(page->selectedId(), night.a2);
        QCOMPARE(page->noteEditor()->incidentId(), night.a2);
        QCOMPARE(page->noteEditor()->mode(), IncidentNoteEditor::Mode::Acknowledge);
    }

    void evidenceTextIsReadable()
    {
        const QString text = evidenceText(QJsonObject{
            {QStringLiteral("check"), QJsonObject{{QStringLiteral("id"), QStringLiteral("cpu")},
                                                  {QStringLiteral("expected"), QStringLiteral("≥ 4 núcleos")},
                                                  {QStringLiteral("actual"), QStringLiteral("2 núcleos")}}},
            {QStringLiteral("recent_5xx_lines"), QJsonArray{QStringLiteral("línea 1"), QStringLiteral("línea 2")}},
            {QStringLiteral("down_since"), QStringLiteral("2024-06-03T03:00:00.000Z")}});
        QVERIFY2(text.contains(QStringLiteral("Requisito:")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("  Esperado: ≥ 4 núcleos")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Últimas líneas con 5xx de la bitácora (2):\n  línea 1\n  línea 2")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Sin conexión desde: 02/06/2024 21:00:00 (UTC-6)")), qPrintable(text));
        QVERIFY(!evidenceText({}).isEmpty());
    }

    void nightStartsAtNoonCentralTime()
    {
        // 2024-06-03 02:00 UTC is 2024-06-02 20:00 UTC-6: the night began 2024-06-02 12:00 UTC-6 = 18:00 UTC.
        QCOMPARE(IncidentsPage::nightStartUtc(QDateTime(QDate(2024, 6, 3), QTime(2, 0), Qt::UTC)),
                 QDateTime(QDate(2024, 6, 2), QTime(18, 0), Qt::UTC));
        // 11:59 UTC-6 still belongs to the night before.
        QCOMPARE(IncidentsPage::nightStartUtc(QDateTime(QDate(2024, 6, 3), QTime(17, 59), Qt::UTC)),
                 QDateTime(QDate(2024, 6, 2), QTime(18, 0), Qt::UTC));
        QCOMPARE(IncidentsPage::nightStartUtc(QDateTime(QDate(2024, 6, 3), QTime(18, 0), Qt::UTC)),
                 QDateTime(QDate(2024, 6, 3), QTime(18, 0), Qt::UTC));
    }

private:
    QTemporaryDir m_settingsDir{test::tempTemplate()};
};

QTEST_MAIN(TestIncidentsPage)
#include "tst_incidentspage.moc"
