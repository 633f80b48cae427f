// The page as a user gets it with `--demo`: installCutsPage in the real window, the sandbox difusor
// over real SSH, the CutSession watching its publication folder and both sites; disconnecting keeps
// what was shown and says nothing is watched any more.
#include "MainWindow.h"
#include "common/Settings.h"
#include "connection/ConnectionController.h"
#include "demo/DemoController.h"
#include "pages/PageContext.h"
#include "pages/cuts/CutsCharts.h"
#include "pages/cuts/CutsHeader.h"
#include "pages/cuts/CutsPage.h"
#include "pages/cuts/CutsTableModel.h"
#include "remote/RemoteHost.h"
#include "store/StoreThread.h"
#include "widgets/ServerTabs.h"
#include "TestEnv.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace difusor;
using namespace difusor::ui;

class TestCutsPageDemo final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void demoCutsReachThePage()
    {
        DIFUSOR_REQUIRE_PROGRAM(sshd, "sshd");
        DIFUSOR_REQUIRE_PROGRAM(nginx, "nginx");
        DIFUSOR_REQUIRE_PROGRAM(rsync, "rsync");
        Q_UNUSED(sshd) Q_UNUSED(nginx) Q_UNUSED(rsync)
        QTemporaryDir dir(test::tempTemplate());
        Settings::setInstanceFile(dir.filePath(QStringLiteral("settings.ini")));
        store::StoreThread store;
        QSignalSpy opened(&store, &store::StoreThread::opened);
        store.open(dir.filePath(QStringLiteral("cortes.sqlite")));
        QVERIFY(opened.wait(10000));

        MainWindow window(dir.filePath(QStringLiteral("profiles")));
        window.setStoreThread(&store);
        installCutsPage(PageContext{&window, &store, QString()});
        auto *tabs = qobject_cast<ServerTabs *>(window.page(MainWindow::Page::Cuts));
        QVERIFY(tabs);
        auto *page = qobject_cast<CutsPage *>(tabs->primaryPage());
        QVERIFY(page);
        window.showPage(MainWindow::Page::Cuts);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(page->header()->statusText(), QStringLiteral("Sin vigilancia"));

        auto *demo = new DemoController(&window);
        QElapsedTimer clock;
        clock.start();
        demo->start();
        QTRY_VERIFY_WITH_TIMEOUT(page->monitor() != nullptr, 20000);
        auto *watcher = page->findChild<QLabel *>(QStringLiteral("cutsWatcher"));
        QVERIFY(watcher);
        QTRY_VERIFY_WITH_TIMEOUT(watcher->text().contains(QStringLiteral("vigilada")), 20000);

        // A cut on our disk, seen by both sites: a full line, and the header follows it.
        auto fullRow = [page] {
            for (int row = 0; row < page->model()->rowCount(); ++row) {
                const CutRow &r = page->model()->cutRow(row);
                if (r.onDisk && r.lagMs())
                    return row;
            }
            return -1;
        };
        // The cut already on both sites when the demo connects is not measured (no made-up lag): the first
        // full line is the next cut, up to one 60 s interval later.
        QTRY_VERIFY_WITH_TIMEOUT(fullRow() >= 0, 90000);
        qInfo("first complete cut line %lld ms after the demo started", clock.elapsed());
        const CutRow &r = page->model()->cutRow(fullRow());
        QVERIFY2(qAbs(*r.lagMs()) < 60000, qPrintable(QString::number(*r.lagMs())));
        QVERIFY(r.record.package.contains(QStringLiteral("_PREP")));
        QVERIFY(page->timeline()->arrivalCount() >= 1);
        QVERIFY(page->lagChart()->lagCount() >= 1);
        QVERIFY(page->header()->cutText() != QStringLiteral("—"));
        QTRY_COMPARE_WITH_TIMEOUT(page->header()->statusText(), QStringLiteral("En tiempo"), 5000);

        // Disconnect: nothing is watched, the lines stay.
        const int rows = page->model()->rowCount();
        window.connection()->disconnectFromHost();
        QTRY_COMPARE_WITH_TIMEOUT(page->header()->statusText(), QStringLiteral("Sin vigilancia"), 5000);
        QVERIFY(page->monitor() == nullptr);
        QCOMPARE(page->model()->rowCount(), rows);

        QSignalSpy stopped(demo, &DemoController::stopped);
        demo->stop();
        QTRY_VERIFY_WITH_TIMEOUT(stopped.count() == 1, 10000);
    }
};

QTEST_MAIN(TestCutsPageDemo)
#include "tst_cutspage_demo.moc"
