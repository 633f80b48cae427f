#include "LogScan.h"

#include "common/Tr.h"
#include "traffic/LogIngest.h"
#include "traffic/LogParser.h"

#include <QFile>

#include <cstring>
#include <string>
#include <vector>
#include <zlib.h>

namespace difusor::exporting {

namespace {

constexpr qint64 ReadChunk = 1 << 20;

int twoDigits(const char *p, bool &ok)
{
    if (p[0] < '0' || p[0] > '9' || p[1] < '0' || p[1] > '9') {
        ok = false;
        return 0;
    }
    return (p[0] - '0') * 10 + (p[1] - '0');
}

int monthIndex(const char *p)
{
    static const char names[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    for (int m = 0; m < 12; ++m) {
        if (std::memcmp(p, names + 3 * m, 3) == 0)
            return m + 1;
    }
    return 0;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + std::int64_t(doe) - 719468;
}

// "02/Jun/2024:18:00:00 -0600" (26 bytes) -> UTC seconds.
std::optional<std::int64_t> parseTimeLocal(const char *p)
{
    bool ok = true;
    const int day = twoDigits(p, ok);
    const int month = monthIndex(p + 3);
    const int year = twoDigits(p + 7, ok) * 100 + twoDigits(p + 9, ok);
    const int hour = twoDigits(p + 12, ok);
    const int minute = twoDigits(p + 15, ok);
    const int second = twoDigits(p + 18, ok);
    const int offH = twoDigits(p + 22, ok);
    const int offM = twoDigits(p + 24, ok);
    if (!ok || month == 0 || p[2] != '/' || p[6] != '/' || p[11] != ':' || p[14] != ':' || p[17] != ':' || p[20] != ' '
        || (p[21] != '+' && p[21] != '-') || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    const std::int64_t local = daysFromCivil(year, unsigned(month), unsigned(day)) * 86400 + hour * 3600 + minute * 60 + second;
    const std::int64_t offset = (offH * 60 + offM) * 60 * (p[21] == '-' ? -1 : 1);
    return local - offset;
}

// Lines are mostly in the same second as the one before: the last parse is kept.
struct TimeCache
{
    char key[26] = {};
    std::optional<std::int64_t> value;
    bool valid = false;

    std::optional<std::int64_t> time(std::string_view line)
    {
        const std::size_t open = line.find('[');
        if (open == std::string_view::npos || line.size() - open < 28 || line[open + 27] != ']')
            return std::nullopt;
        const char *p = line.data() + open + 1;
        if (valid && std::memcmp(key, p, 26) == 0)
            return value;
        std::memcpy(key, p, 26);
        value = parseTimeLocal(p);
        valid = true;
        return value;
    }
};

// Reads a file once in 1 MiB chunks, inflating it when it is gzip (every member: logrotate and cat
// make multi-member files). raw(chunk): the bytes as read; plain(chunk): the plain bytes.
template <typename Raw, typename Plain>
QString readSource(const QString &path, bool gzip, const std::atomic_bool *cancel, bool &cancelled, Raw raw, Plain plain)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Tr::tr("No se pudo leer %1: %2").arg(path, file.errorString());
    std::vector<char> in(ReadChunk);
    std::vector<char> out(gzip ? 4 * ReadChunk : 0);
    z_stream z{};
    if (gzip && inflateInit2(&z, 15 + 32) != Z_OK)
        return Tr::tr("zlib no pudo empezar a descomprimir %1.").arg(path);
    bool inMember = false; // between a member's header and its end
    QString error;
    while (true) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            cancelled = true;
            break;
        }
        const qint64 n = file.read(in.data(), qint64(in.size()));
        if (n < 0) {
            error = Tr::tr("No se pudo leer %1: %2").arg(path, file.errorString());
            break;
        }
        if (n == 0)
            break;
        if (!raw(in.data(), n)) {
            error = QStringLiteral("-"); // the callback said why
            break;
        }
        if (!gzip) {
            if (!plain(in.data(), n))
                error = QStringLiteral("-");
            if (!error.isEmpty())
                break;
            continue;
        }
        z.next_in = reinterpret_cast<Bytef *>(in.data());
        z.avail_in = uInt(n);
        while (z.avail_in > 0 && error.isEmpty()) {
            z.next_out = reinterpret_cast<Bytef *>(out.data());
            z.avail_out = uInt(out.size());
            inMember = true;
            const int rc = inflate(&z, Z_NO_FLUSH);
            const qsizetype produced = qsizetype(out.size()) - qsizetype(z.avail_out);
            if (produced > 0 && !plain(out.data(), produced)) {
                error = QStringLiteral("-");
                break;
            }
            if (rc == Z_STREAM_END) {
                inMember = false;
                inflateReset(&z); // the next member, if any
            } else if (rc != Z_OK && !(rc == Z_BUF_ERROR && produced > 0)) {
                error = Tr::tr("%1 no es un gzip válido (zlib: %2).").arg(path, QString::fromLatin1(z.msg ? z.msg : "?"));
            }
        }
        if (!error.isEmpty())
            break;
    }
    if (gzip) {
        if (error.isEmpty() && !cancelled && inMember && z.total_in > 0)
            error = Tr::tr("%1 está truncado (el gzip no termina).").arg(path);
        inflateEnd(&z);
    }
    return error == QLatin1String("-") ? QString() : error;
}

} // namespace

