#include "FactText.h"

#include <cmath>

namespace difusor::checks::facts {

QList<QByteArray> boundedLines(const QByteArray &out, int maxLines)
{
    QList<QByteArray> lines;
    qsizetype pos = 0;
    while (pos < out.size() && lines.size() < maxLines) {
        qsizetype end = out.indexOf('\n', pos);
        if (end < 0)
            end = out.size();
        QByteArray line = out.mid(pos, std::min<qsizetype>(end - pos, 4096));
        if (line.endsWith('\r'))
            line.chop(1);
        lines.append(line);
        pos = end + 1;
    }
    return lines;
}

std::optional<int> boundedInt(const QByteArray &text, int min, int max)
{
    bool ok = false;
    const int v = text.trimmed().toInt(&ok);
    if (!ok || v < min || v > max)
        return std::nullopt;
    return v;
}

std::optional<qint64> boundedInt64(const QByteArray &text, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 v = text.trimmed().toLongLong(&ok);
    if (!ok || v < min || v > max)
        return std::nullopt;
    return v;
}

std::optional<double> boundedDouble(const QByteArray &text, double min, double max)
{
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < min || v > max)
        return std::nullopt;
    return v;
}

QByteArray shellUnquote(const QByteArray &value)
{
    const QByteArray v = value.trimmed();
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
        QByteArray out;
        const QByteArray inner = v.mid(1, v.size() - 2);
        for (qsizetype i = 0; i < inner.size(); ++i) {
            if (v.front() == '"' && inner[i] == '\\' && i + 1 < inner.size())
                ++i;
            out += inner[i];
        }
        return out;
    }
    return v;
}

} // namespace difusor::checks::facts
