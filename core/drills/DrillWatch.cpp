#include "DrillWatch.h"

#include "common/Tr.h"
#include "cuts/CutMonitor.h"
#include "cuts/CutSession.h"
#include "incidents/ConnectionWatch.h"
#include "incidents/IncidentLog.h"
#include "remote/HeadlessHost.h"
#include "remote/RemoteHost.h"
#include "traffic/TrafficSession.h"

namespace difusor::drills {

DrillWatch::DrillWatch(const Profile &profile, store::StoreThread *store, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_store(store)
{
}

DrillWatch::~DrillWatch()
{
    stop();
    // Sessions before the host they use.
    m_connection.reset();
    m_traffic.reset();
    m_cuts.reset();
    m_host.reset();
}

void DrillWatch::start()
{
    if (m_host)
        return;
    // A drill never trusts a new host key: the profile's known_hosts must already know the server.
    m_host = remote::makeHeadlessHost(m_profile, false, m_hostErr);
    connect(m_host.get(), &remote::RemoteHost::stateChanged, this,
            [this](remote::ConnectionState state, const QString &reason) {
                if (m_stopped)
                    return;
                if (state == remote::ConnectionState::Connected && !m_started && !m_identifying) {
                    m_identifying = true;
                    m_store->identify(store::identityOf(m_profile, *m_host), this,
                                      [this](const store::ServerStore &server, const QString &why) {
                                          m_identifying = false;
                                          if (m_stopped)
                                              return;
                                          if (!server.isValid()) {
                                              Q_EMIT failed(Tr::tr("No se pudo registrar el servidor: %1").arg(why));
                                              return;
                                          }
                                          startSessions(server);
                                      });
                } else if (state == remote::ConnectionState::Failed && !m_started) {
                    m_hostErr.flush();
                    const QString extra = m_hostMessages.trimmed();
                    Q_EMIT failed(Tr::tr("No se pudo conectar con %1: %2").arg(m_host->displayName(), reason)
                                  + (extra.isEmpty() ? QString() : QLatin1Char('\n') + extra));
                } else if (state != remote::ConnectionState::Connected && !reason.isEmpty()) {
                    Q_EMIT notice(remote::connectionStateText(state) + QStringLiteral(": ") + reason);
                }
            });
    m_host->connectToHost();
}

void DrillWatch::startSessions(const store::ServerStore &server)
{
    m_started = true;
    m_server = server;
    m_connection = std::make_unique<incidents::ConnectionWatch>(m_host.get(), incidents::IncidentLog(server));
    m_cuts = std::make_unique<cuts::CutSession>(m_host.get(), m_profile, server);
    cuts::CutMonitor *monitor = m_cuts->monitor();
    connect(monitor, &cuts::CutMonitor::cutRecorded, this, &DrillWatch::cutRecorded);
    connect(monitor, &cuts::CutMonitor::storeFailed, this, &DrillWatch::notice);
    connect(m_cuts.get(), &cuts::CutSession::watcherStateChanged, this,
            [this](cuts::CutSession::WatcherState, const QString &detail) {
                if (!detail.isEmpty())
                    Q_EMIT notice(Tr::tr("Vigilante de cortes: %1").arg(detail));
            });
    if (!m_profile.accessLog.isEmpty()) {
        m_traffic = std::make_unique<traffic::TrafficSession>(m_host.get(), m_profile);
        m_traffic->setPeriodSeconds(10);
        m_traffic->setStore(server);
        connect(monitor, &cuts::CutMonitor::ourSiteAnswering, m_traffic.get(), &traffic::TrafficSession::setSiteUp);
    }
    m_cuts->start();
    if (m_traffic)
        m_traffic->start();
    Q_EMIT watching(server);
}

void DrillWatch::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    if (m_cuts)
        m_cuts->stop();
    if (m_traffic)
        m_traffic->stop();
    if (m_host)
        m_host->disconnectFromHost();
}

} // namespace difusor::drills
