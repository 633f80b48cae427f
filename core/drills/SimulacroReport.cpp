#include "SimulacroReport.h"

#include "common/MexicoTime.h"
#include "common/Tr.h"

#include <QJsonArray>
#include <QMap>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace difusor::drills {

namespace {

QJsonValue iso(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(isoUtc(t)) : QJsonValue();
}

QJsonValue secondsValue(std::optional<double> s)
{
    return s ? QJsonValue(std::round(*s * 1000.0) / 1000.0) : QJsonValue();
}

double msToS(qint64 ms)
{
    return double(ms) / 1000.0;
}

// When a cut reached our disk, on the console's clock (the detection when the offset was unknown).
QDateTime arrivalOf(const store::CutRecord &c)
{
    return c.arrivedConsoleUtc.isValid() ? c.arrivedConsoleUtc : c.detectedUtc;
}

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

std::optional<double> median(const QList<double> &values)
{
    return percentile(values, 50);
}

} // namespace

QString PreflightItem::verdictId(Verdict v)
{
    switch (v) {
    case Verdict::Pass: return QStringLiteral("pass");
    case Verdict::Fail: return QStringLiteral("fail");
    case Verdict::Unknown: return QStringLiteral("unknown");
    }
    return QStringLiteral("unknown");
}

std::optional<PreflightItem::Verdict> PreflightItem::verdictFromId(const QString &id)
{
    if (id == QLatin1String("pass"))
        return Verdict::Pass;
    if (id == QLatin1String("fail"))
        return Verdict::Fail;
    if (id == QLatin1String("unknown"))
        return Verdict::Unknown;
    return std::nullopt;
}

QJsonObject PreflightItem::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("title"), title},
            {QStringLiteral("verdict"), verdictId(verdict)},
            {QStringLiteral("evidence"), evidence},
            {QStringLiteral("at"), iso(atUtc)}};
}

PreflightItem PreflightItem::fromJson(const QJsonObject &o)
{
    PreflightItem item;
    item.id = o.value(QStringLiteral("id")).toString();
    item.title = o.value(QStringLiteral("title")).toString();
    item.verdict = verdictFromId(o.value(QStringLiteral("verdict")).toString()).value_or(Verdict::Unknown);
    item.evidence = o.value(QStringLiteral("evidence")).toString();
    item.atUtc = QDateTime::fromString(o.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs);
    return item;
}

QList<PreflightItem> preflightTemplate()
{
    auto item = [](const char *id, const QString &title) {
        PreflightItem i;
        i.id = QString::fromLatin1(id);
        i.title = title;
        return i;
    };
    return {item("check", Tr::tr("La revisión de infraestructura no tiene fallas")),
            item("watching", Tr::tr("La carpeta de publicación está vigilada")),
            item("last_cut", Tr::tr("El último corte se ve en nuestro sitio")),
            item("site", Tr::tr("Nuestro sitio responde")),
            item("clock", Tr::tr("Desfase del reloj del servidor menor a 2 s")),
            item("official", Tr::tr("El enlace al PREP oficial responde"))};
}

QList<ObserveWindow> officialWindows()
{
    const QTimeZone mx = mexicoCentralZone();
    auto window = [&](int day) {
        ObserveWindow w;
        w.startUtc = QDateTime(QDate(2024, 5, day), QTime(18, 0), mx).toUTC();
        w.endUtc = QDateTime(QDate(2024, 5, day + 1), QTime(0, 0), mx).toUTC(); // 24:00 UTC-6
        w.source = QStringLiteral("official");
        return w;
    };
    return {window(19), window(26)};
}

std::optional<ObserveWindow> nextOfficialWindow(const QDateTime &nowUtc)
{
    for (const ObserveWindow &w : officialWindows()) {
        if (nowUtc < w.endUtc)
            return w;
    }
    return std::nullopt;
}

std::optional<double> percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    // Nearest rank: the smallest value with at least p % of the values at or below it.
    const double rank = std::ceil(std::clamp(p, 0.0, 100.0) / 100.0 * double(values.size()));
    const qsizetype index = std::clamp<qsizetype>(qsizetype(rank) - 1, 0, values.size() - 1);
    return values.at(index);
}

