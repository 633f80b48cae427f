#include "BuiltinScenarios.h"

#include "common/Tr.h"
#include "sandbox/Faults.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace difusor::drills {

namespace {

const QString kNight = QStringLiteral("noche_electoral");

// The rule thresholds of the drill's watch for a sandbox night of `c` seconds per cut, and the windows
// derived from them. Modelled on tests/incidents/tst_incidents_faults (a 4 s night).
struct Pace
{
    int c;
    double lateMargin;
    double staleAfter;
    int pollMs;
    int trafficWindow;
    int silentAfter;
    // The spike rule's baseline: at a sandbox pace (a window up to 20 s) 5 s buckets over three windows,
    // ready in under a minute; slower paces keep minute buckets and the two-minute floor.
    int baselineBucket;
    int baselineS;

    explicit Pace(int cutIntervalS)
        : c(std::max(1, cutIntervalS))
        , lateMargin(std::max(2.0, c / 2.0))
        , staleAfter(std::max(3.0, c * 0.75))
        , pollMs(std::clamp(c * 100, 500, 1000))
        , trafficWindow(std::max(10, 2 * c))
        , silentAfter(std::max(20, 4 * c))
        , baselineBucket(trafficWindow <= 20 ? 5 : 60)
        , baselineS(baselineBucket == 5 ? std::max(30, (3 * trafficWindow + 4) / 5 * 5) : 120)
    {
    }

    QJsonObject overrides() const
    {
        return {{QStringLiteral("late_margin_s"), lateMargin},
                {QStringLiteral("stale_after_s"), staleAfter},
                {QStringLiteral("poll_interval_ms"), pollMs},
                {QStringLiteral("fast_poll_interval_ms"), 250},
                {QStringLiteral("traffic_window_s"), trafficWindow},
                {QStringLiteral("traffic_5xx_min_requests"), 5},
                {QStringLiteral("traffic_baseline_min"), baselineS / 60.0},
                {QStringLiteral("traffic_baseline_bucket_s"), baselineBucket},
                {QStringLiteral("traffic_spike_min_rps"), 5},
                {QStringLiteral("traffic_silent_after_s"), silentAfter}};
    }
    // How long the steady state may take (an earlier session's incidents settle within two minutes).
    int settle() const { return std::clamp(6 * c, 150, 3600); }
    // The traffic spike rule needs its whole baseline span of history, counted from the bucket after the
    // first log line, before the window: a bucket, the span, a window and a margin of watching.
    int spikeWarmup() const { return baselineBucket + baselineS + trafficWindow + 5; }
};

QJsonObject process(const QStringList &arguments)
{
    return {{QStringLiteral("type"), QStringLiteral("process")},
            {QStringLiteral("path"), QStringLiteral("difusor-console")},
            {QStringLiteral("arguments"), QJsonArray::fromStringList(arguments)}};
}

QJsonObject faultAction(const QString &name, const QString &fault, const QStringList &args, double pauseAfterS = 0)
{
    QJsonObject a{{QStringLiteral("type"), QStringLiteral("action")},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("provider"),
                   process(QStringList{QStringLiteral("sandbox"), QStringLiteral("fault"), QStringLiteral("--profile"),
                                       QStringLiteral("${profile}"), fault}
                           + args)}};
    if (pauseAfterS > 0)
        a.insert(QStringLiteral("pauses"), QJsonObject{{QStringLiteral("after"), pauseAfterS}});
    return a;
}

