#include "DesktopNotifier.h"

#include "notify/AlertSeverity.h"
#include "notify/NotificationsProxy.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QIcon>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QtDebug>

namespace difusor::ui {

namespace {
// The name the notification server shows (and may group by); the icon and the desktop entry are the
// application id of packaging/ (mx.difusor.Console.desktop, icons/mx.difusor.Console.svg).
const QString kAppName = QStringLiteral("difusor-console");
const QString kAppId = QStringLiteral(DIFUSOR_APP_ID);
const QString kAck = QStringLiteral("ack");
const QString kDefault = QStringLiteral("default");

// Errors that mean "nobody answers there any more": look for a backend again.
bool serviceIsGone(QDBusError::ErrorType type)
{
    switch (type) {
    case QDBusError::ServiceUnknown:
    case QDBusError::NoServer:
    case QDBusError::Disconnected:
    case QDBusError::NoReply:
    case QDBusError::Timeout:
    case QDBusError::TimedOut:
        return true;
    default:
        return false;
    }
}

QString summaryOf(const Alert &alert)
{
    return DesktopNotifier::tr("%1 · %2").arg(severityWord(alert.severity), alert.title);
}
} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent)
    : QObject(parent)
{
    m_resendTimer.setSingleShot(true);
    connect(&m_resendTimer, &QTimer::timeout, this, &DesktopNotifier::resendDue);
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        m_proxy = new NotificationsProxy(bus, this);
        connect(m_proxy, &NotificationsProxy::ActionInvoked, this, &DesktopNotifier::onActionInvoked);
        connect(m_proxy, &NotificationsProxy::NotificationClosed, this, &DesktopNotifier::onNotificationClosed);
        // A notification server started (or restarted, or quit) after us: choose again.
        m_watcher = new QDBusServiceWatcher(NotificationsProxy::serviceName(), bus,
                                            QDBusServiceWatcher::WatchForOwnerChange, this);
        connect(m_watcher, &QDBusServiceWatcher::serviceOwnerChanged, this, &DesktopNotifier::detectBackend);
    }
    detectBackend();
}

DesktopNotifier::~DesktopNotifier()
{
    if (m_backend != Backend::DBus)
        return;
    // Fire and forget: no reply is awaited while the application quits.
    QDBusConnection bus = QDBusConnection::sessionBus();
    for (auto it = m_keyById.cbegin(); it != m_keyById.cend(); ++it) {
        QDBusMessage close = QDBusMessage::createMethodCall(NotificationsProxy::serviceName(),
                                                            NotificationsProxy::objectPath(),
                                                            QString::fromLatin1(NotificationsProxy::interfaceName()),
                                                            QStringLiteral("CloseNotification"));
        close << it.key();
        close.setAutoStartService(false);
        bus.send(close);
    }
}

bool DesktopNotifier::hasCallsInFlight() const
{
    for (const Entry &entry : m_entries) {
        if (entry.pending)
            return true;
    }
    return false;
}

QString DesktopNotifier::backend() const
{
    switch (m_backend) {
    case Backend::DBus: return QStringLiteral("dbus");
    case Backend::Tray: return QStringLiteral("tray");
    case Backend::None: break;
    }
    return QStringLiteral("none");
}

void DesktopNotifier::setResendInterval(int milliseconds)
{
    m_resendMs = qMax(1, milliseconds);
}

// ---- alerts -------------------------------------------------------------------------------------

void DesktopNotifier::show(const Alert &alert)
{
    if (alert.key.isEmpty()) {
        qWarning("DesktopNotifier::show: an alert without a key is ignored (%s)", qPrintable(alert.title));
        return;
    }
    auto it = m_entries.find(alert.key);
    if (it == m_entries.end()) {
        Entry entry;
        entry.alert = alert;
        m_entries.insert(alert.key, entry);
        present(alert.key);
        return;
    }
    if (it->alert.sameContent(alert))
        return;
    it->alert = alert;
    if (!it->acknowledged)
        present(alert.key);
}

void DesktopNotifier::acknowledged(const QString &key)
{
    auto it = m_entries.find(key);
    if (it == m_entries.end())
        return;
    it->acknowledged = true;
    it->due = QDeadlineTimer(QDeadlineTimer::Forever);
    if (it->id != 0) { // one on its way is closed when its id comes back (notifyFinished)
        closeNotification(it->id, it->alert.title);
        m_keyById.remove(it->id);
        it->id = 0;
    }
    armResendTimer();
}

void DesktopNotifier::withdraw(const QString &key)
{
    const auto it = m_entries.constFind(key);
    if (it == m_entries.cend())
        return;
    const Entry entry = *it;
    m_entries.erase(it);
    if (entry.id != 0) { // one on its way is closed when its id comes back (notifyFinished)
        closeNotification(entry.id, entry.alert.title);
        m_keyById.remove(entry.id);
    }
    if (m_trayKey == key)
        m_trayKey.clear(); // a tray message cannot be taken back; clicking it now opens nothing
    armResendTimer();
}

