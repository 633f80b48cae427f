// `difusor-console export` (the real binary) against the real sandbox difusor (sshd, nginx, visitors):
// after visitors and a log_rotation fault, the bag of today is accepted by `export verify` and by
// `sha256sum -c manifest-sha256.txt`; its originals are the server's bytes; the period file holds every
// line of the day once, in order; one flipped byte is named by verify; a killed sshd session mid-copy
// goes on after the reconnection (no finished file sent again, the partial one continued) and leaves
// nothing running on the server; a killed export resumes on the next run.
#include "SandboxFixture.h"
#include "TestEnv.h"
#include "common/Profile.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <csignal>
#include <zlib.h>

using namespace difusor;
using namespace difusor::sandbox;

namespace {

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

// Runs the console while this thread's event loop turns (the sandbox lives here). `during` is called
// every 5 ms while it runs; it may kill things.
Run console(const QStringList &args, const std::function<void(QProcess &)> &during = {}, int timeoutMs = 120000)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DIFUSOR_LANG"), QStringLiteral("es"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(DIFUSOR_CONSOLE_BIN), args);
    if (!p.waitForStarted(5000))
        return {};
    QElapsedTimer clock;
    clock.start();
    while (p.state() != QProcess::NotRunning && clock.elapsed() < timeoutMs) {
        QTest::qWait(5);
        if (during)
            during(p);
    }
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished(3000);
        return {-2, p.readAllStandardOutput(), p.readAllStandardError()};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray gunzip(const QString &path)
{
    gzFile f = gzopen(QFile::encodeName(path).constData(), "rb");
    if (!f)
        return {};
    QByteArray all;
    char buffer[1 << 16];
    int n = 0;
    while ((n = gzread(f, buffer, sizeof buffer)) > 0)
        all.append(buffer, n);
    gzclose(f);
    return all;
}

// The line's $time_local, read here with QDateTime (independently of the export's own parser).
QDateTime lineTime(const QByteArray &line)
{
    const int open = line.indexOf('[');
    const int close = line.indexOf(']', open);
    if (open < 0 || close < 0)
        return {};
    return QDateTime::fromString(QString::fromLatin1(line.mid(open + 1, close - open - 1)), QStringLiteral("dd/MMM/yyyy:HH:mm:ss t"));
}

QDateTime mexicoMidnightUtc(const QDate &day)
{
    return QDateTime(day, QTime(0, 0), QTimeZone(-6 * 3600)).toUTC();
}

QDate mexicoToday()
{
    return QDateTime::currentDateTimeUtc().addSecs(-6 * 3600).date();
}

QList<QByteArray> linesOf(const QByteArray &bytes)
{
    QList<QByteArray> lines = bytes.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

QJsonObject fileEntry(const QJsonObject &summary, const QString &name)
{
    for (const QJsonValue &f : summary.value(QStringLiteral("servers")).toArray().at(0).toObject().value(QStringLiteral("files")).toArray()) {
        if (f.toObject().value(QStringLiteral("name")).toString() == name)
            return f.toObject();
    }
    return {};
}

// Every pid whose command line contains `text` (NULs read as spaces).
QList<int> pidsRunning(const QByteArray &text)
{
    QList<int> pids;
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool ok = false;
        const int pid = entry.toInt(&ok);
        if (!ok || pid == int(::getpid()))
            continue;
        QByteArray cmd = readAll(QStringLiteral("/proc/%1/cmdline").arg(pid));
        cmd.replace('\0', ' ');
        if (cmd.contains(text))
            pids << pid;
    }
    return pids;
}

int parentOf(int pid)
{
    for (const QByteArray &line : readAll(QStringLiteral("/proc/%1/status").arg(pid)).split('\n')) {
        if (line.startsWith("PPid:"))
            return line.mid(5).trimmed().toInt();
    }
    return -1;
}

int sessionOf(int pid)
{
    // /proc/pid/stat: "pid (comm) state ppid pgrp session …"; comm may hold spaces: read after ')'.
    const QByteArray stat = readAll(QStringLiteral("/proc/%1/stat").arg(pid));
    const QList<QByteArray> f = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    return f.size() > 3 ? f.at(3).toInt() : -1;
}

// A synthetic rotated log of `lines` lines, one second apart from `firstUtc` (combined format, -0600).
QByteArray syntheticLog(const QDateTime &firstUtc, int lines)
{
    QByteArray out;
    out.reserve(qsizetype(lines) * 190);
    const QTimeZone mx = QTimeZone(-6 * 3600);
    for (int i = 0; i < lines; ++i) {
        const QDateTime t = firstUtc.addSecs(i / 50).toTimeZone(mx);
        out += "10.9." + QByteArray::number((i / 250) % 250) + '.' + QByteArray::number(i % 250) + " - - ["
               + QLocale::c().toString(t, QStringLiteral("dd/MMM/yyyy:HH:mm:ss")).toLatin1() + " -0600] \"GET /prep/"
               + QByteArray::number(i % 97) + ".html?n=" + QByteArray::number(i) + " HTTP/1.1\" 200 " + QByteArray::number(1000 + i % 5000)
               + " \"-\" \"Mozilla/5.0 (X11; Linux x86_64) prueba-exportacion\"\n";
    }
    return out;
}

} // namespace

