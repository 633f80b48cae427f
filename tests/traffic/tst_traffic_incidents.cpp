// The traffic incident rules on explicit observations and clocks: 5xx share (with hysteresis), spike
// against the baseline (baseline held while open), one address flooding, log silent while the site is up,
// and the thresholds from the profile's extra keys.
#include "common/Profile.h"
#include "traffic/TrafficIncidents.h"
#include "traffic/TrafficSeries.h"

#include <QJsonObject>
#include <QTest>

using namespace difusor::traffic;

namespace {

const QDateTime T0 = QDateTime(QDate(2026, 6, 7), QTime(20, 0), Qt::UTC);

TrafficObservation obs(int second, std::uint64_t requests, std::uint64_t errors = 0)
{
    TrafficObservation o;
    o.at = T0.addSecs(second);
    o.windowSeconds = 60;
    o.requests = requests;
    o.serverErrors = errors;
    o.tailLive = true;
    o.lastLineAt = o.at;
    o.watchingSince = T0;
    return o;
}

int count(const QList<TrafficIncidentChange> &changes, TrafficIncidentChange::Type type, TrafficIncidentKind kind)
{
    int n = 0;
    for (const auto &c : changes)
        n += c.type == type && c.incident.kind == kind ? 1 : 0;
    return n;
}

constexpr auto Opened = TrafficIncidentChange::Type::Opened;
constexpr auto Closed = TrafficIncidentChange::Type::Closed;

} // namespace

