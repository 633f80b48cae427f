#include "Faults.h"

#include "common/Tr.h"

#include <algorithm>

namespace difusor::sandbox {

namespace {

struct FaultName
{
    FaultKind kind;
    const char *id;
};
const FaultName FaultNames[] = {
    {FaultKind::LateCut, "late_cut"},         {FaultKind::SkippedCut, "skipped_cut"},
    {FaultKind::StaleSite, "stale_site"},     {FaultKind::SiteDown, "site_down"},
    {FaultKind::ServerErrors, "errors_5xx"},  {FaultKind::TrafficSpike, "traffic_spike"},
    {FaultKind::BackwardsCut, "backwards_cut"}, {FaultKind::ClockSkew, "clock_skew"},
    {FaultKind::LogRotation, "log_rotation"},
};

constexpr int MaxDurationS = 24 * 3600;

} // namespace

QString faultId(FaultKind kind)
{
    for (const FaultName &name : FaultNames) {
        if (name.kind == kind)
            return QString::fromLatin1(name.id);
    }
    return {};
}

std::optional<FaultKind> faultFromId(const QString &id)
{
    const QString wanted = id.trimmed().toLower().replace(QLatin1Char('-'), QLatin1Char('_'));
    for (const FaultName &name : FaultNames) {
        if (wanted == QLatin1String(name.id))
            return name.kind;
    }
    if (wanted == QLatin1String("5xx") || wanted == QLatin1String("server_errors"))
        return FaultKind::ServerErrors;
    return std::nullopt;
}

QList<FaultDescription> Sandbox::faults()
{
    return {
        {FaultKind::LateCut, faultId(FaultKind::LateCut), tr("Corte retrasado"),
         tr("El siguiente corte llega al difusor con retraso (el PREP oficial lo publica a tiempo)."), true,
         QStringLiteral("[--delay S]")},
        {FaultKind::SkippedCut, faultId(FaultKind::SkippedCut), tr("Corte omitido"),
         tr("El siguiente corte no se publica."), true, QString()},
        {FaultKind::StaleSite, faultId(FaultKind::StaleSite), tr("Sitio desactualizado"),
         tr("Los cortes llegan, pero la página del difusor sigue mostrando el anterior."), true,
         QStringLiteral("[--duration S]")},
        {FaultKind::SiteDown, faultId(FaultKind::SiteDown), tr("Sitio caído"),
         tr("Se detiene el nginx del difusor y se vuelve a iniciar después."), true, QStringLiteral("[--duration S]")},
        {FaultKind::ServerErrors, faultId(FaultKind::ServerErrors), tr("Ráfaga de errores 5xx"),
         tr("El difusor responde 503 a las páginas durante un tiempo."), true, QStringLiteral("[--duration S]")},
        {FaultKind::TrafficSpike, faultId(FaultKind::TrafficSpike), tr("Pico de tráfico"),
         tr("Los visitantes se multiplican durante un tiempo."), true, QStringLiteral("[--factor N] [--duration S]")},
        {FaultKind::BackwardsCut, faultId(FaultKind::BackwardsCut), tr("Corte que retrocede"),
         tr("El siguiente corte lleva una hora anterior (y menos actas) que el último."), true, QString()},
        {FaultKind::ClockSkew, faultId(FaultKind::ClockSkew), tr("Reloj desfasado"),
         tr("Las horas publicadas por el difusor se desfasan durante un tiempo."), true,
         QStringLiteral("[--offset S] [--duration S]")},
        {FaultKind::LogRotation, faultId(FaultKind::LogRotation), tr("Rotación del registro de accesos"),
         tr("Se rota el access.log del difusor (renombrar y reabrir, o copiar y truncar)."), true,
         QStringLiteral("[--copytruncate]")},
    };
}

FaultArgs withDefaults(FaultKind kind, FaultArgs a, int cutIntervalS)
{
    const int lasting = std::max(30, cutIntervalS); // long enough for a console to notice
    switch (kind) {
    case FaultKind::LateCut:
        if (a.delayS <= 0)
            a.delayS = std::max(75, cutIntervalS); // past the one-minute rule
        break;
    case FaultKind::StaleSite:
    case FaultKind::SiteDown:
    case FaultKind::ServerErrors:
    case FaultKind::TrafficSpike:
    case FaultKind::ClockSkew:
        if (a.durationS <= 0)
            a.durationS = lasting;
        break;
    case FaultKind::SkippedCut:
    case FaultKind::BackwardsCut:
    case FaultKind::LogRotation:
        break;
    }
    if (kind == FaultKind::TrafficSpike && a.factor <= 0)
        a.factor = 5;
    if (kind == FaultKind::ClockSkew && a.offsetS == 0)
        a.offsetS = 300;
    a.durationS = std::min(a.durationS, MaxDurationS);
    a.delayS = std::min(a.delayS, MaxDurationS);
    a.factor = std::min(a.factor, 50.0);
    a.offsetS = std::clamp(a.offsetS, -MaxDurationS, MaxDurationS);
    return a;
}

QJsonObject faultArgsJson(FaultKind kind, const FaultArgs &a)
{
    QJsonObject o;
    o.insert(QStringLiteral("kind"), faultId(kind));
    switch (kind) {
    case FaultKind::LateCut: o.insert(QStringLiteral("delay_s"), a.delayS); break;
    case FaultKind::TrafficSpike:
        o.insert(QStringLiteral("factor"), a.factor);
        o.insert(QStringLiteral("duration_s"), a.durationS);
        break;
    case FaultKind::ClockSkew:
        o.insert(QStringLiteral("offset_s"), a.offsetS);
        o.insert(QStringLiteral("duration_s"), a.durationS);
        break;
    case FaultKind::LogRotation:
        o.insert(QStringLiteral("mode"), a.copyTruncate ? QStringLiteral("copytruncate") : QStringLiteral("reopen"));
        break;
    case FaultKind::StaleSite:
    case FaultKind::SiteDown:
    case FaultKind::ServerErrors: o.insert(QStringLiteral("duration_s"), a.durationS); break;
    case FaultKind::SkippedCut:
    case FaultKind::BackwardsCut: break;
    }
    return o;
}

QJsonObject faultRequest(FaultKind kind, const FaultArgs &args)
{
    QJsonObject o;
    o.insert(QStringLiteral("fault"), faultId(kind));
    o.insert(QStringLiteral("duration_s"), args.durationS);
    o.insert(QStringLiteral("delay_s"), args.delayS);
    o.insert(QStringLiteral("factor"), args.factor);
    o.insert(QStringLiteral("offset_s"), args.offsetS);
    o.insert(QStringLiteral("copytruncate"), args.copyTruncate);
    return o;
}

std::optional<std::pair<FaultKind, FaultArgs>> parseFaultRequest(const QJsonObject &o, QString *error)
{
    const auto kind = faultFromId(o.value(QStringLiteral("fault")).toString());
    if (!kind) {
        if (error)
            *error = Tr::tr("Falla desconocida: \"%1\".").arg(o.value(QStringLiteral("fault")).toString().left(64));
        return std::nullopt;
    }
    FaultArgs a;
    a.durationS = o.value(QStringLiteral("duration_s")).toInt();
    a.delayS = o.value(QStringLiteral("delay_s")).toInt();
    a.factor = o.value(QStringLiteral("factor")).toDouble();
    a.offsetS = o.value(QStringLiteral("offset_s")).toInt();
    a.copyTruncate = o.value(QStringLiteral("copytruncate")).toBool();
    if (a.durationS < 0 || a.delayS < 0 || a.factor < 0) {
        if (error)
            *error = Tr::tr("Los argumentos de la falla no pueden ser negativos.");
        return std::nullopt;
    }
    return std::make_pair(*kind, a);
}

std::optional<std::pair<FaultKind, FaultArgs>> parseFaultArguments(const QStringList &arguments, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<std::pair<FaultKind, FaultArgs>> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (arguments.isEmpty())
        return fail(Tr::tr("Falta el tipo de falla."));
    const auto kind = faultFromId(arguments.first());
    if (!kind)
        return fail(Tr::tr("Falla desconocida: \"%1\".").arg(arguments.first()));
    FaultArgs a;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString arg = arguments.at(i);
        if (arg == QLatin1String("--copytruncate")) {
            a.copyTruncate = true;
            continue;
        }
        if (arg == QLatin1String("--reopen")) {
            a.copyTruncate = false;
            continue;
        }
        bool isNumber = false;
        const double bare = arg.toDouble(&isNumber);
        if (isNumber && i == 1) {
            // One bare number: the kind's main argument.
            switch (*kind) {
            case FaultKind::LateCut: a.delayS = int(bare); break;
            case FaultKind::TrafficSpike: a.factor = bare; break;
            case FaultKind::ClockSkew: a.offsetS = int(bare); break;
            default: a.durationS = int(bare); break;
            }
            continue;
        }
        if (i + 1 >= arguments.size())
            return fail(Tr::tr("Argumento desconocido o sin valor: \"%1\".").arg(arg));
        const QString value = arguments.at(++i);
        const double number = value.toDouble(&isNumber);
        if (!isNumber || (number < 0 && arg != QLatin1String("--offset")))
            return fail(Tr::tr("Valor no válido para %1: \"%2\".").arg(arg, value));
        if (arg == QLatin1String("--duration"))
            a.durationS = int(number);
        else if (arg == QLatin1String("--delay"))
            a.delayS = int(number);
        else if (arg == QLatin1String("--factor"))
            a.factor = number;
        else if (arg == QLatin1String("--offset"))
            a.offsetS = int(number);
        else if (arg == QLatin1String("--mode"))
            return fail(Tr::tr("Use --copytruncate o --reopen."));
        else
            return fail(Tr::tr("Argumento desconocido: \"%1\".").arg(arg));
    }
    return std::make_pair(*kind, a);
}

} // namespace difusor::sandbox
