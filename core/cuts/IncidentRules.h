#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>
#include <set>

namespace difusor {
struct Profile;
}

namespace difusor::cuts {

enum class Site { Official, Difusor };
QString siteId(Site site); // "official", "difusor" (store and JSON)

enum class IncidentKind {
    LateCut,         // no new cut for cut interval + margin
    SkippedCut,      // a gap in the sequence of cut times (a point incident: opened = closed)
    Lag,             // our site shows a cut more than maxLag after the official site did
    StaleSite,       // our site shows an older cut than the newest on our disk, too long
    CutBackwards,    // a cut older than the newest, or with fewer ACTAS_CAPTURADAS
    ClockSkew,       // server clock vs console clock, a cut stamped in the future, or our site
                     // showing a cut time that is neither on our disk nor on the official site
    SiteUnreachable, // DNS, refused, timeout
    SiteHttpError,   // HTTP status >= 400
    Certificate,     // TLS certificate not valid
    SiteNoCut,       // the page answers but shows no readable cut time
    CutUnreadable,   // a cut package on our disk that cannot be read (subject: the package); closes when
                     // a readable package of the same cut time (or the same package, fixed) arrives
    CutNameMismatch, // the package name's HHMM and its CSV's cut line disagree (a point incident)
};
QString incidentKindId(IncidentKind kind);   // stable: "late_cut", "lag", …
QString incidentKindText(IncidentKind kind); // translated title

enum class SiteErrorKind { Unreachable, Http, Certificate, NoCut };

struct RuleConfig
{
    qint64 cutIntervalMs = 15 * 60 * 1000; // real time between cuts (late cut)
    qint64 cutStepMs = 0;                  // spacing of the cut times (skipped cut); 0: cutIntervalMs
    qint64 lateMarginMs = 2 * 60 * 1000;
    qint64 maxLagMs = 60 * 1000;
    qint64 staleAfterMs = 60 * 1000;
    qint64 maxClockSkewMs = 5 * 1000;
    int siteFailuresToOpen = 1; // consecutive failed polls before a site incident opens

    // cut_interval_s from the profile; optional extra keys late_margin_s, max_lag_s, stale_after_s,
    // max_clock_skew_s, site_failures_to_open, cut_step_s (the sandbox: 900 s of cut time per real
    // interval).
    static RuleConfig fromProfile(const Profile &profile);
};

struct Incident
{
    quint64 id = 0; // local to one IncidentRules
    IncidentKind kind = IncidentKind::LateCut;
    QString subject;   // "difusor"/"official" for site incidents, else the cut time (ISO UTC)
    QDateTime opened;  // the moment the rule was broken (may precede the event that revealed it)
    QDateTime closed;  // invalid while open
    QString detail;    // translated

    bool isOpen() const { return !closed.isValid(); }
};

struct IncidentChange
{
    enum class Type { Opened, Closed };
    Type type;
    Incident incident; // state after the change
};

// Whether our own site answers, when a change says so: false when "our site is unreachable" opens,
// true when it closes; nullopt for any other change. (An HTTP error still answers, and is logged.)
std::optional<bool> ourSiteAnswers(const IncidentChange &change);

// A cut package found on our disk.
struct CutEvent
{
    QDateTime cutUtc;
    QString package;
    std::optional<qint64> actasCapturadas;
    QDateTime arrivedUtc;       // console clock
    QDateTime arrivedServerUtc; // server clock (optional): compared with arrivedUtc for skew
    QString nameMismatch;       // the package name disagrees with the cut line: why (translated)
};

// The incident rules of the cuts area as a pure state machine. Feed it timestamped events in time
// order and call tick() regularly (every second is plenty); each call returns what opened or closed.
// No clocks, no I/O: the caller records the changes (IncidentLog) and shows them.
class IncidentRules final
{
public:
    explicit IncidentRules(const RuleConfig &config = {});

    QList<IncidentChange> cutArrived(const CutEvent &cut);
    // A package that could not be read: cut.cutUtc from its name (may be invalid), reason translated.
    QList<IncidentChange> cutUnreadable(const CutEvent &cut, const QString &reason);
    // A site answered and shows cutUtc (every successful poll, also when unchanged).
    QList<IncidentChange> siteShowed(Site site, const QDateTime &cutUtc, const QDateTime &at);
    QList<IncidentChange> siteFailed(Site site, SiteErrorKind kind, const QString &detail, const QDateTime &at);
    QList<IncidentChange> tick(const QDateTime &now);

    QList<Incident> openIncidents() const;
    const RuleConfig &config() const { return m_config; }
    QDateTime newestCut() const { return m_newestCut; }

private:
    struct SiteState
    {
        QDateTime shownCut;                // newest cut this site has shown
        QMap<QDateTime, QDateTime> firstSeen; // cut -> first time shown
        int failures = 0;
    };

    void open(QList<IncidentChange> &out, IncidentKind kind, const QString &subject, const QDateTime &at,
              const QString &detail);
    void close(QList<IncidentChange> &out, IncidentKind kind, const QDateTime &at, const QString &subject = {});
    const Incident *findOpen(IncidentKind kind, const QString &subject = {}) const;
    void evaluate(QList<IncidentChange> &out, const QDateTime &now);
    bool siteFailing(Site site) const;
    SiteState &state(Site site) { return site == Site::Official ? m_official : m_difusor; }

    RuleConfig m_config;
    QList<Incident> m_open;
    quint64 m_nextId = 1;

    QDateTime m_newestCut;      // newest cut time on disk
    QDateTime m_lastArrival;    // arrival of the newest cut
    std::optional<qint64> m_maxCapturadas;
    QMap<QDateTime, QDateTime> m_diskArrivals; // cut -> arrival, newest few
    SiteState m_official;
    SiteState m_difusor;
    std::set<QDateTime> m_lagRaised; // official cuts already judged for lag
    QDateTime m_aheadSince;          // our site shows a cut time known neither on disk nor official, since
    QMap<QString, QDateTime> m_unreadable; // package -> cut time from its name (invalid: none), newest few
};

} // namespace difusor::cuts

Q_DECLARE_METATYPE(difusor::cuts::Site)
Q_DECLARE_METATYPE(difusor::cuts::SiteErrorKind)