void DesktopNotifier::present(const QString &key)
{
    switch (m_backend) {
    case Backend::DBus: sendNotify(key); break;
    case Backend::Tray: showInTray(key); break;
    case Backend::None: break; // delivered if a backend turns up (settle)
    }
}

void DesktopNotifier::presentAll(const QStringList &keys)
{
    if (m_backend != Backend::Tray || keys.size() < 2) {
        for (const QString &key : keys)
            present(key);
        return;
    }
    // The tray shows one message at a time, the last one given: show the most severe and count the
    // others as shown (the banner lists them).
    QString worst = keys.first();
    for (const QString &key : keys) {
        if (severityRank(m_entries.value(key).alert.severity) > severityRank(m_entries.value(worst).alert.severity))
            worst = key;
    }
    for (const QString &key : keys) {
        if (key == worst)
            continue;
        Entry &entry = m_entries[key];
        entry.delivered = true;
        scheduleResend(entry);
    }
    showInTray(worst);
}

// ---- backend ------------------------------------------------------------------------------------

void DesktopNotifier::detectBackend()
{
    const quint64 serial = ++m_detectSerial;
    if (!m_proxy) {
        const QString reason = QDBusConnection::sessionBus().lastError().message();
        // Answered later, as a bus answer would be: whoever connects after construction hears it.
        QTimer::singleShot(0, this, [this, serial, reason] {
            if (serial == m_detectSerial)
                fallBack(serial, reason.isEmpty() ? tr("sin bus de sesión D-Bus") : reason);
        });
        return;
    }
    // GetCapabilities is cheap for the server, starts it if the bus can (D-Bus activation), and its
    // answer tells whether the body may carry markup.
    auto *call = new QDBusPendingCallWatcher(m_proxy->asyncCall(QStringLiteral("GetCapabilities")), this);
    connect(call, &QDBusPendingCallWatcher::finished, this, [this, serial](QDBusPendingCallWatcher *watcher) {
        watcher->deleteLater();
        if (serial != m_detectSerial)
            return; // a newer detection is running: its answer counts
        const QDBusPendingReply<QStringList> reply = *watcher;
        if (reply.isError()) {
            fallBack(serial, reply.error().message());
            return;
        }
        m_capabilities = reply.value();
        settle(Backend::DBus, serial);
    });
}

void DesktopNotifier::fallBack(quint64 serial, const QString &reason)
{
    const bool tray = QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages();
    settle(tray ? Backend::Tray : Backend::None, serial);
    Q_EMIT failed(tray ? tr("No hay servicio de notificaciones de escritorio (%1): los avisos se muestran en la "
                            "bandeja del sistema y en la ventana.")
                             .arg(reason)
                       : tr("No hay servicio de notificaciones de escritorio ni bandeja del sistema (%1): los "
                            "avisos solo se muestran en la ventana.")
                             .arg(reason));
}

void DesktopNotifier::settle(Backend backend, quint64 serial)
{
    m_settledSerial = serial;
    if (backend != m_backend) {
        // Nothing shown through the old backend counts for the new one.
        m_backend = backend;
        m_keyById.clear();
        for (Entry &entry : m_entries) {
            entry.id = 0;
            entry.delivered = false;
            entry.due = QDeadlineTimer(QDeadlineTimer::Forever);
        }
        if (m_tray && backend != Backend::Tray)
            m_tray->hide();
        Q_EMIT backendChanged(this->backend());
    }
    QStringList undelivered;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        if (!it->acknowledged && !it->delivered && !it->pending)
            undelivered.append(it.key());
    }
    presentAll(undelivered);
    armResendTimer();
}

// ---- org.freedesktop.Notifications --------------------------------------------------------------

void DesktopNotifier::sendNotify(const QString &key)
{
    Entry &entry = m_entries[key];
    if (entry.pending) { // its id is not known yet: replace it once it is
        entry.again = true;
        return;
    }
    const Alert &alert = entry.alert;
    const int rank = severityRank(alert.severity);
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(static_cast<uchar>(rank - 1))); // a byte: 2, 1, 0
    hints.insert(QStringLiteral("desktop-entry"), kAppId);
    // Servers announcing "body-markup" read the body as a small HTML subset: "<" or "&" in a server
    // name or an HTTP answer must not turn into markup.
    const bool markup = m_capabilities.contains(QLatin1String("body-markup"));
    const QString body = markup ? alert.body.toHtmlEscaped() : alert.body;
    const QStringList actions = {kAck, tr("Reconocer"), kDefault, tr("Ver")};
    const int expireMs = rank == severityRank(QStringLiteral("critical")) ? 0 : -1; // 0: until closed
    entry.pending = true;
    entry.again = false;
    auto *call = new QDBusPendingCallWatcher(m_proxy->asyncCall(QStringLiteral("Notify"), kAppName, entry.id, kAppId,
                                                                summaryOf(alert), body, actions, hints, expireMs),
                                             this);
    const QString title = alert.title;
    connect(call, &QDBusPendingCallWatcher::finished, this, [this, key, title](QDBusPendingCallWatcher *watcher) {
        watcher->deleteLater();
        notifyFinished(key, title, *watcher);
    });
}

