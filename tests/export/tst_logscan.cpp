// The export's log reading (LogScan): $time_local to UTC, the period's lines cut out of plain and gzip
// files (a file straddling the period's edge, one wholly inside it appended as it is), the period file
// as gzip members that gzip -dc reads as one stream, the original's bytes into the bag.
#include "TestEnv.h"
#include "export/Bag.h"
#include "export/LogScan.h"
#include "traffic/LogIngest.h"
#include "traffic/TrafficCounter.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <limits>
#include <zlib.h>

using namespace difusor;
using namespace difusor::exporting;

namespace {

QByteArray line(const QString &timeLocal, int n)
{
    return "10.0.0." + QByteArray::number(n % 200) + " - - [" + timeLocal.toLatin1() + "] \"GET /p" + QByteArray::number(n)
           + ".html HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0\"\n";
}

bool writeFile(const QString &path, const QByteArray &bytes, bool gzip)
{
    if (gzip) {
        gzFile f = gzopen(QFile::encodeName(path).constData(), "wb1");
        if (!f)
            return false;
        const int n = gzwrite(f, bytes.constData(), unsigned(bytes.size()));
        gzclose(f);
        return n == bytes.size();
    }
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray gunzipProcess(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("gzip"), {QStringLiteral("-dc"), path});
    p.waitForFinished(10000);
    return p.exitCode() == 0 ? p.readAllStandardOutput() : QByteArray("gzip failed");
}

qint64 utc(int y, int m, int d, int h, int min, int s)
{
    return QDateTime(QDate(y, m, d), QTime(h, min, s), QTimeZone::utc()).toSecsSinceEpoch();
}

} // namespace

