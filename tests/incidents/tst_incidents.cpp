// The one incident log (core/incidents over the store): states, observations, the timeline, the
// technician's actions and their refusals, defaults per kind, the reads that span servers, the JSON,
// CSV and summary forms, the check rule and the connection rule.
#include "incidents/CheckIncidents.h"
#include "incidents/ConnectionWatch.h"
#include "incidents/IncidentJson.h"
#include "incidents/IncidentLog.h"
#include "store/Store.h"
#include "store/StoreThread.h"

#include "../ui/FakeHost.h"
#include "StoreSupport.h"
#include "TestEnv.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace difusor;
using namespace difusor::store;

namespace {

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs);
}

IncidentRecord condition(const QString &kind, const QString &subject, const char *started, const char *detected)
{
    IncidentRecord c;
    c.kind = kind;
    c.subject = subject;
    c.title = incidents::kindTitle(kind);
    c.detail = QStringLiteral("detalle");
    c.openedUtc = at(started);
    c.detectedUtc = at(detected);
    return c;
}

QJsonObject check(const QString &id, const QString &status)
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("status"), status}, {QStringLiteral("title"), id},
            {QStringLiteral("expected"), QStringLiteral("sí")}, {QStringLiteral("actual"), QStringLiteral("no")}};
}

} // namespace

