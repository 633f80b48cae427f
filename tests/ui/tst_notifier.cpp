// DesktopNotifier against a fake notification server that really sits on a dbus-daemon, and the
// in-window AlertBanner. Run by ctest under `dbus-run-session --config-file=notifier-bus.conf`: a
// private session bus that can activate nothing, so the fake is the only org.freedesktop.Notifications
// and "no service" means none. The fake lives in this process but on its own bus connection: every
// call and signal goes through the daemon, as with a real notification server.
#include "LoopGapMeter.h"
#include "TestEnv.h"
#include "common/Translations.h"
#include "notify/AlertBanner.h"
#include "notify/DesktopNotifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusContext>
#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QTest>
#include <QVBoxLayout>

using namespace difusor::ui;

namespace {
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");

Alert alert(const QString &key, const QString &severity, const QString &title, const QString &body = {})
{
    return Alert{key, severity, title, body};
}
} // namespace

// Records every call; answers as the specification says (a replaced notification keeps its id).
class FakeNotificationServer final : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct NotifyCall
    {
        QString appName;
        uint replacesId = 0;
        QString appIcon;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
        int expireMs = 0;
        uint id = 0; // what the server answered
    };

    QList<NotifyCall> notifies;
    QList<uint> closes;
    QSet<uint> open;
    QStringList capabilities = {QStringLiteral("actions"), QStringLiteral("body")};
    bool refuseNext = false;
    int replyDelayMs = 0; // a slow server: answers GetCapabilities and Notify this late
    uint lastId = 0;

    void reset()
    {
        notifies.clear();
        closes.clear();
        open.clear();
        capabilities = {QStringLiteral("actions"), QStringLiteral("body")};
        refuseNext = false;
        replyDelayMs = 0;
    }
    QList<NotifyCall> callsTitled(const QString &title) const
    {
        QList<NotifyCall> calls;
        for (const NotifyCall &call : notifies) {
            if (call.summary.endsWith(title))
                calls.append(call);
        }
        return calls;
    }

private:
    // Answers later, from this (the GUI) thread's event loop: a client that waited for the answer on
    // this thread would hang until its call timed out.
    template<typename T>
    T later(const T &value)
    {
        if (replyDelayMs <= 0)
            return value;
        setDelayedReply(true);
        const QDBusMessage reply = message().createReply(QVariant::fromValue(value));
        QTimer::singleShot(replyDelayMs, this, [bus = connection(), reply] { bus.send(reply); });
        return value;
    }

public Q_SLOTS:
    QStringList GetCapabilities() { return later(capabilities); }

    uint Notify(const QString &appName, uint replacesId, const QString &appIcon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints, int expireMs)
    {
        if (refuseNext) {
            refuseNext = false;
            sendErrorReply(QDBusError::InvalidArgs, QStringLiteral("la prueba rechaza esta notificación"));
            return 0;
        }
        const uint id = replacesId != 0 && open.contains(replacesId) ? replacesId : ++lastId;
        open.insert(id);
        notifies.append({appName, replacesId, appIcon, summary, body, actions, hints, expireMs, id});
        return later(id);
    }

    void CloseNotification(uint id)
    {
        closes.append(id);
        if (open.remove(id))
            Q_EMIT NotificationClosed(id, 3);
    }

    QString GetServerInformation(QString &vendor, QString &version, QString &specVersion)
    {
        vendor = QStringLiteral("difusor tests");
        version = QStringLiteral("1");
        specVersion = QStringLiteral("1.2");
        return QStringLiteral("fake");
    }

Q_SIGNALS:
    void NotificationClosed(uint id, uint reason);
    void ActionInvoked(uint id, const QString &actionKey);
};

class TestNotifier final : public QObject
{
    Q_OBJECT
private:
    FakeNotificationServer m_fake;
    QDBusConnection m_server = QDBusConnection(QString());
    std::unique_ptr<DesktopNotifier> m_notifier;