std::optional<std::int64_t> logLineTime(std::string_view line)
{
    TimeCache cache;
    return cache.time(line);
}

struct GzipMemberWriter::Stream
{
    z_stream z{};
    std::vector<char> out = std::vector<char>(1 << 20);
};

GzipMemberWriter::GzipMemberWriter(Bag::PayloadWriter *out) : m_out(out), m_z(std::make_unique<Stream>()) {}

GzipMemberWriter::~GzipMemberWriter()
{
    if (m_open)
        deflateEnd(&m_z->z);
}

bool GzipMemberWriter::pump(int flush, QString *error)
{
    z_stream &z = m_z->z;
    do {
        z.next_out = reinterpret_cast<Bytef *>(m_z->out.data());
        z.avail_out = uInt(m_z->out.size());
        const int rc = deflate(&z, flush);
        if (rc == Z_STREAM_ERROR) {
            if (error)
                *error = Tr::tr("zlib no pudo comprimir.");
            return false;
        }
        const qint64 produced = qint64(m_z->out.size()) - qint64(z.avail_out);
        if (produced > 0 && !m_out->write(m_z->out.data(), produced, error))
            return false;
        if (flush == Z_FINISH && rc == Z_STREAM_END)
            return true;
    } while (z.avail_out == 0 || (flush == Z_FINISH));
    return true;
}

bool GzipMemberWriter::write(const char *data, qsizetype size, QString *error)
{
    if (size <= 0)
        return true;
    if (!m_open) {
        m_z->z = z_stream{};
        // Level 1, gzip wrapper (15 + 16), no name nor time: the same lines make the same bytes.
        if (deflateInit2(&m_z->z, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
            if (error)
                *error = Tr::tr("zlib no pudo empezar a comprimir.");
            return false;
        }
        m_open = true;
    }
    m_plain += size;
    z_stream &z = m_z->z;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data));
    z.avail_in = uInt(size);
    return pump(Z_NO_FLUSH, error);
}

bool GzipMemberWriter::endMember(QString *error)
{
    if (!m_open)
        return true;
    const bool ok = pump(Z_FINISH, error);
    deflateEnd(&m_z->z);
    m_open = false;
    return ok;
}

bool GzipMemberWriter::finish(QString *error)
{
    return endMember(error);
}

bool GzipMemberWriter::appendGzipFile(const QString &gzipFile, const std::atomic_bool *cancel, QString *error)
{
    if (!endMember(error))
        return false;
    QFile file(gzipFile);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = Tr::tr("No se pudo leer %1: %2").arg(gzipFile, file.errorString());
        return false;
    }
    std::vector<char> buffer(ReadChunk);
    while (true) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            if (error)
                *error = Tr::tr("Cancelado.");
            return false;
        }
        const qint64 n = file.read(buffer.data(), qint64(buffer.size()));
        if (n < 0) {
            if (error)
                *error = Tr::tr("No se pudo leer %1: %2").arg(gzipFile, file.errorString());
            return false;
        }
        if (n == 0)
            return true;
        if (!m_out->write(buffer.data(), n, error))
            return false;
    }
}

