#include "ExportCommand.h"

#include "BagVerifier.h"
#include "common/CommandLine.h"
#include "common/Tr.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>

namespace difusor::exporting {

namespace {

// Progress lines only for bags that take a while to hash.
constexpr qint64 ProgressFromBytes = 64LL * 1000 * 1000;
constexpr qint64 ProgressEveryMs = 2000;

QString size(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QJsonObject toJson(const BagVerification &v)
{
    QJsonArray problems;
    qsizetype warnings = 0;
    for (const BagProblem &p : v.problems) {
        warnings += p.warning ? 1 : 0;
        problems.append(QJsonObject{{QStringLiteral("kind"), problemKindName(p.kind)},
                                    {QStringLiteral("severity"), p.warning ? QStringLiteral("warning") : QStringLiteral("error")},
                                    {QStringLiteral("file"), p.file},
                                    {QStringLiteral("message"), p.message}});
    }
    return QJsonObject{{QStringLiteral("bag"), v.root},
                       {QStringLiteral("valid"), v.valid()},
                       {QStringLiteral("not_a_bag"), v.notABag},
                       {QStringLiteral("version"), v.version},
                       {QStringLiteral("algorithms"), QJsonArray::fromStringList(v.algorithms)},
                       {QStringLiteral("payload_files"), v.payloadFiles},
                       {QStringLiteral("payload_bytes"), v.payloadBytes},
                       {QStringLiteral("errors"), qint64(v.errorCount())},
                       {QStringLiteral("warnings"), qint64(warnings)},
                       {QStringLiteral("problems"), problems}};
}

int verify(const QString &dir, bool json, QTextStream &out, QTextStream &err)
{
    QElapsedTimer clock;
    clock.start();
    qint64 lastShown = 0; // the first line after ProgressEveryMs, the last at 100 %
    const BagVerification v = verifyBag(dir, [&](qint64 done, qint64 total, const QString &) {
        if (total < ProgressFromBytes || done == 0 || (clock.elapsed() - lastShown < ProgressEveryMs && done < total))
            return true;
        lastShown = clock.elapsed();
        const double seconds = double(clock.elapsed()) / 1000.0;
        err << Tr::tr("Verificando: %1 % (%2 de %3, %4 MB/s)")
                   .arg(total > 0 ? 100.0 * double(done) / double(total) : 100.0, 0, 'f', 0)
                   .arg(size(done), size(total))
                   .arg(seconds > 0 ? double(done) / 1e6 / seconds : 0.0, 0, 'f', 0)
            << '\n' << Qt::flush;
        return true;
    });
    if (json) {
        out << QJsonDocument(toJson(v)).toJson(QJsonDocument::Indented) << Qt::flush;
    } else if (!v.notABag) {
        for (const BagProblem &p : v.problems)
            out << problemLine(p) << '\n';
        out << Qt::flush;
    }
    if (v.notABag) {
        for (const BagProblem &p : v.problems)
            err << p.message << '\n';
        err << Qt::flush;
        return 2;
    }
    if (v.valid()) {
        err << Tr::tr("El paquete %1 es válido (BagIt %2). Archivos de datos: %3 (%4); sumas: %5.")
                   .arg(dir, v.version)
                   .arg(v.payloadFiles)
                   .arg(size(v.payloadBytes), v.algorithms.join(QStringLiteral(", ")))
            << '\n' << Qt::flush;
        return 0;
    }
    err << Tr::tr("El paquete %1 NO es válido. Problemas: %2.").arg(dir).arg(v.errorCount()) << '\n' << Qt::flush;
    return 1;
}

} // namespace

int runExportCommand(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    CommandLine line(QStringLiteral("export"), {Tr::tr("verify [--format text|json] CARPETA")},
                     Tr::tr("Memoria técnica como paquete BagIt (RFC 8493). «export verify CARPETA» comprueba un paquete: "
                            "completo, cada suma, nada de más. (La recolección aún no está disponible.)"));
    line.addOption({{QStringLiteral("format")}, Tr::tr("text o json."), Tr::tr("FORMATO"), QStringLiteral("text")});
    line.addArgument(QStringLiteral("verify"), Tr::tr("Subcomando: verify."));
    line.addArgument(Tr::tr("CARPETA"), Tr::tr("La carpeta del paquete."));
    line.setExitCode(ExitOk, Tr::tr("el paquete es válido"));
    line.setExitCode(ExitFailed, Tr::tr("el paquete no es válido (cada problema, con su archivo)"));
    line.setExitCode(ExitBadInput, Tr::tr("entrada no válida: la carpeta no existe o no es un paquete"));
    line.setExitCode(ExitUnreachable, QString());
    if (const auto code = line.parse(args))
        return *code;
    auto usageError = [&line](const QString &message) { return line.badInput(message); };
    const QString format = line.value(QStringLiteral("format"));
    if (format != QLatin1String("text") && format != QLatin1String("json"))
        return usageError(Tr::tr("Formato desconocido: %1 (text o json).").arg(format));

    const QStringList positional = line.positionalArguments();
    if (positional.isEmpty() || positional.first() != QLatin1String("verify")) {
        err << Tr::tr("La recolección de la memoria técnica (export --profile … --out …) aún no está disponible; "
                      "por ahora solo «export verify CARPETA».")
            << '\n' << Qt::flush;
        return 2;
    }
    if (positional.size() != 2)
        return usageError(positional.size() < 2 ? Tr::tr("Falta la carpeta del paquete.")
                                                : Tr::tr("Argumento de más: %1").arg(positional.at(2)));
    return verify(positional.at(1), format == QLatin1String("json"), out, err);
}

} // namespace difusor::exporting