QJsonObject hypothesis(const Pace &p)
{
    const QJsonObject cutProbe{
        {QStringLiteral("type"), QStringLiteral("probe")},
        {QStringLiteral("name"), QStringLiteral("se-registra-un-corte")},
        {QStringLiteral("provider"),
         process({QStringLiteral("watch"), QStringLiteral("--profile"), QStringLiteral("${profile}"), QStringLiteral("--format"),
                  QStringLiteral("json"), QStringLiteral("--duration"), QString::number(3 * p.c + 15)})},
        {QStringLiteral("tolerance"), QJsonObject{{QStringLiteral("type"), QStringLiteral("regex")},
                                                  {QStringLiteral("pattern"), QStringLiteral("\"type\":\"cut\"")},
                                                  {QStringLiteral("target"), QStringLiteral("stdout")}}}};
    const QJsonObject quietProbe{
        {QStringLiteral("type"), QStringLiteral("probe")},
        {QStringLiteral("name"), QStringLiteral("sin-incidentes-abiertos")},
        {QStringLiteral("provider"),
         process({QStringLiteral("incidents"), QStringLiteral("--profile"), QStringLiteral("${profile}"), QStringLiteral("--state"),
                  QStringLiteral("unresolved"), QStringLiteral("--format"), QStringLiteral("json")})},
        {QStringLiteral("tolerance"), QJsonObject{{QStringLiteral("type"), QStringLiteral("regex")},
                                                  {QStringLiteral("pattern"), QStringLiteral("^\\{\"incidents\":\\[\\]")},
                                                  {QStringLiteral("target"), QStringLiteral("stdout")}}}};
    return {{QStringLiteral("title"), Tr::tr("La consola registra los cortes y no tiene incidentes sin resolver")},
            {QStringLiteral("probes"), QJsonArray{cutProbe, quietProbe}}};
}

QJsonObject expect(const QString &fault, const QString &incident, double withinS, double resolvedWithinS,
                   const QString &subject = {})
{
    QJsonObject e{{QStringLiteral("fault"), fault},
                  {QStringLiteral("incident"), incident},
                  {QStringLiteral("within_s"), std::ceil(withinS)},
                  {QStringLiteral("weight"), 1}};
    if (resolvedWithinS > 0)
        e.insert(QStringLiteral("resolved_within_s"), std::ceil(resolvedWithinS));
    if (!subject.isEmpty())
        e.insert(QStringLiteral("subject"), subject);
    return e;
}

QJsonObject expectNone(const QString &fault, const QString &incident, double windowS)
{
    return {{QStringLiteral("fault"), fault},
            {QStringLiteral("incident"), incident},
            {QStringLiteral("absent"), true},
            {QStringLiteral("within_s"), std::ceil(windowS)},
            {QStringLiteral("weight"), 1}};
}

// One fault's action arguments and what the console must do about it.
struct FaultPlan
{
    QStringList args;
    QJsonArray expectations; // with "fault" filled by the caller
    QStringList forbidden;
    double lastsS = 0;        // roughly how long until its incidents resolve (max duration)
};

