// TrafficSession's incidents: the window judged on each tick (rates, 5xx share, a spike against the
// baseline, one address flooding, the log silent) and the changes raised and cleared in the store.
#include "TrafficSessionPrivate.h"

#include "incidents/IncidentLog.h"
#include "remote/RemoteHost.h"

#include <QJsonArray>
#include <QJsonValue>

#include <algorithm>

namespace difusor::traffic {

void TrafficSession::judge()
{
    if (!d->counter)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const TrafficRuleConfig &cfg = d->rules.config();
    TrafficObservation o;
    o.at = now;
    o.windowSeconds = cfg.windowSeconds;
    o.lastLineAt = d->lastLineAt;
    o.watchingSince = d->watchingSince;
    o.tailLive = d->state == TailState::Live;
    o.siteUp = d->siteUp.value_or(d->host && d->host->state() == remote::ConnectionState::Connected);

    const TrafficSeries *series = d->counter->series();
    if (d->clockSet && series) {
        const auto end = std::int64_t(d->clockNow()) + 1;
        const std::int64_t from = end - cfg.windowSeconds;
        for (const auto &p : series->range(TrafficSeries::Resolution::Second, from, end)) {
            o.requests += p.counts.requests;
            o.serverErrors += p.counts.status[5];
        }
        const SpikeBaseline baseline = spikeBaseline(*series, from, d->firstLineUtc, cfg);
        o.baselineRps = baseline.rps;
        o.baselineSeconds = baseline.seconds;
    }

    // Flood: per-address counts in slices of kSliceSeconds (console clock), summed over the window.
    const qint64 nowMs = d->mono.elapsed();
    if (TopCounter *window = d->counter->windowAddresses(); window && nowMs - d->sliceStartMs >= kSliceSeconds * 1000) {
        Private::Slice s;
        s.requests = d->ingest->parsedLines() - d->sliceStartParsed;
        s.top = window->top(5);
        d->slices.push_back(std::move(s));
        while (d->slices.size() > std::size_t(std::max(1, cfg.windowSeconds / kSliceSeconds)))
            d->slices.pop_front();
        d->counter->resetWindowAddresses();
        d->sliceStartParsed = d->ingest->parsedLines();
        d->sliceStartMs = nowMs;
    }
    {
        std::uint64_t requests = 0;
        std::map<std::string, std::uint64_t> byAddress;
        for (const Private::Slice &s : d->slices) {
            requests += s.requests;
            for (const TopCounter::Entry &e : s.top)
                byAddress[e.key] += e.count;
        }
        for (const auto &[address, n] : byAddress) {
            if (n > o.topAddressRequests) {
                o.topAddressRequests = n;
                o.topAddress = QString::fromStdString(address);
            }
        }
        // The share is judged against the same slices' requests.
        // The slices run on the console clock, the window on the log clock: keep the slices' share.
        if (requests > 0)
            o.topAddressRequests = std::min(o.topAddressRequests, requests) * o.requests / requests;
    }
    recordIncidents(d->rules.observe(o), &o);
}

void TrafficSession::recordIncidents(const QList<TrafficIncidentChange> &changes, const TrafficObservation *seen,
                                     bool stopping)
{
    const incidents::IncidentLog log(d->store);
    for (const TrafficIncidentChange &c : changes) {
        const TrafficIncident &i = c.incident;
        if (log.isValid()) {
            if (c.type == TrafficIncidentChange::Type::Opened) {
                incidents::Condition condition;
                condition.kind = trafficIncidentKindId(i.kind);
                condition.subject = i.subject;
                condition.title = trafficIncidentKindText(i.kind);
                condition.detail = i.detail;
                condition.startedUtc = i.opened;
                condition.detectedUtc = std::max(QDateTime::currentDateTimeUtc(), i.opened);
                if (seen)
                    condition.evidence = observationEvidence(*seen);
                log.raise(condition);
            } else if (!stopping) {
                // Stopping is not the condition ending: what is unresolved stays so in the store, and
                // the next session settles it (IncidentLog::settleCarriedOver) if it is not seen again.
                log.clear(trafficIncidentKindId(i.kind), i.subject, i.closed);
            }
        }
        if (c.type == TrafficIncidentChange::Type::Opened)
            Q_EMIT incidentOpened(c.incident);
        else
            Q_EMIT incidentClosed(c.incident);
    }
}

QJsonObject TrafficSession::observationEvidence(const TrafficObservation &o)
{
    QJsonObject e{{QStringLiteral("at"), o.at.toUTC().toString(Qt::ISODateWithMs)},
                  {QStringLiteral("window_s"), o.windowSeconds},
                  {QStringLiteral("requests"), double(o.requests)},
                  {QStringLiteral("server_errors"), double(o.serverErrors)},
                  {QStringLiteral("baseline_rps"), o.baselineRps >= 0 ? QJsonValue(o.baselineRps) : QJsonValue()},
                  {QStringLiteral("baseline_minutes"), o.baselineSeconds / 60.0},
                  {QStringLiteral("top_address"), o.topAddress},
                  {QStringLiteral("top_address_requests"), double(o.topAddressRequests)},
                  {QStringLiteral("last_line_at"), o.lastLineAt.isValid() ? QJsonValue(o.lastLineAt.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue()},
                  {QStringLiteral("tail_live"), o.tailLive},
                  {QStringLiteral("site_up"), o.siteUp}};
    QJsonArray lines;
    if (d->ingest) {
        for (const QByteArray &line : d->ingest->recentServerErrors())
            lines.append(QString::fromUtf8(line));
    }
    if (!lines.isEmpty())
        e.insert(QStringLiteral("recent_5xx_lines"), lines);
    return e;
}

} // namespace difusor::traffic
