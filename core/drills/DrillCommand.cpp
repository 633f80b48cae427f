#include "DrillCommand.h"

#include "BuiltinScenarios.h"
#include "DrillRunner.h"
#include "Scenario.h"

#include "common/MexicoTime.h"
#include "common/Profile.h"
#include "common/Tr.h"
#include "store/StoreThread.h"

#include <QCommandLineParser>
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

QString defaultStorePath()
{
    const QString fromEnv = qEnvironmentVariable("DIFUSOR_STORE");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/difusor.sqlite");
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

int list(QTextStream &out, const QString &format)
{
    QJsonArray scenarios;
    for (const QString &name : builtinScenarioNames()) {
        const auto scenario = builtinScenario(name, 60);
        if (!scenario)
            continue;
        scenarios.append(QJsonObject{{QStringLiteral("name"), name},
                                     {QStringLiteral("title"), scenario->title},
                                     {QStringLiteral("target"), scenario->target},
                                     {QStringLiteral("faults"), QJsonArray::fromStringList(scenario->faultIds())}});
        if (format != QLatin1String("json"))
            out << name << '\t' << scenario->title << '\t' << scenario->faultIds().join(QStringLiteral(", ")) << '\n';
    }
    if (format == QLatin1String("json"))
        out << QJsonDocument(QJsonObject{{QStringLiteral("scenarios"), scenarios}}).toJson(QJsonDocument::Compact) << '\n';
    out.flush();
    return 0;
}

} // namespace

int runDrillCommand(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Simulacros: ensayos con fallas en el simulador, juzgados contra su verdad de referencia.\n"
               "Códigos de salida: 0 todo lo esperado se cumplió, 1 el simulacro corrió y algo no se cumplió, "
               "2 entrada no válida o rechazo (nada se ejecutó)."));
    parser.addPositionalArgument(QStringLiteral("acción"), Tr::tr("list, show o run"), QStringLiteral("list|show NOMBRE|run"));
    const QCommandLineOption profileOption(QStringLiteral("profile"), Tr::tr("Perfil de conexión (run: debe ser de un simulador)."),
                                           Tr::tr("ARCHIVO"));
    const QCommandLineOption scenarioOption(QStringLiteral("scenario"), Tr::tr("Escenario: un nombre integrado o un archivo."),
                                            Tr::tr("NOMBRE|ARCHIVO"));
    const QCommandLineOption formatOption(QStringLiteral("format"), Tr::tr("json o text."), Tr::tr("FORMATO"), QStringLiteral("text"));
    const QCommandLineOption operatorOption(QStringLiteral("operator"), Tr::tr("Quién conduce el simulacro (predeterminado: el usuario)."),
                                            Tr::tr("NOMBRE"));
    const QCommandLineOption storeOption(QStringLiteral("store"), Tr::tr("Base de datos de la consola."), Tr::tr("ARCHIVO"));
    const QCommandLineOption intervalOption(QStringLiteral("cut-interval"),
                                            Tr::tr("show: segundos reales entre cortes del simulador (predeterminado 60)."),
                                            Tr::tr("S"));
    const QCommandLineOption langOption(QStringLiteral("lang"), Tr::tr("Idioma: es o en."), Tr::tr("IDIOMA"));
    parser.addOptions({profileOption, scenarioOption, formatOption, operatorOption, storeOption, intervalOption, langOption});
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();

    QStringList argv = args;
    argv.prepend(QStringLiteral("difusor-console drill"));
    if (!parser.parse(argv)) {
        err << parser.errorText() << '\n' << parser.helpText() << Qt::flush;
        return 2;
    }
    if (parser.isSet(helpOption)) {
        out << parser.helpText() << Qt::flush;
        return 0;
    }
    if (parser.isSet(versionOption)) {
        out << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion() << '\n' << Qt::flush;
        return 0;
    }
    auto usageError = [&](const QString &message) {
        err << message << '\n' << parser.helpText() << Qt::flush;
        return 2;
    };
    const QString format = parser.value(formatOption);
    if (format != QLatin1String("json") && format != QLatin1String("text"))
        return usageError(Tr::tr("Formato desconocido: %1 (json o text).").arg(format));
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usageError(Tr::tr("Falta la acción: list, show o run."));
    const QString action = positional.first();

    std::optional<Profile> profile;
    if (parser.isSet(profileOption)) {
        QString error;
        profile = Profile::load(parser.value(profileOption), &error);
        if (!profile) {
            err << error << '\n' << Qt::flush;
            return 2;
        }
    }

    if (action == QLatin1String("list")) {
        if (positional.size() > 1)
            return usageError(Tr::tr("Argumento de más: %1").arg(positional.at(1)));
        return list(out, format);
    }
    if (action == QLatin1String("show")) {
        if (positional.size() != 2)
            return usageError(Tr::tr("Falta el nombre del escenario (uno)."));
        int interval = profile ? profile->cutIntervalS : 60;
        if (parser.isSet(intervalOption)) {
            bool ok = false;
            interval = parser.value(intervalOption).toInt(&ok);
            if (!ok || interval < 1 || interval > 3600)
                return usageError(Tr::tr("--cut-interval debe ser un número de segundos entre 1 y 3600."));
        }
        const QJsonObject experiment = builtinExperiment(positional.at(1), interval);
        if (experiment.isEmpty())
            return usageError(Tr::tr("No hay un escenario integrado llamado «%1» (%2).")
                                  .arg(positional.at(1), builtinScenarioNames().join(QStringLiteral(", "))));
        out << QJsonDocument(experiment).toJson(QJsonDocument::Indented) << Qt::flush;
        return 0;
    }
    if (action != QLatin1String("run"))
        return usageError(Tr::tr("Acción desconocida: %1 (list, show o run).").arg(action));
    if (positional.size() > 1)
        return usageError(Tr::tr("Argumento de más: %1").arg(positional.at(1)));
    if (!profile)
        return usageError(Tr::tr("Falta --profile."));
    if (!parser.isSet(scenarioOption))
        return usageError(Tr::tr("Falta --scenario (un nombre integrado o un archivo)."));

    // The scenario: a built-in name (made for the profile's cut interval), else a file.
    const QString ref = parser.value(scenarioOption);
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
        return 2;
    }
    // Refused before anything is opened, connected or injected.
    const QString refused = DrillRunner::refusal(*scenario, *profile);
    if (!refused.isEmpty()) {
        err << refused << '\n' << Qt::flush;
        return 2;
    }

    const QString storePath = parser.isSet(storeOption) ? parser.value(storeOption) : defaultStorePath();
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

    int exitCode = 1;
    {
        auto store = std::make_unique<store::StoreThread>();
        auto runner = std::make_unique<DrillRunner>(*scenario, *profile, store.get());
        runner->setOperator(parser.isSet(operatorOption) ? parser.value(operatorOption) : qEnvironmentVariable("USER"));
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
                exitCode = 1;
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

} // namespace difusor::drills
