#include "Scenario.h"

#include "common/Tr.h"
#include "incidents/IncidentLog.h"
#include "sandbox/Faults.h"

#include <algorithm>

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>

namespace difusor::drills {

namespace {

const QString kExtensionName = QStringLiteral("difusor-console");
const QString kProfileVariable = QStringLiteral("${profile}");

// The rule thresholds a scenario may set for its drill's own watch (numbers > 0). Nothing that says
// where the server is, or whether it is a sandbox.
const QStringList &overridableKeys()
{
    static const QStringList keys = {
        QStringLiteral("late_margin_s"),          QStringLiteral("max_lag_s"),
        QStringLiteral("stale_after_s"),          QStringLiteral("max_clock_skew_s"),
        QStringLiteral("site_failures_to_open"),  QStringLiteral("poll_interval_ms"),
        QStringLiteral("fast_poll_interval_ms"),  QStringLiteral("poll_timeout_ms"),
        QStringLiteral("traffic_window_s"),       QStringLiteral("traffic_5xx_share"),
        QStringLiteral("traffic_5xx_min_requests"), QStringLiteral("traffic_spike_factor"),
        QStringLiteral("traffic_spike_min_rps"),  QStringLiteral("traffic_baseline_min"),
        QStringLiteral("traffic_flood_share"),    QStringLiteral("traffic_flood_min_requests"),
        QStringLiteral("traffic_silent_after_s"), QStringLiteral("traffic_baseline_bucket_s"),
    };
    return keys;
}

// "línea L, columna C" of a byte offset (JSON syntax errors).
QString lineAndColumn(const QByteArray &text, int offset)
{
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < text.size(); ++i) {
        if (text.at(i) == '\n') {
            ++line;
            column = 1;
        } else if ((text.at(i) & 0xC0) != 0x80) { // count characters, not UTF-8 continuation bytes
            ++column;
        }
    }
    return Tr::tr("línea %1, columna %2").arg(line).arg(column);
}

QString typeOf(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return Tr::tr("true o false");
    case QJsonValue::Double: return Tr::tr("un número");
    case QJsonValue::String: return Tr::tr("un texto");
    case QJsonValue::Array: return Tr::tr("una lista");
    case QJsonValue::Object: return Tr::tr("un objeto");
    case QJsonValue::Undefined: break;
    }
    return Tr::tr("nada");
}

// Collects the problems of one file, each with the field's path.
class Checker
{
public:
    explicit Checker(QStringList *errors)
        : m_errors(errors)
    {
    }

    void error(const QString &path, const QString &why) { m_errors->append(QStringLiteral("%1: %2").arg(path, why)); }
    bool ok() const { return m_errors->isEmpty(); }

    std::optional<QString> string(const QJsonObject &o, const QString &key, const QString &path, bool required)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined()) {
            if (required)
                error(path + key, Tr::tr("falta (un texto)"));
            return std::nullopt;
        }
        if (!v.isString() || (required && v.toString().trimmed().isEmpty())) {
            error(path + key, Tr::tr("debe ser un texto no vacío, no %1").arg(typeOf(v)));
            return std::nullopt;
        }
        return v.toString();
    }

    std::optional<double> number(const QJsonObject &o, const QString &key, const QString &path, double minimum,
                                 double maximum)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return std::nullopt;
        if (!v.isDouble()) {
            error(path + key, Tr::tr("debe ser un número, no %1").arg(typeOf(v)));
            return std::nullopt;
        }
        const double d = v.toDouble();
        if (d < minimum || d > maximum) {
            error(path + key, Tr::tr("%1 está fuera de [%2, %3]").arg(d).arg(minimum).arg(maximum));
            return std::nullopt;
        }
        return d;
    }

    std::optional<bool> boolean(const QJsonObject &o, const QString &key, const QString &path)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return std::nullopt;
        if (!v.isBool()) {
            error(path + key, Tr::tr("debe ser true o false, no %1").arg(typeOf(v)));
            return std::nullopt;
        }
        return v.toBool();
    }

    // Keys this object may have; any other is named (a misspelt key is never silently ignored).
    void onlyKeys(const QJsonObject &o, const QString &path, const QStringList &allowed)
    {
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!allowed.contains(it.key()))
                error(path + it.key(), Tr::tr("clave desconocida (se admiten: %1)").arg(allowed.join(QStringLiteral(", "))));
        }
    }

