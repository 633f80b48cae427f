// The sandbox's servers answer, and three cuts arrive on schedule in the PREP format.
#include "SandboxFixture.h"
#include "TestEnv.h"
#include "common/Profile.h"
#include "sandbox/PrepData.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace difusor::test;
using difusor::sandbox::SandboxOptions;

class TestSandboxServers final : public QObject
{
    Q_OBJECT
private:
    SandboxRun m_run;
    QString m_stateDir;
    static constexpr int CutIntervalS = 2;

    difusor::Profile profile() const { return m_run.sandbox->profile(); }

private Q_SLOTS:
    void initTestCase()
    {
        DIFUSOR_REQUIRE_PROGRAM(sshd, "sshd");
        DIFUSOR_REQUIRE_PROGRAM(nginx, "nginx");
        DIFUSOR_REQUIRE_PROGRAM(rsync, "rsync");
        DIFUSOR_REQUIRE_PROGRAM(ssh, "ssh");
        SandboxOptions options;
        options.cutIntervalS = CutIntervalS;
        options.visitorsPerSecond = 25;
        options.pushDelayMs = 400;
        options.publishDelayMs = 300;
        QVERIFY2(m_run.start(options), qPrintable(m_run.error));
        m_stateDir = m_run.sandbox->stateDir();
        qInfo("ready in %lld ms (target < 5000 ms)", m_run.readyMs);
        QVERIFY2(m_run.readyMs < 5000, qPrintable(QString::number(m_run.readyMs)));
    }

