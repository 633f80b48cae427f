#include "DrillCommand.h"

#include "BuiltinScenarios.h"
#include "DrillRunner.h"
#include "ObserveCommand.h"
#include "Scenario.h"

#include "common/CommandLine.h"
#include "common/MexicoTime.h"
#include "common/Profile.h"
#include "common/Tr.h"
#include "incidents/IncidentLog.h"
#include "store/Store.h"
#include "store/StoreThread.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTextStream>

#include <csignal>
#include <memory>
#include <utility>
#include <sys/socket.h>
#include <unistd.h>

namespace difusor::drills {

namespace {

int g_signalFds[2] = {-1, -1};

void onSignal(int signal)
{
    const char byte = char(signal);
    const ssize_t written = ::write(g_signalFds[0], &byte, 1); // async-signal-safe
    Q_UNUSED(written)
}

QString mexicoOrDash(const QJsonValue &iso)
{
    const QDateTime t = QDateTime::fromString(iso.toString(), Qt::ISODateWithMs);
    return t.isValid() ? formatMexicoTime(t.toUTC()) : QStringLiteral("—");
}

QString textReport(const QJsonObject &j)
{
    QString out;
    QTextStream t(&out);
    const QJsonObject drill = j.value(QStringLiteral("drill")).toObject();
    t << Tr::tr("Simulacro %1 «%2» en %3: %4, puntuación %5, %6 s")
             .arg(drill.value(QStringLiteral("id")).toVariant().toString(), drill.value(QStringLiteral("title")).toString(),
                  drill.value(QStringLiteral("profile")).toString(), j.value(QStringLiteral("status")).toString())
             .arg(j.value(QStringLiteral("score")).toDouble(), 0, 'f', 2)
             .arg(j.value(QStringLiteral("duration")).toDouble(), 0, 'f', 0)
      << '\n';
    if (j.contains(QStringLiteral("abort_reason")))
        t << "  " << Tr::tr("Detenido: %1").arg(j.value(QStringLiteral("abort_reason")).toString()) << '\n';
    if (j.contains(QStringLiteral("error")))
        t << "  " << j.value(QStringLiteral("error")).toString() << '\n';
    for (const QJsonValue &v : j.value(QStringLiteral("expectations")).toArray()) {
        const QJsonObject e = v.toObject();
        t << "  " << (e.value(QStringLiteral("passed")).toBool() ? QStringLiteral("[ok]  ") : QStringLiteral("[FALLA] "))
          << e.value(QStringLiteral("name")).toString() << ": "
          << Tr::tr("falla %1, detectado %2").arg(mexicoOrDash(e.value(QStringLiteral("fault_start"))),
                                                 mexicoOrDash(e.value(QStringLiteral("detected_at"))))
          << " — " << e.value(QStringLiteral("why")).toString() << '\n';
    }
    for (const QJsonValue &v : j.value(QStringLiteral("false_positives")).toArray()) {
        const QJsonObject i = v.toObject();
        t << "  " << Tr::tr("[falsa alarma] %1 (%2) detectado %3")
                         .arg(i.value(QStringLiteral("title")).toString(), i.value(QStringLiteral("kind")).toString(),
                              mexicoOrDash(i.value(QStringLiteral("detected_at"))))
          << '\n';
    }
    t << Tr::tr("Horas en tiempo del centro de México (UTC-6).") << '\n';
    return out;
}

int listCommand(const QStringList &args)
{
    CommandLine line(QStringLiteral("drill list"), {Tr::tr("[--format json|text]")},
                     Tr::tr("Los escenarios integrados: uno por falla del simulador y noche_electoral."));
    line.addOption({{QStringLiteral("format")}, Tr::tr("json o text."), Tr::tr("FORMATO"), QStringLiteral("text")});
    line.setExitCode(ExitOk, Tr::tr("la lista se imprimió"));
    line.setExitCode(ExitFailed, QString());
    line.setExitCode(ExitBadInput, Tr::tr("entrada no válida: una opción desconocida, un argumento de más"));
    line.setExitCode(ExitUnreachable, QString());
    if (const auto code = line.parse(args))
        return *code;
    QString error;
    const auto format = line.choiceValue(QStringLiteral("format"), {QStringLiteral("json"), QStringLiteral("text")}, &error);
    if (!format)
        return line.badInput(error);
    if (!line.positionalArguments().isEmpty())
        return line.badInput(Tr::tr("Argumento de más: %1").arg(line.positionalArguments().first()));
    QTextStream out(stdout);
    QJsonArray scenarios;
    for (const QString &name : builtinScenarioNames()) {
        const auto scenario = builtinScenario(name, 60);
        if (!scenario)
            continue;
        scenarios.append(QJsonObject{{QStringLiteral("name"), name},
                                     {QStringLiteral("title"), scenario->title},
                                     {QStringLiteral("target"), scenario->target},
                                     {QStringLiteral("faults"), QJsonArray::fromStringList(scenario->faultIds())}});
        if (*format != QLatin1String("json"))
            out << name << '\t' << scenario->title << '\t' << scenario->faultIds().join(QStringLiteral(", ")) << '\n';
    }
    if (*format == QLatin1String("json"))
        out << QJsonDocument(QJsonObject{{QStringLiteral("scenarios"), scenarios}}).toJson(QJsonDocument::Compact) << '\n';
    out.flush();
    return ExitOk;
}

int showCommand(const QStringList &args)
{
    CommandLine line(QStringLiteral("drill show"), {Tr::tr("NOMBRE [--cut-interval S | --profile ARCHIVO]")},
                     Tr::tr("Imprime un escenario integrado como experimento de Chaos Toolkit, hecho para el ritmo del "
                            "simulador (--cut-interval, o el del perfil): el punto de partida de un escenario propio."));
    line.addOption({{QStringLiteral("cut-interval")}, Tr::tr("Segundos reales entre cortes del simulador (predeterminado 60)."),
                    QStringLiteral("S"), QStringLiteral("60")});
    line.addOption({{QStringLiteral("profile")}, Tr::tr("Un perfil de simulador: su intervalo entre cortes."), Tr::tr("ARCHIVO")});
    line.addArgument(Tr::tr("NOMBRE"), Tr::tr("El escenario integrado (drill list los nombra)."));
    line.setExitCode(ExitOk, Tr::tr("el escenario se imprimió"));
    line.setExitCode(ExitFailed, QString());
    line.setExitCode(ExitBadInput, Tr::tr("entrada no válida: un escenario que no existe, un intervalo no válido"));
    line.setExitCode(ExitUnreachable, QString());
    if (const auto code = line.parse(args))
        return *code;
    const QStringList positional = line.positionalArguments();
    if (positional.size() != 1)
        return line.badInput(Tr::tr("Falta el nombre del escenario (uno)."));
    QString error;
    auto interval = line.intValue(QStringLiteral("cut-interval"), 1, 3600, &error);
    if (!interval)
        return line.badInput(error);
    if (line.isSet(QStringLiteral("profile")) && !line.isSet(QStringLiteral("cut-interval"))) {
        const auto profile = Profile::load(line.value(QStringLiteral("profile")), &error);
        if (!profile)
            return line.badInput(error);
        interval = profile->cutIntervalS;
    }
    const QJsonObject experiment = builtinExperiment(positional.first(), *interval);
    if (experiment.isEmpty())
        return line.badInput(Tr::tr("No hay un escenario integrado llamado «%1» (%2).")
                                 .arg(positional.first(), builtinScenarioNames().join(QStringLiteral(", "))));
    QTextStream out(stdout);
    out << QJsonDocument(experiment).toJson(QJsonDocument::Indented) << Qt::flush;
    return ExitOk;
}

int runCommand(const QStringList &args)
{
    CommandLine line(QStringLiteral("drill run"),
                     {Tr::tr("--profile ARCHIVO --scenario NOMBRE|ARCHIVO [--format json|text] [--operator NOMBRE] [--store ARCHIVO]")},
                     Tr::tr("Corre un ensayo con fallas en el simulador: vigila el servidor como watch, comprueba el estado "
                            "estable, inyecta las fallas, juzga cada expectativa contra la verdad de referencia y corre "
                            "siempre las reversiones (al final, al abortar, ante un error o una señal). Imprime el diario "
                            "(forma de Chaos Toolkit, con score, expectations y false_positives); el avance va a stderr. "
                            "La base: --store, si no DIFUSOR_STORE, si no la de la consola."));
    line.addOption({{QStringLiteral("profile")}, Tr::tr("Perfil de conexión (debe ser de un simulador)."), Tr::tr("ARCHIVO")});
    line.addOption({{QStringLiteral("scenario")}, Tr::tr("Escenario: un nombre integrado o un archivo."), Tr::tr("NOMBRE|ARCHIVO")});
    line.addOption({{QStringLiteral("format")}, Tr::tr("json o text."), Tr::tr("FORMATO"), QStringLiteral("text")});
    line.addOption({{QStringLiteral("operator")}, Tr::tr("Quién conduce el simulacro (predeterminado: el usuario)."), Tr::tr("NOMBRE")});
    line.addOption({{QStringLiteral("store")}, Tr::tr("Base de datos de la consola."), Tr::tr("ARCHIVO")});
    line.setExitCode(ExitOk, Tr::tr("todo lo esperado se cumplió, sin falsas alarmas"));
    line.setExitCode(ExitFailed, Tr::tr("el simulacro corrió y algo no se cumplió (o se abortó, o no se pudo guardar)"));
    line.setExitCode(ExitBadInput, Tr::tr("entrada no válida o rechazo: un escenario no válido, un escenario con fallas "
                                          "en un perfil que no es de un simulador (nada se ejecutó)"));
    line.setExitCode(ExitUnreachable, QString());
    if (const auto code = line.parse(args))
        return *code;
    QTextStream out(stdout);
    QTextStream err(stderr);
    auto usageError = [&line](const QString &message) { return line.badInput(message); };
    QString error;
    const auto formatChoice = line.choiceValue(QStringLiteral("format"), {QStringLiteral("json"), QStringLiteral("text")}, &error);
    if (!formatChoice)
        return usageError(error);
    const QString format = *formatChoice;
    if (!line.positionalArguments().isEmpty())
        return usageError(Tr::tr("Argumento de más: %1").arg(line.positionalArguments().first()));
    if (!line.isSet(QStringLiteral("profile")))
        return usageError(Tr::tr("Falta --profile."));
    if (!line.isSet(QStringLiteral("scenario")))
        return usageError(Tr::tr("Falta --scenario (un nombre integrado o un archivo)."));
    const auto profile = Profile::load(line.value(QStringLiteral("profile")), &error);
    if (!profile) {
        err << error << '\n' << Qt::flush;
        return ExitBadInput;
    }

    // The scenario: a built-in name (made for the profile's cut interval), else a file.
    const QString ref = line.value(QStringLiteral("scenario"));
    QStringList errors;
    std::optional<Scenario> scenario;
    if (isBuiltinScenario(ref)) {
        scenario = builtinScenario(ref, profile->cutIntervalS, &errors);
    } else if (QFileInfo(ref).isFile()) {
        scenario = loadScenarioFile(ref, &errors);
    } else {
        return usageError(Tr::tr("«%1» no es un escenario integrado (%2) ni un archivo.")
                              .arg(ref, builtinScenarioNames().join(QStringLiteral(", "))));
    }
    if (!scenario) {
        err << Tr::tr("El escenario %1 no es válido:").arg(ref) << '\n';
        for (const QString &e : std::as_const(errors))
            err << "  " << e << '\n';
        err.flush();
        return ExitBadInput;
    }
    // Refused before anything is opened, connected or injected.
    const QString refused = DrillRunner::refusal(*scenario, *profile);
    if (!refused.isEmpty()) {
        err << refused << '\n' << Qt::flush;
        return ExitBadInput;
    }

    const QString storePath = line.isSet(QStringLiteral("store")) ? line.value(QStringLiteral("store")) : store::defaultStorePath();
    QDir().mkpath(QFileInfo(storePath).absolutePath());

    // SIGINT/SIGTERM: the drill stops, its rollbacks run, its journal is printed.
    QSocketNotifier *notifier = nullptr;
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signalFds) == 0) {
        notifier = new QSocketNotifier(g_signalFds[1], QSocketNotifier::Read);
        struct sigaction sa = {};
        sa.sa_handler = onSignal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        ::sigaction(SIGINT, &sa, nullptr);
        ::sigaction(SIGTERM, &sa, nullptr);
    }

