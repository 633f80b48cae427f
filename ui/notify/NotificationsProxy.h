#pragma once

#include <QDBusAbstractInterface>

namespace difusor::ui {

// The client side of org.freedesktop.Notifications (Desktop Notifications Specification 1.2), written
// by hand instead of generated from XML: two signals and calls made with asyncCall() by its user.
// Being a QDBusAbstractInterface, its signals are relayed from the bus when connected with member
// pointers, and only from the current owner of the service name (another client cannot fake them).
// Internal to DesktopNotifier.
class NotificationsProxy final : public QDBusAbstractInterface
{
    Q_OBJECT
public:
    static const char *interfaceName() { return "org.freedesktop.Notifications"; }
    static QString serviceName() { return QStringLiteral("org.freedesktop.Notifications"); }
    static QString objectPath() { return QStringLiteral("/org/freedesktop/Notifications"); }

    NotificationsProxy(const QDBusConnection &bus, QObject *parent)
        : QDBusAbstractInterface(serviceName(), objectPath(), interfaceName(), bus, parent)
    {
    }

Q_SIGNALS:
    // The names and argument types are the D-Bus signals' own: Qt D-Bus matches them by name.
    void ActionInvoked(uint id, const QString &actionKey);
    void NotificationClosed(uint id, uint reason);
};

} // namespace difusor::ui