    void profileHasEveryKey()
    {
        QFile file(m_stateDir + QStringLiteral("/profile.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
        for (const char *key : {"name", "host", "port", "user", "auth", "key_file", "known_hosts_file", "publication_dir",
                                "access_log", "difusor_url", "official_url", "cut_interval_s", "trusted_ips", "ground_truth",
                                "sandbox_control"}) {
            QVERIFY2(o.contains(QLatin1String(key)), key);
        }
        QCOMPARE(o.value(QStringLiteral("host")).toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(o.value(QStringLiteral("auth")).toString(), QStringLiteral("key"));
        QCOMPARE(o.value(QStringLiteral("cut_interval_s")).toInt(), CutIntervalS);
        QVERIFY(QFile::exists(o.value(QStringLiteral("ground_truth")).toString()));
        QVERIFY(difusor::Profile::load(file.fileName()));
        // known_hosts trusts exactly the sandbox's own host key, in OpenSSH's [host]:port form.
        QFile knownHosts(profile().knownHostsFile);
        QVERIFY(knownHosts.open(QIODevice::ReadOnly));
        const QByteArray line = knownHosts.readAll();
        QVERIFY2(line.startsWith(QByteArray("[127.0.0.1]:" + QByteArray::number(profile().port) + " ssh-ed25519 AAAA")), line.constData());
    }

    void sshdAcceptsTheGeneratedKey()
    {
        const difusor::Profile p = profile();
        const ProgramResult result = runProgram(findProgram(QStringLiteral("ssh")),
            {QStringLiteral("-p"), QString::number(p.port), QStringLiteral("-i"), p.keyFile,
             QStringLiteral("-o"), QStringLiteral("UserKnownHostsFile=") + p.knownHostsFile,
             QStringLiteral("-o"), QStringLiteral("StrictHostKeyChecking=yes"), QStringLiteral("-o"), QStringLiteral("BatchMode=yes"),
             QStringLiteral("-o"), QStringLiteral("IdentitiesOnly=yes"), QStringLiteral("-o"), QStringLiteral("ConnectTimeout=10"),
             QStringLiteral("-l"), p.user, p.host, QStringLiteral("true")});
        QVERIFY2(result.exitCode == 0, result.output.constData());
    }

    void bothSitesAnswer()
    {
        QTRY_VERIFY_WITH_TIMEOUT(pageCut(httpGet(profile().difusorUrl).body).isValid(), 8000);
        for (const QString &base : {profile().difusorUrl, profile().officialUrl}) {
            const HttpResult page = httpGet(base);
            QCOMPARE(page.status, 200);
            QVERIFY2(pageCut(page.body).isValid(), page.body.constData());
            for (const char *asset : {"prep.css", "prep.js", "logo.png", "favicon.ico", "robots.txt"})
                QCOMPARE(httpGet(base + QLatin1String(asset)).status, 200);
            const HttpResult avance = httpGet(base + QStringLiteral("avance.json"));
            QCOMPARE(avance.status, 200);
            const QJsonObject corte = QJsonDocument::fromJson(avance.body).object().value(QStringLiteral("ultimoCorte")).toObject();
            QCOMPARE(corte.value(QStringLiteral("fecha")).toString(), QStringLiteral("02/06/2024"));
            QVERIFY(!corte.value(QStringLiteral("hora")).toString().isEmpty());
        }
        const QString status = profile().extra.value(QStringLiteral("status_url")).toString();
        const HttpResult stub = httpGet(status);
        QCOMPARE(stub.status, 200);
        QVERIFY(stub.body.contains("Active connections"));
        // stub_status is for loopback only: a visitor's (forwarded) address is refused.
        QCOMPARE(httpGet(status, "192.0.2.44").status, 403);
    }

    void rsyncDaemonListsTheModule()
    {
        const QString url = profile().extra.value(QStringLiteral("rsync_url")).toString();
        QVERIFY(url.startsWith(QLatin1String("rsync://127.0.0.1:")));
        const QString root = url.left(url.indexOf(QLatin1Char('/'), 8) + 1);
        const ProgramResult modules = runProgram(findProgram(QStringLiteral("rsync")), {root});
        QVERIFY2(modules.exitCode == 0 && modules.output.contains("publicacion"), modules.output.constData());
        QTRY_VERIFY_WITH_TIMEOUT(runProgram(findProgram(QStringLiteral("rsync")), {url}).output.contains("_PREP_DIP_LOC_DGO"), 8000);
    }

    void threeCutsArriveOnSchedule()
    {
        QTRY_VERIFY_WITH_TIMEOUT(eventsNamed(m_run.truth(), QStringLiteral("cut_difusor_visible")).size() >= 3,
                                 CutIntervalS * 5 * 1000);
        const QList<QJsonObject> truth = m_run.truth();
        const auto official = eventsNamed(truth, QStringLiteral("cut_official_visible"));
        const auto written = eventsNamed(truth, QStringLiteral("cut_written"));
        const auto visible = eventsNamed(truth, QStringLiteral("cut_difusor_visible"));
        QVERIFY(official.size() >= 3 && written.size() >= 3);
        const QDateTime start = difusor::sandbox::PrepElection::nightStartUtc();
        for (int i = 0; i < 3; ++i) {
            // Each cut advances the night by 15 minutes; they come every interval, in order.
            QCOMPARE(cutOf(official.at(i)), start.addSecs(i * 900));
            QCOMPARE(cutOf(written.at(i)), start.addSecs(i * 900));
            QCOMPARE(cutOf(visible.at(i)), start.addSecs(i * 900));
            const qint64 tOfficial = official.at(i).value(QStringLiteral("t")).toInteger();
            const qint64 tWritten = written.at(i).value(QStringLiteral("t")).toInteger();
            const qint64 tVisible = visible.at(i).value(QStringLiteral("t")).toInteger();
            QVERIFY2(tWritten >= tOfficial + 400 && tWritten < tOfficial + 3000, qPrintable(QString::number(tWritten - tOfficial)));
            QVERIFY2(tVisible >= tWritten && tVisible < tWritten + 2000, qPrintable(QString::number(tVisible - tWritten)));
            if (i > 0) {
                const qint64 gap = tOfficial - official.at(i - 1).value(QStringLiteral("t")).toInteger();
                QVERIFY2(qAbs(gap - CutIntervalS * 1000) < 500, qPrintable(QString::number(gap)));
            }
            const QString package = written.at(i).value(QStringLiteral("package")).toString();
            QFile csv(QDir(profile().publicationDir).filePath(package + QStringLiteral("/DGO_DIP_LOC_2024.csv")));
            QVERIFY2(csv.open(QIODevice::ReadOnly), qPrintable(csv.fileName()));
            QCOMPARE(checkPrepCsv(csv.readAll(), start.addSecs(i * 900)), QString());
        }
    }

    void accessLogHasVisitors()
    {
        // combined + $request_time, with the visitor's forwarded address as the client.
        static const QRegularExpression line(QStringLiteral(
            "^(\\d+\\.\\d+\\.\\d+\\.\\d+) - - \\[[^\\]]+\\] \"GET (\\S+) HTTP/1\\.1\" (\\d{3}) \\d+ \"[^\"]*\" \"([^\"]*)\" (\\d+\\.\\d{3})$"));
        struct Tally
        {
            int matched = 0, bots = 0, browsers = 0, polls = 0, assets = 0;
            QString bad; // the first line that is not ours, or from an address outside the visitors' ranges
        };
        const auto tally = [this] {
            Tally t;
            QFile log(profile().accessLog);
            if (!log.open(QIODevice::ReadOnly))
                return t;
            QList<QByteArray> lines = log.readAll().split('\n');
            lines.removeLast(); // empty, or a line nginx is still writing
            for (const QByteArray &raw : lines) {
                if (raw.isEmpty())
                    continue;
                const auto m = line.match(QString::fromUtf8(raw));
                if (!m.hasMatch()) {
                    t.bad = QString::fromUtf8(raw);
                    break;
                }
                const QString ip = m.captured(1);
                if (ip == QLatin1String("127.0.0.1"))
                    continue; // the test's own requests
                if (!ip.startsWith(QLatin1String("192.0.2.")) && !ip.startsWith(QLatin1String("198.51.100."))
                    && !ip.startsWith(QLatin1String("203.0.113."))) {
                    t.bad = ip;
                    break;
                }
                ++t.matched;
                const QString agent = m.captured(4);
                (agent.contains(QLatin1String("bot"), Qt::CaseInsensitive) || agent.contains(QLatin1String("externalhit")) ? t.bots : t.browsers)++;
                t.polls += m.captured(2) == QLatin1String("/avance.json");
                t.assets += m.captured(2).endsWith(QLatin1String(".css")) || m.captured(2).endsWith(QLatin1String(".png"));
            }
            return t;
        };
        // A browser polls the JSON 2 to 10 s after loading the page: wait for the first polls rather than
        // for a size (the log reached 4 KB before any poll once, beside other tests).
        Tally t;
        QTRY_VERIFY_WITH_TIMEOUT((t = tally(), !t.bad.isEmpty() || (t.matched > 40 && t.polls > 0 && t.bots > 0)), 20000);
        QVERIFY2(t.bad.isEmpty(), qPrintable(t.bad));
        QVERIFY(t.matched > 40);
        QVERIFY(t.browsers > 0);
        QVERIFY(t.bots > 0);
        QVERIFY(t.polls > 0);
        QVERIFY(t.assets > 0);
    }

    void cleanupTestCase()
    {
        if (!m_run.sandbox)
            return;
        const qint64 took = m_run.stop();
        qInfo("stopped in %lld ms (target < 2000 ms)", took);
        QVERIFY(took >= 0);
        QVERIFY2(took < 2000, qPrintable(QString::number(took)));
        QTRY_VERIFY_WITH_TIMEOUT(processesMentioning(m_stateDir).isEmpty(), 2000);
        QTRY_VERIFY_WITH_TIMEOUT(!QDir(m_stateDir).exists(), 2000);
    }
};

QTEST_GUILESS_MAIN(TestSandboxServers)
#include "tst_sandbox_servers.moc"
