#pragma once

#include "IncidentRules.h"
#include "LagProbe.h"

#include "store/Records.h"
#include "store/StoreThread.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <memory>

namespace difusor::cuts {

// Ties the lag probe and the incident rules to one server's part of the store. Every measurement is committed on the
// store thread first and announced (signals below) only after the commit: what the page or the
// watch command shows is always already on disk.
//
// Lives on the GUI (or main) thread; the rules run here (they are cheap and pure), the writes
// run on the StoreThread.
class CutMonitor final : public QObject
{
    Q_OBJECT
public:
    CutMonitor(const RuleConfig &rules, const LagProbeConfig &probe, const store::ServerStore &store,
               QObject *parent = nullptr);
    ~CutMonitor() override;

    void start();
    void stop();

    // A cut package found on our disk (from the cut watcher): stored, judged, and the probe quickens.
    // nameMismatch: the package name and the cut line disagree (a minor incident says so).
    void cutArrived(const store::CutRecord &record, std::optional<qint64> actasCapturadas,
                    const QString &nameMismatch = {});
    // A package that could not be read (record.unreadable says why): stored like a cut (cutRecorded
    // announces it, with `unreadable` set), then the cut_unreadable incident.
    void cutUnreadable(const store::CutRecord &record);

    // After a console restart: the newest cut already in the store, so the rules (late cut, backwards,
    // stale) start from it. Nothing is stored or announced for it.
    void resumeFrom(const store::CutRecord &record);

    LagProbe *probe() { return &m_probe; }
    const store::ServerStore &store() const { return m_store; } // the server's part of the store
    const IncidentRules &rules() const { return m_rules; }

Q_SIGNALS:
    void cutRecorded(const difusor::store::CutRecord &record); // also unreadable packages (record.unreadable)
    // seenUtc invalid: the site already showed the cut at its first answer; when it first did is not
    // known, so nothing is stored (the cut's sighting stays NULL and its lag unmeasured).
    void sightingRecorded(difusor::cuts::Site site, const QDateTime &cutUtc, const QDateTime &seenUtc);
    void lagRecorded(const QDateTime &cutUtc, qint64 lagMs);

    // After the one incident log committed the change (storeId: the incident's id; a condition seen
    // again while its incident is unresolved is an observation of the same id).
    void incidentRecorded(const difusor::cuts::IncidentChange &change, qint64 storeId);
    // Our site stopped or started answering (from the lag probe), as the change is seen, before it is stored.
    void ourSiteAnswering(bool answers);
    void storeFailed(const QString &error);

public:
    static constexpr int kCarryOverGraceMs = 120 * 1000;

private:
    void apply(const QList<IncidentChange> &changes);
    void noteCut(const store::CutRecord &record, std::optional<qint64> actas);
    QJsonObject evidence() const; // what the cut rules saw: the last cut, each site's last answer
    // Writes the cut (or unreadable package) and announces it once committed; `failure` if it was not.
    void storeCut(const store::CutRecord &record, const QString &failure);

    IncidentRules m_rules;
    LagProbe m_probe;
    store::ServerStore m_store;
    QJsonObject m_lastCut;               // evidence: the newest package seen
    QHash<QString, QJsonObject> m_siteAnswers; // evidence: each site's last answer
    QTimer m_tick;
};

} // namespace difusor::cuts

Q_DECLARE_METATYPE(difusor::cuts::IncidentChange)
Q_DECLARE_METATYPE(difusor::store::CutRecord)
