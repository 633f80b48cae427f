#pragma once

#include "MetricsRegistry.h"

#include "checks/CheckResult.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <map>
#include <utility>

class QJsonObject;

namespace difusor::remote {
class RemoteHost;
}
namespace difusor::cuts {
class CutMonitor;
struct IncidentChange;
}
namespace difusor::traffic {
class TrafficSession;
struct TrafficIncident;
}

namespace difusor::metrics {

// One watched server's live objects as metrics, every series labelled server="<profile name>":
//
//   difusor_up                          gauge    1 while the SSH (or local) link is connected, else 0
//   difusor_cut_age_seconds             gauge    now minus the cut time of the newest cut on disk (read
//                                                at scrape time); absent before the first cut
//   difusor_cut_lag_seconds             gauge    publication lag (our site first showing a cut minus the
//                                                official site first showing it) of the newest cut
//                                                whose lag is known
//   difusor_cuts_total                  counter  cuts recorded this run
//   difusor_incidents_open{kind,severity} gauge  incidents open now (cuts and traffic rules); severity
//                                                from incidents::defaultSeverity()
//   difusor_http_requests_total{status_class} counter  access-log requests by class "2xx"…"5xx" (and
//                                                any other class a period line carries), per closed period
//   difusor_http_pages_total            counter  pages (as the traffic mode counts them), per closed period
//   difusor_check_status{id}            gauge    last infrastructure check: 1 pass, 0 fail, -1 warn or
//                                                unknown; skipped checks have no series
//
// Lives on the thread of the objects it watches (the main/GUI thread); the destructor removes every
// series of its server. Two ServerMetrics must not share a server name. Attaching another object of
// the same kind replaces the first (its open incidents are forgotten). Attached objects may be destroyed
// before it (their series then stay at their last values; the cut age disappears).
class ServerMetrics final : public QObject
{
    Q_OBJECT
public:
    ServerMetrics(MetricsRegistry *registry, const QString &server, QObject *parent = nullptr);
    ~ServerMetrics() override;

    // Declares the families above (done by the constructor; public so a registry can be prepared alone).
    static void defineFamilies(MetricsRegistry *registry);

    QString server() const { return m_server; }

    void attachHost(remote::RemoteHost *host);
    void attachCuts(cuts::CutMonitor *monitor);
    void attachTraffic(traffic::TrafficSession *session);
    // The results of the last infrastructure check run; replaces the previous ones.
    void setCheckResults(const QList<checks::CheckResult> &results);

private:
    Labels labels() const;
    Labels labels(const QString &name, const QString &value) const;
    enum class Source { Cuts, Traffic };
    void incidentChanged(Source source, quint64 id, const QString &kind, bool open);
    void forgetIncidents(Source source);
    void periodClosed(const QJsonObject &line);

    MetricsRegistry *m_registry;
    QString m_server;
    QPointer<remote::RemoteHost> m_host;
    QPointer<cuts::CutMonitor> m_monitor;
    QPointer<traffic::TrafficSession> m_traffic;
    QDateTime m_lagCut; // cut time of the lag shown
    // Open incidents by (source, id local to the source's rules) -> kind: each counted once.
    std::map<std::pair<Source, quint64>, QString> m_open;
    QStringList m_checkIds; // ids with a difusor_check_status series
};

} // namespace difusor::metrics
