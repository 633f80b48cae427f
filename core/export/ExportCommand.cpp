#include "ExportCommand.h"

#include "Bag.h"
#include "BagVerifier.h"
#include "ExportPayload.h"
#include "LogCollector.h"
#include "common/CommandLine.h"
#include "common/Profile.h"
#include "common/Tr.h"
#include "remote/HeadlessHost.h"
#include "remote/RemoteHost.h"
#include "store/Store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTextStream>

#include <csignal>
#include <memory>
#include <vector>

#include <sys/socket.h>
#include <unistd.h>

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


int g_signalFds[2] = {-1, -1};

void onSignal(int signal)
{
    const char byte = char(signal);
    const ssize_t written = ::write(g_signalFds[0], &byte, 1); // async-signal-safe
    Q_UNUSED(written)
}

QString durationText(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("—");
    const qint64 s = qint64(seconds + 0.5);
    return s >= 3600 ? QStringLiteral("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

struct CollectOptions
{
    QStringList profiles;
    QString out;
    ExportDates dates;
    QString comments;
    QString store;
    bool json = false;
    bool trustNewHostKey = false;
    QString language = QStringLiteral("es");
};

QJsonObject summaryJson(const CollectOptions &o, const QList<CollectedServer> &servers, const Bag &bag,
                        const PayloadResult &payload, const QStringList &warnings, double seconds)
{
    QJsonArray serverArray;
    qint64 wire = 0;
    for (const CollectedServer &s : servers) {
        QJsonArray files;
        for (const CollectedFile &f : s.files) {
            wire += f.wireBytes;
            files.append(QJsonObject{{QStringLiteral("name"), f.name},
                                     {QStringLiteral("path"), QString(QStringLiteral("data/") + f.payloadPath)},
                                     {QStringLiteral("bytes"), f.size},
                                     {QStringLiteral("sha256"), QString::fromLatin1(f.sha256)},
                                     {QStringLiteral("gzip"), f.gzip},
                                     {QStringLiteral("lines"), f.lines},
                                     {QStringLiteral("period_lines"), f.periodLines},
                                     {QStringLiteral("untimed_lines"), f.untimedLines},
                                     {QStringLiteral("wire_bytes"), f.wireBytes},
                                     {QStringLiteral("resumed_from"), f.resumedFrom},
                                     {QStringLiteral("already_in_bag"), f.alreadyInBag}});
        }
        QJsonObject traffic = s.traffic;
        traffic.insert(QStringLiteral("path"), QString(QStringLiteral("data/") + s.trafficPath));
        serverArray.append(QJsonObject{{QStringLiteral("server"), s.profile.name},
                                       {QStringLiteral("folder"), s.name},
                                       {QStringLiteral("host_key"), s.hostKey},
                                       {QStringLiteral("access_log"), s.accessLog},
                                       {QStringLiteral("files"), files},
                                       {QStringLiteral("period_file"),
                                        QJsonObject{{QStringLiteral("path"), QString(QStringLiteral("data/") + s.periodPath)},
                                                    {QStringLiteral("lines"), s.periodLines},
                                                    {QStringLiteral("bytes"), s.periodSize},
                                                    {QStringLiteral("plain_bytes"), s.periodPlainBytes},
                                                    {QStringLiteral("sha256"), QString::fromLatin1(s.periodSha256)}}},
                                       {QStringLiteral("traffic"), traffic}});
    }
    return QJsonObject{{QStringLiteral("bag"), QDir(o.out).absolutePath()},
                       {QStringLiteral("period"), o.dates.periodText()},
                       {QStringLiteral("baseline"), o.dates.baselineText()},
                       {QStringLiteral("time_zone"), QStringLiteral("UTC-6")},
                       {QStringLiteral("servers"), serverArray},
                       {QStringLiteral("payload"), payload.summary},
                       {QStringLiteral("payload_files"), qint64(bag.payloads().size())},
                       {QStringLiteral("payload_bytes"), bag.payloadBytes()},
                       {QStringLiteral("wire_bytes"), wire},
                       {QStringLiteral("seconds"), seconds},
                       {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)}};
}

int collect(const CollectOptions &o, QTextStream &out, QTextStream &err)
{
    QList<Profile> profiles;
    for (const QString &path : o.profiles) {
        QString error;
        const std::optional<Profile> p = Profile::load(path, &error);
        if (!p) {
            err << error << '\n' << Qt::flush;
            return ExitBadInput;
        }
        profiles << *p;
    }
    Bag bag(o.out);
    QString error;
    if (!bag.open(&error)) {
        err << error << '\n' << Qt::flush;
        return ExitBadInput;
    }
    QElapsedTimer clock;
    clock.start();
    std::vector<std::unique_ptr<remote::RemoteHost>> hosts;
    LogCollector collector(&bag, o.dates);
    for (const Profile &p : profiles) {
        hosts.push_back(remote::makeHeadlessHost(p, o.trustNewHostKey, err));
        collector.addServer(p, hosts.back().get());
    }
    err << Tr::tr("Memoria técnica en %1: periodo %2, línea base %3 (hora del centro de México, UTC-6).")
               .arg(o.out, o.dates.periodText(), o.dates.baselineText())
        << '\n' << Qt::flush;
    QObject::connect(&collector, &LogCollector::message, &collector, [&err](const QString &text) { err << text << '\n' << Qt::flush; });
    qint64 lastLine = -10000;
    std::pair<qint64, int> lastShown{-1, -1};
    QObject::connect(&collector, &LogCollector::progress, &collector, [&](const CollectProgress &p) {
        // A line every 2 s at most, and each file's end (the GUI shows every update); never twice the same.
        if ((clock.elapsed() - lastLine < 2000 && p.filesDone < p.filesTotal) || lastShown == std::pair(p.bytesDone, p.filesDone))
            return;
        lastLine = clock.elapsed();
        lastShown = {p.bytesDone, p.filesDone};
        err << Tr::tr("Progreso: %1 de %2 (%3 %), archivos %4 de %5, por la red %6, falta %7")
                   .arg(size(p.bytesDone), size(p.bytesTotal))
                   .arg(p.bytesTotal > 0 ? 100.0 * double(p.bytesDone) / double(p.bytesTotal) : 100.0, 0, 'f', 0)
                   .arg(p.filesDone)
                   .arg(p.filesTotal)
                   .arg(size(p.wireBytes), durationText(p.secondsLeft))
            << '\n' << Qt::flush;
    });
    int code = ExitOk;
    QString failure;
    QObject::connect(&collector, &LogCollector::finished, &collector, [&](bool ok, const QString &why, bool unreachable) {
        if (!ok) {
            failure = why;
            code = unreachable ? ExitUnreachable : ExitFailed;
        }
        QCoreApplication::exit(0);
    });

    // SIGINT/SIGTERM cancel: the remote commands are killed, what is done stays for the next run.
    std::unique_ptr<QSocketNotifier> notifier;
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signalFds) == 0) {
        notifier = std::make_unique<QSocketNotifier>(g_signalFds[1], QSocketNotifier::Read);
        QObject::connect(notifier.get(), &QSocketNotifier::activated, &collector, [&collector, &err] {
            char byte = 0;
            const ssize_t n = ::read(g_signalFds[1], &byte, 1);
            Q_UNUSED(n)
            err << Tr::tr("Cancelando…") << '\n' << Qt::flush;
            collector.cancel();
        });
        struct sigaction action = {};
        action.sa_handler = onSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        ::sigaction(SIGINT, &action, nullptr);
        ::sigaction(SIGTERM, &action, nullptr);
    }
    QTimer::singleShot(0, &collector, [&collector] { collector.start(); });
    QCoreApplication::exec();
    notifier.reset();
    for (auto &h : hosts)
        h->disconnectFromHost();
    if (code != ExitOk) {
        err << failure << '\n'
            << Tr::tr("El paquete %1 quedó incompleto; repita la misma orden para continuar donde se quedó.").arg(o.out) << '\n'
            << Qt::flush;
        return code;
    }

    PayloadRequest request;
    request.profiles = profiles;
    request.servers = collector.servers();
    request.dates = o.dates;
    request.storePath = o.store.isEmpty() ? store::defaultStorePath() : o.store;
    request.commentsFile = o.comments;
    request.language = o.language;
    PayloadResult payload = addPayload(bag, request);
    QStringList warnings = payload.warnings;
    for (const CollectedServer &s : collector.servers())
        warnings += s.warnings;
    if (!payload.error.isEmpty()) {
        err << payload.error << '\n' << Qt::flush;
        return ExitFailed;
    }
    err << Tr::tr("Escribiendo la memoria técnica (PDF)…") << '\n' << Qt::flush;
    QJsonObject comparison;
    if (!addMemoriaPdf(bag, request, &warnings, &error, &comparison)) {
        err << error << '\n' << Qt::flush;
        return ExitFailed;
    }
    bag.setInfo(bagInfo(profiles, o.dates, QCoreApplication::applicationVersion()));
    if (!bag.finish(&error)) {
        err << error << '\n' << Qt::flush;
        return ExitFailed;
    }
    for (const QString &w : std::as_const(warnings))
        err << Tr::tr("Aviso: %1").arg(w) << '\n';
    const double seconds = double(clock.elapsed()) / 1000.0;
    if (o.json) {
        QJsonObject summary = summaryJson(o, collector.servers(), bag, payload, warnings, seconds);
        summary.insert(QStringLiteral("comparison"), comparison);
        out << QJsonDocument(summary).toJson(QJsonDocument::Indented)
            << Qt::flush;
    } else {
        for (const CollectedServer &s : collector.servers()) {
            out << s.profile.name << '\n';
            for (const CollectedFile &f : s.files)
                out << QStringLiteral("  %1  %2  %3 líneas  %4\n").arg(QString::fromLatin1(f.sha256), size(f.size)).arg(f.lines).arg(f.payloadPath);
            out << QStringLiteral("  %1  %2  %3 líneas  %4\n")
                       .arg(QString::fromLatin1(s.periodSha256), size(s.periodSize))
                       .arg(s.periodLines)
                       .arg(s.periodPath);
        }
        out << Qt::flush;
    }
    err << Tr::tr("Paquete listo: %1 (%2 archivos de datos, %3) en %4 s. Compruébelo con «difusor-console export verify %1».")
               .arg(o.out)
               .arg(bag.payloads().size())
               .arg(size(bag.payloadBytes()))
               .arg(seconds, 0, 'f', 1)
        << '\n' << Qt::flush;
    return ExitOk;
}