private:
    QStringList *m_errors;
};

std::optional<Tolerance> parseTolerance(const QJsonValue &v, const QString &path, Checker &c)
{
    Tolerance t;
    if (v.isDouble() && v.toDouble() == double(int(v.toDouble()))) {
        t.type = Tolerance::Type::ExitStatus;
        t.status = v.toInt();
        return t;
    }
    if (!v.isObject()) {
        c.error(path, Tr::tr("la consola admite como tolerancia un código de salida (entero) o {\"type\": \"regex\", "
                             "\"pattern\": …, \"target\": \"stdout\"}; no %1")
                          .arg(typeOf(v)));
        return std::nullopt;
    }
    const QJsonObject o = v.toObject();
    const QString type = o.value(QStringLiteral("type")).toString();
    if (type != QLatin1String("regex")) {
        c.error(path + QStringLiteral(".type"),
                Tr::tr("tipo de tolerancia «%1» no admitido por la consola (use regex o un código de salida)").arg(type));
        return std::nullopt;
    }
    c.onlyKeys(o, path + QLatin1Char('.'), {QStringLiteral("type"), QStringLiteral("pattern"), QStringLiteral("target")});
    const auto pattern = c.string(o, QStringLiteral("pattern"), path + QLatin1Char('.'), true);
    if (!pattern)
        return std::nullopt;
    t.type = Tolerance::Type::Regex;
    t.pattern = QRegularExpression(*pattern);
    if (!t.pattern.isValid()) {
        c.error(path + QStringLiteral(".pattern"), Tr::tr("expresión regular no válida: %1").arg(t.pattern.errorString()));
        return std::nullopt;
    }
    t.target = o.value(QStringLiteral("target")).toString(QStringLiteral("stdout"));
    if (t.target != QLatin1String("stdout") && t.target != QLatin1String("stderr")) {
        c.error(path + QStringLiteral(".target"), Tr::tr("debe ser stdout o stderr"));
        return std::nullopt;
    }
    return t;
}

// Takes "--profile ${profile}" out of a command's arguments: a fault goes to the drill's profile only.
bool takeProfile(QStringList &args, const QString &path, Checker &c)
{
    const qsizetype at = args.indexOf(QStringLiteral("--profile"));
    if (at < 0 || at + 1 >= args.size()) {
        c.error(path, Tr::tr("falta «--profile ${profile}»: el simulacro actúa sobre su propio perfil"));
        return false;
    }
    if (args.at(at + 1) != kProfileVariable) {
        c.error(path, Tr::tr("«--profile %1»: use «--profile ${profile}» (el perfil del simulacro, nunca otro)").arg(args.at(at + 1)));
        return false;
    }
    args.remove(at, 2);
    return true;
}