qint64 expectedCuts(const QDateTime &startUtc, const QDateTime &endUtc, qint64 intervalMs, std::optional<qint64> phaseMs)
{
    if (!startUtc.isValid() || !endUtc.isValid() || intervalMs <= 0 || endUtc <= startUtc)
        return 0;
    const qint64 phase = phaseMs.value_or(0);
    const qint64 s = startUtc.toMSecsSinceEpoch();
    const qint64 e = endUtc.toMSecsSinceEpoch();
    // Slots phase + k·I with s <= slot < e: k from ceil((s − phase) / I) to ceil((e − phase) / I) − 1.
    const qint64 first = -floorDiv(-(s - phase), intervalMs);
    const qint64 pastLast = -floorDiv(-(e - phase), intervalMs);
    return std::max<qint64>(0, pastLast - first);
}

QJsonObject buildReportFigures(const ReportInput &in)
{
    const qint64 start = in.windowStartUtc.toMSecsSinceEpoch();
    const qint64 end = in.windowEndUtc.toMSecsSinceEpoch();
    const qint64 interval = std::max<qint64>(1, in.cutIntervalMs);
    const qint64 step = in.cutStepMs > 0 ? in.cutStepMs : interval;
    auto inWindow = [&](const QDateTime &t) {
        return t.isValid() && t.toMSecsSinceEpoch() >= start && t.toMSecsSinceEpoch() < end;
    };

    // ---- Cuts -------------------------------------------------------------------------------------
    QList<store::CutRecord> cuts;
    for (const store::CutRecord &c : in.cuts) {
        if (inWindow(arrivalOf(c)))
            cuts.append(c);
    }
    std::sort(cuts.begin(), cuts.end(), [](const store::CutRecord &a, const store::CutRecord &b) {
        const qint64 x = arrivalOf(a).toMSecsSinceEpoch();
        const qint64 y = arrivalOf(b).toMSecsSinceEpoch();
        return x != y ? x < y : a.id < b.id;
    });

    // Backwards: a cut time older than the newest already received (before or in the window).
    QDateTime newest = in.lastBefore && in.lastBefore->unreadable.isEmpty() ? in.lastBefore->cutTimeUtc : QDateTime();
    QList<bool> backwards;
    for (const store::CutRecord &c : std::as_const(cuts)) {
        const bool back = c.unreadable.isEmpty() && c.cutTimeUtc.isValid() && newest.isValid() && c.cutTimeUtc < newest;
        backwards.append(back);
        if (c.unreadable.isEmpty() && c.cutTimeUtc.isValid() && (!newest.isValid() || c.cutTimeUtc > newest))
            newest = c.cutTimeUtc;
    }

    // The schedule. Cut time t is due to arrive at D(t) = offset + (t − t0)/step × interval: a linear map
    // from cut times to real time (the PREP's cut times are its schedule; the sandbox runs a simulated
    // night at `step` of cut time per `interval`). The offset is the median of the forward cuts' own
    // (arrival − mapped time): the usual publication delay, robust to the few late ones. A cut is late
    // when it arrives more than the margin after its due time; a due time in the window whose cut time
    // never arrived is a missing cut.
    qint64 t0 = 0;
    bool haveT0 = false;
    QList<double> offsets;
    for (int i = 0; i < cuts.size(); ++i) {
        const store::CutRecord &c = cuts.at(i);
        if (backwards.at(i) || !c.unreadable.isEmpty() || !c.cutTimeUtc.isValid())
            continue;
        if (!haveT0) {
            t0 = c.cutTimeUtc.toMSecsSinceEpoch();
            haveT0 = true;
        }
        const double mapped = double(c.cutTimeUtc.toMSecsSinceEpoch() - t0) / double(step) * double(interval);
        offsets.append(double(arrivalOf(c).toMSecsSinceEpoch()) - mapped);
    }
    const std::optional<double> offset = median(offsets);
    auto dueOf = [&](const QDateTime &cutTime) -> qint64 {
        return qint64(std::llround(*offset + double(cutTime.toMSecsSinceEpoch() - t0) / double(step) * double(interval)));
    };

    qint64 expected = 0;
    int missing = 0;
    QJsonArray missingList;
    if (offset) {
        // Due times offset + k·interval in the window; slot k is cut time t0 + k·step.
        const qint64 phase = qint64(std::llround(*offset));
        expected = expectedCuts(in.windowStartUtc, in.windowEndUtc, interval, phase);
        QSet<qint64> received;
        // The cut just before the window counts too: a slot due at the window's start may land a moment early.
        if (in.lastBefore && in.lastBefore->unreadable.isEmpty() && in.lastBefore->cutTimeUtc.isValid())
            received.insert(in.lastBefore->cutTimeUtc.toMSecsSinceEpoch());
        for (const store::CutRecord &c : in.cuts) {
            if (c.unreadable.isEmpty() && c.cutTimeUtc.isValid() && arrivalOf(c).isValid()
                && arrivalOf(c).toMSecsSinceEpoch() < end)
                received.insert(c.cutTimeUtc.toMSecsSinceEpoch());
        }
        const qint64 kFirst = -floorDiv(-(start - phase), interval);
        for (qint64 k = kFirst; k < kFirst + expected; ++k) {
            const qint64 cutTime = t0 + k * step;
            if (!received.contains(cutTime)) {
                ++missing;
                missingList.append(QJsonObject{{QStringLiteral("cut"), iso(QDateTime::fromMSecsSinceEpoch(cutTime, Qt::UTC))},
                                               {QStringLiteral("due"), iso(QDateTime::fromMSecsSinceEpoch(phase + k * interval, Qt::UTC))}});
            }
        }
    } else {
        // Nothing arrived: every slot of the window is missing (aligned on the clock, as the PREP's are).
        expected = expectedCuts(in.windowStartUtc, in.windowEndUtc, interval);
        missing = int(expected);
    }

    int late = 0;
    int back = 0;
    int unreadable = 0;
    int onTime = 0;
    QJsonArray list;
    QDateTime previousArrival = in.lastBefore ? arrivalOf(*in.lastBefore) : QDateTime();
    for (int i = 0; i < cuts.size(); ++i) {
        const store::CutRecord &c = cuts.at(i);
        const QDateTime arrived = arrivalOf(c);
        QJsonObject o{{QStringLiteral("package"), c.package},
                      {QStringLiteral("cut"), iso(c.cutTimeUtc)},
                      {QStringLiteral("arrived"), iso(arrived)},
                      {QStringLiteral("gap_s"), previousArrival.isValid() ? QJsonValue(msToS(previousArrival.msecsTo(arrived))) : QJsonValue()}};
        previousArrival = arrived;
        if (!c.unreadable.isEmpty()) {
            ++unreadable;
            o.insert(QStringLiteral("unreadable"), c.unreadable);
        }
        if (backwards.at(i)) {
            ++back;
            o.insert(QStringLiteral("backwards"), true);
        } else if (c.unreadable.isEmpty() && c.cutTimeUtc.isValid() && offset) {
            const qint64 due = dueOf(c.cutTimeUtc);
            const qint64 after = arrived.toMSecsSinceEpoch() - due;
            const bool isLate = after > in.lateMarginMs;
            o.insert(QStringLiteral("due"), iso(QDateTime::fromMSecsSinceEpoch(due, Qt::UTC)));
            o.insert(QStringLiteral("after_due_s"), msToS(after));
            o.insert(QStringLiteral("late"), isLate);
            if (isLate)
                ++late;
            else
                ++onTime;
        }
        list.append(o);
    }
    const QJsonObject cutsJson{
        {QStringLiteral("expected"), expected},
        {QStringLiteral("received"), int(cuts.size())},
        {QStringLiteral("late"), late},
        {QStringLiteral("missing"), missing},
        {QStringLiteral("backwards"), back},
        {QStringLiteral("unreadable"), unreadable},
        {QStringLiteral("on_time_share"), expected > 0 ? QJsonValue(std::round(double(onTime) / double(expected) * 10000) / 10000) : QJsonValue()},
        {QStringLiteral("interval_s"), msToS(interval)},
        {QStringLiteral("late_margin_s"), msToS(in.lateMarginMs)},
        {QStringLiteral("missing_list"), missingList},
        {QStringLiteral("list"), list}};

    // ---- Lag: each cut the official site first showed in the window, until our site showed it (or a
    // newer one: our site shows only its newest cut, so a cut overtaken while late is published when a
    // newer one is). A cut our site had not shown by the window's end counts once the limit passed.
    QMap<QDateTime, QDateTime> difusorSeen; // cut → first seen
    for (const store::SightingRecord &s : in.difusorSightings) {
        if (s.firstSeenUtc.isValid())
            difusorSeen.insert(s.cutTimeUtc, s.firstSeenUtc);
    }
    QList<store::SightingRecord> official;
    for (const store::SightingRecord &s : in.officialSightings) {
        if (inWindow(s.firstSeenUtc))
            official.append(s);
    }
    std::sort(official.begin(), official.end(),
              [](const store::SightingRecord &a, const store::SightingRecord &b) { return a.cutTimeUtc < b.cutTimeUtc; });
    QList<double> lags;
    int overLimit = 0;
    int unpublished = 0;
    int pending = 0;
    QJsonArray lagList;
    for (const store::SightingRecord &s : std::as_const(official)) {
        QDateTime shown;
        for (auto it = difusorSeen.lowerBound(s.cutTimeUtc); it != difusorSeen.end(); ++it) {
            if (!shown.isValid() || it.value() < shown)
                shown = it.value();
        }
        QJsonObject o{{QStringLiteral("cut"), iso(s.cutTimeUtc)},
                      {QStringLiteral("official_seen"), iso(s.firstSeenUtc)},
                      {QStringLiteral("difusor_seen"), iso(shown)}};
        if (shown.isValid()) {
            const qint64 lag = std::max<qint64>(0, s.firstSeenUtc.msecsTo(shown));
            lags.append(msToS(lag));
            o.insert(QStringLiteral("lag_s"), msToS(lag));
            if (lag > in.maxLagMs)
                ++overLimit;
        } else if (s.firstSeenUtc.msecsTo(in.windowEndUtc) > in.maxLagMs) {
            ++unpublished;
            o.insert(QStringLiteral("unpublished"), true);
        } else {
            ++pending; // the window ended before its minute did: not judged
            o.insert(QStringLiteral("pending"), true);
        }
        lagList.append(o);
    }
    const bool judged = !lags.isEmpty() || unpublished > 0;
    const bool lagPassed = overLimit == 0 && unpublished == 0;
    const QJsonObject lagJson{
        {QStringLiteral("measured"), int(lags.size())},
        {QStringLiteral("p50_s"), secondsValue(percentile(lags, 50))},
        {QStringLiteral("p95_s"), secondsValue(percentile(lags, 95))},
        {QStringLiteral("max_s"), secondsValue(lags.isEmpty() ? std::nullopt : std::optional<double>(*std::max_element(lags.begin(), lags.end())))},
        {QStringLiteral("limit_s"), msToS(in.maxLagMs)},
        {QStringLiteral("over_limit"), overLimit},
        {QStringLiteral("unpublished"), unpublished},
        {QStringLiteral("pending"), pending},
        // null: nothing could be measured (no official cut first seen in the window)
        {QStringLiteral("passed"), judged ? QJsonValue(lagPassed) : QJsonValue()},
        {QStringLiteral("list"), lagList}};

    // ---- Incidents ----------------------------------------------------------------------------------
    QList<store::IncidentRecord> incidents = in.incidents;
    std::sort(incidents.begin(), incidents.end(), [](const store::IncidentRecord &a, const store::IncidentRecord &b) {
        return a.detectedUtc != b.detectedUtc ? a.detectedUtc < b.detectedUtc : a.id < b.id;
    });
    QList<double> ttds, ttas, ttrs;
    int open = 0;
    QJsonArray incidentList;
    for (const store::IncidentRecord &i : std::as_const(incidents)) {
        const auto ttd = i.timeToDetectS();
        const auto tta = i.timeToAcknowledgeS();
        const auto ttr = i.timeToResolveS();
        if (ttd)
            ttds.append(*ttd);
        if (tta)
            ttas.append(*tta);
        if (ttr)
            ttrs.append(*ttr);
        if (i.isOpen())
            ++open;
        incidentList.append(QJsonObject{{QStringLiteral("id"), i.id},
                                        {QStringLiteral("kind"), i.kind},
                                        {QStringLiteral("subject"), i.subject},
                                        {QStringLiteral("severity"), i.severity},
                                        {QStringLiteral("title"), i.title},
                                        {QStringLiteral("state"), i.state()},
                                        {QStringLiteral("started_at"), iso(i.openedUtc)},
                                        {QStringLiteral("detected_at"), iso(i.detectedUtc)},
                                        {QStringLiteral("acknowledged_at"), iso(i.acknowledgedUtc)},
                                        {QStringLiteral("acknowledged_by"), i.acknowledgedUtc.isValid() ? QJsonValue(i.acknowledgedBy) : QJsonValue()},
                                        {QStringLiteral("resolved_at"), iso(i.closedUtc)},
                                        {QStringLiteral("ttd_s"), secondsValue(ttd)},
                                        {QStringLiteral("tta_s"), secondsValue(tta)},
                                        {QStringLiteral("ttr_s"), secondsValue(ttr)}});
    }
    QJsonArray atStart;
    for (const store::IncidentRecord &i : in.openAtStart)
        atStart.append(QJsonObject{{QStringLiteral("id"), i.id},
                                   {QStringLiteral("kind"), i.kind},
                                   {QStringLiteral("subject"), i.subject},
                                   {QStringLiteral("title"), i.title},
                                   {QStringLiteral("state"), i.state()},
                                   {QStringLiteral("started_at"), iso(i.openedUtc)},
                                   {QStringLiteral("detected_at"), iso(i.detectedUtc)},
                                   {QStringLiteral("resolved_at"), iso(i.closedUtc)}});
    const QJsonObject incidentsJson{{QStringLiteral("open_at_start"), atStart},
                                    {QStringLiteral("count"), int(incidents.size())},
                                    {QStringLiteral("open"), open},
                                    {QStringLiteral("ttd_p50_s"), secondsValue(median(ttds))},
                                    {QStringLiteral("tta_p50_s"), secondsValue(median(ttas))},
                                    {QStringLiteral("ttr_p50_s"), secondsValue(median(ttrs))},
                                    {QStringLiteral("list"), incidentList}};

    // ---- Traffic ------------------------------------------------------------------------------------
    auto count = [](const std::optional<qint64> &v) { return v ? QJsonValue(*v) : QJsonValue(); };
    const QJsonObject trafficJson{{QStringLiteral("peak_rps"), count(in.peakRequestsPerSecond)},
                                  {QStringLiteral("peak_second"), iso(in.peakSecondUtc)},
                                  {QStringLiteral("peak_rpm"), count(in.peakRequestsPerMinute)},
                                  {QStringLiteral("peak_minute"), iso(in.peakMinuteUtc)},
                                  {QStringLiteral("requests"), count(in.totalRequests)},
                                  {QStringLiteral("console_requests"), count(in.consoleRequests)}};

    return {{QStringLiteral("cuts"), cutsJson},
            {QStringLiteral("lag"), lagJson},
            {QStringLiteral("incidents"), incidentsJson},
            {QStringLiteral("traffic"), trafficJson},
            {QStringLiteral("passed"), judged ? QJsonValue(lagPassed) : QJsonValue()}};
}

