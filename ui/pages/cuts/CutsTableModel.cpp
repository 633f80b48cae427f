#include "CutsTableModel.h"

#include "common/MexicoTime.h"
#include "widgets/StateIcon.h"

#include <QBrush>
#include <QColor>

namespace difusor::ui {

using remote::ConnectionState;
using Status = CutsTableModel::RowStatus;

QString zoneLabel()
{
    // Taken from the one formatter so the page never disagrees with the rest of the console.
    const QString sample = formatMexicoTime(QDateTime::fromMSecsSinceEpoch(0, Qt::UTC));
    const qsizetype open = sample.lastIndexOf(QLatin1Char('('));
    const qsizetype close = sample.lastIndexOf(QLatin1Char(')'));
    return open >= 0 && close > open ? sample.mid(open + 1, close - open - 1) : QStringLiteral("UTC-6");
}

QString mexicoClock(const QDateTime &utc, bool withSeconds)
{
    if (!utc.isValid())
        return {};
    return utc.toTimeZone(mexicoCentralZone())
        .toString(withSeconds ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
}

QString durationText(qint64 ms)
{
    const bool negative = ms < 0;
    const qint64 s = (negative ? -ms : ms) / 1000;
    QString text;
    if (s < 60)
        text = CutsTableModel::tr("%1 s").arg(s);
    else if (s < 3600)
        text = CutsTableModel::tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    else
        text = CutsTableModel::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
    return negative ? QStringLiteral("−") + text : text;
}

QString lagText(qint64 ms)
{
    if (ms <= -60000 || ms >= 60000)
        return durationText(ms);
    const QString text = CutsTableModel::tr("%1 s").arg(double(ms < 0 ? -ms : ms) / 1000.0, 0, 'f', 1);
    return ms < 0 ? QStringLiteral("−") + text : text;
}

QDateTime CutRow::arrivalUtc() const
{
    if (!onDisk)
        return {};
    return record.arrivedConsoleUtc.isValid() ? record.arrivedConsoleUtc : record.detectedUtc;
}

std::optional<qint64> CutRow::lagMs() const
{
    if (!officialSeenUtc.isValid() || !difusorSeenUtc.isValid())
        return std::nullopt;
    return officialSeenUtc.msecsTo(difusorSeenUtc);
}

std::optional<qint64> CutRow::lagUncertaintyMs() const
{
    if (!lagMs() || !officialUncertaintyMs || !difusorUncertaintyMs)
        return std::nullopt;
    return *officialUncertaintyMs + *difusorUncertaintyMs;
}

CutsTableModel::CutsTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void CutsTableModel::setMaxLagMs(qint64 ms)
{
    if (ms == m_maxLagMs)
        return;
    m_maxLagMs = ms;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Lag), index(rowCount() - 1, Status));
    Q_EMIT headerDataChanged(Qt::Horizontal, Lag, Lag);
}

