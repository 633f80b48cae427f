#include "CheckCommand.h"

#include "Attestations.h"
#include "CheckRunner.h"
#include "ReportFormat.h"
#include "RequirementProfile.h"

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
    QString format = QStringLiteral("text");
    QString attestations;
    QString output; // empty: stdout
    QString language = QStringLiteral("es");
    bool trustNewHostKey = false;
    bool evidence = false;
    bool consoleProbes = true;
    int timeoutS = 60;
};

QString usage()
{
    return Tr::tr("Uso: difusor-console check --profile PERFIL.json [--requirements REQUISITOS.json]\n"
                  "       [--format text|json|junit] [--attestations ATESTACIONES.json] [--evidence] [--output ARCHIVO]\n"
                  "       [--trust-new-host-key] [--no-console-probes] [--timeout S] [--lang es|en]\n"
                  "Un perfil con \"host\": \"local\" verifica esta máquina sin SSH.\n"
                  "Salida: 0 todo cumple, 1 algo no cumple, 2 nada falla pero hay desconocidos o la verificación falló.");
}

std::optional<Options> parse(const QStringList &args, QString *error)
{
    Options o;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        auto value = [&](QString *target) {
            if (i + 1 >= args.size()) {
                *error = Tr::tr("Falta el valor de %1.").arg(a);
                return false;
            }
            *target = args.at(++i);
            return true;
        };
        QString timeout;
        if (a == QLatin1String("--profile")) {
            if (!value(&o.profile))
                return std::nullopt;
        } else if (a == QLatin1String("--requirements")) {
            if (!value(&o.requirements))
                return std::nullopt;
        } else if (a == QLatin1String("--format")) {
            if (!value(&o.format))
                return std::nullopt;
        } else if (a == QLatin1String("--attestations")) {
            if (!value(&o.attestations))
                return std::nullopt;
        } else if (a == QLatin1String("--output")) {
            if (!value(&o.output))
                return std::nullopt;
        } else if (a == QLatin1String("--lang")) {
            if (!value(&o.language))
                return std::nullopt;
        } else if (a == QLatin1String("--timeout")) {
            if (!value(&timeout))
                return std::nullopt;
            o.timeoutS = timeout.toInt();
            if (o.timeoutS <= 0) {
                *error = Tr::tr("Tiempo límite no válido: %1.").arg(timeout);
                return std::nullopt;
            }
        } else if (a == QLatin1String("--trust-new-host-key")) {
            o.trustNewHostKey = true;
        } else if (a == QLatin1String("--evidence")) {
            o.evidence = true;
        } else if (a == QLatin1String("--no-console-probes")) {
            o.consoleProbes = false;
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            *error = QString();
            return std::nullopt;
        } else {
            *error = Tr::tr("Opción desconocida: %1").arg(a);
            return std::nullopt;
        }
    }
    if (o.profile.isEmpty()) {
        *error = Tr::tr("Falta --profile.");
        return std::nullopt;
    }
    if (o.format != QLatin1String("text") && o.format != QLatin1String("json") && o.format != QLatin1String("junit")) {
        *error = Tr::tr("Formato desconocido: %1 (text, json o junit).").arg(o.format);
        return std::nullopt;
    }
    return o;
}

} // namespace

int runCheckCommand(const QStringList &args)
{
    QTextStream err(stderr);
    QString error;
    const auto options = parse(args, &error);
    if (!options) {
        err << (error.isEmpty() ? usage() : error + QLatin1Char('\n') + usage()) << Qt::endl;
        return 2;
    }
    const auto profile = Profile::load(options->profile, &error);
    if (!profile) {
        err << error << Qt::endl;
        return 2;
    }
    const auto requirements = options->requirements.isEmpty() ? RequirementProfile::loadDefault(&error)
                                                               : RequirementProfile::load(options->requirements, &error);
    if (!requirements) {
        err << error << Qt::endl;
        return 2;
    }
    AttestationBook attestations;
    if (!options->attestations.isEmpty()) {
        const auto book = AttestationBook::load(options->attestations, &error);
        if (!book) {
            err << error << Qt::endl;
            return 2;
        }
        attestations = *book;
    }

    // "local" checks this machine with LocalHost; anything else goes over SSH.
    const bool local = profile->host == QLatin1String("local");
    std::unique_ptr<remote::RemoteHost> host = remote::makeHeadlessHost(*profile, options->trustNewHostKey, err);

    CheckRunner runner(host.get(), *profile, *requirements, local);
    runner.setAttestations(attestations);
    runner.setLanguage(options->language);
    runner.setConsoleProbes(options->consoleProbes);
    runner.setOverallTimeoutMs(options->timeoutS * 1000);
    int exitCode = 2;
    QObject::connect(&runner, &CheckRunner::finished, &runner, [&](const CheckReport &report) {
        QFile out(options->output);
        QString openError;
        // The report holds firewall evidence: a file of ours is 0600.
        const bool opened = options->output.isEmpty() ? out.open(stdout, QIODevice::WriteOnly)
                                                      : openPrivate(out, QIODevice::WriteOnly | QIODevice::Truncate, &openError);
        if (!opened) {
            err << (openError.isEmpty() ? Tr::tr("No se pudo escribir %1: %2").arg(options->output, out.errorString()) : openError)
                << Qt::endl;
            QCoreApplication::exit(2);
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
