#include "SandboxFixture.h"

#include "TestEnv.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

namespace difusor::test {

using difusor::sandbox::Sandbox;

bool SandboxRun::start(difusor::sandbox::SandboxOptions options, int timeoutMs)
{
    if (options.stateDirTemplate.isEmpty())
        options.stateDirTemplate = tempTemplate();
    sandbox = std::make_unique<Sandbox>(options);
    QSignalSpy ready(sandbox.get(), &Sandbox::ready);
    QSignalSpy failed(sandbox.get(), &Sandbox::failed);
    QElapsedTimer clock;
    clock.start();
    sandbox->start();
    while (ready.isEmpty() && failed.isEmpty() && clock.elapsed() < timeoutMs)
        QTest::qWait(10);
    if (!failed.isEmpty()) {
        error = failed.first().first().toString();
        return false;
    }
    if (ready.isEmpty()) {
        error = QStringLiteral("not ready in %1 ms").arg(timeoutMs);
        return false;
    }
    readyMs = clock.elapsed();
    return true;
}

qint64 SandboxRun::stop(int timeoutMs)
{
    if (!sandbox)
        return 0;
    QSignalSpy stopped(sandbox.get(), &Sandbox::stopped);
    QSignalSpy failed(sandbox.get(), &Sandbox::failed);
    QElapsedTimer clock;
    clock.start();
    sandbox->stop();
    while (stopped.isEmpty() && failed.isEmpty() && clock.elapsed() < timeoutMs)
        QTest::qWait(5);
    const qint64 took = stopped.isEmpty() ? -1 : clock.elapsed();
    sandbox.reset();
    return took;
}

QList<QJsonObject> SandboxRun::truth() const
{
    return sandbox ? readJsonLines(sandbox->groundTruthPath()) : QList<QJsonObject>();
}

HttpResult httpGet(const QString &url, const QByteArray &forwardedFor, int timeoutMs)
{
    static QNetworkAccessManager *network = new QNetworkAccessManager(QCoreApplication::instance());
    QNetworkRequest request{QUrl(url)};
    if (!forwardedFor.isEmpty())
        request.setRawHeader("X-Forwarded-For", forwardedFor);
    request.setRawHeader("Cache-Control", "no-cache");
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = network->get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(timeoutMs + 500);
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.body = reply->readAll();
    reply->deleteLater();
    return result;
}

ProgramResult runProgram(const QString &program, const QStringList &args, int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(program, args);
    ProgramResult result;
    // Keep this thread's event loop running: the program may talk to a sandbox living in this process.
    QElapsedTimer clock;
    clock.start();
    while (process.state() != QProcess::NotRunning && clock.elapsed() < timeoutMs)
        QTest::qWait(10);
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(2000);
        result.output = process.readAll();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.output = process.readAll();
    return result;
}

QStringList processesMentioning(const QString &text)
{
    QStringList found;
    const QByteArray needle = text.toLocal8Bit();
    const QString self = QString::number(QCoreApplication::applicationPid());
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pid : pids) {
        if (pid == self || pid.toLongLong() <= 0)
            continue;
        QFile cmdline(QStringLiteral("/proc/") + pid + QStringLiteral("/cmdline"));
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        QByteArray args = cmdline.readAll();
        args.replace('\0', ' ');
        if (args.contains(needle))
            found << pid + QLatin1Char(' ') + QString::fromLocal8Bit(args.trimmed());
    }
    return found;
}

QList<QJsonObject> readJsonLines(const QString &path)
{
    QList<QJsonObject> records;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return records;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            records << doc.object();
    }
    return records;
}

QList<QJsonObject> eventsNamed(const QList<QJsonObject> &records, const QString &event)
{
    QList<QJsonObject> out;
    for (const QJsonObject &r : records) {
        if (r.value(QStringLiteral("event")).toString() == event)
            out << r;
    }
    return out;
}

QDateTime cutOf(const QJsonObject &record)
{
    return QDateTime::fromString(record.value(QStringLiteral("cut")).toString(), Qt::ISODate).toUTC();
}

QDateTime pageCut(const QByteArray &html)
{
    static const QRegularExpression re(
        QStringLiteral("Fecha y hora de corte: (\\d\\d)/(\\d\\d)/(\\d{4}) (\\d\\d):(\\d\\d) \\(UTC-6\\)"));
    const auto m = re.match(QString::fromUtf8(html));
    if (!m.hasMatch())
        return {};
    return QDateTime(QDate(m.captured(3).toInt(), m.captured(2).toInt(), m.captured(1).toInt()),
                     QTime(m.captured(4).toInt(), m.captured(5).toInt()), QTimeZone(-6 * 3600))
        .toUTC();
}

