#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTime>

#include <optional>

namespace difusor::cuts {

// A cut time as written by the PREP ("03/06/2024 20:05 (UTC-6)"): the wall-clock date and time in
// the offset it names, and the absolute instant. The wall time is kept because the package name
// (YYYYMMDD_HHMM) carries only the wall time and must agree with it.
struct CutTime
{
    QDate date;
    QTime time;
    int utcOffsetS = 0;
    bool offsetWritten = false; // false: the text had no "(UTC±H)", the default offset was used
    QDateTime utc;              // absolute instant, Qt::UTC
};

// Central Mexico (UTC-6): what the PREP writes and what is assumed when no offset is written.
inline constexpr int kMexicoCentralOffsetS = -6 * 3600;

// Parses "dd/mm/yyyy HH:MM[:SS] [(UTC±H[:MM])]" with or without a space before the parenthesis,
// also the ISO-like "yyyy-mm-dd HH:MM[:SS]". Leading/trailing blanks, quotes and separators are
// ignored. Text beyond 200 characters is refused (untrusted input).
std::optional<CutTime> parseCutTime(const QString &text, int defaultOffsetS = kMexicoCentralOffsetS);

// Parses a date ("dd/mm/yyyy" or "yyyy-mm-dd") and a time ("HH:MM[:SS] [h] [(UTC±H)]") given apart,
// as the sites' JSON does (ultimoCorte.fecha + ultimoCorte.hora).
std::optional<CutTime> parseCutDateAndTime(const QString &date, const QString &time,
                                           int defaultOffsetS = kMexicoCentralOffsetS);

// Parses an offset written as "UTC-6", "UTC -06:00", "UTC+5:30", "UTC" (zero). Seconds east of UTC.
std::optional<int> parseUtcOffset(const QString &text);

} // namespace difusor::cuts
