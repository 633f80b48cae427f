// A real Prometheus (Debian package prometheus) on 127.0.0.1 scrapes our MetricsServer every second and
// answers queries for what we set through its HTTP API. Prometheus asks for OpenMetrics first, so this
// is also the strict check of our OpenMetrics text (a parse error fails the whole scrape). In CI a
// missing prometheus fails; elsewhere the test is skipped. Prometheus is killed at the end, also on
// failure; its storage lives in a difusor-test folder (no_leftover_processes.sh looks for it).
#include "metrics/MetricsServer.h"

#include "EverySeries.h"
#include "TestEnv.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using difusor::metrics::Labels;
using difusor::metrics::MetricsRegistry;
using difusor::metrics::MetricsServer;

namespace {

// Terminates prometheus when the test ends, however it ends.
struct ProcessGuard
{
    QProcess &process;
    ~ProcessGuard()
    {
        if (process.state() == QProcess::NotRunning)
            return;
        process.terminate();
        if (!process.waitForFinished(10000)) {
            process.kill();
            process.waitForFinished(5000);
        }
    }
};

// One GET to Prometheus' HTTP API; the parsed JSON or an empty object.
QJsonObject apiGet(QNetworkAccessManager &nam, int port, const QString &path, const QString &query = {})
{
    QUrl url(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path));
    if (!query.isEmpty()) {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("query"), QString::fromLatin1(QUrl::toPercentEncoding(query)));
        url.setQuery(q);
    }
    std::unique_ptr<QNetworkReply> reply(nam.get(QNetworkRequest(url)));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(5000))
        return {};
    return QJsonDocument::fromJson(reply->readAll()).object();
}

// The value of an instant query's single result, or empty while there is none.
QString instantValue(QNetworkAccessManager &nam, int port, const QString &promql, QJsonObject *metric = nullptr)
{
    const QJsonObject answer = apiGet(nam, port, QStringLiteral("/api/v1/query"), promql);
    const QJsonArray result = answer.value(QLatin1String("data")).toObject().value(QLatin1String("result")).toArray();
    if (answer.value(QLatin1String("status")).toString() != QLatin1String("success") || result.size() != 1)
        return {};
    if (metric)
        *metric = result.at(0).toObject().value(QLatin1String("metric")).toObject();
    return result.at(0).toObject().value(QLatin1String("value")).toArray().at(1).toString();
}

} // namespace

class TestMetricsPrometheus final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void prometheusScrapesAndAnswers()
    {
        DIFUSOR_REQUIRE_PROGRAM(prometheusProgram, "prometheus");

        MetricsRegistry registry;
        QVERIFY(difusor::test::fillEverySeries(registry));
        const Labels primario{{QStringLiteral("server"), QStringLiteral("primario")}};
        registry.set(QStringLiteral("difusor_cut_lag_seconds"), primario, 42.125);
        MetricsServer server(&registry);
        QString error;
        QVERIFY2(server.listen(QHostAddress(QHostAddress::LocalHost), 0, &error), qPrintable(error));
        QSignalSpy scraped(&server, &MetricsServer::scraped);

        QTemporaryDir dir(difusor::test::tempTemplate());
        QVERIFY(dir.isValid());
        const QString config = dir.filePath(QStringLiteral("prometheus.yml"));
        {
            QFile file(config);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("global:\n"
                       "  scrape_interval: 1s\n"
                       "  scrape_timeout: 1s\n"
                       "scrape_configs:\n"
                       "  - job_name: difusor-console\n"
                       "    static_configs:\n"
                       "      - targets: ['127.0.0.1:"
                       + QByteArray::number(server.port()) + "']\n");
        }
        const int port = difusor::test::freePort();
        QProcess prometheus;
        prometheus.setProcessChannelMode(QProcess::MergedChannels);
        ProcessGuard guard{prometheus};
        prometheus.start(prometheusProgram,
                         {QStringLiteral("--config.file=") + config,
                          QStringLiteral("--storage.tsdb.path=") + dir.filePath(QStringLiteral("data")),
                          QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port)});
        QVERIFY2(prometheus.waitForStarted(10000), qPrintable(prometheus.errorString()));

        QNetworkAccessManager nam;
        QString lag;
        QJsonObject metric;
        QDeadlineTimer deadline(30000);
        while (!deadline.hasExpired() && prometheus.state() == QProcess::Running) {
            lag = instantValue(nam, port, QStringLiteral("difusor_cut_lag_seconds{server=\"primario\"}"), &metric);
            if (!lag.isEmpty())
                break;
            QTest::qWait(500);
        }
        if (lag.isEmpty()) {
            const QJsonObject targets = apiGet(nam, port, QStringLiteral("/api/v1/targets"));
            QFAIL(qPrintable(QStringLiteral("no answer within 30 s; targets: %1\nprometheus said:\n%2")
                                 .arg(QString::fromUtf8(QJsonDocument(targets).toJson(QJsonDocument::Compact)),
                                      QString::fromUtf8(prometheus.readAll()).right(4000))));
        }
        QCOMPARE(lag, QStringLiteral("42.125"));
        QCOMPARE(metric.value(QLatin1String("job")).toString(), QStringLiteral("difusor-console"));
        QCOMPARE(metric.value(QLatin1String("server")).toString(), QStringLiteral("primario"));

        // The same scrape carried the rest: a counter by its _total name, and a label value that needed
        // escaping, read back as it was set.
        QCOMPARE(instantValue(nam, port, QStringLiteral("difusor_cuts_total{server=\"primario\"}")), QStringLiteral("4"));
        QCOMPARE(instantValue(nam, port, QStringLiteral("difusor_cut_lag_seconds{server=\"réplica \\\"CDN\\\" \\\\ norte\"}")),
                 QStringLiteral("6.6"));
        QCOMPARE(instantValue(nam, port, QStringLiteral("count(count by (__name__) ({job=\"difusor-console\",__name__=~\"difusor_.*\"}))")),
                 QString::number(difusor::test::everySampleName().size()));

        // Prometheus asked for OpenMetrics and got it, every time.
        QVERIFY(!scraped.isEmpty());
        for (const QList<QVariant> &args : std::as_const(scraped))
            QCOMPARE(args.at(0).value<MetricsRegistry::Format>(), MetricsRegistry::Format::OpenMetrics);
        // Prometheus' own verdict on the last scrape.
        QCOMPARE(instantValue(nam, port, QStringLiteral("up{job=\"difusor-console\"}")), QStringLiteral("1"));

        prometheus.terminate();
        QVERIFY(prometheus.waitForFinished(10000));
    }
};

QTEST_GUILESS_MAIN(TestMetricsPrometheus)
#include "tst_metrics_prometheus.moc"