class TestLogScan final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lineTime()
    {
        QCOMPARE(logLineTime("1.2.3.4 - - [02/Jun/2024:18:00:00 -0600] \"GET / HTTP/1.1\" 200 1"), utc(2024, 6, 3, 0, 0, 0));
        QCOMPARE(logLineTime("1.2.3.4 - - [29/Feb/2024:23:59:59 +0000] x"), utc(2024, 2, 29, 23, 59, 59));
        QCOMPARE(logLineTime("h - - [01/Jan/2025:05:30:00 +0530] x"), utc(2025, 1, 1, 0, 0, 0));
        QVERIFY(!logLineTime("no time here"));
        QVERIFY(!logLineTime("h - - [02/Jux/2024:18:00:00 -0600] x"));
        QVERIFY(!logLineTime("h - - [02/Jun/2024:18:00 -0600] x"));
    }

    void periodLines()
    {
        QTemporaryDir dir(test::tempTemplate());
        // Period: 2 June 2024 in Central Mexico time = [2024-06-02T06:00Z, 2024-06-03T06:00Z).
        const qint64 start = utc(2024, 6, 2, 6, 0, 0);
        const qint64 end = utc(2024, 6, 3, 6, 0, 0);
        // Older file: straddles the start (gzip). Newer file: wholly inside (gzip, appended as it is).
        // Newest: plain, straddles the end, its last line has no '\n'.
        QByteArray older, inside, newest;
        older += line(QStringLiteral("01/Jun/2024:23:59:58 -0600"), 1);
        older += line(QStringLiteral("01/Jun/2024:23:59:59 -0600"), 2);
        older += line(QStringLiteral("02/Jun/2024:00:00:00 -0600"), 3);
        older += line(QStringLiteral("02/Jun/2024:00:00:01 -0600"), 4);
        for (int i = 0; i < 1000; ++i)
            inside += line(QStringLiteral("02/Jun/2024:%1:00:00 -0600").arg(1 + i % 20, 2, 10, QLatin1Char('0')), 100 + i);
        newest += line(QStringLiteral("02/Jun/2024:23:59:59 -0600"), 5);
        newest += "a line without a time\n";
        newest += line(QStringLiteral("03/Jun/2024:00:00:00 -0600"), 6);
        newest += line(QStringLiteral("02/Jun/2024:23:59:59 -0600"), 7); // late, still the 2nd
        newest.chop(1);
        QVERIFY(writeFile(dir.filePath(QStringLiteral("a.gz")), older, true));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("b.gz")), inside, true));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("c")), newest, false));

        Bag bag(dir.filePath(QStringLiteral("bag")));
        QString error;
        QVERIFY2(bag.open(&error), qPrintable(error));
        auto periodOut = bag.beginPayload(QStringLiteral("periodo.log.gz"), &error);
        QVERIFY2(periodOut, qPrintable(error));
        GzipMemberWriter period(periodOut.get());
        traffic::TrafficCounter counter(traffic::TrafficCounter::Mode::AwStats, traffic::TrafficCounter::Period::Day);
        counter.setFixedOffset(-360);
        traffic::LogIngest ingest(traffic::LogFormat::combined(), counter);

        auto scan = [&](const QString &name, bool gzip, bool reuse, Bag::PayloadWriter *payload, bool raw) {
            ScanRequest rq;
            rq.source = dir.filePath(name);
            rq.sourceGzip = gzip;
            rq.payload = payload;
            rq.payloadRaw = raw;
            rq.periodStart = start;
            rq.periodEnd = end;
            rq.countStart = start;
            rq.countEnd = end;
            rq.period = &period;
            rq.reuseGzip = reuse;
            rq.ingest = &ingest;
            return scanLogFile(rq);
        };
        // a.gz: its original goes into the bag as it is (raw); reuse asked but refused (lines outside).
        auto aOut = bag.beginPayload(QStringLiteral("a.gz"), &error);
        ScanResult a = scan(QStringLiteral("a.gz"), true, true, aOut.get(), true);
        QVERIFY2(a.error.isEmpty(), qPrintable(a.error));
        QCOMPARE(a.lines, 4);
        QCOMPARE(a.periodLines, 2);
        QVERIFY(!a.reusedGzip);
        QVERIFY(aOut->commit(&error));
        QFile aFile(dir.filePath(QStringLiteral("a.gz")));
        QVERIFY(aFile.open(QIODevice::ReadOnly));
        QVERIFY(bag.hasPayload(QStringLiteral("a.gz"), QCryptographicHash::hash(aFile.readAll(), QCryptographicHash::Sha256).toHex()));
        // b.gz: every line inside: appended as it is; its inflated bytes into the bag.
        auto bOut = bag.beginPayload(QStringLiteral("b.log"), &error);
        ScanResult b = scan(QStringLiteral("b.gz"), true, true, bOut.get(), false);
        QVERIFY2(b.error.isEmpty(), qPrintable(b.error));
        QCOMPARE(b.periodLines, 1000);
        QVERIFY(b.reusedGzip);
        QVERIFY(bOut->commit(&error, QCryptographicHash::hash(inside, QCryptographicHash::Sha256).toHex()));
        // c: plain, read from the bag's copy (nothing written).
        ScanResult c = scan(QStringLiteral("c"), false, false, nullptr, false);
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
        QCOMPARE(c.lines, 4);
        QCOMPARE(c.periodLines, 2);
        QCOMPARE(c.untimedLines, 1);
        QVERIFY(period.finish(&error));
        QVERIFY(periodOut->commit(&error));

        QByteArray expected;
        expected += line(QStringLiteral("02/Jun/2024:00:00:00 -0600"), 3);
        expected += line(QStringLiteral("02/Jun/2024:00:00:01 -0600"), 4);
        expected += inside;
        expected += line(QStringLiteral("02/Jun/2024:23:59:59 -0600"), 5);
        expected += line(QStringLiteral("02/Jun/2024:23:59:59 -0600"), 7); // given its '\n'
        QCOMPARE(gunzipProcess(bag.root() + QStringLiteral("/data/periodo.log.gz")), expected);
        // Counted: the 1004 lines of the day, one day.
        QCOMPARE(qint64(ingest.parsedLines()), qint64(1004));
        QCOMPARE(counter.periods().size(), std::size_t(1));
        QCOMPARE(qint64(counter.totals().hits), qint64(1004));
    }

    void truncatedGzip()
    {
        QTemporaryDir dir(test::tempTemplate());
        QByteArray lines;
        for (int i = 0; i < 5000; ++i)
            lines += line(QStringLiteral("02/Jun/2024:10:00:00 -0600"), i);
        QVERIFY(writeFile(dir.filePath(QStringLiteral("t.gz")), lines, true));
        QFile f(dir.filePath(QStringLiteral("t.gz")));
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.resize(f.size() / 2));
        f.close();
        ScanRequest rq;
        rq.source = f.fileName();
        rq.sourceGzip = true;
        rq.periodEnd = std::numeric_limits<std::int64_t>::max();
        const ScanResult r = scanLogFile(rq);
        QVERIFY(r.error.contains(QLatin1String("truncado")));
    }
};

QTEST_GUILESS_MAIN(TestLogScan)
#include "tst_logscan.moc"
