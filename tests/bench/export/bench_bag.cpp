// Benchmark: the bag's hashing. A payload file (default 1 GB, pseudo-random bytes) is hashed with
// SHA-256 and SHA-512 in one read (hashFile, what Bag and BagVerifier do), and by coreutils'
// sha256sum and then sha512sum on the same file in the same run: MB/s of each and the ratio
// (sha256sum + sha512sum time) / (our one pass). The file is read once beforehand, so every
// contender reads it from the page cache (we measure hashing, not the disk). Median of N runs
// (default 3). Also, for scale: Bag::addFile (copy + both digests + fdatasync) and verifyBag on
// the resulting bag.
// Usage: bench_bag [megabytes] [runs]
#include "TestEnv.h"
#include "export/Bag.h"
#include "export/BagVerifier.h"
#include "export/Hashing.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <sys/resource.h>

using namespace difusor::exporting;

namespace {

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    const qsizetype n = v.size();
    return n == 0 ? 0 : (n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
}

// CPU seconds (user + system) of this process and of its waited-for children so far.
double cpuSeconds()
{
    double total = 0;
    for (int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
        struct rusage u {};
        ::getrusage(who, &u);
        total += double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
    }
    return total;
}

struct Timing
{
    double wall = -1; // seconds, median run
    double cpu = -1;  // CPU seconds, median run: steadier than wall time on a shared machine
};

Timing timeIt(int runs, const std::function<bool()> &run)
{
    QList<double> wall;
    QList<double> cpu;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer clock;
        const double cpuBefore = cpuSeconds();
        clock.start();
        if (!run())
            return {};
        wall.append(double(clock.nsecsElapsed()) / 1e9);
        cpu.append(cpuSeconds() - cpuBefore);
    }
    return {median(wall), median(cpu)};
}

QByteArray toolDigest(const QString &tool, const QString &file)
{
    QProcess p;
    p.start(tool, {file});
    if (!p.waitForFinished(600000) || p.exitCode() != 0)
        return {};
    return p.readAllStandardOutput().split(' ').value(0);
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2) : QString();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 megabytes = args.size() > 1 ? args.at(1).toLongLong() : 1000;
    const int runs = args.size() > 2 ? args.at(2).toInt() : 3;
    const qint64 bytes = megabytes * 1000 * 1000;
    const QString sha256sum = difusor::test::findProgram(QStringLiteral("sha256sum"));
    const QString sha512sum = difusor::test::findProgram(QStringLiteral("sha512sum"));
    if (sha256sum.isEmpty() || sha512sum.isEmpty()) {
        std::fprintf(stderr, "sha256sum and sha512sum are needed (coreutils)\n");
        return 1;
    }
    QTemporaryDir dir(difusor::test::tempTemplate());
    const QString file = dir.filePath(QStringLiteral("payload.bin"));
    {
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly))
            return 1;
        QByteArray chunk(1 << 20, Qt::Uninitialized);
        quint64 x = 0x9E3779B97F4A7C15ull;
        for (qint64 written = 0; written < bytes;) {
            auto *words = reinterpret_cast<quint64 *>(chunk.data());
            for (qsizetype i = 0; i < chunk.size() / 8; ++i) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                words[i] = x;
            }
            const qint64 n = std::min<qint64>(chunk.size(), bytes - written);
            out.write(chunk.constData(), n);
            written += n;
        }
    }
    QString error;
    hashFile(file, {}, &error); // into the page cache
    std::printf("file: %lld MB (pseudo-random), page cache warm; %d runs each, median; load average %s\n",
                static_cast<long long>(megabytes), runs, qPrintable(loadAverage()));

    std::optional<FileDigests> ours;
    const Timing both = timeIt(runs, [&] {
        ours = hashFile(file, {HashAlgorithm::Sha256, HashAlgorithm::Sha512}, &error);
        return ours.has_value();
    });
    const Timing only256 = timeIt(runs, [&] { return hashFile(file, {HashAlgorithm::Sha256}, &error).has_value(); });
    const Timing only512 = timeIt(runs, [&] { return hashFile(file, {HashAlgorithm::Sha512}, &error).has_value(); });
    QByteArray tool256;
    QByteArray tool512;
    const Timing t256 = timeIt(runs, [&] { return !(tool256 = toolDigest(sha256sum, file)).isEmpty(); });
    const Timing t512 = timeIt(runs, [&] { return !(tool512 = toolDigest(sha512sum, file)).isEmpty(); });
    if (!ours || both.wall < 0 || t256.wall < 0 || t512.wall < 0) {
        std::fprintf(stderr, "a run failed: %s\n", qPrintable(error));
        return 1;
    }
    const bool same = ours->hex.at(0) == tool256 && ours->hex.at(1) == tool512;
    auto mbs = [&](double s) { return double(bytes) / 1e6 / s; };
    auto line = [&](const char *what, const Timing &t) {
        std::printf("%-44s %7.2f s %6.0f MB/s   cpu %7.2f s %6.0f MB/s\n", what, t.wall, mbs(t.wall), t.cpu, mbs(t.cpu));
    };
    std::printf("%-44s %7s   %11s   %7s   %11s\n", "", "wall", "", "cpu", "");
    line("ours: SHA-256 + SHA-512, one read", both);
    line("ours: SHA-256 alone", only256);
    line("ours: SHA-512 alone", only512);
    line("sha256sum", t256);
    line("sha512sum", t512);
    const Timing tools{t256.wall + t512.wall, t256.cpu + t512.cpu};
    line("sha256sum then sha512sum", tools);
    std::printf("ratio (sha256sum + sha512sum) / ours: wall %.2fx, cpu %.2fx   digests identical: %s\n", tools.wall / both.wall,
                tools.cpu / both.cpu, same ? "yes" : "NO");

    // For scale: writing it into a bag (copy, both digests, fdatasync) and verifying that bag.
    const QString root = dir.filePath(QStringLiteral("bag"));
    Bag bag(root);
    const Timing add = timeIt(1, [&] {
        return bag.open(&error) && bag.addFile(QStringLiteral("payload.bin"), file, &error) && bag.finish(&error);
    });
    if (add.wall < 0) {
        std::fprintf(stderr, "bag: %s\n", qPrintable(error));
        return 1;
    }
    BagVerification v;
    const Timing verify = timeIt(1, [&] {
        v = verifyBag(root);
        return true;
    });
    line("Bag::addFile + finish (copy, fdatasync)", add);
    line("verifyBag (the copy: page cache warm)", verify);
    std::printf("bag valid: %s\n", v.valid() ? "yes" : "NO");
    return same && v.valid() ? 0 : 1;
}
