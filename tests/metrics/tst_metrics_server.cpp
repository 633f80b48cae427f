// MetricsServer: the listen-address parser, the Accept negotiation, and /metrics over real HTTP on
// 127.0.0.1 (QNetworkAccessManager; waits are QSignalSpy/QTRY, no nested event loop of ours).
#include "metrics/MetricsServer.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

using difusor::metrics::Labels;
using difusor::metrics::MetricsRegistry;
using difusor::metrics::MetricsServer;
using difusor::metrics::MetricType;

namespace {

struct Answer
{
    int status = 0;
    QByteArray contentType;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
};

// GETs url and waits for the reply (QSignalSpy: the test's event loop, bounded).
Answer get(QNetworkAccessManager &nam, const QUrl &url, const QByteArray &accept = {})
{
    QNetworkRequest request(url);
    if (!accept.isEmpty())
        request.setRawHeader("Accept", accept);
    std::unique_ptr<QNetworkReply> reply(nam.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    Answer a;
    if (!finished.wait(10000))
        return a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    a.body = reply->readAll();
    a.error = reply->error();
    return a;
}

QUrl url(const MetricsServer &server, const QString &path)
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(server.port()).arg(path));
}

} // namespace

class TestMetricsServer final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parseListen_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("address");
        QTest::addColumn<int>("port");
        QTest::newRow("ipv4") << QStringLiteral("127.0.0.1:9464") << true << QStringLiteral("127.0.0.1") << 9464;
        QTest::newRow("port only is loopback") << QStringLiteral(":9464") << true << QStringLiteral("127.0.0.1") << 9464;
        QTest::newRow("all interfaces, when written") << QStringLiteral("0.0.0.0:80") << true << QStringLiteral("0.0.0.0") << 80;
        QTest::newRow("ipv6 loopback") << QStringLiteral("[::1]:9464") << true << QStringLiteral("::1") << 9464;
        QTest::newRow("ipv6 any") << QStringLiteral("[::]:9464") << true << QStringLiteral("::") << 9464;
        QTest::newRow("localhost") << QStringLiteral("localhost:9464") << true << QStringLiteral("127.0.0.1") << 9464;
        QTest::newRow("any free port") << QStringLiteral("127.0.0.1:0") << true << QStringLiteral("127.0.0.1") << 0;
        QTest::newRow("highest port") << QStringLiteral(":65535") << true << QStringLiteral("127.0.0.1") << 65535;
        QTest::newRow("spaces around") << QStringLiteral("  :9464 ") << true << QStringLiteral("127.0.0.1") << 9464;
        QTest::newRow("empty") << QString() << false << QString() << 0;
        QTest::newRow("no port") << QStringLiteral("127.0.0.1") << false << QString() << 0;
        QTest::newRow("bare port") << QStringLiteral("9464") << false << QString() << 0;
        QTest::newRow("empty port") << QStringLiteral("127.0.0.1:") << false << QString() << 0;
        QTest::newRow("port too big") << QStringLiteral(":65536") << false << QString() << 0;
        QTest::newRow("negative port") << QStringLiteral(":-1") << false << QString() << 0;
        QTest::newRow("signed port") << QStringLiteral(":+80") << false << QString() << 0;
        QTest::newRow("port not a number") << QStringLiteral(":http") << false << QString() << 0;
        QTest::newRow("host name") << QStringLiteral("example.org:9464") << false << QString() << 0;
        QTest::newRow("ipv6 without brackets") << QStringLiteral("::1:9464") << false << QString() << 0;
        QTest::newRow("ipv4 in brackets") << QStringLiteral("[127.0.0.1]:9464") << false << QString() << 0;
        QTest::newRow("unclosed bracket") << QStringLiteral("[::1:9464") << false << QString() << 0;
        QTest::newRow("bad address") << QStringLiteral("300.1.1.1:9464") << false << QString() << 0;
    }
    void parseListen()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(QString, address);
        QFETCH(int, port);
        QString error;
        const auto parsed = MetricsServer::parseListen(text, &error);
        QCOMPARE(parsed.has_value(), ok);
        if (!ok) {
            QVERIFY(!error.isEmpty());
            return;
        }
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(parsed->first, QHostAddress(address));
        QCOMPARE(int(parsed->second), port);
    }

    void negotiate_data()
    {
        QTest::addColumn<QByteArray>("accept");
        QTest::addColumn<bool>("openMetrics");
        QTest::newRow("none (curl -H 'Accept:')") << QByteArray() << true;
        QTest::newRow("curl") << QByteArray("*/*") << true;
        QTest::newRow("prometheus 2.42 scrape")
            << QByteArray("application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
                          "text/plain;version=0.0.4;q=0.5,*/*;q=0.1")
            << true;
        QTest::newRow("plain text asked") << QByteArray("text/plain;version=0.0.4") << false;
        QTest::newRow("plain text preferred") << QByteArray("application/openmetrics-text;q=0.3, text/plain") << false;
        QTest::newRow("plain text over wildcard") << QByteArray("text/plain, */*;q=0.1") << false;
        QTest::newRow("only an old OpenMetrics") << QByteArray("application/openmetrics-text;version=0.0.1") << true;
        QTest::newRow("text of another version") << QByteArray("text/plain;version=9.9, */*;q=0.1") << true;
        QTest::newRow("case and spaces") << QByteArray(" Application/OpenMetrics-Text ; Version=1.0.0 ") << true;
    }
    void negotiate()
    {
        QFETCH(QByteArray, accept);
        QFETCH(bool, openMetrics);
        QCOMPARE(MetricsServer::negotiate(accept) == MetricsRegistry::Format::OpenMetrics, openMetrics);
    }

    void servesMetricsOverHttp()
    {
        MetricsRegistry registry;
        QVERIFY(registry.addFamily(QStringLiteral("difusor_up"), MetricType::Gauge, QStringLiteral("Up.")));
        QVERIFY(registry.addFamily(QStringLiteral("difusor_cuts"), MetricType::Counter, QStringLiteral("Cuts.")));
        registry.set(QStringLiteral("difusor_up"), Labels{{QStringLiteral("server"), QStringLiteral("primario")}}, 1);
        registry.add(QStringLiteral("difusor_cuts"), Labels{{QStringLiteral("server"), QStringLiteral("primario")}}, 3);

        MetricsServer server(&registry);
        QCOMPARE(server.port(), quint16(0));
        QString error;
        QVERIFY2(server.listen(QHostAddress(QHostAddress::LocalHost), 0, &error), qPrintable(error));
        QVERIFY(server.isListening());
        QVERIFY(server.port() > 0);
        QCOMPARE(server.address(), QHostAddress(QHostAddress::LocalHost));
        QSignalSpy scraped(&server, &MetricsServer::scraped);

        QNetworkAccessManager nam;
        const Answer om = get(nam, url(server, QStringLiteral("/metrics")));
        QCOMPARE(om.status, 200);
        QCOMPARE(om.contentType, QByteArray("application/openmetrics-text; version=1.0.0; charset=utf-8"));
        QCOMPARE(om.body, registry.render(MetricsRegistry::Format::OpenMetrics));
        QVERIFY(om.body.endsWith("# EOF\n"));
        QVERIFY(om.body.contains("difusor_cuts_total{server=\"primario\"} 3\n"));
        QCOMPARE(scraped.size(), 1);
        QCOMPARE(scraped.at(0).at(0).value<MetricsRegistry::Format>(), MetricsRegistry::Format::OpenMetrics);

        // The registry changes between scrapes: each answer is rendered fresh.
        registry.add(QStringLiteral("difusor_cuts"), Labels{{QStringLiteral("server"), QStringLiteral("primario")}}, 1);
        const Answer text = get(nam, url(server, QStringLiteral("/metrics")), "text/plain;version=0.0.4");
        QCOMPARE(text.status, 200);
        QCOMPARE(text.contentType, QByteArray("text/plain; version=0.0.4; charset=utf-8"));
        QCOMPARE(text.body, registry.render(MetricsRegistry::Format::PrometheusText));
        QVERIFY(text.body.contains("# TYPE difusor_cuts_total counter\ndifusor_cuts_total{server=\"primario\"} 4\n"));
        QCOMPARE(scraped.size(), 2);

        // A query string is still /metrics; other paths are not found.
        QCOMPARE(get(nam, url(server, QStringLiteral("/metrics?x=1"))).status, 200);
        for (const QString &path : {QStringLiteral("/"), QStringLiteral("/metrics/x"), QStringLiteral("/metricsx"),
                                    QStringLiteral("/api/v1/query")}) {
            const Answer missing = get(nam, url(server, path));
            QVERIFY2(missing.status == 404, qPrintable(path + QLatin1Char(' ') + QString::number(missing.status)));
        }
        QCOMPARE(scraped.size(), 3);

        server.close();
        QVERIFY(!server.isListening());
        QCOMPARE(server.port(), quint16(0));
    }

    void portTakenIsAClearError()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress(QHostAddress::LocalHost), 0));
        MetricsRegistry registry;
        MetricsServer server(&registry);
        QString error;
        QVERIFY(!server.listen(QHostAddress(QHostAddress::LocalHost), squatter.serverPort(), &error));
        QVERIFY(!server.isListening());
        QVERIFY2(error.contains(QStringLiteral("127.0.0.1:%1").arg(squatter.serverPort())), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("ya lo usa otro programa")), qPrintable(error)); // DIFUSOR_LANG=es

        // Freed, the same port works.
        const quint16 port = squatter.serverPort();
        squatter.close();
        QVERIFY2(server.listen(QHostAddress(QHostAddress::LocalHost), port, &error), qPrintable(error));
        QCOMPARE(server.port(), port);
    }

    void listenAgainMovesThePort()
    {
        MetricsRegistry registry;
        MetricsServer server(&registry);
        QVERIFY(server.listen(QHostAddress(QHostAddress::LocalHost), 0));
        const quint16 first = server.port();
        QVERIFY(server.listen(QHostAddress(QHostAddress::LocalHost), 0));
        const quint16 second = server.port();
        QVERIFY(second > 0);
        QNetworkAccessManager nam;
        QCOMPARE(get(nam, QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(second))).status, 200);
        if (first != second) {
            const Answer old = get(nam, QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(first)));
            QCOMPARE(old.error, QNetworkReply::ConnectionRefusedError);
        }
    }
};

QTEST_GUILESS_MAIN(TestMetricsServer)
#include "tst_metrics_server.moc"