class TestExportSandbox final : public QObject
{
    Q_OBJECT
private:
    test::SandboxRun m_run;
    QTemporaryDir m_dir{test::tempTemplate()};
    QString m_profile;
    QString m_accessLog;
    QString m_today;

    QStringList exportArgs(const QString &out, const QString &from, const QString &to) const
    {
        return {QStringLiteral("export"), QStringLiteral("--profile"), m_profile, QStringLiteral("--out"), out,
                QStringLiteral("--from"), from, QStringLiteral("--to"), to, QStringLiteral("--format"), QStringLiteral("json"),
                QStringLiteral("--store"), m_dir.filePath(QStringLiteral("no-store.sqlite"))};
    }

private Q_SLOTS:
    void initTestCase()
    {
        DIFUSOR_REQUIRE_PROGRAM(sshd, "sshd");
        DIFUSOR_REQUIRE_PROGRAM(nginx, "nginx");
        DIFUSOR_REQUIRE_PROGRAM(rsync, "rsync");
        SandboxOptions options;
        options.cutIntervalS = 30;
        options.visitorsPerSecond = 40;
        options.pushDelayMs = 400;
        options.publishDelayMs = 300;
        QVERIFY2(m_run.start(options), qPrintable(m_run.error));
        Profile profile = m_run.sandbox->profile();
        m_accessLog = profile.accessLog;
        // The difusor's data the memoria asks for.
        DifusorData data;
        data.organization = QStringLiteral("Difusor de prueba, S.C.");
        data.contactEmail = QStringLiteral("prep@example.org");
        data.staff = {{QStringLiteral("Ana Pérez"), QStringLiteral("Responsable técnica"), QStringLiteral("+52 55 0000 0000"),
                       QStringLiteral("ana@example.org"), QStringLiteral("02/06 18:00 a 03/06 08:00")}};
        setDifusorData(profile, data);
        m_profile = m_dir.filePath(QStringLiteral("perfil.json"));
        QString error;
        QVERIFY2(profile.save(m_profile, &error), qPrintable(error));
        // Visitors for a while, the log rotated (rename + nginx reopen), visitors again.
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(m_accessLog).size() > 20000, 15000);
        QVERIFY2(m_run.sandbox->injectFault(FaultKind::LogRotation, {}, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(m_accessLog + QStringLiteral(".1")).exists() && QFileInfo(m_accessLog).size() > 20000, 15000);
        m_today = mexicoToday().toString(Qt::ISODate);
    }

    void cleanupTestCase() { m_run.stop(); }

    void exportToday()
    {
        const QString bag = m_dir.filePath(QStringLiteral("hoy"));
        const Run r = console(exportArgs(bag, m_today, m_today));
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.err.contains("Progreso:"), r.err.constData());
        const QJsonObject summary = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(summary.value(QStringLiteral("servers")).toArray().size(), 1);
        const QJsonObject server = summary.value(QStringLiteral("servers")).toArray().at(0).toObject();
        const QString folder = server.value(QStringLiteral("folder")).toString();

        // Accepted by our verifier and by sha256sum (run in the bag's folder, as the manifest expects).
        const Run verify = console({QStringLiteral("export"), QStringLiteral("verify"), bag});
        QVERIFY2(verify.code == 0, verify.err.constData());
        QProcess sha;
        sha.setWorkingDirectory(bag);
        sha.start(QStringLiteral("sha256sum"), {QStringLiteral("-c"), QStringLiteral("--quiet"), QStringLiteral("manifest-sha256.txt")});
        QVERIFY(sha.waitForFinished(30000));
        QVERIFY2(sha.exitCode() == 0, sha.readAll().constData());
        const QByteArray info = readAll(bag + QStringLiteral("/bag-info.txt"));
        QVERIFY2(info.contains("Source-Organization: Difusor de prueba, S.C."), info.constData());
        QVERIFY2(info.contains("Contact-Name: Ana P"), info.constData());
        QVERIFY2(info.contains(QByteArray("Period: " + m_today.toLatin1() + '/' + m_today.toLatin1())), info.constData());
        QVERIFY(info.contains("Time-Zone: "));
        QVERIFY(info.contains("Console-Version: difusor-console"));
        for (const char *f : {"incidentes/incidentes.csv", "incidentes/incidentes.json", "cortes/cortes.csv",
                              "simulacros/simulacros.json", "difusor.json", "memoria-tecnica.pdf", "trafico/comparativo.csv",
                              "trafico/comparativo.json"})
            QVERIFY2(QFile::exists(bag + QStringLiteral("/data/") + QLatin1String(f)), f);
        QVERIFY(!QFileInfo::exists(bag + QStringLiteral("/.difusor-staging")));
        QVERIFY(readAll(bag + QStringLiteral("/data/memoria-tecnica.pdf")).startsWith("%PDF-"));
        QVERIFY(summary.value(QStringLiteral("comparison")).toObject().contains(QStringLiteral("days")));

