#include "store/Schema.h"
#include "store/Store.h"
#include "store/StoreThread.h"

#include "TestEnv.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdio>

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

    void sightingsFillCuts()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        Store store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("db.sqlite"))));
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

    void incidentsOpenCloseAcknowledge()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        Store store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("db.sqlite"))));
        IncidentRecord i;
        i.kind = QStringLiteral("late_cut");
        i.subject = QStringLiteral("2024-06-03T03:30:00Z");
        i.openedUtc = at("2024-06-03T03:47:00Z");
        i.detail = QStringLiteral("No llegó el corte");
        const auto id = store.openIncident(i);
        QVERIFY(id);
        QCOMPARE(store.incidents(true).size(), 1);
        QVERIFY(store.closeIncident(*id, at("2024-06-03T03:49:30.5Z")));
        QVERIFY(!store.closeIncident(*id, at("2024-06-03T03:50:00Z"))); // already closed
        QVERIFY(store.incidents(true).isEmpty());
        QVERIFY(store.acknowledgeIncident(*id, at("2024-06-03T03:51:00Z"), QStringLiteral("IEPC avisó")));
        const auto stored = store.incident(*id);
        QCOMPARE(stored->closedUtc, at("2024-06-03T03:49:30.5Z"));
        QCOMPARE(stored->note, QStringLiteral("IEPC avisó"));
        QVERIFY(!stored->isOpen());
        IncidentRecord bad;
        QVERIFY(!store.openIncident(bad));
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

        qint64 reportedId = 0;
        bool seenByOtherConnection = false;
        Qt::HANDLE doneThread = nullptr;
        Qt::HANDLE jobThread = nullptr;
        thread.call<std::optional<qint64>>(
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
                seenByOtherConnection = reader.open(path) && reader.cut(reportedId).has_value();
            });
        QTRY_VERIFY_WITH_TIMEOUT(reportedId != 0, 10000);
        QVERIFY(reportedId > 0);
        QVERIFY(seenByOtherConnection);
        QCOMPARE(doneThread, QThread::currentThreadId());
        QVERIFY(jobThread != QThread::currentThreadId());
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