class TstTrafficIncidents final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serverErrors()
    {
        TrafficIncidentRules rules; // 5 %, at least 20 requests
        QVERIFY(rules.observe(obs(0, 1000, 50)).isEmpty());           // exactly 5 %: not over
        QVERIFY(rules.observe(obs(1, 10, 10)).isEmpty());             // too few requests to judge
        auto c = rules.observe(obs(2, 1000, 51));
        QCOMPARE(count(c, Opened, TrafficIncidentKind::ServerErrors), 1);
        QCOMPARE(c.first().incident.opened, T0.addSecs(2));
        QCOMPARE(c.first().incident.subject, QStringLiteral("access_log"));
        QVERIFY(c.first().incident.detail.contains(QStringLiteral("5xx")));
        QVERIFY(rules.observe(obs(3, 1000, 200)).isEmpty());          // still open: no new change
        QVERIFY(rules.observe(obs(4, 1000, 45)).isEmpty());           // 4.5 %: above 80 % of the threshold
        c = rules.observe(obs(5, 1000, 39));                          // 3.9 %: closes
        QCOMPARE(count(c, Closed, TrafficIncidentKind::ServerErrors), 1);
        QCOMPARE(c.first().incident.closed, T0.addSecs(5));
        QVERIFY(rules.openIncidents().isEmpty());
    }

    void spikeAgainstBaseline()
    {
        TrafficIncidentRules rules; // ×3, at least 5 req/s, 5 minutes of baseline
        TrafficObservation o = obs(0, 60 * 20);                       // 20 req/s
        o.baselineRps = 2;
        o.baselineSeconds = 4 * 60;                                   // not enough history
        QVERIFY(rules.observe(o).isEmpty());
        o.baselineSeconds = 10 * 60;
        o.requests = 60 * 4;                                          // 4 req/s: ×2 only
        QVERIFY(rules.observe(o).isEmpty());
        o.requests = 60 * 4; o.baselineRps = 1;                       // ×4 but under 5 req/s
        QVERIFY(rules.observe(o).isEmpty());
        o.at = o.lastLineAt = T0.addSecs(10);
        o.requests = 60 * 30;
        o.baselineRps = 8;                                            // 30 vs 8: ×3.75
        auto c = rules.observe(o);
        QCOMPARE(count(c, Opened, TrafficIncidentKind::Spike), 1);
        // The baseline catches up with the spike; the one it opened with holds.
        o.at = o.lastLineAt = T0.addSecs(400);
        o.baselineRps = 30;
        QVERIFY(rules.observe(o).isEmpty());
        // Back to normal: 15 req/s < 0.8 × 3 × 8.
        o.at = o.lastLineAt = T0.addSecs(500);
        o.requests = 60 * 15;
        c = rules.observe(o);
        QCOMPARE(count(c, Closed, TrafficIncidentKind::Spike), 1);
    }

    void flood()
    {
        TrafficIncidentRules rules; // > 50 % and at least 300 requests
        TrafficObservation o = obs(0, 1000);
        o.topAddress = QStringLiteral("203.0.113.9");
        o.topAddressRequests = 400;                                   // 40 %
        QVERIFY(rules.observe(o).isEmpty());
        o.requests = 500;
        o.topAddressRequests = 290;                                   // 58 % but under 300
        QVERIFY(rules.observe(o).isEmpty());
        o.topAddressRequests = 400;                                   // 80 %
        auto c = rules.observe(o);
        QCOMPARE(count(c, Opened, TrafficIncidentKind::Flood), 1);
        QCOMPARE(c.first().incident.subject, QStringLiteral("203.0.113.9"));
        QVERIFY(c.first().incident.detail.contains(QStringLiteral("203.0.113.9")));
        // Another address takes over: one closes, the other opens.
        o.topAddress = QStringLiteral("198.51.100.7");
        c = rules.observe(o);
        QCOMPARE(count(c, Closed, TrafficIncidentKind::Flood), 1);
        QCOMPARE(count(c, Opened, TrafficIncidentKind::Flood), 1);
        QCOMPARE(rules.openIncidents().size(), 1);
        QCOMPARE(rules.openIncidents().first().subject, QStringLiteral("198.51.100.7"));
        o.topAddressRequests = 100;
        c = rules.observe(o);
        QCOMPARE(count(c, Closed, TrafficIncidentKind::Flood), 1);
    }

    void logSilent()
    {
        TrafficIncidentRules rules; // 120 s
        TrafficObservation o = obs(0, 0);
        o.lastLineAt = {};                                            // no line yet: counted from watchingSince
        o.at = T0.addSecs(119);
        QVERIFY(rules.observe(o).isEmpty());
        o.at = T0.addSecs(120);
        o.siteUp = false;                                             // the site is down: not this incident
        QVERIFY(rules.observe(o).isEmpty());
        o.siteUp = true;
        auto c = rules.observe(o);
        QCOMPARE(count(c, Opened, TrafficIncidentKind::LogSilent), 1);
        QCOMPARE(c.first().incident.opened, T0);                      // since when it is silent
        // Reconnecting: nothing is judged (neither closes nor reopens).
        o.tailLive = false;
        o.at = T0.addSecs(300);
        QVERIFY(rules.observe(o).isEmpty());
        o.tailLive = true;
        o.lastLineAt = T0.addSecs(299);
        c = rules.observe(o);
        QCOMPARE(count(c, Closed, TrafficIncidentKind::LogSilent), 1);
        QCOMPARE(c.first().incident.closed, T0.addSecs(300));
    }

    void closeAll()
    {
        TrafficIncidentRules rules;
        rules.observe(obs(0, 1000, 500));
        QCOMPARE(rules.openIncidents().size(), 1);
        const auto c = rules.closeAll(T0.addSecs(9));
        QCOMPARE(c.size(), 1);
        QCOMPARE(c.first().incident.closed, T0.addSecs(9));
        QVERIFY(rules.openIncidents().isEmpty());
    }

    void fromProfile()
    {
        difusor::Profile p;
        TrafficRuleConfig d = TrafficRuleConfig::fromProfile(p);
        QCOMPARE(d.maxServerErrorShare, 0.05);
        QCOMPARE(d.silentAfterSeconds, 120);
        p.extra.insert(QStringLiteral("traffic_5xx_share"), 0.2);
        p.extra.insert(QStringLiteral("traffic_spike_factor"), 5);
        p.extra.insert(QStringLiteral("traffic_flood_min_requests"), 50);
        p.extra.insert(QStringLiteral("traffic_silent_after_s"), 30);
        p.extra.insert(QStringLiteral("traffic_window_s"), -3);      // bad: default kept
        p.extra.insert(QStringLiteral("traffic_flood_share"), QStringLiteral("x"));
        const TrafficRuleConfig c = TrafficRuleConfig::fromProfile(p);
        QCOMPARE(c.maxServerErrorShare, 0.2);
        QCOMPARE(c.spikeFactor, 5.0);
        QCOMPARE(c.floodMinRequests, 50u);
        QCOMPARE(c.silentAfterSeconds, 30);
        QCOMPARE(c.windowSeconds, 60);
        QCOMPARE(c.floodShare, 0.5);
        QCOMPARE(trafficIncidentKindId(TrafficIncidentKind::LogSilent), QStringLiteral("traffic_log_silent"));
    }

    // The spike baseline: minute buckets by default (15 minutes, verdicts from 5); a rehearsal at sandbox
    // pace takes shorter buckets and a span under a minute, never under two buckets.
    void baselineFromProfile()
    {
        difusor::Profile p;
        TrafficRuleConfig c = TrafficRuleConfig::fromProfile(p);
        QCOMPARE(c.baselineBucketSeconds, 60);
        QCOMPARE(c.baselineSeconds, 15 * 60);
        QCOMPARE(c.baselineMinSeconds, 5 * 60);
        p.extra.insert(QStringLiteral("traffic_baseline_min"), 2);
        c = TrafficRuleConfig::fromProfile(p);
        QCOMPARE(c.baselineSeconds, 120);
        QCOMPARE(c.baselineMinSeconds, 120);
        p.extra.insert(QStringLiteral("traffic_baseline_min"), 0.5);  // under two minute buckets: the default
        QCOMPARE(TrafficRuleConfig::fromProfile(p).baselineSeconds, 15 * 60);
        p.extra.insert(QStringLiteral("traffic_baseline_bucket_s"), 5);
        c = TrafficRuleConfig::fromProfile(p);
        QCOMPARE(c.baselineBucketSeconds, 5);
        QCOMPARE(c.baselineSeconds, 30);
        QCOMPARE(c.baselineMinSeconds, 30);
        p.extra.insert(QStringLiteral("traffic_baseline_min"), 0.1);  // 6 s: under two buckets, default 15 min
        QCOMPARE(TrafficRuleConfig::fromProfile(p).baselineSeconds, 15 * 60);
        p.extra.insert(QStringLiteral("traffic_baseline_min"), 600);  // beyond the hour of per-second history
        QCOMPARE(TrafficRuleConfig::fromProfile(p).baselineSeconds, 15 * 60);
        p.extra.insert(QStringLiteral("traffic_baseline_min"), 0.58); // 34.8 s: rounded to whole buckets
        QCOMPARE(TrafficRuleConfig::fromProfile(p).baselineSeconds, 35);
        p.extra.insert(QStringLiteral("traffic_baseline_bucket_s"), 7); // does not divide a minute: minute buckets
        QCOMPARE(TrafficRuleConfig::fromProfile(p).baselineBucketSeconds, 60);
    }

    // The baseline from the series: whole buckets only, from the bucket after the first line's, the median.
    void baselineFromSeries()
    {
        TrafficSeries series;
        const std::int64_t minute = 1717300000 - 1717300000 % 60;
        const std::int64_t t0 = minute + 37; // the first line, 37 s into a minute
        for (std::int64_t t = t0; t < t0 + 300; ++t) {
            TrafficCounts c;
            c.requests = t >= minute + 180 && t < minute + 240 ? 40 : 10; // one busy minute
            series.add(t, c);
        }
        TrafficRuleConfig cfg; // minute buckets, 15 minutes
        SpikeBaseline b = spikeBaseline(series, t0 + 290, t0, cfg);
        QCOMPARE(b.seconds, 240);  // the minutes from the one after the first line's to the window's
        QCOMPARE(b.rps, 10.0);     // 10, 10, 40, 10: the median, not the mean
        cfg.baselineBucketSeconds = 5;
        cfg.baselineSeconds = 30;
        b = spikeBaseline(series, t0 + 290, t0, cfg);
        QCOMPARE(b.seconds, 30);
        QCOMPARE(b.rps, 10.0);
        b = spikeBaseline(series, t0 + 200, t0, cfg); // its six buckets all in the busy minute
        QCOMPARE(b.rps, 40.0);
        b = spikeBaseline(series, t0 + 5, t0, cfg);   // no whole bucket after the first line's yet
        QCOMPARE(b.rps, -1.0);
        QCOMPARE(b.seconds, 0);
        b = spikeBaseline(series, t0 + 20, t0, cfg);  // three (:40 to :55): 10/s
        QCOMPARE(b.seconds, 15);
        QCOMPARE(b.rps, 10.0);
    }
};

QTEST_GUILESS_MAIN(TstTrafficIncidents)
#include "tst_traffic_incidents.moc"