        // The originals are the server's bytes: the rotated file whole, the current one up to the size
        // it had when its hash was taken (visitors kept writing).
        const QString logs = bag + QStringLiteral("/data/logs/") + folder + QLatin1Char('/');
        const QByteArray rotated = readAll(logs + QStringLiteral("access.log.1"));
        const QByteArray current = readAll(logs + QStringLiteral("access.log"));
        QVERIFY(!rotated.isEmpty());
        QVERIFY(!current.isEmpty());
        QCOMPARE(rotated, readAll(m_accessLog + QStringLiteral(".1")));
        QVERIFY(readAll(m_accessLog).startsWith(current));
        QCOMPARE(fileEntry(summary, QStringLiteral("access.log.1")).value(QStringLiteral("sha256")).toString().toLatin1(),
                 QCryptographicHash::hash(rotated, QCryptographicHash::Sha256).toHex());

        // The period file: every line of the day from both files, in order, each once.
        const QDateTime start = mexicoMidnightUtc(mexicoToday());
        const QDateTime end = mexicoMidnightUtc(mexicoToday().addDays(1));
        QList<QByteArray> expected;
        for (const QByteArray &line : linesOf(rotated) + linesOf(current)) {
            const QDateTime t = lineTime(line);
            QVERIFY2(t.isValid(), line.constData());
            if (t >= start && t < end)
                expected << line;
        }
        QVERIFY(expected.size() > 100);
        const QString periodPath = bag + QLatin1Char('/') + server.value(QStringLiteral("period_file")).toObject().value(QStringLiteral("path")).toString();
        const QList<QByteArray> period = linesOf(gunzip(periodPath));
        QCOMPARE(period.size(), expected.size());
        QVERIFY(period == expected);
        QCOMPARE(server.value(QStringLiteral("period_file")).toObject().value(QStringLiteral("lines")).toInteger(), qint64(expected.size()));
        // Traffic of today was counted (awstats mode: the visitors' pages).
        const QByteArray traffic = readAll(bag + QStringLiteral("/data/trafico/") + folder + QStringLiteral("-por-dia.csv"));
        QVERIFY2(traffic.contains(QByteArray(m_today.toLatin1() + ",period,")), traffic.constData());