ScanResult scanLogFile(const ScanRequest &rq)
{
    ScanResult result;
    TimeCache cache;
    std::string carry; // a line cut by a chunk's end
    bool allInPeriod = true;
    bool lastEndedWithNewline = true;
    QString writeError;
    // Pass 1 deflates the period's lines unless the source may become a member as it is.
    bool deflateLines = !(rq.reuseGzip && rq.sourceGzip);

    // A run of consecutive period lines of the current chunk, written at once.
    const char *runStart = nullptr;
    const char *runEnd = nullptr;
    auto flushRun = [&]() {
        if (runStart && runEnd > runStart && deflateLines && rq.period && writeError.isEmpty())
            rq.period->write(runStart, runEnd - runStart, &writeError);
        runStart = runEnd = nullptr;
    };
    // One whole line (without '\n'; begin..end points into stable memory, withNewline: a '\n' follows).
    auto onLine = [&](const char *begin, const char *end, bool withNewline, bool contiguous) {
        ++result.lines;
        const std::string_view line(begin, std::size_t(end - begin));
        const std::optional<std::int64_t> t = cache.time(line);
        bool inPeriod = false;
        if (!t) {
            if (!line.empty())
                ++result.untimedLines;
            allInPeriod = allInPeriod && line.empty();
        } else {
            if (result.firstTime < 0)
                result.firstTime = *t;
            result.lastTime = *t;
            inPeriod = *t >= rq.periodStart && *t < rq.periodEnd;
            if (rq.ingest && *t >= rq.countStart && *t < rq.countEnd)
                rq.ingest->line(line, line.size() > traffic::kMaxLineLength);
        }
        if (inPeriod)
            ++result.periodLines;
        else
            allInPeriod = false;
        if (!deflateLines || !rq.period)
            return;
        // The period file gets the line with its '\n' (a last line without one gets one).
        if (inPeriod && contiguous && withNewline) {
            if (!runStart)
                runStart = begin;
            runEnd = end + 1;
        } else {
            flushRun();
            if (inPeriod && writeError.isEmpty()) {
                rq.period->write(begin, end - begin, &writeError);
                rq.period->write("\n", 1, &writeError);
            }
        }
    };
    auto plain = [&](const char *data, qsizetype size) -> bool {
        result.bytes += size;
        if (rq.payload && !rq.payloadRaw && !rq.payload->write(data, size, &writeError))
            return false;
        const char *p = data;
        const char *end = data + size;
        if (!carry.empty()) {
            const char *nl = static_cast<const char *>(std::memchr(p, '\n', std::size_t(end - p)));
            if (!nl) {
                carry.append(p, std::size_t(end - p));
                return writeError.isEmpty();
            }
            carry.append(p, std::size_t(nl - p));
            onLine(carry.data(), carry.data() + carry.size(), true, false);
            carry.clear();
            p = nl + 1;
        }
        while (p < end) {
            const char *nl = static_cast<const char *>(std::memchr(p, '\n', std::size_t(end - p)));
            if (!nl) {
                carry.assign(p, std::size_t(end - p));
                break;
            }
            onLine(p, nl, true, true);
            p = nl + 1;
        }
        flushRun();
        lastEndedWithNewline = carry.empty();
        return writeError.isEmpty();
    };
    auto raw = [&](const char *data, qsizetype size) -> bool {
        if (rq.payload && rq.payloadRaw && !rq.payload->write(data, size, &writeError))
            return false;
        return true;
    };

    QString error = readSource(rq.source, rq.sourceGzip, rq.cancel, result.cancelled, raw, plain);
    if (error.isEmpty() && !result.cancelled && !carry.empty()) {
        lastEndedWithNewline = false;
        onLine(carry.data(), carry.data() + carry.size(), false, false);
        flushRun();
        carry.clear();
    }
    if (error.isEmpty())
        error = writeError;
    if (!error.isEmpty() || result.cancelled) {
        result.error = error;
        return result;
    }
    if (!rq.period || deflateLines)
        return result;

    // The source may be appended as it is: only when every line is of the period and the last ends
    // with '\n' (else the next member's first line would run on). Otherwise a second pass deflates
    // just the period's lines (a file that straddles the period's start or end).
    if (allInPeriod && lastEndedWithNewline && result.lines > 0) {
        if (!rq.period->appendGzipFile(rq.source, rq.cancel, &result.error))
            result.cancelled = rq.cancel && rq.cancel->load();
        result.reusedGzip = result.error.isEmpty();
        return result;
    }
    if (result.periodLines == 0)
        return result;
    deflateLines = true;
    ScanResult second;
    cache = TimeCache{};
    auto plainAgain = [&](const char *data, qsizetype size) -> bool {
        const char *p = data;
        const char *end = data + size;
        if (!carry.empty()) {
            const char *nl = static_cast<const char *>(std::memchr(p, '\n', std::size_t(end - p)));
            if (!nl) {
                carry.append(p, std::size_t(end - p));
                return true;
            }
            carry.append(p, std::size_t(nl - p));
            const std::optional<std::int64_t> t = cache.time(carry);
            if (t && *t >= rq.periodStart && *t < rq.periodEnd) {
                carry += '\n';
                rq.period->write(carry.data(), qsizetype(carry.size()), &writeError);
            }
            carry.clear();
            p = nl + 1;
        }
        while (p < end) {
            const char *nl = static_cast<const char *>(std::memchr(p, '\n', std::size_t(end - p)));
            if (!nl) {
                carry.assign(p, std::size_t(end - p));
                break;
            }
            const std::optional<std::int64_t> t = cache.time(std::string_view(p, std::size_t(nl - p)));
            if (t && *t >= rq.periodStart && *t < rq.periodEnd) {
                if (!runStart)
                    runStart = p;
                runEnd = nl + 1;
            } else {
                flushRun();
            }
            p = nl + 1;
        }
        flushRun();
        return writeError.isEmpty();
    };
    error = readSource(rq.source, true, rq.cancel, result.cancelled, [](const char *, qsizetype) { return true; }, plainAgain);
    if (error.isEmpty() && !result.cancelled && !carry.empty()) {
        const std::optional<std::int64_t> t = cache.time(carry);
        if (t && *t >= rq.periodStart && *t < rq.periodEnd) {
            carry += '\n';
            rq.period->write(carry.data(), qsizetype(carry.size()), &writeError);
        }
    }
    result.error = error.isEmpty() ? writeError : error;
    return result;
}

} // namespace difusor::exporting
