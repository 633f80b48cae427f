#include "IncidentAlerts.h"

#include "notify/AlertBanner.h"
#include "notify/DesktopNotifier.h"
#include "incidents/IncidentLog.h"
#include "store/StoreThread.h"

namespace difusor::ui {

IncidentAlerts::IncidentAlerts(store::StoreThread *store, DesktopNotifier *notifier, AlertBanner *banner, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_notifier(notifier)
    , m_banner(banner)
{
    if (store) {
        connect(store, &store::StoreThread::incidentChanged, this, [this](const store::IncidentUpdate &u) {
            if (u.event.type != QLatin1String("notified")) // our own record of telling
                apply(u.incident, u.event.type);
        });
    }
    auto forward = [this](const QString &key, bool acknowledge) {
        const qint64 id = idOf(key);
        if (id <= 0)
            return;
        if (acknowledge)
            Q_EMIT acknowledgeRequested(id);
        else
            Q_EMIT viewRequested(id);
    };
    if (m_notifier) {
        connect(m_notifier, &DesktopNotifier::acknowledgeRequested, this, [forward](const QString &key) { forward(key, true); });
        connect(m_notifier, &DesktopNotifier::viewRequested, this, [forward](const QString &key) { forward(key, false); });
    }
    if (m_banner) {
        connect(m_banner, &AlertBanner::acknowledgeRequested, this, [forward](const QString &key) { forward(key, true); });
        connect(m_banner, &AlertBanner::viewRequested, this, [forward](const QString &key) { forward(key, false); });
    }
}

QString IncidentAlerts::keyOf(qint64 incidentId)
{
    return QStringLiteral("incident:%1").arg(incidentId);
}

qint64 IncidentAlerts::idOf(const QString &key)
{
    if (!key.startsWith(QLatin1String("incident:")))
        return 0;
    return key.mid(9).toLongLong();
}

void IncidentAlerts::loadOpen()
{
    if (!m_store)
        return;
    m_store->call<QList<store::IncidentRecord>>(
        this,
        [](store::Store &s) {
            store::IncidentFilter f;
            f.state = QStringLiteral("open");
            return s.isOpen() ? s.findIncidents(f) : QList<store::IncidentRecord>{};
        },
        [this](const QList<store::IncidentRecord> &open) {
            for (auto it = open.crbegin(); it != open.crend(); ++it) // oldest first
                apply(*it, QStringLiteral("opened"));
        });
}

void IncidentAlerts::apply(const store::IncidentRecord &i, const QString &eventType)
{
    const QString key = keyOf(i.id);
    if (!i.isOpen()) {
        if (m_banner)
            m_banner->withdraw(key);
        if (m_notifier)
            m_notifier->withdraw(key);
        m_notified.remove(i.id);
        return;
    }
    if (i.state() == QLatin1String("acknowledged") || i.isSilenced()) {
        if (m_banner)
            m_banner->acknowledged(key);
        if (m_notifier)
            m_notifier->acknowledged(key);
        return;
    }
    Alert alert;
    alert.key = key;
    alert.severity = i.severity;
    alert.title = i.serverName.isEmpty() ? i.title : QStringLiteral("%1 (%2)").arg(i.title, i.serverName);
    alert.body = i.detail;
    if (m_banner)
        m_banner->show(alert);
    if (!m_notifier || i.severity == QLatin1String("minor"))
        return;
    m_notifier->show(alert);
    Q_UNUSED(eventType)
    // Recorded only when a desktop service or tray really took it ("none": the banner alone told).
    if (!m_notified.contains(i.id) && m_store && m_notifier->backend() != QLatin1String("none")) {
        m_notified.insert(i.id, true);
        // In the timeline: when the console first told someone outside the window.
        incidents::IncidentLog(store::ServerStore(m_store.data(), i.serverId))
            .act(i.id, store::IncidentAction::Notified, QStringLiteral("consola"),
                 tr("Aviso de escritorio (%1).").arg(m_notifier->backend()), nullptr, {}); // a failure: writeFailed()
    }
}

} // namespace difusor::ui
