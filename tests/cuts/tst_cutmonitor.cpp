#include "cuts/CutMonitor.h"
#include "store/Store.h"
#include "StoreSupport.h"
#include "store/StoreThread.h"

#include "NginxFixture.h"
#include "TestEnv.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace difusor::cuts;
using difusor::store::CutRecord;
using difusor::store::Store;
using difusor::store::StoreThread;
using difusor::test::NginxFixture;

namespace {

const QDateTime kCutA = QDateTime(QDate(2024, 6, 3), QTime(3, 15), Qt::UTC);
const QDateTime kCutB = kCutA.addSecs(15 * 60);

QByteArray page(const QDateTime &cut)
{
    return "<p>Fecha y hora de corte: "
           + cut.toOffsetFromUtc(-6 * 3600).toString(QStringLiteral("dd/MM/yyyy HH:mm")).toUtf8() + " (UTC-6)</p>";
}

void ageFile(const QString &path)
{
    QFile file(path);
    if (file.open(QIODevice::ReadWrite))
        file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-60), QFileDevice::FileModificationTime);
}

} // namespace

class TestCutMonitor final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void measuresAreStoredBeforeTheyAreAnnounced()
    {
        DIFUSOR_REQUIRE_PROGRAM(nginxProgram, "nginx");
        NginxFixture nginx;
        QString error;
        QVERIFY2(nginx.start(nginxProgram, false, &error), qPrintable(error));
        for (const QString &site : {QStringLiteral("official"), QStringLiteral("difusor")}) {
            QVERIFY(nginx.writeFile(site, QStringLiteral("index.html"), page(kCutA)));
            ageFile(nginx.filePath(site, QStringLiteral("index.html")));
        }

        QTemporaryDir dir(difusor::test::tempTemplate());
        const QString dbPath = dir.filePath(QStringLiteral("perfil.sqlite"));
        StoreThread store;
        QSignalSpy opened(&store, &StoreThread::opened);
        store.open(dbPath);
        QVERIFY(opened.wait(10000));
        QVERIFY(opened.first().at(0).toBool());

        RuleConfig rules;
        rules.maxLagMs = 1500;
        LagProbeConfig probe;
        probe.officialUrl = nginx.url(QStringLiteral("official"), QStringLiteral("index.html"));
        probe.difusorUrl = nginx.url(QStringLiteral("difusor"), QStringLiteral("index.html"));
        const difusor::store::ServerStore server = difusor::test::identifyServer(store);
        QVERIFY(server.isValid());
        CutMonitor monitor(rules, probe, server);

        // Each announcement is checked against a separate connection at the moment it arrives.
        int sightingsOnDisk = 0;
        int sightingsAnnounced = 0;
        int unmeasured = 0;
        int incidentsOnDisk = 0;
        int incidentsAnnounced = 0;
        connect(&monitor, &CutMonitor::sightingRecorded, this, [&](Site site, const QDateTime &cut, const QDateTime &seen) {
            if (!seen.isValid()) { // already shown at the first look: nothing stored, no lag
                ++unmeasured;
                return;
            }
            ++sightingsAnnounced;
            Store reader;
            if (!reader.open(dbPath))
                return;
            reader.setServer(server.server());
            for (const auto &s : reader.sightings(siteId(site)))
                sightingsOnDisk += (s.cutTimeUtc == cut && s.firstSeenUtc == seen) ? 1 : 0;
        });
        connect(&monitor, &CutMonitor::incidentRecorded, this, [&](const IncidentChange &change, qint64 id) {
            ++incidentsAnnounced;
            Store reader;
            if (!reader.open(dbPath))
                return;
            reader.setServer(server.server());
            const auto stored = reader.incident(id);
            if (stored && stored->kind == incidentKindId(change.incident.kind)
                && stored->isOpen() == (change.type == IncidentChange::Type::Opened))
                ++incidentsOnDisk;
        });
        QSignalSpy cutsRecorded(&monitor, &CutMonitor::cutRecorded);
        QSignalSpy lags(&monitor, &CutMonitor::lagRecorded);
        QSignalSpy failures(&monitor, &CutMonitor::storeFailed);

        monitor.start();
        // Cut A was on both sites before the monitor looked: seen, but when it appeared is unknown.
        QTRY_COMPARE_WITH_TIMEOUT(unmeasured, 2, 8000);
        QCOMPARE(lags.size(), 0);
        QVERIFY(!monitor.probe()->lagMs(kCutA).has_value());

        CutRecord b;
        b.package = QStringLiteral("20240602_2130_PREP_DIP_LOC_DGO");
        b.cutTimeUtc = kCutB;
        b.arrivedConsoleUtc = QDateTime::currentDateTimeUtc();
        b.detectedUtc = b.arrivedConsoleUtc;
        monitor.cutArrived(b, 150);
        QTRY_COMPARE_WITH_TIMEOUT(cutsRecorded.size(), 1, 5000);
        QVERIFY(monitor.probe()->isFast());

        QTest::qWait(500);
        QVERIFY(nginx.writeFile(QStringLiteral("official"), QStringLiteral("index.html"), page(kCutB)));
        QTest::qWait(2500);
        QVERIFY(nginx.writeFile(QStringLiteral("difusor"), QStringLiteral("index.html"), page(kCutB)));
        QTRY_COMPARE_WITH_TIMEOUT(lags.size(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(incidentsAnnounced, 2, 5000); // lag opened, then closed
        monitor.stop();

        QCOMPARE(failures.size(), 0);
        QCOMPARE(sightingsAnnounced, 2);
        QCOMPARE(sightingsOnDisk, sightingsAnnounced);
        QCOMPARE(incidentsOnDisk, incidentsAnnounced);

        Store reader;
        QVERIFY(reader.open(dbPath));
        reader.setServer(server.server());
        const auto cut = reader.cutByPackage(b.package);
        QVERIFY(cut);
        QVERIFY(cut->officialSeenUtc.isValid() && cut->difusorSeenUtc.isValid());
        const qint64 lag = cut->officialSeenUtc.msecsTo(cut->difusorSeenUtc);
        QVERIFY2(lag > 1500 && lag < 3500, qPrintable(QString::number(lag)));
        QCOMPARE(lags.last().at(1).toLongLong(), lag);
        const auto incidents = reader.incidents();
        QCOMPARE(incidents.size(), 1);
        QCOMPARE(incidents.first().kind, QStringLiteral("lag"));
        QVERIFY(!incidents.first().isOpen());
    }
};

QTEST_GUILESS_MAIN(TestCutMonitor)
#include "tst_cutmonitor.moc"
