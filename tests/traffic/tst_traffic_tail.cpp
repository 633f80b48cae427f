// LogTail over a real RemoteHost (LocalHost: the same sh script and stream channel as over SSH) on a
// log that grows, is rotated by rename (the writer keeps appending to the old file for a while), is
// interrupted by killing the remote script mid-stream, resumed by a new LogTail from the committed
// position, and rotated by copytruncate. At the end the counts equal `stats` over all lines written.
#include "LogGenerator.h"
#include "TestEnv.h"
#include "SshdFixture.h"
#include "remote/LocalHost.h"
#include "remote/SshHost.h"
#include "traffic/LogTail.h"
#include "traffic/StatsReport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace difusor::traffic;

namespace {

void append(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::Append));
    QCOMPARE(f.write(data), data.size());
}

// n combined-format lines, each for its own path ("/<tag*1000+i>"), so counts show every line once.
QByteArray numberedLines(int n, int tag)
{
    const QByteArray line = "10.0.0.1 - - [01/Oct/2026:10:00:00 -0600] \"GET / HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0\"\n";
    const qsizetype at = line.indexOf("GET /") + 5;
    QByteArray b;
    for (int i = 0; i < n; ++i)
        b += line.left(at) + QByteArray::number(tag * 1000 + i) + line.mid(at);
    return b;
}

} // namespace

