// ServerMetrics fed by the real objects it watches: an SshHost on a real sshd (difusor_up), a CutMonitor
// polling two real nginx sites (cuts, cut age, lag, the lag incident), a TrafficSession tailing nginx's
// real access log through a LocalHost (requests by class, pages, the silent-log incident), and the
// check results. Also the default severities it labels incidents with.
#include "metrics/ServerMetrics.h"

#include "cuts/CutMonitor.h"
#include "incidents/Severity.h"
#include "remote/LocalHost.h"
#include "remote/SshHost.h"
#include "store/StoreThread.h"
#include "traffic/TrafficSession.h"

#include "NginxFixture.h"
#include "SshdFixture.h"
#include "StoreSupport.h"
#include "TestEnv.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>

using namespace difusor;
using metrics::Labels;
using metrics::MetricsRegistry;
using metrics::ServerMetrics;

namespace {

const QString kServer = QStringLiteral("primario");
const QDateTime kCutA = QDateTime(QDate(2024, 6, 3), QTime(3, 15), Qt::UTC);
const QDateTime kCutB = kCutA.addSecs(15 * 60);

Labels server(const QString &name = kServer)
{
    return Labels{{QStringLiteral("server"), name}};
}

Labels with(const QString &label, const QString &value, const QString &name = kServer)
{
    return Labels{{QStringLiteral("server"), name}, {label, value}};
}

Labels incident(const QString &kind, const QString &severity)
{
    return Labels{{QStringLiteral("server"), kServer}, {QStringLiteral("kind"), kind}, {QStringLiteral("severity"), severity}};
}

double valueOr(const MetricsRegistry &r, const QString &family, const Labels &labels, double fallback = -999)
{
    return r.value(family, labels).value_or(fallback);
}

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

// GETs url as a browser would (a user agent: no robot) and waits for the answer's status.
int browse(QNetworkAccessManager &nam, const QUrl &url)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("Mozilla/5.0 (X11; Linux x86_64) difusor-test"));
    std::unique_ptr<QNetworkReply> reply(nam.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(10000))
        return 0;
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

} // namespace

