// Nothing of ours outlives its SSH channel on the server (issue 15). A console's long-lived remote work
// runs over a real OpenSSH sshd: the cut watcher (cutwatch.sh and its inotifywait), the access-log tail
// (LogTailScript) and the checks probe (probe.sh, held up in a fake `lscpu` that sleeps, so it is still
// running). Then the channels go, one way per test: a disconnect (alone, or after the parts stopped),
// the host object destroyed, the TCP link cut (the sshd processes serving us killed, no reconnect), and
// the console process killed with SIGKILL (this binary run again as a console, see main()). Within 10 s
// no process of those sessions may remain. They are told apart by a variable sshd sets for our sessions
// only (SetEnv), which every child inherits (inotifywait, sleep, timeout and its command).
#include "RemoteTestUtil.h"
#include "SshdFixture.h"
#include "TestEnv.h"

#include "cuts/CutWatcher.h"
#include "remote/SshHost.h"
#include "traffic/LogTail.h"
#include "traffic/LogTailScript.h"
#include "traffic/TrafficCounter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QPointer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <memory>

#include <sys/types.h>

using namespace difusor;
using difusor::test::SshdFixture;

namespace {

constexpr qint64 kLimitMs = 10000;

// The long-lived remote work of a console on one host.
struct RemoteWork
{
    RemoteWork(remote::RemoteHost *host, const QString &publication, const QString &log, const QString &nonce)
        : host(host)
        , nonce(nonce)
        , watcher(host, publication)
        , counter(traffic::TrafficCounter::Mode::Raw, traffic::TrafficCounter::Period::Hour)
        , ingest(traffic::LogFormat::combined(), counter)
        , tail(host, log, &ingest)
    {
    }

    // Once the host is connected.
    void start()
    {
        watcher.start();
        tail.start({}, true);
        // NONCE SUDO MAXBYTES TIMEOUT, as CheckRunner passes them; 60 s: lscpu hangs that long.
        probe = host->streamScript(QStringLiteral(":/scripts/probe.sh"),
                                   {nonce, QStringLiteral("0"), QStringLiteral("65536"), QStringLiteral("60")});
        if (probe) {
            QObject::connect(probe, &remote::RemoteJob::linesReady, probe, [this](const QList<QByteArray> &lines) {
                for (const QByteArray &l : lines)
                    probeInLscpu = probeInLscpu || l == "==>" + nonce.toLatin1() + " lscpu";
            });
        }
    }

    bool running() const
    {
        return watcher.state() == cuts::CutWatcher::State::Watching && tail.position().inode != 0 && probeInLscpu;
    }

    void stop()
    {
        watcher.stop();
        tail.stop();
        if (probe)
            probe->cancel();
    }

    remote::RemoteHost *host;
    QString nonce;
    cuts::CutWatcher watcher;
    traffic::TrafficCounter counter;
    traffic::LogIngest ingest;
    traffic::LogTail tail;
    QPointer<remote::RemoteJob> probe;
    bool probeInLscpu = false;
};

std::unique_ptr<remote::SshHost> makeHost(const Profile &profile)
{
    auto host = std::make_unique<remote::SshHost>(profile);
    host->setSshConfigFile({});
    return host;
}

// --console PROFILE PUBLICATION LOG NONCE: connects, starts the work, prints "ready", runs until killed.
int runConsole(const QStringList &args)
{
    const auto profile = Profile::load(args.value(0));
    if (!profile)
        return 2;
    auto host = makeHost(*profile);
    RemoteWork work(host.get(), args.value(1), args.value(2), args.value(3));
    QObject::connect(host.get(), &remote::RemoteHost::stateChanged, host.get(), [&work](remote::ConnectionState s) {
        if (s == remote::ConnectionState::Connected && !work.probe)
            work.start();
    });
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &poll, [&work, &poll] {
        if (work.running()) {
            std::fputs("ready\n", stdout);
            std::fflush(stdout);
            poll.stop();
        }
    });
    poll.start(50);
    host->connectToHost();
    return QCoreApplication::exec();
}

QByteArray procFile(qint64 pid, const char *name)
{
    QFile f(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(name)));
    return f.open(QIODevice::ReadOnly) ? f.read(64 * 1024) : QByteArray();
}

// The session id (field 6 of /proc/PID/stat, after "(comm)"), or -1.
qint64 sessionOf(qint64 pid)
{
    const QByteArray stat = procFile(pid, "stat");
    const qsizetype close = stat.lastIndexOf(')');
    return close < 0 ? -1 : stat.mid(close + 2).split(' ').value(3).toLongLong();
}

