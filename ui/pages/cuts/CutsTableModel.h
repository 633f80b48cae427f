#pragma once

#include "cuts/IncidentRules.h"
#include "store/Records.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

#include <optional>

namespace difusor::ui {

// One line per cut time: what our disk got (the cut package) and when each site first showed it.
// A cut that a site showed but never reached our disk still gets a line (that is news too).
struct CutRow
{
    QDateTime cutUtc;
    bool onDisk = false;
    store::CutRecord record; // valid when onDisk
    QDateTime officialSeenUtc;
    QDateTime difusorSeenUtc;
    bool skipped = false; // a "skipped cut" incident named this slot (a gap in the sequence)
    bool officialUnmeasured = false; // the site already showed it when watching began: first seen unknown
    bool difusorUnmeasured = false;

    std::optional<qint64> officialUncertaintyMs; // bound on officialSeenUtc's error, when known
    std::optional<qint64> difusorUncertaintyMs;

    QDateTime arrivalUtc() const; // console clock; detection time when the arrival is unknown
    std::optional<qint64> lagMs() const; // ours first seen minus official first seen
    std::optional<qint64> lagUncertaintyMs() const; // the lag's "±": both bounds added
};

// The table of cuts, newest first. Updated incrementally: a new cut or sighting touches one line
// (insert or dataChanged), never a reset; only the history load at connect resets it.
class CutsTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { CutTime, Arrival, OfficialSeen, DifusorSeen, Lag, Status, ColumnCount };
    // Unreadable: the only package of this cut on our disk could not be read ("Ilegible").
    // Unmeasured: both sites show it, but one already did when watching began (lag unknown).
    enum class RowStatus { OnTime, LagOver, PendingOurs, PendingBoth, NotOnDisk, OfficialUnseen, Skipped, Unreadable,
                           Unmeasured };
    static constexpr int SortRole = Qt::UserRole + 1; // raw value (ms since epoch, lag ms)
    static constexpr int StatusRole = Qt::UserRole + 2; // RowStatus as int

    explicit CutsTableModel(QObject *parent = nullptr);

    void setMaxLagMs(qint64 ms);
    qint64 maxLagMs() const { return m_maxLagMs; }

    // History from the store (oldest first is fine): merged with whatever is already shown.
    void loadHistory(const QList<store::CutRecord> &cuts, const QList<store::SightingRecord> &sightings);
    void clear();
    void addCut(const store::CutRecord &record);
    // seenUtc invalid: the site showed the cut at the first look, since when is unknown.
    void addSighting(cuts::Site site, const QDateTime &cutUtc, const QDateTime &seenUtc,
                     std::optional<qint64> uncertaintyMs = std::nullopt);
    // A slot of the sequence that never came: a line of its own, until (if ever) the cut turns up.
    void markSkipped(const QDateTime &cutUtc);
    // The incident names the first missing slot only: every slot from there, at the step between the cut
    // before it and it, up to the next cut on disk, gets its line (at most 96).
    void markSkippedRun(const QDateTime &firstUtc);

    const CutRow &cutRow(int row) const { return m_rows.at(row); }
    int rowOf(const QDateTime &cutUtc) const; // -1 if none
    RowStatus status(const CutRow &row) const;
    static QString statusText(RowStatus status, qint64 maxLagMs);        // short, for the cell
    static QString statusExplanation(RowStatus status, qint64 maxLagMs); // a sentence, for the tooltip

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    int findOrInsert(const QDateTime &cutUtc); // row of cutUtc, inserting an empty line if needed
    int lowerBound(const QDateTime &cutUtc) const;
    void rowChanged(int row);

    QList<CutRow> m_rows; // newest first
    qint64 m_maxLagMs = 60 * 1000;
};

// "21:15:03" in Central Mexico time; the zone goes in the column or axis title (zoneLabel()).
QString mexicoClock(const QDateTime &utc, bool withSeconds = true);
// "UTC-6", as core/common/MexicoTime writes it.
QString zoneLabel();
// "45 s", "2 min 05 s", "1 h 03 min"
QString durationText(qint64 ms);
// A measured lag: tenths of a second under a minute ("3.3 s"), durationText() beyond.
QString lagText(qint64 ms);

} // namespace difusor::ui
