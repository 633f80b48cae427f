#include "store/Schema.h"
#include "store/Store.h"
#include "store/StoreThread.h"

#include "StoreSupport.h"
#include "TestEnv.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <sys/stat.h>

using namespace difusor::store;

namespace {

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODateWithMs);
}

CutRecord sampleCut(const QString &package, const char *cutIso)
{
    CutRecord c;
    c.package = package;
    c.cutTimeUtc = at(cutIso);
    c.arrivedServerUtc = c.cutTimeUtc.addSecs(95).addMSecs(123);
    c.arrivedConsoleUtc = c.arrivedServerUtc.addMSecs(-40);
    c.detectedUtc = c.arrivedConsoleUtc.addMSecs(310);
    c.size = 123456;
    c.sha256 = QStringLiteral("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    c.summary = QJsonObject{{QStringLiteral("ACTAS_CAPTURADAS"), 22}};
    return c;
}

// Child mode: write one cut, report its id on stdout, then die without any cleanup (SIGKILL).
int crashWriter(const QString &path)
{
    Store store;
    QString error;
    if (!store.open(path, &error)) {
        std::fprintf(stderr, "open: %s\n", qPrintable(error));
        return 3;
    }
    difusor::test::useServer(store);
    const auto id = store.insertCut(sampleCut(QStringLiteral("20240602_2115_PREP_DIP_LOC_DGO"), "2024-06-03T03:15:00Z"));
    if (!id)
        return 4;
    std::printf("%lld\n", static_cast<long long>(*id));
    std::fflush(stdout);
    std::raise(SIGKILL);
    return 5;
}

} // namespace

