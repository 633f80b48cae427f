// One store, several servers (issue 10): `watch` against real sandbox difusors over SSH.
//  - A second sandbox watched into the store that watched the first prints its own arrivals only
//    (before, cuts were keyed by package alone: the second run printed the first run's times).
//  - Two sandboxes watched at once from one `watch`: each line names its server, each server's cuts
//    match its own ground truth.
#include "SandboxFixture.h"
#include "TestEnv.h"

#include "cuts/WatchCommand.h"
#include "store/Store.h"

#include <QJsonDocument>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace difusor::test;
using namespace difusor::sandbox;

namespace {

SandboxOptions fastSandbox()
{
    SandboxOptions options;
    options.cutIntervalS = 2;
    options.visitorsPerSecond = 0;
    options.pushDelayMs = 200;
    options.publishDelayMs = 200;
    return options;
}

QString saveProfile(const SandboxRun &run, const QString &name, const QString &path)
{
    difusor::Profile profile = run.sandbox->profile();
    profile.name = name;
    profile.extra.insert(QStringLiteral("poll_interval_ms"), 250);
    profile.extra.insert(QStringLiteral("fast_poll_interval_ms"), 150);
    QString error;
    if (!profile.save(path, &error))
        qWarning("%s", qPrintable(error));
    return path;
}

qint64 msOf(const QJsonValue &iso)
{
    return QDateTime::fromString(iso.toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

// cut time (ms) -> when the sandbox wrote it (ground truth "cut_written", ms)
QMap<qint64, qint64> writtenTimes(const SandboxRun &run)
{
    QMap<qint64, qint64> written;
    for (const QJsonObject &r : eventsNamed(run.truth(), QStringLiteral("cut_written"))) {
        const qint64 cut = cutOf(r).toMSecsSinceEpoch();
        if (!written.contains(cut))
            written.insert(cut, r.value(QStringLiteral("t")).toInteger());
    }
    return written;
}

QList<QJsonObject> cutLines(const QList<QJsonObject> &lines, const QString &server)
{
    QList<QJsonObject> cuts;
    for (const QJsonObject &line : lines) {
        if (line.value(QStringLiteral("type")).toString() == QLatin1String("cut")
            && line.value(QStringLiteral("server")).toString() == server)
            cuts.append(line);
    }
    return cuts;
}

} // namespace

class TestWatchServers final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        DIFUSOR_REQUIRE_PROGRAM(sshd, "sshd");
        DIFUSOR_REQUIRE_PROGRAM(nginx, "nginx");
        DIFUSOR_REQUIRE_PROGRAM(rsync, "rsync");
    }

    void duplicateNamesAreRefused()
    {
        QTemporaryDir dir(tempTemplate());
        difusor::Profile p;
        p.name = QStringLiteral("igual");
        p.host = QStringLiteral("127.0.0.1");
        QVERIFY(p.save(dir.filePath(QStringLiteral("a.json"))));
        QVERIFY(p.save(dir.filePath(QStringLiteral("b.json"))));
        QCOMPARE(difusor::cuts::runWatchCommand({QStringLiteral("--profile"), dir.filePath(QStringLiteral("a.json")),
                                                 QStringLiteral("--profile"), dir.filePath(QStringLiteral("b.json"))}),
                 2);
    }

