// Several servers in the GUI (issue 10), against real sandbox difusors over SSH:
//  - yesterday's sandbox and today's on one store: the cuts page shows today's arrivals only;
//  - two sandboxes at once ("Conectar además"): a tab per server on the live pages, each with its own
//    cuts and lag, the "Resumen" tiles of each server, and the /metrics endpoint naming both.
#include "MainWindow.h"
#include "SandboxFixture.h"
#include "TestEnv.h"
#include "common/Settings.h"
#include "connection/GuiMetrics.h"
#include "connection/ServerSet.h"
#include "pages/PageContext.h"
#include "pages/cuts/CutsPage.h"
#include "pages/cuts/CutsTableModel.h"
#include "pages/summary/NightTile.h"
#include "pages/summary/SummaryPage.h"
#include "remote/RemoteHost.h"
#include "store/StoreThread.h"
#include "widgets/ServerTabs.h"

#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTabBar>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace difusor;
using namespace difusor::ui;
using namespace difusor::test;

namespace {

sandbox::SandboxOptions fastSandbox(int intervalS)
{
    sandbox::SandboxOptions options;
    options.cutIntervalS = intervalS;
    options.visitorsPerSecond = 2;
    options.pushDelayMs = 200;
    options.publishDelayMs = 200;
    return options;
}

Profile profileOf(const SandboxRun &run, const QString &name)
{
    Profile p = run.sandbox->profile();
    p.name = name;
    p.extra.insert(QStringLiteral("poll_interval_ms"), 250);
    p.extra.insert(QStringLiteral("fast_poll_interval_ms"), 150);
    return p;
}

// Rows with a cut on disk; the earliest arrival among them (ms), -1 when none.
int diskRows(const CutsTableModel *model, qint64 *earliestArrivalMs = nullptr)
{
    int rows = 0;
    qint64 earliest = -1;
    for (int row = 0; row < model->rowCount(); ++row) {
        const CutRow &r = model->cutRow(row);
        if (!r.onDisk)
            continue;
        ++rows;
        const qint64 arrived = r.record.arrivedConsoleUtc.toMSecsSinceEpoch();
        if (earliest < 0 || arrived < earliest)
            earliest = arrived;
    }
    if (earliestArrivalMs)
        *earliestArrivalMs = earliest;
    return rows;
}

bool hasLag(const CutsTableModel *model)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->cutRow(row).onDisk && model->cutRow(row).lagMs())
            return true;
    }
    return false;
}

} // namespace

