// `--demo` as a user gets it: the real sandbox difusor starts, the window connects to it over real SSH
// (host key trusted without a prompt), the "Simulación" menu injects faults, and stopping leaves nothing.
#include "Gui.h"
#include "MainWindow.h"
#include "common/Settings.h"
#include "connection/ConnectionController.h"
#include "demo/DemoController.h"
#include "remote/RemoteHost.h"
#include "sandbox/Sandbox.h"
#include "TestEnv.h"

#include <QAction>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QMenu>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace difusor;
using namespace difusor::ui;

namespace {
// Processes whose command line names `text` (the sandbox's state folder appears in all of them).
int processesMentioning(const QString &text)
{
    int count = 0;
    const QDir proc(QStringLiteral("/proc"));
    for (const QString &pid : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool numeric = false;
        pid.toInt(&numeric);
        if (!numeric)
            continue;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains(text.toUtf8()))
            ++count;
    }
    return count;
}
} // namespace

class TestDemo final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void eachDemoRunStartsWithAnEmptyStore()
    {
        QTemporaryDir dir(test::tempTemplate());
        auto write = [](const QString &path, const QByteArray &data) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(data);
        };
        const QString first = difusor::ui::freshDemoStore(dir.path());
        QCOMPARE(first, dir.filePath(QStringLiteral("difusor-demo.sqlite")));
        QVERIFY(!QFile::exists(first));
        write(first, "run 1");
        write(first + QStringLiteral("-wal"), "wal 1");
        QCOMPARE(difusor::ui::freshDemoStore(dir.path()), first);
        QVERIFY(!QFile::exists(first) && !QFile::exists(first + QStringLiteral("-wal")));
        const QString previous = dir.filePath(QStringLiteral("difusor-demo.anterior.sqlite"));
        QFile kept(previous);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("run 1"));
        QVERIFY(QFile::exists(previous + QStringLiteral("-wal")));
        // A third run keeps only the second.
        write(first, "run 2");
        difusor::ui::freshDemoStore(dir.path());
        QFile second(previous);
        QVERIFY(second.open(QIODevice::ReadOnly));
        QCOMPARE(second.readAll(), QByteArray("run 2"));
        QVERIFY(!QFile::exists(previous + QStringLiteral("-wal")));
    }

    void demoStartsConnectsInjectsAndStops()
    {
        DIFUSOR_REQUIRE_PROGRAM(sshd, "sshd");
        DIFUSOR_REQUIRE_PROGRAM(nginx, "nginx");
        DIFUSOR_REQUIRE_PROGRAM(rsync, "rsync");
        Q_UNUSED(sshd) Q_UNUSED(nginx) Q_UNUSED(rsync)
        QTemporaryDir dir;
        Settings::setInstanceFile(dir.filePath(QStringLiteral("settings.ini")));
        MainWindow window(dir.filePath(QStringLiteral("profiles")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.simulationMenu()->menuAction()->isVisible()); // only the demo fills it

        auto *demo = new DemoController(&window);
        QSignalSpy truth(demo->sandbox(), &sandbox::Sandbox::groundTruthEvent);
        QElapsedTimer clock;
        clock.start();
        demo->start();
        QVERIFY(demo->running());
        // Connected over real SSH, no host-key prompt: the sandbox trusted its own key.
        QTRY_VERIFY_WITH_TIMEOUT(window.connection()->host()
                                     && window.connection()->host()->state() == remote::ConnectionState::Connected,
                                 20000);
        qInfo("demo connected %lld ms after start", clock.elapsed());
        QCOMPARE(window.connection()->profile().host, QStringLiteral("127.0.0.1"));
        const QString state = demo->sandbox()->stateDir();
        QVERIFY(QDir(state).exists());

        // The Simulación menu has every fault; one of them reaches the sandbox.
        QMenu *menu = window.simulationMenu();
        QVERIFY(menu->menuAction()->isVisible());
        QCOMPARE(menu->actions().size(), sandbox::Sandbox::faults().size());
        QAction *errors = nullptr;
        for (QAction *a : menu->actions()) {
            if (a->objectName() == QStringLiteral("fault_") + sandbox::faultId(sandbox::FaultKind::ServerErrors))
                errors = a;
        }
        QVERIFY(errors);
        errors->trigger();
        auto faultStarted = [&truth] {
            for (const QList<QVariant> &args : truth) {
                const QJsonObject o = args.at(0).toJsonObject();
                if (o.value(QStringLiteral("event")).toString() == QStringLiteral("fault_start")
                    && o.value(QStringLiteral("kind")).toString() == sandbox::faultId(sandbox::FaultKind::ServerErrors))
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(faultStarted(), 3000);

        // Quitting: disconnect, stop the sandbox; every process is gone and so is its folder.
        window.connection()->disconnectFromHost();
        QSignalSpy stopped(demo, &DemoController::stopped);
        clock.restart();
        demo->stop();
        QTRY_VERIFY_WITH_TIMEOUT(stopped.count() == 1, 5000);
        qInfo("demo stopped in %lld ms", clock.elapsed());
        QVERIFY(!demo->running());
        QTRY_COMPARE_WITH_TIMEOUT(processesMentioning(state), 0, 3000);
        QTRY_VERIFY_WITH_TIMEOUT(!QDir(state).exists(), 3000);
    }
};

QTEST_MAIN(TestDemo)
#include "tst_demo.moc"