std::optional<Activity> parseActivity(const QJsonValue &value, const QString &path, bool inHypothesis, bool inRollbacks,
                                      Checker &c)
{
    if (!value.isObject()) {
        c.error(path, Tr::tr("debe ser un objeto (una actividad), no %1").arg(typeOf(value)));
        return std::nullopt;
    }
    const QJsonObject o = value.toObject();
    const QString p = path + QLatin1Char('.');
    if (o.contains(QStringLiteral("ref"))) {
        c.error(p + QStringLiteral("ref"), Tr::tr("las referencias a otras actividades no se admiten: escriba la actividad completa"));
        return std::nullopt;
    }
    if (o.value(QStringLiteral("background")).toBool()) {
        c.error(p + QStringLiteral("background"),
                Tr::tr("la consola no ejecuta actividades en segundo plano; para que dos fallas se traslapen, "
                       "inyecte la segunda durante la primera (las fallas duran lo que dicen)"));
        return std::nullopt;
    }
    Activity a;
    a.json = o;
    const auto type = c.string(o, QStringLiteral("type"), p, true);
    const auto name = c.string(o, QStringLiteral("name"), p, true);
    if (!type || !name)
        return std::nullopt;
    a.type = *type;
    a.name = *name;
    if (a.type != QLatin1String("action") && a.type != QLatin1String("probe")) {
        c.error(p + QStringLiteral("type"), Tr::tr("debe ser action o probe, no «%1»").arg(a.type));
        return std::nullopt;
    }
    if (inHypothesis && a.type != QLatin1String("probe")) {
        c.error(p + QStringLiteral("type"), Tr::tr("la hipótesis de estado estable solo lleva sondas (probe)"));
        return std::nullopt;
    }
    if (o.contains(QStringLiteral("pauses"))) {
        const QJsonValue pv = o.value(QStringLiteral("pauses"));
        if (!pv.isObject()) {
            c.error(p + QStringLiteral("pauses"), Tr::tr("debe ser un objeto {\"before\": s, \"after\": s}"));
        } else {
            const QJsonObject pauses = pv.toObject();
            c.onlyKeys(pauses, p + QStringLiteral("pauses."), {QStringLiteral("before"), QStringLiteral("after")});
            a.pauseBeforeS = c.number(pauses, QStringLiteral("before"), p + QStringLiteral("pauses."), 0, 86400).value_or(0);
            a.pauseAfterS = c.number(pauses, QStringLiteral("after"), p + QStringLiteral("pauses."), 0, 86400).value_or(0);
        }
    }
    const QJsonValue providerValue = o.value(QStringLiteral("provider"));
    if (!providerValue.isObject()) {
        c.error(p + QStringLiteral("provider"), Tr::tr("falta el proveedor (un objeto con \"type\": \"process\")"));
        return std::nullopt;
    }
    const QJsonObject provider = providerValue.toObject();
    const QString pp = p + QStringLiteral("provider.");
    if (provider.value(QStringLiteral("type")).toString() != QLatin1String("process")) {
        c.error(pp + QStringLiteral("type"), Tr::tr("la consola solo ejecuta el proveedor «process» con difusor-console"));
        return std::nullopt;
    }
    const QString program = provider.value(QStringLiteral("path")).toString();
    if (QFileInfo(program).fileName() != QLatin1String("difusor-console")) {
        c.error(pp + QStringLiteral("path"),
                Tr::tr("«%1»: la consola solo ejecuta sus propias órdenes (difusor-console), nunca otro programa").arg(program));
        return std::nullopt;
    }
    QStringList args;
    const QJsonValue argv = provider.value(QStringLiteral("arguments"));
    if (argv.isString()) {
        args = QProcess::splitCommand(argv.toString());
    } else if (argv.isArray()) {
        const QJsonArray array = argv.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isString() && !array.at(i).isDouble()) {
                c.error(pp + QStringLiteral("arguments[%1]").arg(i), Tr::tr("debe ser un texto, no %1").arg(typeOf(array.at(i))));
                return std::nullopt;
            }
            args << (array.at(i).isString() ? array.at(i).toString() : QString::number(array.at(i).toDouble()));
        }
    } else {
        c.error(pp + QStringLiteral("arguments"), Tr::tr("faltan los argumentos (una lista de textos)"));
        return std::nullopt;
    }
    const QString argsPath = pp + QStringLiteral("arguments");
    const QString command = args.value(0) + (args.value(0) == QLatin1String("sandbox") ? QLatin1Char(' ') + args.value(1) : QString());
    if (command == QLatin1String("sandbox fault")) {
        if (a.type != QLatin1String("action")) {
            c.error(p + QStringLiteral("type"), Tr::tr("inyectar una falla es una acción (action), no una sonda"));
            return std::nullopt;
        }
        args.remove(0, 2);
        if (!takeProfile(args, argsPath, c))
            return std::nullopt;
        QString why;
        const auto fault = sandbox::parseFaultArguments(args, &why);
        if (!fault) {
            c.error(argsPath, why);
            return std::nullopt;
        }
        a.kind = Activity::Kind::Fault;
        a.fault = fault->first;
        a.faultArgs = fault->second;
    } else if (command == QLatin1String("sandbox end-faults")) {
        if (a.type != QLatin1String("action")) {
            c.error(p + QStringLiteral("type"), Tr::tr("terminar las fallas es una acción (action)"));
            return std::nullopt;
        }
        args.remove(0, 2);
        if (!takeProfile(args, argsPath, c))
            return std::nullopt;
        if (!args.isEmpty()) {
            c.error(argsPath, Tr::tr("argumento de más: %1").arg(args.first()));
            return std::nullopt;
        }
        a.kind = Activity::Kind::EndFaults;
    } else if (command == QLatin1String("incidents") || command == QLatin1String("watch")) {
        if (a.type != QLatin1String("probe")) {
            c.error(p + QStringLiteral("type"), Tr::tr("«%1» es una sonda (probe): no cambia nada").arg(command));
            return std::nullopt;
        }
        args.removeFirst();
        if (!takeProfile(args, argsPath, c))
            return std::nullopt;
        a.kind = command == QLatin1String("watch") ? Activity::Kind::WatchProbe : Activity::Kind::IncidentsProbe;
        bool json = false;
        for (qsizetype i = 0; i < args.size(); ++i) {
            const QString &arg = args.at(i);
            const QString next = args.value(i + 1);
            if (arg == QLatin1String("--format") && i + 1 < args.size()) {
                json = next == QLatin1String("json");
                ++i;
            } else if (a.kind == Activity::Kind::IncidentsProbe && arg == QLatin1String("--state") && i + 1 < args.size()) {
                a.state = next;
                ++i;
                if (!QStringList{QStringLiteral("open"), QStringLiteral("acknowledged"), QStringLiteral("resolved"),
                                 QStringLiteral("unresolved"), QStringLiteral("all")}
                         .contains(a.state)) {
                    c.error(argsPath, Tr::tr("estado desconocido: %1 (open, acknowledged, resolved, unresolved o all)").arg(a.state));
                    return std::nullopt;
                }
            } else if (a.kind == Activity::Kind::IncidentsProbe && arg == QLatin1String("--kind") && i + 1 < args.size()) {
                a.incidentKind = next;
                ++i;
                if (!incidents::knownKinds().contains(a.incidentKind)) {
                    c.error(argsPath, Tr::tr("tipo de incidente desconocido: %1").arg(a.incidentKind));
                    return std::nullopt;
                }
            } else if (a.kind == Activity::Kind::WatchProbe && arg == QLatin1String("--duration") && i + 1 < args.size()) {
                bool ok = false;
                a.durationS = next.toInt(&ok);
                ++i;
                if (!ok || a.durationS < 1 || a.durationS > 3600) {
                    c.error(argsPath, Tr::tr("--duration debe ser un número de segundos entre 1 y 3600"));
                    return std::nullopt;
                }
            } else {
                c.error(argsPath, Tr::tr("argumento que la consola no juzga en una sonda: %1").arg(arg));
                return std::nullopt;
            }
        }
        if (!json) {
            c.error(argsPath, Tr::tr("la sonda debe pedir «--format json» (es lo que juzga la tolerancia)"));
            return std::nullopt;
        }
        if (a.kind == Activity::Kind::WatchProbe && a.durationS <= 0) {
            c.error(argsPath, Tr::tr("la sonda watch necesita --duration S (cuánto esperar un corte)"));
            return std::nullopt;
        }
    } else {
        c.error(argsPath, Tr::tr("orden no admitida: «%1» (se admiten sandbox fault, sandbox end-faults, incidents y watch)")
                              .arg(args.join(QLatin1Char(' ')).left(80)));
        return std::nullopt;
    }
    if (inRollbacks && a.kind == Activity::Kind::Fault) {
        c.error(argsPath, Tr::tr("una reversión no inyecta fallas"));
        return std::nullopt;
    }
    if (inHypothesis) {
        if (!o.contains(QStringLiteral("tolerance"))) {
            c.error(p + QStringLiteral("tolerance"), Tr::tr("una sonda de la hipótesis necesita su tolerancia"));
            return std::nullopt;
        }
        a.tolerance = parseTolerance(o.value(QStringLiteral("tolerance")), p + QStringLiteral("tolerance"), c);
        if (!a.tolerance)
            return std::nullopt;
    }
    return a;
}