    // The sequence: watch sandbox A into a store, stop it; start sandbox B (a new host key, the same
    // package names: both nights start at 20:00) and watch it into the same store.
    void secondServerShowsOnlyItsOwnArrivals()
    {
        QTemporaryDir dir(tempTemplate());
        const QString store = dir.filePath(QStringLiteral("watch.sqlite"));
        const QStringList common = {QStringLiteral("--duration"), QStringLiteral("7"), QStringLiteral("--format"),
                                    QStringLiteral("json"), QStringLiteral("--store"), store,
                                    QStringLiteral("--traffic-period"), QStringLiteral("0"), QStringLiteral("--cut-wait"),
                                    QStringLiteral("2")};
        int firstCuts = 0;
        {
            SandboxRun a;
            QVERIFY2(a.start(fastSandbox()), qPrintable(a.error));
            const QString profile = saveProfile(a, QStringLiteral("difusor"), dir.filePath(QStringLiteral("a.json")));
            const QString out = dir.filePath(QStringLiteral("a.jsonl"));
            QCOMPARE(difusor::cuts::runWatchCommand(QStringList{QStringLiteral("--profile"), profile,
                                                                QStringLiteral("--output"), out}
                                                    + common),
                     0);
            a.stop();
            firstCuts = int(cutLines(readJsonLines(out), QStringLiteral("difusor")).size());
            QVERIFY2(firstCuts >= 2, qPrintable(QString::number(firstCuts)));
        }
        QTest::qWait(1500); // B's first cuts carry A's package names, at least a second later

        SandboxRun b;
        QVERIFY2(b.start(fastSandbox()), qPrintable(b.error));
        const qint64 startB = QDateTime::currentMSecsSinceEpoch();
        const QString profile = saveProfile(b, QStringLiteral("difusor"), dir.filePath(QStringLiteral("b.json")));
        const QString out = dir.filePath(QStringLiteral("b.jsonl"));
        QCOMPARE(difusor::cuts::runWatchCommand(QStringList{QStringLiteral("--profile"), profile,
                                                            QStringLiteral("--output"), out}
                                                + common),
                 0);
        const QMap<qint64, qint64> written = writtenTimes(b);
        b.stop();

        const QList<QJsonObject> cuts = cutLines(readJsonLines(out), QStringLiteral("difusor"));
        QVERIFY2(cuts.size() >= 2, qPrintable(QString::number(cuts.size())));
        for (const QJsonObject &line : cuts) {
            qInfo("%s", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
            const qint64 cut = msOf(line.value(QStringLiteral("cut_time")));
            QVERIFY2(written.contains(cut), "every cut printed is one sandbox B wrote");
            const qint64 detected = msOf(line.value(QStringLiteral("detected_at")));
            const qint64 arrived = msOf(line.value(QStringLiteral("arrived_at")));
            // B's arrivals: never A's times (20 s and more in the past).
            QVERIFY2(detected >= startB && detected >= written.value(cut) - 1000,
                     qPrintable(QStringLiteral("detected %1 ms after B started, %2 ms after it was written")
                                    .arg(detected - startB)
                                    .arg(detected - written.value(cut))));
            QVERIFY2(std::llabs(arrived - written.value(cut)) <= 1500,
                     qPrintable(QString::number(arrived - written.value(cut))));
        }

        // Both servers are in the one store, each with its own cuts.
        difusor::store::Store reader;
        QVERIFY(reader.open(store));
        const QList<difusor::store::ServerRecord> servers = reader.servers();
        QCOMPARE(servers.size(), 2);
        QCOMPARE(servers.at(0).identity.profileId, servers.at(1).identity.profileId);
        QVERIFY(servers.at(0).identity.hostKey != servers.at(1).identity.hostKey);
        reader.setServer(servers.at(0).id);
        QVERIFY(reader.cuts().size() >= firstCuts);
    }

    void twoServersAtOnce()
    {
        SandboxRun a;
        SandboxRun b;
        QVERIFY2(a.start(fastSandbox()), qPrintable(a.error));
        SandboxOptions slower = fastSandbox();
        slower.cutIntervalS = 3;
        QVERIFY2(b.start(slower), qPrintable(b.error));
        QTemporaryDir dir(tempTemplate());
        const QString out = dir.filePath(QStringLiteral("both.jsonl"));
        // Prometheus' view during the run: one scrape of /metrics 7 s in (the command runs the event loop).
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        QNetworkAccessManager http;
        QByteArray scraped;
        QByteArray contentType;
        QTimer::singleShot(7000, &http, [&] {
            QNetworkReply *reply = http.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(port))));
            connect(reply, &QNetworkReply::finished, &http, [&, reply] {
                scraped = reply->readAll();
                contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
                reply->deleteLater();
            });
        });
        QCOMPARE(difusor::cuts::runWatchCommand(
                     {QStringLiteral("--profile"), saveProfile(a, QStringLiteral("primario"), dir.filePath(QStringLiteral("a.json"))),
                      QStringLiteral("--profile"), saveProfile(b, QStringLiteral("réplica"), dir.filePath(QStringLiteral("b.json"))),
                      QStringLiteral("--duration"), QStringLiteral("9"), QStringLiteral("--format"), QStringLiteral("json"),
                      QStringLiteral("--store"), dir.filePath(QStringLiteral("both.sqlite")), QStringLiteral("--output"), out,
                      QStringLiteral("--traffic-period"), QStringLiteral("0"), QStringLiteral("--cut-wait"), QStringLiteral("2"),
                      QStringLiteral("--metrics-listen"), QStringLiteral("127.0.0.1:%1").arg(port)}),
                 0);
        qInfo("%s", scraped.constData());
        QVERIFY2(contentType.startsWith("application/openmetrics-text"), contentType.constData());
        QVERIFY2(scraped.endsWith("# EOF\n"), "OpenMetrics ends with # EOF");
        for (const char *server : {"primario", "réplica"}) {
            const QByteArray label = QByteArray("server=\"") + server + '"';
            for (const char *series : {"difusor_up{", "difusor_cuts_total{", "difusor_cut_lag_seconds{", "difusor_cut_age_seconds{",
                                       "difusor_check_status{"}) {
                bool found = false;
                for (const QByteArray &line : scraped.split('\n'))
                    found = found || (line.startsWith(series) && line.contains(label));
                QVERIFY2(found, qPrintable(QStringLiteral("%1 of %2").arg(QLatin1String(series), QString::fromUtf8(server))));
            }
            QVERIFY(scraped.contains(QByteArray(QByteArray("difusor_up{") + label + "} 1")));
        }
        const QMap<qint64, qint64> writtenA = writtenTimes(a);
        const QMap<qint64, qint64> writtenB = writtenTimes(b);
        a.stop();
        b.stop();
        const QList<QJsonObject> lines = readJsonLines(out);
        for (const QJsonObject &line : lines)
            QVERIFY2(line.value(QStringLiteral("server")).isString(), "every line names its server");
        for (const auto &[server, written] : {std::pair{QStringLiteral("primario"), writtenA},
                                              std::pair{QStringLiteral("réplica"), writtenB}}) {
            const QList<QJsonObject> cuts = cutLines(lines, server);
            int live = 0;
            int measured = 0;
            for (const QJsonObject &line : cuts) {
                const qint64 cut = msOf(line.value(QStringLiteral("cut_time")));
                QVERIFY2(written.contains(cut), qPrintable(server));
                if (line.value(QStringLiteral("caught_up")).toBool())
                    continue;
                ++live;
                const qint64 detected = msOf(line.value(QStringLiteral("detected_at")));
                QVERIFY2(std::llabs(detected - written.value(cut)) <= 1000,
                         qPrintable(QStringLiteral("%1: %2 ms").arg(server).arg(detected - written.value(cut))));
                // A cut still on its way to our site when the run ends is printed unmeasured (null), never 0.
                const QJsonValue lag = line.value(QStringLiteral("lag_s"));
                if (lag.isDouble()) {
                    ++measured;
                    QVERIFY2(lag.toDouble() > 0 && lag.toDouble() < 10, qPrintable(server));
                }
            }
            QVERIFY2(live >= 1 && measured >= 1, qPrintable(server));
        }
    }
};

QTEST_GUILESS_MAIN(TestWatchServers)
#include "tst_watch_servers.moc"