QJsonObject compareReports(const QJsonObject &now, const QJsonObject &previous, qint64 previousDrillId,
                           const QDateTime &previousStartedUtc)
{
    static const QList<std::pair<const char *, const char *>> figures{
        {"cuts", "expected"},      {"cuts", "received"},    {"cuts", "late"},          {"cuts", "missing"},
        {"cuts", "backwards"},     {"cuts", "on_time_share"}, {"lag", "p50_s"},        {"lag", "p95_s"},
        {"lag", "max_s"},          {"lag", "over_limit"},   {"incidents", "count"},    {"incidents", "ttd_p50_s"},
        {"incidents", "tta_p50_s"}, {"incidents", "ttr_p50_s"}, {"traffic", "peak_rps"}, {"traffic", "peak_rpm"}};
    QJsonObject out;
    for (const auto &[group, name] : figures) {
        const QJsonValue a = previous.value(QLatin1String(group)).toObject().value(QLatin1String(name));
        const QJsonValue b = now.value(QLatin1String(group)).toObject().value(QLatin1String(name));
        const QJsonValue delta = a.isDouble() && b.isDouble()
                                     ? QJsonValue(std::round((b.toDouble() - a.toDouble()) * 10000) / 10000)
                                     : QJsonValue();
        out.insert(QStringLiteral("%1.%2").arg(QLatin1String(group), QLatin1String(name)),
                   QJsonObject{{QStringLiteral("previous"), a.isDouble() ? a : QJsonValue()},
                               {QStringLiteral("now"), b.isDouble() ? b : QJsonValue()},
                               {QStringLiteral("delta"), delta}});
    }
    return {{QStringLiteral("drill_id"), previousDrillId},
            {QStringLiteral("started_at"), iso(previousStartedUtc)},
            {QStringLiteral("figures"), out}};
}

} // namespace difusor::drills