class TestIncidents final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lifecycleAndTimes()
    {
        QTemporaryDir dir(test::tempTemplate());
        Store s;
        QVERIFY(s.open(dir.filePath(QStringLiteral("db.sqlite"))));
        QVERIFY(test::useServer(s) > 0);
        // Onset: the slot the cut was due; detected 17.5 s later.
        const auto opened = s.raiseIncident(condition(QStringLiteral("skipped_cut"), QStringLiteral("2024-06-03T03:30:00Z"),
                                                      "2024-06-03T03:45:00Z", "2024-06-03T03:45:17.5Z"));
        QVERIFY(opened && opened->opened && opened->changed);
        const qint64 id = opened->incident.id;
        QCOMPARE(opened->incident.state(), QStringLiteral("open"));
        QCOMPARE(opened->incident.severity, QStringLiteral("critical"));
        QCOMPARE(opened->incident.affectsPublication, std::optional<bool>(true));
        QCOMPARE(opened->incident.timeToDetectS(), std::optional<double>(17.5));
        QCOMPARE(opened->event.type, QStringLiteral("opened"));
        QCOMPARE(opened->event.actor, QStringLiteral("consola"));

        // The same condition while unresolved: an observation of the same incident.
        auto again = s.raiseIncident(condition(QStringLiteral("skipped_cut"), QStringLiteral("2024-06-03T03:30:00Z"),
                                               "2024-06-03T03:45:00Z", "2024-06-03T03:46:00Z"));
        QVERIFY(again && !again->opened);
        QCOMPARE(again->incident.id, id);
        QCOMPARE(again->incident.observations, 2);
        QCOMPARE(again->event.type, QStringLiteral("observation"));

        // Acknowledge needs a note; a second acknowledgement is refused.
        QVERIFY(!s.actOnIncident(id, IncidentAction::Acknowledge, QStringLiteral("ana"), QStringLiteral("  "), at("2024-06-03T03:47:00Z")));
        QVERIFY(s.lastError().contains(QStringLiteral("nota")));
        const auto ack = s.actOnIncident(id, IncidentAction::Acknowledge, QStringLiteral("ana"),
                                         QStringLiteral("El IEPC confirma el corte omitido"), at("2024-06-03T03:47:17.5Z"));
        QVERIFY(ack);
        QCOMPARE(ack->incident.state(), QStringLiteral("acknowledged"));
        QCOMPARE(ack->incident.acknowledgedBy, QStringLiteral("ana"));
        QCOMPARE(ack->incident.timeToAcknowledgeS(), std::optional<double>(120.0));
        QVERIFY(!s.actOnIncident(id, IncidentAction::Acknowledge, QStringLiteral("beto"), QStringLiteral("otra"), at("2024-06-03T03:48:00Z")));
        // Still the same incident when seen again after the acknowledgement.
        QCOMPARE(s.raiseIncident(condition(QStringLiteral("skipped_cut"), QStringLiteral("2024-06-03T03:30:00Z"),
                                           "2024-06-03T03:45:00Z", "2024-06-03T03:48:00Z"))->incident.id, id);

        // The technician changes what the rule guessed.
        QVERIFY(s.actOnIncident(id, IncidentAction::SetAffects, QStringLiteral("ana"), QStringLiteral("false"), at("2024-06-03T03:49:00Z")));
        QVERIFY(!s.actOnIncident(id, IncidentAction::SetAffects, QStringLiteral("ana"), QStringLiteral("quizá"), at("2024-06-03T03:49:00Z")));
        QVERIFY(s.actOnIncident(id, IncidentAction::SetSeverity, QStringLiteral("ana"), QStringLiteral("major"), at("2024-06-03T03:49:00Z")));
        QVERIFY(!s.actOnIncident(id, IncidentAction::SetSeverity, QStringLiteral("ana"), QStringLiteral("grave"), at("2024-06-03T03:49:00Z")));
        QVERIFY(s.actOnIncident(id, IncidentAction::SetRootCause, QStringLiteral("ana"), QStringLiteral("El IEPC no generó el corte"), at("2024-06-03T03:49:30Z")));

        // Resolve manually needs a note; resolved twice is refused; reopen, then resolve again.
        QVERIFY(!s.actOnIncident(id, IncidentAction::Resolve, QStringLiteral("ana"), QString(), at("2024-06-03T03:50:00Z")));
        const auto resolved = s.actOnIncident(id, IncidentAction::Resolve, QStringLiteral("ana"), QStringLiteral("Confirmado con el IEPC"),
                                              at("2024-06-03T03:50:17.5Z"));
        QVERIFY(resolved);
        QCOMPARE(resolved->incident.resolution, QStringLiteral("manual"));
        QCOMPARE(resolved->incident.timeToResolveS(), std::optional<double>(300.0));
        QVERIFY(!s.actOnIncident(id, IncidentAction::Resolve, QStringLiteral("ana"), QStringLiteral("otra vez"), at("2024-06-03T03:51:00Z")));
        // After resolution the same condition is a new incident.
        const auto fresh = s.raiseIncident(condition(QStringLiteral("skipped_cut"), QStringLiteral("2024-06-03T03:30:00Z"),
                                                     "2024-06-03T03:45:00Z", "2024-06-03T03:52:00Z"));
        QVERIFY(fresh && fresh->opened && fresh->incident.id != id);

        const QList<IncidentEvent> events = s.incidentEvents(id);
        QStringList types;
        for (const IncidentEvent &e : events)
            types << e.type;
        QCOMPARE(types, (QStringList{QStringLiteral("opened"), QStringLiteral("observation"), QStringLiteral("ack"),
                                     QStringLiteral("observation"), QStringLiteral("affects"), QStringLiteral("severity"),
                                     QStringLiteral("root_cause"), QStringLiteral("resolved")}));
        const auto stored = s.incident(id);
        QCOMPARE(stored->severity, QStringLiteral("major"));
        QCOMPARE(stored->affectsPublication, std::optional<bool>(false));
        QCOMPARE(stored->rootCause, QStringLiteral("El IEPC no generó el corte"));
        QVERIFY(s.actOnIncident(id, IncidentAction::Reopen, QStringLiteral("ana"), QString(), at("2024-06-03T03:53:00Z")));
        QCOMPARE(s.incident(id)->state(), QStringLiteral("acknowledged"));
        QVERIFY(!s.actOnIncident(id, IncidentAction::Reopen, QStringLiteral("ana"), QString(), at("2024-06-03T03:53:30Z")));
    }

    void silenceNeedsAReasonAndEndsWithTheCondition()
    {
        QTemporaryDir dir(test::tempTemplate());
        Store s;
        QVERIFY(s.open(dir.filePath(QStringLiteral("db.sqlite"))));
        QVERIFY(test::useServer(s) > 0);
        const auto spike = s.raiseIncident(condition(QStringLiteral("traffic_spike"), QStringLiteral("access_log"),
                                                     "2024-06-03T03:00:00Z", "2024-06-03T03:00:05Z"));
        QCOMPARE(spike->incident.severity, QStringLiteral("minor"));
        QCOMPARE(spike->incident.affectsPublication, std::optional<bool>(false));
        const qint64 id = spike->incident.id;
        QVERIFY(!s.actOnIncident(id, IncidentAction::Silence, QStringLiteral("ana"), QString(), at("2024-06-03T03:01:00Z")));
        QVERIFY(s.lastError().contains(QStringLiteral("motivo")));
        const auto silenced = s.actOnIncident(id, IncidentAction::Silence, QStringLiteral("ana"),
                                              QStringLiteral("Conferencia de prensa: el pico es esperado"), at("2024-06-03T03:01:00Z"));
        QVERIFY(silenced && silenced->incident.isSilenced());
        QCOMPARE(silenced->incident.state(), QStringLiteral("open")); // silenced is not acknowledged
        const auto cleared = s.clearIncident(QStringLiteral("traffic_spike"), QStringLiteral("access_log"), at("2024-06-03T03:05:00Z"));
        QVERIFY(cleared && cleared->changed);
        QCOMPARE(cleared->incident.resolution, QStringLiteral("auto"));
        QCOMPARE(cleared->incident.resolvedBy, QStringLiteral("consola"));
        QVERIFY(!cleared->incident.isSilenced());
        QVERIFY(cleared->event.text.contains(QStringLiteral("silencio")));
        // A new spike is a new incident, not silenced.
        const auto next = s.raiseIncident(condition(QStringLiteral("traffic_spike"), QStringLiteral("access_log"),
                                                    "2024-06-03T04:00:00Z", "2024-06-03T04:00:05Z"));
        QVERIFY(next->opened && !next->incident.isSilenced());
        // Unknown kinds are major (an unknown problem is not harmless); connection_lost cannot tell.
        QCOMPARE(s.raiseIncident(condition(QStringLiteral("algo_nuevo"), {}, "2024-06-03T04:00:00Z", "2024-06-03T04:00:00Z"))->incident.severity,
                 QStringLiteral("major"));
        const auto lost = s.raiseIncident(condition(QStringLiteral("connection_lost"), QStringLiteral("ssh"), "2024-06-03T04:00:00Z", "2024-06-03T04:00:31Z"));
        QCOMPARE(lost->incident.severity, QStringLiteral("critical"));
        QVERIFY(!lost->incident.affectsPublication.has_value());
    }

    void timelineIsAppendOnly()
    {
        QTemporaryDir dir(test::tempTemplate());
        Store s;
        QVERIFY(s.open(dir.filePath(QStringLiteral("db.sqlite"))));
        QVERIFY(test::useServer(s) > 0);
        QVERIFY(s.raiseIncident(condition(QStringLiteral("lag"), QStringLiteral("2024-06-03T03:30:00Z"), "2024-06-03T03:31:00Z",
                                          "2024-06-03T03:31:00Z")));
        QString updateError;
        QString deleteError;
        QVERIFY(!s.transaction([&](QSqlDatabase &db) {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("UPDATE incident_events SET text = 'otro'"))) {
                updateError = q.lastError().text();
                return false;
            }
            return true;
        }));
        QVERIFY(!s.transaction([&](QSqlDatabase &db) {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("DELETE FROM incident_events"))) {
                deleteError = q.lastError().text();
                return false;
            }
            return true;
        }));
        QVERIFY2(updateError.contains(QStringLiteral("append-only")), qPrintable(updateError));
        QVERIFY2(deleteError.contains(QStringLiteral("append-only")), qPrintable(deleteError));
        QCOMPARE(s.incidentEvents(1).size(), 1);
    }

    void serversKeepTheirOwnAndReadsSpanThem()
    {
        QTemporaryDir dir(test::tempTemplate());
        Store s;
        QVERIFY(s.open(dir.filePath(QStringLiteral("db.sqlite"))));
        const qint64 a = test::useServer(s, QStringLiteral("norte"), QStringLiteral("SHA256:a"));
        const qint64 lagA = s.raiseIncident(condition(QStringLiteral("lag"), QStringLiteral("c1"), "2024-06-03T03:31:00Z",
                                                      "2024-06-03T03:31:02Z"))->incident.id;
        const qint64 b = test::useServer(s, QStringLiteral("sur"), QStringLiteral("SHA256:b"));
        // The same condition on another server is another incident; a's id is not b's to touch.
        const auto lagB = s.raiseIncident(condition(QStringLiteral("lag"), QStringLiteral("c1"), "2024-06-03T03:31:00Z",
                                                    "2024-06-03T03:31:03Z"));
        QVERIFY(lagB->opened && lagB->incident.id != lagA);
        QVERIFY(!s.actOnIncident(lagA, IncidentAction::Acknowledge, QStringLiteral("x"), QStringLiteral("nota"), at("2024-06-03T03:32:00Z")));
        QVERIFY(s.raiseIncident(condition(QStringLiteral("traffic_flood"), QStringLiteral("198.51.100.7"), "2024-06-03T05:00:00Z",
                                          "2024-06-03T05:00:00Z")));
        QVERIFY(s.clearIncident(QStringLiteral("traffic_flood"), QStringLiteral("198.51.100.7"), at("2024-06-03T05:10:00Z")));

        s.setServer(0);
        IncidentFilter all;
        QCOMPARE(s.findIncidents(all).size(), 3);
        QCOMPARE(s.findIncidents(all).first().serverName, QStringLiteral("sur")); // newest first
        IncidentFilter onlyA;
        onlyA.serverId = a;
        QCOMPARE(s.findIncidents(onlyA).size(), 1);
        IncidentFilter resolved;
        resolved.state = QStringLiteral("resolved");
        QCOMPARE(s.findIncidents(resolved).size(), 1);
        IncidentFilter unresolved;
        unresolved.state = QStringLiteral("unresolved");
        QCOMPARE(s.findIncidents(unresolved).size(), 2);
        IncidentFilter critical;
        critical.severity = QStringLiteral("critical");
        QCOMPARE(s.findIncidents(critical).size(), 2);
        IncidentFilter since;
        since.sinceUtc = at("2024-06-03T04:00:00Z"); // the two lags are still going at 04:00
        QCOMPARE(s.findIncidents(since).size(), 3);
        since.untilUtc = at("2024-06-03T04:30:00Z");
        QCOMPARE(s.findIncidents(since).size(), 2);
        IncidentFilter kind;
        kind.kind = QStringLiteral("traffic_flood");
        kind.serverIds = {a, b};
        QCOMPARE(s.findIncidents(kind).size(), 1);
    }

    void jsonCsvAndSummary()
    {
        IncidentRecord i;
        i.id = 7;
        i.serverName = QStringLiteral("norte");
        i.kind = QStringLiteral("late_cut");
        i.subject = QStringLiteral("2024-06-03T03:30:00Z");
        i.severity = QStringLiteral("major");
        i.affectsPublication = true;
        i.title = QStringLiteral("=HYPERLINK(\"x\")");
        i.detail = QStringLiteral("línea 1, con coma\nlínea 2");
        i.openedUtc = at("2024-06-03T03:47:00Z");
        i.detectedUtc = at("2024-06-03T03:47:01.5Z");
        i.closedUtc = at("2024-06-03T03:50:00Z");
        i.resolution = QStringLiteral("auto");
        const QList<IncidentEvent> events{{1, 7, at("2024-06-03T03:47:01.5Z"), QStringLiteral("consola"), QStringLiteral("opened"), {}}};
        const QJsonObject o = incidents::incidentToJson(i, &events);
        for (const char *key : {"id", "server", "kind", "severity", "state", "affects_publication", "title", "started_at",
                                "detected_at", "acknowledged_at", "resolved_at", "resolution", "ttd_s", "tta_s", "ttr_s", "events"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("resolved"));
        QCOMPARE(o.value(QStringLiteral("started_at")).toString(), QStringLiteral("2024-06-03T03:47:00.000Z"));
        QVERIFY(o.value(QStringLiteral("acknowledged_at")).isNull());
        QVERIFY(o.value(QStringLiteral("tta_s")).isNull());
        QCOMPARE(o.value(QStringLiteral("ttd_s")).toDouble(), 1.5);
        QCOMPARE(o.value(QStringLiteral("ttr_s")).toDouble(), 178.5);
        QCOMPARE(o.value(QStringLiteral("events")).toArray().first()[QLatin1String("type")].toString(), QStringLiteral("opened"));

        const QByteArray csv = incidents::incidentsToCsv({i});
        const QList<QByteArray> lines = csv.split('\n');
        QVERIFY(lines.first().startsWith("id,server,kind,subject,severity,state,affects_publication,"));
        QVERIFY(csv.contains("\"'=HYPERLINK(\"\"x\"\")\"")); // a formula is text, quotes doubled
        QVERIFY(csv.contains("\"línea 1, con coma\nlínea 2\""));

        IncidentRecord j = i;
        j.kind = QStringLiteral("lag");
        j.openedUtc = at("2024-06-03T07:00:00Z"); // 01:00 UTC-6: still the night of 2 June
        j.detectedUtc = at("2024-06-03T07:00:03.5Z");
        j.acknowledgedUtc = at("2024-06-03T07:01:03.5Z");
        j.closedUtc = {};
        const QJsonObject sum = incidents::incidentSummary({i, j});
        QCOMPARE(sum[QLatin1String("all")][QLatin1String("count")].toInt(), 2);
        QCOMPARE(sum[QLatin1String("all")][QLatin1String("mean_ttd_s")].toDouble(), 2.5);
        QCOMPARE(sum[QLatin1String("all")][QLatin1String("mean_tta_s")].toDouble(), 60.0);
        QCOMPARE(sum[QLatin1String("by_kind")][QLatin1String("lag")][QLatin1String("count")].toInt(), 1);
        QCOMPARE(sum[QLatin1String("by_night")].toObject().keys(), QStringList{QStringLiteral("2024-06-02")});
        QCOMPARE(incidents::nightOf(at("2024-06-02T17:59:00Z")), QStringLiteral("2024-06-01")); // 11:59 local
        QCOMPARE(incidents::nightOf(at("2024-06-02T18:00:00Z")), QStringLiteral("2024-06-02")); // 12:00 local
    }

    void checkRuleRaisesOnPassToFail()
    {
        QTemporaryDir dir(test::tempTemplate());
        Store s;
        QVERIFY(s.open(dir.filePath(QStringLiteral("db.sqlite"))));
        QVERIFY(test::useServer(s) > 0);
        const QJsonArray first{check(QStringLiteral("net.firewall"), QStringLiteral("pass")),
                               check(QStringLiteral("hw.cpu"), QStringLiteral("fail"))};
        // A first run that fails is not a change: nothing was lost.
        QVERIFY(incidents::judgeCheckRun(s, {}, first, at("2024-06-03T01:00:00Z")));
        QVERIFY(s.incidents().isEmpty());
        const QJsonArray second{check(QStringLiteral("net.firewall"), QStringLiteral("fail")),
                                check(QStringLiteral("hw.cpu"), QStringLiteral("fail"))};
        QVERIFY(incidents::judgeCheckRun(s, first, second, at("2024-06-03T01:10:00Z")));
        QCOMPARE(s.incidents(true).size(), 1);
        const IncidentRecord failed = s.incidents(true).first();
        QCOMPARE(failed.kind, QStringLiteral("check_failed"));
        QCOMPARE(failed.subject, QStringLiteral("net.firewall"));
        QCOMPARE(failed.evidence[QLatin1String("check")][QLatin1String("status")].toString(), QStringLiteral("fail"));
        // Still failing: an observation; unknown: nothing changes; passing again: resolved.
        QVERIFY(incidents::judgeCheckRun(s, second, second, at("2024-06-03T01:20:00Z")));
        QCOMPARE(s.incident(failed.id)->observations, 2);
        const QJsonArray unknown{check(QStringLiteral("net.firewall"), QStringLiteral("unknown"))};
        QVERIFY(incidents::judgeCheckRun(s, second, unknown, at("2024-06-03T01:30:00Z")));
        QVERIFY(s.incident(failed.id)->isOpen());
        QVERIFY(incidents::judgeCheckRun(s, unknown, first, at("2024-06-03T01:40:00Z")));
        QCOMPARE(s.incident(failed.id)->resolution, QStringLiteral("auto"));
        QCOMPARE(s.incident(failed.id)->closedUtc, at("2024-06-03T01:40:00Z"));
    }

    // Through the store thread, as the window and `watch` use it: `done` after the commit, and every
    // listener of the StoreThread told; a carried-over incident not seen again is settled.
    void logOnTheStoreThread()
    {
        QTemporaryDir dir(test::tempTemplate());
        StoreThread thread;
        QSignalSpy opened(&thread, &StoreThread::opened);
        thread.open(dir.filePath(QStringLiteral("db.sqlite")));
        QVERIFY(opened.wait(5000));
        const ServerStore server = test::identifyServer(thread);
        QVERIFY(server.isValid());
        QSignalSpy changed(&thread, &StoreThread::incidentChanged);
        const incidents::IncidentLog log(server);
        QObject context;
        std::optional<IncidentUpdate> answer;
        incidents::Condition c;
        c.kind = QStringLiteral("stale_site");
        c.subject = QStringLiteral("2024-06-03T03:30:00Z");
        c.detectedUtc = QDateTime::currentDateTimeUtc().addSecs(-600);
        log.raise(c, &context, [&](const std::optional<IncidentUpdate> &u, const QString &) { answer = u; });
        QTRY_VERIFY(answer.has_value());
        QCOMPARE(answer->incident.title, incidents::kindTitle(QStringLiteral("stale_site")));
        QTRY_COMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().value<IncidentUpdate>().incident.id, answer->incident.id);

        QString refused;
        bool refusedDone = false;
        log.act(answer->incident.id, IncidentAction::Acknowledge, QStringLiteral("ana"), QString(), &context,
                [&](const std::optional<IncidentUpdate> &u, const QString &error) {
                    refusedDone = !u;
                    refused = error;
                });
        QTRY_VERIFY(refusedDone);
        QVERIFY(!refused.isEmpty());

        // Seen 10 minutes ago, not since the watch resumed: settled as ended.
        log.settleCarriedOver({QStringLiteral("stale_site")}, QDateTime::currentDateTimeUtc().addSecs(-5));
        QTRY_COMPARE(changed.size(), 2);
        const IncidentUpdate settled = changed.last().first().value<IncidentUpdate>();
        QCOMPARE(settled.incident.resolution, QStringLiteral("auto"));
        QVERIFY(settled.event.text.contains(QStringLiteral("reanudó")));

        // An invalid log answers, never stays silent.
        bool invalidDone = false;
        incidents::IncidentLog().raise(c, &context, [&](const std::optional<IncidentUpdate> &u, const QString &error) {
            invalidDone = !u && !error.isEmpty();
        });
        QTRY_VERIFY(invalidDone);
    }

    void connectionLostAfterTheGrace()
    {
        QTemporaryDir dir(test::tempTemplate());
        StoreThread thread;
        QSignalSpy opened(&thread, &StoreThread::opened);
        thread.open(dir.filePath(QStringLiteral("db.sqlite")));
        QVERIFY(opened.wait(5000));
        const ServerStore server = test::identifyServer(thread);
        QSignalSpy changed(&thread, &StoreThread::incidentChanged);
        FakeHost host(QStringLiteral("u@difusor:22"));
        host.setState(remote::ConnectionState::Connected);
        incidents::ConnectionWatch watch(&host, incidents::IncidentLog(server));
        watch.setGraceMs(300);
        // A short drop (reconnected within the grace) is no incident.
        host.setState(remote::ConnectionState::Reconnecting, QStringLiteral("reset"));
        QTest::qWait(100);
        host.setState(remote::ConnectionState::Connected);
        QTest::qWait(400);
        QCOMPARE(changed.size(), 0);
        // A long one is, with its onset at the drop; it resolves on reconnection.
        const QDateTime drop = QDateTime::currentDateTimeUtc();
        host.setState(remote::ConnectionState::Reconnecting, QStringLiteral("Connection reset by peer"));
        QTRY_COMPARE(changed.size(), 1);
        const IncidentRecord lost = changed.first().first().value<IncidentUpdate>().incident;
        QCOMPARE(lost.kind, QStringLiteral("connection_lost"));
        QVERIFY(std::llabs(lost.openedUtc.msecsTo(drop)) < 100);
        QVERIFY(lost.detectedUtc >= lost.openedUtc.addMSecs(270)); // a coarse timer may fire 5 % early
        QVERIFY(lost.detail.contains(QStringLiteral("reset by peer")));
        host.setState(remote::ConnectionState::Connected);
        QTRY_COMPARE(changed.size(), 2);
        QCOMPARE(changed.last().first().value<IncidentUpdate>().incident.state(), QStringLiteral("resolved"));
    }
};

QTEST_GUILESS_MAIN(TestIncidents)
#include "tst_incidents.moc"
