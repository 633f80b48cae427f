#include "CutMonitor.h"

#include "IncidentLog.h"
#include "common/Tr.h"

#include <QJsonObject>
#include <QJsonValue>

namespace difusor::cuts {

CutMonitor::CutMonitor(const RuleConfig &rules, const LagProbeConfig &probe, const store::ServerStore &store,
                       QObject *parent)
    : QObject(parent)
    , m_rules(rules)
    , m_probe(probe)
    , m_store(store)
{
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, [this]() { apply(m_rules.tick(QDateTime::currentDateTimeUtc())); });

    connect(&m_probe, &LagProbe::siteShowed, this, [this](Site site, const QDateTime &cut, const QDateTime &at) {
        apply(m_rules.siteShowed(site, cut, at));
    });
    connect(&m_probe, &LagProbe::siteFailed, this,
            [this](Site site, SiteErrorKind kind, const QString &detail, const QDateTime &at) {
                apply(m_rules.siteFailed(site, kind, detail, at));
            });
    connect(&m_probe, &LagProbe::cutAlreadyShowing, this, [this](Site site, const QDateTime &cut, const QDateTime &) {
        Q_EMIT sightingRecorded(site, cut, QDateTime());
    });
    connect(&m_probe, &LagProbe::cutFirstSeen, this, [this](Site site, const QDateTime &cut, const QDateTime &seen) {
        const store::SightingRecord sighting{siteId(site), cut, seen};
        const std::optional<qint64> lag = m_probe.lagMs(cut);
        m_store.call<bool>(
            this, [sighting](store::Store &s) { return s.recordSighting(sighting); },
            [this, site, cut, seen, lag](bool ok) {
                if (!ok) {
                    Q_EMIT storeFailed(Tr::tr("No se pudo guardar el avistamiento del corte."));
                    return;
                }
                Q_EMIT sightingRecorded(site, cut, seen);
                if (lag)
                    Q_EMIT lagRecorded(cut, *lag);
            });
    });
}

CutMonitor::~CutMonitor() = default;

void CutMonitor::start()
{
    m_probe.start();
    m_tick.start();
}

void CutMonitor::stop()
{
    m_tick.stop();
    m_probe.stop();
}

void CutMonitor::storeCut(const store::CutRecord &record, const QString &failure)
{
    m_store.call<std::optional<store::CutRecord>>(
        this,
        [record](store::Store &s) -> std::optional<store::CutRecord> {
            const auto id = s.insertCut(record);
            return id ? s.cut(*id) : std::nullopt;
        },
        [this, failure](std::optional<store::CutRecord> stored) {
            if (!stored) {
                Q_EMIT storeFailed(failure);
                return;
            }
            Q_EMIT cutRecorded(*stored);
        });
}

void CutMonitor::cutArrived(const store::CutRecord &record, std::optional<qint64> actasCapturadas,
                            const QString &nameMismatch)
{
    storeCut(record, Tr::tr("No se pudo guardar el corte."));
    CutEvent event;
    event.cutUtc = record.cutTimeUtc;
    event.package = record.package;
    event.actasCapturadas = actasCapturadas;
    event.arrivedUtc = record.arrivedConsoleUtc.isValid() ? record.arrivedConsoleUtc : record.detectedUtc;
    event.arrivedServerUtc = record.arrivedServerUtc;
    event.nameMismatch = nameMismatch;
    // Caught-up cuts arrived while we were away: the probe has nothing to quicken for.
    if (!record.caughtUp)
        m_probe.expectCut(record.cutTimeUtc);
    apply(m_rules.cutArrived(event));
}

void CutMonitor::cutUnreadable(const store::CutRecord &record)
{
    // Stored first; the incident's write is queued behind it on the store thread.
    storeCut(record, Tr::tr("No se pudo guardar el paquete ilegible."));
    CutEvent event;
    event.cutUtc = record.cutTimeUtc;
    event.package = record.package;
    event.arrivedUtc = record.arrivedConsoleUtc.isValid() ? record.arrivedConsoleUtc : record.detectedUtc;
    apply(m_rules.cutUnreadable(event, record.unreadable));
}

void CutMonitor::resumeFrom(const store::CutRecord &record)
{
    CutEvent event;
    event.cutUtc = record.cutTimeUtc;
    event.package = record.package;
    const QJsonValue actas = record.summary.value(QLatin1String("summary")).toObject().value(QLatin1String("ACTAS_CAPTURADAS"));
    if (actas.isDouble())
        event.actasCapturadas = qint64(actas.toDouble());
    event.arrivedUtc = record.arrivedConsoleUtc.isValid() ? record.arrivedConsoleUtc : record.detectedUtc;
    // Not the server time: the clock comparison was made when it arrived.
    apply(m_rules.cutArrived(event));
}

void CutMonitor::apply(const QList<IncidentChange> &changes)
{
    if (changes.isEmpty())
        return;
    if (!m_log)
        m_log = std::make_shared<IncidentLog>();
    const std::shared_ptr<IncidentLog> log = m_log;
    for (const IncidentChange &change : changes) {
        if (const std::optional<bool> answers = ourSiteAnswers(change))
            Q_EMIT ourSiteAnswering(*answers);
        m_store.call<qint64>(
            this,
            [log, change](store::Store &s) -> qint64 {
                if (!log->record(s, QList<IncidentChange>{change}))
                    return 0;
                return log->storeId(change.incident.id);
            },
            [this, change](qint64 id) {
                if (id == 0) {
                    Q_EMIT storeFailed(Tr::tr("No se pudo guardar el incidente."));
                    return;
                }
                Q_EMIT incidentRecorded(change, id);
            });
    }
}

} // namespace difusor::cuts