int CutsTableModel::lowerBound(const QDateTime &cutUtc) const
{
    // First row whose cut is not newer than cutUtc (rows are newest first).
    int lo = 0;
    int hi = int(m_rows.size());
    while (lo < hi) {
        const int mid = (lo + hi) / 2;
        if (m_rows.at(mid).cutUtc > cutUtc)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int CutsTableModel::rowOf(const QDateTime &cutUtc) const
{
    const int row = lowerBound(cutUtc);
    return row < m_rows.size() && m_rows.at(row).cutUtc == cutUtc ? row : -1;
}

int CutsTableModel::findOrInsert(const QDateTime &cutUtc)
{
    const int row = lowerBound(cutUtc);
    if (row < m_rows.size() && m_rows.at(row).cutUtc == cutUtc)
        return row;
    beginInsertRows({}, row, row);
    CutRow line;
    line.cutUtc = cutUtc;
    m_rows.insert(row, line);
    endInsertRows();
    return row;
}

void CutsTableModel::rowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void CutsTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void CutsTableModel::loadHistory(const QList<store::CutRecord> &cuts, const QList<store::SightingRecord> &sightings)
{
    // Merge into a copy, then swap in with one reset: the only reset this model does (at connect).
    QList<CutRow> merged = m_rows;
    auto slot = [&merged](const QDateTime &cutUtc) -> CutRow & {
        for (CutRow &r : merged) // history is small (the store's newest 1000); this runs once
            if (r.cutUtc == cutUtc)
                return r;
        CutRow line;
        line.cutUtc = cutUtc;
        merged.append(line);
        return merged.last();
    };
    for (const store::CutRecord &cut : cuts) {
        if (!cut.cutTimeUtc.isValid())
            continue;
        CutRow &r = slot(cut.cutTimeUtc);
        // A readable package of the cut wins over an unreadable one, whichever came first.
        if (!r.onDisk || (!r.record.unreadable.isEmpty() && cut.unreadable.isEmpty())) {
            r.onDisk = true;
            r.record = cut;
        }
        if (!r.officialSeenUtc.isValid()) {
            r.officialSeenUtc = cut.officialSeenUtc;
            r.officialUncertaintyMs = cut.officialSeenUncertaintyMs;
        }
        if (!r.difusorSeenUtc.isValid()) {
            r.difusorSeenUtc = cut.difusorSeenUtc;
            r.difusorUncertaintyMs = cut.difusorSeenUncertaintyMs;
        }
    }
    for (const store::SightingRecord &s : sightings) {
        if (!s.cutTimeUtc.isValid())
            continue;
        CutRow &r = slot(s.cutTimeUtc);
        const bool official = s.site == cuts::siteId(cuts::Site::Official);
        QDateTime &seen = official ? r.officialSeenUtc : r.difusorSeenUtc;
        if (!seen.isValid()) {
            seen = s.firstSeenUtc;
            (official ? r.officialUncertaintyMs : r.difusorUncertaintyMs) = s.uncertaintyMs;
        }
    }
    std::sort(merged.begin(), merged.end(), [](const CutRow &a, const CutRow &b) { return a.cutUtc > b.cutUtc; });
    beginResetModel();
    m_rows = merged;
    endResetModel();
}

void CutsTableModel::addCut(const store::CutRecord &record)
{
    if (!record.cutTimeUtc.isValid())
        return;
    const int row = findOrInsert(record.cutTimeUtc);
    CutRow &r = m_rows[row];
    if (r.onDisk && r.record.unreadable.isEmpty() && !record.unreadable.isEmpty())
        return; // a readable package of this cut is already here
    r.onDisk = true;
    r.record = record;
    if (record.officialSeenUtc.isValid() && !r.officialSeenUtc.isValid()) {
        r.officialSeenUtc = record.officialSeenUtc;
        r.officialUncertaintyMs = record.officialSeenUncertaintyMs;
    }
    if (record.difusorSeenUtc.isValid() && !r.difusorSeenUtc.isValid()) {
        r.difusorSeenUtc = record.difusorSeenUtc;
        r.difusorUncertaintyMs = record.difusorSeenUncertaintyMs;
    }
    rowChanged(row);
}

void CutsTableModel::addSighting(cuts::Site site, const QDateTime &cutUtc, const QDateTime &seenUtc,
                                 std::optional<qint64> uncertaintyMs)
{
    if (!cutUtc.isValid())
        return;
    const int row = findOrInsert(cutUtc);
    CutRow &r = m_rows[row];
    if (!seenUtc.isValid()) {
        bool &unmeasured = site == cuts::Site::Official ? r.officialUnmeasured : r.difusorUnmeasured;
        if (unmeasured)
            return;
        unmeasured = true;
        rowChanged(row);
        return;
    }
    QDateTime &seen = site == cuts::Site::Official ? r.officialSeenUtc : r.difusorSeenUtc;
    if (seen.isValid() && seen <= seenUtc)
        return; // the first sighting is the one that counts
    seen = seenUtc;
    (site == cuts::Site::Official ? r.officialUncertaintyMs : r.difusorUncertaintyMs) = uncertaintyMs;
    rowChanged(row);
}

void CutsTableModel::markSkipped(const QDateTime &cutUtc)
{
    if (!cutUtc.isValid())
        return;
    const int row = findOrInsert(cutUtc);
    if (m_rows[row].skipped)
        return;
    m_rows[row].skipped = true;
    rowChanged(row);
}

void CutsTableModel::markSkippedRun(const QDateTime &firstUtc)
{
    if (!firstUtc.isValid())
        return;
    markSkipped(firstUtc);
    QDateTime before, after; // the cuts on disk around the first missing slot
    for (const CutRow &r : std::as_const(m_rows)) { // newest first
        if (!r.onDisk)
            continue;
        if (r.cutUtc > firstUtc)
            after = r.cutUtc;
        else if (r.cutUtc < firstUtc && !before.isValid())
            before = r.cutUtc;
    }
    if (!before.isValid() || !after.isValid())
        return;
    const qint64 stepMs = before.msecsTo(firstUtc);
    if (stepMs <= 0)
        return;
    int n = 1;
    for (QDateTime t = firstUtc.addMSecs(stepMs); t < after && n < 96; t = t.addMSecs(stepMs), ++n)
        markSkipped(t);
}

CutsTableModel::RowStatus CutsTableModel::status(const CutRow &row) const
{
    if (row.onDisk && !row.record.unreadable.isEmpty())
        return Status::Unreadable;
    const bool official = row.officialSeenUtc.isValid() || row.officialUnmeasured;
    const bool ours = row.difusorSeenUtc.isValid() || row.difusorUnmeasured;
    if (row.skipped && !row.onDisk && !official && !ours)
        return Status::Skipped;
    if (const auto lag = row.lagMs())
        return *lag > m_maxLagMs ? Status::LagOver : (row.onDisk ? Status::OnTime : Status::NotOnDisk);
    if (!row.onDisk)
        return Status::NotOnDisk;
    if (official && ours)
        return Status::Unmeasured;
    if (official)
        return Status::PendingOurs;
    if (ours)
        return Status::OfficialUnseen;
    return Status::PendingBoth;
}

QString CutsTableModel::statusText(RowStatus status, qint64 maxLagMs)
{
    switch (status) {
    case Status::OnTime: return tr("En tiempo");
    case Status::LagOver: return tr("Desfase > %1 s").arg(maxLagMs / 1000);
    case Status::PendingOurs: return tr("Falta en nuestro sitio");
    case Status::PendingBoth: return tr("En el servidor, sin publicar");
    case Status::NotOnDisk: return tr("No llegó al servidor");
    case Status::OfficialUnseen: return tr("El oficial aún no lo muestra");
    case Status::Skipped: return tr("Omitido");
    case Status::Unreadable: return tr("Ilegible");
    case Status::Unmeasured: return tr("Publicado, sin medir");
    }
    return {};
}

QString CutsTableModel::statusExplanation(RowStatus status, qint64 maxLagMs)
{
    switch (status) {
    case Status::OnTime:
        return tr("Nuestro sitio lo mostró a más tardar %1 s después del PREP oficial.").arg(maxLagMs / 1000);
    case Status::LagOver:
        return tr("Nuestro sitio lo mostró más de %1 s después del PREP oficial.").arg(maxLagMs / 1000);
    case Status::PendingOurs: return tr("El PREP oficial ya lo muestra; nuestro sitio aún no.");
    case Status::PendingBoth: return tr("Llegó a la carpeta de publicación; ningún sitio lo muestra aún.");
    case Status::NotOnDisk: return tr("Un sitio lo mostró, pero ningún paquete de este corte llegó a nuestro servidor.");
    case Status::OfficialUnseen: return tr("Nuestro sitio ya lo muestra; el PREP oficial aún no.");
    case Status::Skipped:
        return tr("Este corte no llegó y el siguiente sí: falta en la secuencia (ningún sitio lo ha mostrado).");
    case Status::Unreadable:
        return tr("El paquete de este corte llegó a la carpeta de publicación, pero no se puede leer.");
    case Status::Unmeasured:
        return tr("Ambos sitios lo muestran, pero uno ya lo mostraba al empezar la vigilancia: el desfase no se midió.");
    }
    return {};
}

namespace {

ConnectionState iconState(Status status)
{
    switch (status) {
    case Status::OnTime: return ConnectionState::Connected;
    case Status::LagOver:
    case Status::NotOnDisk:
    case Status::Skipped:
    case Status::Unreadable: return ConnectionState::Failed;
    case Status::PendingOurs:
    case Status::PendingBoth: return ConnectionState::Reconnecting;
    case Status::OfficialUnseen:
    case Status::Unmeasured: break;
    }
    return ConnectionState::Disconnected;
}

QVariant timeSort(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant();
}

} // namespace

int CutsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CutsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CutsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const CutRow &r = m_rows.at(index.row());
    const auto lag = r.lagMs();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case CutTime:
            return r.cutUtc.toTimeZone(mexicoCentralZone()).toString(QStringLiteral("dd/MM HH:mm"));
        case Arrival:
            if (!r.onDisk)
                return tr("—");
            return r.record.caughtUp ? tr("%1 (recuperado)").arg(mexicoClock(r.arrivalUtc()))
                                     : mexicoClock(r.arrivalUtc());
        case OfficialSeen:
            return r.officialSeenUtc.isValid() ? mexicoClock(r.officialSeenUtc)
                                               : (r.officialUnmeasured ? tr("antes de vigilar") : tr("—"));
        case DifusorSeen:
            return r.difusorSeenUtc.isValid() ? mexicoClock(r.difusorSeenUtc)
                                              : (r.difusorUnmeasured ? tr("antes de vigilar") : tr("—"));
        case Lag:
            if (!lag)
                return status(r) == Status::Unmeasured ? tr("sin medir") : tr("—");
            if (const auto bound = r.lagUncertaintyMs()) // rounded up: never claims more than measured
                return tr("%1 ± %2 s").arg(lagText(*lag)).arg(double((*bound + 99) / 100) / 10.0, 0, 'f', 1);
            return lagText(*lag);
        case Status: return statusText(status(r), m_maxLagMs);
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case CutTime:
            return r.onDisk ? tr("%1\nPaquete: %2").arg(formatMexicoTime(r.cutUtc, false), r.record.package)
                            : formatMexicoTime(r.cutUtc, false);
        case Arrival:
            if (!r.onDisk)
                return tr("Ningún paquete de este corte llegó a la carpeta de publicación.");
            return r.record.caughtUp
                       ? tr("%1\nLlegó mientras la consola no vigilaba: hora tomada del archivo.")
                             .arg(formatMexicoTime(r.arrivalUtc()))
                       : formatMexicoTime(r.arrivalUtc());
        case OfficialSeen: return formatMexicoTime(r.officialSeenUtc);
        case DifusorSeen: return formatMexicoTime(r.difusorSeenUtc);
        case Lag:
            if (const auto bound = r.lagUncertaintyMs())
                return tr("Nuestro sitio menos el PREP oficial (primera vez que cada uno lo mostró).\n"
                          "Incertidumbre: ± %1 ms (el tiempo entre las lecturas de cada sitio que no lo mostraban y "
                          "las que lo mostraron).").arg(*bound);
            return tr("Nuestro sitio menos el PREP oficial (primera vez que cada uno lo mostró)");
        case Status:
            if (status(r) == Status::Unreadable)
                return tr("%1\nPaquete %2: %3")
                    .arg(statusExplanation(Status::Unreadable, m_maxLagMs), r.record.package, r.record.unreadable);
            return statusExplanation(status(r), m_maxLagMs);
        default: break;
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == Status)
            return stateIcon(iconState(status(r)), 14);
        break;
    case Qt::ForegroundRole:
        if (index.column() == Lag && lag && *lag > m_maxLagMs)
            return QBrush(stateColor(ConnectionState::Failed));
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Lag)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case SortRole:
        switch (index.column()) {
        case CutTime: return timeSort(r.cutUtc);
        case Arrival: return timeSort(r.arrivalUtc());
        case OfficialSeen: return timeSort(r.officialSeenUtc);
        case DifusorSeen: return timeSort(r.difusorSeenUtc);
        case Lag: return lag ? QVariant(*lag) : QVariant();
        case Status: return int(status(r));
        }
        break;
    case StatusRole: return int(status(r));
    default: break;
    }
    return {};
}

QVariant CutsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
        switch (section) {
        case Arrival: return tr("Cuando el paquete llegó a la carpeta de publicación (reloj de la consola)");
        case OfficialSeen: return tr("Primera vez que el PREP oficial mostró este corte");
        case DifusorSeen: return tr("Primera vez que nuestro sitio mostró este corte");
        case Lag: return tr("Nuestro sitio menos el PREP oficial");
        default: break;
        }
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CutTime: return tr("Corte\n(%1)").arg(zoneLabel());
    case Arrival: return tr("Llegada\n(%1)").arg(zoneLabel());
    case OfficialSeen: return tr("PREP oficial\n(%1)").arg(zoneLabel());
    case DifusorSeen: return tr("Nuestro sitio\n(%1)").arg(zoneLabel());
    case Lag: return tr("Desfase");
    case Status: return tr("Estado");
    }
    return {};
}

} // namespace difusor::ui
