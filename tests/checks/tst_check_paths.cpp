// The connection profile's own checks against the real sandbox difusor (sshd, nginx): the paths as the
// SSH user sees them on the server and both URLs, right and wrong. A wrong path is a FAIL naming it,
// never a silent pass.
#include "SandboxFixture.h"
#include "TestEnv.h"

#include "checks/CheckRunner.h"
#include "checks/Evaluator.h"
#include "checks/RequirementProfile.h"
#include "remote/SshHost.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <optional>

using namespace difusor;
using namespace difusor::checks;
using namespace difusor::test;

class TestCheckPaths final : public QObject
{
    Q_OBJECT

    SandboxRun m_run;

    std::optional<CheckReport> check(const Profile &profile)
    {
        const auto requirements = RequirementProfile::loadDefault();
        if (!requirements)
            return std::nullopt;
        remote::SshHost host(profile);
        host.setSshConfigFile({});
        CheckRunner runner(&host, profile, *requirements, false);
        std::optional<CheckReport> report;
        connect(&runner, &CheckRunner::finished, this, [&report](const CheckReport &r) { report = r; });
        runner.start();
        (void)QTest::qWaitFor([&report] { return report.has_value(); }, 40000);
        host.disconnectFromHost();
        return report;
    }

    static const CheckResult *find(const CheckReport &report, const QString &id)
    {
        for (const CheckResult &r : report.results)
            if (r.id == id)
                return &r;
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        DIFUSOR_REQUIRE_PROGRAM(sshd, "sshd");
        DIFUSOR_REQUIRE_PROGRAM(nginx, "nginx");
        DIFUSOR_REQUIRE_PROGRAM(rsync, "rsync");
        sandbox::SandboxOptions options;
        options.cutIntervalS = 60;
        options.visitorsPerSecond = 2;
        QVERIFY2(m_run.start(options), qPrintable(m_run.error));
    }

    void cleanupTestCase() { m_run.stop(); }

    void rightPathsPass()
    {
        const auto report = check(m_run.sandbox->profile());
        QVERIFY(report.has_value());
        QVERIFY2(!report->runFailed, qPrintable(report->error));
        for (const QString &id : profileCheckIds()) {
            const CheckResult *r = find(*report, id);
            QVERIFY2(r, qPrintable(id));
            qInfo("%s %s: %s", qPrintable(id), qPrintable(statusId(r->status)), qPrintable(r->actual));
            QCOMPARE(r->group, QStringLiteral("profile"));
            QVERIFY2(r->status == Status::Pass, qPrintable(r->actual + QLatin1Char('\n') + r->evidence));
            QVERIFY(!r->evidence.isEmpty());
        }
        QVERIFY(find(*report, QStringLiteral("cfg.access_log"))->evidence.contains(QStringLiteral("ls -ld")));
    }

    void wrongPathsFail()
    {
        QTemporaryDir dir(tempTemplate());
        Profile p = m_run.sandbox->profile();
        p.publicationDir = p.publicationDir + QStringLiteral("-no-existe");
        p.accessLog = QFileInfo(p.accessLog).absolutePath(); // a folder
        QUrl official(p.officialUrl);
        official.setPath(QStringLiteral("/no-existe.json"));
        p.officialUrl = official.toString();
        QUrl ours(p.difusorUrl);
        ours.setPort(1); // nothing listens there
        p.difusorUrl = ours.toString();
        const auto report = check(p);
        QVERIFY(report.has_value());
        for (const QString &id : profileCheckIds())
            qInfo("%s %s: %s", qPrintable(id), qPrintable(statusId(find(*report, id)->status)), qPrintable(find(*report, id)->actual));
        const CheckResult *pub = find(*report, QStringLiteral("cfg.publication_dir"));
        QCOMPARE(pub->status, Status::Fail);
        QVERIFY(pub->actual.contains(p.publicationDir));
        QVERIFY(pub->evidence.contains(QStringLiteral("exists=0")));
        const CheckResult *log = find(*report, QStringLiteral("cfg.access_log"));
        QCOMPARE(log->status, Status::Fail);
        QVERIFY(log->actual.contains(p.accessLog) && log->actual.contains(QStringLiteral("carpeta")));
        QCOMPARE(find(*report, QStringLiteral("cfg.official_url"))->status, Status::Fail);
        QVERIFY(find(*report, QStringLiteral("cfg.official_url"))->actual.contains(QStringLiteral("404")));
        QCOMPARE(find(*report, QStringLiteral("cfg.difusor_url"))->status, Status::Fail);
        QCOMPARE(exitCodeFor(report->results, report->runFailed), 1);

        // A log that exists but is not being written (untouched for an hour): a warning that says since when.
        const QString stale = dir.filePath(QStringLiteral("old-access.log"));
        QFile f(stale);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("127.0.0.1 - - [04/Dec/2026:10:00:00 -0600] \"GET / HTTP/1.1\" 200 10 \"-\" \"curl\"\n");
        QVERIFY(f.flush()); // written before the time is set, so closing changes nothing
        QVERIFY(f.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-3600), QFileDevice::FileModificationTime));
        f.close();
        p = m_run.sandbox->profile();
        p.accessLog = stale;
        const auto staleReport = check(p);
        QVERIFY(staleReport.has_value());
        const CheckResult *old = find(*staleReport, QStringLiteral("cfg.access_log"));
        qInfo("%s", qPrintable(old->actual));
        QCOMPARE(old->status, Status::Warn);
        QVERIFY(old->actual.contains(QStringLiteral("hace 60 min")));
    }
};

QTEST_GUILESS_MAIN(TestCheckPaths)
#include "tst_check_paths.moc"
