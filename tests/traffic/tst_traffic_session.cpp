// TrafficSession against the real sandbox difusor over SSH (its sshd, its nginx, its visitors): while the
// visitors load the site, the log is rotated by rename, the SSH connection carrying the tail is killed,
// and the log is rotated by copytruncate. Then the site goes down (the log stops growing) and the sum of
// the closed periods the session emitted equals `stats` over the files on disk (access.log.1,
// access.log.2, access.log), in total and minute by minute.
// Also (LocalHost, no servers): periods close on time when the log is silent, and a late line is
// emitted as a "late" delta, never lost.
#include "SandboxFixture.h"
#include "TestEnv.h"
#include "remote/LocalHost.h"
#include "remote/SshHost.h"
#include "StoreSupport.h"
#include "store/StoreThread.h"
#include "traffic/StatsReport.h"
#include "traffic/TrafficSession.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <map>
#include <sys/types.h>

using namespace difusor::traffic;
using difusor::sandbox::FaultArgs;
using difusor::sandbox::FaultKind;

namespace {

qint64 lineCount(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    qint64 n = 0;
    while (!f.atEnd())
        n += f.read(1 << 20).count('\n');
    return n;
}

// Parent pid and command name from /proc.
std::pair<qint64, QByteArray> parentOf(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {-1, {}};
    const QByteArray s = f.readAll();
    const qsizetype open = s.indexOf('('), close = s.lastIndexOf(')');
    const QList<QByteArray> rest = s.mid(close + 2).split(' ');
    return {rest.value(1).toLongLong(), s.mid(open + 1, close - open - 1)};
}

QByteArray commandOf(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/comm").arg(pid));
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArray();
}

struct Sums
{
    std::uint64_t requests = 0, hits = 0, pages = 0, visits = 0, bandwidth = 0;
    std::array<std::uint64_t, 6> status{};
};

void add(Sums &s, const QJsonObject &line)
{
    s.requests += std::uint64_t(line.value(QStringLiteral("requests")).toDouble());
    s.hits += std::uint64_t(line.value(QStringLiteral("hits")).toDouble());
    s.pages += std::uint64_t(line.value(QStringLiteral("pages")).toDouble());
    s.visits += std::uint64_t(line.value(QStringLiteral("visits")).toDouble());
    s.bandwidth += std::uint64_t(line.value(QStringLiteral("bandwidth")).toDouble());
    const QJsonObject st = line.value(QStringLiteral("status")).toObject();
    for (int c = 2; c <= 5; ++c)
        s.status[std::size_t(c)] += std::uint64_t(st.value(QStringLiteral("%1xx").arg(c)).toDouble());
}

void append(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::Append));
    QCOMPARE(f.write(data), data.size());
}

QByteArray logLine(const char *time, const char *path = "/", int status = 200)
{
    return QByteArray("10.0.0.1 - - [") + time + "] \"GET " + path + " HTTP/1.1\" " + QByteArray::number(status)
           + " 100 \"-\" \"Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0\"\n"; // a browser (a bare Mozilla/5.0 is a robot to AWStats)
}

} // namespace