FaultPlan planFor(const QString &fault, const QString &action, const Pace &p)
{
    FaultPlan plan;
    const double c = p.c;
    const QStringList quiet{QStringLiteral("connection_lost"), QStringLiteral("traffic_flood"), QStringLiteral("certificate")};
    if (fault == QLatin1String("late_cut")) {
        plan.args = {QStringLiteral("--delay"), QString::number(3 * p.c)};
        // Due one interval after the last arrival, late after the margin (+ the 1 s rule tick).
        plan.expectations.append(expect(action, QStringLiteral("late_cut"), 2 * c + p.lateMargin + 5, std::max(15.0, 2 * c)));
        plan.forbidden = quiet + QStringList{QStringLiteral("cut_backwards"), QStringLiteral("clock_skew"), QStringLiteral("site_unreachable")};
        plan.lastsS = 4 * c + 20;
    } else if (fault == QLatin1String("skipped_cut")) {
        // Revealed when the next cut lands, one interval after the one that never came.
        plan.expectations.append(expect(action, QStringLiteral("skipped_cut"), 3 * c + p.lateMargin + 5, std::max(30.0, 4 * c)));
        plan.forbidden = quiet + QStringList{QStringLiteral("cut_backwards"), QStringLiteral("clock_skew"), QStringLiteral("site_unreachable")};
        plan.lastsS = 5 * c + 30;
    } else if (fault == QLatin1String("stale_site")) {
        plan.args = {QStringLiteral("--duration"), QString::number(3 * p.c)};
        plan.expectations.append(expect(action, QStringLiteral("stale_site"), std::max(30.0, 2 * c + p.staleAfter + 5), std::max(20.0, 2 * c)));
        plan.forbidden = quiet + QStringList{QStringLiteral("late_cut"), QStringLiteral("skipped_cut"), QStringLiteral("cut_backwards"),
                                             QStringLiteral("clock_skew"), QStringLiteral("site_unreachable")};
        plan.lastsS = 5 * c + 20;
    } else if (fault == QLatin1String("site_down")) {
        const int down = std::max(8, 2 * p.c);
        plan.args = {QStringLiteral("--duration"), QString::number(down)};
        plan.expectations.append(expect(action, QStringLiteral("site_unreachable"), std::max(15.0, c + 5), std::max(20.0, 2 * c),
                                        QStringLiteral("difusor")));
        plan.forbidden = quiet + QStringList{QStringLiteral("late_cut"), QStringLiteral("skipped_cut"), QStringLiteral("cut_backwards"),
                                             QStringLiteral("clock_skew")};
        plan.lastsS = down + 2 * c + 20;
    } else if (fault == QLatin1String("errors_5xx")) {
        const int duration = std::max(15, 3 * p.c);
        plan.args = {QStringLiteral("--duration"), QString::number(duration)};
        // The page answers 503 (the site probe), and the access log fills with 5xx (the traffic rule).
        plan.expectations.append(expect(action, QStringLiteral("site_http_error"), std::max(15.0, c + 5), std::max(20.0, 2 * c),
                                        QStringLiteral("difusor")));
        plan.expectations.append(expect(action, QStringLiteral("traffic_5xx"), std::max(30.0, 3 * c), p.trafficWindow + 25));
        plan.forbidden = quiet + QStringList{QStringLiteral("late_cut"), QStringLiteral("skipped_cut"), QStringLiteral("cut_backwards"),
                                             QStringLiteral("clock_skew"), QStringLiteral("site_unreachable")};
        plan.lastsS = duration + p.trafficWindow + 30;
    } else if (fault == QLatin1String("traffic_spike")) {
        const int duration = std::max(25, 3 * p.c);
        plan.args = {QStringLiteral("--factor"), QStringLiteral("6"), QStringLiteral("--duration"), QString::number(duration)};
        plan.expectations.append(expect(action, QStringLiteral("traffic_spike"), std::max(30.0, 2.0 * p.trafficWindow),
                                        2.0 * p.trafficWindow + 25));
        plan.forbidden = QStringList{QStringLiteral("connection_lost"), QStringLiteral("certificate"), QStringLiteral("late_cut"),
                                     QStringLiteral("skipped_cut"), QStringLiteral("cut_backwards"), QStringLiteral("clock_skew"),
                                     QStringLiteral("site_unreachable")};
        plan.lastsS = duration + 2 * p.trafficWindow + 30;
    } else if (fault == QLatin1String("backwards_cut")) {
        plan.expectations.append(expect(action, QStringLiteral("cut_backwards"), 2 * c + p.lateMargin + 5, std::max(30.0, 4 * c)));
        plan.forbidden = quiet + QStringList{QStringLiteral("clock_skew"), QStringLiteral("site_unreachable")};
        plan.lastsS = 5 * c + 30;
    } else if (fault == QLatin1String("clock_skew")) {
        const int duration = std::max(15, 3 * p.c);
        plan.args = {QStringLiteral("--offset"), QStringLiteral("300"), QStringLiteral("--duration"), QString::number(duration)};
        plan.expectations.append(expect(action, QStringLiteral("clock_skew"), std::max(45.0, 4 * c), std::max(30.0, 4 * c)));
        plan.forbidden = quiet + QStringList{QStringLiteral("site_unreachable")};
        plan.lastsS = duration + 4 * c + 30;
    } else if (fault == QLatin1String("log_rotation")) {
        // The tail follows the new file: the log never goes silent, and nothing else happens.
        plan.expectations.append(expectNone(action, QStringLiteral("traffic_log_silent"), p.silentAfter + 10));
        plan.forbidden = quiet + QStringList{QStringLiteral("traffic_log_silent"), QStringLiteral("traffic_5xx"), QStringLiteral("late_cut"),
                                             QStringLiteral("skipped_cut"), QStringLiteral("site_unreachable")};
        plan.lastsS = p.silentAfter + 15;
    }
    return plan;
}

QString faultTitle(const QString &fault)
{
    for (const sandbox::FaultDescription &f : sandbox::Sandbox::faults()) {
        if (f.id == fault)
            return f.title;
    }
    return fault;
}

