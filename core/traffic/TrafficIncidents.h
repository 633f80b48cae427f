#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <algorithm>
#include <cstdint>

namespace difusor {
struct Profile;
}

namespace difusor::traffic {

class TrafficSeries;

enum class TrafficIncidentKind {
    ServerErrors, // 5xx share of requests over a threshold in the window
    Spike,        // request rate far above the recent baseline
    Flood,        // one client address makes most of the requests
    LogSilent,    // no line in the log for too long while the site is up
};
QString trafficIncidentKindId(TrafficIncidentKind kind);   // stable: "traffic_5xx", "traffic_spike", …
QString trafficIncidentKindText(TrafficIncidentKind kind); // translated title

struct TrafficRuleConfig
{
    int windowSeconds = 60;          // rates are judged over the last window (sliding)
    double maxServerErrorShare = 0.05; // 5xx / requests
    std::uint64_t minRequestsForShare = 20; // fewer requests in the window: no 5xx verdict
    double spikeFactor = 3.0;        // window rate > factor × baseline rate
    double spikeMinRps = 5.0;        // … and at least this many requests per second
    int baselineSeconds = 15 * 60;   // baseline: median requests/s of the buckets in this span before the window
    int baselineMinSeconds = 5 * 60; // less history than this: no spike verdict
    int baselineBucketSeconds = 60;  // one bucket of the baseline; divides 60 (a rehearsal at sandbox pace: 5)
    double floodShare = 0.5;         // one address > this share of the window's requests …
    std::uint64_t floodMinRequests = 300; // … and at least this many
    int silentAfterSeconds = 120;    // no line for this long while the site is up

    // Optional profile extra keys: traffic_window_s, traffic_5xx_share, traffic_5xx_min_requests,
    // traffic_spike_factor, traffic_spike_min_rps, traffic_baseline_min, traffic_baseline_bucket_s,
    // traffic_flood_share, traffic_flood_min_requests, traffic_silent_after_s. Bad values keep the default.
    // traffic_baseline_min may be a fraction (at least two buckets); with buckets under a minute it is
    // capped at 60 (the per-second series holds the last hour).
    static TrafficRuleConfig fromProfile(const Profile &profile);
};

struct TrafficIncident
{
    quint64 id = 0; // local to one TrafficIncidentRules
    TrafficIncidentKind kind = TrafficIncidentKind::ServerErrors;
    QString subject;  // the address for Flood, else "access_log"
    QDateTime opened; // console clock, UTC
    QDateTime closed; // invalid while open
    QString detail;   // translated

    bool isOpen() const { return !closed.isValid(); }
};

struct TrafficIncidentChange
{
    enum class Type { Opened, Closed };
    Type type;
    TrafficIncident incident; // state after the change
};

// What the rules judge at one moment (built by TrafficSession from the series, or by tests).
struct TrafficObservation
{
    QDateTime at;                 // console clock (UTC)
    double windowSeconds = 60;    // span the counts below cover
    std::uint64_t requests = 0;   // in the window
    std::uint64_t serverErrors = 0; // 5xx in the window
    double baselineRps = -1;      // median requests/s of the baseline minutes; < 0: not enough history
    int baselineSeconds = 0;      // how much history the baseline had
    QString topAddress;           // busiest address in the window
    std::uint64_t topAddressRequests = 0;
    QDateTime lastLineAt;         // console clock of the last line read (invalid: none yet)
    QDateTime watchingSince;      // console clock when the tail went live
    bool tailLive = false;        // the tail is connected and reading
    bool siteUp = true;
};

// The spike rule's baseline at one moment: the median requests/s of the whole buckets in the span before
// the window (windowStart, log clock, UTC seconds), counted from the bucket after the first line's (a
// partial first bucket would read low). Minute buckets from the series' minutes, shorter ones from its
// seconds (the last hour). rps < 0: no whole bucket yet.
struct SpikeBaseline
{
    double rps = -1;
    int seconds = 0; // the history it covers
};
SpikeBaseline spikeBaseline(const TrafficSeries &series, std::int64_t windowStart, std::int64_t firstLineUtc,
                            const TrafficRuleConfig &config);

// The traffic incident rules as a pure state machine (no clocks, no I/O): feed observations in time
// order; each call returns what opened or closed. An incident closes when its condition is false,
// with hysteresis for the rates (5xx share and spike close below 80 % of their threshold); a Flood whose
// busiest address changes closes and reopens with the new address.
class TrafficIncidentRules final
{
public:
    explicit TrafficIncidentRules(const TrafficRuleConfig &config = {});

    QList<TrafficIncidentChange> observe(const TrafficObservation &o);
    // Closes everything open (session stopped).
    QList<TrafficIncidentChange> closeAll(const QDateTime &at);

    QList<TrafficIncident> openIncidents() const { return m_open; }
    const TrafficRuleConfig &config() const { return m_config; }

private:
    void set(QList<TrafficIncidentChange> &out, TrafficIncidentKind kind, bool on, const QString &subject,
             const QDateTime &at, const QString &detail);

    TrafficRuleConfig m_config;
    QList<TrafficIncident> m_open;
    quint64 m_nextId = 1;
    double m_spikeBaseline = -1; // baseline when the open spike opened
};

} // namespace difusor::traffic

Q_DECLARE_METATYPE(difusor::traffic::TrafficIncident)
