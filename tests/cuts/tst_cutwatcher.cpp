// CutWatcher over LocalHost on a temporary publication folder (the same script the server runs):
// both methods (inotifywait and the 1 s stat loop), folders renamed into place, zips, bare CSVs,
// catch-up on restart, files that are not PREP cuts, a re-pushed package, the server clock offset, the
// heartbeat line.
#include "TestEnv.h"

#include "cuts/CutSession.h"
#include "cuts/CutWatcher.h"
#include "StoreSupport.h"
#include "store/StoreThread.h"
#include "remote/LocalHost.h"
#include "sandbox/PrepData.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace difusor::cuts;
using difusor::sandbox::PrepElection;

namespace {

QDateTime slot(int n)
{
    return PrepElection::nightStartUtc().addSecs(qint64(n) * 15 * 60);
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

// As rsync does it: the folder, a hidden temporary, then the rename into place.
bool pushFolder(const QString &publication, const PrepElection &e, int n)
{
    const QString dir = QDir(publication).filePath(PrepElection::packageName(slot(n)));
    const QString tmp = dir + QStringLiteral("/.") + PrepElection::csvFileName() + QStringLiteral(".XXXX");
    return QDir().mkpath(dir) && writeFile(tmp, e.csv(slot(n), slot(n)))
           && std::rename(QFile::encodeName(tmp).constData(),
                          QFile::encodeName(dir + QLatin1Char('/') + PrepElection::csvFileName()).constData()) == 0;
}

} // namespace

class TestCutWatcher final : public QObject
{
    Q_OBJECT
private:
    PrepElection m_election;

