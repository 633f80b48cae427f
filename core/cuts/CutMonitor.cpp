#include "CutMonitor.h"

#include "common/Tr.h"
#include "incidents/IncidentLog.h"

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
        m_siteAnswers.insert(siteId(site), QJsonObject{{QStringLiteral("at"), at.toUTC().toString(Qt::ISODateWithMs)},
                                                       {QStringLiteral("answered"), true},
                                                       {QStringLiteral("shows_cut"), cut.toUTC().toString(Qt::ISODate)}});
        apply(m_rules.siteShowed(site, cut, at));
    });
    connect(&m_probe, &LagProbe::siteFailed, this,
            [this](Site site, SiteErrorKind kind, const QString &detail, const QDateTime &at) {
                m_siteAnswers.insert(siteId(site), QJsonObject{{QStringLiteral("at"), at.toUTC().toString(Qt::ISODateWithMs)},
                                                               {QStringLiteral("answered"), false},
                                                               {QStringLiteral("error"), detail}});
                apply(m_rules.siteFailed(site, kind, detail, at));
            });
    connect(&m_probe, &LagProbe::cutAlreadyShowing, this, [this](Site site, const QDateTime &cut, const QDateTime &) {
        Q_EMIT sightingRecorded(site, cut, QDateTime());
    });
    connect(&m_probe, &LagProbe::cutFirstSeen, this, [this](Site site, const QDateTime &cut, const QDateTime &seen) {
        const store::SightingRecord sighting{siteId(site), cut, seen, m_probe.firstSeenUncertaintyMs(site, cut)};
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
    // Incidents left unresolved by an earlier session (the console was closed or killed): the rules
    // re-raise within seconds what still holds (an observation of the same incident); the rest ended
    // while nobody watched.
    const QDateTime since = QDateTime::currentDateTimeUtc();
    QTimer::singleShot(kCarryOverGraceMs, this, [this, since]() {
        QStringList kinds;
        for (IncidentKind k : {IncidentKind::LateCut, IncidentKind::SkippedCut, IncidentKind::Lag, IncidentKind::StaleSite,
                               IncidentKind::CutBackwards, IncidentKind::ClockSkew, IncidentKind::SiteUnreachable,
                               IncidentKind::SiteHttpError, IncidentKind::Certificate, IncidentKind::SiteNoCut,
                               IncidentKind::CutNameMismatch})
            kinds << incidentKindId(k);
        // Not cut_unreadable: a bad package stays bad until a good one of its cut arrives.
        incidents::IncidentLog(m_store).settleCarriedOver(kinds, since);
    });
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
    noteCut(record, actasCapturadas);
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
    noteCut(record, std::nullopt);
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

void CutMonitor::noteCut(const store::CutRecord &record, std::optional<qint64> actas)
{
    QJsonObject cut{{QStringLiteral("package"), record.package},
                    {QStringLiteral("cut_utc"), record.cutTimeUtc.isValid() ? QJsonValue(record.cutTimeUtc.toString(Qt::ISODate)) : QJsonValue()},
                    {QStringLiteral("arrived_utc"), record.arrivedConsoleUtc.isValid()
                         ? QJsonValue(record.arrivedConsoleUtc.toString(Qt::ISODateWithMs)) : QJsonValue()},
                    {QStringLiteral("sha256"), record.sha256}};
    if (actas)
        cut.insert(QStringLiteral("actas_capturadas"), double(*actas));
    if (!record.unreadable.isEmpty())
        cut.insert(QStringLiteral("unreadable"), record.unreadable);
    m_lastCut = cut;
}

QJsonObject CutMonitor::evidence() const
{
    QJsonObject e;
    if (!m_lastCut.isEmpty())
        e.insert(QStringLiteral("last_cut"), m_lastCut);
    for (auto it = m_siteAnswers.cbegin(); it != m_siteAnswers.cend(); ++it)
        e.insert(it.key(), it.value());
    return e;
}

void CutMonitor::apply(const QList<IncidentChange> &changes)
{
    if (changes.isEmpty())
        return;
    const incidents::IncidentLog log(m_store);
    for (const IncidentChange &change : changes) {
        if (const std::optional<bool> answers = ourSiteAnswers(change))
            Q_EMIT ourSiteAnswering(*answers);
        const Incident &i = change.incident;
        auto done = [this, change](const std::optional<store::IncidentUpdate> &update, const QString &error) {
            if (!update) {
                Q_EMIT storeFailed(error.isEmpty() ? Tr::tr("No se pudo guardar el incidente.")
                                                   : Tr::tr("No se pudo guardar el incidente: %1").arg(error));
                return;
            }
            if (update->changed)
                Q_EMIT incidentRecorded(change, update->incident.id);
        };
        if (change.type == IncidentChange::Type::Opened) {
            incidents::Condition c;
            c.kind = incidentKindId(i.kind);
            c.subject = i.subject;
            c.title = incidentKindText(i.kind);
            c.detail = i.detail;
            c.startedUtc = i.opened;
            // Detected now; but never before the onset (the rules' times come from the same clock).
            c.detectedUtc = std::max(QDateTime::currentDateTimeUtc(), i.opened);
            c.evidence = evidence();
            log.raise(c, this, done);
        } else {
            log.clear(incidentKindId(i.kind), i.subject, i.closed, this, done);
        }
    }
}

} // namespace difusor::cuts
