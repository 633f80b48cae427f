#include "CheckCommand.h"

#include "Attestations.h"
#include "CheckRunner.h"
#include "ReportFormat.h"
#include "RequirementProfile.h"

#include "common/CommandLine.h"
#include "common/PrivateFile.h"
#include "common/Profile.h"
#include "common/Tr.h"
#include "remote/HeadlessHost.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <memory>

namespace difusor::checks {

namespace {

struct Options
{
    QString profile;
    QString requirements;
    QString format;
    QString attestations;
    QString output; // empty: stdout
    QString language;
    bool trustNewHostKey = false;
    bool evidence = false;
    bool consoleProbes = true;
    int timeoutS = 60;
};

void defineOptions(CommandLine &line)
{
    line.addOption({{QStringLiteral("profile")}, Tr::tr("El servidor que verificar (obligatoria)."), Tr::tr("PERFIL.json")});
    line.addOption({{QStringLiteral("requirements")},
                    Tr::tr("Un perfil de requisitos propio en lugar del de la convocatoria incluido."),
                    Tr::tr("REQUISITOS.json")});
    line.addOption({{QStringLiteral("format")}, Tr::tr("Formato del informe."), QStringLiteral("text|json|junit"),
                    QStringLiteral("text")});
    line.addOption({{QStringLiteral("attestations")},
                    Tr::tr("Atestaciones: requisitos que una persona avala donde ninguna sonda puede saberlo."),
                    Tr::tr("ATESTACIONES.json")});
    line.addOption({{QStringLiteral("evidence")},
                    Tr::tr("En el formato text, la evidencia bajo cada veredicto (json y junit siempre la llevan).")});
    line.addOption({{QStringLiteral("output")}, Tr::tr("Escribe el informe en ARCHIVO (0600) en lugar de la salida estándar."),
                    Tr::tr("ARCHIVO")});
    line.addOption({{QStringLiteral("trust-new-host-key")},
                    Tr::tr("Acepta y registra la llave del servidor si aún no está en known_hosts (confianza en el "
                           "primer uso). Una llave cambiada se rechaza igual.")});
    line.addOption({{QStringLiteral("no-console-probes")},
                    Tr::tr("Omite las mediciones hechas desde esta máquina: la URL del sitio, los puertos abiertos "
                           "desde fuera, el rendimiento.")});
    line.addOption({{QStringLiteral("timeout")}, Tr::tr("Abandona la verificación completa tras S segundos."),
                    QStringLiteral("S"), QStringLiteral("60")});
    line.setExitCode(ExitOk, Tr::tr("todos los requisitos se cumplen (con avisos u omitidos)"));
    line.setExitCode(ExitFailed, Tr::tr("algún requisito no se cumple o quedó desconocido, o la sonda no pudo correr"));
    line.setExitCode(ExitBadInput, Tr::tr("entrada no válida: una opción desconocida, un valor no válido, un perfil, "
                                          "requisito o atestación ilegible, un --output que no se puede escribir"));
    line.setExitCode(ExitUnreachable, Tr::tr("no se pudo conectar con el servidor (inalcanzable, su llave cambió o no se "
                                             "aceptó, acceso denegado): no se verificó nada y no hay informe"));
}

std::optional<Options> optionsFrom(const CommandLine &line, QString *error)
{
    Options o;
    o.profile = line.value(QStringLiteral("profile"));
    o.requirements = line.value(QStringLiteral("requirements"));
    o.attestations = line.value(QStringLiteral("attestations"));
    o.output = line.value(QStringLiteral("output"));
    o.language = line.language();
    o.trustNewHostKey = line.isSet(QStringLiteral("trust-new-host-key"));
    o.evidence = line.isSet(QStringLiteral("evidence"));
    o.consoleProbes = !line.isSet(QStringLiteral("no-console-probes"));
    if (o.profile.isEmpty()) {
        *error = Tr::tr("Falta --profile.");
        return std::nullopt;
    }
    const auto format = line.choiceValue(QStringLiteral("format"), {QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("junit")}, error);
    const auto timeout = line.intValue(QStringLiteral("timeout"), 1, 24 * 3600, error);
    if (!format || !timeout)
        return std::nullopt;
    o.format = *format;
    o.timeoutS = *timeout;
    if (!line.positionalArguments().isEmpty()) {
        *error = Tr::tr("Argumento de más: %1").arg(line.positionalArguments().first());
        return std::nullopt;
    }
    return o;
}

} // namespace

int runCheckCommand(const QStringList &args)
{
    CommandLine line(QStringLiteral("check"), {Tr::tr("--profile PERFIL.json [opciones]")},
                     Tr::tr("Verifica cada requisito de la convocatoria para difusores en un solo viaje por SSH e "
                            "imprime cada veredicto (cumple, no cumple, aviso o desconocido) con su evidencia. Un "
                            "perfil con \"host\": \"local\" verifica esta máquina sin SSH."));
    defineOptions(line);
    if (const auto code = line.parse(args))
        return *code;
    QTextStream err(stderr);
    QString error;
    const auto options = optionsFrom(line, &error);
    if (!options)
        return line.badInput(error);
    const auto profile = Profile::load(options->profile, &error);
    if (!profile) {
        err << error << Qt::endl;
        return ExitBadInput;
    }
    const auto requirements = options->requirements.isEmpty() ? RequirementProfile::loadDefault(&error)
                                                               : RequirementProfile::load(options->requirements, &error);
    if (!requirements) {
        err << error << Qt::endl;
        return ExitBadInput;
    }
    AttestationBook attestations;
    if (!options->attestations.isEmpty()) {
        const auto book = AttestationBook::load(options->attestations, &error);
        if (!book) {
            err << error << Qt::endl;
            return ExitBadInput;
        }
        attestations = *book;
    }

    // "local" checks this machine with LocalHost; anything else goes over SSH.
    const bool local = profile->host == QLatin1String("local");
    // This connection of its own carries the probe's few KiB of text and the throughput measures' random
    // bytes, which zlib cannot shrink: compressed, each 4 MiB cost ~100 ms of CPU on either side (sshd's
    // on the difusor's server too) and the whole check took ~10 % longer. The profile's "compression" is
    // for the live tail of the access log; the GUI's "Verificar ahora" runs on its shared connection.
    Profile connection = *profile;
    connection.compression = false;
    std::unique_ptr<remote::RemoteHost> host = remote::makeHeadlessHost(connection, options->trustNewHostKey, err);

    // Whether the server was ever reached: a check that could not connect reports nothing (every verdict
    // would be "unknown") and exits 3 with the reason (unreachable, a changed or refused host key).
    bool connected = local;
    QString connectError;
    QObject::connect(host.get(), &remote::RemoteHost::stateChanged, host.get(),
                     [&connected, &connectError](remote::ConnectionState state, const QString &reason) {
                         if (state == remote::ConnectionState::Connected)
                             connected = true;
                         else if (!connected && !reason.isEmpty())
                             connectError = reason;
                     });

    CheckRunner runner(host.get(), *profile, *requirements, local);
    runner.setAttestations(attestations);
    runner.setLanguage(options->language);
    runner.setConsoleProbes(options->consoleProbes);
    runner.setOverallTimeoutMs(options->timeoutS * 1000);
    int exitCode = ExitBadInput;
    QObject::connect(&runner, &CheckRunner::finished, &runner, [&](const CheckReport &report) {
        if (!connected) {
            err << Tr::tr("No se pudo conectar con %1: %2").arg(host->displayName(), connectError.isEmpty() ? report.error : connectError)
                << Qt::endl
                << Tr::tr("No se verificó ningún requisito.") << Qt::endl;
            exitCode = ExitUnreachable;
            host->disconnectFromHost();
            QCoreApplication::exit(exitCode);
            return;
        }
        QFile out(options->output);
        QString openError;
        // The report holds firewall evidence: a file of ours is 0600.
        const bool opened = options->output.isEmpty() ? out.open(stdout, QIODevice::WriteOnly)
                                                      : openPrivate(out, QIODevice::WriteOnly | QIODevice::Truncate, &openError);
        if (!opened) {
            err << (openError.isEmpty() ? Tr::tr("No se pudo escribir %1: %2").arg(options->output, out.errorString()) : openError)
                << Qt::endl;
            exitCode = ExitBadInput;
            QCoreApplication::exit(exitCode);
            return;
        }
        if (options->format == QLatin1String("json"))
            out.write(reportToJson(report));
        else if (options->format == QLatin1String("junit"))
            out.write(reportToJunit(report));
        else
            out.write(reportToText(report, requirements->name(options->language), options->evidence).toUtf8());
        out.flush();
        exitCode = exitCodeFor(report.results, report.runFailed);
        host->disconnectFromHost();
        QCoreApplication::exit(exitCode);
    });
    runner.start();
    QCoreApplication::exec();
    return exitCode;
}

} // namespace difusor::checks
