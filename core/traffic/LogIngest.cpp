#include "LogIngest.h"

#include "common/Tr.h"

#include <QFile>

#include <vector>
#include <zlib.h>

namespace difusor::traffic {

LogIngest::LogIngest(LogFormat format, TrafficCounter &counter)
    : m_parser(std::move(format))
    , m_counter(counter)
{
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

std::optional<QString> ingestFile(const QString &path, LogIngest &ingest)
{
    // gzread reads plain files transparently, so one loop serves both (and concatenated gzip members).
    const QByteArray native = QFile::encodeName(path);
    gzFile f = gzopen(native.constData(), "rb");
    if (!f)
        return Tr::tr("No se pudo abrir %1.").arg(path);
    gzbuffer(f, 256 * 1024);
    std::vector<char> buffer(1 << 20);
    LineSplitter splitter(kMaxLineLength);
    auto sink = [&ingest](std::string_view l, bool overlong) { ingest.line(l, overlong); };
    std::optional<QString> error;
    while (true) {
        const int n = gzread(f, buffer.data(), static_cast<unsigned>(buffer.size()));
        if (n < 0) {
            int code = 0;
            error = Tr::tr("Error al leer %1: %2").arg(path, QString::fromUtf8(gzerror(f, &code)));
            break;
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