QJsonObject experiment(const QString &title, const QString &description, const QStringList &tags, const Pace &p,
                       const QJsonArray &method, const QJsonObject &extension)
{
    const QJsonObject rollback{{QStringLiteral("type"), QStringLiteral("action")},
                               {QStringLiteral("name"), QStringLiteral("terminar-fallas")},
                               {QStringLiteral("provider"), process({QStringLiteral("sandbox"), QStringLiteral("end-faults"),
                                                                     QStringLiteral("--profile"), QStringLiteral("${profile}")})}};
    QJsonObject ext = extension;
    ext.insert(QStringLiteral("name"), QStringLiteral("difusor-console"));
    ext.insert(QStringLiteral("target"), QStringLiteral("sandbox"));
    ext.insert(QStringLiteral("profile_overrides"), p.overrides());
    // The steady state may take a while: an earlier session's incidents settle within two minutes.
    ext.insert(QStringLiteral("settle_s"), p.settle());
    return {{QStringLiteral("version"), QStringLiteral("1.0.0")},
            {QStringLiteral("title"), title},
            {QStringLiteral("description"), description},
            {QStringLiteral("tags"), QJsonArray::fromStringList(tags)},
            // Chaos Toolkit's runner takes the profile from the environment: DIFUSOR_PROFILE=… chaos run FILE.
            {QStringLiteral("configuration"),
             QJsonObject{{QStringLiteral("profile"), QJsonObject{{QStringLiteral("type"), QStringLiteral("env")},
                                                                 {QStringLiteral("key"), QStringLiteral("DIFUSOR_PROFILE")}}}}},
            {QStringLiteral("steady-state-hypothesis"), hypothesis(p)},
            {QStringLiteral("method"), method},
            {QStringLiteral("rollbacks"), QJsonArray{rollback}},
            {QStringLiteral("extensions"), QJsonArray{ext}}};
}

QJsonObject singleFault(const QString &fault, const Pace &p)
{
    const FaultPlan plan = planFor(fault, fault, p);
    const int warmup = fault == QLatin1String("traffic_spike") ? p.spikeWarmup() : 0;
    QJsonObject ext{{QStringLiteral("expectations"), plan.expectations},
                    {QStringLiteral("forbidden"), QJsonArray::fromStringList(plan.forbidden)},
                    {QStringLiteral("stop_conditions"),
                     QJsonObject{{QStringLiteral("max_duration_s"), int(std::ceil(warmup + plan.lastsS + 2 * p.settle() + 60))},
                                 {QStringLiteral("abort_on_forbidden"), true}}}};
    if (warmup > 0)
        ext.insert(QStringLiteral("warmup_s"), warmup);
    const QString title = faultTitle(fault);
    return experiment(Tr::tr("Ensayo con falla: %1").arg(title),
                      fault == QLatin1String("log_rotation")
                          ? Tr::tr("Se rota la bitácora de accesos del simulador: la consola debe seguir leyéndola sin abrir ningún incidente.")
                          : Tr::tr("Se inyecta «%1» en el simulador: la consola debe abrir el incidente esperado a tiempo y "
                                   "resolverlo solo cuando la falla termina, sin falsas alarmas.")
                                .arg(title),
                      {QStringLiteral("difusor"), QStringLiteral("ensayo"), fault}, p,
                      QJsonArray{faultAction(fault, fault, plan.args)}, ext);
}