class TestServerMetrics final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultSeverity_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("severity");
        QTest::addColumn<int>("affects"); // 1 yes, 0 no, -1 cannot tell
        for (const char *k : {"site_unreachable", "lag", "skipped_cut", "cut_backwards", "cut_unreadable"})
            QTest::newRow(k) << QString::fromLatin1(k) << QStringLiteral("critical") << 1;
        QTest::newRow("connection_lost") << QStringLiteral("connection_lost") << QStringLiteral("critical") << -1;
        for (const char *k : {"late_cut", "stale_site", "site_http_error", "site_no_cut", "traffic_5xx", "certificate"})
            QTest::newRow(k) << QString::fromLatin1(k) << QStringLiteral("major") << 1;
        QTest::newRow("check_failed") << QStringLiteral("check_failed") << QStringLiteral("major") << 0;
        QTest::newRow("traffic_log_silent") << QStringLiteral("traffic_log_silent") << QStringLiteral("major") << -1;
        for (const char *k : {"clock_skew", "traffic_spike", "traffic_flood"})
            QTest::newRow(k) << QString::fromLatin1(k) << QStringLiteral("minor") << 0;
        QTest::newRow("unknown kind") << QStringLiteral("something_new") << QStringLiteral("major") << -1;
        QTest::newRow("empty") << QString() << QStringLiteral("major") << -1;
    }
    void defaultSeverity()
    {
        QFETCH(QString, kind);
        QFETCH(QString, severity);
        QFETCH(int, affects);
        QCOMPARE(incidents::defaultSeverity(kind), severity);
        const std::optional<bool> a = incidents::defaultAffectsPublication(kind);
        QCOMPARE(a ? int(*a) : -1, affects);
    }

    void upFollowsTheSshLink()
    {
        DIFUSOR_REQUIRE_PROGRAM(sshd, "sshd");
        test::SshdFixture fixture;
        QString error;
        QVERIFY2(fixture.start(&error), qPrintable(error));
        QVERIFY(fixture.trustHostKey());
        remote::SshHost host(fixture.profile());
        host.setSshConfigFile({});
        remote::SshTimings t;
        t.keepaliveIntervalMs = 500;
        t.deadAfterMs = 2000;
        t.firstBackoffMs = 200;
        t.maxBackoffMs = 800;
        host.setTimings(t);

        MetricsRegistry registry;
        ServerMetrics metrics(&registry, kServer);
        metrics.attachHost(&host);
        QCOMPARE(registry.value(QStringLiteral("difusor_up"), server()), std::optional<double>(0));
        host.connectToHost();
        QTRY_COMPARE_WITH_TIMEOUT(valueOr(registry, QStringLiteral("difusor_up"), server()), 1.0, 15000);

        fixture.killHard(); // the link drops: keepalives go unanswered, the host reconnects
        QTRY_COMPARE_WITH_TIMEOUT(valueOr(registry, QStringLiteral("difusor_up"), server()), 0.0, 10000);
        QVERIFY(host.state() != remote::ConnectionState::Connected);
        QVERIFY2(fixture.restart(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(valueOr(registry, QStringLiteral("difusor_up"), server()), 1.0, 15000);
        host.disconnectFromHost();
        QTRY_COMPARE_WITH_TIMEOUT(valueOr(registry, QStringLiteral("difusor_up"), server()), 0.0, 10000);
    }

    void cutsLagAndIncidentsFromTheMonitor()
    {
        DIFUSOR_REQUIRE_PROGRAM(nginxProgram, "nginx");
        test::NginxFixture nginx;
        QString error;
        QVERIFY2(nginx.start(nginxProgram, false, &error), qPrintable(error));
        for (const QString &site : {QStringLiteral("official"), QStringLiteral("difusor")}) {
            // Already showing when the probe starts: that cut's lag is not measured (never a made-up 0).
            QVERIFY(nginx.writeFile(site, QStringLiteral("index.html"), page(kCutA.addSecs(-15 * 60))));
            ageFile(nginx.filePath(site, QStringLiteral("index.html")));
        }
        QTemporaryDir dir(test::tempTemplate());
        store::StoreThread store;
        QSignalSpy opened(&store, &store::StoreThread::opened);
        store.open(dir.filePath(QStringLiteral("perfil.sqlite")));
        QVERIFY(opened.wait(10000));
        QVERIFY(opened.first().at(0).toBool());
        const store::ServerStore serverStore = test::identifyServer(store);
        QVERIFY(serverStore.isValid());

        cuts::RuleConfig rules;
        rules.maxLagMs = 1500;
        cuts::LagProbeConfig probe;
        probe.officialUrl = nginx.url(QStringLiteral("official"), QStringLiteral("index.html"));
        probe.difusorUrl = nginx.url(QStringLiteral("difusor"), QStringLiteral("index.html"));
        probe.normalIntervalMs = 500;
        cuts::CutMonitor monitor(rules, probe, serverStore);

        MetricsRegistry registry;
        ServerMetrics metrics(&registry, kServer);
        metrics.attachCuts(&monitor);
        QCOMPARE(registry.value(QStringLiteral("difusor_cuts"), server()), std::optional<double>(0));
        QVERIFY(!registry.value(QStringLiteral("difusor_cut_age_seconds"), server())); // no cut yet
        QVERIFY(!registry.value(QStringLiteral("difusor_cut_lag_seconds"), server()));

        // What the registry says at the moment each incident is announced (ServerMetrics' slot ran first).
        QList<double> openLagAtAnnouncement;
        connect(&monitor, &cuts::CutMonitor::incidentRecorded, this, [&](const cuts::IncidentChange &change, qint64) {
            if (change.incident.kind == cuts::IncidentKind::Lag)
                openLagAtAnnouncement.append(valueOr(registry, QStringLiteral("difusor_incidents_open"),
                                                     incident(QStringLiteral("lag"), QStringLiteral("critical"))));
        });
        QSignalSpy lags(&monitor, &cuts::CutMonitor::lagRecorded);
        QSignalSpy recorded(&monitor, &cuts::CutMonitor::cutRecorded);

        monitor.start();
        QTest::qWait(1200); // the probe has looked at both sites
        for (const QString &site : {QStringLiteral("official"), QStringLiteral("difusor")}) {
            QVERIFY(nginx.writeFile(site, QStringLiteral("index.html"), page(kCutA)));
            ageFile(nginx.filePath(site, QStringLiteral("index.html")));
        }
        QTRY_COMPARE_WITH_TIMEOUT(lags.size(), 1, 8000); // cut A appears on both sites
        QCOMPARE(registry.value(QStringLiteral("difusor_cut_lag_seconds"), server()),
                 std::optional<double>(double(lags.last().at(1).toLongLong()) / 1000.0));

        store::CutRecord b;
        b.package = QStringLiteral("20240602_2130_PREP_DIP_LOC_DGO");
        b.cutTimeUtc = kCutB;
        b.arrivedConsoleUtc = QDateTime::currentDateTimeUtc();
        b.detectedUtc = b.arrivedConsoleUtc;
        monitor.cutArrived(b, 150);
        QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 1, 5000);
        QCOMPARE(registry.value(QStringLiteral("difusor_cuts"), server()), std::optional<double>(1));

        // The age is read when rendered: it is now minus cut B's time, and it grows.
        const double age = valueOr(registry, QStringLiteral("difusor_cut_age_seconds"), server());
        const double expectedAge = double(kCutB.msecsTo(QDateTime::currentDateTimeUtc())) / 1000.0;
        QVERIFY2(std::fabs(age - expectedAge) < 2, qPrintable(QStringLiteral("%1 vs %2").arg(age).arg(expectedAge)));
        QTest::qWait(1100);
        QVERIFY(valueOr(registry, QStringLiteral("difusor_cut_age_seconds"), server()) >= age + 1);
        QVERIFY(registry.render().contains("difusor_cut_age_seconds{server=\"primario\"} "));

        // Cut B shows on the official site, then 2.5 s later on ours: the lag incident opens and closes.
        QTest::qWait(500);
        QVERIFY(nginx.writeFile(QStringLiteral("official"), QStringLiteral("index.html"), page(kCutB)));
        QTest::qWait(2500);
        QVERIFY(nginx.writeFile(QStringLiteral("difusor"), QStringLiteral("index.html"), page(kCutB)));
        QTRY_COMPARE_WITH_TIMEOUT(lags.size(), 2, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(openLagAtAnnouncement.size(), 2, 5000);
        monitor.stop();
        QCOMPARE(openLagAtAnnouncement, (QList<double>{1, 0}));
        QCOMPARE(lags.last().at(0).toDateTime(), kCutB);
        const double lag = double(lags.last().at(1).toLongLong()) / 1000.0;
        QVERIFY2(lag > 1.5 && lag < 3.5, qPrintable(QString::number(lag)));
        QCOMPARE(registry.value(QStringLiteral("difusor_cut_lag_seconds"), server()), std::optional<double>(lag));
        QVERIFY(registry.render().contains("difusor_incidents_open{kind=\"lag\",server=\"primario\",severity=\"critical\"} 0\n"));
    }

    void trafficFromTheAccessLog()
    {
        DIFUSOR_REQUIRE_PROGRAM(nginxProgram, "nginx");
        test::NginxFixture nginx;
        QString error;
        QVERIFY2(nginx.start(nginxProgram, false, &error), qPrintable(error));
        QVERIFY(nginx.writeFile(QStringLiteral("difusor"), QStringLiteral("index.html"), page(kCutA)));

        remote::LocalHost host;
        host.connectToHost();
        Profile profile;
        profile.name = kServer;
        profile.accessLog = nginx.accessLogPath();
        profile.extra.insert(QStringLiteral("traffic_silent_after_s"), 5);
        traffic::TrafficSession session(&host, profile);
        session.setPeriodSeconds(1);
        session.setCloseGraceSeconds(1);
        session.setSiteUp(true);

        MetricsRegistry registry;
        ServerMetrics metrics(&registry, kServer);
        metrics.attachTraffic(&session);
        for (const QString &c : {QStringLiteral("2xx"), QStringLiteral("3xx"), QStringLiteral("4xx"), QStringLiteral("5xx")})
            QCOMPARE(registry.value(QStringLiteral("difusor_http_requests"), with(QStringLiteral("status_class"), c)),
                     std::optional<double>(0));
        QSignalSpy periods(&session, &traffic::TrafficSession::periodClosed);
        QSignalSpy incidentsOpened(&session, &traffic::TrafficSession::incidentOpened);
        QSignalSpy incidentsClosed(&session, &traffic::TrafficSession::incidentClosed);
        session.start({}, false);

        QNetworkAccessManager nam;
        const QUrl index = nginx.url(QStringLiteral("difusor"), QStringLiteral("index.html"));
        const QUrl missing = nginx.url(QStringLiteral("difusor"), QStringLiteral("no-existe.html"));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(browse(nam, index), 200);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(browse(nam, missing), 404);

        // Every line read ends up in a closed period; the counters are the sums of the periods' lines.
        auto summed = [&periods](const QString &key, const QString &statusClass = {}) {
            double sum = 0;
            for (const QList<QVariant> &args : std::as_const(periods)) {
                const QJsonObject line = args.at(0).toJsonObject();
                sum += statusClass.isEmpty() ? line.value(key).toDouble()
                                             : line.value(key).toObject().value(statusClass).toDouble();
            }
            return sum;
        };
        const Labels ok = with(QStringLiteral("status_class"), QStringLiteral("2xx"));
        const Labels notFound = with(QStringLiteral("status_class"), QStringLiteral("4xx"));
        QTRY_COMPARE_WITH_TIMEOUT(valueOr(registry, QStringLiteral("difusor_http_requests"), ok), 3.0, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(valueOr(registry, QStringLiteral("difusor_http_requests"), notFound), 2.0, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(valueOr(registry, QStringLiteral("difusor_http_pages"), server()), 3.0, 20000);
        QCOMPARE(summed(QStringLiteral("status"), QStringLiteral("2xx")), 3.0);
        QCOMPARE(summed(QStringLiteral("status"), QStringLiteral("4xx")), 2.0);
        QCOMPARE(summed(QStringLiteral("pages")), 3.0);
        QCOMPARE(valueOr(registry, QStringLiteral("difusor_http_requests"), with(QStringLiteral("status_class"), QStringLiteral("5xx"))), 0.0);
        QVERIFY(registry.render().contains("difusor_http_requests_total{server=\"primario\",status_class=\"4xx\"} 2\n"));

        // The log stays silent (5 s while the site answers): the incident opens, and a line closes it.
        const Labels silent = incident(QStringLiteral("traffic_log_silent"), QStringLiteral("major"));
        QTRY_VERIFY_WITH_TIMEOUT(!incidentsOpened.isEmpty(), 15000);
        QCOMPARE(incidentsOpened.last().at(0).value<traffic::TrafficIncident>().kind, traffic::TrafficIncidentKind::LogSilent);
        QCOMPARE(valueOr(registry, QStringLiteral("difusor_incidents_open"), silent), 1.0);
        QCOMPARE(browse(nam, index), 200);
        QTRY_VERIFY_WITH_TIMEOUT(!incidentsClosed.isEmpty(), 15000);
        QCOMPARE(valueOr(registry, QStringLiteral("difusor_incidents_open"), silent), 0.0);
        QTRY_COMPARE_WITH_TIMEOUT(valueOr(registry, QStringLiteral("difusor_http_requests"), ok), 4.0, 20000);
        // Stopped, the tail's process is reaped before the host goes (nothing left behind).
        session.stop();
        QTRY_VERIFY_WITH_TIMEOUT(host.findChildren<QProcess *>().isEmpty(), 10000);
    }

    void checkResultsReplaceEachOther()
    {
        MetricsRegistry registry;
        ServerMetrics metrics(&registry, kServer);
        auto result = [](const char *id, checks::Status status) {
            checks::CheckResult r;
            r.id = QString::fromLatin1(id);
            r.status = status;
            return r;
        };
        metrics.setCheckResults({result("hw.cpu.cores", checks::Status::Pass), result("net.tls.expiry", checks::Status::Fail),
                                 result("sw.nginx.version", checks::Status::Warn), result("net.ntp", checks::Status::Unknown),
                                 result("hw.gpu", checks::Status::Skipped)});
        const QString family = QStringLiteral("difusor_check_status");
        const QString id = QStringLiteral("id");
        QCOMPARE(registry.value(family, with(id, QStringLiteral("hw.cpu.cores"))), std::optional<double>(1));
        QCOMPARE(registry.value(family, with(id, QStringLiteral("net.tls.expiry"))), std::optional<double>(0));
        QCOMPARE(registry.value(family, with(id, QStringLiteral("sw.nginx.version"))), std::optional<double>(-1));
        QCOMPARE(registry.value(family, with(id, QStringLiteral("net.ntp"))), std::optional<double>(-1));
        QVERIFY(!registry.value(family, with(id, QStringLiteral("hw.gpu"))));
        QCOMPARE(registry.seriesCount(), 4);

        // The next run replaces the last: a check no longer reported loses its series.
        metrics.setCheckResults({result("net.tls.expiry", checks::Status::Pass)});
        QCOMPARE(registry.value(family, with(id, QStringLiteral("net.tls.expiry"))), std::optional<double>(1));
        QVERIFY(!registry.value(family, with(id, QStringLiteral("hw.cpu.cores"))));
        QCOMPARE(registry.seriesCount(), 1);
    }

    void destructorRemovesOnlyItsServer()
    {
        MetricsRegistry registry;
        remote::LocalHost host;
        auto primary = std::make_unique<ServerMetrics>(&registry, QStringLiteral("primario"));
        ServerMetrics replica(&registry, QStringLiteral("réplica"));
        primary->attachHost(&host);
        replica.attachHost(&host);
        primary->setCheckResults({checks::CheckResult{QStringLiteral("a"), {}, {}, checks::Status::Pass, {}, {}, {}, {}, false}});
        QCOMPARE(registry.seriesCount(), 3);
        primary.reset();
        QCOMPARE(registry.seriesCount(), 1);
        QCOMPARE(registry.value(QStringLiteral("difusor_up"), server(QStringLiteral("réplica"))), std::optional<double>(1));
        // The host's signals no longer reach the destroyed one.
        host.connectToHost();
        QCOMPARE(registry.seriesCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestServerMetrics)
#include "tst_metrics_servermetrics.moc"
