#include "LogParser.h"

#include "Bytes.h"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <utility>

namespace difusor::traffic {

namespace {

using Field = LogFormat::Field;

inline bool isDigit(char c) { return c >= '0' && c <= '9'; }

inline int twoDigits(const char *p) { return (p[0] - '0') * 10 + (p[1] - '0'); }

bool allDigits(const char *p, std::size_t n)
{
    for (std::size_t i = 0; i < n; ++i)
        if (!isDigit(p[i]))
            return false;
    return true;
}

// Equality of short spans without a libc call (timestamps: 20 or 26 bytes).
inline bool sameBytes(const char *a, const char *b, std::size_t n)
{
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t x, y;
        std::memcpy(&x, a + i, 8);
        std::memcpy(&y, b + i, 8);
        if (x != y)
            return false;
    }
    for (; i < n; ++i)
        if (a[i] != b[i])
            return false;
    return true;
}

int monthFromName(const char *p)
{
    // Case-sensitive English abbreviations, as Apache and nginx write them (%b of strftime in C locale).
    static const char names[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    for (int m = 0; m < 12; ++m)
        if (std::memcmp(p, names + 3 * m, 3) == 0)
            return m + 1;
    return 0;
}

int daysInMonth(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return d[m - 1];
}

bool parseDate(const char *p, std::size_t n, std::int64_t &days)
{
    // dd/Mon/yyyy
    if (n != 11 || p[2] != '/' || p[6] != '/' || !allDigits(p, 2) || !allDigits(p + 7, 4))
        return false;
    const int d = twoDigits(p);
    const int m = monthFromName(p + 3);
    const int y = twoDigits(p + 7) * 100 + twoDigits(p + 9);
    if (m == 0 || d < 1 || d > daysInMonth(y, m) || y < 1970)
        return false;
    days = daysFromCivil(y, m, d);
    return true;
}

bool parseClock(const char *p, std::size_t n, std::int64_t &seconds)
{
    if (n != 8 || p[2] != ':' || p[5] != ':' || !allDigits(p, 2) || !allDigits(p + 3, 2) || !allDigits(p + 6, 2))
        return false;
    const int h = twoDigits(p), mi = twoDigits(p + 3), s = twoDigits(p + 6);
    if (h > 23 || mi > 59 || s > 60)
        return false;
    seconds = h * 3600 + mi * 60 + s;
    return true;
}

bool parseZone(const char *p, std::size_t n, int &offsetMinutes)
{
    if (n != 5 || (p[0] != '+' && p[0] != '-') || !allDigits(p + 1, 4))
        return false;
    const int h = twoDigits(p + 1), m = twoDigits(p + 3);
    if (h > 14 || m > 59)
        return false;
    offsetMinutes = (p[0] == '-' ? -1 : 1) * (h * 60 + m);
    return true;
}

bool parseUnsigned(std::string_view v, std::int64_t &out)
{
    if (v.empty() || v.size() > 18 || !allDigits(v.data(), v.size()))
        return false;
    std::int64_t r = 0;
    for (char c : v)
        r = r * 10 + (c - '0');
    out = r;
    return true;
}

// Finds where a field ends: at the next occurrence of the literal that follows it (the whole literal).
// In a quoted field a quote preceded by an odd run of backslashes is part of the value. Short fields
// (address, status, bytes) are scanned inline; long ones (agent, referer) with memchr.
inline bool literalAt(const char *q, const char *end, std::string_view literal)
{
    const std::size_t n = literal.size();
    if (static_cast<std::size_t>(end - q) < n)
        return false;
    for (std::size_t k = 1; k < n; ++k)
        if (q[k] != literal[k])
            return false;
    return true;
}

// First `c` in [p, end), or nullptr, without a call: sixteen bytes per step with SSE2 (every x86-64 has
// it), else eight (bytesEqual, Bytes.h).
// Fields are short (an agent ~100 bytes): a libc memchr call costs more than it saves here.
inline const char *findByte(const char *p, const char *end, char c)
{
#if defined(__SSE2__)
    const __m128i pattern = _mm_set1_epi8(c);
    while (end - p >= 16) {
        const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const int mask = _mm_movemask_epi8(_mm_cmpeq_epi8(w, pattern));
        if (mask)
            return p + __builtin_ctz(unsigned(mask));
        p += 16;
    }
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    while (end - p >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        if (const std::uint64_t t = bytesEqual(w, c))
            return p + (__builtin_ctzll(t) >> 3);
        p += 8;
    }
#endif
    for (; p < end; ++p)
        if (*p == c)
            return p;
    return nullptr;
}

const char *findFieldEnd(const char *p, const char *end, std::string_view literal, bool quoted)
{
    const char first = literal[0];
    const char *q = p;
    while (q < end) {
        // Short fields (address, status, bytes) end within a few words; long ones (agent, referer) go on
        // with memchr (vector code of the machine's widest kind) past the first 32 bytes.
        const char *window = end - q > 32 ? q + 32 : end;
        const char *hit = findByte(q, window, first);
        if (!hit && window < end)
            hit = static_cast<const char *>(std::memchr(window, first, static_cast<std::size_t>(end - window)));
        if (!hit)
            return nullptr;
        q = hit;
        if (quoted && first == '"' && q > p && q[-1] == '\\') {
            std::size_t backslashes = 0;
            for (const char *b = q; b > p && b[-1] == '\\'; --b)
                ++backslashes;
            if (backslashes % 2 == 1) {
                ++q;
                continue;
            }
        }
        if (literalAt(q, end, literal))
            return q;
        ++q;
    }
    return nullptr;
}

void splitRequest(std::string_view r, LogRecord &out)
{
    const std::size_t sp = r.find(' ');
    if (sp == std::string_view::npos) {
        out.method = {};
        out.path = r;
        out.protocol = {};
        return;
    }
    out.method = r.substr(0, sp);
    std::string_view rest = r.substr(sp + 1);
    const std::size_t last = rest.rfind(' ');
    if (last != std::string_view::npos && rest.size() - last > 5 && rest[last + 1] == 'H' && rest[last + 2] == 'T'
        && rest[last + 3] == 'T' && rest[last + 4] == 'P' && rest[last + 5] == '/') {
        out.protocol = rest.substr(last + 1);
        out.path = rest.substr(0, last);
    } else {
        out.protocol = {};
        out.path = rest;
    }
}

// nginx `$request_time` appended to combined: " 0.123". Other trailing fields are ignored.
void trailingServeTime(const char *p, const char *end, LogRecord &out);

} // namespace

const char *parseErrorName(ParseError e)
{
    switch (e) {
    case ParseError::None: return "ok";
    case ParseError::Empty: return "empty";
    case ParseError::TooLong: return "too long";
    case ParseError::Layout: return "layout";
    case ParseError::Host: return "host";
    case ParseError::Date: return "date";
    case ParseError::Request: return "request";
    case ParseError::Status: return "status";
    case ParseError::Bytes: return "bytes";
    case ParseError::ServeTime: return "serve time";
    }
    return "?";
}

CivilTime civilFromSeconds(std::int64_t t)
{
    std::int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
    std::int64_t rem = t - days * 86400;
    // Hinnant's civil_from_days.
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
    return CivilTime{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d),
                     static_cast<int>(rem / 3600), static_cast<int>(rem / 60 % 60), static_cast<int>(rem % 60)};
}

