#include "TrafficIncidents.h"

#include "common/Profile.h"
#include "common/Tr.h"
#include "TrafficSeries.h"

#include <QJsonValue>

#include <algorithm>
#include <cmath>
#include <vector>

namespace difusor::traffic {

QString trafficIncidentKindId(TrafficIncidentKind kind)
{
    switch (kind) {
    case TrafficIncidentKind::ServerErrors: return QStringLiteral("traffic_5xx");
    case TrafficIncidentKind::Spike: return QStringLiteral("traffic_spike");
    case TrafficIncidentKind::Flood: return QStringLiteral("traffic_flood");
    case TrafficIncidentKind::LogSilent: return QStringLiteral("traffic_log_silent");
    }
    return QStringLiteral("traffic");
}

QString trafficIncidentKindText(TrafficIncidentKind kind)
{
    switch (kind) {
    case TrafficIncidentKind::ServerErrors: return Tr::tr("Errores 5xx");
    case TrafficIncidentKind::Spike: return Tr::tr("Pico de solicitudes");
    case TrafficIncidentKind::Flood: return Tr::tr("Una dirección inunda el sitio");
    case TrafficIncidentKind::LogSilent: return Tr::tr("Bitácora de acceso en silencio");
    }
    return {};
}

TrafficRuleConfig TrafficRuleConfig::fromProfile(const Profile &profile)
{
    TrafficRuleConfig c;
    auto number = [&](const char *key, double current, double min, double max) {
        const QJsonValue v = profile.extra.value(QLatin1String(key));
        return v.isDouble() && v.toDouble() >= min && v.toDouble() <= max ? v.toDouble() : current;
    };
    c.windowSeconds = int(number("traffic_window_s", c.windowSeconds, 5, 3600));
    c.maxServerErrorShare = number("traffic_5xx_share", c.maxServerErrorShare, 0.0001, 1);
    c.minRequestsForShare = std::uint64_t(number("traffic_5xx_min_requests", double(c.minRequestsForShare), 1, 1e12));
    c.spikeFactor = number("traffic_spike_factor", c.spikeFactor, 1.01, 1e6);
    c.spikeMinRps = number("traffic_spike_min_rps", c.spikeMinRps, 0, 1e9);
    const int bucket = int(number("traffic_baseline_bucket_s", c.baselineBucketSeconds, 1, 60));
    if (60 % bucket == 0)
        c.baselineBucketSeconds = bucket;
    // At least two buckets (the old floor, two minutes, for minute buckets); an hour of per-second history.
    const double maxMinutes = c.baselineBucketSeconds < 60 ? 60 : 24 * 60;
    const double minutes = number("traffic_baseline_min", c.baselineSeconds / 60.0, 2.0 * c.baselineBucketSeconds / 60.0, maxMinutes);
    c.baselineSeconds = std::max(2, int(std::lround(minutes * 60 / c.baselineBucketSeconds))) * c.baselineBucketSeconds;
    c.baselineMinSeconds = std::min(c.baselineMinSeconds, c.baselineSeconds);
    c.floodShare = number("traffic_flood_share", c.floodShare, 0.01, 1);
    c.floodMinRequests = std::uint64_t(number("traffic_flood_min_requests", double(c.floodMinRequests), 1, 1e12));
    c.silentAfterSeconds = int(number("traffic_silent_after_s", c.silentAfterSeconds, 5, 86400));
    return c;
}

SpikeBaseline spikeBaseline(const TrafficSeries &series, std::int64_t windowStart, std::int64_t firstLineUtc,
                            const TrafficRuleConfig &config)
{
    const std::int64_t bucket = config.baselineBucketSeconds;
    const std::int64_t end = floorTo(windowStart, bucket);
    const std::int64_t from = std::max(end - std::int64_t(config.baselineSeconds), floorTo(firstLineUtc, bucket) + bucket);
    SpikeBaseline b;
    if (end <= from)
        return b;
    std::vector<double> rates(std::size_t((end - from) / bucket), 0.0);
    const auto resolution = bucket == 60 ? TrafficSeries::Resolution::Minute : TrafficSeries::Resolution::Second;
    for (const auto &p : series.range(resolution, from, end))
        rates[std::size_t((p.start - from) / bucket)] += double(p.counts.requests) / double(bucket);
    std::nth_element(rates.begin(), rates.begin() + std::ptrdiff_t(rates.size() / 2), rates.end());
    b.rps = rates[rates.size() / 2];
    b.seconds = int(rates.size() * std::size_t(bucket));
    return b;
}

TrafficIncidentRules::TrafficIncidentRules(const TrafficRuleConfig &config)
    : m_config(config)
{
}

void TrafficIncidentRules::set(QList<TrafficIncidentChange> &out, TrafficIncidentKind kind, bool on,
                               const QString &subject, const QDateTime &at, const QString &detail)
{
    for (qsizetype i = 0; i < m_open.size(); ++i) {
        TrafficIncident &open = m_open[i];
        if (open.kind != kind)
            continue;
        if (on && open.subject == subject)
            return; // still open, nothing new
        open.closed = at;
        out.append({TrafficIncidentChange::Type::Closed, open});
        m_open.removeAt(i);
        break;
    }
    if (!on)
        return;
    TrafficIncident incident;
    incident.id = m_nextId++;
    incident.kind = kind;
    incident.subject = subject;
    incident.opened = at;
    incident.detail = detail;
    m_open.append(incident);
    out.append({TrafficIncidentChange::Type::Opened, incident});
}

QList<TrafficIncidentChange> TrafficIncidentRules::observe(const TrafficObservation &o)
{
    QList<TrafficIncidentChange> out;
    auto isOpen = [this](TrafficIncidentKind kind) {
        for (const TrafficIncident &i : std::as_const(m_open))
            if (i.kind == kind)
                return true;
        return false;
    };
    const QString log = QStringLiteral("access_log");
    const double seconds = o.windowSeconds > 0 ? o.windowSeconds : 1;
    const double rps = double(o.requests) / seconds;

    // 5xx share. Hysteresis: an open incident closes only below 80 % of the threshold.
    {
        const bool open = isOpen(TrafficIncidentKind::ServerErrors);
        const double share = o.requests > 0 ? double(o.serverErrors) / double(o.requests) : 0;
        const double threshold = m_config.maxServerErrorShare * (open ? 0.8 : 1.0);
        const bool on = o.requests >= m_config.minRequestsForShare && share > threshold;
        set(out, TrafficIncidentKind::ServerErrors, on, log, o.at,
            Tr::tr("%1 % de las solicitudes con error 5xx en los últimos %2 s (%3 de %4; umbral %5 %)")
                .arg(share * 100, 0, 'f', 1)
                .arg(seconds, 0, 'f', 0)
                .arg(o.serverErrors)
                .arg(o.requests)
                .arg(m_config.maxServerErrorShare * 100, 0, 'f', 1));
    }

    // Spike against the baseline; the baseline in force when it opened holds until it closes (a long
    // spike would otherwise become its own baseline).
    {
        const bool open = isOpen(TrafficIncidentKind::Spike);
        double baseline = o.baselineSeconds >= m_config.baselineMinSeconds ? o.baselineRps : -1;
        if (open && m_spikeBaseline >= 0)
            baseline = baseline >= 0 ? std::min(baseline, m_spikeBaseline) : m_spikeBaseline;
        if (baseline >= 0) {
            const double factor = m_config.spikeFactor * (open ? 0.8 : 1.0);
            const bool on = rps >= m_config.spikeMinRps && rps > factor * std::max(baseline, 0.01);
            if (on && !open)
                m_spikeBaseline = baseline;
            set(out, TrafficIncidentKind::Spike, on, log, o.at,
                Tr::tr("%1 solicitudes/s en los últimos %2 s contra %3/s de base (×%4)")
                    .arg(rps, 0, 'f', 1)
                    .arg(seconds, 0, 'f', 0)
                    .arg(baseline, 0, 'f', 1)
                    .arg(rps / std::max(baseline, 0.01), 0, 'f', 1));
            if (!on)
                m_spikeBaseline = -1;
        }
    }

    // One address flooding.
    {
        const bool on = !o.topAddress.isEmpty() && o.topAddressRequests >= m_config.floodMinRequests
                        && o.requests > 0 && double(o.topAddressRequests) / double(o.requests) > m_config.floodShare;
        set(out, TrafficIncidentKind::Flood, on, o.topAddress, o.at,
            Tr::tr("%1 hizo %2 de %3 solicitudes (%4 %) en los últimos %5 s")
                .arg(o.topAddress)
                .arg(o.topAddressRequests)
                .arg(o.requests)
                .arg(o.requests > 0 ? 100.0 * double(o.topAddressRequests) / double(o.requests) : 0.0, 0, 'f', 0)
                .arg(seconds, 0, 'f', 0));
    }

    // Log silent while the site is up: judged only while the tail is live (a reconnecting tail knows
    // nothing new), from the last line or, before any, from when the tail went live.
    if (o.tailLive) {
        const QDateTime since = o.lastLineAt.isValid() ? o.lastLineAt : o.watchingSince;
        const qint64 silentS = since.isValid() ? since.secsTo(o.at) : 0;
        const bool on = o.siteUp && silentS >= m_config.silentAfterSeconds;
        set(out, TrafficIncidentKind::LogSilent, on, log, on && since.isValid() ? since : o.at,
            Tr::tr("Ninguna línea nueva en la bitácora de acceso desde hace %1 s y el sitio responde").arg(silentS));
    }
    return out;
}

QList<TrafficIncidentChange> TrafficIncidentRules::closeAll(const QDateTime &at)
{
    QList<TrafficIncidentChange> out;
    for (TrafficIncident i : std::as_const(m_open)) {
        i.closed = at;
        out.append({TrafficIncidentChange::Type::Closed, i});
    }
    m_open.clear();
    m_spikeBaseline = -1;
    return out;
}

} // namespace difusor::traffic
