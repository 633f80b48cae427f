#pragma once

#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace difusor::traffic {

// An access-log line layout, written with GoAccess-like specifiers:
//   %h client address (IPv4/IPv6)     %x date and time "10/Oct/2000:13:55:36 -0700"
//   %d date "10/Oct/2000"             %t time "13:55:36"        %z zone "-0700"
//   %r request "GET /p HTTP/1.1"      %m method  %U path        %H protocol
//   %s status                         %b bytes ("-" = 0)        %R referer   %u user agent
//   %T serve time in seconds (0.123)  %L in milliseconds        %D in microseconds
//   %^ ignore a field                 %% a literal percent sign
// Any other character is literal. A field ends at the first occurrence of the literal that follows it;
// inside double quotes a backslash-escaped quote (Apache) does not end it.
class LogFormat final
{
public:
    enum class Field : char {
        Literal, Host, DateTime, Date, Time, Zone, Request, Method, Path, Protocol, Status, Bytes,
        Referer, UserAgent, ServeSeconds, ServeMillis, ServeMicros, Ignore
    };
    struct Token
    {
        Field field = Field::Literal;
        std::string literal; // for Literal
    };

    // Apache/nginx "combined"; a trailing number after the user agent (nginx `$request_time`) is read
    // as serve time in seconds, anything else after it is ignored.
    static LogFormat combined();
    // Parses a specifier string, or a preset name: COMBINED, COMBINED_RT (combined + " %T"), COMMON.
    static std::optional<LogFormat> fromString(const QString &spec, QString *error = nullptr);

    const std::vector<Token> &tokens() const { return m_tokens; }
    bool trailingServeTime() const { return m_trailingServeTime; }

private:
    std::vector<Token> m_tokens;
    bool m_trailingServeTime = false;
};

} // namespace difusor::traffic
