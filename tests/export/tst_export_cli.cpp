// `difusor-console export verify` as users run it (the real binary): exit codes 0/1/2, problems on
// stdout one per line or as JSON, usage on stderr for a bad option, the collecting half's bad input.
#include "export/Bag.h"

#include "TestEnv.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace difusor::exporting;

namespace {

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Run console(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DIFUSOR_LANG"), QStringLiteral("es"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(DIFUSOR_CONSOLE_BIN), QStringList{QStringLiteral("export")} + args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

} // namespace

class TestExportCli final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_tmp{difusor::test::tempTemplate()};
    QString m_bag;

private Q_SLOTS:
    void initTestCase()
    {
        m_bag = m_tmp.filePath(QStringLiteral("paquete"));
        Bag bag(m_bag);
        QString error;
        QVERIFY2(bag.open(&error), qPrintable(error));
        bag.setInfo({{QStringLiteral("Source-Organization"), QStringLiteral("Difusor de prueba")}});
        QVERIFY(bag.addBytes(QStringLiteral("norte/access.log"), QByteArray(100000, 'x'), &error));
        QVERIFY(bag.addBytes(QStringLiteral("incidentes.json"), "[]\n", &error));
        QVERIFY2(bag.finish(&error), qPrintable(error));
    }

    void validBag()
    {
        const Run r = console({QStringLiteral("verify"), m_bag});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QByteArray());
        QVERIFY2(r.err.contains("es válido"), r.err.constData());
    }

    void helpAndVersion()
    {
        Run r = console({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("verify"));
        r = console({QStringLiteral("--version")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith("difusor-console "));
    }

    void badInput()
    {
        Run r = console({QStringLiteral("verify"), m_tmp.filePath(QStringLiteral("no-existe"))});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("no existe"));
        r = console({QStringLiteral("verify"), m_tmp.path()}); // a folder, not a bag
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("falta bagit.txt"));
        r = console({QStringLiteral("verify"), m_bag, QStringLiteral("--no-such-option")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("no-such-option"));
        QVERIFY(r.err.contains("verify"));
        r = console({});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("--profile"));
        r = console({QStringLiteral("--profile"), m_tmp.filePath(QStringLiteral("p.json")), QStringLiteral("--out"),
                     m_tmp.filePath(QStringLiteral("x")), QStringLiteral("--from"), QStringLiteral("2024-06-31")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("2024-06-31"));
    }

    void tamperedBag()
    {
        QFile f(m_bag + QStringLiteral("/data/norte/access.log"));
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(50000));
        QVERIFY(f.write("y") == 1);
        f.close();
        Run r = console({QStringLiteral("verify"), m_bag});
        QCOMPARE(r.code, 1);
        QCOMPARE(r.out.count('\n'), 2);
        QVERIFY(r.out.contains("data/norte/access.log: el SHA-256 no coincide"));
        QVERIFY(r.out.contains("data/norte/access.log: el SHA-512 no coincide"));
        r = console({QStringLiteral("verify"), m_bag, QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.code, 1);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("valid")).toBool(), false);
        const QJsonArray problems = o.value(QStringLiteral("problems")).toArray();
        QCOMPARE(problems.size(), 2);
        QCOMPARE(problems.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("hash_mismatch"));
        QCOMPARE(problems.at(0).toObject().value(QStringLiteral("file")).toString(), QStringLiteral("data/norte/access.log"));
    }
};

QTEST_GUILESS_MAIN(TestExportCli)
#include "tst_export_cli.moc"
