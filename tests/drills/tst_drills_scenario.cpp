// Drill scenarios: the built-in ones (valid for any sandbox pace, one per fault, the night), loading a
// scenario file with the problems named by field, the refusal of a fault scenario on a profile that is
// not a sandbox's, and the drills' rows in the store (schema 6).
#include "TestEnv.h"

#include "drills/BuiltinScenarios.h"
#include "drills/DrillRunner.h"
#include "drills/Scenario.h"
#include "sandbox/Sandbox.h"
#include "store/Schema.h"
#include "store/Store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace difusor;
using namespace difusor::drills;

namespace {

// A small valid scenario; tests break one field at a time.
QJsonObject goodExperiment()
{
    auto process = [](const QStringList &args) {
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("process")},
                           {QStringLiteral("path"), QStringLiteral("difusor-console")},
                           {QStringLiteral("arguments"), QJsonArray::fromStringList(args)}};
    };
    return QJsonObject{
        {QStringLiteral("version"), QStringLiteral("1.0.0")},
        {QStringLiteral("title"), QStringLiteral("Sitio caído")},
        {QStringLiteral("description"), QStringLiteral("El nginx del difusor se detiene 8 s.")},
        {QStringLiteral("tags"), QJsonArray{QStringLiteral("difusor")}},
        {QStringLiteral("steady-state-hypothesis"),
         QJsonObject{{QStringLiteral("title"), QStringLiteral("Sin incidentes")},
                     {QStringLiteral("probes"),
                      QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("probe")},
                                             {QStringLiteral("name"), QStringLiteral("quieto")},
                                             {QStringLiteral("provider"),
                                              process({QStringLiteral("incidents"), QStringLiteral("--profile"), QStringLiteral("${profile}"),
                                                       QStringLiteral("--state"), QStringLiteral("unresolved"), QStringLiteral("--format"),
                                                       QStringLiteral("json")})},
                                             {QStringLiteral("tolerance"), 0}}}}}},
        {QStringLiteral("method"),
         QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("action")},
                                {QStringLiteral("name"), QStringLiteral("caida")},
                                {QStringLiteral("provider"),
                                 process({QStringLiteral("sandbox"), QStringLiteral("fault"), QStringLiteral("--profile"),
                                          QStringLiteral("${profile}"), QStringLiteral("site_down"), QStringLiteral("--duration"),
                                          QStringLiteral("8")})},
                                {QStringLiteral("pauses"), QJsonObject{{QStringLiteral("after"), 2}}}}}},
        {QStringLiteral("rollbacks"),
         QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("action")},
                                {QStringLiteral("name"), QStringLiteral("terminar")},
                                {QStringLiteral("provider"), process({QStringLiteral("sandbox"), QStringLiteral("end-faults"),
                                                                      QStringLiteral("--profile"), QStringLiteral("${profile}")})}}}},
        {QStringLiteral("extensions"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("difusor-console")},
                                {QStringLiteral("target"), QStringLiteral("sandbox")},
                                {QStringLiteral("expectations"),
                                 QJsonArray{QJsonObject{{QStringLiteral("fault"), QStringLiteral("caida")},
                                                        {QStringLiteral("incident"), QStringLiteral("site_unreachable")},
                                                        {QStringLiteral("subject"), QStringLiteral("difusor")},
                                                        {QStringLiteral("within_s"), 15},
                                                        {QStringLiteral("resolved_within_s"), 20},
                                                        {QStringLiteral("weight"), 2}}}},
                                {QStringLiteral("forbidden"), QJsonArray{QStringLiteral("connection_lost")}},
                                {QStringLiteral("stop_conditions"), QJsonObject{{QStringLiteral("max_duration_s"), 120},
                                                                               {QStringLiteral("abort_on_forbidden"), true}}},
                                {QStringLiteral("profile_overrides"), QJsonObject{{QStringLiteral("late_margin_s"), 3}}}}}}};
}

QByteArray bytes(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

// Replaces the value at a path of object keys and array indexes ("method", 0, "provider", …).
QJsonValue replaced(const QJsonValue &root, const QVariantList &path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    const QVariant head = path.first();
    const QVariantList rest = path.mid(1);
    if (head.typeId() == QMetaType::Int) {
        QJsonArray array = root.toArray();
        array[head.toInt()] = replaced(array.at(head.toInt()), rest, value);
        return array;
    }
    QJsonObject object = root.toObject();
    if (rest.isEmpty() && value.isUndefined())
        object.remove(head.toString());
    else
        object[head.toString()] = replaced(object.value(head.toString()), rest, value);
    return object;
}

} // namespace