class TestServers final : public QObject
{
    Q_OBJECT
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
        QVERIFY(opened.first().first().toBool());
    }

    void yesterdaysSandboxIsNotShownAsToday()
    {
        MainWindow window(m_dir.filePath(QStringLiteral("profiles")));
        window.setStoreThread(&m_store);
        installPages(PageContext{&window, &m_store, m_dir.filePath(QStringLiteral("consola.sqlite"))});
        auto *tabs = qobject_cast<ServerTabs *>(window.page(MainWindow::Page::Cuts));
        QVERIFY(tabs);
        auto *page = qobject_cast<CutsPage *>(tabs->primaryPage());
        QVERIFY(page);
        window.show();

        {
            SandboxRun yesterday;
            QVERIFY2(yesterday.start(fastSandbox(2)), qPrintable(yesterday.error));
            window.connectProfile(profileOf(yesterday, QStringLiteral("difusor")));
            QTRY_VERIFY_WITH_TIMEOUT(diskRows(page->model()) >= 2, 20000);
            window.servers()->disconnectAll();
            QTRY_VERIFY(page->monitor() == nullptr);
            yesterday.stop();
        }
        QTest::qWait(1500);
        SandboxRun today;
        QVERIFY2(today.start(fastSandbox(2)), qPrintable(today.error));
        const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
        window.connectProfile(profileOf(today, QStringLiteral("difusor")));
        QTRY_VERIFY_WITH_TIMEOUT(page->monitor() != nullptr, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(diskRows(page->model()) >= 2, 20000);
        qint64 earliest = -1;
        const int rows = diskRows(page->model(), &earliest);
        qInfo("today: %d cut lines, earliest arrival %lld ms after today's sandbox started", rows, earliest - startMs);
        // Same package names as yesterday's (both nights start at 20:00), but only today's arrivals.
        QVERIFY2(earliest >= startMs - 1000, qPrintable(QString::number(earliest - startMs)));
        window.servers()->disconnectAll();
        today.stop();
    }

    void twoServersAtOnce()
    {
        SandboxRun primary;
        SandboxRun replica;
        QVERIFY2(primary.start(fastSandbox(2)), qPrintable(primary.error));
        QVERIFY2(replica.start(fastSandbox(3)), qPrintable(replica.error));

        MainWindow window(m_dir.filePath(QStringLiteral("profiles")));
        window.setStoreThread(&m_store);
        installPages(PageContext{&window, &m_store, m_dir.filePath(QStringLiteral("consola.sqlite"))});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        window.connectProfile(profileOf(primary, QStringLiteral("primario")));
        window.addServer(profileOf(replica, QStringLiteral("réplica")));
        QCOMPARE(window.servers()->entries().size(), 2);
        for (ServerEntry *entry : window.servers()->entries())
            QTRY_VERIFY_WITH_TIMEOUT(entry->isReady(), 20000);
        QVERIFY(window.servers()->entries().at(0)->store().server()
                != window.servers()->entries().at(1)->store().server());

        auto *tabs = qobject_cast<ServerTabs *>(window.page(MainWindow::Page::Cuts));
        QVERIFY(tabs);
        QCOMPARE(tabs->count(), 2);
        window.showPage(MainWindow::Page::Cuts);
        QTRY_VERIFY(tabs->tabBar()->isVisible());
        QCOMPARE(tabs->tabText(0), QStringLiteral("primario"));
        QCOMPARE(tabs->tabText(1), QStringLiteral("réplica"));
        for (ServerEntry *entry : window.servers()->entries()) {
            auto *page = qobject_cast<CutsPage *>(tabs->pageFor(entry));
            QVERIFY(page);
            QTRY_VERIFY_WITH_TIMEOUT(hasLag(page->model()), 20000);
            // Each page's cuts are its server's: the ground truth of that sandbox wrote them.
            const SandboxRun &run = entry->profile().name == QLatin1String("primario") ? primary : replica;
            QSet<qint64> written;
            for (const QJsonObject &r : eventsNamed(run.truth(), QStringLiteral("cut_written")))
                written.insert(cutOf(r).toMSecsSinceEpoch());
            for (int row = 0; row < page->model()->rowCount(); ++row) {
                const CutRow &r = page->model()->cutRow(row);
                if (!r.onDisk)
                    continue;
                QVERIFY2(written.contains(r.record.cutTimeUtc.toMSecsSinceEpoch()), qPrintable(entry->title()));
                const qint64 wrote = [&] {
                    for (const QJsonObject &t : eventsNamed(run.truth(), QStringLiteral("cut_written")))
                        if (cutOf(t) == r.record.cutTimeUtc)
                            return t.value(QStringLiteral("t")).toInteger();
                    return qint64(-1);
                }();
                QVERIFY2(std::llabs(r.record.arrivedConsoleUtc.toMSecsSinceEpoch() - wrote) <= 1500,
                         qPrintable(entry->title()));
            }
        }

        // "Resumen", the night view: tiles per server (shown: a hidden page is not redrawn), each with
        // its connection, its current cut and a measured lag.
        auto *summary = qobject_cast<SummaryPage *>(window.page(MainWindow::Page::Summary));
        QVERIFY(summary);
        window.showPage(MainWindow::Page::Summary);
        QCOMPARE(summary->entries().size(), 2);
        for (ServerEntry *entry : window.servers()->entries()) {
            QCOMPARE(summary->serverHeader(entry)->text(), entry->title());
            QCOMPARE(summary->tile(entry, SummaryArea::Connection)->word(), QStringLiteral("CONECTADO"));
            QTRY_VERIFY_WITH_TIMEOUT(summary->tile(entry, SummaryArea::Cuts)->detail().contains(QStringLiteral("UTC-6")), 10000);
            QTRY_COMPARE_WITH_TIMEOUT(summary->tile(entry, SummaryArea::Publication)->word(), QStringLiteral("EN PLAZO"), 10000);
        }

        // Prometheus, from the GUI: off by default, then on at the configured address.
        QVERIFY(!window.metrics()->isServing());
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        Settings::instance().set(Settings::Key::MetricsListen, QStringLiteral("127.0.0.1:%1").arg(port));
        window.setMetricsServing(true);
        QVERIFY(window.metrics()->isServing());
        QNetworkAccessManager http;
        QByteArray body;
        // Scraped every second, as Prometheus would: the lag of a server appears with its next measured
        // cut after the endpoint was turned on (a cut every 2 s here).
        auto scrape = [&] {
            QNetworkReply *reply = http.get(QNetworkRequest(QUrl(window.metrics()->url())));
            connect(reply, &QNetworkReply::finished, this, [&body, reply] {
                body = reply->readAll();
                reply->deleteLater();
            });
        };
        QTimer scraper;
        connect(&scraper, &QTimer::timeout, this, scrape);
        scraper.start(1000);
        scrape();
        QTRY_VERIFY_WITH_TIMEOUT(body.contains("difusor_cut_lag_seconds{server=\"primario\"}")
                                     && body.contains("difusor_cut_lag_seconds{server=\"réplica\"}"),
                                 15000);
        scraper.stop();
        QVERIFY(body.endsWith("# EOF\n"));
        QVERIFY2(body.contains("difusor_up{server=\"primario\"} 1"), body.constData());
        QVERIFY2(body.contains("difusor_up{server=\"réplica\"} 1"), body.constData());
        window.setMetricsServing(false);
        QVERIFY(!window.metrics()->isServing());

        // The second server goes: its tab and row go; the first keeps watching.
        ServerEntry *second = window.servers()->entries().at(1);
        window.servers()->removeServer(second);
        QCOMPARE(tabs->count(), 1);
        QCOMPARE(summary->entries().size(), 1);
        QVERIFY(window.servers()->primary()->isReady());
        window.servers()->disconnectAll();
        primary.stop();
        replica.stop();
    }

private:
    QTemporaryDir m_dir{tempTemplate()};
    store::StoreThread m_store;
};

QTEST_MAIN(TestServers)
#include "tst_servers.moc"