class TstTrafficTail final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rotationKillAndResume()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        QVERIFY(dir.isValid());
        const QString source = dir.filePath(QStringLiteral("source.log"));
        difusor::test::LogGeneratorOptions g;
        g.days = 2;
        g.visitorsPerDay = 60;
        g.malformedEvery = 97;
        const auto gen = difusor::test::generateAccessLog(source, g);
        QFile s(source);
        QVERIFY(s.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = s.readAll().split('\n');
        lines.removeLast();
        QCOMPARE(qint64(lines.size()), gen.lines);
        const int parts = 7;
        QList<QByteArray> chunk(parts);
        for (int i = 0; i < lines.size(); ++i)
            chunk[i * parts / lines.size()] += lines[i] + '\n';

        const QString log = dir.filePath(QStringLiteral("access.log"));
        append(log, chunk[0]);

        difusor::remote::LocalHost host;
        host.connectToHost();
        TrafficCounter counter(TrafficCounter::Mode::AwStats, TrafficCounter::Period::Hour);
        LogIngest ingest(LogFormat::combined(), counter);
        auto seen = [&ingest] { return qint64(ingest.parsedLines() + ingest.malformedLines()); };
        qint64 expected = 0;
        auto linesIn = [](const QByteArray &b) { return qint64(b.count('\n')); };

        auto tail = std::make_unique<LogTail>(&host, log, &ingest);
        tail->start({}, false);
        expected += linesIn(chunk[0]);
        QTRY_COMPARE_WITH_TIMEOUT(seen(), expected, 20000);

        // Rotation by rename; the server writes to the old file until it reopens its log.
        QVERIFY(QFile::rename(log, log + QStringLiteral(".1")));
        append(log + QStringLiteral(".1"), chunk[1]);
        QTest::qWait(300);
        append(log, chunk[2]);
        expected += linesIn(chunk[1]) + linesIn(chunk[2]);
        QTRY_COMPARE_WITH_TIMEOUT(seen(), expected, 20000);
        QCOMPARE(tail->rotations(), 1u);

        // The link drops mid-stream (remote script killed while lines keep coming): it resumes by itself.
        QVERIFY(tail->remotePid() > 0);
        const QList<QByteArray> part3 = chunk[3].split('\n');
        append(log, QList<QByteArray>(part3.begin(), part3.begin() + part3.size() / 2).join('\n') + '\n');
        QCOMPARE(::kill(pid_t(tail->remotePid()), SIGKILL), 0);
        append(log, QList<QByteArray>(part3.begin() + part3.size() / 2, part3.end()).join('\n'));
        expected += linesIn(chunk[3]);
        QTRY_COMPARE_WITH_TIMEOUT(seen(), expected, 20000);
        QVERIFY(tail->restarts() >= 1);

        // The console restarts: a new tail from the committed position, lines written in between.
        const TailPosition saved = tail->position();
        tail.reset();
        append(log, chunk[4]);
        expected += linesIn(chunk[4]);
        tail = std::make_unique<LogTail>(&host, log, &ingest);
        tail->start(saved);
        QTRY_COMPARE_WITH_TIMEOUT(seen(), expected, 20000);

        // copytruncate: copy, empty the file in place, and the writer goes on in the same inode.
        QVERIFY(QFile::copy(log, log + QStringLiteral(".2")));
        QFile truncate(log);
        QVERIFY(truncate.resize(0));
        QSignalSpy truncated(tail.get(), &LogTail::truncated);
        QTRY_COMPARE_WITH_TIMEOUT(truncated.size(), 1, 10000);
        append(log, chunk[5]);
        append(log, chunk[6]);
        expected += linesIn(chunk[5]) + linesIn(chunk[6]);
        QTRY_COMPARE_WITH_TIMEOUT(seen(), expected, 20000);
        QCOMPARE(expected, gen.lines);
        QCOMPARE(tail->gaps(), 0u);
        tail.reset();

        // Same numbers as `stats` over every line written.
        StatsOptions o;
        o.by = TrafficCounter::Period::Hour;
        o.files = {source};
        const StatsResult ref = computeStats(o);
        QCOMPARE(ingest.malformedLines(), ref.malformedLines);
        QCOMPARE(ingest.parsedLines(), ref.parsedLines);
        QCOMPARE(counter.periods().size(), ref.counter->periods().size());
        auto it = ref.counter->periods().begin();
        for (const auto &[start, c] : counter.periods()) {
            QCOMPARE(start, it->first);
            QCOMPARE(c.requests, it->second.requests);
            QCOMPARE(c.hits, it->second.hits);
            QCOMPARE(c.pages, it->second.pages);
            QCOMPARE(c.visits, it->second.visits);
            QCOMPARE(c.uniqueVisitors, it->second.uniqueVisitors);
            QCOMPARE(c.bandwidth, it->second.bandwidth);
            ++it;
        }
    }

    // logrotate's copytruncate race: lines written after the tail's last read and before the copy are
    // only in the copy once the file is emptied. The tail finds the copy (same bytes before its offset)
    // and reads them from there: nothing lost, nothing twice.
    void copyTruncateRace()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        const QString log = dir.filePath(QStringLiteral("access.log"));
        append(log, numberedLines(50, 1));
        difusor::remote::LocalHost host;
        host.connectToHost();
        TrafficCounter counter(TrafficCounter::Mode::Raw, TrafficCounter::Period::Day);
        LogIngest ingest(LogFormat::combined(), counter);
        LogTail tail(&host, log, &ingest);
        QSignalSpy truncated(&tail, &LogTail::truncated);
        tail.start({}, false);
        QTRY_COMPARE_WITH_TIMEOUT(ingest.parsedLines(), 50u, 10000);
        for (int round = 2; round <= 4; ++round) {
            // Written and rotated within a millisecond: the tail (polling every 0.2 s) has not read them.
            append(log, numberedLines(30, round));
            const QString copy = log + QStringLiteral(".%1").arg(round - 1);
            QVERIFY(QFile::copy(log, copy));
            QFile f(log);
            QVERIFY(f.resize(0));
            QTRY_COMPARE_WITH_TIMEOUT(truncated.size(), round - 1, 10000);
            append(log, numberedLines(20, round + 10));
            QTRY_COMPARE_WITH_TIMEOUT(ingest.parsedLines(), 50u + quint64(round - 1) * 50u, 10000);
        }
        QTRY_COMPARE_WITH_TIMEOUT(ingest.parsedLines(), 50u + 3 * 50u, 10000);
        QTest::qWait(600);
        QCOMPARE(ingest.parsedLines(), 50u + 3 * 50u);
        // Each path once: raw mode counts every request per path.
        QCOMPARE(counter.topPages().distinct(), std::size_t(50 + 3 * 50));
        QCOMPARE(tail.gaps(), 0u);
    }

    // The same race when the script's copytruncate signature was taken some reads ago (it is taken every
    // 5 reads, not after each): the copy is still found by the bytes before that older offset, and the
    // lines after our last read are read from it, from our offset.
    void copyTruncateRaceWithAnOlderSignature()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        const QString log = dir.filePath(QStringLiteral("access.log"));
        append(log, numberedLines(10, 1));
        difusor::remote::LocalHost host;
        host.connectToHost();
        TrafficCounter counter(TrafficCounter::Mode::Raw, TrafficCounter::Period::Day);
        LogIngest ingest(LogFormat::combined(), counter);
        LogTail tail(&host, log, &ingest);
        QSignalSpy truncated(&tail, &LogTail::truncated);
        tail.start({}, false);
        QTRY_COMPARE_WITH_TIMEOUT(ingest.parsedLines(), 10u, 10000); // read 1: the signature is taken here
        append(log, numberedLines(10, 2));
        QTRY_COMPARE_WITH_TIMEOUT(ingest.parsedLines(), 20u, 10000); // reads 2 and 3: not taken again
        append(log, numberedLines(10, 3));
        QTRY_COMPARE_WITH_TIMEOUT(ingest.parsedLines(), 30u, 10000);
        append(log, numberedLines(30, 4));
        QVERIFY(QFile::copy(log, log + QStringLiteral(".1")));
        QFile f(log);
        QVERIFY(f.resize(0));
        QTRY_COMPARE_WITH_TIMEOUT(truncated.size(), 1, 10000);
        append(log, numberedLines(20, 5));
        QTRY_COMPARE_WITH_TIMEOUT(ingest.parsedLines(), 80u, 10000);
        QTest::qWait(600);
        QCOMPARE(ingest.parsedLines(), 80u);
        QCOMPARE(counter.topPages().distinct(), std::size_t(80));
        QCOMPARE(tail.gaps(), 0u);
    }

    // More than the script's 4 MiB batch at once: batches end at the cap (the byte there is mid-line:
    // counted and cut at the last newline) and then at the end (a newline: copied whole by one dd).
    // Every line once, the position at the file's end.
    void burstPastTheBatchCap()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        const QString log = dir.filePath(QStringLiteral("access.log"));
        append(log, QByteArray());
        difusor::remote::LocalHost host;
        host.connectToHost();
        TrafficCounter counter(TrafficCounter::Mode::Raw, TrafficCounter::Period::Day);
        LogIngest ingest(LogFormat::combined(), counter);
        LogTail tail(&host, log, &ingest);
        QSignalSpy committed(&tail, &LogTail::committed);
        tail.start({}, false);
        QTRY_VERIFY_WITH_TIMEOUT(committed.size() >= 1 || tail.remotePid() > 0, 10000);
        const QByteArray burst = numberedLines(100000, 0); // ~9.5 MiB
        QVERIFY(burst.size() > 2 * 4194304);
        append(log, burst);
        QTRY_COMPARE_WITH_TIMEOUT(ingest.parsedLines(), 100000u, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(tail.position().offset, qint64(burst.size()), 5000);
        QTest::qWait(600);
        QCOMPARE(ingest.parsedLines(), 100000u);
        QCOMPARE(ingest.malformedLines(), 0u);
        QCOMPARE(counter.topPages().distinct(), std::size_t(100000));
    }

    // An idle log is looked at about once a second (not every 0.2 s poll): a line after a quiet spell,
    // and a rotation during one, are still read, within about a second.
    void idleLogStillFollowed()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        const QString log = dir.filePath(QStringLiteral("access.log"));
        append(log, numberedLines(3, 1));
        difusor::remote::LocalHost host;
        host.connectToHost();
        TrafficCounter counter(TrafficCounter::Mode::Raw, TrafficCounter::Period::Day);
        LogIngest ingest(LogFormat::combined(), counter);
        LogTail tail(&host, log, &ingest);
        QSignalSpy rotated(&tail, &LogTail::rotated);
        tail.start({}, false);
        QTRY_COMPARE_WITH_TIMEOUT(ingest.parsedLines(), 3u, 10000);
        QTest::qWait(3000); // past the 2 s after which the script looks once a second
        QElapsedTimer t;
        t.start();
        append(log, numberedLines(2, 2));
        QTRY_COMPARE_WITH_TIMEOUT(ingest.parsedLines(), 5u, 10000);
        qInfo("a line after 3 s idle read in %lld ms", static_cast<long long>(t.elapsed()));
        QVERIFY(t.elapsed() < 3000);
        QTest::qWait(3000);
        QVERIFY(QFile::rename(log, log + QStringLiteral(".1")));
        append(log + QStringLiteral(".1"), numberedLines(4, 3)); // the server writes on to the old file a moment
        append(log, numberedLines(6, 4));
        QTRY_COMPARE_WITH_TIMEOUT(ingest.parsedLines(), 15u, 10000);
        QCOMPARE(rotated.size(), 1);
        QTest::qWait(600);
        QCOMPARE(ingest.parsedLines(), 15u);
        QCOMPARE(counter.topPages().distinct(), std::size_t(15));
        QCOMPARE(tail.gaps(), 0u);
    }

    // Where dd is not GNU's (no iflag=skip_bytes: busybox's older ones, the BSDs'), the script reads with
    // tail and head, as it did before the dd path: first on PATH here is a dd that refuses iflag= and
    // otherwise runs the real one. Whole lines, a partial line, and the copytruncate race all still hold.
    void withoutGnuDd()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        const QString bin = dir.filePath(QStringLiteral("bin"));
        QVERIFY(QDir().mkpath(bin));
        const QString realDd = QStandardPaths::findExecutable(QStringLiteral("dd"));
        QVERIFY(!realDd.isEmpty());
        QFile wrapper(bin + QStringLiteral("/dd"));
        QVERIFY(wrapper.open(QIODevice::WriteOnly));
        wrapper.write("#!/bin/sh\nfor a; do case $a in iflag=*) echo \"dd: unknown operand $a\" >&2; exit 1;; esac; done\nexec '"
                      + realDd.toLocal8Bit() + "' \"$@\"\n");
        wrapper.close();
        QVERIFY(wrapper.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", bin.toLocal8Bit() + ':' + path);
        struct Restore
        {
            QByteArray path;
            ~Restore() { qputenv("PATH", path); }
        } restore{path};

        const QString log = dir.filePath(QStringLiteral("access.log"));
        append(log, numberedLines(20, 1));
        difusor::remote::LocalHost host;
        host.connectToHost();
        TrafficCounter counter(TrafficCounter::Mode::Raw, TrafficCounter::Period::Day);
        LogIngest ingest(LogFormat::combined(), counter);
        LogTail tail(&host, log, &ingest);
        QSignalSpy truncated(&tail, &LogTail::truncated);
        tail.start({}, false);
        QTRY_COMPARE_WITH_TIMEOUT(ingest.parsedLines(), 20u, 10000);
        const QByteArray more = numberedLines(2, 2);
        append(log, more.left(30)); // a partial line waits for its newline
        QTest::qWait(600);
        QCOMPARE(ingest.parsedLines(), 20u);
        append(log, more.mid(30));
        QTRY_COMPARE_WITH_TIMEOUT(ingest.parsedLines(), 22u, 10000);
        append(log, numberedLines(30, 3));
        QVERIFY(QFile::copy(log, log + QStringLiteral(".1")));
        QFile f(log);
        QVERIFY(f.resize(0));
        QTRY_COMPARE_WITH_TIMEOUT(truncated.size(), 1, 10000);
        append(log, numberedLines(10, 4));
        QTRY_COMPARE_WITH_TIMEOUT(ingest.parsedLines(), 62u, 10000);
        QTest::qWait(600);
        QCOMPARE(ingest.parsedLines(), 62u);
        QCOMPARE(counter.topPages().distinct(), std::size_t(62));
        QCOMPARE(tail.gaps(), 0u);
    }

    void cksumMatchesThePosixTool()
    {
        for (const QByteArray &data : {QByteArray(), QByteArray("hello\n"), QByteArray(4096, 'x'), QByteArray(70000, '\xe9')}) {
            QProcess cksum;
            cksum.start(QStringLiteral("cksum"), {});
            QVERIFY(cksum.waitForStarted());
            cksum.write(data);
            cksum.closeWriteChannel();
            QVERIFY(cksum.waitForFinished());
            QCOMPARE(posixCksum(data), cksum.readAllStandardOutput().trimmed());
        }
    }

    // A copytruncate while nobody reads (the link down, or the console closed): the lines written after
    // the last commit and before the copy exist only in the copy. The tail's position carries a
    // signature of the bytes before its offset; on resume the script finds the copy by it.
    void copyTruncateWhileAway()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        const QString log = dir.filePath(QStringLiteral("access.log"));
        auto copyTruncate = [&log](const QString &copy) {
            QFile::remove(copy);
            QVERIFY(QFile::copy(log, copy));
            QFile f(log);
            QVERIFY(f.resize(0));
        };
        append(log, numberedLines(40, 1));
        difusor::remote::LocalHost host;
        host.connectToHost();
        TrafficCounter counter(TrafficCounter::Mode::Raw, TrafficCounter::Period::Day);
        LogIngest ingest(LogFormat::combined(), counter);
        auto tail = std::make_unique<LogTail>(&host, log, &ingest);
        tail->start({}, false);
        QTRY_COMPARE_WITH_TIMEOUT(ingest.parsedLines(), 40u, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!tail->position().signature.isEmpty(), 5000);

        // 1. The console closes; lines come, the log is copied and emptied, more lines come; it opens again.
        const TailPosition saved = tail->position();
        tail.reset();
        append(log, numberedLines(25, 2));
        copyTruncate(log + QStringLiteral(".1"));
        append(log, numberedLines(15, 3));
        tail = std::make_unique<LogTail>(&host, log, &ingest);
        tail->start(saved);
        QTRY_COMPARE_WITH_TIMEOUT(ingest.parsedLines(), 80u, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!tail->position().signature.isEmpty(), 5000);

        // 2. The link drops (the remote script killed) and the same happens before the tail is back.
        QVERIFY(tail->remotePid() > 0);
        QCOMPARE(::kill(pid_t(tail->remotePid()), SIGKILL), 0);
        append(log, numberedLines(30, 4));
        copyTruncate(log + QStringLiteral(".1"));
        append(log, numberedLines(10, 5));
        QTRY_COMPARE_WITH_TIMEOUT(ingest.parsedLines(), 120u, 10000);
        QTest::qWait(600);
        QCOMPARE(ingest.parsedLines(), 120u); // nothing twice
        QCOMPARE(counter.topPages().distinct(), std::size_t(120)); // each line once, none lost
        QCOMPARE(tail->gaps(), 0u);
    }

    void startsAtEndByDefault()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        const QString log = dir.filePath(QStringLiteral("access.log"));
        const QByteArray old = "10.0.0.1 - - [01/Oct/2026:10:00:00 -0600] \"GET / HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0\"\n";
        append(log, old + old);
        difusor::remote::LocalHost host;
        host.connectToHost();
        TrafficCounter counter(TrafficCounter::Mode::Raw, TrafficCounter::Period::Day);
        LogIngest ingest(LogFormat::combined(), counter);
        LogTail tail(&host, log, &ingest);
        QSignalSpy committed(&tail, &LogTail::committed);
        tail.start();
        QTRY_VERIFY_WITH_TIMEOUT(committed.size() >= 1, 10000);
        QCOMPARE(tail.position().offset, qint64(2 * old.size()));
        append(log, old);
        QTRY_COMPARE_WITH_TIMEOUT(ingest.parsedLines(), 1u, 10000);
        // A partial line is not counted until its newline arrives.
        append(log, old.left(30));
        QTest::qWait(600);
        QCOMPARE(ingest.parsedLines(), 1u);
        append(log, old.mid(30));
        QTRY_COMPARE_WITH_TIMEOUT(ingest.parsedLines(), 2u, 10000);
    }

    // Polling paces itself on one long-lived ticker (perl) beside the script, not a `sleep 0.2` forked five
    // times a second: sampled for 2 s, no child of the script is a sleep, and the ticker is there.
    void pollsWithoutForkingSleep()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("perl")).isEmpty())
            QSKIP("no perl here: the tail sleeps between polls (its fallback)");
        QTemporaryDir dir(difusor::test::tempTemplate());
        const QString log = dir.filePath(QStringLiteral("access.log"));
        append(log, QByteArray());
        difusor::remote::LocalHost host;
        host.connectToHost();
        TrafficCounter counter(TrafficCounter::Mode::Raw, TrafficCounter::Period::Day);
        LogIngest ingest(LogFormat::combined(), counter);
        LogTail tail(&host, log, &ingest);
        QSignalSpy committed(&tail, &LogTail::committed);
        tail.start();
        QTRY_VERIFY_WITH_TIMEOUT(committed.size() >= 1 && tail.remotePid() > 0, 10000);
        const qint64 loop = tail.remotePid();
        auto field = [](qint64 pid, int index) { // of /proc/PID/stat after "(comm)"
            QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
            if (!f.open(QIODevice::ReadOnly))
                return qint64(-1);
            const QByteArray s = f.readAll();
            return s.mid(s.lastIndexOf(')') + 2).split(' ').value(index).toLongLong();
        };
        const qint64 script = field(loop, 1); // the loop runs in a subshell of the script
        int sleeps = 0, samples = 0;
        bool ticker = false;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 2000) {
            const QList<qint64> children = difusor::test::SshdFixture::findProcesses(
                [&](qint64 pid, const QByteArray &, const QByteArray &) { const qint64 pp = field(pid, 1); return pp == loop || pp == script; });
            for (qint64 pid : children) {
                QFile cmd(QStringLiteral("/proc/%1/cmdline").arg(pid));
                const QByteArray c = cmd.open(QIODevice::ReadOnly) ? cmd.readAll() : QByteArray();
                sleeps += c.startsWith("sleep") ? 1 : 0;
                ticker = ticker || c.startsWith("perl");
            }
            ++samples;
            QTest::qWait(20);
        }
        qInfo("%d samples over 2 s: %d sleep processes seen, ticker %s", samples, sleeps, ticker ? "seen" : "not seen");
        QCOMPARE(sleeps, 0);
        QVERIFY(ticker);
        // Still a live tail: a line written now is read.
        append(log, "10.0.0.1 - - [01/Oct/2026:10:00:00 -0600] \"GET / HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0\"\n");
        QTRY_COMPARE_WITH_TIMEOUT(ingest.parsedLines(), 1u, 5000);
    }

    // Over a real sshd: the link dies (sshd and its session killed) while lines are being written; the
    // host reconnects and the tail resumes from its last commit. Counts equal `stats` over the file.
    void overSshAcrossDroppedLink()
    {
        DIFUSOR_REQUIRE_PROGRAM(sshd, "sshd");
        difusor::test::SshdFixture server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QVERIFY(server.trustHostKey());
        QTemporaryDir dir(difusor::test::tempTemplate());
        const QString source = dir.filePath(QStringLiteral("source.log"));
        difusor::test::LogGeneratorOptions g;
        g.days = 1;
        g.visitorsPerDay = 80;
        g.malformedEvery = 53;
        const auto gen = difusor::test::generateAccessLog(source, g);
        QFile s(source);
        QVERIFY(s.open(QIODevice::ReadOnly));
        const QByteArray all = s.readAll();
        const qsizetype cut1 = all.indexOf('\n', all.size() / 3) + 1;
        const qsizetype cut2 = all.indexOf('\n', 2 * all.size() / 3) + 1;
        const QString log = dir.filePath(QStringLiteral("access.log"));
        append(log, all.left(cut1));

        difusor::remote::SshHost host(server.profile());
        host.setSshConfigFile({});
        difusor::remote::SshTimings t;
        t.keepaliveIntervalMs = 1000;
        t.deadAfterMs = 3000;
        t.firstBackoffMs = 200;
        t.maxBackoffMs = 800;
        host.setTimings(t);
        host.connectToHost();
        QTRY_VERIFY_WITH_TIMEOUT(host.state() == difusor::remote::ConnectionState::Connected, 15000);

        TrafficCounter counter(TrafficCounter::Mode::AwStats, TrafficCounter::Period::Minute);
        LogIngest ingest(LogFormat::combined(), counter);
        auto seen = [&ingest] { return qint64(ingest.parsedLines() + ingest.malformedLines()); };
        LogTail tail(&host, log, &ingest);
        tail.start({}, false);
        QTRY_COMPARE_WITH_TIMEOUT(seen(), qint64(all.left(cut1).count('\n')), 20000);

        append(log, all.mid(cut1, (cut2 - cut1) / 2));
        server.killHard();
        append(log, all.mid(cut1 + (cut2 - cut1) / 2, cut2 - cut1 - (cut2 - cut1) / 2));
        QTRY_VERIFY_WITH_TIMEOUT(host.state() != difusor::remote::ConnectionState::Connected, 15000);
        QVERIFY2(server.restart(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(host.state() == difusor::remote::ConnectionState::Connected, 15000);
        append(log, all.mid(cut2));
        QTRY_COMPARE_WITH_TIMEOUT(seen(), gen.lines, 30000);
        QVERIFY(tail.restarts() >= 1);
        tail.stop();

        StatsOptions o;
        o.by = TrafficCounter::Period::Minute;
        o.files = {source};
        const StatsResult ref = computeStats(o);
        QCOMPARE(ingest.malformedLines(), ref.malformedLines);
        const TrafficCounts a = counter.totals(), b = ref.counter->totals();
        QCOMPARE(a.requests, b.requests);
        QCOMPARE(a.hits, b.hits);
        QCOMPARE(a.pages, b.pages);
        QCOMPARE(a.visits, b.visits);
        QCOMPARE(a.uniqueVisitors, b.uniqueVisitors);
        QCOMPARE(a.bandwidth, b.bandwidth);
        QCOMPARE(counter.periods().size(), ref.counter->periods().size());
        host.disconnectFromHost();
    }
};

QTEST_GUILESS_MAIN(TstTrafficTail)
#include "tst_traffic_tail.moc"