        // One flipped byte: verify fails and names the file.
        QByteArray tampered = rotated;
        tampered[tampered.size() / 2] = char(tampered.at(tampered.size() / 2) ^ 0x01);
        QFile f(logs + QStringLiteral("access.log.1"));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(tampered);
        f.close();
        const Run bad = console({QStringLiteral("export"), QStringLiteral("verify"), bag});
        QCOMPARE(bad.code, 1);
        QVERIFY2(bad.out.contains(QByteArray("data/logs/" + folder.toLatin1() + "/access.log.1")), bad.out.constData());
    }

    // Older rotations (a small .gz, then a big plain one) so the copy takes a while; the sshd session
    // is killed while the big one is on its way.
    void resumeAfterDroppedLink()
    {
        const QDateTime older = QDateTime::currentDateTimeUtc().addSecs(-3 * 3600);
        {
            const QByteArray small = syntheticLog(older, 2000);
            gzFile gz = gzopen(QFile::encodeName(m_accessLog + QStringLiteral(".3.gz")).constData(), "wb1");
            QVERIFY(gz);
            QCOMPARE(gzwrite(gz, small.constData(), unsigned(small.size())), int(small.size()));
            gzclose(gz);
            QFile big(m_accessLog + QStringLiteral(".2"));
            QVERIFY(big.open(QIODevice::WriteOnly | QIODevice::Truncate));
            for (int part = 0; part < 6; ++part)
                big.write(syntheticLog(older.addSecs(3600 + part * 1000), 50000)); // ~60 MB, in order
        }
        const QString yesterday = mexicoToday().addDays(-1).toString(Qt::ISODate);
        const QString bag = m_dir.filePath(QStringLiteral("caida"));
        const QString part = bag + QStringLiteral("/.difusor-staging/");
        bool killed = false;
        int killedGzip = -1;
        const Run r = console(exportArgs(bag, yesterday, m_today), [&](QProcess &) {
            if (killed)
                return;
            const QList<int> gzips = pidsRunning("gzip -1 -n -c");
            QDir staging(part);
            qint64 partSize = 0;
            for (const QString &d : staging.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
                partSize = qMax(partSize, QFileInfo(staging.filePath(d + QStringLiteral("/access.log.2.part"))).size());
            if (gzips.isEmpty() || partSize < 512 * 1024)
                return;
            // The shell sshd started for our command leads its session; its parent is the sshd child.
            const int sshd = parentOf(sessionOf(gzips.first()));
            QVERIFY(sshd > 1);
            QVERIFY(QString::fromLatin1(readAll(QStringLiteral("/proc/%1/cmdline").arg(sshd))).contains(QLatin1String("sshd")));
            ::kill(sshd, SIGKILL);
            killed = true;
            killedGzip = gzips.first();
        });
        QVERIFY(killed);
        // Nothing of ours kept running on the server once its channel was gone.
        QVERIFY(!QFileInfo::exists(QStringLiteral("/proc/%1").arg(killedGzip)));
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.err.contains("se perdió la conexión"), r.err.constData());
        QVERIFY2(r.err.contains("continúa desde el byte"), r.err.constData());
        const QJsonObject summary = QJsonDocument::fromJson(r.out).object();
        const QJsonObject small = fileEntry(summary, QStringLiteral("access.log.3.gz"));
        const QJsonObject big = fileEntry(summary, QStringLiteral("access.log.2"));
        QVERIFY(!small.isEmpty() && !big.isEmpty());
        QVERIFY(big.value(QStringLiteral("resumed_from")).toInteger() > 0);
        QCOMPARE(readAll(bag + QLatin1Char('/') + big.value(QStringLiteral("path")).toString()), readAll(m_accessLog + QStringLiteral(".2")));
        QCOMPARE(console({QStringLiteral("export"), QStringLiteral("verify"), bag}).code, 0);
        QVERIFY(pidsRunning("gzip -1 -n -c").isEmpty());
    }

    // The export itself killed (-9) mid-copy: the next run takes the bag up, sends no finished file
    // again and continues the partial one.
    void resumeAfterKilledExport()
    {
        const QString yesterday = mexicoToday().addDays(-1).toString(Qt::ISODate);
        const QString bag = m_dir.filePath(QStringLiteral("reanudar"));
        const QString part = bag + QStringLiteral("/.difusor-staging/");
        bool killed = false;
        const Run first = console(exportArgs(bag, yesterday, m_today), [&](QProcess &p) {
            if (killed)
                return;
            QDir staging(part);
            for (const QString &d : staging.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
                if (QFileInfo(staging.filePath(d + QStringLiteral("/access.log.2.part"))).size() > 512 * 1024) {
                    ::kill(pid_t(p.processId()), SIGKILL);
                    killed = true;
                }
            }
        });
        QVERIFY(killed);
        QVERIFY(first.code != 0);
        // The hash (sha256sum) or copy (gzip) processes of the killed run end (their channel is gone).
        QTRY_VERIFY_WITH_TIMEOUT(pidsRunning("gzip -1 -n -c").isEmpty(), 10000);
        const Run second = console(exportArgs(bag, yesterday, m_today));
        QVERIFY2(second.code == 0, second.err.constData());
        const QJsonObject summary = QJsonDocument::fromJson(second.out).object();
        const QJsonObject small = fileEntry(summary, QStringLiteral("access.log.3.gz"));
        QVERIFY(small.value(QStringLiteral("already_in_bag")).toBool());
        QCOMPARE(small.value(QStringLiteral("wire_bytes")).toInteger(), 0);
        const QJsonObject big = fileEntry(summary, QStringLiteral("access.log.2"));
        QVERIFY2(big.value(QStringLiteral("resumed_from")).toInteger() > 0, second.err.constData());
        QVERIFY2(second.err.contains("ya está en el paquete"), second.err.constData());
        QCOMPARE(console({QStringLiteral("export"), QStringLiteral("verify"), bag}).code, 0);
        QFile::remove(m_accessLog + QStringLiteral(".2"));
        QFile::remove(m_accessLog + QStringLiteral(".3.gz"));
    }
};

QTEST_MAIN(TestExportSandbox)
#include "tst_export_sandbox.moc"
