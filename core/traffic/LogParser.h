#pragma once

#include "LogFormat.h"
#include "LogRecord.h"

#include <string_view>

namespace difusor::traffic {

enum class ParseError : char {
    None, Empty, TooLong, Layout, Host, Date, Request, Status, Bytes, ServeTime
};

// Untranslated short reason, used in samples and tests.
const char *parseErrorName(ParseError e);

// Longest line we parse (nginx and Apache cap request lines at 8 KiB; headers add the rest).
inline constexpr std::size_t kMaxLineLength = 32 * 1024;

// Parses one line (without its newline) into views over the same bytes. Pure and allocation-free;
// it caches the last timestamp because consecutive lines usually share it.
class LogParser final
{
public:
    explicit LogParser(LogFormat format = LogFormat::combined());

    ParseError parse(std::string_view line, LogRecord &out);
    // The same through the general token loop alone, never the combined fast path: the tests hold the
    // two to the same answers.
    ParseError parseByTokens(std::string_view line, LogRecord &out);

private:
    ParseError parseLine(std::string_view line, LogRecord &out, bool combined);
    bool parseDateTime(std::string_view v, LogRecord &out);
    // The "combined" layout written out, no token loop: true when the line is well formed and `out` is
    // what the token loop gives; false for anything else (then the token loop decides, error included).
    bool parseCombined(const char *p, const char *end, LogRecord &out);
    ParseError parseTokens(const char *p, const char *end, LogRecord &out);

    LogFormat m_format;
    bool m_combined = false; // m_format is LogFormat::combined(): parseCombined() first
    char m_lastStamp[32] = {};
    std::size_t m_lastStampLength = 0;
    std::int64_t m_lastLocal = 0;
    int m_lastOffset = 0;
};

// Text helpers the parser uses, public for the tests.
bool isIpAddress(std::string_view v);
// Parses "dd/Mon/yyyy:HH:MM:SS[ +hhmm]"; false when malformed.
bool parseApacheTime(std::string_view v, std::int64_t &localTime, int &offsetMinutes);
// "0.123" seconds (or ms/µs with a scale) to microseconds; false when malformed.
bool parseDecimalMicros(std::string_view v, std::int64_t unitMicros, std::int64_t &out);

} // namespace difusor::traffic
