#pragma once

#include "notify/Alert.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

class QDBusPendingCall;
class QDBusServiceWatcher;
class QSystemTrayIcon;

namespace difusor::ui {

class NotificationsProxy;

// Desktop notifications for alerts (issue 11, "Notificaciones"), outside the window: the technician
// may be looking at another screen on election night.
//
// Backends, chosen at construction and again on detectBackend(), when the notification service
// appears on or leaves the session bus, and when a call finds it gone:
//   "dbus"  org.freedesktop.Notifications on the session bus answered GetCapabilities. Each alert is
//           one notification: app_name "difusor-console", icon and "desktop-entry" hint
//           "mx.difusor.Console" (packaging/), summary "<SEVERIDAD> · <title>", urgency hint (a byte)
//           2 critical / 1 major / 0 minor, actions "ack" ("Reconocer") and "default" ("Ver"). Critical
//           ones never expire by themselves. A later show() of the same key replaces it in place.
//   "tray"  no notification service but a system tray: QSystemTrayIcon::showMessage (one message at a
//           time, no buttons; clicking it is "Ver" for the alert it showed).
//   "none"  neither: only the in-window AlertBanner tells (the application always has one).
//
// Every call to the service is asynchronous (QDBusPendingCallWatcher): the GUI thread never waits for
// the notification server. (Connecting the two signals makes Qt D-Bus ask the bus daemon itself who
// owns the name, once; that is dbus-daemon answering, not the notification server.)
//
// Resending: every active alert that is not acknowledged pops again (the same notification, replaced
// in place; a new one if the user closed it) every resendInterval() (5 minutes) after it was last
// shown, until acknowledged() or withdraw(). A show() with new text counts as shown.
//
// Failures are never silent: a failed call, or a detection that finds no notification service, emits
// failed() with a translated sentence for the user; a call that finds the service gone (or the bus
// disconnected) also starts a new detection, which moves the active alerts to the fallback.
class DesktopNotifier final : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultResendMs = 5 * 60 * 1000;

    // Uses the session bus; the first detection starts at once, its result arrives later (signals
    // backendChanged() and, if there is no service, failed()). Alerts shown meanwhile are delivered
    // when it ends.
    explicit DesktopNotifier(QObject *parent = nullptr);
    // Closes the notifications it still shows, without waiting for answers (their buttons would reach
    // nobody). Best effort: one whose Notify has not been answered yet has no id to close.
    ~DesktopNotifier() override;

    // Shows `alert`, or updates it in place when its key is already known. Showing exactly the same
    // content again does nothing (no pop). An acknowledged key keeps its new text but does not pop.
    // An empty key is a programmer error (logged, ignored).
    void show(const Alert &alert);
    // The technician acknowledged it (wherever): no more resends, and its desktop notification is
    // closed (it did its job; the incident stays on its page). The key stays known until withdraw().
    // Unknown keys are ignored.
    void acknowledged(const QString &key);
    // The condition is over (or the alert is no longer wanted): CloseNotification and forget the key.
    void withdraw(const QString &key);

    // Asks the bus again which backend to use (e.g. from a "Probar notificaciones" action). While a
    // detection runs the current backend keeps working.
    void detectBackend();

    // "dbus" | "tray" | "none" ("none" as well before the first detection ends).
    QString backend() const;
    bool isDetecting() const { return m_detectSerial != m_settledSerial; }

    // A Notify call still awaits its id. The destructor closes only notifications whose id it knows, so
    // one sent in the last moment before quitting may stay on the desktop (tests wait for this first).
    bool hasCallsInFlight() const;

    // For tests; default DefaultResendMs. Takes effect from the next time an alert is shown.
    void setResendInterval(int milliseconds);
    int resendInterval() const { return m_resendMs; }

    // Keys shown and not withdrawn (acknowledged ones included), unordered.
    QStringList keys() const { return m_entries.keys(); }

Q_SIGNALS:
    // The technician pressed "Reconocer" on the notification. The notifier does not acknowledge by
    // itself: the incident model records it (with its note) and then calls acknowledged(key).
    void acknowledgeRequested(const QString &key);
    // The technician pressed "Ver" (or clicked the notification or the tray message): open the alert.
    void viewRequested(const QString &key);
    // A translated sentence for the user: a D-Bus call failed, or there is no notification service.
    void failed(const QString &message);
    void backendChanged(const QString &backend);

private:
    enum class Backend { None, DBus, Tray };
    struct Entry
    {
        Alert alert;
        bool acknowledged = false;
        bool delivered = false; // shown through the current backend at least once
        uint id = 0;            // the server's notification id (0: none open)
        bool pending = false;   // a Notify call is on its way
        bool again = false;     // the text changed while it was on its way: send once more
        QDeadlineTimer due = QDeadlineTimer(QDeadlineTimer::Forever); // next resend
    };

    void fallBack(quint64 serial, const QString &reason);
    void settle(Backend backend, quint64 serial);
    void present(const QString &key);
    void presentAll(const QStringList &keys);
    void sendNotify(const QString &key);
    void notifyFinished(const QString &key, const QString &title, const QDBusPendingCall &call);
    void closeNotification(uint id, const QString &title);
    void showInTray(const QString &key);
    void scheduleResend(Entry &entry);
    void armResendTimer();
    void resendDue();
    void onActionInvoked(uint id, const QString &action);
    void onNotificationClosed(uint id, uint reason);

    NotificationsProxy *m_proxy = nullptr;
    QDBusServiceWatcher *m_watcher = nullptr;
    QPointer<QSystemTrayIcon> m_tray;
    QString m_trayKey; // the alert the tray message last showed
    Backend m_backend = Backend::None;
    quint64 m_detectSerial = 0;  // the latest detection started
    quint64 m_settledSerial = 0; // the latest detection whose answer was applied
    QStringList m_capabilities;  // GetCapabilities of the current server
    QHash<QString, Entry> m_entries;
    QHash<uint, QString> m_keyById;
    QTimer m_resendTimer;
    int m_resendMs = DefaultResendMs;
};

} // namespace difusor::ui