class TstTrafficSession final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void periodLineFormat()
    {
        TrafficCounts c;
        c.requests = 7;
        c.hits = 5;
        c.pages = 3;
        c.visits = 2;
        c.bandwidth = 1234;
        c.status = {0, 0, 4, 1, 1, 1};
        const std::int64_t t = daysFromCivil(2026, 6, 7) * 86400 + 20 * 3600 + 5 * 60 + 30;
        c.consoleRequests = 2;
        // Cut on the log's clock (UTC-6), written in UTC with Z as every time in the JSON lines.
        QJsonObject o = TrafficSession::periodLine(t - 30, -360, 60, c);
        QCOMPARE(o.value(QStringLiteral("type")).toString(), QStringLiteral("traffic"));
        QCOMPARE(o.value(QStringLiteral("period")).toString(), QStringLiteral("2026-06-08T02:05:00.000Z"));
        QCOMPARE(o.value(QStringLiteral("period_s")).toInt(), 60);
        QCOMPARE(o.value(QStringLiteral("requests")).toInt(), 7);
        QCOMPARE(o.value(QStringLiteral("console_requests")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("hits")).toInt(), 5);
        QCOMPARE(o.value(QStringLiteral("pages")).toInt(), 3);
        QCOMPARE(o.value(QStringLiteral("visits")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("bandwidth")).toInt(), 1234);
        QCOMPARE(o.value(QStringLiteral("status")).toObject().value(QStringLiteral("2xx")).toInt(), 4);
        QCOMPARE(o.value(QStringLiteral("status")).toObject().value(QStringLiteral("5xx")).toInt(), 1);
        QVERIFY(!o.contains(QStringLiteral("late")));
        QVERIFY(!o.contains(QStringLiteral("partial")));
        o = TrafficSession::periodLine(t, 0, 10, c, TrafficSession::PeriodKind::Late);
        QCOMPARE(o.value(QStringLiteral("period")).toString(), QStringLiteral("2026-06-07T20:05:30.000Z"));
        QVERIFY(o.value(QStringLiteral("late")).toBool());
        o = TrafficSession::periodLine(t, 60, 10, c, TrafficSession::PeriodKind::Partial, (t - 3600 + 4) * 1000 + 250);
        QCOMPARE(o.value(QStringLiteral("period")).toString(), QStringLiteral("2026-06-07T19:05:30.000Z"));
        QVERIFY(o.value(QStringLiteral("partial")).toBool());
        QCOMPARE(o.value(QStringLiteral("until")).toString(), QStringLiteral("2026-06-07T19:05:34.250Z"));
        QCOMPARE(TrafficCounter::periodSecondsFor(7), 6);
        QCOMPARE(TrafficCounter::periodSecondsFor(70), 64);
        QCOMPARE(TrafficCounter::periodSecondsFor(60), 60);
        QCOMPARE(TrafficCounter::periodSecondsFor(0), 1);
    }

    // Over a local file: silent periods close (with zeros) on the log clock, and a line written after its
    // period closed comes as a "late" delta.
    void silentPeriodsAndLateLines()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        const QString log = dir.filePath(QStringLiteral("access.log"));
        // Times near now (the log clock starts at the newest line and runs with the console's clock).
        const QDateTime now = QDateTime::currentDateTimeUtc().toOffsetFromUtc(-6 * 3600);
        // Month names are English in the log whatever the locale: QLocale::c().
        auto cStamp = [&](int secondsAgo) -> QByteArray {
            const QByteArray s = QLocale::c().toString(now.addSecs(-secondsAgo), QStringLiteral("dd/MMM/yyyy:HH:mm:ss")).toLatin1();
            return s + QByteArray(" -0600");
        };
        append(log, logLine(cStamp(8).constData()) + logLine(cStamp(7).constData(), "/x.css")
                        + logLine(cStamp(6).constData(), "/", 503));

        difusor::remote::LocalHost host;
        host.connectToHost();
        difusor::Profile profile;
        profile.accessLog = log;
        TrafficSession session(&host, profile);
        session.setPeriodSeconds(2);
        session.setCloseGraceSeconds(1);
        QList<QJsonObject> lines;
        connect(&session, &TrafficSession::periodClosed, this, [&lines](const QJsonObject &l) { lines.append(l); });
        QSignalSpy updated(&session, &TrafficSession::updated);
        session.start({}, false);
        QTRY_COMPARE_WITH_TIMEOUT(session.parsedLines(), 3u, 10000);
        // The three lines' periods close within ~9 s of their time; later periods close with zeros.
        QTRY_VERIFY_WITH_TIMEOUT(lines.size() >= 6, 15000);
        Sums s;
        int zeros = 0;
        for (const QJsonObject &l : std::as_const(lines)) {
            add(s, l);
            zeros += l.value(QStringLiteral("requests")).toInt() == 0 ? 1 : 0;
            QVERIFY(l.value(QStringLiteral("period")).toString().endsWith(QLatin1Char('Z')));
        }
        QCOMPARE(s.requests, 3u);
        QCOMPARE(s.hits, 2u); // "/" and the css (an asset: a hit, not a page); the 503 is no hit
        QCOMPARE(s.pages, 1u);
        QCOMPARE(s.status[5], 1u);
        QVERIFY(zeros >= 2);
        QVERIFY(!updated.isEmpty());

        // A line for a period already closed: emitted again as a late delta.
        const int before = int(lines.size());
        append(log, logLine(cStamp(30).constData()));
        QTRY_COMPARE_WITH_TIMEOUT(session.parsedLines(), 4u, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(lines.begin() + before, lines.end(),
                                             [](const QJsonObject &l) { return l.value(QStringLiteral("late")).toBool(); }),
                                 5000);
        Sums all;
        for (const QJsonObject &l : std::as_const(lines))
            add(all, l);
        QCOMPARE(all.requests, 4u);

        // Stopping emits the open period, cut short: "partial", up to the log clock at stop.
        const int beforeStop = int(lines.size());
        append(log, logLine(cStamp(0).constData()));
        QTRY_COMPARE_WITH_TIMEOUT(session.parsedLines(), 5u, 10000);
        session.stop();
        QVERIFY(lines.size() > beforeStop);
        const QJsonObject last = lines.last();
        QVERIFY(last.value(QStringLiteral("partial")).toBool());
        QVERIFY(last.value(QStringLiteral("until")).toString().endsWith(QLatin1Char('Z')));
        Sums total;
        for (const QJsonObject &l : std::as_const(lines))
            add(total, l);
        QCOMPARE(total.requests, 5u); // every line read is in exactly one emitted line
    }

    // A live log that stays silent: stopping says so with one partial period of zeros.
    void silentLogPartialAtStop()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        const QString log = dir.filePath(QStringLiteral("access.log"));
        append(log, QByteArray());
        difusor::remote::LocalHost host;
        host.connectToHost();
        difusor::Profile profile;
        profile.accessLog = log;
        TrafficSession session(&host, profile);
        QList<QJsonObject> lines;
        connect(&session, &TrafficSession::periodClosed, this, [&lines](const QJsonObject &l) { lines.append(l); });
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.tailState(), TrafficSession::TailState::Live, 10000);
        QTest::qWait(1500);
        QVERIFY(lines.isEmpty()); // a 60 s period: nothing closed yet
        session.stop();
        QCOMPARE(lines.size(), 1);
        QVERIFY(lines.first().value(QStringLiteral("partial")).toBool());
        QCOMPARE(lines.first().value(QStringLiteral("requests")).toInt(), 0);
    }

    // The rules wired to the log: a burst of 503 from one address opens the 5xx and flood incidents,
    // recorded in the store; when the burst ends and normal lines follow, both close.
    void incidentsFromTheLog()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        const QString log = dir.filePath(QStringLiteral("access.log"));
        append(log, QByteArray());
        difusor::store::StoreThread store;
        QSignalSpy opened(&store, &difusor::store::StoreThread::opened);
        store.open(dir.filePath(QStringLiteral("store.sqlite")));
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 10000);
        QVERIFY(opened.first().first().toBool());

        difusor::remote::LocalHost host;
        host.connectToHost();
        difusor::Profile profile;
        profile.accessLog = log;
        profile.extra.insert(QStringLiteral("traffic_window_s"), 10);
        profile.extra.insert(QStringLiteral("traffic_flood_min_requests"), 50);
        TrafficSession session(&host, profile);
        const difusor::store::ServerStore server = difusor::test::identifyServer(store);
        QVERIFY(server.isValid());
        session.setStore(server);
        QList<TrafficIncident> open, closed;
        connect(&session, &TrafficSession::incidentOpened, this, [&open](const TrafficIncident &i) { open.append(i); });
        connect(&session, &TrafficSession::incidentClosed, this, [&closed](const TrafficIncident &i) { closed.append(i); });
        session.start();
        QTRY_VERIFY_WITH_TIMEOUT(session.tailState() == TrafficSession::TailState::Live, 10000);

        auto stampNow = []() -> QByteArray {
            return QLocale::c().toString(QDateTime::currentDateTimeUtc(), QStringLiteral("dd/MMM/yyyy:HH:mm:ss")).toLatin1()
                   + QByteArray(" +0000");
        };
        // 12 s of 20 lines/s: half of them 503, all from one address.
        QTimer writer;
        int ticks = 0;
        connect(&writer, &QTimer::timeout, this, [&] {
            QByteArray batch;
            for (int i = 0; i < 10; ++i)
                batch += logLine(stampNow().constData(), "/", i % 2 ? 503 : 200);
            append(log, batch);
            ++ticks;
        });
        writer.start(500);
        auto has = [](const QList<TrafficIncident> &l, TrafficIncidentKind k) {
            return std::any_of(l.begin(), l.end(), [k](const TrafficIncident &i) { return i.kind == k; });
        };
        QTRY_VERIFY_WITH_TIMEOUT(has(open, TrafficIncidentKind::ServerErrors), 8000);
        QTRY_VERIFY_WITH_TIMEOUT(has(open, TrafficIncidentKind::Flood), 15000);
        QCOMPARE(session.openIncidents().size(), 2);
        writer.stop();
        // Normal traffic from many addresses: both close.
        writer.disconnect(this);
        connect(&writer, &QTimer::timeout, this, [&] {
            QByteArray batch;
            for (int i = 0; i < 10; ++i)
                batch += QByteArray("192.0.2.") + QByteArray::number((ticks * 10 + i) % 250) + logLine(stampNow().constData()).mid(8);
            ++ticks;
            append(log, batch);
        });
        writer.start(500);
        QTRY_VERIFY_WITH_TIMEOUT(has(closed, TrafficIncidentKind::ServerErrors) && has(closed, TrafficIncidentKind::Flood), 25000);
        writer.stop();
        session.stop();
        // In the store: both, opened and closed.
        QList<difusor::store::IncidentRecord> stored;
        bool done = false;
        server.call<QList<difusor::store::IncidentRecord>>(
            this, [](difusor::store::Store &s) { return s.incidents(); },
            [&](QList<difusor::store::IncidentRecord> r) {
                stored = r;
                done = true;
            });
        QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
        QStringList kinds;
        for (const auto &r : std::as_const(stored)) {
            kinds << r.kind;
            QVERIFY2(!r.isOpen(), qPrintable(r.kind));
        }
        QVERIFY2(kinds.contains(QStringLiteral("traffic_5xx")) && kinds.contains(QStringLiteral("traffic_flood")),
                 qPrintable(kinds.join(QLatin1Char(','))));
    }

    void sandboxRotationAndKilledConnection()
    {
        DIFUSOR_REQUIRE_PROGRAM(sshd, "sshd");
        DIFUSOR_REQUIRE_PROGRAM(nginx, "nginx");
        difusor::test::SandboxRun run;
        difusor::sandbox::SandboxOptions options;
        options.visitorsPerSecond = 80;
        QVERIFY2(run.start(options), qPrintable(run.error));
        const difusor::Profile profile = run.sandbox->profile();

        difusor::remote::SshHost host(profile);
        host.setSshConfigFile({});
        difusor::remote::SshTimings t;
        t.keepaliveIntervalMs = 1000;
        t.deadAfterMs = 3000;
        t.firstBackoffMs = 200;
        t.maxBackoffMs = 800;
        host.setTimings(t);
        host.connectToHost();
        QTRY_VERIFY_WITH_TIMEOUT(host.state() == difusor::remote::ConnectionState::Connected, 15000);

        TrafficSession session(&host, profile);
        session.setPeriodSeconds(5);
        QList<QJsonObject> lines;
        connect(&session, &TrafficSession::periodClosed, this, [&lines](const QJsonObject &l) { lines.append(l); });
        session.start({}, false); // the whole access.log from its first line, then live
        QTRY_VERIFY_WITH_TIMEOUT(session.parsedLines() > 100, 15000);

        auto inject = [&run](FaultKind kind, FaultArgs args = {}) {
            QString error;
            const bool ok = run.sandbox->injectFault(kind, args, &error);
            if (!ok)
                qWarning("%s", qPrintable(error));
            return ok;
        };
        // 1. Rotation by rename (nginx reopens its log).
        QVERIFY(inject(FaultKind::LogRotation));
        QTRY_VERIFY_WITH_TIMEOUT(session.tail() && session.tail()->rotations() >= 1, 10000);
        QTest::qWait(3000);

        // 2. The SSH connection carrying the tail is killed (its sshd session process).
        const qint64 script = session.tail()->remotePid();
        QVERIFY(script > 0);
        qint64 pid = script, victim = -1;
        for (int i = 0; i < 6 && pid > 1; ++i) {
            pid = parentOf(pid).first;
            if (commandOf(pid) == "sshd") {
                victim = pid;
                break;
            }
        }
        QVERIFY2(victim > 0, "no sshd session above the tail script");
        const quint64 before = session.parsedLines();
        QCOMPARE(::kill(pid_t(victim), SIGKILL), 0);
        QTRY_VERIFY_WITH_TIMEOUT(session.tail()->restarts() >= 1, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(session.tailState() == TrafficSession::TailState::Live
                                     && session.parsedLines() > before + 50,
                                 20000);
        QTest::qWait(3000);

        // 3. Rotation by copytruncate (nginx keeps writing to the same, emptied file).
        FaultArgs copy;
        copy.copyTruncate = true;
        QVERIFY(inject(FaultKind::LogRotation, copy));
        QTRY_VERIFY_WITH_TIMEOUT(session.tail()->truncations() >= 1, 10000);
        QTest::qWait(4000);

        // 4. The site goes down: the log stops growing; wait for the session to read it all.
        FaultArgs down;
        down.durationS = 40;
        QVERIFY(inject(FaultKind::SiteDown, down));
        QTest::qWait(1500);
        const QString log = profile.accessLog;
        const QStringList files{log + QStringLiteral(".1"), log + QStringLiteral(".2"), log};
        qint64 onDisk = 0;
        for (const QString &f : files)
            onDisk += lineCount(f);
        QTRY_COMPARE_WITH_TIMEOUT(qint64(session.parsedLines() + session.malformedLines()), onDisk, 20000);
        QCOMPARE(qint64(lineCount(log) + lineCount(files[0]) + lineCount(files[1])), onDisk); // not growing
        // Every period closes (5 s + 2 s grace on the log clock).
        auto emitted = [&lines] {
            Sums s;
            for (const QJsonObject &l : std::as_const(lines))
                add(s, l);
            return s;
        };
        QTRY_COMPARE_WITH_TIMEOUT(emitted().requests, session.parsedLines(), 20000);
        QCOMPARE(session.tail()->gaps(), 0u);
        session.stop();

        StatsOptions o;
        o.by = TrafficCounter::Period::Minute;
        o.files = files;
        const StatsResult ref = computeStats(o);
        QVERIFY(ref.errors.isEmpty());
        QCOMPARE(session.malformedLines(), ref.malformedLines);
        const Sums got = emitted();
        const TrafficCounts want = ref.counter->totals();
        qInfo("%llu requests on disk in 3 files; emitted %lld period lines; hits %llu pages %llu visits %llu",
              static_cast<unsigned long long>(want.requests), static_cast<long long>(lines.size()),
              static_cast<unsigned long long>(got.hits), static_cast<unsigned long long>(got.pages),
              static_cast<unsigned long long>(got.visits));
        QVERIFY(lines.size() >= 3);
        QCOMPARE(got.requests, want.requests);
        QCOMPARE(got.hits, want.hits);
        QCOMPARE(got.pages, want.pages);
        QCOMPARE(got.visits, want.visits);
        QCOMPARE(got.bandwidth, want.bandwidth);
        for (std::size_t c = 2; c <= 5; ++c)
            QCOMPARE(got.status[c], want.status[c]);
        // Minute by minute: the 5 s periods summed per minute equal `stats --by minute`.
        std::map<QString, Sums> perMinute;
        for (const QJsonObject &l : std::as_const(lines))
            add(perMinute[l.value(QStringLiteral("period")).toString().left(16)], l);
        for (const auto &[start, c] : ref.counter->periods()) {
            const QString key = TrafficSession::periodLine(start, ref.counter->lastOffsetMinutes(), 60, c)
                                    .value(QStringLiteral("period"))
                                    .toString()
                                    .left(16);
            const Sums &s = perMinute[key];
            QCOMPARE(s.requests, c.requests);
            QCOMPARE(s.hits, c.hits);
            QCOMPARE(s.pages, c.pages);
            QCOMPARE(s.visits, c.visits);
            QCOMPARE(s.bandwidth, c.bandwidth);
        }
        host.disconnectFromHost();
        QVERIFY(run.stop() >= 0);
    }
};

QTEST_GUILESS_MAIN(TstTrafficSession)
#include "tst_traffic_session.moc"