std::optional<QDate> parseDay(const QString &text)
{
    const QDate d = QDate::fromString(text, Qt::ISODate);
    if (!d.isValid())
        return std::nullopt;
    return d;
}

} // namespace

int runExportCommand(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    CommandLine line(QStringLiteral("export"),
                     {Tr::tr("--profile ARCHIVO [--profile ARCHIVO…] --out CARPETA [--from AAAA-MM-DD --to AAAA-MM-DD] "
                             "[--baseline-from AAAA-MM-DD --baseline-to AAAA-MM-DD] [--comments ARCHIVO] [--format text|json]"),
                      Tr::tr("verify [--format text|json] CARPETA")},
                     Tr::tr("Memoria técnica como paquete BagIt (RFC 8493). Sin subcomando: recolecta de cada servidor las "
                            "bitácoras de acceso con líneas del periodo (tal como están, con su SHA-256 tomado en el servidor, "
                            "comprimidas en la red, reanudable), un archivo por servidor con exactamente las líneas del periodo, "
                            "el tráfico por día, los incidentes, los cortes y los simulacros de la base, y los comentarios. "
                            "Progreso en stderr, resumen en stdout. Repetir la orden con la misma carpeta continúa un paquete "
                            "interrumpido. «export verify CARPETA» comprueba un paquete: completo, cada suma, nada de más."));
    line.addOption({{QStringLiteral("profile")}, Tr::tr("Perfil de conexión de un servidor (repetible)."), Tr::tr("ARCHIVO")});
    line.addOption({{QStringLiteral("out")}, Tr::tr("Carpeta del paquete (nueva, vacía, o un paquete interrumpido)."), Tr::tr("CARPETA")});
    line.addOption({{QStringLiteral("from")}, Tr::tr("Primer día del periodo (hora del centro, UTC-6)."), Tr::tr("FECHA"),
                    QStringLiteral("2024-06-02")});
    line.addOption({{QStringLiteral("to")}, Tr::tr("Último día del periodo."), Tr::tr("FECHA"), QStringLiteral("2024-06-09")});
    line.addOption({{QStringLiteral("baseline-from")}, Tr::tr("Primer día de la línea base (predeterminado: 14 días antes del periodo)."),
                    Tr::tr("FECHA")});
    line.addOption({{QStringLiteral("baseline-to")}, Tr::tr("Último día de la línea base (predeterminado: la víspera del periodo)."),
                    Tr::tr("FECHA")});
    line.addOption({{QStringLiteral("comments")}, Tr::tr("Comentarios y sugerencias (texto UTF-8)."), Tr::tr("ARCHIVO")});
    line.addOption({{QStringLiteral("store")}, Tr::tr("Base de datos de la consola (predeterminado: DIFUSOR_STORE, si no la de la consola)."),
                    Tr::tr("ARCHIVO")});
    line.addOption({{QStringLiteral("trust-new-host-key")}, Tr::tr("Acepta y guarda la llave de un servidor desconocido.")});
    line.addOption({{QStringLiteral("format")}, Tr::tr("text o json."), Tr::tr("FORMATO"), QStringLiteral("text")});
    line.addArgument(QStringLiteral("verify"), Tr::tr("Subcomando: comprobar un paquete."));
    line.addArgument(Tr::tr("CARPETA"), Tr::tr("La carpeta del paquete (verify)."));
    line.setExitCode(ExitOk, Tr::tr("el paquete quedó completo y verificado; verify: el paquete es válido"));
    line.setExitCode(ExitFailed, Tr::tr("la recolección falló o se canceló (repetir continúa); verify: el paquete no es válido "
                                        "(cada problema, con su archivo)"));
    line.setExitCode(ExitBadInput, Tr::tr("entrada no válida: opción, fecha o perfil; una carpeta que no es un paquete"));
    line.setExitCode(ExitUnreachable, Tr::tr("un servidor no se pudo alcanzar o rechazó la conexión"));
    if (const auto code = line.parse(args))
        return *code;
    auto usageError = [&line](const QString &message) { return line.badInput(message); };
    const QString format = line.value(QStringLiteral("format"));
    if (format != QLatin1String("text") && format != QLatin1String("json"))
        return usageError(Tr::tr("Formato desconocido: %1 (text o json).").arg(format));

    const QStringList positional = line.positionalArguments();
    if (positional.isEmpty()) {
        CollectOptions o;
        o.profiles = line.values(QStringLiteral("profile"));
        o.out = line.value(QStringLiteral("out"));
        if (!o.out.isEmpty())
            o.out = QDir(o.out).absolutePath(); // the bag checks its files by absolute paths
        o.comments = line.value(QStringLiteral("comments"));
        o.store = line.value(QStringLiteral("store"));
        o.json = format == QLatin1String("json");
        o.trustNewHostKey = line.isSet(QStringLiteral("trust-new-host-key"));
        o.language = line.language() == QLatin1String("en") ? QStringLiteral("en") : QStringLiteral("es");
        if (o.profiles.isEmpty())
            return usageError(Tr::tr("Falta --profile."));
        if (o.out.isEmpty())
            return usageError(Tr::tr("Falta --out."));
        const std::pair<const char *, QDate *> days[] = {{"from", &o.dates.from},
                                                         {"to", &o.dates.to},
                                                         {"baseline-from", &o.dates.baselineFrom},
                                                         {"baseline-to", &o.dates.baselineTo}};
        for (const auto &[name, target] : days) {
            const QString key = QLatin1String(name);
            if (!line.isSet(key) && key.startsWith(QLatin1String("baseline")))
                continue;
            const auto d = parseDay(line.value(key));
            if (!d)
                return usageError(Tr::tr("Fecha no válida en --%1: %2 (AAAA-MM-DD).").arg(key, line.value(key)));
            *target = *d;
        }
        if (o.dates.to < o.dates.from)
            return usageError(Tr::tr("--to (%1) es anterior a --from (%2).").arg(o.dates.to.toString(Qt::ISODate), o.dates.from.toString(Qt::ISODate)));
        if (o.dates.baselineFrom.isValid() != o.dates.baselineTo.isValid())
            return usageError(Tr::tr("--baseline-from y --baseline-to van juntos."));
        if (o.dates.baselineFrom.isValid() && o.dates.baselineTo < o.dates.baselineFrom)
            return usageError(Tr::tr("--baseline-to es anterior a --baseline-from."));
        if (!o.comments.isEmpty() && !QFileInfo(o.comments).isFile())
            return usageError(Tr::tr("No existe el archivo de comentarios %1.").arg(o.comments));
        return collect(o, out, err);
    }
    if (positional.first() != QLatin1String("verify"))
        return usageError(Tr::tr("Subcomando desconocido: %1 (solo verify).").arg(positional.first()));
    if (positional.size() != 2)
        return usageError(positional.size() < 2 ? Tr::tr("Falta la carpeta del paquete.")
                                                : Tr::tr("Argumento de más: %1").arg(positional.at(2)));
    return verify(positional.at(1), format == QLatin1String("json"), out, err);
}

} // namespace difusor::exporting
