#include "LogIngest.h"

#include "common/Tr.h"

#include <QFile>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#include <vector>
#include <zlib.h>

namespace difusor::traffic {

LogIngest::LogIngest(LogFormat format, TrafficCounter &counter)
    : m_format(format)
    , m_parser(std::move(format))
    , m_counter(counter)
{
}

std::vector<ParsedLine> LogIngest::parseLines(const LogFormat &format, const QList<QByteArray> &lines)
{
    LogParser parser(format);
    std::vector<ParsedLine> out(static_cast<std::size_t>(lines.size()));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray &l = lines.at(i);
        ParsedLine &p = out[static_cast<std::size_t>(i)];
        p.error = parser.parse(std::string_view(l.constData(), static_cast<std::size_t>(l.size())), p.record);
    }
    return out;
}

void LogIngest::addParsed(const QList<QByteArray> &lines, const std::vector<ParsedLine> &parsed)
{
    const std::size_t n = std::min(parsed.size(), static_cast<std::size_t>(lines.size()));
    for (std::size_t i = 0; i < n; ++i) {
        const ParsedLine &p = parsed[i];
        const QByteArray &l = lines.at(static_cast<qsizetype>(i));
        const std::string_view line(l.constData(), static_cast<std::size_t>(l.size()));
        if (p.error == ParseError::None) {
            ++m_parsed;
            m_counter.add(p.record);
            if (p.record.status >= 500) [[unlikely]]
                keepServerError(line);
        } else if (p.error != ParseError::Empty) {
            malformed(line, p.error);
        }
    }
}

void LogIngest::keepServerError(std::string_view line)
{
    m_serverErrors.emplace_back(line.data(), qsizetype(std::min<std::size_t>(line.size(), 300)));
    if (m_serverErrors.size() > 5)
        m_serverErrors.pop_front();
}

void LogIngest::malformed(std::string_view line, ParseError e)
{
    ++m_malformed;
    if (m_samples.size() < kMaxSamples) {
        const std::string_view cut = line.substr(0, 200);
        m_samples << QLatin1String(parseErrorName(e)) + QLatin1String(": ")
                + QString::fromUtf8(cut.data(), static_cast<qsizetype>(cut.size()));
    }
}

namespace {

// Plain files are read in 512 KiB pieces into one buffer and split there (a line across two pieces is
// carried over by the splitter). Read, not mapped: on the virtual machines seen here, touching a mapped
// file's pages cost four times what a read() into a reused buffer costs (StatsShards.cpp).
// -1: not a plain file (a gzip, or unopenable: the zlib path decides); 0: read; else the read's errno.
int readPlain(const QString &path, const LineSink &sink, qint64 maxBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered) || file.size() < 2)
        return -1;
    unsigned char magic[2] = {};
    if (::pread(file.handle(), magic, 2, 0) != 2 || (magic[0] == 0x1f && magic[1] == 0x8b))
        return -1; // gzip: zlib path
    qint64 left = maxBytes >= 0 ? std::min(maxBytes, file.size()) : file.size();
    posix_fadvise(file.handle(), 0, off_t(left), POSIX_FADV_SEQUENTIAL);
    std::vector<char> buffer(512 << 10);
    LineSplitter splitter(kMaxLineLength);
    while (left > 0) {
        const ssize_t n = ::read(file.handle(), buffer.data(), std::size_t(std::min<qint64>(left, qint64(buffer.size()))));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return errno;
        if (n == 0) {
            splitter.finish(sink);
            return ENODATA; // shorter than it was: truncated while read (what was there is counted)
        }
        splitter.feed(buffer.data(), std::size_t(n), sink);
        left -= n;
    }
    splitter.finish(sink);
    return 0;
}

} // namespace

std::optional<QString> ingestFile(const QString &path, LogIngest &ingest)
{
    return readLogLines(path, [&ingest](std::string_view l, bool overlong) { ingest.line(l, overlong); });
}

std::optional<QString> readLogLines(const QString &path, const LineSink &sink, qint64 maxBytes)
{
    if (const int plain = readPlain(path, sink, maxBytes); plain >= 0)
        return plain == 0 ? std::nullopt : std::optional<QString>(Tr::tr("Error al leer %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(plain))));
    // gzread reads plain files transparently, so one loop serves both (and concatenated gzip members).
    const QByteArray native = QFile::encodeName(path);
    gzFile f = gzopen(native.constData(), "rb");
    if (!f)
        return Tr::tr("No se pudo abrir %1.").arg(path);
    gzbuffer(f, 256 * 1024);
    std::vector<char> buffer(1 << 20);
    LineSplitter splitter(kMaxLineLength);
    std::optional<QString> error;
    qint64 left = maxBytes; // a plain file's cap (see readLogLines)
    while (true) {
        int n = gzread(f, buffer.data(), static_cast<unsigned>(buffer.size()));
        if (n < 0) {
            int code = 0;
            error = Tr::tr("Error al leer %1: %2").arg(path, QString::fromUtf8(gzerror(f, &code)));
            break;
        }
        if (maxBytes >= 0 && gzdirect(f)) {
            n = static_cast<int>(std::min<qint64>(n, left));
            left -= n;
        }
        if (n == 0)
            break;
        splitter.feed(buffer.data(), static_cast<std::size_t>(n), sink);
    }
    splitter.finish(sink);
    gzclose(f);
    return error;
}

} // namespace difusor::traffic