    int exitCode = ExitFailed;
    {
        auto store = std::make_unique<store::StoreThread>();
        auto runner = std::make_unique<DrillRunner>(*scenario, *profile, store.get());
        runner->setOperator(line.isSet(QStringLiteral("operator")) ? line.value(QStringLiteral("operator")) : incidents::defaultActor());
        runner->setScenarioRef(ref);
        QObject context;
        QObject::connect(runner.get(), &DrillRunner::progress, &context, [&err](const QString &message) {
            err << formatMexicoTime(QDateTime::currentDateTimeUtc()) << "  " << message << Qt::endl;
        });
        QObject::connect(runner.get(), &DrillRunner::finished, &context, [&](const QJsonObject &journal, int code) {
            exitCode = code;
            if (format == QLatin1String("json"))
                out << QJsonDocument(journal).toJson(QJsonDocument::Compact) << '\n';
            else
                out << textReport(journal);
            out.flush();
            QCoreApplication::exit(0);
        });
        QObject::connect(store.get(), &store::StoreThread::writeFailed, &context,
                         [&err](const QString &message) { err << message << Qt::endl; });
        QObject::connect(store.get(), &store::StoreThread::opened, &context, [&](bool ok, const QString &message) {
            if (!ok) {
                err << Tr::tr("No se pudo abrir %1: %2").arg(storePath, message) << Qt::endl;
                exitCode = ExitFailed;
                QCoreApplication::exit(0);
                return;
            }
            runner->start();
        });
        if (notifier) {
            QObject::connect(notifier, &QSocketNotifier::activated, &context, [&] {
                char byte = 0;
                const ssize_t got = ::read(g_signalFds[1], &byte, 1);
                Q_UNUSED(got)
                if (runner->isRunning())
                    runner->cancel(Tr::tr("señal recibida"));
            });
        }
        store->open(storePath);
        QCoreApplication::exec();
        runner.reset();
        store.reset(); // drains the queued writes (drill links) before the process ends
    }
    if (notifier) {
        ::signal(SIGINT, SIG_DFL);
        ::signal(SIGTERM, SIG_DFL);
        delete notifier;
        ::close(g_signalFds[0]);
        ::close(g_signalFds[1]);
        g_signalFds[0] = g_signalFds[1] = -1;
    }
    return exitCode;
}

} // namespace

