#include "IncidentJson.h"


#include <QJsonArray>
#include <QMap>

#include <optional>

namespace difusor::incidents {

namespace {

QJsonValue iso(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonValue secondsValue(const std::optional<double> &s)
{
    return s ? QJsonValue(qRound64(*s * 1000) / 1000.0) : QJsonValue();
}

QJsonValue affects(const std::optional<bool> &a)
{
    return a ? QJsonValue(*a) : QJsonValue();
}

QByteArray csvCell(const QString &value)
{
    QString v = value;
    if (!v.isEmpty() && QStringLiteral("=+-@").contains(v.front()) && !(v.front() == QLatin1Char('-') && v.size() > 1 && v.at(1).isDigit()))
        v.prepend(QLatin1Char('\''));
    if (v.contains(QLatin1Char('"')) || v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('\n'))
        || v.contains(QLatin1Char('\r'))) {
        v.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        v = QLatin1Char('"') + v + QLatin1Char('"');
    }
    return v.toUtf8();
}

QString csvTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString csvSeconds(const std::optional<double> &s)
{
    return s ? QString::number(*s, 'f', 3) : QString();
}

struct Means
{
    int count = 0;
    int affected = 0;
    double ttd = 0, tta = 0, ttr = 0;
    int nTtd = 0, nTta = 0, nTtr = 0;