void DesktopNotifier::notifyFinished(const QString &key, const QString &title, const QDBusPendingCall &call)
{
    const QDBusPendingReply<uint> reply = call;
    const auto it = m_entries.find(key);
    if (it == m_entries.end()) { // withdrawn while on its way
        if (!reply.isError() && reply.value() != 0)
            closeNotification(reply.value(), title);
        return;
    }
    Entry &entry = *it;
    entry.pending = false;
    if (reply.isError()) {
        Q_EMIT failed(tr("No se pudo mostrar la notificación de escritorio «%1»: %2").arg(title, reply.error().message()));
        if (serviceIsGone(reply.error().type())) {
            detectBackend(); // the fallback delivers it
        } else {
            scheduleResend(entry); // tried again at the next resend
            armResendTimer();
        }
        return;
    }
    const uint id = reply.value();
    if (entry.id != 0 && entry.id != id)
        m_keyById.remove(entry.id);
    if (m_backend != Backend::DBus) { // answered after we moved to another backend: show it there
        closeNotification(id, title);
        if (!entry.acknowledged)
            present(key);
        return;
    }
    entry.id = id;
    entry.delivered = true;
    m_keyById.insert(id, key);
    if (entry.acknowledged) { // acknowledged while on its way
        closeNotification(id, title);
        m_keyById.remove(id);
        entry.id = 0;
    } else if (entry.again) {
        sendNotify(key);
        return;
    } else {
        scheduleResend(entry);
    }
    armResendTimer();
}

void DesktopNotifier::closeNotification(uint id, const QString &title)
{
    if (!m_proxy)
        return;
    auto *call = new QDBusPendingCallWatcher(m_proxy->asyncCall(QStringLiteral("CloseNotification"), id), this);
    connect(call, &QDBusPendingCallWatcher::finished, this, [this, title](QDBusPendingCallWatcher *watcher) {
        watcher->deleteLater();
        const QDBusPendingReply<> reply = *watcher;
        if (reply.isError()) {
            Q_EMIT failed(tr("No se pudo retirar la notificación de escritorio «%1»: %2")
                              .arg(title, reply.error().message()));
        }
    });
}

void DesktopNotifier::onActionInvoked(uint id, const QString &action)
{
    const QString key = m_keyById.value(id);
    if (key.isEmpty())
        return; // another application's notification: the signal goes to every client of the server
    if (action == kAck)
        Q_EMIT acknowledgeRequested(key);
    else if (action == kDefault)
        Q_EMIT viewRequested(key);
}

void DesktopNotifier::onNotificationClosed(uint id, uint reason)
{
    // Expired (1), dismissed by the user (2), closed by us (3) or after an action: whichever, it is no
    // longer on screen, so the next show or resend opens a new one instead of replacing a dead id.
    Q_UNUSED(reason)
    const QString key = m_keyById.take(id);
    const auto it = m_entries.find(key);
    if (it != m_entries.end() && it->id == id)
        it->id = 0;
}

// ---- system tray --------------------------------------------------------------------------------

void DesktopNotifier::showInTray(const QString &key)
{
    if (!m_tray) {
        QIcon icon = QIcon::fromTheme(kAppId, QApplication::windowIcon());
        if (icon.isNull())
            icon = QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        m_tray = new QSystemTrayIcon(icon, this);
        m_tray->setToolTip(tr("Consola del difusor PREP"));
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            if (m_entries.contains(m_trayKey))
                Q_EMIT viewRequested(m_trayKey);
        });
    }
    m_tray->show();
    Entry &entry = m_entries[key];
    const int rank = severityRank(entry.alert.severity);
    const auto icon = rank >= 3 ? QSystemTrayIcon::Critical : rank == 2 ? QSystemTrayIcon::Warning
                                                                        : QSystemTrayIcon::Information;
    m_tray->showMessage(summaryOf(entry.alert), entry.alert.body, icon);
    m_trayKey = key;
    entry.delivered = true;
    scheduleResend(entry);
    armResendTimer();
}

// ---- resending ----------------------------------------------------------------------------------

void DesktopNotifier::scheduleResend(Entry &entry)
{
    entry.due = entry.acknowledged ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(m_resendMs);
}

void DesktopNotifier::armResendTimer()
{
    qint64 next = -1;
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.acknowledged || entry.due.isForever())
            continue;
        const qint64 remaining = entry.due.remainingTime();
        next = next < 0 ? remaining : qMin(next, remaining);
    }
    if (next < 0)
        m_resendTimer.stop();
    else
        m_resendTimer.start(static_cast<int>(qMin<qint64>(next, DefaultResendMs)));
}

void DesktopNotifier::resendDue()
{
    QStringList due;
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        if (it->acknowledged || it->pending || it->due.isForever() || !it->due.hasExpired())
            continue;
        it->due = QDeadlineTimer(QDeadlineTimer::Forever); // set again once shown
        due.append(it.key());
    }
    presentAll(due);
    armResendTimer();
}

} // namespace difusor::ui
