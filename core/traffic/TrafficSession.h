#pragma once

#include "LogTail.h"
#include "TrafficCounter.h"
#include "TrafficIncidents.h"
#include "common/Profile.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace difusor::remote {
class RemoteHost;
}
namespace difusor::store {
class ServerStore;
}

namespace difusor::traffic {

// Everything the console watches about traffic for one connected profile: the remote tail of the
// profile's access_log (LogTail: rotation, reconnect resume, backpressure), the counter in one mode,
// the live series and tops, the closing of periods and the traffic incident rules. Used by the
// "Tráfico" page and by `difusor-console watch` (one JSON line per closed period).
//
// Periods. A period is [start, start + S) in the log's own wall clock and offset, S = periodSeconds()
// (default 60; rounded down to a divisor of 86400 so no period straddles a day: 7 -> 6, 70 -> 64).
// The line's "period" is its start: "YYYY-MM-DDTHH:MM" when S is a multiple of 60, else
// "YYYY-MM-DDTHH:MM:SS". Periods close on time even when the log is silent: the session keeps a log
// clock (the newest line's time, advanced by the console's monotonic clock while the tail is live,
// frozen while it is reconnecting so the backlog is awaited, never going back; it starts with the first
// line read, as only a line tells the log's offset: before it, nothing closes) and a period closes when
// that clock passes its end plus closeGraceSeconds() (default 2 s, for lines still in flight). Silent
// periods close with zeros. A line that arrives after its period closed (rare: out-of-order writes,
// more than the grace late) is not lost: its period is emitted again with only those late counts and
// "late":true, so the sum of all emitted lines always equals what was read. At most 2,000 periods close
// per second (a clock jump after a long backlog catches up over the next seconds).
//
// At stop (the end of `watch`, a disconnection, a mode change) the periods still open are emitted too:
// the last one, cut short, with "partial":true and "until" (the log clock at stop), so a run shorter
// than a period still says what it read. When the tail was live but read no line at all, one partial
// period of zeros says so (its start then aligned on UTC: the log's offset is unknown).
//
// Line: {"type":"traffic","period":"2026-12-04T23:51:00.000Z","period_s":60,"hits","pages","visits",
//        "bandwidth","requests","console_requests","status":{"2xx","3xx","4xx","5xx"}
//        [,"late":true][,"partial":true,"until":…]}
// "period" is the period's start in UTC ("Z"), as every time in the JSON lines; periods are still cut
// on the log's own wall clock (a day period starts at the log's midnight).
// "requests" counts every parsed line of the period; malformed lines have no time, so they are counted
// apart (malformedLines()), never in a period. "console_requests": those of the console itself (its lag
// probe's user agent, or an address of the profile's "console_addresses"), in "requests" and "status"
// only, never in hits, pages or visits (TrafficCounter.h).
//
// Lives on the GUI (or main) thread; nothing here blocks it (the tail parses each batch, at most a few
// MiB, on a thread of its own; only the parsed records are counted here: see LogTail).
class TrafficSession final : public QObject
{
    Q_OBJECT
public:
    using Mode = TrafficCounter::Mode;
    // Failed: the access log cannot be read (missing, not a file, not readable by the SSH user); the
    // tail keeps looking and goes Live when it can.
    enum class TailState { Stopped, Waiting, Live, Reconnecting, Failed };
    Q_ENUM(TailState)

    // `host` must outlive the session (or the session is destroyed with it). The profile gives
    // access_log and the incident thresholds (TrafficRuleConfig::fromProfile); extra key "log_format"
    // (a LogFormat spec or preset, default COMBINED) if the log is not combined; extra key
    // "traffic_mode" ("awstats", the default, or "raw") the initial mode.
    TrafficSession(remote::RemoteHost *host, const Profile &profile, QObject *parent = nullptr);
    ~TrafficSession() override;

