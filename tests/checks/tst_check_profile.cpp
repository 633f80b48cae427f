// Unit: requirement profiles (loading, clear errors, edits that survive save/load), attestations, and
// check runs kept in the store (the last two of a host, newest first).
#include "TestEnv.h"
#include "checks/Attestations.h"
#include "checks/CheckCommand.h"
#include "checks/CheckResult.h"
#include "checks/RequirementProfile.h"
#include "StoreSupport.h"
#include "common/Profile.h"
#include "store/Store.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace difusor;
using namespace difusor::checks;

namespace {
QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &data)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestCheckProfile final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultProfileHasEveryCheck()
    {
        QString error;
        const auto p = RequirementProfile::loadDefault(&error);
        QVERIFY2(p, qPrintable(error));
        QCOMPARE(p->id(), QStringLiteral("iepc-durango-prep2024"));
        QCOMPARE(p->checks().size(), RequirementProfile::knownCheckIds().size());
        for (const QString &id : RequirementProfile::knownCheckIds()) {
            const CheckSpec *s = p->check(id);
            QVERIFY2(s, qPrintable(id));
            QVERIFY(!s->titleEs.isEmpty() && !s->titleEn.isEmpty());
            QVERIFY(!s->clause.isEmpty());
        }
        QVERIFY(p->check(QStringLiteral("hw.redundancy"))->manual);
    }

    void badFilesGiveClearErrors_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("words"); // a piece of the message
        QTest::newRow("not json") << QByteArray("{\"checks\": [") << QStringLiteral("no es un objeto JSON válido");
        QTest::newRow("array") << QByteArray("[1,2]") << QStringLiteral("no es un objeto JSON válido");
        QTest::newRow("no checks") << QByteArray("{\"id\":\"x\"}") << QStringLiteral("no tiene verificaciones");
        QTest::newRow("format 2") << QByteArray("{\"format\":2,\"checks\":[{\"id\":\"hw.ram\"}]}") << QStringLiteral("no soportado");
        QTest::newRow("no id") << QByteArray("{\"checks\":[{\"group\":\"hardware\"}]}") << QStringLiteral("no tiene \"id\"");
        QTest::newRow("twice") << QByteArray("{\"checks\":[{\"id\":\"hw.ram\"},{\"id\":\"hw.ram\"}]}") << QStringLiteral("dos veces");
        QTest::newRow("severity") << QByteArray("{\"checks\":[{\"id\":\"hw.ram\",\"severity\":\"maybe\"}]}") << QStringLiteral("Severidad desconocida");
        QTest::newRow("bad ip") << QByteArray("{\"trusted_ips\":[\"300.1.1.1\"],\"checks\":[{\"id\":\"hw.ram\"}]}") << QStringLiteral("300.1.1.1");
    }

    void badFilesGiveClearErrors()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, words);
        QTemporaryDir dir;
        QString error;
        QVERIFY(!RequirementProfile::load(write(dir, QStringLiteral("p.json"), data), &error));
        QVERIFY2(error.contains(words), qPrintable(error));
        QVERIFY(!RequirementProfile::load(dir.filePath(QStringLiteral("missing.json")), &error));
        QVERIFY2(error.contains(QStringLiteral("No se pudo abrir")), qPrintable(error));
    }

    void thresholdEditsRoundTrip()
    {
        auto p = *RequirementProfile::loadDefault();
        QVERIFY(p.setThreshold(QStringLiteral("hw.ram"), QStringLiteral("min_gib"), 30.5));
        QVERIFY(p.setThreshold(QStringLiteral("hw.cpu.cores"), QStringLiteral("min_cores"), 4));
        QVERIFY(!p.setThreshold(QStringLiteral("no.such"), QStringLiteral("x"), 1));
        QVERIFY(p.setEnabled(QStringLiteral("net.url"), false));
        QString error;
        QVERIFY(!p.setTrustedIps({QStringLiteral("203.0.113.10"), QStringLiteral("nonsense")}, &error));
        QVERIFY(error.contains(QStringLiteral("nonsense")));
        QVERIFY(p.setTrustedIps({QStringLiteral("203.0.113.10"), QStringLiteral("198.51.100.0/24"), QStringLiteral("2001:db8::/32")}));
        p.setSudoForFirewall(false);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("copia.json"));
        QVERIFY2(p.save(path, &error), qPrintable(error));
        const auto back = RequirementProfile::load(path, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->check(QStringLiteral("hw.ram"))->number(QStringLiteral("min_gib"), 0), 30.5);
        QCOMPARE(back->check(QStringLiteral("hw.cpu.cores"))->number(QStringLiteral("min_cores"), 0), 4.0);
        QVERIFY(!back->check(QStringLiteral("net.url"))->enabled);
        QCOMPARE(back->trustedIps(), p.trustedIps());
        QVERIFY(!back->sudoForFirewall());
        QCOMPARE(back->toJson(), p.toJson());
    }

    void unknownKeysSurviveSave()
    {
        QTemporaryDir dir;
        const QString in = write(dir, QStringLiteral("in.json"),
                                 "{\"id\":\"otro\",\"vendor_note\":\"keep me\",\"checks\":[{\"id\":\"hw.ram\",\"thresholds\":{\"min_gib\":7}}]}");
        auto p = RequirementProfile::load(in);
        QVERIFY(p);
        QVERIFY(p->save(dir.filePath(QStringLiteral("out.json"))));
        const auto back = RequirementProfile::load(dir.filePath(QStringLiteral("out.json")));
        QVERIFY(back);
        QCOMPARE(back->toJson().value(QStringLiteral("vendor_note")).toString(), QStringLiteral("keep me"));
    }

    void attestations()
    {
        AttestationBook book;
        QString error;
        Attestation a;
        a.checkId = QStringLiteral("hw.redundancy");
        a.by = QStringLiteral("   ");
        QVERIFY(!book.record(a, &error));
        QVERIFY(!error.isEmpty());
        a.by = QStringLiteral("Ing. Pérez (jefe de sitio)");
        a.statement = QStringLiteral("UPS doble y dos equipos de aire");
        a.atUtc = QDateTime(QDate(2024, 5, 18), QTime(16, 0), Qt::UTC);
        QVERIFY(book.record(a, &error));
        Attestation b = a;
        b.affirmed = false;
        b.by = QStringLiteral("Lic. Ruiz");
        b.atUtc = {};
        QVERIFY(book.record(b)); // the same check: replaces
        QCOMPARE(book.all().size(), 1);
        QCOMPARE(book.forCheck(QStringLiteral("hw.redundancy"))->by, QStringLiteral("Lic. Ruiz"));
        QVERIFY(book.forCheck(QStringLiteral("hw.redundancy"))->atUtc.isValid()); // stamped now

        a.checkId = QStringLiteral("net.protection");
        QVERIFY(book.record(a));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("att.json"));
        QVERIFY(book.save(path, &error));
        auto back = AttestationBook::load(path, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->all().size(), 2);
        QCOMPARE(back->forCheck(QStringLiteral("net.protection"))->atUtc, a.atUtc);
        QVERIFY(!back->forCheck(QStringLiteral("hw.redundancy"))->affirmed);
        QVERIFY(back->remove(QStringLiteral("net.protection")));
        QVERIFY(!back->forCheck(QStringLiteral("net.protection")));
        QVERIFY(!AttestationBook::load(write(dir, QStringLiteral("bad.json"), "nope"), &error));
    }

    void checkResultJsonRoundTrip()
    {
        CheckResult r;
        r.id = QStringLiteral("hw.ram");
        r.title = QStringLiteral("Memoria RAM");
        r.group = QStringLiteral("hardware");
        r.status = Status::Fail;
        r.expected = QStringLiteral("≥ 15 GiB");
        r.actual = QStringLiteral("7.8 GiB");
        r.evidence = QStringLiteral("$ cat /proc/meminfo\n…\n(exit 0)");
        r.remediation = QStringLiteral("Ampliar la memoria");
        r.estimated = true;
        const auto back = CheckResult::fromJson(r.toJson());
        QVERIFY(back);
        QCOMPARE(back->toJson(), r.toJson());
        QVERIFY(!CheckResult::fromJson(QJsonObject{{QStringLiteral("id"), QStringLiteral("x")},
                                                   {QStringLiteral("status"), QStringLiteral("great")}}));
    }

    void storeKeepsRuns()
    {
        QTemporaryDir dir;
        store::Store s;
        QString error;
        QVERIFY2(s.open(dir.filePath(QStringLiteral("p.sqlite")), &error), qPrintable(error));
        const qint64 server = difusor::test::useServer(s, QStringLiteral("Difusor"), QStringLiteral("SHA256:uno"));
        QVERIFY(s.lastCheckRuns().isEmpty());
        const QDateTime t0(QDate(2024, 6, 2), QTime(18, 0), Qt::UTC);
        for (int i = 0; i < 3; ++i) {
            store::CheckRunRecord run;
            run.profileName = QStringLiteral("Difusor");
            run.host = QStringLiteral("u@h:22");
            run.startedUtc = t0.addSecs(60 * i);
            run.durationMs = 400 + i;
            run.requirementsId = QStringLiteral("iepc-durango-prep2024");
            CheckResult r;
            r.id = QStringLiteral("hw.ram");
            r.status = i == 2 ? Status::Pass : Status::Fail;
            run.results = QJsonArray{r.toJson()};
            QVERIFY(s.addCheckRun(run));
        }
        // Another server's run (another host key) is not this server's.
        difusor::test::useServer(s, QStringLiteral("Difusor"), QStringLiteral("SHA256:otro"));
        store::CheckRunRecord other;
        other.host = QStringLiteral("otro@h:22");
        other.startedUtc = t0.addSecs(3600);
        QVERIFY(s.addCheckRun(other));
        s.setServer(server);
        store::CheckRunRecord bad;
        QVERIFY(!s.addCheckRun(bad)); // no host, no time

        const auto runs = s.lastCheckRuns();
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs.at(0).startedUtc, t0.addSecs(120)); // newest first
        QCOMPARE(runs.at(1).startedUtc, t0.addSecs(60));
        QCOMPARE(runs.at(0).durationMs, 402);
        QCOMPARE(runs.at(0).profileName, QStringLiteral("Difusor"));
        QCOMPARE(runs.at(0).requirementsId, QStringLiteral("iepc-durango-prep2024"));
        QCOMPARE(CheckResult::fromJson(runs.at(0).results.at(0).toObject())->status, Status::Pass);
        QCOMPARE(CheckResult::fromJson(runs.at(1).results.at(0).toObject())->status, Status::Fail);
        QCOMPARE(s.lastCheckRuns(10).size(), 3);
        QCOMPARE(s.lastCheckRuns(1).first().startedUtc, t0.addSecs(120));

        // Survives closing and reopening (the migration runs once).
        s.close();
        QVERIFY(s.open(dir.filePath(QStringLiteral("p.sqlite")), &error));
        difusor::test::useServer(s, QStringLiteral("Difusor"), QStringLiteral("SHA256:otro"));
        QCOMPARE(s.lastCheckRuns(10).size(), 1);
        QCOMPARE(s.lastCheckRuns(10).first().host, QStringLiteral("otro@h:22"));
    }

    // Profiles, attestations and check reports hold firewall evidence: 0600 whatever the umask, also
    // when the file was already there with wider permissions.
    void filesWeWriteAreOwnerOnly()
    {
        const mode_t oldMask = ::umask(0022);
        QTemporaryDir dir(test::tempTemplate());
        const auto wide = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
        const QString existingReport = write(dir, QStringLiteral("old-report.txt"), "antes\n");
        QVERIFY(QFile::setPermissions(existingReport, wide));

        // This machine, without SSH: a report is written (a server that cannot be reached gives none, exit 3).
        Profile profile;
        profile.name = QStringLiteral("esta máquina");
        profile.host = QStringLiteral("local");
        const QString profilePath = dir.filePath(QStringLiteral("profile.json"));
        QString error;
        QVERIFY2(profile.save(profilePath, &error), qPrintable(error));

        AttestationBook book;
        Attestation a;
        a.checkId = QStringLiteral("hw.redundancy");
        a.by = QStringLiteral("Ing. Pérez");
        a.atUtc = QDateTime::currentDateTimeUtc();
        a.statement = QStringLiteral("UPS doble");
        QVERIFY(book.record(a, &error));
        const QString attestationsPath = dir.filePath(QStringLiteral("attestations.json"));
        QVERIFY2(book.save(attestationsPath, &error), qPrintable(error));

        const QString report = dir.filePath(QStringLiteral("report.json"));
        for (const QString &out : {report, existingReport}) {
            runCheckCommand({QStringLiteral("--profile"), profilePath, QStringLiteral("--format"), QStringLiteral("json"),
                             QStringLiteral("--output"), out, QStringLiteral("--no-console-probes")});
        }
        ::umask(oldMask);

        const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser;
        for (const QString &path : {profilePath, attestationsPath, report, existingReport}) {
            QVERIFY2(QFileInfo(path).size() > 0, qPrintable(path));
            QVERIFY2(QFileInfo(path).permissions() == ownerOnly,
                     qPrintable(path + QStringLiteral(": ") + QString::number(int(QFileInfo(path).permissions()), 16)));
        }
        QVERIFY(readAll(existingReport).startsWith('{'));
    }
};

QTEST_GUILESS_MAIN(TestCheckProfile)
#include "tst_check_profile.moc"