QList<qint64> sessionMembers(qint64 sid)
{
    return SshdFixture::findProcesses([sid](qint64 pid, const QByteArray &, const QByteArray &) { return sessionOf(pid) == sid; });
}

struct Proc
{
    qint64 pid = 0;
    qint64 sid = -1;
    QByteArray cmdline; // NULs as spaces
};

} // namespace

class TestRemoteLeftovers final : public QObject
{
    Q_OBJECT

    std::unique_ptr<SshdFixture> m_sshd;
    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_tag;
    QString m_publication;
    QString m_log;
    QString m_nonce;

    // Every process sshd started for our sessions, and their children.
    QList<Proc> ours() const
    {
        const QByteArray var = "DIFUSOR_LEFTOVER_TAG=" + m_tag;
        QList<Proc> found;
        for (const qint64 pid : SshdFixture::findProcesses([&var](qint64, const QByteArray &, const QByteArray &environ) {
                 return environ.split('\0').contains(var);
             })) {
            Proc p{pid, sessionOf(pid), procFile(pid, "cmdline").replace('\0', ' ').trimmed()};
            if (p.sid > 0) // gone meanwhile
                found.append(p);
        }
        return found;
    }

    static QString describe(const QList<Proc> &procs)
    {
        QStringList lines;
        for (const Proc &p : procs)
            lines << QStringLiteral("%1 (session %2) %3").arg(p.pid).arg(p.sid).arg(QString::fromUtf8(p.cmdline));
        return lines.join(QLatin1Char('\n'));
    }

    // Which script each running session belongs to, from its processes' command lines.
    QHash<qint64, QString> scriptsBySession(const QList<Proc> &procs) const
    {
        QHash<qint64, QString> names;
        for (const Proc &p : procs) {
            if (p.cmdline.contains(m_publication.toUtf8()))
                names.insert(p.sid, QStringLiteral("cut watcher"));
            else if (p.cmdline.contains(m_log.toUtf8()))
                names.insert(p.sid, QStringLiteral("log tail"));
            else if (p.cmdline.contains(m_nonce.toUtf8()))
                names.insert(p.sid, QStringLiteral("probe"));
        }
        return names;
    }

    // Before the channels go: all three scripts run, with the children that used to outlive them.
    void verifyAllRunning(const QList<Proc> &procs)
    {
        const QHash<qint64, QString> names = scriptsBySession(procs);
        const QStringList scripts = names.values();
        QVERIFY2(scripts.contains(QStringLiteral("cut watcher")) && scripts.contains(QStringLiteral("log tail"))
                     && scripts.contains(QStringLiteral("probe")),
                 qPrintable(describe(procs)));
        bool inotify = false, hung = false;
        for (const Proc &p : procs) {
            inotify = inotify || p.cmdline.startsWith("inotifywait ");
            hung = hung || p.cmdline == "sleep 300";
        }
        QVERIFY2(hung, qPrintable(describe(procs)));
        if (!test::findProgram(QStringLiteral("inotifywait")).isEmpty())
            QVERIFY2(inotify, qPrintable(describe(procs)));
    }

    // From now on (the channels are going), every process of ours must end within kLimitMs. Prints
    // when each script's last process went.
    void verifyAllGoneSoon(const QList<Proc> &before, const char *how)
    {
        const QHash<qint64, QString> names = scriptsBySession(before);
        QHash<QString, qint64> goneAt;
        QElapsedTimer clock;
        clock.start();
        QList<Proc> left = ours();
        while (!left.isEmpty() && clock.elapsed() < kLimitMs + 2000) {
            QSet<QString> alive;
            for (const Proc &p : std::as_const(left))
                alive.insert(names.value(p.sid, QStringLiteral("other (kill commands)")));
            for (const QString &name : names)
                if (!alive.contains(name) && !goneAt.contains(name))
                    goneAt.insert(name, clock.elapsed());
            QTest::qWait(50);
            left = ours();
        }
        const qint64 all = clock.elapsed();
        for (const QString &name : names)
            if (!goneAt.contains(name))
                goneAt.insert(name, all);
        qInfo("%s: cut watcher gone after %lld ms, log tail %lld ms, probe %lld ms; all %lld ms (limit %lld ms)", how,
              goneAt.value(QStringLiteral("cut watcher")), goneAt.value(QStringLiteral("log tail")),
              goneAt.value(QStringLiteral("probe")), all, kLimitMs);
        QVERIFY2(left.isEmpty(), qPrintable(QStringLiteral("still running:\n") + describe(left)));
        QVERIFY2(all <= kLimitMs, qPrintable(QString::number(all)));
    }