// The night in about 20 minutes: a traffic baseline first, then faults one after another, some of them
// overlapping (5xx during a traffic spike, a stale page during another spike).
// Never two faults that raise the same kind of incident at once: each expectation must know its cause.
QJsonObject night(const Pace &p)
{
    struct Step
    {
        QString action;
        QString fault;
        double pauseAfterS; // until the next step
    };
    const double c = p.c;
    const QList<Step> steps = {
        {QStringLiteral("corte-retrasado-2015"), QStringLiteral("late_cut"), std::max(90.0, 6 * c)},
        {QStringLiteral("pico-de-trafico-2100"), QStringLiteral("traffic_spike"), 10},
        {QStringLiteral("errores-5xx-durante-el-pico"), QStringLiteral("errors_5xx"), std::max(100.0, 6 * c)},
        {QStringLiteral("sitio-desactualizado-2200"), QStringLiteral("stale_site"), std::max(90.0, 6 * c)},
        {QStringLiteral("corte-omitido-2300"), QStringLiteral("skipped_cut"), std::max(100.0, 7 * c)},
        {QStringLiteral("sitio-caido-0000"), QStringLiteral("site_down"), std::max(80.0, 6 * c)},
        {QStringLiteral("reloj-desfasado-0030"), QStringLiteral("clock_skew"), std::max(100.0, 8 * c)},
        {QStringLiteral("corte-que-retrocede-0100"), QStringLiteral("backwards_cut"), std::max(100.0, 7 * c)},
        {QStringLiteral("rotacion-de-bitacora-0200"), QStringLiteral("log_rotation"), std::max(60.0, p.silentAfter + 15.0)},
        {QStringLiteral("segundo-pico-0300"), QStringLiteral("traffic_spike"), 5},
        {QStringLiteral("sitio-desactualizado-durante-el-pico"), QStringLiteral("stale_site"), std::max(90.0, 6 * c)},
        {QStringLiteral("segundo-corte-retrasado-0400"), QStringLiteral("late_cut"), 0},
    };
    QJsonArray method;
    QJsonArray expectations;
    QStringList forbidden{QStringLiteral("connection_lost"), QStringLiteral("traffic_flood"), QStringLiteral("certificate")};
    double total = p.spikeWarmup();
    double tail = 0;
    for (const Step &s : steps) {
        const FaultPlan plan = planFor(s.fault, s.action, p);
        method.append(faultAction(s.action, s.fault, plan.args, s.pauseAfterS));
        for (const QJsonValue &e : plan.expectations)
            expectations.append(e);
        total += s.pauseAfterS;
        tail = std::max(tail - s.pauseAfterS, plan.lastsS);
    }
    total += tail;
    QJsonObject ext{{QStringLiteral("expectations"), expectations},
                    {QStringLiteral("forbidden"), QJsonArray::fromStringList(forbidden)},
                    {QStringLiteral("warmup_s"), p.spikeWarmup()},
                    {QStringLiteral("stop_conditions"),
                     QJsonObject{{QStringLiteral("max_duration_s"), int(std::ceil(total + 2 * p.settle() + 120))},
                                 {QStringLiteral("abort_on_forbidden"), true}}}};
    return experiment(Tr::tr("Noche electoral comprimida"),
                      Tr::tr("La noche entera en unos 20 minutos: cortes retrasados, omitidos y que retroceden, el sitio "
                             "caído o desactualizado, errores 5xx, picos de tráfico, un reloj desfasado y una rotación de "
                             "la bitácora, algunas fallas a la vez. Cada una debe abrir su incidente a tiempo y resolverse "
                             "sola; ninguna falsa alarma."),
                      {QStringLiteral("difusor"), QStringLiteral("ensayo"), kNight}, p, method, ext);
}

} // namespace

QStringList builtinScenarioNames()
{
    QStringList names;
    for (const sandbox::FaultDescription &f : sandbox::Sandbox::faults())
        names << f.id;
    names << kNight;
    return names;
}

bool isBuiltinScenario(const QString &name)
{
    return builtinScenarioNames().contains(name);
}

QJsonObject builtinExperiment(const QString &name, int cutIntervalS)
{
    const Pace pace(cutIntervalS);
    if (name == kNight)
        return night(pace);
    if (sandbox::faultFromId(name) && sandbox::faultId(*sandbox::faultFromId(name)) == name)
        return singleFault(name, pace);
    return {};
}

std::optional<Scenario> builtinScenario(const QString &name, int cutIntervalS, QStringList *errors)
{
    const QJsonObject json = builtinExperiment(name, cutIntervalS);
    if (json.isEmpty()) {
        if (errors)
            *errors = QStringList{Tr::tr("No hay un escenario integrado llamado «%1» (%2).").arg(name, builtinScenarioNames().join(QStringLiteral(", ")))};
        return std::nullopt;
    }
    auto scenario = parseScenario(QJsonDocument(json).toJson(QJsonDocument::Compact), QStringLiteral("builtin"), errors);
    if (scenario)
        scenario->name = name;
    return scenario;
}

} // namespace difusor::drills
