// The incident log feeds the banner (and the notifier): an open incident is an alert, acknowledged or
// silenced stops asking, resolved withdraws it; "Reconocer" on the banner asks for the incident.
#include "incidents/IncidentLog.h"
#include "notify/AlertBanner.h"
#include "notify/DesktopNotifier.h"
#include "notify/IncidentAlerts.h"
#include "store/StoreThread.h"

#include "StoreSupport.h"
#include "TestEnv.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace difusor;
using namespace difusor::ui;

class TestIncidentAlerts final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bannerFollowsTheLog()
    {
        QTemporaryDir dir(test::tempTemplate());
        store::StoreThread thread;
        QSignalSpy opened(&thread, &store::StoreThread::opened);
        thread.open(dir.filePath(QStringLiteral("db.sqlite")));
        QVERIFY(opened.wait(5000));
        const store::ServerStore server = test::identifyServer(thread);
        const incidents::IncidentLog log(server);

        // One incident from an earlier session, still open: alerted at start.
        std::optional<store::IncidentUpdate> old;
        QObject context;
        incidents::Condition c;
        c.kind = QStringLiteral("lag");
        c.subject = QStringLiteral("2024-06-03T03:30:00Z");
        c.detail = QStringLiteral("74 s");
        log.raise(c, &context, [&](const std::optional<store::IncidentUpdate> &u, const QString &) { old = u; });
        QTRY_VERIFY(old.has_value());

        AlertBanner banner;
        DesktopNotifier notifier;
        IncidentAlerts alerts(&thread, &notifier, &banner);
        alerts.loadOpen();
        QTRY_COMPARE(banner.currentKey(), IncidentAlerts::keyOf(old->incident.id));
        QCOMPARE(banner.severityText(), incidents::severityText(QStringLiteral("critical")).toUpper());

        // A minor one joins the banner ("y 1 más"), not the desktop.
        c.kind = QStringLiteral("traffic_spike");
        c.subject = QStringLiteral("access_log");
        log.raise(c);
        QTRY_COMPARE(banner.pendingCount(), 2);
        QVERIFY(!notifier.keys().contains(IncidentAlerts::keyOf(old->incident.id + 1)));
        QVERIFY(notifier.keys().contains(IncidentAlerts::keyOf(old->incident.id)));

        // "Reconocer" asks for the incident; nothing is acknowledged from the banner itself.
        QSignalSpy ack(&alerts, &IncidentAlerts::acknowledgeRequested);
        QTest::mouseClick(banner.acknowledgeButton(), Qt::LeftButton);
        QCOMPARE(ack.size(), 1);
        QCOMPARE(ack.first().first().toLongLong(), old->incident.id);

        // Acknowledged in the log (with a note): the banner moves on to the other one.
        bool done = false;
        log.act(old->incident.id, store::IncidentAction::Acknowledge, QStringLiteral("ana"), QStringLiteral("visto"), &context,
                [&](const std::optional<store::IncidentUpdate> &u, const QString &) { done = u.has_value(); });
        QTRY_VERIFY(done);
        QTRY_COMPARE(banner.pendingCount(), 1);
        QCOMPARE(banner.currentKey(), IncidentAlerts::keyOf(old->incident.id + 1));
        // Resolved: withdrawn; nothing left, the banner hides.
        log.clear(QStringLiteral("traffic_spike"), QStringLiteral("access_log"), QDateTime::currentDateTimeUtc());
        QTRY_COMPARE(banner.pendingCount(), 0);
        QVERIFY(banner.isHidden());
    }
};

QTEST_MAIN(TestIncidentAlerts)
#include "tst_incidentalerts.moc"
