#pragma once

#include "LineSplitter.h"
#include "LogParser.h"
#include "TrafficCounter.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <deque>
#include <functional>
#include <optional>

namespace difusor::traffic {

// One line as parseLines() read it: views into that line's bytes.
struct ParsedLine
{
    ParseError error = ParseError::Empty;
    LogRecord record;
};

// Parser + counter + malformed-line bookkeeping: what every reader (files, remote tail) feeds lines to.
// line() parses and counts at once; a reader that keeps its thread free parses on another one with
// parseLines() and counts here with addParsed(), with the same result.
class LogIngest final
{
public:
    LogIngest(LogFormat format, TrafficCounter &counter);

    const LogFormat &format() const { return m_format; }
    // Parses lines in any thread (pure: no ingest involved). The records' views point into `lines`.
    static std::vector<ParsedLine> parseLines(const LogFormat &format, const QList<QByteArray> &lines);
    // Counts lines parseLines() read, in their order, exactly as line() on each would (this ingest's
    // thread). `lines` are the same the records point into.
    void addParsed(const QList<QByteArray> &lines, const std::vector<ParsedLine> &parsed);

    void line(std::string_view line, bool overlong = false)
    {
        if (overlong) {
            malformed(line, ParseError::TooLong);
            return;
        }
        const ParseError e = m_parser.parse(line, m_record);
        if (e == ParseError::None) {
            ++m_parsed;
            m_counter.add(m_record);
            if (m_record.status >= 500) [[unlikely]]
                keepServerError(line);
        } else if (e != ParseError::Empty) {
            malformed(line, e);
        }
    }

    std::uint64_t parsedLines() const { return m_parsed; }
    // The last line parsed (valid while that line's bytes are).
    const LogRecord &record() const { return m_record; }
    std::uint64_t malformedLines() const { return m_malformed; }
    // The first few malformed lines ("reason: line", cut at 200 bytes) for diagnosis.
    const QStringList &samples() const { return m_samples; }
    static constexpr int kMaxSamples = 5;
    // The newest few lines answered with 5xx (cut at 300 bytes): evidence for a traffic_5xx incident.
    const std::deque<QByteArray> &recentServerErrors() const { return m_serverErrors; }

private:
    void malformed(std::string_view line, ParseError e);
    void keepServerError(std::string_view line);

    LogFormat m_format;
    LogParser m_parser;
    TrafficCounter &m_counter;
    LogRecord m_record;
    std::uint64_t m_parsed = 0;
    std::uint64_t m_malformed = 0;
    QStringList m_samples;
    std::deque<QByteArray> m_serverErrors;
};

// Reads a whole local file (plain or gzip, detected by content) into ingest. Error message or nullopt.
std::optional<QString> ingestFile(const QString &path, LogIngest &ingest);

// The same reading, line by line into onLine(line, overlong). A plain file is read up to maxBytes (-1:
// its size when opened), so readers of one file that is still growing see the same lines.
using LineSink = std::function<void(std::string_view, bool)>;
std::optional<QString> readLogLines(const QString &path, const LineSink &onLine, qint64 maxBytes = -1);

} // namespace difusor::traffic