int runDrillCommand(const QStringList &args)
{
    CommandLine line(QStringLiteral("drill"),
                     {Tr::tr("list [--format json|text]"), Tr::tr("show NOMBRE [--cut-interval S]"),
                      Tr::tr("run --profile ARCHIVO --scenario NOMBRE|ARCHIVO [opciones]"),
                      Tr::tr("observe --profile ARCHIVO --name NOMBRE [--from ISO --to ISO | --duration S] [opciones]")},
                     Tr::tr("Simulacros: ensayos con fallas en el simulador, juzgados contra su verdad de referencia, y "
                            "simulacros oficiales de solo observación (observe) en cualquier servidor. Un escenario es un experimento de Chaos Toolkit con el bloque de la consola en "
                            "\"extensions\"."));
    line.addSection(Tr::tr("Órdenes (drill ORDEN --help describe cada una):"),
                    {{QStringLiteral("list"), Tr::tr("Lista los escenarios integrados.")},
                     {QStringLiteral("show"), Tr::tr("Imprime un escenario integrado como archivo de Chaos Toolkit.")},
                     {QStringLiteral("run"), Tr::tr("Corre un escenario en el simulador y lo puntúa.")},
                     {QStringLiteral("observe"), Tr::tr("Simulacro oficial, solo observación, en cualquier servidor: revisión previa, ventana e informe.")}});
    line.stopAtFirstArgument(); // the rest is the sub-command's
    line.setExitCode(ExitOk, Tr::tr("run: todo lo esperado se cumplió; list, show: se imprimió"));
    line.setExitCode(ExitFailed, Tr::tr("run: el simulacro corrió y algo no se cumplió"));
    line.setExitCode(ExitBadInput, Tr::tr("entrada no válida o rechazo (nada se ejecutó)"));
    line.setExitCode(ExitUnreachable, Tr::tr("observe: no se pudo conectar con el servidor"));
    if (const auto code = line.parse(args))
        return *code;
    const QStringList rest = line.positionalArguments();
    if (rest.isEmpty())
        return line.badInput(Tr::tr("Falta la orden: list, show, run u observe."));
    const QString sub = rest.first();
    if (sub == QLatin1String("list"))
        return listCommand(rest.mid(1));
    if (sub == QLatin1String("show"))
        return showCommand(rest.mid(1));
    if (sub == QLatin1String("run"))
        return runCommand(rest.mid(1));
    if (sub == QLatin1String("observe"))
        return runObserveCommand(rest.mid(1));
    return line.badInput(Tr::tr("Orden desconocida: %1").arg(sub));
}

} // namespace difusor::drills
