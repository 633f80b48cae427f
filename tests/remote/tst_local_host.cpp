// LocalHost: the same run/stream/download/cancel semantics as SshHost, with QProcess.
#include "RemoteTestUtil.h"
#include "SshdFixture.h"
#include "TestEnv.h"
#include "remote/LocalHost.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

using namespace difusor;
using namespace difusor::remote;
using difusor::test::JobWatch;
using difusor::test::SshdFixture;

class TestLocalHost final : public QObject
{
    Q_OBJECT
    static QList<qint64> markedProcesses(const QByteArray &marker)
    {
        return SshdFixture::findProcesses([&marker](qint64, const QByteArray &, const QByteArray &environ) {
            return environ.split('\0').contains("DIFUSOR_MARK=" + marker);
        });
    }

private Q_SLOTS:
    void alwaysConnected()
    {
        LocalHost host;
        QCOMPARE(host.state(), ConnectionState::Connected);
        QSignalSpy spy(&host, &RemoteHost::stateChanged);
        host.connectToHost();
        QCOMPARE(spy.size(), 1);
    }

    void runGivesExitStdoutStderr()
    {
        LocalHost host;
        QSignalSpy ended(&host, &RemoteHost::commandEnded);
        const auto r = test::runAndWait(host, QStringLiteral("cat; printf 'e' >&2; exit 4"), QByteArray("in\0put", 6));
        QVERIFY(r);
        QCOMPARE(r->exitStatus, 4);
        QCOMPARE(r->stdOut, QByteArray("in\0put", 6));
        QCOMPARE(r->stdErr, QByteArray("e"));
        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended.first().first().value<CommandLogEntry>().exitStatus, 4);
        const auto missing = test::runAndWait(host, QStringLiteral("no-such-program-difusor"));
        QVERIFY(missing);
        QCOMPARE(missing->error, RemoteError::CommandNotFound);
    }

    void runScriptSendsScriptOnStdinWithQuotedArgs()
    {
        LocalHost host;
        QSignalSpy started(&host, &RemoteHost::commandStarted);
        QObject context;
        RemoteJob *job = host.runScript(QStringLiteral(":/test-scripts/echo_args.sh"),
                                        {QStringLiteral("a b"), QStringLiteral("$(id)"), QStringLiteral("-x'y")});
        QVERIFY(job);
        JobWatch watch(job, &context);
        QVERIFY(watch.wait(10000));
        QCOMPARE(watch.result->stdOut, QByteArray("[a b][$(id)][-x'y]\n"));
        QCOMPARE(started.first().first().value<CommandLogEntry>().command,
                 QStringLiteral("sh -s -- 'a b' '$(id)' '-x'\\''y' < :/test-scripts/echo_args.sh"));
        QVERIFY(!host.runScript(QStringLiteral(":/test-scripts/missing.sh")));
    }

    void capMarksTruncation()
    {
        LocalHost host;
        host.setOutputCap(100);
        const auto r = test::runAndWait(host, QStringLiteral("head -c 1000 /dev/zero"));
        QVERIFY(r);
        QVERIFY(r->stdOutTruncated);
        QVERIFY(r->stdOut.startsWith(QByteArray(100, '\0')));
    }

    void streamLines()
    {
        LocalHost host;
        QObject context;
        JobWatch watch(host.stream(QStringLiteral("seq 1 100000; printf tail")), &context);
        QVERIFY(watch.wait(20000));
        QCOMPARE(watch.lines.size(), 100001);
        QCOMPARE(watch.lines.at(99999), QByteArray("100000"));
        QCOMPARE(watch.lines.last(), QByteArray("tail"));
    }

    void timeoutAndCancelKillTheGroup()
    {
        LocalHost host;
        const QByteArray mark = "local" + QByteArray::number(QRandomGenerator::global()->generate());
        const auto r = test::runAndWait(host, QStringLiteral("DIFUSOR_MARK=%1 sleep 600 | cat").arg(QString::fromLatin1(mark)), {}, 500, 5000);
        QVERIFY(r);
        QCOMPARE(r->error, RemoteError::Timeout);
        QVERIFY(QTest::qWaitFor([&] { return markedProcesses(mark).isEmpty(); }, 5000));

        QObject context;
        RemoteJob *job = host.stream(QStringLiteral("echo up; DIFUSOR_MARK=%1 sleep 600").arg(QString::fromLatin1(mark)));
        JobWatch watch(job, &context);
        QVERIFY(QTest::qWaitFor([&] { return !watch.lines.isEmpty(); }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return !markedProcesses(mark).isEmpty(); }, 5000));
        job->cancel();
        QVERIFY(watch.wait(5000));
        QCOMPARE(watch.result->error, RemoteError::Cancelled);
        QVERIFY(QTest::qWaitFor([&] { return markedProcesses(mark).isEmpty(); }, 5000));
    }

    void downloadCopiesAndResumes()
    {
        QTemporaryDir dir(test::tempTemplate());
        QByteArray data(2500000, Qt::Uninitialized);
        for (int i = 0; i < data.size(); ++i)
            data[i] = char(QRandomGenerator::global()->bounded(256));
        QFile src(dir.filePath(QStringLiteral("src")));
        QVERIFY(src.open(QIODevice::WriteOnly));
        src.write(data);
        src.close();
        LocalHost host;
        QObject context;
        const QString dst = dir.filePath(QStringLiteral("dst"));
        JobWatch first(host.download(src.fileName(), dst), &context);
        QVERIFY(first.wait(10000));
        QVERIFY2(first.result->ok(), qPrintable(first.result->errorText));
        QCOMPARE(first.progress.last(), qMakePair(qint64(data.size()), qint64(data.size())));
        QFile out(dst);
        QVERIFY(out.open(QIODevice::ReadWrite));
        QVERIFY(out.readAll() == data);
        QVERIFY(out.resize(1000));
        out.close();
        JobWatch resumed(host.download(src.fileName(), dst, 1000), &context);
        QVERIFY(resumed.wait(10000));
        QVERIFY(resumed.result->ok());
        QVERIFY(out.open(QIODevice::ReadOnly));
        QVERIFY(out.readAll() == data);
        JobWatch bad(host.download(src.fileName(), dir.filePath(QStringLiteral("none")), 10), &context);
        QVERIFY(bad.wait(10000));
        QCOMPARE(bad.result->error, RemoteError::LocalIo);
    }
};

QTEST_GUILESS_MAIN(TestLocalHost)
#include "tst_local_host.moc"
