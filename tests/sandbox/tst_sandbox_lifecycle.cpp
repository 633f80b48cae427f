// The sandbox starts in under 5 s, stops in under 2 s, and leaves no process behind: not after a stop,
// not after its owner is destroyed without one, not after the console running it is killed with SIGKILL.
#include "SandboxFixture.h"
#include "TestEnv.h"
#include "common/Profile.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

using namespace difusor::test;
using difusor::sandbox::SandboxOptions;

namespace {

// `sandbox_cli sandbox run` (the same code as `difusor-console sandbox run`) as a child process.
struct CliSandbox
{
    QTemporaryDir dir{tempTemplate()};
    QProcess process;
    QString profilePath;
    std::optional<difusor::Profile> profile;

    bool start(int timeoutMs = 15000)
    {
        profilePath = dir.filePath(QStringLiteral("profile.json"));
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.setStandardOutputFile(dir.filePath(QStringLiteral("events.jsonl")));
        process.start(QStringLiteral(SANDBOX_CLI), {QStringLiteral("sandbox"), QStringLiteral("run"), QStringLiteral("--cut-interval"),
                                                    QStringLiteral("2"), QStringLiteral("--visitors"), QStringLiteral("20"),
                                                    QStringLiteral("--profile-out"), profilePath});
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < timeoutMs && process.state() != QProcess::NotRunning) {
            if (QFile::exists(profilePath) && (profile = difusor::Profile::load(profilePath)))
                return true;
            QTest::qWait(20);
        }
        return false;
    }
    QString stateDir() const { return profile ? profile->extra.value(QStringLiteral("sandbox_state_dir")).toString() : QString(); }
    ~CliSandbox()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(3000);
        }
    }
};

QStringList sshTail(const difusor::Profile &p, const QString &file)
{
    return {QStringLiteral("-p"), QString::number(p.port), QStringLiteral("-i"), p.keyFile,
            QStringLiteral("-o"), QStringLiteral("UserKnownHostsFile=") + p.knownHostsFile,
            QStringLiteral("-o"), QStringLiteral("StrictHostKeyChecking=yes"), QStringLiteral("-o"), QStringLiteral("BatchMode=yes"),
            QStringLiteral("-l"), p.user, p.host, QStringLiteral("tail -F ") + file};
}

} // namespace

class TestSandboxLifecycle final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        DIFUSOR_REQUIRE_PROGRAM(sshd, "sshd");
        DIFUSOR_REQUIRE_PROGRAM(nginx, "nginx");
        DIFUSOR_REQUIRE_PROGRAM(rsync, "rsync");
        DIFUSOR_REQUIRE_PROGRAM(ssh, "ssh");
    }

    void readyUnderFiveStopUnderTwo()
    {
        for (int round = 0; round < 2; ++round) {
            SandboxRun run;
            SandboxOptions options;
            options.cutIntervalS = 2;
            QVERIFY2(run.start(options), qPrintable(run.error));
            const QString state = run.sandbox->stateDir();
            QVERIFY(!processesMentioning(state).isEmpty());
            QTest::qWait(1500); // let a cut, a push and some visitors happen
            const qint64 stopMs = run.stop();
            qInfo("round %d: ready in %lld ms (< 5000), stopped in %lld ms (< 2000)", round, run.readyMs, stopMs);
            QVERIFY2(run.readyMs < 5000, qPrintable(QString::number(run.readyMs)));
            QVERIFY2(stopMs >= 0 && stopMs < 2000, qPrintable(QString::number(stopMs)));
            // The stop waited for the watchdog's sweep: nothing is left at that moment already.
            QVERIFY2(processesMentioning(state).isEmpty(), qPrintable(processesMentioning(state).join(QLatin1Char('\n'))));
            QTRY_VERIFY_WITH_TIMEOUT(!QDir(state).exists(), 2000);
        }
    }

    void destroyingARunningSandboxKillsEverything()
    {
        SandboxRun run;
        SandboxOptions options;
        options.cutIntervalS = 2;
        QVERIFY2(run.start(options), qPrintable(run.error));
        const QString state = run.sandbox->stateDir();
        run.sandbox.reset(); // no stop()
        QTRY_VERIFY_WITH_TIMEOUT(processesMentioning(state).isEmpty(), 3000);
        QTRY_VERIFY_WITH_TIMEOUT(!QDir(state).exists(), 3000);
    }

    void sigtermStopsTheCommandCleanly()
    {
        CliSandbox cli;
        QVERIFY(cli.start());
        const QString state = cli.stateDir();
        QVERIFY(!state.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(processesMentioning(state).size() >= 5, 5000); // watchdog, sshd, rsync, 2 nginx
        QElapsedTimer clock;
        clock.start();
        ::kill(pid_t(cli.process.processId()), SIGTERM);
        QVERIFY(cli.process.waitForFinished(5000));
        const qint64 took = clock.elapsed();
        qInfo("sandbox run stopped by SIGTERM in %lld ms", took);
        QCOMPARE(cli.process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(cli.process.exitCode(), 0);
        QVERIFY2(took < 2000, qPrintable(QString::number(took)));
        QVERIFY2(processesMentioning(state).isEmpty(), qPrintable(processesMentioning(state).join(QLatin1Char('\n'))));
    }

    void sigkillLeavesNoSurvivor()
    {
        CliSandbox cli;
        QVERIFY(cli.start());
        const QString state = cli.stateDir();
        QVERIFY(!state.isEmpty());
        // A console-like SSH session on the sandbox: its remote `tail -F` runs under an sshd child that
        // called setsid(), the hardest kind of process to catch.
        QProcess ssh;
        ssh.setStandardOutputFile(QProcess::nullDevice());
        ssh.start(findProgram(QStringLiteral("ssh")), sshTail(*cli.profile, cli.profile->accessLog));
        QTRY_VERIFY_WITH_TIMEOUT(processesMentioning(QStringLiteral("tail -F ") + cli.profile->accessLog).size() >= 2, 8000);
        QTRY_VERIFY_WITH_TIMEOUT(processesMentioning(state).size() >= 7, 5000);
        const QStringList before = processesMentioning(state);
        for (const char *what : {"sshd", "nginx", "rsync --daemon", "watchdog.sh"}) {
            bool seen = false;
            for (const QString &line : before)
                seen = seen || line.contains(QLatin1String(what));
            QVERIFY2(seen, what);
        }

        QElapsedTimer clock;
        clock.start();
        ::kill(pid_t(cli.process.processId()), SIGKILL);
        QVERIFY(cli.process.waitForFinished(3000));
        // Everything of the sandbox is gone within a couple of seconds; our own ssh client is
        // disconnected (it is the only survivor allowed: it is the test's, not the sandbox's).
        QTRY_VERIFY_WITH_TIMEOUT(ssh.state() == QProcess::NotRunning, 3000);
        QTRY_VERIFY_WITH_TIMEOUT(processesMentioning(state).isEmpty(), 3000);
        qInfo("after SIGKILL, every sandbox process was gone in %lld ms", clock.elapsed());
        QTRY_VERIFY_WITH_TIMEOUT(!QDir(state).exists(), 2000);
    }
};

QTEST_GUILESS_MAIN(TestSandboxLifecycle)
#include "tst_sandbox_lifecycle.moc"