QList<Activity> parseActivities(const QJsonValue &value, const QString &path, bool inHypothesis, bool inRollbacks,
                                Checker &c)
{
    QList<Activity> list;
    if (value.isUndefined())
        return list;
    if (!value.isArray()) {
        c.error(path, Tr::tr("debe ser una lista de actividades, no %1").arg(typeOf(value)));
        return list;
    }
    const QJsonArray array = value.toArray();
    QSet<QString> names;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemPath = QStringLiteral("%1[%2]").arg(path).arg(i);
        if (auto a = parseActivity(array.at(i), itemPath, inHypothesis, inRollbacks, c)) {
            if (names.contains(a->name))
                c.error(itemPath + QStringLiteral(".name"), Tr::tr("«%1» ya nombra otra actividad de la lista").arg(a->name));
            names.insert(a->name);
            list.append(*a);
        }
    }
    return list;
}

void parseExtension(const QJsonObject &ext, const QString &path, Scenario &s, Checker &c)
{
    const QString p = path + QLatin1Char('.');
    c.onlyKeys(ext, p,
               {QStringLiteral("name"), QStringLiteral("target"), QStringLiteral("expectations"), QStringLiteral("forbidden"),
                QStringLiteral("stop_conditions"), QStringLiteral("settle_s"), QStringLiteral("warmup_s"),
                QStringLiteral("profile_overrides")});
    s.target = ext.value(QStringLiteral("target")).toString(QStringLiteral("sandbox"));
    if (s.target != QLatin1String("sandbox") && s.target != QLatin1String("observe"))
        c.error(p + QStringLiteral("target"), Tr::tr("debe ser sandbox u observe, no «%1»").arg(s.target));
    s.settleS = int(c.number(ext, QStringLiteral("settle_s"), p, 0, 3600).value_or(s.settleS));
    s.warmupS = int(c.number(ext, QStringLiteral("warmup_s"), p, 0, 3600).value_or(s.warmupS));

    const QJsonValue stopValue = ext.value(QStringLiteral("stop_conditions"));
    if (!stopValue.isUndefined()) {
        if (!stopValue.isObject()) {
            c.error(p + QStringLiteral("stop_conditions"), Tr::tr("debe ser un objeto"));
        } else {
            const QJsonObject stop = stopValue.toObject();
            const QString sp = p + QStringLiteral("stop_conditions.");
            c.onlyKeys(stop, sp, {QStringLiteral("max_duration_s"), QStringLiteral("abort_on_forbidden")});
            s.maxDurationS = int(c.number(stop, QStringLiteral("max_duration_s"), sp, 10, 24 * 3600).value_or(s.maxDurationS));
            s.abortOnForbidden = c.boolean(stop, QStringLiteral("abort_on_forbidden"), sp).value_or(s.abortOnForbidden);
        }
    }

    const QJsonValue forbiddenValue = ext.value(QStringLiteral("forbidden"));
    if (!forbiddenValue.isUndefined()) {
        if (!forbiddenValue.isArray()) {
            c.error(p + QStringLiteral("forbidden"), Tr::tr("debe ser una lista de tipos de incidente"));
        } else {
            const QJsonArray array = forbiddenValue.toArray();
            for (qsizetype i = 0; i < array.size(); ++i) {
                const QString kind = array.at(i).toString();
                if (!incidents::knownKinds().contains(kind))
                    c.error(p + QStringLiteral("forbidden[%1]").arg(i), Tr::tr("tipo de incidente desconocido: «%1»").arg(kind));
                else
                    s.forbidden << kind;
            }
        }
    }

    const QJsonValue overridesValue = ext.value(QStringLiteral("profile_overrides"));
    if (!overridesValue.isUndefined()) {
        if (!overridesValue.isObject()) {
            c.error(p + QStringLiteral("profile_overrides"), Tr::tr("debe ser un objeto"));
        } else {
            const QJsonObject overrides = overridesValue.toObject();
            for (auto it = overrides.begin(); it != overrides.end(); ++it) {
                const QString kp = p + QStringLiteral("profile_overrides.") + it.key();
                if (!overridableKeys().contains(it.key()))
                    c.error(kp, Tr::tr("un escenario solo ajusta umbrales de las reglas (%1)").arg(overridableKeys().join(QStringLiteral(", "))));
                else if (!it.value().isDouble() || it.value().toDouble() <= 0)
                    c.error(kp, Tr::tr("debe ser un número mayor que cero"));
                else
                    s.profileOverrides.insert(it.key(), it.value());
            }
        }
    }

    const QJsonValue expectationsValue = ext.value(QStringLiteral("expectations"));
    if (expectationsValue.isUndefined())
        return;
    if (!expectationsValue.isArray()) {
        c.error(p + QStringLiteral("expectations"), Tr::tr("debe ser una lista"));
        return;
    }
    const QJsonArray array = expectationsValue.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString ep = p + QStringLiteral("expectations[%1]").arg(i);
        if (!array.at(i).isObject()) {
            c.error(ep, Tr::tr("debe ser un objeto"));
            continue;
        }
        const QJsonObject o = array.at(i).toObject();
        const QString e = ep + QLatin1Char('.');
        c.onlyKeys(o, e,
                   {QStringLiteral("name"), QStringLiteral("fault"), QStringLiteral("incident"), QStringLiteral("subject"),
                    QStringLiteral("within_s"), QStringLiteral("resolved_within_s"), QStringLiteral("absent"),
                    QStringLiteral("weight")});
        Expectation x;
        const auto fault = c.string(o, QStringLiteral("fault"), e, true);
        const auto incident = c.string(o, QStringLiteral("incident"), e, true);
        if (!fault || !incident)
            continue;
        x.fault = *fault;
        x.incident = *incident;
        x.name = c.string(o, QStringLiteral("name"), e, false).value_or(x.fault + QStringLiteral(" → ") + x.incident);
        x.subject = c.string(o, QStringLiteral("subject"), e, false).value_or(QString());
        const auto within = c.number(o, QStringLiteral("within_s"), e, 1, 24 * 3600);
        if (!within && !o.contains(QStringLiteral("within_s")))
            c.error(e + QStringLiteral("within_s"), Tr::tr("falta: en cuántos segundos desde el inicio de la falla"));
        x.withinS = within.value_or(60);
        x.resolvedWithinS = c.number(o, QStringLiteral("resolved_within_s"), e, 0, 24 * 3600);
        x.absent = c.boolean(o, QStringLiteral("absent"), e).value_or(false);
        x.weight = c.number(o, QStringLiteral("weight"), e, 0, 1000).value_or(1);
        if (x.absent && x.resolvedWithinS)
            c.error(e + QStringLiteral("resolved_within_s"), Tr::tr("un incidente que no debe abrirse no se resuelve"));
        if (!incidents::knownKinds().contains(x.incident))
            c.error(e + QStringLiteral("incident"), Tr::tr("tipo de incidente desconocido: «%1»").arg(x.incident));
        const Activity *action = s.action(x.fault);
        if (!action)
            c.error(e + QStringLiteral("fault"), Tr::tr("«%1» no es el nombre de ninguna acción del método").arg(x.fault));
        else if (action->kind != Activity::Kind::Fault)
            c.error(e + QStringLiteral("fault"), Tr::tr("«%1» no inyecta una falla").arg(x.fault));
        if (s.forbidden.contains(x.incident) && !x.absent)
            c.error(e + QStringLiteral("incident"), Tr::tr("«%1» está también entre los prohibidos").arg(x.incident));
        s.expectations.append(x);
    }
}

} // namespace