class TestStore final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void opensWalAndMigrates()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        Store store;
        QString error;
        QVERIFY2(store.open(dir.filePath(QStringLiteral("p/perfil.sqlite")), &error), qPrintable(error));
        QCOMPARE(store.journalMode(), QStringLiteral("wal"));
        QCOMPARE(store.schemaVersion(), latestSchemaVersion());
        store.close();
        // Reopening does not re-run steps.
        QVERIFY2(store.open(dir.filePath(QStringLiteral("p/perfil.sqlite")), &error), qPrintable(error));
        QCOMPARE(store.schemaVersion(), latestSchemaVersion());
    }

    void refusesNewerSchema()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        const QString path = dir.filePath(QStringLiteral("db.sqlite"));
        {
            Store store;
            QVERIFY(store.open(path));
            QVERIFY(store.transaction([](QSqlDatabase &db) {
                return QSqlQuery(db).exec(QStringLiteral("UPDATE schema_version SET version = 999"));
            }));
        }
        Store store;
        QString error;
        QVERIFY(!store.open(path, &error));
        QVERIFY(!error.isEmpty());
    }

    void cutsRoundTrip()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        Store store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("db.sqlite"))));
        QVERIFY(difusor::test::useServer(store) > 0);
        CutRecord a = sampleCut(QStringLiteral("20240602_2115_PREP_DIP_LOC_DGO"), "2024-06-03T03:15:00Z");
        CutRecord b = sampleCut(QStringLiteral("20240602_2130_PREP_DIP_LOC_DGO"), "2024-06-03T03:30:00Z");
        b.caughtUp = true;
        b.size = -1;
        b.sha256.clear();
        const auto idB = store.insertCut(b);
        const auto idA = store.insertCut(a);
        QVERIFY(idA && idB);
        a.id = *idA;
        b.id = *idB;
        QCOMPARE(*store.cut(*idA), a);
        QCOMPARE(*store.cut(*idB), b);
        QCOMPARE(store.insertCut(a), idA); // same package: first record kept
        QCOMPARE(store.latestCut()->package, b.package);
        const auto all = store.cuts();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.first().package, a.package); // by cut time
        QCOMPARE(store.cutByPackage(b.package)->caughtUp, true);
        QCOMPARE(store.cut(*idA)->arrivedServerUtc.timeSpec(), Qt::UTC);
    }

    // An unreadable package is kept with why; the same package pushed again and readable replaces it.
    void unreadableCutIsKeptThenReplaced()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        Store store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("db.sqlite"))));
        QVERIFY(difusor::test::useServer(store) > 0);
        CutRecord broken = sampleCut(QStringLiteral("20240602_2115_PREP_DIP_LOC_DGO"), "2024-06-03T03:15:00Z");
        broken.summary = {};
        broken.unreadable = QStringLiteral("El archivo está vacío.");
        const auto id = store.insertCut(broken);
        QVERIFY(id);
        broken.id = *id;
        QCOMPARE(*store.cut(*id), broken);
        QCOMPARE(store.cutByPackage(broken.package)->unreadable, broken.unreadable);
        // Still broken: the first record stays.
        CutRecord again = broken;
        again.unreadable = QStringLiteral("otra razón");
        QCOMPARE(store.insertCut(again), id);
        QCOMPARE(store.cut(*id)->unreadable, broken.unreadable);
        // Fixed: the same row now holds the readable cut.
        CutRecord fixed = sampleCut(broken.package, "2024-06-03T03:15:00Z");
        fixed.detectedUtc = broken.detectedUtc.addSecs(60);
        QCOMPARE(store.insertCut(fixed), id);
        fixed.id = *id;
        QCOMPARE(*store.cut(*id), fixed);
        QVERIFY(store.cut(*id)->unreadable.isEmpty());
        // A readable record is never replaced by an unreadable one.
        QCOMPARE(store.insertCut(broken), id);
        QVERIFY(store.cut(*id)->unreadable.isEmpty());
        QCOMPARE(store.cuts().size(), 1);
    }

    void sightingsFillCuts()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        Store store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("db.sqlite"))));
        QVERIFY(difusor::test::useServer(store) > 0);
        const QDateTime cutTime = at("2024-06-03T03:15:00Z");
        // The official site shows the cut before it reaches our disk.
        QVERIFY(store.recordSighting({QStringLiteral("official"), cutTime, at("2024-06-03T03:20:01.250Z")}));
        const auto id = store.insertCut(sampleCut(QStringLiteral("20240602_2115_PREP_DIP_LOC_DGO"), "2024-06-03T03:15:00Z"));
        QVERIFY(id);
        QCOMPARE(store.cut(*id)->officialSeenUtc, at("2024-06-03T03:20:01.250Z"));
        QVERIFY(!store.cut(*id)->difusorSeenUtc.isValid());
        QVERIFY(store.recordSighting({QStringLiteral("difusor"), cutTime, at("2024-06-03T03:20:09.500Z")}));
        QVERIFY(store.recordSighting({QStringLiteral("difusor"), cutTime, at("2024-06-03T03:25:00Z")})); // later: ignored
        QCOMPARE(store.cut(*id)->difusorSeenUtc, at("2024-06-03T03:20:09.500Z"));
        QCOMPARE(store.cut(*id)->lagMs(), std::optional<qint64>(8250));
        // sampleCut arrives at 03:16:35.083 on the console's clock.
        QCOMPARE(store.cut(*id)->servedAfterArrivalMs(), std::optional<qint64>(214417));
        QCOMPARE(store.sightings(QStringLiteral("difusor")).size(), 1);
        QVERIFY(!store.recordSighting({QStringLiteral("elsewhere"), cutTime, cutTime}));
    }

    void incidentsRaiseClearAcknowledge()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        Store store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("db.sqlite"))));
        QVERIFY(difusor::test::useServer(store) > 0);
        IncidentRecord i;
        i.kind = QStringLiteral("late_cut");
        i.subject = QStringLiteral("2024-06-03T03:30:00Z");
        i.openedUtc = at("2024-06-03T03:47:00Z");
        i.detectedUtc = at("2024-06-03T03:47:01Z");
        i.detail = QStringLiteral("No llegó el corte");
        const auto opened = store.raiseIncident(i);
        QVERIFY(opened && opened->opened);
        const qint64 id = opened->incident.id;
        QCOMPARE(store.incidents(true).size(), 1);
        QVERIFY(store.clearIncident(i.kind, i.subject, at("2024-06-03T03:49:30.5Z"))->changed);
        QVERIFY(!store.clearIncident(i.kind, i.subject, at("2024-06-03T03:50:00Z"))->changed); // already resolved
        QVERIFY(store.incidents(true).isEmpty());
        // Acknowledging what is resolved is refused; a note is always allowed.
        QVERIFY(!store.actOnIncident(id, IncidentAction::Acknowledge, QStringLiteral("ana"), QStringLiteral("IEPC avisó"),
                                     at("2024-06-03T03:51:00Z")));
        QVERIFY(store.actOnIncident(id, IncidentAction::Note, QStringLiteral("ana"), QStringLiteral("IEPC avisó"),
                                    at("2024-06-03T03:51:00Z")));
        const auto stored = store.incident(id);
        QCOMPARE(stored->closedUtc, at("2024-06-03T03:49:30.5Z"));
        QCOMPARE(stored->resolution, QStringLiteral("auto"));
        QVERIFY(!stored->isOpen());
        QCOMPARE(store.incidentEvents(id).size(), 3); // opened, resolved, note
        IncidentRecord bad;
        QVERIFY(!store.raiseIncident(bad));
    }

    void eachServerKeepsItsOwnRecords()
    {
        // The same package on two servers (a primary and its replica; yesterday's sandbox and
        // today's) is two arrivals; nothing of one is read as the other's.
        QTemporaryDir dir(difusor::test::tempTemplate());
        Store store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("db.sqlite"))));
        CutRecord cut = sampleCut(QStringLiteral("20240602_2115_PREP_DIP_LOC_DGO"), "2024-06-03T03:15:00Z");
        // No server chosen: nothing is written, and the error says why.
        QVERIFY(!store.insertCut(cut));
        QVERIFY(!store.lastError().isEmpty());
        QVERIFY(!store.registerServer({QStringLiteral("p"), QString(), {}, {}}, QDateTime::currentDateTimeUtc()));

        const qint64 primary = difusor::test::useServer(store, QStringLiteral("primario"), QStringLiteral("SHA256:aaa"));
        const auto first = store.insertCut(cut);
        QVERIFY(first);
        QVERIFY(store.recordSighting({QStringLiteral("official"), cut.cutTimeUtc, at("2024-06-03T03:20:00Z")}));
        IncidentRecord late;
        late.kind = QStringLiteral("late_cut");
        late.openedUtc = at("2024-06-03T03:47:00Z");
        late.detectedUtc = late.openedUtc;
        const auto lateId = store.raiseIncident(late);
        QVERIFY(lateId);

        // The same profile behind another host key is another server (the sandbox makes a new key per run).
        const qint64 other = difusor::test::useServer(store, QStringLiteral("primario"), QStringLiteral("SHA256:bbb"));
        QVERIFY(other > 0 && other != primary);
        QVERIFY(!store.cutByPackage(cut.package));
        QVERIFY(!store.latestCut());
        QVERIFY(store.cuts().isEmpty());
        QVERIFY(store.sightings(QStringLiteral("official")).isEmpty());
        QVERIFY(store.incidents().isEmpty());
        QVERIFY(!store.cut(*first)); // not even by id
        QVERIFY(!store.actOnIncident(lateId->incident.id, IncidentAction::Resolve, QStringLiteral("x"),
                                     QStringLiteral("no es de este servidor"), at("2024-06-03T03:50:00Z")));
        cut.arrivedConsoleUtc = cut.arrivedConsoleUtc.addSecs(3600);
        const auto second = store.insertCut(cut);
        QVERIFY(second && *second != *first);
        QCOMPARE(store.cut(*second)->arrivedConsoleUtc, cut.arrivedConsoleUtc);
        QVERIFY(!store.cut(*second)->officialSeenUtc.isValid()); // the other server's sighting is not ours

        // Back on the first: its own records, as they were.
        QCOMPARE(difusor::test::useServer(store, QStringLiteral("primario"), QStringLiteral("SHA256:aaa")), primary);
        QCOMPARE(store.cuts().size(), 1);
        QCOMPARE(store.cutByPackage(cut.package)->id, *first);
        QCOMPARE(store.cutByPackage(cut.package)->officialSeenUtc, at("2024-06-03T03:20:00Z"));
        QCOMPARE(store.incidents().size(), 1);
        const QList<ServerRecord> servers = store.servers();
        QCOMPARE(servers.size(), 2);
        QCOMPARE(servers.first().identity.hostKey, QStringLiteral("SHA256:aaa"));
    }

    void oldFileIsUpgradedOnceWithoutLoss()
    {
        // A store written by the previous version (schema 2: cuts keyed by package alone, no servers):
        // it opens, is upgraded once, and keeps every row, under a server of its own that no live
        // server is ever taken for.
        QTemporaryDir dir(difusor::test::tempTemplate());
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            // Schema 2 exactly as released (core/store/Schema.cpp steps 1 and 2).
            const QStringList v2 = {
                QStringLiteral("CREATE TABLE schema_version (version INTEGER NOT NULL)"),
                QStringLiteral("INSERT INTO schema_version VALUES (2)"),
                QStringLiteral("CREATE TABLE cuts (id INTEGER PRIMARY KEY, package TEXT NOT NULL UNIQUE,"
                               " cut_time_utc INTEGER, arrived_server_utc INTEGER, arrived_console_utc INTEGER,"
                               " detected_utc INTEGER, official_seen_utc INTEGER, difusor_seen_utc INTEGER, size INTEGER,"
                               " sha256 TEXT, summary TEXT, caught_up INTEGER NOT NULL DEFAULT 0)"),
                QStringLiteral("CREATE INDEX cuts_by_time ON cuts(cut_time_utc)"),
                QStringLiteral("CREATE TABLE cut_sightings (site TEXT NOT NULL, cut_time_utc INTEGER NOT NULL,"
                               " first_seen_utc INTEGER NOT NULL, PRIMARY KEY (site, cut_time_utc))"),
                QStringLiteral("CREATE TABLE incidents (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, subject TEXT,"
                               " opened_utc INTEGER NOT NULL, closed_utc INTEGER, detail TEXT, acknowledged_utc INTEGER,"
                               " note TEXT)"),
                QStringLiteral("CREATE INDEX incidents_open ON incidents(closed_utc)"),
                QStringLiteral("CREATE TABLE check_runs (id INTEGER PRIMARY KEY, profile_name TEXT, host TEXT NOT NULL,"
                               " started_utc INTEGER NOT NULL, duration_ms INTEGER, requirements_id TEXT,"
                               " results TEXT NOT NULL)"),
                QStringLiteral("CREATE INDEX check_runs_by_host ON check_runs(host, started_utc)"),
                QStringLiteral("INSERT INTO cuts (id, package, cut_time_utc, official_seen_utc, difusor_seen_utc, size,"
                               " sha256, caught_up) VALUES (7, '20240602_2115_PREP_DIP_LOC_DGO', 1717384500000,"
                               " 1717384801250, 1717384809500, 123, 'abc', 0)"),
                QStringLiteral("INSERT INTO cuts (id, package, cut_time_utc, caught_up)"
                               " VALUES (8, '20240602_2130_PREP_DIP_LOC_DGO', 1717385400000, 1)"),
                QStringLiteral("INSERT INTO cut_sightings VALUES ('official', 1717384500000, 1717384801250)"),
                QStringLiteral("INSERT INTO incidents (id, kind, subject, opened_utc, acknowledged_utc, note)"
                               " VALUES (3, 'late_cut', 'x', 1717384900000, 1717384950000, 'IEPC avisó')"),
                QStringLiteral("INSERT INTO check_runs (profile_name, host, started_utc, duration_ms, requirements_id,"
                               " results) VALUES ('Difusor', 'u@h:22', 1717384000000, 300, 'iepc', '[]')"),
            };
            for (const QString &statement : v2)
                QVERIFY2(q.exec(statement), qPrintable(q.lastError().text()));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));

        Store store;
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        QCOMPARE(store.schemaVersion(), latestSchemaVersion());
        const QList<ServerRecord> servers = store.servers();
        QCOMPARE(servers.size(), 1);
        QCOMPARE(servers.first().identity.profileName, QStringLiteral("base anterior"));
        store.setServer(servers.first().id);
        const QList<CutRecord> cuts = store.cuts();
        QCOMPARE(cuts.size(), 2);
        QCOMPARE(cuts.first().id, qint64(7));
        QCOMPARE(cuts.first().lagMs(), std::optional<qint64>(8250));
        QCOMPARE(cuts.last().caughtUp, true);
        QCOMPARE(store.sightings(QStringLiteral("official")).size(), 1);
        QCOMPARE(store.incident(3)->note, QStringLiteral("IEPC avisó"));
        // Schema 5: the old incident keeps its times; its state and timeline are rebuilt from them.
        QCOMPARE(store.incident(3)->state(), QStringLiteral("acknowledged"));
        QCOMPARE(store.incident(3)->severity, QStringLiteral("major")); // late_cut's default
        QCOMPARE(store.incident(3)->detectedUtc, QDateTime::fromMSecsSinceEpoch(1717384900000, Qt::UTC));
        QCOMPARE(store.incidentEvents(3).size(), 2); // opened, ack
        QCOMPARE(store.incidentEvents(3).last().text, QStringLiteral("IEPC avisó"));
        QCOMPARE(store.lastCheckRuns(5).size(), 1);
        // A live server starts empty, though the old rows hold the same packages.
        difusor::test::useServer(store, QStringLiteral("Difusor"), QStringLiteral("SHA256:nuevo"));
        QVERIFY(store.cuts().isEmpty());
        QVERIFY(store.lastCheckRuns(5).isEmpty());
        QVERIFY(store.insertCut(sampleCut(QStringLiteral("20240602_2115_PREP_DIP_LOC_DGO"), "2024-06-03T03:15:00Z")));
        store.close();
        // Opened again: not upgraded twice, nothing lost.
        QVERIFY(store.open(path));
        QCOMPARE(store.servers().size(), 2);
        store.setServer(servers.first().id);
        QCOMPARE(store.cuts().size(), 2);
    }

    // The store holds firewall evidence and logs: the file, its -wal and -shm are 0600 and the folder it
    // creates 0700, whatever the umask; a file left 0644 by an older version is brought to 0600.
    void storeFilesAreOwnerOnly()
    {
        const mode_t oldMask = ::umask(0022);
        QTemporaryDir dir(difusor::test::tempTemplate());
        const QString path = dir.filePath(QStringLiteral("new/folder/db.sqlite"));
        Store store;
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        QVERIFY(difusor::test::useServer(store) > 0);
        QVERIFY(store.insertCut(sampleCut(QStringLiteral("20240602_2000_PREP_DIP_LOC_DGO"), "2024-06-02T20:00:00.000Z")));
        const QString older = dir.filePath(QStringLiteral("older.sqlite"));
        {
            Store first;
            QVERIFY(first.open(older));
        }
        QVERIFY(QFile::setPermissions(older, QFile::permissions(older) | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        Store reopened;
        QVERIFY(reopened.open(older));
        ::umask(oldMask);

        const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser;
        for (const QString &file : QStringList{path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm"), older}) {
            QVERIFY2(QFileInfo::exists(file), qPrintable(file));
            QVERIFY2(QFileInfo(file).permissions() == ownerOnly,
                     qPrintable(file + QStringLiteral(": ") + QString::number(int(QFileInfo(file).permissions()), 16)));
        }
        const auto ownerDir = ownerOnly | QFileDevice::ExeOwner | QFileDevice::ExeUser;
        QCOMPARE(QFileInfo(dir.filePath(QStringLiteral("new"))).permissions(), ownerDir);
        QCOMPARE(QFileInfo(dir.filePath(QStringLiteral("new/folder"))).permissions(), ownerDir);
    }

    void writeIsDurableBeforeItIsReported()
    {
        // A child process writes a cut, prints its id, and is killed with SIGKILL at once: no
        // destructor, no close, no checkpoint. The id it reported must be in the file.
        QTemporaryDir dir(difusor::test::tempTemplate());
        const QString path = dir.filePath(QStringLiteral("db.sqlite"));
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--crash-writer"), path});
        QVERIFY(child.waitForFinished(30000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        bool ok = false;
        const qint64 reported = child.readAllStandardOutput().trimmed().toLongLong(&ok);
        QVERIFY2(ok, child.readAllStandardError().constData());
        Store store;
        QVERIFY(store.open(path));
        difusor::test::useServer(store);
        const auto c = store.cut(reported);
        QVERIFY(c);
        QCOMPARE(c->package, QStringLiteral("20240602_2115_PREP_DIP_LOC_DGO"));
    }

    void storeThreadReportsAfterCommit()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        const QString path = dir.filePath(QStringLiteral("db.sqlite"));
        StoreThread thread;
        QSignalSpy opened(&thread, &StoreThread::opened);
        thread.open(path);
        QVERIFY(opened.wait(10000));
        QVERIFY(opened.first().at(0).toBool());
        const ServerStore server = difusor::test::identifyServer(thread);
        QVERIFY(server.isValid());

        qint64 reportedId = 0;
        bool seenByOtherConnection = false;
        Qt::HANDLE doneThread = nullptr;
        Qt::HANDLE jobThread = nullptr;
        server.call<std::optional<qint64>>(
            this,
            [&jobThread](Store &store) {
                jobThread = QThread::currentThreadId();
                return store.insertCut(sampleCut(QStringLiteral("20240602_2115_PREP"), "2024-06-03T03:15:00Z"));
            },
            [&](std::optional<qint64> id) {
                doneThread = QThread::currentThreadId();
                reportedId = id.value_or(-1);
                // Another connection (as after a crash) sees the row the moment it is reported.
                Store reader;
                seenByOtherConnection = reader.open(path) && difusor::test::useServer(reader) == server.server()
                    && reader.cut(reportedId).has_value();
            });
        QTRY_VERIFY_WITH_TIMEOUT(reportedId != 0, 10000);
        QVERIFY(reportedId > 0);
        QVERIFY(seenByOtherConnection);
        QCOMPARE(doneThread, QThread::currentThreadId());
        QVERIFY(jobThread != QThread::currentThreadId());
    }

    // A reply whose receiver is gone is dropped, safely, whatever thread deletes the receiver and
    // however the deletion races the reply (the store's thread never looks at the receiver: Qt drops
    // the queued reply with the receiver's connection). Run under ThreadSanitizer/AddressSanitizer
    // (tests/sanitize/run.sh) this is a use-after-free or a race if it is not so by construction.
    void repliesToGoneReceiversAreDropped()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        StoreThread thread;
        QSignalSpy opened(&thread, &StoreThread::opened);
        thread.open(dir.filePath(QStringLiteral("db.sqlite")));
        QVERIFY(opened.wait(10000));

        // 1. Deleted on this thread while its job runs: the job's write is kept, the reply dropped.
        std::atomic<int> jobsRun{0};
        int answered = 0;
        {
            auto *receiver = new QObject;
            thread.call<int>(
                receiver,
                [&jobsRun](Store &) {
                    QThread::msleep(50);
                    return ++jobsRun;
                },
                [&answered](int) { ++answered; });
            QTest::qWait(10);
            delete receiver; // the job is running
        }
        // 2. Receivers on another thread, deleted there while the replies are in flight.
        QThread other;
        other.start();
        std::atomic<int> answeredOnOther{0};
        for (int i = 0; i < 200; ++i) {
            auto *receiver = new QObject;
            receiver->moveToThread(&other);
            thread.call<int>(
                receiver, [&jobsRun](Store &) { return ++jobsRun; }, [&answeredOnOther](int) { ++answeredOnOther; });
            // Deleted on its own thread, sooner or later than its reply.
            QMetaObject::invokeMethod(receiver, [receiver] { delete receiver; }, Qt::QueuedConnection);
        }
        // 3. A live receiver gets exactly its own answer.
        int mine = -1;
        thread.call<int>(this, [](Store &) { return 42; }, [&mine](int v) { mine = v; });
        QTRY_COMPARE_WITH_TIMEOUT(mine, 42, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(jobsRun.load(), 201, 10000);
        other.quit();
        other.wait();
        QTest::qWait(100);
        QCOMPARE(answered, 0);
        QVERIFY(answeredOnOther.load() <= 200);
        qInfo("replies to receivers deleted on another thread: %d of 200 came before the deletion", answeredOnOther.load());
    }

    // A saved check run is announced after its commit (the "Resumen" reads the newest verdict again),
    // with its server's id; a refused one is not announced.
    void checkRunSavedIsAnnounced()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        const QString path = dir.filePath(QStringLiteral("db.sqlite"));
        StoreThread thread;
        QSignalSpy opened(&thread, &StoreThread::opened);
        thread.open(path);
        QVERIFY(opened.wait(10000));
        const ServerStore server = difusor::test::identifyServer(thread);
        QVERIFY(server.isValid());
        QSignalSpy saved(&thread, &StoreThread::checkRunSaved);
        CheckRunRecord run;
        run.profileName = QStringLiteral("prueba");
        run.host = QStringLiteral("ana@prep:22");
        run.startedUtc = at("2024-06-03T03:00:00Z");
        run.results = QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("hw.cpu")}, {QStringLiteral("status"), QStringLiteral("pass")}}};
        CheckRunRecord refused = run;
        refused.host.clear();
        server.post([run, refused](Store &store) {
            store.addCheckRun(refused);
            store.addCheckRun(run);
        });
        QVERIFY(saved.wait(10000));
        QCOMPARE(saved.count(), 1);
        QCOMPARE(saved.first().at(0).toLongLong(), server.server());
        // Committed before it was announced: another connection reads it.
        Store reader;
        QVERIFY(reader.open(path));
        QCOMPARE(difusor::test::useServer(reader), server.server());
        const QList<CheckRunRecord> runs = reader.lastCheckRuns(5);
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs.first().id, saved.first().at(1).toLongLong());
        QTest::qWait(100);
        QCOMPARE(saved.count(), 1);
    }
};

int main(int argc, char **argv)
{
    if (argc == 3 && qstrcmp(argv[1], "--crash-writer") == 0) {
        QCoreApplication app(argc, argv);
        return crashWriter(QString::fromLocal8Bit(argv[2]));
    }
    QCoreApplication app(argc, argv);
    TestStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_store.moc"
