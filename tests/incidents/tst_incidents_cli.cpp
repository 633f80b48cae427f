// `difusor-console incidents` as users run it (the real binary): the list in JSON, CSV and text, the
// filters, acknowledge/resolve with and without a note, usage errors; and an acknowledgement that
// survives a kill -9 of the process the moment it was shown.
#include "incidents/IncidentLog.h"
#include "store/Store.h"

#include "StoreSupport.h"
#include "TestEnv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace difusor;
using namespace difusor::store;

namespace {

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Run console(const QStringList &args, const QString &lang = QStringLiteral("es"))
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DIFUSOR_LANG"), lang);
    env.remove(QStringLiteral("DIFUSOR_STORE"));
    env.insert(QStringLiteral("USER"), QStringLiteral("operador"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(DIFUSOR_CONSOLE_BIN), QStringList{QStringLiteral("incidents")} + args);
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs);
}

} // namespace

class TestIncidentsCli final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir{test::tempTemplate()};
    QString m_store;
    qint64 m_lag = 0;
    qint64 m_flood = 0;

private Q_SLOTS:
    void initTestCase()
    {
        m_store = m_dir.filePath(QStringLiteral("consola.sqlite"));
        Store s;
        QVERIFY(s.open(m_store));
        QVERIFY(test::useServer(s, QStringLiteral("norte"), QStringLiteral("SHA256:n")) > 0);
        IncidentRecord lag;
        lag.kind = QStringLiteral("lag");
        lag.subject = QStringLiteral("2024-06-03T03:30:00Z");
        lag.title = incidents::kindTitle(lag.kind);
        lag.detail = QStringLiteral("Nuestro sitio mostró el corte 74 s después del PREP oficial.");
        lag.openedUtc = at("2024-06-03T03:31:00Z");
        lag.detectedUtc = at("2024-06-03T03:31:02.5Z");
        m_lag = s.raiseIncident(lag)->incident.id;
        QVERIFY(test::useServer(s, QStringLiteral("sur"), QStringLiteral("SHA256:s")) > 0);
        IncidentRecord flood;
        flood.kind = QStringLiteral("traffic_flood");
        flood.subject = QStringLiteral("198.51.100.7");
        flood.title = QStringLiteral("=cmd|' /C calc'!A0");
        flood.openedUtc = at("2024-06-02T23:00:00Z");
        flood.detectedUtc = at("2024-06-02T23:00:00Z");
        m_flood = s.raiseIncident(flood)->incident.id;
        QVERIFY(s.clearIncident(flood.kind, flood.subject, at("2024-06-02T23:10:00Z")));
    }

    void helpVersionAndUsage()
    {
        Run r = console({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("--state") && r.out.contains("--note"));
        r = console({QStringLiteral("--version")});
        QCOMPARE(r.code, 0);
        QVERIFY(!r.out.trimmed().isEmpty());
        r = console({QStringLiteral("--no-such-option")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("no-such-option"));
        QVERIFY(r.out.isEmpty());
        r = console({});
        QCOMPARE(r.code, 2); // neither --profile nor --store
        r = console({QStringLiteral("--store"), m_store, QStringLiteral("--format"), QStringLiteral("xml")});
        QCOMPARE(r.code, 2);
        r = console({QStringLiteral("--store"), m_store, QStringLiteral("--state"), QStringLiteral("cerrado")});
        QCOMPARE(r.code, 2);
        r = console({QStringLiteral("--store"), m_dir.filePath(QStringLiteral("no-existe.sqlite"))});
        QCOMPARE(r.code, 1);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("no-existe.sqlite")))); // a list creates nothing
    }

    void listAsJson()
    {
        const Run r = console({QStringLiteral("--store"), m_store, QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        const QJsonArray list = doc.value(QStringLiteral("incidents")).toArray();
        QCOMPARE(list.size(), 2);
        const QJsonObject lag = list.at(0).toObject(); // newest first
        QCOMPARE(lag.value(QStringLiteral("id")).toInteger(), m_lag);
        QCOMPARE(lag.value(QStringLiteral("server")).toString(), QStringLiteral("norte"));
        QCOMPARE(lag.value(QStringLiteral("kind")).toString(), QStringLiteral("lag"));
        QCOMPARE(lag.value(QStringLiteral("severity")).toString(), QStringLiteral("critical"));
        QCOMPARE(lag.value(QStringLiteral("state")).toString(), QStringLiteral("open"));
        QCOMPARE(lag.value(QStringLiteral("affects_publication")).toBool(), true);
        QCOMPARE(lag.value(QStringLiteral("started_at")).toString(), QStringLiteral("2024-06-03T03:31:00.000Z"));
        QCOMPARE(lag.value(QStringLiteral("ttd_s")).toDouble(), 2.5);
        QVERIFY(lag.value(QStringLiteral("acknowledged_at")).isNull());
        QVERIFY(lag.value(QStringLiteral("resolved_at")).isNull());
        QVERIFY(lag.value(QStringLiteral("resolution")).isNull());
        const QJsonArray events = lag.value(QStringLiteral("events")).toArray();
        QCOMPARE(events.size(), 1);
        for (const char *key : {"at", "actor", "type", "text"})
            QVERIFY2(events.first().toObject().contains(QLatin1String(key)), key);
        const QJsonObject flood = list.at(1).toObject();
        QCOMPARE(flood.value(QStringLiteral("state")).toString(), QStringLiteral("resolved"));
        QCOMPARE(flood.value(QStringLiteral("resolution")).toString(), QStringLiteral("auto"));
        QCOMPARE(flood.value(QStringLiteral("ttr_s")).toDouble(), 600.0);
        QCOMPARE(doc.value(QStringLiteral("summary"))[QLatin1String("all")][QLatin1String("count")].toInt(), 2);

        // Filters: state, since, profile (by its name: its servers only).
        Run f = console({QStringLiteral("--store"), m_store, QStringLiteral("--format"), QStringLiteral("json"),
                         QStringLiteral("--state"), QStringLiteral("resolved")});
        QCOMPARE(QJsonDocument::fromJson(f.out)[QLatin1String("incidents")].toArray().size(), 1);
        f = console({QStringLiteral("--store"), m_store, QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--since"),
                     QStringLiteral("2024-06-02T21:15:00-06:00")});
        QCOMPARE(f.code, 0);
        QCOMPARE(QJsonDocument::fromJson(f.out)[QLatin1String("incidents")].toArray().size(), 1); // the flood ended 17:10 UTC-6
        QFile profile(m_dir.filePath(QStringLiteral("sur.json")));
        QVERIFY(profile.open(QIODevice::WriteOnly));
        profile.write(R"({"name": "sur", "host": "127.0.0.1", "user": "u", "publication_dir": "/srv/prep"})");
        profile.close();
        f = console({QStringLiteral("--profile"), profile.fileName(), QStringLiteral("--store"), m_store, QStringLiteral("--format"),
                     QStringLiteral("json")});
        QVERIFY2(f.code == 0, f.err.constData());
        const QJsonArray sur = QJsonDocument::fromJson(f.out)[QLatin1String("incidents")].toArray();
        QCOMPARE(sur.size(), 1);
        QCOMPARE(sur.first()[QLatin1String("server")].toString(), QStringLiteral("sur"));
    }

    void listAsCsvAndText()
    {
        Run r = console({QStringLiteral("--store"), m_store, QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(r.code, 0);
        const QList<QByteArray> lines = r.out.split('\n');
        QVERIFY(lines.first().startsWith("id,server,kind,"));
        QVERIFY(r.out.contains("'=cmd|")); // a formula stays text in a spreadsheet
        r = console({QStringLiteral("--store"), m_store});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("UTC-6"));
        QVERIFY(r.out.contains("CRÍTICO"));
        r = console({QStringLiteral("--store"), m_store, QStringLiteral("--lang"), QStringLiteral("en")}, QStringLiteral("en"));
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("CRITICAL"), r.out.constData());
    }

    void acknowledgeAndResolveNeedANote()
    {
        const QString id = QString::number(m_lag);
        Run r = console({QStringLiteral("ack"), QStringLiteral("--store"), m_store, id});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("--note"));
        {
            Store s;
            QVERIFY(s.open(m_store));
            QCOMPARE(s.incidentEvents(m_lag).size(), 1); // nothing written
        }
        r = console({QStringLiteral("ack"), QStringLiteral("--store"), m_store, id, QStringLiteral("--note"),
                     QStringLiteral("El IEPC confirma el retraso; se revisa rsync"), QStringLiteral("--by"), QStringLiteral("ana")});
        QVERIFY2(r.code == 0, r.err.constData());
        r = console({QStringLiteral("ack"), QStringLiteral("--store"), m_store, id, QStringLiteral("--note"), QStringLiteral("otra vez")});
        QCOMPARE(r.code, 1); // already acknowledged
        QVERIFY(!r.err.isEmpty());
        r = console({QStringLiteral("resolve"), QStringLiteral("--store"), m_store, id, QStringLiteral("--note"),
                     QStringLiteral("rsync reiniciado"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject after = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(after.value(QStringLiteral("state")).toString(), QStringLiteral("resolved"));
        QCOMPARE(after.value(QStringLiteral("resolution")).toString(), QStringLiteral("manual"));
        QCOMPARE(after.value(QStringLiteral("acknowledged_by")).toString(), QStringLiteral("ana"));
        QCOMPARE(after.value(QStringLiteral("resolved_by")).toString(), QStringLiteral("operador")); // $USER
        QStringList types;
        for (const QJsonValue &e : after.value(QStringLiteral("events")).toArray())
            types << e[QLatin1String("type")].toString();
        QCOMPARE(types, (QStringList{QStringLiteral("opened"), QStringLiteral("ack"), QStringLiteral("resolved")}));
        r = console({QStringLiteral("resolve"), QStringLiteral("--store"), m_store, QStringLiteral("999"), QStringLiteral("--note"),
                     QStringLiteral("x")});
        QCOMPARE(r.code, 2); // no such incident
    }

    // The window's path (IncidentLog::act, answered after the commit): killed with SIGKILL the moment
    // it would show "acknowledged", the note is there when the store is opened again.
    void acknowledgementSurvivesKill9()
    {
        const QString path = m_dir.filePath(QStringLiteral("kill9.sqlite"));
        const QString note = QStringLiteral("Visto en el monitor: nginx caído, se reinicia");
        QProcess p;
        p.start(QStringLiteral(ACK_THEN_DIE_BIN), {path, note});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        QVERIFY2(p.readAllStandardOutput().startsWith("acknowledged "), p.readAllStandardError().constData());
        Store s;
        QVERIFY(s.open(path));
        s.setServer(s.servers().first().id);
        const QList<IncidentRecord> list = s.incidents();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().state(), QStringLiteral("acknowledged"));
        QCOMPARE(list.first().note, note);
        QCOMPARE(s.incidentEvents(list.first().id).last().text, note);
    }
};

QTEST_GUILESS_MAIN(TestIncidentsCli)
#include "tst_incidents_cli.moc"
