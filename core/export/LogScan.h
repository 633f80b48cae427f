#pragma once

#include "Bag.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <cstdint>
#include <optional>
#include <string_view>

namespace difusor::traffic {
class LogIngest;
}

namespace difusor::exporting {

// The instant of an access-log line: nginx's $time_local ("[02/Jun/2024:18:00:00 -0600]", the first
// bracket of the line, as in the combined format), in seconds since 1970 UTC; nullopt without one.
std::optional<std::int64_t> logLineTime(std::string_view line);

// A gzip file written as a series of members (RFC 1952 allows any number; gzip -d, zcat and zlib's
// gzread read them as one stream): lines deflated here (level 1: the period file is as big as the
// week), or a whole gzip file of ours appended as it is (no second compression when every one of its
// lines belongs to the period). Writes into a bag's payload writer.
class GzipMemberWriter final
{
public:
    explicit GzipMemberWriter(Bag::PayloadWriter *out);
    ~GzipMemberWriter();
    GzipMemberWriter(const GzipMemberWriter &) = delete;
    GzipMemberWriter &operator=(const GzipMemberWriter &) = delete;

    bool write(const char *data, qsizetype size, QString *error);
    // Ends the member being deflated (if any), then copies `gzipFile` as it is.
    bool appendGzipFile(const QString &gzipFile, const std::atomic_bool *cancel, QString *error);
    bool finish(QString *error); // ends the member being deflated
    qint64 plainBytes() const { return m_plain; }

private:
    bool endMember(QString *error);
    bool pump(int flush, QString *error);

    Bag::PayloadWriter *m_out;
    struct Stream;
    std::unique_ptr<Stream> m_z;
    bool m_open = false;
    qint64 m_plain = 0;
};

// One access-log file read once, locally (a copy just received, or the bag's own copy on a resumed
// export): its bytes into the bag (as they are, or inflated), its lines of the period into the period
// file, its lines of the counted range into the traffic counter. Blocking: a worker thread.
struct ScanRequest
{
    QString source;
    bool sourceGzip = false;   // source is gzip (ours from the wire, or a .gz original)
    // The original into the bag (nullptr: it is there already). payloadRaw: the source's bytes as they
    // are (a .gz original); otherwise the inflated bytes (a plain original sent compressed).
    Bag::PayloadWriter *payload = nullptr;
    bool payloadRaw = false;
    std::int64_t periodStart = 0; // [start, end) seconds UTC: the period file's lines
    std::int64_t periodEnd = 0;
    std::int64_t countStart = 0;  // [start, end): lines fed to `ingest` (the baseline and the period)
    std::int64_t countEnd = 0;
    GzipMemberWriter *period = nullptr;
    // Every line is expected in the period (the file starts in it and was last written in it): the
    // source's gzip bytes become a member of the period file as they are, if the reading confirms it.
    bool reuseGzip = false;
    traffic::LogIngest *ingest = nullptr;
    const std::atomic_bool *cancel = nullptr;
};

struct ScanResult
{
    qint64 bytes = 0;        // plain bytes read (the original's size once decompressed)
    qint64 lines = 0;        // lines (a last line without '\n' counts)
    qint64 periodLines = 0;  // of them, in the period (written to the period file)
    qint64 untimedLines = 0; // without a readable time: in no period
    std::int64_t firstTime = -1; // first and last timed line, UTC seconds
    std::int64_t lastTime = -1;
    bool reusedGzip = false; // the source became a member of the period file as it was
    bool cancelled = false;
    QString error;           // translated; empty when fine
};

ScanResult scanLogFile(const ScanRequest &request);

} // namespace difusor::exporting
