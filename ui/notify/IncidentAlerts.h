#pragma once

#include "store/Records.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace difusor::store {
class StoreThread;
}

namespace difusor::ui {

class AlertBanner;
class DesktopNotifier;

// Ties the one incident log to the technician's attention: every incident that is open (not yet
// acknowledged, not silenced) is an alert in the window's banner and, when critical or major, a
// desktop notification (resent every 5 minutes by the notifier until acknowledged). Acknowledged or
// silenced: no more resends; resolved: withdrawn. The first desktop notification of an incident is
// written to its timeline ("notified"). At start, the unresolved open incidents already in the store
// are alerted too (an earlier session may have ended with them). Minor incidents only reach the banner.
//
// "Reconocer" and "Ver" (on the notification or the banner) come back as acknowledgeRequested /
// viewRequested with the incident's id: acknowledging needs a note, so the window opens the incident
// page's editor for it; nothing is acknowledged from here.
class IncidentAlerts final : public QObject
{
    Q_OBJECT
public:
    IncidentAlerts(store::StoreThread *store, DesktopNotifier *notifier, AlertBanner *banner, QObject *parent = nullptr);

    // Reads the open incidents of every server once (call when the store has opened).
    void loadOpen();

    static QString keyOf(qint64 incidentId);
    static qint64 idOf(const QString &key); // 0 when not an incident's key

Q_SIGNALS:
    void acknowledgeRequested(qint64 incidentId);
    void viewRequested(qint64 incidentId);

private:
    void apply(const store::IncidentRecord &incident, const QString &eventType);

    QPointer<store::StoreThread> m_store;
    DesktopNotifier *m_notifier;
    AlertBanner *m_banner;
    QHash<qint64, bool> m_notified; // incidents already told on the desktop (their "notified" event written)
};

} // namespace difusor::ui