class TestDrillsScenario final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void builtinsAreValidAtAnyPace()
    {
        const QStringList names = builtinScenarioNames();
        QStringList faults;
        for (const sandbox::FaultDescription &f : sandbox::Sandbox::faults())
            faults << f.id;
        QCOMPARE(names, faults + QStringList{QStringLiteral("noche_electoral")});
        for (int interval : {1, 4, 5, 60, 900}) {
            for (const QString &name : names) {
                QStringList errors;
                const auto s = builtinScenario(name, interval, &errors);
                QVERIFY2(s, qPrintable(name + QStringLiteral(": ") + errors.join(QStringLiteral("; "))));
                QCOMPARE(s->name, name);
                QCOMPARE(s->target, QStringLiteral("sandbox"));
                QVERIFY(s->injectsFaults());
                QVERIFY(!s->rollbacks.isEmpty());
                QCOMPARE(s->rollbacks.first().kind, Activity::Kind::EndFaults);
                QVERIFY(!s->hypothesis.isEmpty());
                QVERIFY(!s->expectations.isEmpty());
                // What Chaos Toolkit needs of an experiment.
                QVERIFY(!s->experiment.value(QStringLiteral("title")).toString().isEmpty());
                QVERIFY(!s->experiment.value(QStringLiteral("description")).toString().isEmpty());
                QVERIFY(s->experiment.value(QStringLiteral("configuration"))[QLatin1String("profile")].isObject());
                if (name != QLatin1String("noche_electoral"))
                    QCOMPARE(s->faultIds(), QStringList{name});
            }
        }
        // log_rotation expects NO incident: its one expectation is an absence.
        const auto rotation = builtinScenario(QStringLiteral("log_rotation"), 5);
        QCOMPARE(rotation->expectations.size(), 1);
        QVERIFY(rotation->expectations.first().absent);
        QCOMPARE(rotation->expectations.first().incident, QStringLiteral("traffic_log_silent"));
        // errors_5xx: the page's 503 and the access log's 5xx share.
        const auto errors = builtinScenario(QStringLiteral("errors_5xx"), 5);
        QCOMPARE(errors->expectations.size(), 2);
        // The night: every fault at least once, some overlapping (a fault injected a few seconds after
        // another one that lasts longer), about 20 minutes at a 5 s pace.
        const auto night = builtinScenario(QStringLiteral("noche_electoral"), 5);
        for (const QString &fault : faults)
            QVERIFY2(night->faultIds().contains(fault), qPrintable(fault));
        double total = night->warmupS;
        int overlaps = 0;
        for (const Activity &a : night->method) {
            total += a.pauseBeforeS + a.pauseAfterS;
            if (a.pauseAfterS > 0 && a.pauseAfterS <= 10)
                ++overlaps;
        }
        QVERIFY2(overlaps >= 2, qPrintable(QString::number(overlaps)));
        QVERIFY2(total > 12 * 60 && total < 22 * 60, qPrintable(QString::number(total)));
        QVERIFY(night->maxDurationS < 25 * 60 + 600);
        // A built-in is an ordinary file: what `drill show` prints loads back the same.
        QStringList errs;
        const auto again = parseScenario(QJsonDocument(builtinExperiment(QStringLiteral("late_cut"), 5)).toJson(),
                                         QStringLiteral("late_cut.json"), &errs);
        QVERIFY2(again, qPrintable(errs.join(QStringLiteral("; "))));
        QCOMPARE(again->faultIds(), QStringList{QStringLiteral("late_cut")});
        QVERIFY(!builtinScenario(QStringLiteral("no_such"), 5).has_value());
    }

    void goodFileLoads()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("caida.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes(goodExperiment()));
        file.close();
        QStringList errors;
        const auto s = loadScenarioFile(path, &errors);
        QVERIFY2(s, qPrintable(errors.join(QStringLiteral("; "))));
        QCOMPARE(s->name, QStringLiteral("caida"));
        QCOMPARE(s->method.size(), 1);
        QCOMPARE(s->method.first().fault, sandbox::FaultKind::SiteDown);
        QCOMPARE(s->method.first().faultArgs.durationS, 8);
        QCOMPARE(s->method.first().pauseAfterS, 2.0);
        QCOMPARE(s->expectations.first().weight, 2.0);
        QCOMPARE(*s->expectations.first().resolvedWithinS, 20.0);
        QCOMPARE(s->forbidden, QStringList{QStringLiteral("connection_lost")});
        QCOMPARE(s->maxDurationS, 120);
        QCOMPARE(s->profileOverrides.value(QStringLiteral("late_margin_s")).toDouble(), 3.0);
        QCOMPARE(s->hypothesis.first().tolerance->type, Tolerance::Type::ExitStatus);
        QCOMPARE(s->faultIds(), QStringList{QStringLiteral("site_down")});
    }

    void badFilesNameTheField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("why");
        const QJsonObject good = goodExperiment();
        auto broken = [&](const QVariantList &path, const QJsonValue &value) { return bytes(replaced(good, path, value).toObject()); };
        const QVariantList args{QStringLiteral("method"), 0, QStringLiteral("provider"), QStringLiteral("arguments")};
        const QVariantList expectation{QStringLiteral("extensions"), 0, QStringLiteral("expectations"), 0};
        const QVariantList ext{QStringLiteral("extensions"), 0};

        QByteArray syntax = bytes(good);
        syntax.insert(syntax.indexOf("\"method\""), "oops ");
        QTest::newRow("syntax") << syntax << QStringLiteral("línea ") << QStringLiteral("JSON no válido");
        QTest::newRow("no title") << broken({QStringLiteral("title")}, QJsonValue::Undefined) << QStringLiteral("title:")
                                  << QStringLiteral("falta");
        QTest::newRow("no method") << broken({QStringLiteral("method")}, QJsonValue::Undefined) << QStringLiteral("method:")
                                   << QStringLiteral("falta");
        QTest::newRow("unknown fault")
            << broken(args, QJsonArray{QStringLiteral("sandbox"), QStringLiteral("fault"), QStringLiteral("--profile"),
                                       QStringLiteral("${profile}"), QStringLiteral("site_gone")})
            << QStringLiteral("method[0].provider.arguments:") << QStringLiteral("site_gone");
        QTest::newRow("other profile")
            << broken(args, QJsonArray{QStringLiteral("sandbox"), QStringLiteral("fault"), QStringLiteral("--profile"),
                                       QStringLiteral("/etc/difusor/produccion.json"), QStringLiteral("site_down")})
            << QStringLiteral("method[0].provider.arguments:") << QStringLiteral("${profile}");
        QTest::newRow("other program")
            << broken({QStringLiteral("method"), 0, QStringLiteral("provider"), QStringLiteral("path")}, QStringLiteral("/bin/rm"))
            << QStringLiteral("method[0].provider.path:") << QStringLiteral("difusor-console");
        QTest::newRow("python provider")
            << broken({QStringLiteral("method"), 0, QStringLiteral("provider"), QStringLiteral("type")}, QStringLiteral("python"))
            << QStringLiteral("method[0].provider.type:") << QStringLiteral("process");
        QTest::newRow("other command")
            << broken(args, QJsonArray{QStringLiteral("sandbox"), QStringLiteral("run")}) << QStringLiteral("method[0].provider.arguments:")
            << QStringLiteral("orden no admitida");
        QTest::newRow("background")
            << broken({QStringLiteral("method"), 0, QStringLiteral("background")}, true) << QStringLiteral("method[0].background:")
            << QStringLiteral("segundo plano");
        QTest::newRow("negative pause")
            << broken({QStringLiteral("method"), 0, QStringLiteral("pauses"), QStringLiteral("after")}, -3)
            << QStringLiteral("method[0].pauses.after:") << QStringLiteral("fuera de");
        QTest::newRow("jsonpath tolerance")
            << broken({QStringLiteral("steady-state-hypothesis"), QStringLiteral("probes"), 0, QStringLiteral("tolerance")},
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("jsonpath")}, {QStringLiteral("path"), QStringLiteral("$.x")}})
            << QStringLiteral("steady-state-hypothesis.probes[0].tolerance.type:") << QStringLiteral("jsonpath");
        QTest::newRow("no tolerance")
            << broken({QStringLiteral("steady-state-hypothesis"), QStringLiteral("probes"), 0, QStringLiteral("tolerance")},
                      QJsonValue::Undefined)
            << QStringLiteral("steady-state-hypothesis.probes[0].tolerance:") << QStringLiteral("tolerancia");
        QTest::newRow("fault in rollbacks")
            << broken({QStringLiteral("rollbacks"), 0, QStringLiteral("provider"), QStringLiteral("arguments")},
                      QJsonArray{QStringLiteral("sandbox"), QStringLiteral("fault"), QStringLiteral("--profile"),
                                 QStringLiteral("${profile}"), QStringLiteral("late_cut")})
            << QStringLiteral("rollbacks[0].provider.arguments:") << QStringLiteral("reversión");
        QTest::newRow("no extension") << broken({QStringLiteral("extensions")}, QJsonArray()) << QStringLiteral("extensions:")
                                      << QStringLiteral("difusor-console");
        QTest::newRow("bad target") << broken(ext + QVariantList{QStringLiteral("target")}, QStringLiteral("produccion"))
                                    << QStringLiteral("extensions[0].target:") << QStringLiteral("produccion");
        QTest::newRow("misspelt key") << broken(ext + QVariantList{QStringLiteral("forbiden")}, QJsonArray())
                                      << QStringLiteral("extensions[0].forbiden:") << QStringLiteral("clave desconocida");
        QTest::newRow("unknown action")
            << broken(expectation + QVariantList{QStringLiteral("fault")}, QStringLiteral("caída"))
            << QStringLiteral("extensions[0].expectations[0].fault:") << QStringLiteral("caída");
        QTest::newRow("unknown kind")
            << broken(expectation + QVariantList{QStringLiteral("incident")}, QStringLiteral("site_slow"))
            << QStringLiteral("extensions[0].expectations[0].incident:") << QStringLiteral("site_slow");
        QTest::newRow("no window") << broken(expectation + QVariantList{QStringLiteral("within_s")}, QJsonValue::Undefined)
                                   << QStringLiteral("extensions[0].expectations[0].within_s:") << QStringLiteral("falta");
        QTest::newRow("weight text") << broken(expectation + QVariantList{QStringLiteral("weight")}, QStringLiteral("mucho"))
                                     << QStringLiteral("extensions[0].expectations[0].weight:") << QStringLiteral("número");
        QTest::newRow("expected and forbidden")
            << broken(ext + QVariantList{QStringLiteral("forbidden")}, QJsonArray{QStringLiteral("site_unreachable")})
            << QStringLiteral("extensions[0].expectations[0].incident:") << QStringLiteral("prohibidos");
        QTest::newRow("override host")
            << broken(ext + QVariantList{QStringLiteral("profile_overrides")}, QJsonObject{{QStringLiteral("host"), QStringLiteral("x")}})
            << QStringLiteral("extensions[0].profile_overrides.host:") << QStringLiteral("umbrales");
        QTest::newRow("short max duration")
            << broken(ext + QVariantList{QStringLiteral("stop_conditions"), QStringLiteral("max_duration_s")}, 2)
            << QStringLiteral("extensions[0].stop_conditions.max_duration_s:") << QStringLiteral("fuera de");
        QTest::newRow("observe injects")
            << broken(ext + QVariantList{QStringLiteral("expectations")}, QJsonArray()).replace("\"target\": \"sandbox\"",
                                                                                              "\"target\": \"observe\"")
            << QStringLiteral("method[0]:") << QStringLiteral("nunca inyecta");
    }

    void badFilesNameTheField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, where);
        QFETCH(QString, why);
        QStringList errors;
        QVERIFY(!parseScenario(json, QStringLiteral("x.json"), &errors).has_value());
        QVERIFY(!errors.isEmpty());
        const bool named = std::any_of(errors.begin(), errors.end(), [&](const QString &e) {
            return e.startsWith(where) && e.contains(why);
        });
        QVERIFY2(named, qPrintable(errors.join(QStringLiteral(" | "))));
    }

    void faultScenarioRefusedOffTheSandbox()
    {
        const auto scenario = builtinScenario(QStringLiteral("late_cut"), 60);
        Profile production;
        production.name = QStringLiteral("Difusor Durango");
        production.host = QStringLiteral("difusor.example");
        const QString refused = DrillRunner::refusal(*scenario, production);
        QVERIFY(refused.contains(QStringLiteral("no es de un simulador")));
        // A profile that claims to be a sandbox but whose ground truth is missing is refused too.
        Profile fake = production;
        fake.groundTruth = QStringLiteral("/nonexistent/truth.jsonl");
        fake.extra.insert(QStringLiteral("sandbox"), true);
        fake.extra.insert(QStringLiteral("sandbox_control"), QStringLiteral("/nonexistent/control"));
        QVERIFY(DrillRunner::refusal(*scenario, fake).contains(QStringLiteral("/nonexistent/truth.jsonl")));
        // The runner refuses at start, nothing connected: finished with exit code 2 at once.
        QTemporaryDir dir;
        store::StoreThread thread;
        QSignalSpy opened(&thread, &store::StoreThread::opened);
        thread.open(dir.filePath(QStringLiteral("s.sqlite")));
        QVERIFY(opened.wait(5000));
        DrillRunner runner(*scenario, production, &thread);
        QSignalSpy finished(&runner, &DrillRunner::finished);
        QSignalSpy progress(&runner, &DrillRunner::progress);
        runner.start();
        QVERIFY(finished.wait(2000));
        QCOMPARE(finished.first().at(1).toInt(), 2);
        QCOMPARE(finished.first().first().toJsonObject().value(QStringLiteral("status")).toString(), QStringLiteral("refused"));
        QVERIFY(progress.isEmpty()); // not even "connecting"
        store::Store direct;
        QVERIFY(direct.open(dir.filePath(QStringLiteral("s.sqlite"))));
        QVERIFY(direct.servers().isEmpty());
    }

    void drillsInTheStore()
    {
        QTemporaryDir dir;
        store::Store s;
        QVERIFY(s.open(dir.filePath(QStringLiteral("s.sqlite"))));
        QCOMPARE(s.schemaVersion(), store::latestSchemaVersion());
        QVERIFY(store::latestSchemaVersion() >= 6);
        const auto a = s.registerServer({QStringLiteral("a"), QStringLiteral("SHA256:a"), QStringLiteral("A"), QStringLiteral("h")},
                                        QDateTime::currentDateTimeUtc());
        const auto b = s.registerServer({QStringLiteral("b"), QStringLiteral("SHA256:b"), QStringLiteral("B"), QStringLiteral("h")},
                                        QDateTime::currentDateTimeUtc());
        QVERIFY(a && b);
        store::DrillRecord d;
        d.scenario = QStringLiteral("late_cut");
        d.title = QStringLiteral("Ensayo");
        d.target = QStringLiteral("sandbox");
        d.operatorName = QStringLiteral("ana");
        d.startedUtc = QDateTime::currentDateTimeUtc();
        s.setServer(0);
        QVERIFY(!s.startDrill(d)); // no server: not recorded
        s.setServer(*a);
        const auto id = s.startDrill(d);
        QVERIFY2(id, qPrintable(s.lastError()));
        store::IncidentRecord c;
        c.kind = QStringLiteral("late_cut");
        c.subject = QStringLiteral("x");
        c.detectedUtc = QDateTime::currentDateTimeUtc();
        const auto raised = s.raiseIncident(c);
        QVERIFY(raised);
        const auto other = s.raiseIncident([&] { auto o = c; o.kind = QStringLiteral("lag"); return o; }());
        QVERIFY(s.linkDrillIncident(*id, raised->incident.id, QStringLiteral("other")));
        QVERIFY(s.linkDrillIncident(*id, raised->incident.id, QStringLiteral("expected"))); // the role is replaced
        // Another server's incident is never claimed.
        s.setServer(*b);
        const auto foreign = s.raiseIncident(c);
        s.setServer(*a);
        QVERIFY(!s.linkDrillIncident(*id, foreign->incident.id, QStringLiteral("other")));
        QCOMPARE(s.drillIncidents(*id), (QList<std::pair<qint64, QString>>{{raised->incident.id, QStringLiteral("expected")}}));
        store::IncidentFilter filter;
        filter.drillId = *id;
        const auto mine = s.findIncidents(filter);
        QCOMPARE(mine.size(), 1);
        QCOMPARE(mine.first().id, raised->incident.id);
        QVERIFY(other);
        QCOMPARE(s.drill(*id)->status, QStringLiteral("running"));
        QVERIFY(!s.drill(*id)->score);
        const QJsonObject journal{{QStringLiteral("status"), QStringLiteral("completed")}};
        QVERIFY(s.finishDrill(*id, QStringLiteral("completed"), 1.0, journal, QDateTime::currentDateTimeUtc()));
        const auto done = s.drill(*id);
        QCOMPARE(done->status, QStringLiteral("completed"));
        QCOMPARE(*done->score, 1.0);
        QCOMPARE(done->journal, journal);
        QCOMPARE(done->serverName, QStringLiteral("A"));
        QCOMPARE(done->operatorName, QStringLiteral("ana"));
        QVERIFY(done->endedUtc.isValid());
        QCOMPARE(s.drills().size(), 1);
        s.setServer(*b);
        QVERIFY(s.drills().isEmpty());
        QVERIFY(!s.finishDrill(*id, QStringLiteral("failed"), 0.0, journal, QDateTime::currentDateTimeUtc()));
    }
};

QTEST_GUILESS_MAIN(TestDrillsScenario)
#include "tst_drills_scenario.moc"
