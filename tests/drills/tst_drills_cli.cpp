// `difusor-console drill` as users run it (the real binary, no servers): list (text and JSON), show (a
// built-in as a Chaos Toolkit file), --help/--version, bad input (exit 2 with the field named), and a
// fault scenario on a profile that is not a sandbox's refused before anything is opened or connected;
// `drill observe`: bad windows and missing options (exit 2), a server that does not answer (exit 3).
#include "TestEnv.h"

#include "common/Profile.h"
#include "drills/SimulacroReport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace difusor;

namespace {

struct Result
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Result console(const QStringList &args, const QString &store = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!store.isEmpty())
        env.insert(QStringLiteral("DIFUSOR_STORE"), store);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(DIFUSOR_CONSOLE_BIN), QStringList{QStringLiteral("drill")} + args);
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

} // namespace

class TestDrillsCli final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir{difusor::test::tempTemplate()};

private Q_SLOTS:
    void listsTheBuiltins()
    {
        const Result json = console({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(json.code, 0);
        const QJsonArray scenarios = QJsonDocument::fromJson(json.out)[QLatin1String("scenarios")].toArray();
        QCOMPARE(scenarios.size(), 10);
        QStringList names;
        for (const QJsonValue &v : scenarios) {
            const QJsonObject s = v.toObject();
            names << s.value(QStringLiteral("name")).toString();
            QVERIFY(!s.value(QStringLiteral("title")).toString().isEmpty());
            QCOMPARE(s.value(QStringLiteral("target")).toString(), QStringLiteral("sandbox"));
            QVERIFY(!s.value(QStringLiteral("faults")).toArray().isEmpty());
        }
        QCOMPARE(names, (QStringList{QStringLiteral("late_cut"), QStringLiteral("skipped_cut"), QStringLiteral("stale_site"),
                                     QStringLiteral("site_down"), QStringLiteral("errors_5xx"), QStringLiteral("traffic_spike"),
                                     QStringLiteral("backwards_cut"), QStringLiteral("clock_skew"), QStringLiteral("log_rotation"),
                                     QStringLiteral("noche_electoral")}));
        QCOMPARE(scenarios.at(9)[QLatin1String("faults")].toArray().size(), 12);
        const Result text = console({QStringLiteral("list")});
        QCOMPARE(text.code, 0);
        QVERIFY(text.out.contains("noche_electoral"));
    }

    void showsABuiltinAsAFile()
    {
        const Result shown = console({QStringLiteral("show"), QStringLiteral("site_down"), QStringLiteral("--cut-interval"), QStringLiteral("5")});
        QCOMPARE(shown.code, 0);
        const QJsonObject experiment = QJsonDocument::fromJson(shown.out).object();
        QCOMPARE(experiment[QLatin1String("method")][0][QLatin1String("provider")][QLatin1String("arguments")][4].toString(),
                 QStringLiteral("site_down"));
        QCOMPARE(experiment[QLatin1String("extensions")][0][QLatin1String("name")].toString(), QStringLiteral("difusor-console"));
        QCOMPARE(console({QStringLiteral("show"), QStringLiteral("nada")}).code, 2);
    }

    void helpVersionAndBadInput()
    {
        const Result help = console({QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.contains("--scenario"));
        QVERIFY(help.err.isEmpty());
        QCOMPARE(console({QStringLiteral("--version")}).code, 0);
        QCOMPARE(console({QStringLiteral("list"), QStringLiteral("--lang"), QStringLiteral("en")}).code, 0);
        const Result unknown = console({QStringLiteral("run"), QStringLiteral("--bogus")});
        QCOMPARE(unknown.code, 2);
        QVERIFY(unknown.err.contains("bogus"));
        QCOMPARE(console({}).code, 2);
        QCOMPARE(console({QStringLiteral("fly")}).code, 2);
        QCOMPARE(console({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("xml")}).code, 2);
    }

    void runRefusesBadInputAndProduction()
    {
        Profile production;
        production.name = QStringLiteral("Difusor Durango");
        production.host = QStringLiteral("127.0.0.1");
        production.port = difusor::test::freePort();
        const QString profile = m_dir.filePath(QStringLiteral("produccion.json"));
        QString error;
        QVERIFY2(production.save(profile, &error), qPrintable(error));
        const QString store = m_dir.filePath(QStringLiteral("no-se-crea.sqlite"));

        // Missing pieces.
        QCOMPARE(console({QStringLiteral("run"), QStringLiteral("--scenario"), QStringLiteral("late_cut")}, store).code, 2);
        QCOMPARE(console({QStringLiteral("run"), QStringLiteral("--profile"), profile}, store).code, 2);
        QCOMPARE(console({QStringLiteral("run"), QStringLiteral("--profile"), profile, QStringLiteral("--scenario"),
                          QStringLiteral("no_such_thing")}, store).code, 2);
        // A scenario file with a mistake: exit 2, the field named.
        const QString bad = m_dir.filePath(QStringLiteral("malo.json"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"title": "x", "description": "y", "method": [{"type": "action", "name": "a",
                     "provider": {"type": "process", "path": "difusor-console",
                                  "arguments": ["sandbox", "fault", "--profile", "${profile}", "late"]}}],
                     "extensions": [{"name": "difusor-console", "target": "sandbox"}]})");
        file.close();
        const Result invalid = console({QStringLiteral("run"), QStringLiteral("--profile"), profile, QStringLiteral("--scenario"), bad}, store);
        QCOMPARE(invalid.code, 2);
        QVERIFY2(invalid.err.contains("method[0].provider.arguments"), invalid.err.constData());
        // A fault scenario on a production profile: refused, nothing opened (not even the store) or run.
        const Result refused = console({QStringLiteral("run"), QStringLiteral("--profile"), profile, QStringLiteral("--scenario"),
                                        QStringLiteral("late_cut"), QStringLiteral("--format"), QStringLiteral("json")},
                                       store);
        QCOMPARE(refused.code, 2);
        QVERIFY2(refused.err.contains("no es de un simulador"), refused.err.constData());
        QVERIFY(refused.out.isEmpty());
        QVERIFY(!QFile::exists(store));
    }

    void observeBadInputAndUnreachable()
    {
        const Result help = console({QStringLiteral("observe"), QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.contains("--duration"));
        QVERIFY(help.out.contains("--from"));
        QVERIFY(console({QStringLiteral("--help")}).out.contains("observe"));

        Profile production;
        production.name = QStringLiteral("Difusor Durango");
        production.host = QStringLiteral("127.0.0.1");
        production.port = difusor::test::freePort();
        production.user = QStringLiteral("prep");
        const QString profile = m_dir.filePath(QStringLiteral("observar.json"));
        QString error;
        QVERIFY2(production.save(profile, &error), qPrintable(error));
        const QString store = m_dir.filePath(QStringLiteral("observar.sqlite"));
        const QStringList base{QStringLiteral("observe"), QStringLiteral("--profile"), profile, QStringLiteral("--name"), QStringLiteral("Simulacro 1")};

        // Bad input, refused before anything is opened or connected: exit 2, the reason on stderr.
        QCOMPARE(console({QStringLiteral("observe"), QStringLiteral("--profile"), profile, QStringLiteral("--duration"), QStringLiteral("5")}, store).code, 2);
        QCOMPARE(console({QStringLiteral("observe"), QStringLiteral("--name"), QStringLiteral("x"), QStringLiteral("--duration"), QStringLiteral("5")}, store).code, 2);
        QCOMPARE(console(base + QStringList{QStringLiteral("--from"), QStringLiteral("2030-05-19T18:00")}, store).code, 2);
        QCOMPARE(console(base + QStringList{QStringLiteral("--from"), QStringLiteral("2030-05-19T18:00"), QStringLiteral("--to"),
                                            QStringLiteral("2030-05-19T17:00")}, store).code, 2);
        QCOMPARE(console(base + QStringList{QStringLiteral("--from"), QStringLiteral("ayer"), QStringLiteral("--to"),
                                            QStringLiteral("2030-05-19T17:00")}, store).code, 2);
        QCOMPARE(console(base + QStringList{QStringLiteral("--from"), QStringLiteral("2030-05-19T18:00"), QStringLiteral("--to"),
                                            QStringLiteral("2030-05-20T00:00"), QStringLiteral("--duration"), QStringLiteral("5")}, store).code, 2);
        const Result past = console(base + QStringList{QStringLiteral("--from"), QStringLiteral("2024-05-19T18:00"), QStringLiteral("--to"),
                                                       QStringLiteral("2024-05-20T00:00")}, store);
        QCOMPARE(past.code, 2);
        QVERIFY2(past.err.contains("ya terminó"), past.err.constData());
        if (QDateTime::currentDateTimeUtc() > drills::officialWindows().last().endUtc) {
            // No window given and both official dates over: say so, do not guess a window.
            const Result over = console(base, store);
            QCOMPARE(over.code, 2);
            QVERIFY2(over.err.contains("ya pasaron"), over.err.constData());
        }
        QCOMPARE(console(base + QStringList{QStringLiteral("--duration"), QStringLiteral("0")}, store).code, 2);
        QVERIFY(!QFile::exists(store));

        // Nothing listens on the profile's port: exit 3 at once, the report says why, no drill recorded.
        const Result unreachable = console(base + QStringList{QStringLiteral("--duration"), QStringLiteral("30"), QStringLiteral("--format"),
                                                              QStringLiteral("json")}, store);
        QCOMPARE(unreachable.code, 3);
        const QJsonObject report = QJsonDocument::fromJson(unreachable.out).object();
        QCOMPARE(report.value(QStringLiteral("status")).toString(), QStringLiteral("unreachable"));
        QCOMPARE(report.value(QStringLiteral("faults_injected")).toInt(), 0);
        QVERIFY(!report.value(QStringLiteral("error")).toString().isEmpty());
        QVERIFY(report[QLatin1String("drill")][QLatin1String("id")].isNull());
    }
};

QTEST_GUILESS_MAIN(TestDrillsCli)
#include "tst_drills_cli.moc"
