#include "cuts/IncidentRules.h"
#include "cuts/LagProbe.h"
#include "traffic/StatsReport.h"

#include "NginxFixture.h"
#include "TestEnv.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QSignalSpy>
#include <QTest>

using namespace difusor::cuts;
using difusor::test::NginxFixture;

namespace {

// 02/06/2024 21:15 (UTC-6) and the next cut.
const QDateTime kCutA = QDateTime(QDate(2024, 6, 3), QTime(3, 15), Qt::UTC);
const QDateTime kCutB = kCutA.addSecs(15 * 60);

QByteArray page(const QDateTime &cut)
{
    const QDateTime local = cut.toOffsetFromUtc(-6 * 3600);
    return "<!doctype html><html><head><title>PREP 2024 Durango</title></head><body>\n"
           "<header><span class=\"corte\">Fecha y hora de corte: "
           + local.toString(QStringLiteral("dd/MM/yyyy HH:mm")).toUtf8()
           + " (UTC-6)</span></header>\n<main>Diputaciones locales</main></body></html>\n";
}

QByteArray avance(const QDateTime &cut)
{
    const QDateTime local = cut.toOffsetFromUtc(-6 * 3600);
    return "{\"ultimoCorte\":{\"fecha\":\"" + local.toString(QStringLiteral("dd/MM/yyyy")).toUtf8()
           + "\",\"hora\":\"" + local.toString(QStringLiteral("HH:mm")).toUtf8()
           + " (UTC-6)\"},\"actasCapturadas\":120}";
}

// nginx's validators (ETag, Last-Modified) have one-second resolution: give the first version of a
// file an older time, so a change in the same second as the first poll is still a new version.
void ageFile(const QString &path)
{
    QFile file(path);
    if (file.open(QIODevice::ReadWrite))
        file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-60), QFileDevice::FileModificationTime);
}

} // namespace

