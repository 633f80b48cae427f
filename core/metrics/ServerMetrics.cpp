#include "ServerMetrics.h"

#include "cuts/CutMonitor.h"
#include "incidents/Severity.h"
#include "remote/RemoteHost.h"
#include "traffic/TrafficSession.h"

#include <QJsonObject>
#include <QJsonValue>

namespace difusor::metrics {

namespace {

const QString kUp = QStringLiteral("difusor_up");
const QString kCutAge = QStringLiteral("difusor_cut_age_seconds");
const QString kCutLag = QStringLiteral("difusor_cut_lag_seconds");
const QString kCuts = QStringLiteral("difusor_cuts");
const QString kIncidentsOpen = QStringLiteral("difusor_incidents_open");
const QString kHttpRequests = QStringLiteral("difusor_http_requests");
const QString kHttpPages = QStringLiteral("difusor_http_pages");
const QString kCheckStatus = QStringLiteral("difusor_check_status");

const QString kServer = QStringLiteral("server");

bool isStatusClass(const QString &key)
{
    return key.size() == 3 && key.at(0) >= QLatin1Char('1') && key.at(0) <= QLatin1Char('5')
        && key.endsWith(QLatin1String("xx"));
}

} // namespace

ServerMetrics::ServerMetrics(MetricsRegistry *registry, const QString &server, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_server(server)
{
    defineFamilies(m_registry);
}

ServerMetrics::~ServerMetrics()
{
    m_registry->removeMatching(kServer, m_server);
}

void ServerMetrics::defineFamilies(MetricsRegistry *registry)
{
    // Metric metadata stays in English whatever the interface language: dashboards and alert rules
    // are written against it.
    registry->addFamily(kUp, MetricType::Gauge,
                        QStringLiteral("Whether the console's link to the server is connected (1) or not (0)."));
    registry->addFamily(kCutAge, MetricType::Gauge,
                        QStringLiteral("Seconds since the cut time of the newest cut on the server's disk."),
                        QStringLiteral("seconds"));
    registry->addFamily(kCutLag, MetricType::Gauge,
                        QStringLiteral("Publication lag of the newest cut whose lag is known: our site first "
                                       "showing it minus the official PREP site first showing it (rule: 60 s)."),
                        QStringLiteral("seconds"));
    registry->addFamily(kCuts, MetricType::Counter, QStringLiteral("Cuts recorded by this console run."));
    registry->addFamily(kIncidentsOpen, MetricType::Gauge, QStringLiteral("Incidents open now, by kind and severity."));
    registry->addFamily(kHttpRequests, MetricType::Counter,
                        QStringLiteral("Requests in the site's access log by status class, counted as each "
                                       "traffic period closes."));
    registry->addFamily(kHttpPages, MetricType::Counter,
                        QStringLiteral("Pages in the site's access log, counted as each traffic period closes."));
    registry->addFamily(kCheckStatus, MetricType::Gauge,
                        QStringLiteral("Last infrastructure check per requirement id: 1 pass, 0 fail, -1 warn or "
                                       "unknown (skipped checks have no series)."));
}

Labels ServerMetrics::labels() const
{
    return Labels{{kServer, m_server}};
}

Labels ServerMetrics::labels(const QString &name, const QString &value) const
{
    return Labels{{kServer, m_server}, {name, value}};
}

void ServerMetrics::attachHost(remote::RemoteHost *host)
{
    if (m_host)
        disconnect(m_host, nullptr, this, nullptr);
    m_host = host;
    if (!host)
        return;
    auto show = [this](remote::ConnectionState state) {
        m_registry->set(kUp, labels(), state == remote::ConnectionState::Connected ? 1 : 0);
    };
    show(host->state());
    connect(host, &remote::RemoteHost::stateChanged, this,
            [show](remote::ConnectionState state, const QString &) { show(state); });
}

void ServerMetrics::attachCuts(cuts::CutMonitor *monitor)
{
    if (m_monitor)
        disconnect(m_monitor, nullptr, this, nullptr);
    forgetIncidents(Source::Cuts);
    m_monitor = monitor;
    if (!monitor)
        return;
    m_registry->add(kCuts, labels(), 0); // from 0, so rate() has a start
    // Read at scrape time: the age grows every second without anyone setting it.
    m_registry->setSampler(kCutAge, labels(), [monitor = m_monitor]() -> std::optional<double> {
        if (!monitor)
            return std::nullopt;
        const QDateTime newest = monitor->rules().newestCut();
        if (!newest.isValid())
            return std::nullopt;
        return double(newest.msecsTo(QDateTime::currentDateTimeUtc())) / 1000.0;
    });
    connect(monitor, &cuts::CutMonitor::cutRecorded, this,
            [this](const store::CutRecord &) { m_registry->add(kCuts, labels(), 1); });
    connect(monitor, &cuts::CutMonitor::lagRecorded, this, [this](const QDateTime &cutUtc, qint64 lagMs) {
        // Sightings of an older cut may come late: the newest cut's lag stays.
        if (m_lagCut.isValid() && cutUtc < m_lagCut)
            return;
        m_lagCut = cutUtc;
        m_registry->set(kCutLag, labels(), double(lagMs) / 1000.0);
    });
    connect(monitor, &cuts::CutMonitor::incidentRecorded, this, [this](const cuts::IncidentChange &change, qint64) {
        incidentChanged(Source::Cuts, change.incident.id, cuts::incidentKindId(change.incident.kind),
                        change.type == cuts::IncidentChange::Type::Opened);
    });
}

void ServerMetrics::attachTraffic(traffic::TrafficSession *session)
{
    if (m_traffic)
        disconnect(m_traffic, nullptr, this, nullptr);
    forgetIncidents(Source::Traffic);
    m_traffic = session;
    if (!session)
        return;
    // The classes a period line carries (TrafficSession::periodLine), from 0.
    for (const char *statusClass : {"2xx", "3xx", "4xx", "5xx"})
        m_registry->add(kHttpRequests, labels(QStringLiteral("status_class"), QLatin1String(statusClass)), 0);
    m_registry->add(kHttpPages, labels(), 0);
    connect(session, &traffic::TrafficSession::periodClosed, this, &ServerMetrics::periodClosed);
    connect(session, &traffic::TrafficSession::incidentOpened, this, [this](const traffic::TrafficIncident &incident) {
        incidentChanged(Source::Traffic, incident.id, traffic::trafficIncidentKindId(incident.kind), true);
    });
    connect(session, &traffic::TrafficSession::incidentClosed, this, [this](const traffic::TrafficIncident &incident) {
        incidentChanged(Source::Traffic, incident.id, traffic::trafficIncidentKindId(incident.kind), false);
    });
}

void ServerMetrics::periodClosed(const QJsonObject &line)
{
    // Late lines come as a period of their own with only the late counts: adding every line keeps the
    // totals equal to what was read.
    const QJsonObject status = line.value(QLatin1String("status")).toObject();
    for (auto it = status.begin(); it != status.end(); ++it) {
        const double count = it.value().toDouble();
        if (isStatusClass(it.key()) && count > 0)
            m_registry->add(kHttpRequests, labels(QStringLiteral("status_class"), it.key()), count);
    }
    const double pages = line.value(QLatin1String("pages")).toDouble();
    if (pages > 0)
        m_registry->add(kHttpPages, labels(), pages);
}

void ServerMetrics::incidentChanged(Source source, quint64 id, const QString &kind, bool open)
{
    const auto key = std::make_pair(source, id);
    const auto it = m_open.find(key);
    if (open == (it != m_open.end()))
        return; // already counted (open), or not ours to close
    const QString severity = incidents::defaultSeverity(kind);
    Labels l = labels();
    l.emplace(QStringLiteral("kind"), kind);
    l.emplace(QStringLiteral("severity"), severity);
    if (open) {
        m_open.emplace(key, kind);
        m_registry->add(kIncidentsOpen, l, 1);
    } else {
        m_open.erase(it);
        m_registry->add(kIncidentsOpen, l, -1);
    }
}

void ServerMetrics::forgetIncidents(Source source)
{
    for (auto it = m_open.begin(); it != m_open.end();) {
        if (it->first.first == source) {
            Labels l = labels();
            l.emplace(QStringLiteral("kind"), it->second);
            l.emplace(QStringLiteral("severity"), incidents::defaultSeverity(it->second));
            m_registry->add(kIncidentsOpen, l, -1);
            it = m_open.erase(it);
        } else {
            ++it;
        }
    }
}

void ServerMetrics::setCheckResults(const QList<checks::CheckResult> &results)
{
    // Checks that are no longer reported lose their series.
    for (const QString &id : std::as_const(m_checkIds))
        m_registry->remove(kCheckStatus, labels(QStringLiteral("id"), id));
    m_checkIds.clear();
    for (const checks::CheckResult &result : results) {
        double value = -1;
        switch (result.status) {
        case checks::Status::Pass: value = 1; break;
        case checks::Status::Fail: value = 0; break;
        case checks::Status::Warn:
        case checks::Status::Unknown: value = -1; break;
        case checks::Status::Skipped: continue;
        }
        m_registry->set(kCheckStatus, labels(QStringLiteral("id"), result.id), value);
        m_checkIds.append(result.id);
    }
}

} // namespace difusor::metrics
