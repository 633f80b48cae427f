#pragma once

#include "LineSplitter.h"
#include "LogParser.h"
#include "TrafficCounter.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <deque>
#include <optional>

namespace difusor::traffic {

// Parser + counter + malformed-line bookkeeping: what every reader (files, remote tail) feeds lines to.
class LogIngest final
{
public:
    LogIngest(LogFormat format, TrafficCounter &counter);

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
    std::uint64_t malformedLines() const { return m_malformed; }
    // The first few malformed lines ("reason: line", cut at 200 bytes) for diagnosis.
    const QStringList &samples() const { return m_samples; }
    static constexpr int kMaxSamples = 5;
    // The newest few lines answered with 5xx (cut at 300 bytes): evidence for a traffic_5xx incident.
    const std::deque<QByteArray> &recentServerErrors() const { return m_serverErrors; }

private:
    void malformed(std::string_view line, ParseError e);
    void keepServerError(std::string_view line);

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

} // namespace difusor::traffic
