#include "MexicoTime.h"

namespace difusor {

QTimeZone mexicoCentralZone()
{
    return QTimeZone(-6 * 3600);
}

QString formatMexicoTime(const QDateTime &utc, bool withSeconds)
{
    const QDateTime local = utc.toTimeZone(mexicoCentralZone());
    return local.toString(withSeconds ? QStringLiteral("dd/MM/yyyy HH:mm:ss") : QStringLiteral("dd/MM/yyyy HH:mm"))
           + QStringLiteral(" (UTC-6)");
}

QString isoMexicoTime(const QDateTime &utc)
{
    return utc.toTimeZone(mexicoCentralZone()).toString(Qt::ISODateWithMs);
}

QString isoUtc(const QDateTime &utc)
{
    return utc.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace difusor
