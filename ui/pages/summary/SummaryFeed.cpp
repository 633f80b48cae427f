#include "SummaryFeed.h"

#include "checks/CheckResult.h"
#include "common/Tr.h"
#include "connection/ServerSet.h"
#include "cuts/CutMonitor.h"
#include "cuts/CutSession.h"
#include "remote/RemoteHost.h"
#include "store/Store.h"
#include "store/StoreThread.h"
#include "traffic/TrafficSession.h"

#include <QJsonObject>

namespace difusor::ui {

namespace {

// What the store knows of the server when it is identified: one round trip on the store's thread.
struct Snapshot
{
    QString error; // the store could not be read (closed, or a query failed)
    std::optional<store::CutRecord> cut;
    std::optional<CheckSummary> check;
    QList<store::IncidentRecord> incidents;
};

std::optional<CheckSummary> summarize(const QList<store::CheckRunRecord> &runs)
{
    if (runs.isEmpty())
        return std::nullopt;
    CheckSummary summary;
    summary.startedUtc = runs.first().startedUtc;
    for (const QJsonValue &value : runs.first().results) {
        const auto result = checks::CheckResult::fromJson(value.toObject());
        if (!result)
            continue;
        switch (result->status) {
        case checks::Status::Pass: ++summary.pass; break;
        case checks::Status::Warn: ++summary.warn; break;
        case checks::Status::Fail: ++summary.fail; break;
        case checks::Status::Unknown: ++summary.unknown; break;
        case checks::Status::Skipped: ++summary.skipped; break;
        }
    }
    return summary;
}

SummaryIncident summaryIncident(const store::IncidentRecord &r)
{
    return SummaryIncident{r.kind, r.severity, r.title, r.acknowledgedUtc.isValid()};
}

QString closedStore(const store::Store &s)
{
    return s.lastError().isEmpty() ? Tr::tr("La base de datos no está abierta.") : s.lastError();
}

} // namespace

SummaryFeed::SummaryFeed(ServerEntry *entry, QObject *parent)
    : QObject(parent)
    , m_entry(entry)
{
    connect(entry, &ServerEntry::hostChanged, this, &SummaryFeed::onHostChanged);
    connect(entry, &ServerEntry::ready, this, &SummaryFeed::attach);
    connect(entry, &ServerEntry::gone, this, [this] {
        // The sessions end (their signals with them); what the store said belongs to them.
        ++m_generation;
        m_server = 0;
        SummaryFacts fresh;
        fresh.hasHost = m_facts.hasHost;
        fresh.hostName = m_facts.hostName;
        fresh.connection = m_facts.connection;
        fresh.connectionReason = m_facts.connectionReason;
        m_facts = fresh;
        Q_EMIT changed();
    });
    onHostChanged();
    if (entry->isReady())
        attach();
}

void SummaryFeed::onHostChanged()
{
    ++m_generation;
    m_server = 0;
    m_facts = SummaryFacts{};
    if (remote::RemoteHost *host = m_entry->host()) {
        m_facts.hasHost = true;
        m_facts.hostName = host->displayName();
        m_facts.connection = host->state();
        connect(host, &remote::RemoteHost::stateChanged, this,
                [this, host](remote::ConnectionState state, const QString &reason) {
                    if (m_entry->host() != host)
                        return;
                    m_facts.connection = state;
                    m_facts.connectionReason = reason;
                    Q_EMIT changed();
                });
    }
    Q_EMIT changed();
}

void SummaryFeed::attach()
{
    if (!m_entry->isReady())
        return;
    ++m_generation;
    m_server = m_entry->store().server();
    m_facts.watching = true;
    cuts::CutMonitor *monitor = m_entry->cuts()->monitor();
    m_facts.maxLagMs = monitor->rules().config().maxLagMs;
    connect(monitor, &cuts::CutMonitor::cutRecorded, this, [this](const store::CutRecord &cut) {
        if (!cut.unreadable.isEmpty() && !cut.cutTimeUtc.isValid())
            return;
        if (!m_facts.cutUtc.isValid() || cut.cutTimeUtc > m_facts.cutUtc) {
            m_facts.cutUtc = cut.cutTimeUtc;
            m_facts.arrivalUtc = cut.arrivedConsoleUtc.isValid() ? cut.arrivedConsoleUtc : cut.detectedUtc;
            Q_EMIT changed();
        }
    });
    connect(monitor, &cuts::CutMonitor::lagRecorded, this, [this](const QDateTime &, qint64 lagMs) {
        m_facts.lagMs = lagMs;
        Q_EMIT changed();
    });
    m_facts.hasTraffic = m_entry->traffic() != nullptr;
    if (traffic::TrafficSession *session = m_entry->traffic()) {
        connect(session, &traffic::TrafficSession::periodClosed, this, [this, session](const QJsonObject &line) {
            const double seconds = session->periodSeconds();
            if (line.value(QLatin1String("late")).toBool() || line.value(QLatin1String("partial")).toBool() || seconds <= 0)
                return;
            m_facts.requestsPerSecond = line.value(QLatin1String("requests")).toDouble() / seconds;
            Q_EMIT changed();
        });
    }
    store::StoreThread *thread = m_entry->store().thread();
    if (thread != m_storeThread) {
        if (m_storeThread)
            disconnect(m_storeThread, nullptr, this, nullptr);
        m_storeThread = thread;
        connect(thread, &store::StoreThread::incidentChanged, this, &SummaryFeed::onIncidentChanged);
        connect(thread, &store::StoreThread::checkRunSaved, this, &SummaryFeed::onCheckRunSaved);
    }
    Q_EMIT changed();
    readStore();
}

void SummaryFeed::readStore()
{
    const qint64 server = m_server;
    const quint64 generation = m_generation;
    m_entry->store().call<Snapshot>(
        this,
        [server](store::Store &s) {
            Snapshot snapshot;
            if (!s.isOpen()) {
                snapshot.error = closedStore(s);
                return snapshot;
            }
            snapshot.cut = s.latestCut();
            snapshot.check = summarize(s.lastCheckRuns(1));
            store::IncidentFilter filter;
            filter.state = QStringLiteral("unresolved");
            filter.serverId = server;
            snapshot.incidents = s.findIncidents(filter);
            return snapshot;
        },
        [this, generation](const Snapshot &snapshot) {
            if (generation != m_generation)
                return;
            if (!snapshot.error.isEmpty()) {
                m_facts.checkError = snapshot.error;
                m_facts.incidentsError = snapshot.error;
                Q_EMIT changed();
                return;
            }
            // Live events that came first are newer than the store's answer only for the cut.
            if (snapshot.cut && snapshot.cut->cutTimeUtc.isValid()
                && (!m_facts.cutUtc.isValid() || snapshot.cut->cutTimeUtc > m_facts.cutUtc)) {
                m_facts.cutUtc = snapshot.cut->cutTimeUtc;
                m_facts.arrivalUtc = snapshot.cut->arrivedConsoleUtc.isValid() ? snapshot.cut->arrivedConsoleUtc
                                                                                : snapshot.cut->detectedUtc;
                if (!m_facts.lagMs)
                    m_facts.lagMs = snapshot.cut->lagMs();
            }
            m_facts.checkLoaded = true;
            m_facts.check = snapshot.check;
            // The read ran after every change announced before it (one store thread, in order), and
            // changes after it are announced after this answer: it replaces what came before.
            m_facts.incidents.clear();
            for (const store::IncidentRecord &r : snapshot.incidents)
                m_facts.incidents.insert(r.id, summaryIncident(r));
            m_facts.incidentsLoaded = true;
            Q_EMIT changed();
        });
}

void SummaryFeed::readCheckRun()
{
    const quint64 generation = m_generation;
    using Answer = std::pair<QString, std::optional<CheckSummary>>;
    m_entry->store().call<Answer>(
        this,
        [](store::Store &s) -> Answer {
            if (!s.isOpen())
                return {closedStore(s), std::nullopt};
            return {QString(), summarize(s.lastCheckRuns(1))};
        },
        [this, generation](const Answer &answer) {
            if (generation != m_generation)
                return;
            m_facts.checkError = answer.first;
            m_facts.checkLoaded = answer.first.isEmpty();
            m_facts.check = answer.second;
            Q_EMIT changed();
        });
}

void SummaryFeed::onIncidentChanged(const store::IncidentUpdate &update)
{
    if (m_server <= 0 || update.incident.serverId != m_server || !update.changed)
        return;
    if (update.incident.isOpen())
        m_facts.incidents.insert(update.incident.id, summaryIncident(update.incident));
    else if (!m_facts.incidents.remove(update.incident.id))
        return;
    Q_EMIT changed();
}

void SummaryFeed::onCheckRunSaved(qint64 serverId)
{
    if (m_server > 0 && serverId == m_server)
        readCheckRun();
}

} // namespace difusor::ui