    void runMethod(bool forceStat)
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        const QString pub = dir.path();
        QVERIFY(pushFolder(pub, m_election, 0));
        QVERIFY(pushFolder(pub, m_election, 1));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("notas.txt")), "no es un corte"));

        difusor::remote::LocalHost host;
        host.connectToHost();
        QTRY_VERIFY(host.state() == difusor::remote::ConnectionState::Connected);
        CutWatcher watcher(&host, pub);
        watcher.setForceStatLoop(forceStat);
        QList<FoundCut> found;
        QStringList rejected;
        connect(&watcher, &CutWatcher::cutFound, this, [&found](const FoundCut &c) { found << c; });
        connect(&watcher, &CutWatcher::packageRejected, this, [&rejected](const QString &p, const QString &) { rejected << p; });
        QSignalSpy listed(&watcher, &CutWatcher::listingDone);
        watcher.start();

        // What was there: caught up, in order, with the file times.
        QVERIFY(listed.wait(10000));
        QCOMPARE(found.size(), 2);
        QCOMPARE(watcher.method(), forceStat || QStandardPaths::findExecutable(QStringLiteral("inotifywait")).isEmpty()
                                       ? QStringLiteral("stat")
                                       : QStringLiteral("inotifywait"));
        QVERIFY(found.at(0).record.caughtUp && found.at(1).record.caughtUp);
        QCOMPARE(found.at(0).record.cutTimeUtc, slot(0));
        QCOMPARE(found.at(1).record.cutTimeUtc, slot(1));
        QVERIFY(watcher.clockOffsetMs().has_value());
        QVERIFY2(std::llabs(*watcher.clockOffsetMs()) < 200, qPrintable(QString::number(*watcher.clockOffsetMs())));
        const QDateTime fileTime = QFileInfo(QDir(pub).filePath(PrepElection::packageName(slot(1)) + QLatin1Char('/')
                                                                + PrepElection::csvFileName()))
                                       .metadataChangeTime()
                                       .toUTC();
        QVERIFY2(std::llabs(found.at(1).record.arrivedServerUtc.msecsTo(fileTime)) <= 5,
                 qPrintable(found.at(1).record.arrivedServerUtc.toString(Qt::ISODateWithMs) + QLatin1Char(' ')
                            + fileTime.toString(Qt::ISODateWithMs)));
        const QByteArray csv1 = m_election.csv(slot(1), slot(1));
        QCOMPARE(found.at(1).record.sha256, QString::fromLatin1(QCryptographicHash::hash(csv1, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(found.at(1).record.size, qint64(csv1.size()));
        QVERIFY(found.at(1).actasCapturadas.has_value());

        // A live folder: found within the method's time (stat loop: 1 s), not caught up.
        QElapsedTimer clock;
        clock.start();
        QVERIFY(pushFolder(pub, m_election, 2));
        QTRY_COMPARE_WITH_TIMEOUT(found.size(), 3, 3000);
        const qint64 took = clock.elapsed();
        qInfo("%s: live folder found in %lld ms", forceStat ? "stat loop" : "inotifywait", took);
        QVERIFY2(took <= (forceStat ? 1600 : 600) * difusor::test::timeScale(), qPrintable(QString::number(took)));
        QVERIFY(!found.at(2).record.caughtUp);
        QCOMPARE(found.at(2).record.cutTimeUtc, slot(2));

        // A zip (complete only once unzip accepts it) and a bare CSV.
        if (!QStandardPaths::findExecutable(QStringLiteral("zip")).isEmpty()) {
            const QString staging = dir.filePath(QStringLiteral(".staging"));
            QVERIFY(QDir().mkpath(staging));
            QVERIFY(writeFile(staging + QLatin1Char('/') + PrepElection::csvFileName(), m_election.csv(slot(3), slot(3))));
            QProcess zip;
            zip.setWorkingDirectory(staging);
            zip.start(QStringLiteral("zip"), {QStringLiteral("-q"), QStringLiteral("p.zip"), PrepElection::csvFileName()});
            QVERIFY(zip.waitForFinished(10000));
            QVERIFY(QFile::rename(staging + QStringLiteral("/p.zip"),
                                  dir.filePath(PrepElection::packageName(slot(3)) + QStringLiteral(".zip"))));
            QTRY_COMPARE_WITH_TIMEOUT(found.size(), 4, 4000);
            QCOMPARE(found.last().record.cutTimeUtc, slot(3));
            QCOMPARE(found.last().record.package, PrepElection::packageName(slot(3)));
        }
        const int before = int(found.size());
        QVERIFY(writeFile(dir.filePath(PrepElection::packageName(slot(4)) + QStringLiteral(".csv")), m_election.csv(slot(4), slot(4))));
        QTRY_COMPARE_WITH_TIMEOUT(int(found.size()), before + 1, 4000);
        QCOMPARE(found.last().record.cutTimeUtc, slot(4));

        // Not a PREP CSV: rejected once, not again.
        QVERIFY(writeFile(dir.filePath(QStringLiteral("20240602_2300_PREP_ROTO.csv")), "hola\n"));
        QTRY_VERIFY_WITH_TIMEOUT(rejected.contains(QStringLiteral("20240602_2300_PREP_ROTO")), 4000);

        // The same package pushed again (same bytes, new file): a new arrival of that cut.
        const int beforeRepush = int(found.size());
        QTest::qWait(50);
        QVERIFY(pushFolder(pub, m_election, 1));
        QTRY_COMPARE_WITH_TIMEOUT(int(found.size()), beforeRepush + 1, 4000);
        QCOMPARE(found.last().record.cutTimeUtc, slot(1));

        QCOMPARE(watcher.restarts(), 1); // the heartbeats (K, every second) disturbed nothing

        // Restart with what is known: nothing old again; what landed meanwhile is caught up.
        watcher.stop();
        QVERIFY(pushFolder(pub, m_election, 5));
        QHash<QString, QString> known = watcher.known();
        const int beforeRestart = int(found.size());
        QSignalSpy listed2(&watcher, &CutWatcher::listingDone);
        watcher.start();
        QVERIFY(listed2.wait(10000));
        QCOMPARE(int(found.size()), beforeRestart + 1);
        QCOMPARE(found.last().record.cutTimeUtc, slot(5));
        QVERIFY(found.last().record.caughtUp);
        QCOMPARE(rejected.count(QStringLiteral("20240602_2300_PREP_ROTO")), 1);
        watcher.stop();
        QTest::qWait(300); // the script's process group ends on its own time
        host.disconnectFromHost();
    }

private Q_SLOTS:
    void inotifywaitOrStat() { runMethod(false); }
    void statLoop() { runMethod(true); }

    // A package with a valid name that cannot be read is reported as unreadable, with why, its cut time
    // from its name and its arrival: never silently dropped.
    void unreadablePackages_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reason"); // a fragment of the reason
        QByteArray random(64 * 1024, '\0');
        quint32 x = 2463534242u;
        for (char &c : random) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            c = char(x & 0xff);
        }
        random[100] = '\0';
        QTest::newRow("random bytes") << random << QStringLiteral("bytes nulos");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("vacío");
        const QByteArray impossible = m_election.csv(slot(7), slot(7)).replace(PrepElection::cutLine(slot(7)).toUtf8(),
                                                                                   "99/99/2024 25:61 (UTC-6)");
        QTest::newRow("impossible cut line") << impossible << QStringLiteral("99/99/2024 25:61");
        QByteArray garbage;
        garbage.reserve(5 * 1024 * 1024);
        while (garbage.size() < 5 * 1024 * 1024)
            garbage += "basura sin forma de corte;";
        QTest::newRow("5 MB of garbage") << garbage << QStringLiteral("ninguna línea legible");
    }
    void unreadablePackages()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, reason);
        QTemporaryDir dir(difusor::test::tempTemplate());
        difusor::remote::LocalHost host;
        host.connectToHost();
        QTRY_VERIFY(host.state() == difusor::remote::ConnectionState::Connected);
        CutWatcher watcher(&host, dir.path());
        QList<FoundCut> unreadable;
        connect(&watcher, &CutWatcher::packageUnreadable, this, [&unreadable](const FoundCut &c) { unreadable << c; });
        QSignalSpy listed(&watcher, &CutWatcher::listingDone);
        watcher.start();
        QVERIFY(listed.wait(10000));

        const QString package = PrepElection::packageName(slot(7));
        const QString folder = QDir(dir.path()).filePath(package);
        const QString tmp = dir.filePath(QStringLiteral(".staging.csv"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(writeFile(tmp, content));
        QVERIFY(std::rename(QFile::encodeName(tmp).constData(),
                            QFile::encodeName(folder + QLatin1Char('/') + PrepElection::csvFileName()).constData()) == 0);
        QTRY_COMPARE_WITH_TIMEOUT(unreadable.size(), 1, 8000);
        const difusor::store::CutRecord &r = unreadable.first().record;
        qInfo("%s", qPrintable(r.unreadable));
        QCOMPARE(r.package, package);
        QVERIFY(!r.unreadable.isEmpty());
        QVERIFY2(r.unreadable.contains(reason), qPrintable(r.unreadable));
        QCOMPARE(r.cutTimeUtc, slot(7)); // from the name
        QVERIFY(r.detectedUtc.isValid() && r.arrivedServerUtc.isValid());
        QCOMPARE(r.size, qint64(content.size()));
        watcher.stop();
        QTest::qWait(300);
        host.disconnectFromHost();
    }

    // A package whose name says one cut and whose CSV says another is read, with the disagreement said.
    void nameAndCutLineDisagree()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        difusor::remote::LocalHost host;
        host.connectToHost();
        QTRY_VERIFY(host.state() == difusor::remote::ConnectionState::Connected);
        // …_2030_… holding the 20:45 cut.
        const QString folder = dir.filePath(PrepElection::packageName(slot(2)));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(writeFile(folder + QLatin1Char('/') + PrepElection::csvFileName(), m_election.csv(slot(3), slot(3))));
        CutWatcher watcher(&host, dir.path());
        QList<FoundCut> found;
        connect(&watcher, &CutWatcher::cutFound, this, [&found](const FoundCut &c) { found << c; });
        QSignalSpy listed(&watcher, &CutWatcher::listingDone);
        watcher.start();
        QVERIFY(listed.wait(10000));
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().record.cutTimeUtc, slot(3));
        QVERIFY2(!found.first().nameMismatch.isEmpty(), "the mismatch is said");
        QVERIFY(found.first().record.unreadable.isEmpty());
        watcher.stop();
        QTest::qWait(300);
        host.disconnectFromHost();
    }

    // The script's heartbeat: recognised (and ignored) only with this run's nonce.
    void heartbeatLine()
    {
        QCOMPARE(int(parseWatchLine("K n1", QStringLiteral("n1")).type), int(WatchLine::Type::Heartbeat));
        QCOMPARE(int(parseWatchLine("K n1\r", QStringLiteral("n1")).type), int(WatchLine::Type::Heartbeat));
        QCOMPARE(int(parseWatchLine("K n2", QStringLiteral("n1")).type), int(WatchLine::Type::Unknown));
    }

    // The session is destroyed with its host, or outlives it without touching it again.
    void sessionOutlivesItsHost()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        QVERIFY(pushFolder(dir.path(), m_election, 0));
        difusor::store::StoreThread store;
        QSignalSpy opened(&store, &difusor::store::StoreThread::opened);
        store.open(dir.filePath(QStringLiteral("s.sqlite")));
        QVERIFY(opened.wait(10000));
        auto *host = new difusor::remote::LocalHost;
        host->connectToHost();
        QTRY_VERIFY(host->state() == difusor::remote::ConnectionState::Connected);
        difusor::Profile profile;
        profile.publicationDir = dir.path();
        profile.host = QStringLiteral("local");
        CutSession session(host, profile, difusor::test::identifyServer(store));
        session.start();
        QTRY_VERIFY_WITH_TIMEOUT(session.watcherState() == CutSession::WatcherState::Watching, 10000);
        QCOMPARE(session.watcherMethod().isEmpty(), false);
        delete host;
        QVERIFY(session.watcher() == nullptr);
        session.stop();
        session.start();
        QTest::qWait(100);
    }

    void missingFolderFails()
    {
        difusor::remote::LocalHost host;
        host.connectToHost();
        QTRY_VERIFY(host.state() == difusor::remote::ConnectionState::Connected);
        CutWatcher watcher(&host, QStringLiteral("/nonexistent/difusor/publicacion"));
        QSignalSpy state(&watcher, &CutWatcher::stateChanged);
        watcher.start();
        QTRY_VERIFY_WITH_TIMEOUT(watcher.state() == CutWatcher::State::Failed, 5000);
        bool named = false;
        for (const auto &s : state)
            named = named || s.at(1).toString().contains(QLatin1String("/nonexistent/difusor/publicacion"));
        QVERIFY(named);
        watcher.stop();
    }
};

QTEST_GUILESS_MAIN(TestCutWatcher)
#include "tst_cutwatcher.moc"
