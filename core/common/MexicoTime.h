#pragma once

#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace difusor {

// Times are stored as UTC and shown in Central Mexico time, which has been fixed UTC-6 with no
// daylight saving since October 2022 (the PREP files write "(UTC-6)").
QTimeZone mexicoCentralZone();

// "02/06/2024 21:15:03 (UTC-6)"
QString formatMexicoTime(const QDateTime &utc, bool withSeconds = true);

// ISO 8601 with the -06:00 offset, e.g. "2024-06-02T21:15:03.120-06:00".
QString isoMexicoTime(const QDateTime &utc);

// ISO 8601 in UTC with milliseconds, e.g. "2024-06-03T03:15:03.120Z" (what the store keeps).
QString isoUtc(const QDateTime &utc);

} // namespace difusor