    bool serviceOwned() const
    {
        return QDBusConnection::sessionBus().interface()->isServiceRegistered(kService).value();
    }
    // What the notifier should fall back to here (offscreen: no tray).
    static QString fallback()
    {
        return QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages() ? QStringLiteral("tray")
                                                                                               : QStringLiteral("none");
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!qEnvironmentVariableIsSet("DIFUSOR_PRIVATE_BUS")) {
            // Never on the desktop's own bus: its notification server would get the test's calls.
            if (difusor::test::inCi())
                QFAIL("tst_notifier must run under dbus-run-session (ctest does that)");
            QSKIP("run through ctest: it starts a private bus with dbus-run-session");
        }
        QVERIFY2(QDBusConnection::sessionBus().isConnected(), qPrintable(QDBusConnection::sessionBus().lastError().message()));
        m_server = QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("fake-notification-server"));
        QVERIFY(m_server.isConnected());
        QVERIFY(m_server.baseService() != QDBusConnection::sessionBus().baseService()); // two clients of the daemon
        QVERIFY(m_server.registerObject(kPath, &m_fake, QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals));
    }

    void init()
    {
        m_fake.reset();
        if (!serviceOwned())
            QVERIFY(m_server.registerService(kService));
        QElapsedTimer made;
        made.start();
        m_notifier = std::make_unique<DesktopNotifier>();
        // The constructor only asks the bus daemon (who owns the name; a match rule), never the server.
        qInfo("DesktopNotifier constructed in %lld us (limit 50 ms)", made.nsecsElapsed() / 1000);
        QVERIFY(made.elapsed() < 50);
        QCOMPARE(m_notifier->backend(), QStringLiteral("none")); // nothing known before the bus answers
        QVERIFY(m_notifier->isDetecting());
        QTRY_VERIFY_WITH_TIMEOUT(!m_notifier->isDetecting(), 5000);
        QCOMPARE(m_notifier->backend(), QStringLiteral("dbus"));
    }

    void cleanup()
    {
        // Under load the Notify reply (the id) may still be on its way; without it nothing can be closed.
        if (m_notifier)
            QTRY_VERIFY_WITH_TIMEOUT(!m_notifier->hasCallsInFlight(), 5000);
        m_notifier.reset();
        // The notifier closes what it still shows when it goes (and nothing leaks into the next test).
        if (serviceOwned())
            QTRY_VERIFY_WITH_TIMEOUT(m_fake.open.isEmpty(), 3000);
    }

    void notifyCarriesUrgencyAndActions_data()
    {
        QTest::addColumn<QString>("severity");
        QTest::addColumn<int>("urgency");
        QTest::addColumn<QString>("word");
        QTest::addColumn<int>("expireMs");
        QTest::newRow("critical") << QStringLiteral("critical") << 2 << QStringLiteral("CRÍTICO") << 0;
        QTest::newRow("major") << QStringLiteral("major") << 1 << QStringLiteral("MAYOR") << -1;
        QTest::newRow("minor") << QStringLiteral("minor") << 0 << QStringLiteral("MENOR") << -1;
        QTest::newRow("unknown is major") << QStringLiteral("grave") << 1 << QStringLiteral("MAYOR") << -1;
    }
    void notifyCarriesUrgencyAndActions()
    {
        QFETCH(QString, severity);
        QFETCH(int, urgency);
        QFETCH(QString, word);
        QFETCH(int, expireMs);
        m_notifier->show(alert(QStringLiteral("incident:1"), severity, QStringLiteral("Sitio oficial sin respuesta"),
                               QStringLiteral("prep-1: 3 intentos sin respuesta")));
        QTRY_COMPARE_WITH_TIMEOUT(m_fake.notifies.size(), 1, 5000);
        const auto call = m_fake.notifies.first();
        QCOMPARE(call.appName, QStringLiteral("difusor-console"));
        QCOMPARE(call.appIcon, QStringLiteral("mx.difusor.Console"));
        QCOMPARE(call.replacesId, 0u);
        QCOMPARE(call.summary, word + QStringLiteral(" · Sitio oficial sin respuesta"));
        QCOMPARE(call.body, QStringLiteral("prep-1: 3 intentos sin respuesta"));
        QCOMPARE(call.actions, (QStringList{QStringLiteral("ack"), QStringLiteral("Reconocer"), QStringLiteral("default"),
                                            QStringLiteral("Ver")}));
        const QVariant hint = call.hints.value(QStringLiteral("urgency"));
        QCOMPARE(hint.typeId(), int(QMetaType::UChar)); // the specification's type: a byte
        QCOMPARE(int(hint.value<uchar>()), urgency);
        QCOMPARE(call.hints.value(QStringLiteral("desktop-entry")).toString(), QStringLiteral("mx.difusor.Console"));
        QCOMPARE(call.expireMs, expireMs);
    }

    void sameKeyUpdatesInPlace()
    {
        const QString key = QStringLiteral("incident:2");
        const QString title = QStringLiteral("Desfase de publicación");
        m_notifier->show(alert(key, QStringLiteral("major"), title, QStringLiteral("desfase 45 s")));
        QTRY_COMPARE_WITH_TIMEOUT(m_fake.notifies.size(), 1, 5000);
        const uint id = m_fake.notifies.first().id;
        QVERIFY(id != 0);

        m_notifier->show(alert(key, QStringLiteral("critical"), title, QStringLiteral("desfase 75 s")));
        QTRY_COMPARE_WITH_TIMEOUT(m_fake.notifies.size(), 2, 5000);
        QCOMPARE(m_fake.notifies.at(1).replacesId, id);
        QCOMPARE(m_fake.notifies.at(1).id, id);
        QCOMPARE(int(m_fake.notifies.at(1).hints.value(QStringLiteral("urgency")).value<uchar>()), 2);

        // The very same content again: nothing pops.
        m_notifier->show(alert(key, QStringLiteral("critical"), title, QStringLiteral("desfase 75 s")));
        QTest::qWait(300);
        QCOMPARE(m_fake.notifies.size(), 2);

        // Two updates in a row, the second before the first is answered: both replace, the last wins.
        m_notifier->show(alert(key, QStringLiteral("critical"), title, QStringLiteral("desfase 80 s")));
        m_notifier->show(alert(key, QStringLiteral("critical"), title, QStringLiteral("desfase 85 s")));
        QTRY_COMPARE_WITH_TIMEOUT(m_fake.notifies.size(), 4, 5000);
        QTest::qWait(200);
        QCOMPARE(m_fake.notifies.size(), 4);
        for (int i = 1; i < 4; ++i)
            QCOMPARE(m_fake.notifies.at(i).replacesId, id);
        QCOMPARE(m_fake.notifies.last().body, QStringLiteral("desfase 85 s"));
        QCOMPARE(m_fake.open.size(), 1);
    }

    void bodyIsEscapedWhereMarkupIsRead()
    {
        m_fake.capabilities.append(QStringLiteral("body-markup"));
        m_notifier->detectBackend(); // on demand: reads the capabilities again
        QVERIFY(m_notifier->isDetecting());
        QTRY_VERIFY_WITH_TIMEOUT(!m_notifier->isDetecting(), 5000);
        QCOMPARE(m_notifier->backend(), QStringLiteral("dbus"));
        m_notifier->show(alert(QStringLiteral("incident:3"), QStringLiteral("minor"), QStringLiteral("Respuesta HTTP"),
                               QStringLiteral("<b>502</b> & más")));
        QTRY_COMPARE_WITH_TIMEOUT(m_fake.notifies.size(), 1, 5000);
        QCOMPARE(m_fake.notifies.first().body, QStringLiteral("&lt;b&gt;502&lt;/b&gt; &amp; más"));
    }

    void actionsComeBackAsSignals()
    {
        QSignalSpy ack(m_notifier.get(), &DesktopNotifier::acknowledgeRequested);
        QSignalSpy view(m_notifier.get(), &DesktopNotifier::viewRequested);
        m_notifier->show(alert(QStringLiteral("incident:4"), QStringLiteral("critical"), QStringLiteral("Corte omitido")));
        m_notifier->show(alert(QStringLiteral("incident:5"), QStringLiteral("minor"), QStringLiteral("Reloj desfasado")));
        QTRY_COMPARE_WITH_TIMEOUT(m_fake.notifies.size(), 2, 5000);
        const uint skipped = m_fake.callsTitled(QStringLiteral("Corte omitido")).first().id;
        const uint clock = m_fake.callsTitled(QStringLiteral("Reloj desfasado")).first().id;

        Q_EMIT m_fake.ActionInvoked(skipped, QStringLiteral("ack"));
        QTRY_COMPARE_WITH_TIMEOUT(ack.size(), 1, 5000);
        QCOMPARE(ack.first().first().toString(), QStringLiteral("incident:4"));
        QCOMPARE(view.size(), 0);

        Q_EMIT m_fake.ActionInvoked(clock, QStringLiteral("default"));
        QTRY_COMPARE_WITH_TIMEOUT(view.size(), 1, 5000);
        QCOMPARE(view.first().first().toString(), QStringLiteral("incident:5"));

        // Another application's notification (an id that is not ours) and an unknown action: nothing.
        Q_EMIT m_fake.ActionInvoked(skipped + clock + 100, QStringLiteral("ack"));
        Q_EMIT m_fake.ActionInvoked(skipped, QStringLiteral("snooze"));
        QTest::qWait(300);
        QCOMPARE(ack.size(), 1);
        QCOMPARE(view.size(), 1);
        // "Reconocer" only asks: the notification keeps coming until the owner says acknowledged().
        QCOMPARE(m_fake.closes.size(), 0);
    }

    void resendsUntilAcknowledged()
    {
        const int interval = 300;
        m_notifier->setResendInterval(interval);
        m_notifier->show(alert(QStringLiteral("incident:6"), QStringLiteral("critical"), QStringLiteral("Sitio caído")));
        QTRY_COMPARE_WITH_TIMEOUT(m_fake.notifies.size(), 1, 5000);
        QElapsedTimer clock;
        clock.start();
        const uint id = m_fake.notifies.first().id;
        QTRY_VERIFY_WITH_TIMEOUT(m_fake.notifies.size() >= 2, 5000);
        const qint64 gap = clock.elapsed();
        qInfo("resent after %lld ms (interval %d ms)", gap, interval);
        QVERIFY2(gap >= interval * 9 / 10, qPrintable(QStringLiteral("resent after only %1 ms").arg(gap)));
        const auto resent = m_fake.notifies.at(1);
        QCOMPARE(resent.replacesId, id); // pops again in place, not a second notification
        QCOMPARE(resent.summary, m_fake.notifies.first().summary);
        QTRY_VERIFY_WITH_TIMEOUT(m_fake.notifies.size() >= 3, 5000); // and again

        m_notifier->acknowledged(QStringLiteral("incident:6"));
        QTRY_VERIFY_WITH_TIMEOUT(m_fake.closes.contains(id), 5000);
        const int sent = m_fake.notifies.size();
        QTest::qWait(interval * 4);
        QCOMPARE(m_fake.notifies.size(), sent);
        QCOMPARE(m_notifier->keys(), QStringList{QStringLiteral("incident:6")}); // known until withdrawn
    }

    void dismissedIsResentAsANewNotification()
    {
        m_notifier->setResendInterval(300);
        m_notifier->show(alert(QStringLiteral("incident:7"), QStringLiteral("major"), QStringLiteral("Tráfico 5xx")));
        QTRY_COMPARE_WITH_TIMEOUT(m_fake.notifies.size(), 1, 5000);
        const uint id = m_fake.notifies.first().id;
        m_fake.open.remove(id);
        Q_EMIT m_fake.NotificationClosed(id, 2); // the user closed it without acknowledging
        QTRY_VERIFY_WITH_TIMEOUT(m_fake.notifies.size() >= 2, 5000);
        QCOMPARE(m_fake.notifies.at(1).replacesId, 0u); // not a dead id
        QVERIFY(m_fake.notifies.at(1).id != id);
        m_notifier->withdraw(QStringLiteral("incident:7"));
        QTRY_VERIFY_WITH_TIMEOUT(m_fake.closes.contains(m_fake.notifies.at(1).id), 5000);
    }

    void withdrawCloses()
    {
        m_notifier->setResendInterval(300);
        m_notifier->show(alert(QStringLiteral("incident:8"), QStringLiteral("critical"), QStringLiteral("Corte hacia atrás")));
        QTRY_COMPARE_WITH_TIMEOUT(m_fake.notifies.size(), 1, 5000);
        const uint id = m_fake.notifies.first().id;
        m_notifier->withdraw(QStringLiteral("incident:8"));
        QTRY_COMPARE_WITH_TIMEOUT(m_fake.closes, QList<uint>{id}, 5000);
        QVERIFY(m_notifier->keys().isEmpty());
        QTest::qWait(1000);
        QCOMPARE(m_fake.notifies.size(), 1);

        // Withdrawn before the server answered: the notification it then creates is closed too.
        m_notifier->show(alert(QStringLiteral("incident:9"), QStringLiteral("minor"), QStringLiteral("Pico de tráfico")));
        m_notifier->withdraw(QStringLiteral("incident:9"));
        QTRY_COMPARE_WITH_TIMEOUT(m_fake.notifies.size(), 2, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(m_fake.closes.contains(m_fake.notifies.at(1).id), 5000);
        QVERIFY(m_fake.open.isEmpty());
    }

    void failedCallSurfacesAndIsRetried()
    {
        QSignalSpy failed(m_notifier.get(), &DesktopNotifier::failed);
        m_notifier->setResendInterval(300);
        m_fake.refuseNext = true;
        m_notifier->show(alert(QStringLiteral("incident:10"), QStringLiteral("critical"), QStringLiteral("Certificado vencido")));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains(QStringLiteral("Certificado vencido")) && message.contains(QStringLiteral("rechaza")),
                 qPrintable(message));
        QCOMPARE(m_notifier->backend(), QStringLiteral("dbus")); // the server is there; it refused once
        QTRY_COMPARE_WITH_TIMEOUT(m_fake.notifies.size(), 1, 5000); // tried again at the next resend
        m_notifier->withdraw(QStringLiteral("incident:10"));
        QTRY_VERIFY_WITH_TIMEOUT(m_fake.closes.contains(m_fake.notifies.first().id), 5000);
    }

    void withoutServiceFallsBackAndBannerStillShows()
    {
        QSignalSpy failed(m_notifier.get(), &DesktopNotifier::failed);
        QSignalSpy changed(m_notifier.get(), &DesktopNotifier::backendChanged);
        QVERIFY(m_server.unregisterService(kService)); // the notification server quits
        QTRY_COMPARE_WITH_TIMEOUT(m_notifier->backend(), fallback(), 5000);
        QCOMPARE(changed.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 5000);
        QVERIFY2(failed.last().first().toString().contains(QStringLiteral("No hay servicio de notificaciones")),
                 qPrintable(failed.last().first().toString()));

        // The owner feeds both; the banner shows the alert whatever the desktop offers.
        QWidget window;
        auto *banner = new AlertBanner(&window);
        (new QVBoxLayout(&window))->addWidget(banner);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!banner->isVisible());
        const Alert lost = alert(QStringLiteral("incident:11"), QStringLiteral("critical"), QStringLiteral("Conexión perdida"));
        m_notifier->show(lost);
        banner->show(lost);
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->currentKey(), QStringLiteral("incident:11"));
        QCOMPARE(banner->severityText(), QStringLiteral("CRÍTICO"));
        QTest::qWait(300);
        QVERIFY(m_fake.notifies.isEmpty());

        // A notifier started now finds no service either.
        {
            DesktopNotifier late;
            QSignalSpy lateFailed(&late, &DesktopNotifier::failed);
            QTRY_VERIFY_WITH_TIMEOUT(!late.isDetecting(), 5000);
            QCOMPARE(late.backend(), fallback());
            QCOMPARE(lateFailed.size(), 1);
        }

        // The server comes back: the unacknowledged alert reaches it.
        QVERIFY(m_server.registerService(kService));
        QTRY_COMPARE_WITH_TIMEOUT(m_notifier->backend(), QStringLiteral("dbus"), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_fake.notifies.size(), 1, 5000);
        QCOMPARE(m_fake.notifies.first().replacesId, 0u);
        QVERIFY(m_fake.notifies.first().summary.endsWith(QStringLiteral("Conexión perdida")));
        QSignalSpy view(m_notifier.get(), &DesktopNotifier::viewRequested);
        Q_EMIT m_fake.ActionInvoked(m_fake.notifies.first().id, QStringLiteral("default"));
        QTRY_COMPARE_WITH_TIMEOUT(view.size(), 1, 5000); // its signals are heard from the new owner
    }

    void slowServerDoesNotStallTheWindow()
    {
        m_notifier.reset();
        m_fake.replyDelayMs = 800;
        difusor::test::LoopGapMeter meter(this);
        QElapsedTimer clock;
        clock.start();
        m_notifier = std::make_unique<DesktopNotifier>();
        m_notifier->show(alert(QStringLiteral("incident:13"), QStringLiteral("critical"), QStringLiteral("Sin cortes")));
        qint64 callsMs = clock.elapsed();
        QTRY_COMPARE_WITH_TIMEOUT(m_notifier->backend(), QStringLiteral("dbus"), 5000);
        const qint64 detectedMs = clock.elapsed();
        QTRY_COMPARE_WITH_TIMEOUT(m_fake.notifies.size(), 1, 5000); // asked; its id comes 800 ms later
        clock.restart();
        m_notifier->show(alert(QStringLiteral("incident:13"), QStringLiteral("critical"), QStringLiteral("Sin cortes"),
                               QStringLiteral("20 min sin corte")));
        callsMs += clock.elapsed();
        QTRY_COMPARE_WITH_TIMEOUT(m_fake.notifies.size(), 2, 5000); // the update waited for that id
        QCOMPARE(m_fake.notifies.at(1).replacesId, m_fake.notifies.at(0).id);
        QCOMPARE(m_fake.notifies.at(1).body, QStringLiteral("20 min sin corte"));
        meter.stop();
        qInfo("slow server (%d ms a reply): construct + 2 show() %lld ms, backend known after %lld ms, "
              "event loop max own gap %lld ms (raw %lld ms), limit 100 ms",
              m_fake.replyDelayMs, callsMs, detectedMs, meter.maxOwnGapMs, meter.maxGapMs);
        QVERIFY(callsMs < 50);
        QVERIFY(detectedMs >= 700);
        QVERIFY(meter.maxOwnGapMs < 100);
        m_fake.replyDelayMs = 0;
        m_notifier->withdraw(QStringLiteral("incident:13"));
        QTRY_VERIFY_WITH_TIMEOUT(m_fake.open.isEmpty(), 5000);
    }

    void notifierStartedBeforeTheServer()
    {
        m_notifier.reset();
        QVERIFY(m_server.unregisterService(kService));
        DesktopNotifier notifier;
        notifier.show(alert(QStringLiteral("incident:12"), QStringLiteral("major"), QStringLiteral("Bitácora en silencio")));
        QTRY_VERIFY_WITH_TIMEOUT(!notifier.isDetecting(), 5000);
        QCOMPARE(notifier.backend(), fallback());
        QVERIFY(m_server.registerService(kService));
        QTRY_COMPARE_WITH_TIMEOUT(notifier.backend(), QStringLiteral("dbus"), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_fake.notifies.size(), 1, 5000);
        QSignalSpy view(&notifier, &DesktopNotifier::viewRequested);
        Q_EMIT m_fake.ActionInvoked(m_fake.notifies.first().id, QStringLiteral("default"));
        QTRY_COMPARE_WITH_TIMEOUT(view.size(), 1, 5000); // its signals are heard from the new owner
    }

    void bannerShowsTheMostSevereUnacknowledged()
    {
        QWidget window;
        auto *banner = new AlertBanner(&window);
        (new QVBoxLayout(&window))->addWidget(banner);
        window.resize(900, 120);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy ack(banner, &AlertBanner::acknowledgeRequested);
        QSignalSpy view(banner, &AlertBanner::viewRequested);
        QVERIFY(!banner->isVisible());
        QVERIFY(banner->currentKey().isEmpty());

        banner->show(alert(QStringLiteral("minor"), QStringLiteral("minor"), QStringLiteral("Reloj desfasado 3 s")));
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->severityText(), QStringLiteral("MENOR"));
        QVERIFY(banner->moreText().isEmpty());
        banner->show(alert(QStringLiteral("major"), QStringLiteral("major"), QStringLiteral("Corte tardío")));
        banner->show(alert(QStringLiteral("critical"), QStringLiteral("critical"), QStringLiteral("Sitio oficial sin respuesta"),
                           QStringLiteral("prep-1: tiempo agotado")));
        QCOMPARE(banner->currentKey(), QStringLiteral("critical"));
        QCOMPARE(banner->severityText(), QStringLiteral("CRÍTICO"));
        QCOMPARE(banner->titleText(), QStringLiteral("Sitio oficial sin respuesta"));
        QCOMPARE(banner->moreText(), QStringLiteral("y 2 más"));
        QCOMPARE(banner->pendingCount(), 3);
        if (qEnvironmentVariableIsSet("DIFUSOR_BANNER_SHOT")) // a look at it: DIFUSOR_BANNER_SHOT=file.png
            window.grab().save(qEnvironmentVariable("DIFUSOR_BANNER_SHOT"));
        QVERIFY(banner->height() <= banner->sizeHint().height()); // takes no more room than it needs
        // Word and icon besides the colour; screen readers get the same.
        const auto *icon = banner->findChild<QLabel *>(QStringLiteral("alertIcon"));
        QVERIFY(icon && !icon->pixmap().isNull());
        QCOMPARE(icon->accessibleName(), QStringLiteral("CRÍTICO"));
        QCOMPARE(banner->accessibleName(), QStringLiteral("CRÍTICO: Sitio oficial sin respuesta"));
        QCOMPARE(banner->accessibleDescription(), QStringLiteral("prep-1: tiempo agotado (y 2 más)"));
        QVERIFY(banner->acknowledgeButton()->accessibleDescription().contains(QStringLiteral("Sitio oficial sin respuesta")));

        QCOMPARE(banner->acknowledgeButton()->text(), QStringLiteral("Reconocer"));
        QCOMPARE(banner->viewButton()->text(), QStringLiteral("Ver"));
        QTest::mouseClick(banner->acknowledgeButton(), Qt::LeftButton);
        QCOMPARE(ack.size(), 1);
        QCOMPARE(ack.first().first().toString(), QStringLiteral("critical"));
        QCOMPARE(banner->currentKey(), QStringLiteral("critical")); // asking is not acknowledging
        QTest::mouseClick(banner->viewButton(), Qt::LeftButton);
        QCOMPARE(view.size(), 1);
        QCOMPARE(view.first().first().toString(), QStringLiteral("critical"));

        banner->acknowledged(QStringLiteral("critical"));
        QCOMPARE(banner->currentKey(), QStringLiteral("major"));
        QCOMPARE(banner->severityText(), QStringLiteral("MAYOR"));
        QCOMPARE(banner->moreText(), QStringLiteral("y 1 más"));

        // A second major one arriving later does not push the first off the banner.
        banner->show(alert(QStringLiteral("major2"), QStringLiteral("major"), QStringLiteral("Respuesta HTTP 502")));
        QCOMPARE(banner->currentKey(), QStringLiteral("major"));
        QCOMPARE(banner->moreText(), QStringLiteral("y 2 más"));
        // Updating the acknowledged one keeps it acknowledged.
        banner->show(alert(QStringLiteral("critical"), QStringLiteral("critical"), QStringLiteral("Sitio oficial sin respuesta"),
                           QStringLiteral("prep-1: 5 intentos")));
        QCOMPARE(banner->currentKey(), QStringLiteral("major"));

        banner->withdraw(QStringLiteral("major"));
        QCOMPARE(banner->currentKey(), QStringLiteral("major2"));
        QCOMPARE(banner->moreText(), QStringLiteral("y 1 más"));
        banner->withdraw(QStringLiteral("major2"));
        QCOMPARE(banner->currentKey(), QStringLiteral("minor"));
        QVERIFY(banner->moreText().isEmpty());
        banner->acknowledged(QStringLiteral("minor"));
        QVERIFY(!banner->isVisible());
        QVERIFY(banner->currentKey().isEmpty());
        QVERIFY(banner->accessibleName().isEmpty());
        QTest::mouseClick(banner->acknowledgeButton(), Qt::LeftButton); // hidden: nothing to ask
        QCOMPARE(ack.size(), 1);
    }

    void bannerInEnglish()
    {
        QVERIFY(difusor::installTranslations(QStringLiteral("en")));
        AlertBanner banner;
        banner.show(alert(QStringLiteral("k"), QStringLiteral("critical"), QStringLiteral("Site down")));
        banner.show(alert(QStringLiteral("m"), QStringLiteral("minor"), QStringLiteral("Clock skew")));
        const QString word = banner.severityText();
        const QString name = banner.accessibleName();
        difusor::installTranslations(QStringLiteral("es"));
        // The severity words are the incident model's translated ones, in capitals; the other strings
        // are translated as everywhere else (ts_current holds the .ts to the sources).
        QCOMPARE(word, QStringLiteral("CRITICAL"));
        QCOMPARE(name, QStringLiteral("CRITICAL: Site down"));
    }
};

QTEST_MAIN(TestNotifier)
#include "tst_notifier.moc"