bool isIpAddress(std::string_view v)
{
    if (v.empty() || v.size() > 45)
        return false;
    if (v.find(':') == std::string_view::npos) {
        int parts = 0, digits = 0, value = 0;
        for (char c : v) {
            if (c == '.') {
                if (digits == 0)
                    return false;
                ++parts;
                digits = value = 0;
            } else if (isDigit(c)) {
                value = value * 10 + (c - '0');
                if (++digits > 3 || value > 255)
                    return false;
            } else {
                return false;
            }
        }
        return parts == 3 && digits > 0;
    }
    int colons = 0;
    for (char c : v) {
        if (c == ':')
            ++colons;
        else if (!(isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.'))
            return false;
    }
    return colons >= 2 && colons <= 7;
}

bool parseApacheTime(std::string_view v, std::int64_t &localTime, int &offsetMinutes)
{
    // "10/Oct/2000:13:55:36 -0700" (zone optional)
    if (v.size() != 20 && v.size() != 26)
        return false;
    std::int64_t days = 0, secs = 0;
    if (v[11] != ':' || !parseDate(v.data(), 11, days) || !parseClock(v.data() + 12, 8, secs))
        return false;
    offsetMinutes = 0;
    if (v.size() == 26 && (v[20] != ' ' || !parseZone(v.data() + 21, 5, offsetMinutes)))
        return false;
    localTime = days * 86400 + secs;
    return true;
}

bool parseDecimalMicros(std::string_view v, std::int64_t unitMicros, std::int64_t &out)
{
    const std::size_t dot = v.find('.');
    std::int64_t whole = 0;
    if (!parseUnsigned(v.substr(0, dot), whole) || whole > 1000000000LL)
        return false;
    std::int64_t frac = 0, scale = 1;
    if (dot != std::string_view::npos) {
        const std::string_view f = v.substr(dot + 1);
        if (f.empty() || f.size() > 9 || !allDigits(f.data(), f.size()))
            return false;
        for (char c : f) {
            frac = frac * 10 + (c - '0');
            scale *= 10;
        }
    }
    out = whole * unitMicros + frac * unitMicros / scale;
    return true;
}

namespace {

void trailingServeTime(const char *p, const char *end, LogRecord &out)
{
    const char *q = p;
    while (q < end && *q == ' ')
        ++q;
    const char *e = q;
    while (e < end && (isDigit(*e) || *e == '.'))
        ++e;
    if (e > q && (e == end || *e == ' '))
        parseDecimalMicros(std::string_view(q, static_cast<std::size_t>(e - q)), 1000000, out.serveTimeUs);
}

} // namespace

LogParser::LogParser(LogFormat format)
    : m_format(std::move(format))
{
    const LogFormat combined = LogFormat::combined();
    const auto &a = m_format.tokens();
    const auto &b = combined.tokens();
    m_combined = m_format.trailingServeTime() == combined.trailingServeTime() && a.size() == b.size()
                 && std::equal(a.begin(), a.end(), b.begin(), [](const LogFormat::Token &x, const LogFormat::Token &y) {
                        return x.field == y.field && x.literal == y.literal;
                    });
}

bool LogParser::parseDateTime(std::string_view v, LogRecord &out)
{
    if (v.size() == m_lastStampLength && m_lastStampLength != 0) {
        if (sameBytes(v.data(), m_lastStamp, v.size())) {
            out.localTime = m_lastLocal;
            out.offsetMinutes = m_lastOffset;
            return true;
        }
        // The same day and zone ("10/Oct/2000:" and " -0700"), another second: only the clock is new.
        std::int64_t clock = 0;
        if (sameBytes(v.data(), m_lastStamp, 12) && sameBytes(v.data() + 20, m_lastStamp + 20, v.size() - 20)) {
            if (!parseClock(v.data() + 12, 8, clock))
                return false;
            out.localTime = m_lastLocal - m_lastLocal % 86400 + clock;
            out.offsetMinutes = m_lastOffset;
        } else if (!parseApacheTime(v, out.localTime, out.offsetMinutes)) {
            return false;
        }
    } else if (!parseApacheTime(v, out.localTime, out.offsetMinutes)) {
        return false;
    }
    std::memcpy(m_lastStamp, v.data(), v.size());
    m_lastStampLength = v.size();
    m_lastLocal = out.localTime;
    m_lastOffset = out.offsetMinutes;
    return true;
}

ParseError LogParser::parse(std::string_view line, LogRecord &out) { return parseLine(line, out, m_combined); }

ParseError LogParser::parseByTokens(std::string_view line, LogRecord &out) { return parseLine(line, out, false); }

ParseError LogParser::parseLine(std::string_view line, LogRecord &out, bool combined)
{
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    if (line.empty())
        return ParseError::Empty;
    if (line.size() > kMaxLineLength)
        return ParseError::TooLong;
    out = LogRecord{};
    const char *const begin = line.data();
    const char *const end = begin + line.size();
    if (combined) {
        if (parseCombined(begin, end, out))
            return ParseError::None;
        out = LogRecord{};
    }
    return parseTokens(begin, end, out);
}

// Step by step what parseTokens() does with LogFormat::combined()'s tokens
//   %h " " %^ " " %^ " [" %x "] \"" %r "\" " %s " " %b " \"" %R "\" \"" %u "\""
// and the trailing serve time, with the literals known and the common cases first. Any doubt (a field
// that fails its check, an odd layout): false, and the token loop parses the line again and names the
// error. tst_traffic_parser compares the two on every test line and on mutated ones.
bool LogParser::parseCombined(const char *p, const char *end, LogRecord &out)
{
    // %h, up to the first space.
    const char *q = p;
    while (q < end && *q != ' ')
        ++q;
    if (q == end || !isIpAddress(std::string_view(p, std::size_t(q - p))))
        return false;
    out.host = std::string_view(p, std::size_t(q - p));
    // " %^ %^ [": identity and user, each "-" nearly always.
    p = q + 1;
    if (end - p >= 5 && std::memcmp(p, "- - [", 5) == 0) {
        p += 5;
    } else {
        q = findByte(p, end, ' '); // identity: up to the next space
        if (!q)
            return false;
        q = findFieldEnd(q + 1, end, " [", false); // user: up to the first " ["
        if (!q)
            return false;
        p = q + 2;
    }
    // %x "] \"": fixed width.
    if (end - p < 29 || p[26] != ']' || p[27] != ' ' || p[28] != '"'
        || !parseDateTime(std::string_view(p, 26), out))
        return false;
    p += 29;
    // %r "\" ".
    q = findFieldEnd(p, end, "\" ", true);
    if (!q || q == p)
        return false;
    splitRequest(std::string_view(p, std::size_t(q - p)), out);
    p = q + 2;
    // %s " ": three digits.
    if (end - p < 4 || p[3] != ' ' || !allDigits(p, 3))
        return false;
    out.status = (p[0] - '0') * 100 + twoDigits(p + 1);
    if (out.status < 100 || out.status > 599)
        return false;
    p += 4;
    // %b " \"".
    q = p;
    while (q < end && *q != ' ')
        ++q;
    if (end - q < 2 || q[1] != '"')
        return false;
    const std::string_view bytes(p, std::size_t(q - p));
    if (!(bytes.size() == 1 && bytes[0] == '-') && !parseUnsigned(bytes, out.bytes))
        return false;
    p = q + 2;
    // %R "\" \"".
    if (end - p >= 4 && std::memcmp(p, "-\" \"", 4) == 0) {
        q = p + 1;
    } else {
        q = findFieldEnd(p, end, "\" \"", true);
        if (!q)
            return false;
    }
    out.referer = std::string_view(p, std::size_t(q - p));
    p = q + 3;
    // %u "\"".
    q = findFieldEnd(p, end, "\"", true);
    if (!q)
        return false;
    out.userAgent = std::string_view(p, std::size_t(q - p));
    p = q + 1;
    if (p < end)
        trailingServeTime(p, end, out);
    return true;
}

ParseError LogParser::parseTokens(const char *p, const char *const end, LogRecord &out)
{
    const auto &tokens = m_format.tokens();
    std::int64_t days = -1, clock = 0;
    bool haveZone = false;
    int zone = 0;

    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const LogFormat::Token &t = tokens[i];
        if (t.field == Field::Literal) {
            if (p >= end || *p != t.literal[0] || !literalAt(p, end, t.literal))
                return ParseError::Layout;
            p += t.literal.size();
            continue;
        }
        const char *fieldEnd = end;
        if (t.field == Field::DateTime && i + 1 < tokens.size() && end - p > 26 && p[26] == tokens[i + 1].literal[0]
            && literalAt(p + 26, end, tokens[i + 1].literal)) {
            fieldEnd = p + 26; // "10/Oct/2000:13:55:36 -0700": fixed width, no search
        } else if (i + 1 < tokens.size()) {
            const bool quoted = i > 0 && !tokens[i - 1].literal.empty() && tokens[i - 1].literal.back() == '"';
            fieldEnd = findFieldEnd(p, end, tokens[i + 1].literal, quoted);
            if (!fieldEnd)
                return ParseError::Layout;
        }
        const std::string_view v(p, static_cast<std::size_t>(fieldEnd - p));
        p = fieldEnd;
        switch (t.field) {
        case Field::Host:
            if (!isIpAddress(v))
                return ParseError::Host;
            out.host = v;
            break;
        case Field::DateTime:
            if (!parseDateTime(v, out))
                return ParseError::Date;
            haveZone = true;
            zone = out.offsetMinutes;
            days = out.localTime / 86400;
            clock = out.localTime % 86400;
            break;
        case Field::Date:
            if (!parseDate(v.data(), v.size(), days))
                return ParseError::Date;
            break;
        case Field::Time:
            if (!parseClock(v.data(), v.size(), clock))
                return ParseError::Date;
            break;
        case Field::Zone:
            if (!parseZone(v.data(), v.size(), zone))
                return ParseError::Date;
            haveZone = true;
            break;
        case Field::Request:
            if (v.empty())
                return ParseError::Request;
            splitRequest(v, out);
            break;
        case Field::Method: out.method = v; break;
        case Field::Path: out.path = v; break;
        case Field::Protocol: out.protocol = v; break;
        case Field::Status: {
            if (v.size() != 3 || !allDigits(v.data(), 3))
                return ParseError::Status;
            out.status = (v[0] - '0') * 100 + twoDigits(v.data() + 1);
            if (out.status < 100 || out.status > 599)
                return ParseError::Status;
            break;
        }
        case Field::Bytes:
            if (!(v.size() == 1 && v[0] == '-') && !parseUnsigned(v, out.bytes))
                return ParseError::Bytes;
            break;
        case Field::Referer: out.referer = v; break;
        case Field::UserAgent: out.userAgent = v; break;
        case Field::ServeSeconds:
        case Field::ServeMillis:
        case Field::ServeMicros:
            if (v != "-") {
                const std::int64_t unit = t.field == Field::ServeSeconds ? 1000000 : t.field == Field::ServeMillis ? 1000 : 1;
                if (!parseDecimalMicros(v, unit, out.serveTimeUs))
                    return ParseError::ServeTime;
            }
            break;
        case Field::Ignore:
        case Field::Literal:
            break;
        }
    }
    if (days < 0)
        return ParseError::Date;
    out.localTime = days * 86400 + clock;
    out.offsetMinutes = haveZone ? zone : 0;

    if (p < end && m_format.trailingServeTime())
        trailingServeTime(p, end, out);
    return ParseError::None;
}

} // namespace difusor::traffic