QString checkPrepCsv(const QByteArray &csv, const QDateTime &expectedCut)
{
    if (!csv.startsWith("\xEF\xBB\xBF"))
        return QStringLiteral("no UTF-8 BOM");
    QByteArray text = csv.mid(3);
    text.replace("\r\n", "\n");
    const QList<QByteArray> lines = text.split('\n');
    if (lines.size() < 8)
        return QStringLiteral("too few lines: %1").arg(lines.size());
    if (lines.at(0) != "DIPUTACIONES LOCALES")
        return QStringLiteral("election line: ") + QString::fromUtf8(lines.at(0));
    static const QRegularExpression cutRe(QStringLiteral("^\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d \\(UTC-6\\)$"));
    if (!cutRe.match(QString::fromUtf8(lines.at(1))).hasMatch())
        return QStringLiteral("cut line: ") + QString::fromUtf8(lines.at(1));
    if (expectedCut.isValid()) {
        const QString want = expectedCut.toTimeZone(QTimeZone(-6 * 3600)).toString(QStringLiteral("dd/MM/yyyy HH:mm")) + QStringLiteral(" (UTC-6)");
        if (QString::fromUtf8(lines.at(1)) != want)
            return QStringLiteral("cut line %1, expected %2").arg(QString::fromUtf8(lines.at(1)), want);
    }
    if (!lines.at(2).isEmpty() || !lines.at(5).isEmpty())
        return QStringLiteral("blank lines missing");
    const QList<QByteArray> summaryHeader = lines.at(3).split(',');
    const QList<QByteArray> expected = {"ACTAS_ESPERADAS", "ACTAS_REGISTRADAS", "ACTAS_FUERA_CATALOGO", "ACTAS_CAPTURADAS",
                                        "PORCENTAJE_ACTAS_CAPTURADAS", "ACTAS_CONTABILIZADAS",
                                        "PORCENTAJE_ACTAS_CONTABILIZADAS", "PORCENTAJE_ACTAS_INCONSISTENCIAS",
                                        "ACTAS_NO_CONTABILIZADAS", "LISTA_NOMINAL_ACTAS_CONTABILIZADAS",
                                        "TOTAL_VOTOS_C_CS", "TOTAL_VOTOS_S_CS", "PORCENTAJE_PARTICIPACION_CIUDADANA"};
    if (summaryHeader != expected)
        return QStringLiteral("summary header: ") + QString::fromUtf8(lines.at(3));
    const QList<QByteArray> values = lines.at(4).split(',');
    if (values.size() != expected.size())
        return QStringLiteral("summary values: ") + QString::fromUtf8(lines.at(4));
    for (const QByteArray &v : values) {
        bool ok = false;
        v.toDouble(&ok);
        if (!ok)
            return QStringLiteral("summary value not a number: ") + QString::fromUtf8(v);
    }
    const QList<QByteArray> header = lines.at(6).split(',');
    for (const char *column : {"CLAVE_CASILLA", "CLAVE_ACTA", "ID_ENTIDAD", "ENTIDAD", "ID_DISTRITO_LOCAL", "PAN", "MORENA",
                               "CONTABILIZADA", "FECHA_HORA_ACOPIO", "FECHA_HORA_CAPTURA"}) {
        if (!header.contains(column))
            return QStringLiteral("casilla header lacks ") + QLatin1String(column);
    }
    const int districtColumn = int(header.indexOf("ID_DISTRITO_LOCAL"));
    QSet<int> districts;
    int rows = 0;
    for (int i = 7; i < lines.size(); ++i) {
        if (lines.at(i).isEmpty())
            continue;
        const QList<QByteArray> fields = lines.at(i).split(',');
        if (fields.size() != header.size())
            return QStringLiteral("row %1 has %2 fields, header %3").arg(i).arg(fields.size()).arg(header.size());
        if (!fields.at(0).startsWith('\'') || !fields.at(0).endsWith('\''))
            return QStringLiteral("unquoted key on row %1").arg(i);
        districts.insert(fields.at(districtColumn).toInt());
        ++rows;
    }
    if (rows != values.at(0).toInt())
        return QStringLiteral("%1 rows for %2 actas esperadas").arg(rows).arg(QString::fromUtf8(values.at(0)));
    for (int d = 1; d <= 15; ++d) {
        if (!districts.contains(d))
            return QStringLiteral("no rows for district %1").arg(d);
    }
    if (districts.size() != 15)
        return QStringLiteral("%1 districts").arg(districts.size());
    return {};
}

} // namespace difusor::test
