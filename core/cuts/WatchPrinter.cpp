#include "WatchPrinter.h"
#include "incidents/IncidentLog.h"

#include "common/MexicoTime.h"
#include "common/Tr.h"

namespace difusor::cuts {

namespace {

QString lagText(const QJsonValue &lag)
{
    return lag.isDouble() ? Tr::tr("%1 s").arg(lag.toDouble(), 0, 'f', 1) : Tr::tr("sin medir");
}

QString mexico(const QJsonValue &iso)
{
    if (!iso.isString())
        return QStringLiteral("—");
    return formatMexicoTime(QDateTime::fromString(iso.toString(), Qt::ISODateWithMs));
}

} // namespace

QString watchTextLine(const QJsonObject &line)
{
    const QString type = line.value(QLatin1String("type")).toString();
    if (type == QLatin1String("cut")) {
        return Tr::tr("Corte %1: llegó %2, detectado %3, PREP oficial %4, nuestro sitio %5, retraso %6%7")
            .arg(mexico(line.value(QLatin1String("cut_time"))), mexico(line.value(QLatin1String("arrived_at"))),
                 mexico(line.value(QLatin1String("detected_at"))), mexico(line.value(QLatin1String("official_seen_at"))),
                 mexico(line.value(QLatin1String("difusor_seen_at"))), lagText(line.value(QLatin1String("lag_s"))),
                 line.value(QLatin1String("caught_up")).toBool() ? Tr::tr(" (ya estaba en el servidor al iniciar o reconectar)")
                                                                 : QString());
    }
    if (type == QLatin1String("incident")) {
        const QString event = line.value(QLatin1String("event")).toString();
        const QString what = Tr::tr("%1 #%2 %3 (%4)")
                                 .arg(incidents::kindTitle(line.value(QLatin1String("kind")).toString()))
                                 .arg(line.value(QLatin1String("id")).toInteger())
                                 .arg(incidents::severityText(line.value(QLatin1String("severity")).toString()),
                                      line.value(QLatin1String("kind")).toString());
        const QString detail = line.value(QLatin1String("detail")).toString();
        if (event == QLatin1String("resolved"))
            return Tr::tr("Incidente resuelto: %1, desde %2 hasta %3: %4")
                .arg(what, mexico(line.value(QLatin1String("started_at"))), mexico(line.value(QLatin1String("resolved_at"))),
                     line.value(QLatin1String("text")).toString());
        if (event == QLatin1String("opened"))
            return Tr::tr("Incidente abierto: %1, desde %2: %3").arg(what, mexico(line.value(QLatin1String("started_at"))), detail);
        return Tr::tr("Incidente %1 (%2): %3 por %4: %5")
            .arg(what, incidents::stateText(line.value(QLatin1String("state")).toString()),
                 incidents::eventTypeText(event), line.value(QLatin1String("by")).toString(),
                 line.value(QLatin1String("text")).toString());
    }
    return QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact));
}

} // namespace difusor::cuts