bool Scenario::injectsFaults() const
{
    const auto isFault = [](const Activity &a) { return a.kind == Activity::Kind::Fault || a.kind == Activity::Kind::EndFaults; };
    return std::any_of(method.begin(), method.end(), isFault) || std::any_of(rollbacks.begin(), rollbacks.end(), isFault);
}

QStringList Scenario::faultIds() const
{
    QStringList ids;
    for (const Activity &a : method) {
        if (a.kind == Activity::Kind::Fault)
            ids << sandbox::faultId(a.fault);
    }
    return ids;
}

const Activity *Scenario::action(const QString &actionName) const
{
    for (const Activity &a : method) {
        if (a.name == actionName)
            return &a;
    }
    return nullptr;
}

std::optional<Scenario> parseScenario(const QByteArray &json, const QString &source, QStringList *errors)
{
    QStringList local;
    QStringList *out = errors ? errors : &local;
    out->clear();
    Checker c(out);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        c.error(lineAndColumn(json, parseError.offset), Tr::tr("JSON no válido: %1").arg(parseError.errorString()));
        return std::nullopt;
    }
    if (!doc.isObject()) {
        c.error(QStringLiteral("$"), Tr::tr("un escenario es un objeto JSON (un experimento de Chaos Toolkit)"));
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    Scenario s;
    s.source = source;
    s.experiment = o;
    s.name = source == QLatin1String("builtin") ? QString() : QFileInfo(source).completeBaseName();
    s.version = o.value(QStringLiteral("version")).toString();
    if (o.contains(QStringLiteral("version")) && !o.value(QStringLiteral("version")).isString())
        c.error(QStringLiteral("version"), Tr::tr("debe ser un texto (p. ej. \"1.0.0\")"));
    s.title = c.string(o, QStringLiteral("title"), QString(), true).value_or(QString());
    s.description = c.string(o, QStringLiteral("description"), QString(), true).value_or(QString());
    const QJsonValue tags = o.value(QStringLiteral("tags"));
    if (!tags.isUndefined()) {
        const QJsonArray array = tags.toArray();
        if (!tags.isArray())
            c.error(QStringLiteral("tags"), Tr::tr("debe ser una lista de textos"));
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isString() || array.at(i).toString().isEmpty())
                c.error(QStringLiteral("tags[%1]").arg(i), Tr::tr("debe ser un texto no vacío"));
            else
                s.tags << array.at(i).toString();
        }
    }

    const QJsonValue hypothesis = o.value(QStringLiteral("steady-state-hypothesis"));
    if (!hypothesis.isUndefined()) {
        if (!hypothesis.isObject()) {
            c.error(QStringLiteral("steady-state-hypothesis"), Tr::tr("debe ser un objeto con title y probes"));
        } else {
            const QJsonObject h = hypothesis.toObject();
            s.hypothesisTitle = c.string(h, QStringLiteral("title"), QStringLiteral("steady-state-hypothesis."), true).value_or(QString());
            s.hypothesis = parseActivities(h.value(QStringLiteral("probes")), QStringLiteral("steady-state-hypothesis.probes"),
                                           true, false, c);
        }
    }
    if (!o.contains(QStringLiteral("method")))
        c.error(QStringLiteral("method"), Tr::tr("falta (la lista de acciones; puede estar vacía)"));
    s.method = parseActivities(o.value(QStringLiteral("method")), QStringLiteral("method"), false, false, c);
    s.rollbacks = parseActivities(o.value(QStringLiteral("rollbacks")), QStringLiteral("rollbacks"), false, true, c);

    // Our block: the extension named "difusor-console" (others are left for their tools).
    const QJsonValue extensions = o.value(QStringLiteral("extensions"));
    bool found = false;
    if (!extensions.isUndefined() && !extensions.isArray())
        c.error(QStringLiteral("extensions"), Tr::tr("debe ser una lista de objetos con \"name\""));
    const QJsonArray array = extensions.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject ext = array.at(i).toObject();
        if (!array.at(i).isObject() || !ext.value(QStringLiteral("name")).isString()) {
            c.error(QStringLiteral("extensions[%1]").arg(i), Tr::tr("cada extensión es un objeto con \"name\""));
            continue;
        }
        if (ext.value(QStringLiteral("name")).toString() != kExtensionName)
            continue;
        if (found) {
            c.error(QStringLiteral("extensions[%1]").arg(i), Tr::tr("la extensión «difusor-console» aparece dos veces"));
            continue;
        }
        found = true;
        parseExtension(ext, QStringLiteral("extensions[%1]").arg(i), s, c);
    }
    if (!found)
        c.error(QStringLiteral("extensions"), Tr::tr("falta la extensión {\"name\": \"difusor-console\", …} con el objetivo y lo esperado"));
    if (s.target == QLatin1String("observe")) {
        for (qsizetype i = 0; i < s.method.size(); ++i) {
            if (s.method.at(i).kind == Activity::Kind::Fault || s.method.at(i).kind == Activity::Kind::EndFaults)
                c.error(QStringLiteral("method[%1]").arg(i), Tr::tr("un simulacro de observación nunca inyecta nada"));
        }
        if (!s.expectations.isEmpty())
            c.error(QStringLiteral("extensions"), Tr::tr("un simulacro de observación no espera fallas"));
    }
    if (!c.ok())
        return std::nullopt;
    return s;
}

std::optional<Scenario> loadScenarioFile(const QString &path, QStringList *errors)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (errors)
            *errors = QStringList{Tr::tr("No se pudo leer %1: %2").arg(path, file.errorString())};
        return std::nullopt;
    }
    if (file.size() > 4 * 1024 * 1024) {
        if (errors)
            *errors = QStringList{Tr::tr("%1 es demasiado grande para un escenario (más de 4 MiB).").arg(path)};
        return std::nullopt;
    }
    return parseScenario(file.readAll(), path, errors);
}

} // namespace difusor::drills
