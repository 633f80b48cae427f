#include "LogIngest.h"

#include "common/Tr.h"

#include <QFile>

#include <algorithm>
#include <sys/mman.h>
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

// Plain files are memory-mapped and split in place: no copy into a buffer, no read() per megabyte.
bool readMapped(const QString &path, const LineSink &sink, qint64 maxBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() < 2)
        return false;
    char magic[2] = {};
    if (file.peek(magic, 2) != 2 || (static_cast<unsigned char>(magic[0]) == 0x1f && static_cast<unsigned char>(magic[1]) == 0x8b))
        return false; // gzip: zlib path
    const qint64 size = maxBytes >= 0 ? std::min(maxBytes, file.size()) : file.size();
    if (size < 2)
        return false;
    uchar *data = file.map(0, size);
    if (!data)
        return false;
    madvise(data, static_cast<std::size_t>(size), MADV_SEQUENTIAL);
    LineSplitter splitter(kMaxLineLength);
    // Feed in slices and drop each slice's pages once parsed, so resident memory stays at one slice
    // whatever the file size (the splitter copies a line that straddles two slices).
    constexpr std::size_t kSlice = 8 << 20; // a multiple of the page size
    const auto total = static_cast<std::size_t>(size);
    for (std::size_t off = 0; off < total; off += kSlice) {
        const std::size_t n = std::min(kSlice, total - off);
#ifdef MADV_POPULATE_READ
        madvise(data + off, n, MADV_POPULATE_READ); // one call instead of a fault per few pages
#endif
        splitter.feed(reinterpret_cast<const char *>(data) + off, n, sink);
        madvise(data + off, n, MADV_DONTNEED);
    }
    splitter.finish(sink);
    file.unmap(data);
    return true;
}

} // namespace

std::optional<QString> ingestFile(const QString &path, LogIngest &ingest)
{
    return readLogLines(path, [&ingest](std::string_view l, bool overlong) { ingest.line(l, overlong); });
}

std::optional<QString> readLogLines(const QString &path, const LineSink &sink, qint64 maxBytes)
{
    if (readMapped(path, sink, maxBytes))
        return std::nullopt;
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