    // A connected host with the work running on it.
    void startWork(std::unique_ptr<remote::SshHost> &host, std::unique_ptr<RemoteWork> &work)
    {
        host = makeHost(m_sshd->profile());
        host->connectToHost();
        QVERIFY2(test::waitForState(*host, remote::ConnectionState::Connected, 15000), qPrintable(m_sshd->log()));
        work = std::make_unique<RemoteWork>(host.get(), m_publication, m_log, m_nonce);
        work->start();
        QVERIFY(work->probe);
        QTRY_VERIFY_WITH_TIMEOUT(work->running(), 15000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        DIFUSOR_REQUIRE_PROGRAM(sshd, "sshd");
        m_dir = std::make_unique<QTemporaryDir>(test::tempTemplate());
        QVERIFY(m_dir->isValid());
        m_tag = "lo" + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
        m_nonce = QStringLiteral("leftover") + QString::fromLatin1(m_tag);
        m_publication = m_dir->filePath(QStringLiteral("publicacion"));
        m_log = m_dir->filePath(QStringLiteral("access.log"));
        const QString bin = m_dir->filePath(QStringLiteral("bin"));
        const QString home = m_dir->filePath(QStringLiteral("home"));
        QVERIFY(QDir().mkpath(m_publication) && QDir().mkpath(bin) && QDir().mkpath(home));
        QFile log(m_log);
        QVERIFY(log.open(QIODevice::WriteOnly));
        log.write("127.0.0.1 - - [01/Oct/2026:10:00:00 -0600] \"GET / HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0\"\n");
        log.close();
        // The probe's lscpu hangs (under the probe's own `timeout`, as any slow command would).
        QFile lscpu(bin + QStringLiteral("/lscpu"));
        QVERIFY(lscpu.open(QIODevice::WriteOnly));
        lscpu.write("#!/bin/sh\nexec sleep 300\n");
        lscpu.close();
        QVERIFY(lscpu.setPermissions(lscpu.permissions() | QFileDevice::ExeOwner));

        m_sshd = std::make_unique<SshdFixture>();
        // sshd keeps the first SetEnv: this one replaces the fixture's own (HOME) and adds ours.
        m_sshd->setExtraOptions({QStringLiteral("SetEnv=DIFUSOR_LEFTOVER_TAG=%1 HOME=%2 PATH=%3:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
                                     .arg(QString::fromLatin1(m_tag), home, bin)});
        QString error;
        QVERIFY2(m_sshd->start(&error), qPrintable(error));
        QVERIFY(m_sshd->trustHostKey());
    }

    void init()
    {
        QVERIFY2(ours().isEmpty(), qPrintable(describe(ours())));
    }

    void cleanup()
    {
        // A failed test leaves nothing for the next one (nor for zz_no_leftover_processes).
        for (const Proc &p : ours())
            ::kill(pid_t(p.pid), SIGKILL);
        QTRY_VERIFY(ours().isEmpty());
    }

    void cleanupTestCase()
    {
        m_sshd.reset();
        m_dir.reset();
    }

    void cleanDisconnect_data()
    {
        QTest::addColumn<bool>("stopFirst");
        QTest::newRow("disconnect") << false;
        QTest::newRow("stop, then disconnect") << true; // as the window does when it closes
    }
    void cleanDisconnect()
    {
        QFETCH(bool, stopFirst);
        std::unique_ptr<remote::SshHost> host;
        std::unique_ptr<RemoteWork> work;
        startWork(host, work);
        const QList<Proc> before = ours();
        verifyAllRunning(before);
        if (stopFirst)
            work->stop();
        host->disconnectFromHost();
        verifyAllGoneSoon(before, QTest::currentDataTag());
        QVERIFY(test::waitForState(*host, remote::ConnectionState::Disconnected, 5000));
    }

    void hostDestroyed()
    {
        std::unique_ptr<remote::SshHost> host;
        std::unique_ptr<RemoteWork> work;
        startWork(host, work);
        const QList<Proc> before = ours();
        verifyAllRunning(before);
        work->watcher.abandonHost(); // as CutSession does when its host goes
        host.reset();
        verifyAllGoneSoon(before, "host destroyed");
    }

    // The TCP link dies (the sshd processes serving it are killed) and the console does not come back:
    // no reconnect can clean up after the scripts, they must see it themselves.
    void linkCut()
    {
        std::unique_ptr<remote::SshHost> host;
        std::unique_ptr<RemoteWork> work;
        startWork(host, work);
        remote::SshTimings timings;
        timings.firstBackoffMs = timings.maxBackoffMs = 600000;
        host->setTimings(timings);
        const QList<Proc> before = ours();
        verifyAllRunning(before);
        int killed = 0;
        for (const qint64 pid : SshdFixture::descendantsOf(m_sshd->sshdPid())) {
            if (procFile(pid, "cmdline").startsWith("sshd")) {
                ::kill(pid_t(pid), SIGKILL);
                ++killed;
            }
        }
        QVERIFY(killed > 0);
        verifyAllGoneSoon(before, "link cut");
        QCOMPARE(host->state(), remote::ConnectionState::Reconnecting); // it saw the link go, and stayed away
    }

    // The scripts alone, without sshd: their stdout closed under them (what sshd does when the channel
    // goes) ends them and all they started, with SIGPIPE at its default and ignored (set so by whatever
    // started the server's sshd: then a write fails with EPIPE instead). The probe is left out: it
    // watches its session's parent instead (linkCut, consoleKilled).
    void endWhenTheirOutputCloses_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<bool>("ignorePipe");
        for (const bool ignore : {false, true}) {
            const char *how = ignore ? ", SIGPIPE ignored" : "";
            QTest::addRow("cut watcher%s", how) << QStringLiteral("cutwatch") << ignore;
            QTest::addRow("log tail%s", how) << QStringLiteral("logtail") << ignore;
        }
    }
    void endWhenTheirOutputCloses()
    {
        QFETCH(QString, script);
        QFETCH(bool, ignorePipe);
        QByteArray text;
        QStringList args;
        if (script == QLatin1String("cutwatch")) {
            QFile f(QStringLiteral(":/scripts/cutwatch.sh"));
            QVERIFY(f.open(QIODevice::ReadOnly));
            text = f.readAll();
            args = {m_publication, QStringLiteral("n1"), QStringLiteral("0"), QStringLiteral("0")};
        } else {
            text = traffic::logTailScript();
            args = {m_log, QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("1")};
        }
        // The reader stands for the channel: it goes once the script is watching (the listing's end,
        // or where the tail reads from) and says so.
        const QString command = QStringLiteral("%1sh -s -- %2 | { soh=$(printf '\\001'); while IFS= read -r l; do "
                                               "case $l in 'S n1' | \"${soh}R \"*) echo closed; exit 0 ;; esac; done; }")
                                    .arg(ignorePipe ? QStringLiteral("trap '' PIPE; ") : QString(), remote::shellJoin(args));
        QProcess sh;
        sh.setChildProcessModifier([] { ::setsid(); }); // a session of its own, as sshd gives
        sh.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
        QVERIFY(sh.waitForStarted(5000));
        const qint64 sid = sh.processId();
        sh.write(text);
        sh.closeWriteChannel();
        QByteArray said;
        QTRY_VERIFY_WITH_TIMEOUT((said += sh.readAllStandardOutput()).contains("closed") || sh.state() != QProcess::Running, 10000);
        QElapsedTimer clock;
        clock.start();
        QVERIFY2(said.contains("closed"), sh.readAllStandardError().constData());
        if (script == QLatin1String("cutwatch") && !test::findProgram(QStringLiteral("inotifywait")).isEmpty()) {
            bool inotify = false;
            for (const qint64 pid : sessionMembers(sid))
                inotify = inotify || procFile(pid, "cmdline").startsWith("inotifywait");
            QVERIFY(inotify);
        }
        QTRY_VERIFY_WITH_TIMEOUT(sessionMembers(sid).isEmpty(), int(kLimitMs));
        qInfo("%s: all gone %lld ms after its output closed (limit %lld ms)", QTest::currentDataTag(), clock.elapsed(), kLimitMs);
        QTRY_COMPARE(sh.state(), QProcess::NotRunning);
    }

    void consoleKilled()
    {
        const QString profilePath = m_dir->filePath(QStringLiteral("profile.json"));
        QVERIFY(m_sshd->profile().save(profilePath));
        QProcess console;
        console.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        console.start(QCoreApplication::applicationFilePath(),
                      {QStringLiteral("--console"), profilePath, m_publication, m_log, m_nonce});
        QVERIFY(console.waitForStarted(5000));
        QByteArray said;
        QTRY_VERIFY_WITH_TIMEOUT((said += console.readAllStandardOutput()).contains("ready") || console.state() != QProcess::Running, 20000);
        QCOMPARE(console.state(), QProcess::Running);
        const QList<Proc> before = ours();
        verifyAllRunning(before);
        ::kill(pid_t(console.processId()), SIGKILL);
        QVERIFY(console.waitForFinished(5000));
        verifyAllGoneSoon(before, "console killed (SIGKILL)");
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 6 && qstrcmp(argv[1], "--console") == 0)
        return runConsole(QCoreApplication::arguments().mid(2));
    TestRemoteLeftovers test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_remote_leftovers.moc"
