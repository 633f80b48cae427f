// The "Exportar" page as a technician uses it, on the real sandbox difusor: connected, the day chosen,
// "Exportar" makes a package that "Verificar paquete…" accepts (with the comments typed on the page);
// "Cancelar" stops an export and exporting again into the same folder goes on; a tampered package is
// refused naming the file. "Vista previa" shows the report from the store (an incident that affected
// publication) while the window keeps answering. DIFUSOR_SCREENSHOT=1 saves the page as
// packaging/screenshots/export.png.
#include "MainWindow.h"
#include "SandboxFixture.h"
#include "TestEnv.h"
#include "common/Settings.h"
#include "connection/ServerSet.h"
#include "pages/PageContext.h"
#include "pages/export/ExportPage.h"
#include "store/Store.h"
#include "store/StoreThread.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QElapsedTimer>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

using namespace difusor;
using namespace difusor::ui;
using namespace difusor::test;

class TestExportPage final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir{tempTemplate()};
    store::StoreThread m_store;
    SandboxRun m_run;

private Q_SLOTS:
    void initTestCase()
    {
        DIFUSOR_REQUIRE_PROGRAM(sshd, "sshd");
        DIFUSOR_REQUIRE_PROGRAM(nginx, "nginx");
        DIFUSOR_REQUIRE_PROGRAM(rsync, "rsync");
        Settings::setInstanceFile(m_dir.filePath(QStringLiteral("settings.ini")));
        QSignalSpy opened(&m_store, &store::StoreThread::opened);
        m_store.open(m_dir.filePath(QStringLiteral("consola.sqlite")));
        QVERIFY(opened.wait(10000));
        sandbox::SandboxOptions options;
        options.cutIntervalS = 5;
        options.visitorsPerSecond = 20;
        QVERIFY2(m_run.start(options), qPrintable(m_run.error));
    }

    void cleanupTestCase() { m_run.stop(); }

    void previewFromStore()
    {
        // An incident of the page's default period (the call's 2-9 June 2024) that affected the
        // publication, written by another connection as the console's incident rules would.
        {
            store::Store direct;
            QVERIFY(direct.open(m_dir.filePath(QStringLiteral("consola.sqlite"))));
            const auto server = direct.registerServer({QStringLiteral("norte"), QStringLiteral("SHA256:norte"), QStringLiteral("norte"),
                                                       QStringLiteral("prep@norte:22")},
                                                      QDateTime::currentDateTimeUtc());
            QVERIFY(server);
            direct.setServer(*server);
            store::IncidentRecord down;
            down.kind = QStringLiteral("site_unreachable");
            down.subject = QStringLiteral("difusor");
            down.title = QStringLiteral("El sitio del difusor no responde (ñandú)");
            down.detail = QStringLiteral("No respondió en 10 s.");
            down.affectsPublication = true;
            down.openedUtc = QDateTime(QDate(2024, 6, 3), QTime(3, 0), Qt::UTC);
            down.detectedUtc = down.openedUtc.addSecs(60);
            QVERIFY2(direct.raiseIncident(down), qPrintable(direct.lastError()));
        }
        MainWindow window(m_dir.filePath(QStringLiteral("profiles")));
        window.setStoreThread(&m_store);
        installPages(PageContext{&window, &m_store, m_dir.filePath(QStringLiteral("consola.sqlite"))});
        auto *page = qobject_cast<ExportPage *>(window.page(MainWindow::Page::Export));
        QVERIFY(page);
        window.resize(1280, 800);
        window.show();
        window.showPage(MainWindow::Page::Export);

        // The window's thread keeps turning while the preview is built: the widest gap between two
        // ticks of a 10 ms timer stays small.
        QElapsedTimer sinceTick;
        qint64 widestGapMs = 0;
        QTimer ticker;
        ticker.setInterval(10);
        connect(&ticker, &QTimer::timeout, this, [&] {
            widestGapMs = std::max(widestGapMs, sinceTick.restart());
        });
        QSignalSpy done(page, &ExportPage::previewFinished);
        auto *button = page->findChild<QPushButton *>(QStringLiteral("exportPreviewButton"));
        QVERIFY(button);
        sinceTick.start();
        ticker.start();
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(page->isPreviewing());
        QTRY_VERIFY_WITH_TIMEOUT(page->previewText().contains(QStringLiteral("El sitio del difusor no responde (ñandú)")), 10000);
        ticker.stop();
        QCOMPARE(done.size(), 1);
        QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
        const QString text = page->previewText();
        for (const char *title : {"1. Bitácoras de acceso", "2. Incidentes que afectaron la publicación",
                                  "3. Comparativo de visitas, páginas y hits", "4. Comentarios y sugerencias"})
            QVERIFY2(text.contains(QString::fromUtf8(title)), title);
        QVERIFY(text.contains(QStringLiteral("Vista previa sin bitácoras")));
        // The two charts (days, election night) drawn in the text where their markers were.
        QVERIFY(!text.contains(QLatin1String("[[chart-")));
        QCOMPARE(text.count(QChar::ObjectReplacementCharacter), 2);
        QVERIFY(page->findChild<QTextBrowser *>(QStringLiteral("exportPreview"))->isVisible());
        qInfo("widest gap of the window's thread while previewing: %lld ms", widestGapMs);
        QVERIFY2(widestGapMs < 1000, qPrintable(QString::number(widestGapMs)));

        // Asked again: refreshed with the comments as they are now.
        page->findChild<QPlainTextEdit *>(QStringLiteral("exportComments"))->setPlainText(QStringLiteral("Comentario nuevo: añadido."));
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(page->previewText().contains(QStringLiteral("Comentario nuevo: añadido.")), 10000);
        QCOMPARE(done.size(), 2);
    }

    void previewSaysWhenStoreUnreadable()
    {
        // A store file that is not SQLite: the preview still shows, and says why it holds no data.
        const QString broken = m_dir.filePath(QStringLiteral("rota.sqlite"));
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
        f.close();
        ExportPage page(nullptr, broken);
        page.resize(1000, 700);
        page.show();
        QSignalSpy done(&page, &ExportPage::previewFinished);
        page.startPreview();
        QVERIFY(done.wait(10000));
        QVERIFY(!done.first().at(0).toBool());
        QVERIFY2(page.statusText().contains(QStringLiteral("Sin base de datos")), qPrintable(page.statusText()));
        QVERIFY(page.previewText().contains(QStringLiteral("Sin base de datos de la consola")));
        qInfo("%s", qPrintable(page.statusText()));
    }

    void exportCancelVerify()
    {
        MainWindow window(m_dir.filePath(QStringLiteral("profiles")));
        window.setStoreThread(&m_store);
        installPages(PageContext{&window, &m_store, m_dir.filePath(QStringLiteral("consola.sqlite"))});
        auto *page = qobject_cast<ExportPage *>(window.page(MainWindow::Page::Export));
        QVERIFY(page);
        window.resize(1100, 760);
        window.show();
        window.showPage(MainWindow::Page::Export);
        Profile profile = m_run.sandbox->profile();
        profile.name = QStringLiteral("difusor");
        window.connectProfile(profile);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(profile.accessLog).size() > 5000, 15000);
        const QDate today = QDateTime::currentDateTimeUtc().addSecs(-6 * 3600).date();
        page->setPeriod(today, today);
        page->findChild<QPlainTextEdit *>(QStringLiteral("exportComments"))->setPlainText(QStringLiteral("Sin novedades: ñandú."));
        const QString bag = m_dir.filePath(QStringLiteral("paquete"));
        page->setOutputFolder(bag);
        QSignalSpy done(page, &ExportPage::exportFinished);
        QSignalSpy verified(page, &ExportPage::verifyFinished);

        // Started and cancelled at once: stopped, nothing sealed; the next export goes on.
        QTRY_VERIFY_WITH_TIMEOUT(page->findChild<QWidget *>(QStringLiteral("exportServers"))->isEnabled(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            page->startExport();
            return page->isBusy();
        }(), 15000); // the server shows as connected once the connection is up
        page->cancelExport();
        QVERIFY(done.wait(20000));
        if (!done.first().at(0).toBool()) // cancelled (it may also have finished first: a small log)
            QVERIFY2(!QFile::exists(bag + QStringLiteral("/bagit.txt")), qPrintable(done.first().at(1).toString()));
        done.clear();

        // A preview asked at the same time neither waits for the export nor holds it.
        QSignalSpy previewed(page, &ExportPage::previewFinished);
        page->startPreview();
        page->startExport();
        QVERIFY(page->isBusy());
        QVERIFY(page->isPreviewing());
        QVERIFY(done.wait(60000));
        QTRY_COMPARE_WITH_TIMEOUT(previewed.size(), 1, 10000);
        QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
        QVERIFY(QFile::exists(bag + QStringLiteral("/bagit.txt")));
        QFile comments(bag + QStringLiteral("/data/comentarios.txt"));
        QVERIFY(comments.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(comments.readAll()), QStringLiteral("Sin novedades: ñandú."));

        page->verifyFolder(bag);
        QVERIFY(verified.wait(20000));
        QVERIFY2(verified.first().at(0).toBool(), qPrintable(verified.first().at(1).toString()));
        if (qEnvironmentVariable("DIFUSOR_SCREENSHOT") == QLatin1String("1"))
            window.grab().save(QStringLiteral(DIFUSOR_SCREENSHOTS) + QStringLiteral("/export.png"));

        // One byte changed: refused, the file named in the page's log.
        QFile f(bag + QStringLiteral("/data/comentarios.txt"));
        QVERIFY(f.open(QIODevice::Append));
        f.write("!");
        f.close();
        verified.clear();
        page->verifyFolder(bag);
        QVERIFY(verified.wait(20000));
        QVERIFY(!verified.first().at(0).toBool());
        QVERIFY(page->findChild<QPlainTextEdit *>(QStringLiteral("exportLog"))->toPlainText().contains(QLatin1String("data/comentarios.txt")));
        window.servers()->disconnectAll();
    }
};

QTEST_MAIN(TestExportPage)
#include "tst_exportpage.moc"
