#include "ServerSet.h"

#include "HostFactory.h"
#include "cuts/CutMonitor.h"
#include "incidents/ConnectionWatch.h"
#include "cuts/CutSession.h"
#include "remote/RemoteHost.h"
#include "traffic/TrafficSession.h"

namespace difusor::ui {

using remote::ConnectionState;
using remote::RemoteHost;

ServerEntry::ServerEntry(ConnectionController *controller, bool primary, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_primary(primary)
{
    connect(m_controller, &ConnectionController::hostChanged, this, &ServerEntry::onHostChanged);
}

ServerEntry::~ServerEntry()
{
    tearDown();
}

QString ServerEntry::title() const
{
    const Profile &p = profile();
    if (!p.name.isEmpty())
        return p.name;
    return host() ? host()->displayName() : p.host;
}

void ServerEntry::onHostChanged(RemoteHost *host)
{
    tearDown();
    ++m_generation;
    Q_EMIT hostChanged(host);
    if (!host)
        return;
    // Known by its host key once connected; only then are its records read and written.
    connect(host, &RemoteHost::stateChanged, this, [this, host](ConnectionState state) {
        if (state == ConnectionState::Connected && !m_store.isValid())
            identify(host);
    });
    // The host is destroyed with its connection: the sessions never outlive it, nor touch it while it goes.
    connect(host, &QObject::destroyed, this, [this] {
        if (m_traffic)
            m_traffic->abandonHost();
        if (m_cuts)
            m_cuts->abandonHost();
        tearDown();
    });
    if (host->state() == ConnectionState::Connected)
        identify(host);
}

void ServerEntry::identify(RemoteHost *host)
{
    if (!m_storeThread)
        return;
    const quint64 generation = m_generation;
    QPointer<RemoteHost> guard(host);
    m_storeThread->identify(store::identityOf(profile(), *host), this,
                            [this, generation, guard](const store::ServerStore &store, const QString &error) {
                                if (generation != m_generation || !guard || m_store.isValid())
                                    return;
                                if (!store.isValid()) {
                                    Q_EMIT failed(tr("El servidor %1 no se pudo registrar en la base de datos: %2. "
                                                     "Nada de lo que se mida en él podrá guardarse.")
                                                      .arg(title(), error));
                                    return;
                                }
                                startSessions(guard, store);
                            });
}

void ServerEntry::startSessions(RemoteHost *host, const store::ServerStore &store)
{
    m_store = store;
    const Profile p = profile();
    // The link down longer than 30 s is an incident of its own (connection_lost).
    m_connectionWatch = new incidents::ConnectionWatch(host, incidents::IncidentLog(store), this);
    m_cuts = new cuts::CutSession(host, p, store, this);
    if (!p.accessLog.isEmpty()) {
        m_traffic = new traffic::TrafficSession(host, p, this);
        m_traffic->setStore(store);
        // A silent log is only news while our site answers.
        connect(m_cuts->monitor(), &cuts::CutMonitor::ourSiteAnswering, m_traffic.data(),
                &traffic::TrafficSession::setSiteUp);
    }
    Q_EMIT ready(); // pages attach first: they see the history load and every live event
    if (m_cuts)
        m_cuts->start();
    if (m_traffic)
        m_traffic->start();
}

void ServerEntry::tearDown()
{
    const bool had = m_cuts || m_traffic;
    if (had)
        Q_EMIT gone();
    if (m_traffic) {
        m_traffic->stop();
        delete m_traffic.data();
    }
    if (m_cuts) {
        m_cuts->stop();
        delete m_cuts.data();
    }
    delete m_connectionWatch.data();
    m_store = {};
}

ServerSet::ServerSet(ConnectionController *primary, QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_dialogParent(dialogParent)
    , m_factory(&createSshHost)
{
    m_entries.append(new ServerEntry(primary, true, this));
}

ServerSet::~ServerSet()
{
    // Sessions end before the connections they use (the primary's controller belongs to the window).
    for (ServerEntry *entry : std::as_const(m_entries))
        delete entry;
    m_entries.clear();
}

void ServerSet::setStoreThread(store::StoreThread *thread)
{
    m_storeThread = thread;
    for (ServerEntry *entry : std::as_const(m_entries))
        entry->setStoreThread(thread);
}

void ServerSet::setHostFactory(ConnectionController::HostFactory factory)
{
    m_factory = std::move(factory);
    for (ServerEntry *entry : std::as_const(m_entries))
        entry->controller()->setHostFactory(m_factory);
}

ServerEntry *ServerSet::entryFor(const Profile &profile) const
{
    const QString id = profile.identityId();
    for (ServerEntry *entry : m_entries) {
        if (entry->controller()->host() && entry->profile().identityId() == id)
            return entry;
    }
    return nullptr;
}

ServerEntry *ServerSet::addServer(const Profile &profile)
{
    if (ServerEntry *existing = entryFor(profile)) {
        existing->controller()->connectProfile(profile);
        return existing;
    }
    if (!primary()->controller()->host()) {
        primary()->controller()->connectProfile(profile);
        return primary();
    }
    auto *controller = new ConnectionController(m_dialogParent, this);
    controller->setHostFactory(m_factory);
    auto *entry = new ServerEntry(controller, false, this);
    entry->setStoreThread(m_storeThread);
    m_entries.append(entry);
    Q_EMIT entryAdded(entry);
    controller->connectProfile(profile);
    return entry;
}

void ServerSet::removeServer(ServerEntry *entry)
{
    if (!entry || entry->isPrimary() || !m_entries.contains(entry))
        return;
    m_entries.removeOne(entry);
    Q_EMIT entryRemoved(entry);
    ConnectionController *controller = entry->controller();
    delete entry; // its sessions first
    controller->disconnectFromHost();
    controller->deleteLater();
}

void ServerSet::disconnectAll()
{
    const QList<ServerEntry *> others = m_entries.mid(1);
    for (ServerEntry *entry : others)
        removeServer(entry);
    primary()->controller()->disconnectFromHost();
}

} // namespace difusor::ui
