#pragma once

#include <QByteArray>
#include <QList>

#include <optional>

// Small bounded helpers shared by the fact parsers.
namespace difusor::checks::facts {

// At most maxLines lines (without '\r' / '\n'), each cut at 4 KiB.
QList<QByteArray> boundedLines(const QByteArray &out, int maxLines);
std::optional<int> boundedInt(const QByteArray &text, int min, int max);
std::optional<qint64> boundedInt64(const QByteArray &text, qint64 min, qint64 max);
std::optional<double> boundedDouble(const QByteArray &text, double min, double max);
// "KEY=value" / KEY="value" (os-release, timedatectl show): unquotes and unescapes.
QByteArray shellUnquote(const QByteArray &value);

} // namespace difusor::checks::facts