class TestLagProbe final : public QObject
{
    Q_OBJECT
private:
    bool startNginx(NginxFixture &nginx, bool tls = false)
    {
        QString error;
        if (!nginx.start(m_nginx, tls, &error)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        if (!nginx.writeFile(QStringLiteral("official"), QStringLiteral("avance.json"), avance(kCutA))
            || !nginx.writeFile(QStringLiteral("difusor"), QStringLiteral("index.html"), page(kCutA)))
            return false;
        ageFile(nginx.filePath(QStringLiteral("official"), QStringLiteral("avance.json")));
        ageFile(nginx.filePath(QStringLiteral("difusor"), QStringLiteral("index.html")));
        return true;
    }

    QString m_nginx;

private Q_SLOTS:
    void initTestCase()
    {
        DIFUSOR_REQUIRE_PROGRAM(nginx, "nginx");
        m_nginx = nginx;
    }

    void firstSeenWithinOneSecondAndLagIsRight()
    {
        NginxFixture nginx;
        QVERIFY(startNginx(nginx));
        LagProbeConfig config;
        config.officialUrl = nginx.url(QStringLiteral("official"), QStringLiteral("avance.json"));
        config.difusorUrl = nginx.url(QStringLiteral("difusor"), QStringLiteral("index.html"));
        LagProbe probe(config); // defaults: 5 s normal, 250 ms fast

        RuleConfig rulesConfig;
        rulesConfig.maxLagMs = 1500;
        IncidentRules rules(rulesConfig);
        QList<IncidentChange> changes;
        connect(&probe, &LagProbe::siteShowed, this, [&](Site site, const QDateTime &cut, const QDateTime &at) {
            changes += rules.siteShowed(site, cut, at);
        });
        QSignalSpy lags(&probe, &LagProbe::lagMeasured);

        probe.start();
        QTRY_COMPARE_WITH_TIMEOUT(probe.shownCut(Site::Official), kCutA, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(probe.shownCut(Site::Difusor), kCutA, 5000);
        QVERIFY(!probe.isFast());

        // A new cut lands on our disk: the probe quickens before either site changes.
        probe.expectCut(kCutB);
        QVERIFY(probe.isFast());
        QTest::qWait(1200);

        const QDateTime officialChanged = QDateTime::currentDateTimeUtc();
        QVERIFY(nginx.writeFile(QStringLiteral("official"), QStringLiteral("avance.json"), avance(kCutB)));
        QTest::qWait(2500);
        const QDateTime difusorChanged = QDateTime::currentDateTimeUtc();
        QVERIFY(nginx.writeFile(QStringLiteral("difusor"), QStringLiteral("index.html"), page(kCutB)));

        QTRY_VERIFY_WITH_TIMEOUT(probe.lagMs(kCutB).has_value(), 5000);
        const qint64 officialDelay = officialChanged.msecsTo(probe.firstSeen(Site::Official, kCutB));
        const qint64 difusorDelay = difusorChanged.msecsTo(probe.firstSeen(Site::Difusor, kCutB));
        const qint64 trueLag = officialChanged.msecsTo(difusorChanged);
        qInfo("official seen +%lld ms, ours seen +%lld ms, lag %lld ms (true %lld ms)", officialDelay, difusorDelay,
              *probe.lagMs(kCutB), trueLag);
        QVERIFY2(officialDelay > -100 && officialDelay < 1000, qPrintable(QString::number(officialDelay)));
        QVERIFY2(difusorDelay > -100 && difusorDelay < 1000, qPrintable(QString::number(difusorDelay)));
        QVERIFY(std::llabs(*probe.lagMs(kCutB) - trueLag) < 1000);
        QCOMPARE(lags.size(), 1); // cut B only: cut A was already showing on both sites at start-up
        QVERIFY(!probe.lagMs(kCutA).has_value());
        QVERIFY(!probe.firstSeen(Site::Official, kCutA).isValid());
        QCOMPARE(lags.last().at(0).toDateTime(), kCutB);
        QCOMPARE(lags.last().at(1).toLongLong(), *probe.lagMs(kCutB));

        // Both show the cut: back to gentle polling.
        QTRY_VERIFY_WITH_TIMEOUT(!probe.isFast(), 2000);
        // Conditional GETs: nginx answered 304 to the unchanged polls.
        QVERIFY(probe.notModifiedCount(Site::Official) > 0);
        QVERIFY(probe.notModifiedCount(Site::Difusor) > 0);
        QFile log(nginx.accessLogPath());
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(log.readAll().contains("\" 304 "));
        probe.stop();

        // The log holds only the probe's polls: `stats` counts no hit, page or visit, and every request
        // as the console's, in both modes (AWStats' robot list when installed, else ours).
        for (const auto mode : {difusor::traffic::TrafficCounter::Mode::AwStats, difusor::traffic::TrafficCounter::Mode::Raw}) {
            difusor::traffic::StatsOptions o;
            o.mode = mode;
            o.files = {nginx.accessLogPath()};
            const difusor::traffic::StatsResult r = difusor::traffic::computeStats(o);
            QVERIFY(r.errors.isEmpty());
            const QJsonObject totals = difusor::traffic::statsJson(o, r).value(QStringLiteral("totals")).toObject();
            qInfo("stats --mode %s: %s", mode == difusor::traffic::TrafficCounter::Mode::Raw ? "raw" : "awstats",
                  QJsonDocument(totals).toJson(QJsonDocument::Compact).constData());
            QVERIFY(totals.value(QStringLiteral("requests")).toDouble() >= 4);
            QCOMPARE(totals.value(QStringLiteral("console_requests")).toDouble(), totals.value(QStringLiteral("requests")).toDouble());
            for (const char *zero : {"hits", "pages", "visits", "unique_visitors", "bandwidth"})
                QVERIFY2(totals.value(QLatin1String(zero)).toDouble() == 0.0, zero);
        }

        // Fed to the rules, the 2.5 s lag over a 1.5 s limit is one incident, opened and closed.
        int opened = 0;
        int closed = 0;
        for (const IncidentChange &c : changes) {
            if (c.incident.kind == IncidentKind::Lag)
                (c.type == IncidentChange::Type::Opened ? opened : closed)++;
        }
        QCOMPARE(opened, 1);
        QCOMPARE(closed, 1);
        probe.stop();
    }

    // The official site is the reference and is read on its own cadence (officialIntervalMs, 1 s), so a
    // cut that comes off schedule (the first of the night) is seen there within about a second, not
    // when our package arrives or at the next 5 s poll. Every sighting states its bound, and the truth
    // lies within it: with the own cadence off (the old behaviour) the bound is wider, still honest.
    void officialSeenOnItsOwnCadence_data()
    {
        QTest::addColumn<int>("officialIntervalMs");
        QTest::newRow("own cadence 1 s") << 1000;
        QTest::newRow("no own cadence (5 s polls)") << 0;
    }
    void officialSeenOnItsOwnCadence()
    {
        QFETCH(int, officialIntervalMs);
        NginxFixture nginx;
        QVERIFY(startNginx(nginx));
        LagProbeConfig config;
        config.officialUrl = nginx.url(QStringLiteral("official"), QStringLiteral("avance.json"));
        config.difusorUrl = nginx.url(QStringLiteral("difusor"), QStringLiteral("index.html"));
        config.officialIntervalMs = officialIntervalMs; // normal 5 s, fast 250 ms: the defaults
        config.cutIntervalMs = 0;                        // no schedule to anticipate: off-schedule cuts
        LagProbe probe(config);
        probe.start();
        QTRY_COMPARE_WITH_TIMEOUT(probe.shownCut(Site::Official), kCutA, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(probe.shownCut(Site::Difusor), kCutA, 5000);
        QTest::qWait(1700); // off any poll's phase, and a later second than the first version's validators

        // No package of ours, no expectCut(): the official site changes on its own.
        const QDateTime officialChanged = QDateTime::currentDateTimeUtc();
        QVERIFY(nginx.writeFile(QStringLiteral("official"), QStringLiteral("avance.json"), avance(kCutB)));
        QTRY_COMPARE_WITH_TIMEOUT(probe.shownCut(Site::Official), kCutB, 7000);
        const QDateTime officialSeen = probe.firstSeen(Site::Official, kCutB);
        const qint64 officialDelay = officialChanged.msecsTo(officialSeen);
        const auto officialBound = probe.firstSeenUncertaintyMs(Site::Official, kCutB);
        QVERIFY(officialBound.has_value());
        qInfo("official: seen +%lld ms after the change, stated ± %lld ms (own cadence %d ms)", officialDelay,
              *officialBound, officialIntervalMs);
        // The truth is within the stated bound (20 ms: the file write and the clock read here).
        QVERIFY2(std::llabs(officialDelay) <= *officialBound + 20, qPrintable(QString::number(officialDelay)));
        if (officialIntervalMs > 0) {
            QVERIFY2(officialDelay < officialIntervalMs + 500, qPrintable(QString::number(officialDelay)));
            QVERIFY2(*officialBound < officialIntervalMs + 500, qPrintable(QString::number(*officialBound)));
        }

        // Ours follows 1.5 s later (the probe is fast now: the official site is ahead).
        QTest::qWait(1500);
        const QDateTime difusorChanged = QDateTime::currentDateTimeUtc();
        QVERIFY(nginx.writeFile(QStringLiteral("difusor"), QStringLiteral("index.html"), page(kCutB)));
        QTRY_VERIFY_WITH_TIMEOUT(probe.lagMs(kCutB).has_value(), 4000);
        const qint64 trueLag = officialChanged.msecsTo(difusorChanged);
        const auto lagBound = probe.lagUncertaintyMs(kCutB);
        QVERIFY(lagBound.has_value());
        qInfo("lag %lld ms ± %lld ms, true %lld ms", *probe.lagMs(kCutB), *lagBound, trueLag);
        QVERIFY2(std::llabs(*probe.lagMs(kCutB) - trueLag) <= *lagBound + 40, qPrintable(QString::number(*probe.lagMs(kCutB))));
        QCOMPARE(*lagBound, *officialBound + *probe.firstSeenUncertaintyMs(Site::Difusor, kCutB));
        // Cut A was there before we looked: no sighting, no bound.
        QVERIFY(!probe.firstSeenUncertaintyMs(Site::Official, kCutA).has_value());
        probe.stop();
    }

    void officialAheadQuickensUntilOursFollows()
    {
        NginxFixture nginx;
        QVERIFY(startNginx(nginx));
        LagProbeConfig config;
        config.officialUrl = nginx.url(QStringLiteral("official"), QStringLiteral("avance.json"));
        config.difusorUrl = nginx.url(QStringLiteral("difusor"), QStringLiteral("index.html"));
        config.normalIntervalMs = 3000;
        LagProbe probe(config);
        probe.start();
        QTRY_COMPARE_WITH_TIMEOUT(probe.shownCut(Site::Difusor), kCutA, 5000);
        QTest::qWait(1100); // a later second than the first version's validators

        QVERIFY(nginx.writeFile(QStringLiteral("official"), QStringLiteral("avance.json"), avance(kCutB)));
        QTRY_COMPARE_WITH_TIMEOUT(probe.shownCut(Site::Official), kCutB, 4000); // at normal pace
        QVERIFY(probe.isFast()); // the official site is ahead of ours
        QTest::qWait(1500);
        const QDateTime difusorChanged = QDateTime::currentDateTimeUtc();
        QVERIFY(nginx.writeFile(QStringLiteral("difusor"), QStringLiteral("index.html"), page(kCutB)));
        QTRY_COMPARE_WITH_TIMEOUT(probe.shownCut(Site::Difusor), kCutB, 4000);
        const qint64 delay = difusorChanged.msecsTo(probe.firstSeen(Site::Difusor, kCutB));
        qInfo("ours seen +%lld ms after the change (normal interval %d ms)", delay, config.normalIntervalMs);
        QVERIFY2(delay > -100 && delay < 1000, qPrintable(QString::number(delay)));
        QTRY_VERIFY_WITH_TIMEOUT(!probe.isFast(), 2000);
    }

    void changeWithinTheSameSecondIsSeen()
    {
        // nginx's validators (ETag = mtime-size, Last-Modified) have one-second resolution: two
        // versions of the same size written in one second look alike to a conditional GET.
        NginxFixture nginx;
        QString error;
        QVERIFY2(nginx.start(m_nginx, false, &error), qPrintable(error));
        LagProbeConfig config;
        config.difusorUrl = nginx.url(QStringLiteral("difusor"), QStringLiteral("index.html"));
        config.normalIntervalMs = 100;
        LagProbe probe(config);
        while (QDateTime::currentMSecsSinceEpoch() % 1000 > 100)
            QTest::qWait(5);
        const qint64 second = QDateTime::currentSecsSinceEpoch();
        QVERIFY(nginx.writeFile(QStringLiteral("difusor"), QStringLiteral("index.html"), page(kCutA)));
        probe.start();
        QTRY_COMPARE_WITH_TIMEOUT(probe.shownCut(Site::Difusor), kCutA, 2000);
        QTest::qWait(250); // a few more polls of version A
        const QByteArray b = page(kCutB);
        QCOMPARE(b.size(), page(kCutA).size());
        QVERIFY(nginx.writeFile(QStringLiteral("difusor"), QStringLiteral("index.html"), b));
        if (QDateTime::currentSecsSinceEpoch() != second)
            QSKIP("the machine was too slow to write both versions within one second");
        QTRY_COMPARE_WITH_TIMEOUT(probe.shownCut(Site::Difusor), kCutB, 3000);
        // Once the second is over, conditional GETs resume.
        QTRY_VERIFY_WITH_TIMEOUT(probe.notModifiedCount(Site::Difusor) > 0, 4000);
    }

    void siteFailures()
    {
        NginxFixture nginx;
        QVERIFY(startNginx(nginx));
        QVERIFY(nginx.writeFile(QStringLiteral("official"), QStringLiteral("blank.html"), "<html>Mantenimiento</html>"));
        LagProbeConfig config;
        config.officialUrl = nginx.url(QStringLiteral("official"), QStringLiteral("blank.html"));
        config.difusorUrl = nginx.url(QStringLiteral("difusor"), QStringLiteral("missing.html"));
        config.normalIntervalMs = 500;
        LagProbe probe(config);
        QSignalSpy failures(&probe, &LagProbe::siteFailed);
        probe.start();
        QTRY_VERIFY_WITH_TIMEOUT(failures.size() >= 2, 5000);
        QMap<Site, SiteErrorKind> kinds;
        for (const auto &f : failures)
            kinds.insert(f.at(0).value<Site>(), f.at(1).value<SiteErrorKind>());
        QCOMPARE(kinds.value(Site::Official), SiteErrorKind::NoCut);
        QCOMPARE(kinds.value(Site::Difusor), SiteErrorKind::Http);
        probe.stop();

        // Nobody listening.
        LagProbeConfig down;
        down.officialUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(difusor::test::freePort()));
        LagProbe downProbe(down);
        QSignalSpy downFailures(&downProbe, &LagProbe::siteFailed);
        downProbe.start();
        QTRY_VERIFY_WITH_TIMEOUT(!downFailures.isEmpty(), 5000);
        QCOMPARE(downFailures.first().at(1).value<SiteErrorKind>(), SiteErrorKind::Unreachable);
    }

    void timeoutIsUnreachable()
    {
        // A listener that never answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        LagProbeConfig config;
        config.officialUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(silent.serverPort()));
        config.timeoutMs = 600;
        LagProbe probe(config);
        QSignalSpy failures(&probe, &LagProbe::siteFailed);
        probe.start();
        QTRY_VERIFY_WITH_TIMEOUT(!failures.isEmpty(), 5000);
        QCOMPARE(failures.first().at(1).value<SiteErrorKind>(), SiteErrorKind::Unreachable);
    }

    void tlsIsVerified()
    {
        DIFUSOR_REQUIRE_PROGRAM(openssl, "openssl");
        NginxFixture nginx;
        QVERIFY(startNginx(nginx, true));
        const auto certificates = QSslCertificate::fromPath(nginx.certificatePath());
        QCOMPARE(certificates.size(), 1);

        // Self-signed and not trusted: a certificate incident, never a silent pass.
        {
            LagProbeConfig config;
            config.difusorUrl = nginx.tlsUrl(QStringLiteral("index.html"));
            LagProbe probe(config);
            QSignalSpy failures(&probe, &LagProbe::siteFailed);
            probe.start();
            QTRY_VERIFY_WITH_TIMEOUT(!failures.isEmpty(), 5000);
            QCOMPARE(failures.first().at(1).value<SiteErrorKind>(), SiteErrorKind::Certificate);
            QVERIFY(!probe.shownCut(Site::Difusor).isValid());
        }
        // Trusted CA: the page is read over HTTPS.
        {
            LagProbeConfig config;
            config.difusorUrl = nginx.tlsUrl(QStringLiteral("index.html"));
            config.extraCaCertificates = certificates;
            LagProbe probe(config);
            probe.start();
            QTRY_COMPARE_WITH_TIMEOUT(probe.shownCut(Site::Difusor), kCutA, 5000);
        }
        // Trusted CA but the wrong name: still a certificate problem.
        {
            LagProbeConfig config;
            config.difusorUrl = nginx.tlsUrl(QStringLiteral("index.html"), QStringLiteral("localhost"));
            config.extraCaCertificates = certificates;
            LagProbe probe(config);
            QSignalSpy failures(&probe, &LagProbe::siteFailed);
            probe.start();
            QTRY_VERIFY_WITH_TIMEOUT(!failures.isEmpty(), 5000);
            QCOMPARE(failures.first().at(1).value<SiteErrorKind>(), SiteErrorKind::Certificate);
        }
    }
};

QTEST_GUILESS_MAIN(TestLagProbe)
#include "tst_lagprobe.moc"
