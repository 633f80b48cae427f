#pragma once

#include "ConnectionController.h"
#include "common/Profile.h"
#include "cuts/CutSession.h"
#include "store/StoreThread.h"
#include "traffic/TrafficSession.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>

class QWidget;

namespace difusor::incidents {
class ConnectionWatch;
}
namespace difusor::remote {
class RemoteHost;
}

namespace difusor::ui {

// One server the console watches: its connection (a ConnectionController, which asks about host keys
// and secrets) and, once the host key is verified and the server is registered in the store, the watch
// sessions on it (cuts and lag, traffic). They run whether or not a page shows them; the pages show
// one ServerEntry each (a tab per server).
class ServerEntry final : public QObject
{
    Q_OBJECT
public:
    ServerEntry(ConnectionController *controller, bool primary, QObject *parent = nullptr);
    ~ServerEntry() override;

    ConnectionController *controller() const { return m_controller; }
    bool isPrimary() const { return m_primary; }
    const Profile &profile() const { return m_controller->profile(); }
    remote::RemoteHost *host() const { return m_controller->host(); }
    QString title() const; // the profile's name, else user@host:port

    // Null (invalid) until ready().
    const store::ServerStore &store() const { return m_store; }
    cuts::CutSession *cuts() const { return m_cuts; }
    traffic::TrafficSession *traffic() const { return m_traffic; } // null when the profile has no access_log
    bool isReady() const { return m_cuts != nullptr; }

    // The console's store; null: nothing is identified or watched (a window without a store).
    void setStoreThread(store::StoreThread *thread) { m_storeThread = thread; }

Q_SIGNALS:
    void hostChanged(difusor::remote::RemoteHost *host); // the connection began (or ended: nullptr)
    void ready();                                       // identified: store(), cuts(), traffic() are set
    void gone();                                        // sessions end (disconnect or another profile)
    void failed(const QString &message);                // could not register the server in the store

private:
    void onHostChanged(remote::RemoteHost *host);
    void identify(remote::RemoteHost *host);
    void startSessions(remote::RemoteHost *host, const store::ServerStore &store);
    void tearDown();

    ConnectionController *m_controller;
    bool m_primary;
    store::StoreThread *m_storeThread = nullptr;
    store::ServerStore m_store;
    QPointer<cuts::CutSession> m_cuts;
    QPointer<traffic::TrafficSession> m_traffic;
    QPointer<incidents::ConnectionWatch> m_connectionWatch;
    quint64 m_generation = 0; // an identification answer for an older host is dropped
};

// The servers the console watches at once: the primary one (the window's connection(), replaced by
// "Conectar") and any added beside it ("Conectar además", or a second --profile).
class ServerSet final : public QObject
{
    Q_OBJECT
public:
    ServerSet(ConnectionController *primary, QWidget *dialogParent, QObject *parent = nullptr);
    ~ServerSet() override;

    void setStoreThread(store::StoreThread *thread);
    // The RemoteHost factory for every connection, the primary's included (tests give their own).
    void setHostFactory(ConnectionController::HostFactory factory);

    ServerEntry *primary() const { return m_entries.first(); }
    QList<ServerEntry *> entries() const { return m_entries; }
    // The entry watching `profile` (same identity id), or null.
    ServerEntry *entryFor(const Profile &profile) const;

    // Watches `profile` beside the servers already watched; a profile already watched is reconnected.
    ServerEntry *addServer(const Profile &profile);
    void removeServer(ServerEntry *entry); // not the primary: disconnects it and forgets it
    void disconnectAll();

Q_SIGNALS:
    void entryAdded(difusor::ui::ServerEntry *entry);
    void entryRemoved(difusor::ui::ServerEntry *entry); // just before it is deleted

private:
    QWidget *m_dialogParent;
    store::StoreThread *m_storeThread = nullptr;
    ConnectionController::HostFactory m_factory;
    QList<ServerEntry *> m_entries;
};

} // namespace difusor::ui
