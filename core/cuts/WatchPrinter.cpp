#include "WatchPrinter.h"
#include "incidents/IncidentLog.h"

#include "common/MexicoTime.h"
#include "common/Tr.h"

#include <QLocale>

#include <cmath>

namespace difusor::cuts {

namespace {

// "12.3 s ± 1.2 s": the measurement with its bound, when known (rounded up: never claims more).
QString lagText(const QJsonValue &lag, const QJsonValue &uncertainty = {})
{
    if (!lag.isDouble())
        return Tr::tr("sin medir");
    if (!uncertainty.isDouble())
        return Tr::tr("%1 s").arg(lag.toDouble(), 0, 'f', 1);
    return Tr::tr("%1 s ± %2 s").arg(lag.toDouble(), 0, 'f', 1).arg(std::ceil(uncertainty.toDouble() * 10.0) / 10.0, 0, 'f', 1);
}

QString mexico(const QJsonValue &iso)
{
    if (!iso.isString())
        return QStringLiteral("—");
    return formatMexicoTime(QDateTime::fromString(iso.toString(), Qt::ISODateWithMs));
}

QString count(const QJsonValue &v)
{
    return QLocale().toString(qint64(v.toDouble()));
}

// "Tráfico desde 04/12/2026 17:51:00 (UTC-6), 60 s: 120 solicitudes, 80 hits, 30 páginas, 12 visitas,
// 1.2 MB; 4xx 3, 5xx 0; de la consola 40" and, cut short at the end, " (parcial, hasta 17:51:20 …)".
QString trafficText(const QJsonObject &line)
{
    const QJsonObject status = line.value(QLatin1String("status")).toObject();
    QString text = Tr::tr("Tráfico desde %1, %2 s: %3 solicitudes, %4 hits, %5 páginas, %6 visitas, %7")
                       .arg(mexico(line.value(QLatin1String("period"))), count(line.value(QLatin1String("period_s"))),
                            count(line.value(QLatin1String("requests"))), count(line.value(QLatin1String("hits"))),
                            count(line.value(QLatin1String("pages"))), count(line.value(QLatin1String("visits"))),
                            QLocale().formattedDataSize(qint64(line.value(QLatin1String("bandwidth")).toDouble()), 1,
                                                        QLocale::DataSizeSIFormat));
    text += Tr::tr("; 4xx %1, 5xx %2; de la consola %3")
                .arg(count(status.value(QLatin1String("4xx"))), count(status.value(QLatin1String("5xx"))),
                     count(line.value(QLatin1String("console_requests"))));
    if (line.value(QLatin1String("partial")).toBool())
        text += Tr::tr(" (parcial, hasta %1)").arg(mexico(line.value(QLatin1String("until"))));
    if (line.value(QLatin1String("late")).toBool())
        text += Tr::tr(" (líneas tardías de un periodo ya informado)");
    return text;
}

} // namespace

QString watchTextLine(const QJsonObject &line)
{
    const QString type = line.value(QLatin1String("type")).toString();
    if (type == QLatin1String("cut")) {
        return Tr::tr("Corte %1: llegó %2, detectado %3, PREP oficial %4, nuestro sitio %5, retraso %6%7")
            .arg(mexico(line.value(QLatin1String("cut_time"))), mexico(line.value(QLatin1String("arrived_at"))),
                 mexico(line.value(QLatin1String("detected_at"))), mexico(line.value(QLatin1String("official_seen_at"))),
                 mexico(line.value(QLatin1String("difusor_seen_at"))), lagText(line.value(QLatin1String("lag_s")), line.value(QLatin1String("lag_uncertainty_s"))),
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
    if (type == QLatin1String("traffic"))
        return trafficText(line);
    if (type == QLatin1String("error"))
        return Tr::tr("ERROR %1: %2").arg(mexico(line.value(QLatin1String("at"))), line.value(QLatin1String("reason")).toString());
    if (type == QLatin1String("recovered"))
        return Tr::tr("Recuperado %1: %2 se vigila de nuevo.")
            .arg(mexico(line.value(QLatin1String("at"))), line.value(QLatin1String("path")).toString());
    return QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact));
}

} // namespace difusor::cuts