    // Before start(); changing the mode or the period while running restarts the counting from scratch
    // at the tail's current position (the charts start over; no line is read twice). Incidents still
    // open are closed (in the store too) when the session stops or restarts.
    void setMode(Mode mode);                 // default AwStats
    void setPeriodSeconds(int seconds);      // default 60
    void setCloseGraceSeconds(int seconds);  // default 2
    // Optional: incidents are also written to the server's incidents in the store (kind "traffic_…").
    void setStore(const store::ServerStore &store);

    Mode mode() const;
    int periodSeconds() const;

    // Starts tailing: by default at the end of the file (live); `fromEnd == false` reads the current
    // file from its beginning first; a position (from an earlier committed()) resumes exactly there.
    void start(TailPosition from = {}, bool fromEnd = true);
    void stop();
    // The host is being destroyed: stop without touching it (called on its destroyed() signal; public
    // for an owner that hears that signal first).
    void abandonHost();
    bool isRunning() const;
    TailState tailState() const;
    // The access log was read (found, a readable file) at least once since start().
    bool everRead() const;
    // Why the access log cannot be read now (translated, names the path); empty while it can.
    QString watchFailure() const;

    // Cheap snapshot API for the page (all on the session's thread; valid until the next event).
    const TrafficCounter &counter() const;       // series(), topPages(), topAddresses(), serveTimes()
    std::uint64_t parsedLines() const;
    std::uint64_t malformedLines() const;
    TailPosition position() const;
    const LogTail *tail() const;
    // Newest log-clock time (UTC seconds), 0 before the first line; the page's "now" for its ranges.
    std::int64_t logNowUtc() const;
    int logOffsetMinutes() const;                // of the newest line
    QList<TrafficIncident> openIncidents() const;
    const TrafficRuleConfig &ruleConfig() const;

    // Tells the rules whether the site answers (e.g. from the cuts lag probe). Until told, the site is
    // taken as up while the SSH connection is up (for the "log silent while the site is up" rule).
    void setSiteUp(bool up);

    // The JSON line of one period's counts (as emitted by periodClosed). Public for tests and tools.
    // periodStartLocal is on the log's wall clock, offsetMinutes its offset east of UTC; untilUtcMs is
    // the end of a partial period (ms since 1970, UTC).
    enum class PeriodKind { Closed, Late, Partial };
    static QJsonObject periodLine(std::int64_t periodStartLocal, int offsetMinutes, int periodSeconds,
                                  const TrafficCounts &counts, PeriodKind kind = PeriodKind::Closed,
                                  std::int64_t untilUtcMs = 0);

Q_SIGNALS:
    void periodClosed(const QJsonObject &line);
    // At most once per second, while running (the page redraws on it).
    void updated();
    void tailStateChanged(difusor::traffic::TrafficSession::TailState state, const QString &detail);
    void incidentOpened(const difusor::traffic::TrafficIncident &incident);
    void incidentClosed(const difusor::traffic::TrafficIncident &incident);
    // After each counted batch (position to resume from, lines in the batch).
    void committed(difusor::traffic::TailPosition position, quint64 lines);
    // The access log cannot be read: it does not exist, is not a file (a folder…) or the SSH user may not
    // read it (reason translated, naming the path). Emitted within a few seconds of starting, once per
    // cause; the tail keeps looking, and watchRecovered() follows when the log is read again. (For the
    // incident log: one incident per failure, closed on recovery.)
    void watchFailed(const QString &path, const QString &reason);
    void watchRecovered(const QString &path);

private:
    void resetCounting();
    void restartCounting();
    void setTailState(TailState state, const QString &detail);
    void onCommitted(TailPosition p, quint64 lines);
    void onFileState(const QString &state);
    void closePeriods();
    void emitOpenPeriods();
    void judge();
    void recordIncidents(const QList<TrafficIncidentChange> &changes, const TrafficObservation *seen = nullptr,
                         bool stopping = false);
    QJsonObject observationEvidence(const TrafficObservation &o);

    class Private;
    std::unique_ptr<Private> d;
};

} // namespace difusor::traffic
