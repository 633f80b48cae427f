#include "CutTime.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace difusor::cuts {

namespace {

constexpr int kMaxCutTextLength = 200;

const QRegularExpression &dateTimePattern()
{
    // Group names keep the two date orders apart; the offset is optional and may touch the time.
    static const QRegularExpression re(QStringLiteral(
        R"(^(?:(?<d>\d{1,2})/(?<m>\d{1,2})/(?<y>\d{4})|(?<iy>\d{4})-(?<im>\d{2})-(?<id>\d{2}))[ T\t]+)"
        R"((?<hh>\d{1,2}):(?<mm>\d{2})(?::(?<ss>\d{2}))?(?:\s*h(?:rs?)?\.?)?)"
        R"(\s*(?:\(\s*(?<off>UTC[^)]{0,12})\)|(?<off2>UTC\s*[+\-\x{2212}]\s*\d{1,2}(?::?\d{2})?))?$)"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

QString trimmed(const QString &text)
{
    // Cells copied out of a CSV may keep quotes or trailing separators: "03/06/2024 20:05 (UTC-6),,,"
    QString t = text.trimmed();
    while (!t.isEmpty() && (t.endsWith(QLatin1Char(',')) || t.endsWith(QLatin1Char('|'))
                            || t.endsWith(QLatin1Char(';'))))
        t.chop(1);
    t = t.trimmed();
    if (t.size() >= 2 && ((t.startsWith(QLatin1Char('"')) && t.endsWith(QLatin1Char('"')))
                          || (t.startsWith(QLatin1Char('\'')) && t.endsWith(QLatin1Char('\'')))))
        t = t.mid(1, t.size() - 2).trimmed();
    return t;
}

std::optional<CutTime> build(const QDate &date, const QTime &time, const QString &offsetText, int defaultOffsetS)
{
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    CutTime cut;
    cut.date = date;
    cut.time = time;
    cut.utcOffsetS = defaultOffsetS;
    if (!offsetText.isEmpty()) {
        const auto offset = parseUtcOffset(offsetText);
        if (!offset)
            return std::nullopt;
        cut.utcOffsetS = *offset;
        cut.offsetWritten = true;
    }
    cut.utc = QDateTime(date, time, QTimeZone(cut.utcOffsetS)).toUTC();
    if (!cut.utc.isValid())
        return std::nullopt;
    return cut;
}

} // namespace

std::optional<int> parseUtcOffset(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^\s*(?:UTC|GMT)\s*(?:(?<sign>[+\-\x{2212}])\s*(?<h>\d{1,2})(?::?(?<m>\d{2}))?)?\s*$)"),
        QRegularExpression::CaseInsensitiveOption);
    if (text.size() > 32)
        return std::nullopt;
    const auto match = re.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    if (match.captured(u"sign").isEmpty())
        return 0;
    const int hours = match.captured(u"h").toInt();
    const int minutes = match.captured(u"m").isEmpty() ? 0 : match.captured(u"m").toInt();
    if (hours > 14 || minutes > 59)
        return std::nullopt;
    const int seconds = hours * 3600 + minutes * 60;
    return match.captured(u"sign") == QLatin1String("+") ? seconds : -seconds;
}

std::optional<CutTime> parseCutTime(const QString &text, int defaultOffsetS)
{
    if (text.size() > kMaxCutTextLength)
        return std::nullopt;
    const auto match = dateTimePattern().match(trimmed(text));
    if (!match.hasMatch())
        return std::nullopt;
    QDate date;
    if (!match.captured(u"y").isEmpty())
        date = QDate(match.captured(u"y").toInt(), match.captured(u"m").toInt(), match.captured(u"d").toInt());
    else
        date = QDate(match.captured(u"iy").toInt(), match.captured(u"im").toInt(), match.captured(u"id").toInt());
    const QTime time(match.captured(u"hh").toInt(), match.captured(u"mm").toInt(),
                     match.captured(u"ss").isEmpty() ? 0 : match.captured(u"ss").toInt());
    QString offset = match.captured(u"off");
    if (offset.isEmpty())
        offset = match.captured(u"off2");
    return build(date, time, offset, defaultOffsetS);
}

std::optional<CutTime> parseCutDateAndTime(const QString &date, const QString &time, int defaultOffsetS)
{
    if (date.size() > kMaxCutTextLength || time.size() > kMaxCutTextLength)
        return std::nullopt;
    return parseCutTime(trimmed(date) + QLatin1Char(' ') + trimmed(time), defaultOffsetS);
}

} // namespace difusor::cuts