    void add(const store::IncidentRecord &i)
    {
        ++count;
        affected += i.affectsPublication.value_or(false) ? 1 : 0;
        if (const auto s = i.timeToDetectS()) { ttd += *s; ++nTtd; }
        if (const auto s = i.timeToAcknowledgeS()) { tta += *s; ++nTta; }
        if (const auto s = i.timeToResolveS()) { ttr += *s; ++nTtr; }
    }
    QJsonObject json() const
    {
        auto mean = [](double sum, int n) { return n ? QJsonValue(qRound64(sum / n * 1000) / 1000.0) : QJsonValue(); };
        return {{QStringLiteral("count"), count},
                {QStringLiteral("affected_publication"), affected},
                {QStringLiteral("mean_ttd_s"), mean(ttd, nTtd)},
                {QStringLiteral("mean_tta_s"), mean(tta, nTta)},
                {QStringLiteral("mean_ttr_s"), mean(ttr, nTtr)}};
    }
};

} // namespace

QJsonObject incidentToJson(const store::IncidentRecord &i, const QList<store::IncidentEvent> *events)
{
    QJsonObject o{{QStringLiteral("id"), i.id},
                  {QStringLiteral("server"), i.serverName},
                  {QStringLiteral("kind"), i.kind},
                  {QStringLiteral("subject"), i.subject},
                  {QStringLiteral("severity"), i.severity},
                  {QStringLiteral("state"), i.state()},
                  {QStringLiteral("affects_publication"), affects(i.affectsPublication)},
                  {QStringLiteral("title"), i.title},
                  {QStringLiteral("detail"), i.detail},
                  {QStringLiteral("started_at"), iso(i.openedUtc)},
                  {QStringLiteral("detected_at"), iso(i.detectedUtc)},
                  {QStringLiteral("last_observed_at"), iso(i.lastObservedUtc)},
                  {QStringLiteral("observations"), i.observations},
                  {QStringLiteral("acknowledged_at"), iso(i.acknowledgedUtc)},
                  {QStringLiteral("acknowledged_by"), i.acknowledgedBy.isEmpty() ? QJsonValue() : QJsonValue(i.acknowledgedBy)},
                  {QStringLiteral("silenced_at"), iso(i.silencedUtc)},
                  {QStringLiteral("silence_reason"), i.silenceReason.isEmpty() ? QJsonValue() : QJsonValue(i.silenceReason)},
                  {QStringLiteral("resolved_at"), iso(i.closedUtc)},
                  {QStringLiteral("resolved_by"), i.resolvedBy.isEmpty() ? QJsonValue() : QJsonValue(i.resolvedBy)},
                  {QStringLiteral("resolution"), i.resolution.isEmpty() ? QJsonValue() : QJsonValue(i.resolution)},
                  {QStringLiteral("root_cause"), i.rootCause.isEmpty() ? QJsonValue() : QJsonValue(i.rootCause)},
                  {QStringLiteral("actions"), i.actions.isEmpty() ? QJsonValue() : QJsonValue(i.actions)},
                  {QStringLiteral("ttd_s"), secondsValue(i.timeToDetectS())},
                  {QStringLiteral("tta_s"), secondsValue(i.timeToAcknowledgeS())},
                  {QStringLiteral("ttr_s"), secondsValue(i.timeToResolveS())},
                  {QStringLiteral("evidence"), i.evidence}};
    if (events) {
        QJsonArray list;
        for (const store::IncidentEvent &e : *events)
            list.append(QJsonObject{{QStringLiteral("at"), iso(e.atUtc)},
                                    {QStringLiteral("actor"), e.actor},
                                    {QStringLiteral("type"), e.type},
                                    {QStringLiteral("text"), e.text.isEmpty() ? QJsonValue() : QJsonValue(e.text)}});
        o.insert(QStringLiteral("events"), list);
    }
    return o;
}

QByteArray incidentsToCsv(const QList<store::IncidentRecord> &incidents)
{
    QByteArray out = "id,server,kind,subject,severity,state,affects_publication,title,detail,started_at,detected_at,"
                     "acknowledged_at,acknowledged_by,resolved_at,resolved_by,resolution,ttd_s,tta_s,ttr_s,"
                     "observations,silence_reason,root_cause,actions\r\n";
    for (const store::IncidentRecord &i : incidents) {
        const QStringList cells{QString::number(i.id),
                                i.serverName,
                                i.kind,
                                i.subject,
                                i.severity,
                                i.state(),
                                i.affectsPublication ? (*i.affectsPublication ? QStringLiteral("true") : QStringLiteral("false")) : QString(),
                                i.title,
                                i.detail,
                                csvTime(i.openedUtc),
                                csvTime(i.detectedUtc),
                                csvTime(i.acknowledgedUtc),
                                i.acknowledgedBy,
                                csvTime(i.closedUtc),
                                i.resolvedBy,
                                i.resolution,
                                csvSeconds(i.timeToDetectS()),
                                csvSeconds(i.timeToAcknowledgeS()),
                                csvSeconds(i.timeToResolveS()),
                                QString::number(i.observations),
                                i.silenceReason,
                                i.rootCause,
                                i.actions};
        for (qsizetype c = 0; c < cells.size(); ++c) {
            if (c)
                out += ',';
            out += csvCell(cells.at(c));
        }
        out += "\r\n";
    }
    return out;
}

QString nightOf(const QDateTime &utc)
{
    // Central Mexico has kept UTC-6 all year since 2022; a night starts at 12:00 local.
    return utc.toUTC().addSecs(-6 * 3600 - 12 * 3600).date().toString(Qt::ISODate);
}

QJsonObject incidentSummary(const QList<store::IncidentRecord> &incidents)
{
    Means all;
    QMap<QString, Means> byKind;
    QMap<QString, Means> byNight;
    for (const store::IncidentRecord &i : incidents) {
        all.add(i);
        byKind[i.kind].add(i);
        byNight[nightOf(i.openedUtc.isValid() ? i.openedUtc : i.detectedUtc)].add(i);
    }
    QJsonObject kinds;
    for (auto it = byKind.cbegin(); it != byKind.cend(); ++it)
        kinds.insert(it.key(), it.value().json());
    QJsonObject nights;
    for (auto it = byNight.cbegin(); it != byNight.cend(); ++it)
        nights.insert(it.key(), it.value().json());
    return {{QStringLiteral("all"), all.json()}, {QStringLiteral("by_kind"), kinds}, {QStringLiteral("by_night"), nights}};
}

} // namespace difusor::incidents
