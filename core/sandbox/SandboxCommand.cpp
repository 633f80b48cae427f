#include "SandboxCommand.h"

#include "ControlChannel.h"
#include "Faults.h"
#include "Sandbox.h"
#include "common/CommandLine.h"
#include "common/Profile.h"
#include "common/Tr.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QTextStream>
#include <QTimer>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace difusor::sandbox {

namespace {

int g_signalFds[2] = {-1, -1};

void onSignal(int signal)
{
    const char byte = char(signal);
    const ssize_t written = ::write(g_signalFds[0], &byte, 1); // async-signal-safe
    Q_UNUSED(written)
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

int runSandbox(const QStringList &args)
{
    CommandLine line(QStringLiteral("sandbox run"), {Tr::tr("[opciones]")},
                     Tr::tr("Corre el difusor de prueba por su cuenta, sin privilegios: sshd, nginx y rsync en "
                            "127.0.0.1, un publicador que copia un corte nuevo cada intervalo y visitantes simulados. "
                            "Imprime la verdad de referencia (cada corte y cuándo lo mostró cada sitio) en líneas "
                            "JSON por la salida estándar y su avance por la de errores; se detiene con SIGINT, SIGTERM "
                            "o SIGHUP. Necesita ssh-keygen, sshd, nginx y rsync."));
    line.addOption({{QStringLiteral("cut-interval")}, Tr::tr("Segundos entre cortes (al menos 1)."), QStringLiteral("S"),
                    QStringLiteral("60")});
    line.addOption({{QStringLiteral("duration")}, Tr::tr("Se detiene tras S segundos; 0: hasta una señal."), QStringLiteral("S"),
                    QStringLiteral("0")});
    line.addOption({{QStringLiteral("visitors")}, Tr::tr("Visitantes simulados por segundo; 0 sin visitantes."),
                    QStringLiteral("N"), QStringLiteral("30")});
    line.addOption({{QStringLiteral("push-delay")},
                    Tr::tr("Retraso del envío del PREP oficial a nuestro sitio, en segundos."), QStringLiteral("S"),
                    QStringLiteral("2")});
    line.addOption({{QStringLiteral("profile-out")},
                    Tr::tr("Escribe ahí el perfil del simulador (siempre está también en profile.json de su carpeta)."),
                    Tr::tr("ARCHIVO")});
    line.addOption({{QStringLiteral("keep")}, Tr::tr("Conserva la carpeta del simulador al detenerse.")});
    line.setExitCode(ExitOk, Tr::tr("se detuvo por una señal o por --duration"));
    line.setExitCode(ExitFailed, Tr::tr("el simulador no pudo arrancar (falta sshd, nginx o rsync, un puerto ocupado)"));
    line.setExitCode(ExitBadInput, Tr::tr("entrada no válida: una opción desconocida, un valor no válido"));
    line.setExitCode(ExitUnreachable, QString()); // it talks to no server
    if (const auto code = line.parse(args))
        return *code;

    SandboxOptions options;
    QString error;
    constexpr int Day = 24 * 3600;
    const auto cutInterval = line.intValue(QStringLiteral("cut-interval"), 1, Day, &error);
    const auto duration = cutInterval ? line.intValue(QStringLiteral("duration"), 0, 24 * Day, &error) : std::nullopt;
    const auto visitors = duration ? line.doubleValue(QStringLiteral("visitors"), 0, 100000, &error) : std::nullopt;
    const auto pushDelay = visitors ? line.doubleValue(QStringLiteral("push-delay"), 0, 3600, &error) : std::nullopt;
    if (!pushDelay)
        return line.badInput(error);
    if (!line.positionalArguments().isEmpty())
        return line.badInput(Tr::tr("Argumento de más: %1").arg(line.positionalArguments().first()));
    options.cutIntervalS = *cutInterval;
    options.visitorsPerSecond = *visitors;
    options.pushDelayMs = int(*pushDelay * 1000);
    options.profileOut = line.value(QStringLiteral("profile-out"));
    options.keepStateDir = line.isSet(QStringLiteral("keep"));
    const int durationS = *duration;

    // SIGINT/SIGTERM: a byte through a socket pair wakes the event loop, which stops the sandbox cleanly.
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signalFds) != 0) {
        err() << Tr::tr("No se pudo preparar el manejo de señales.") << Qt::endl;
        return ExitFailed;
    }
    QSocketNotifier notifier(g_signalFds[1], QSocketNotifier::Read);
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGHUP, &action, nullptr);

    Sandbox sandbox(options);
    QElapsedTimer stopClock;
    int exitCode = 0;
    QObject::connect(&notifier, &QSocketNotifier::activated, &sandbox, [&sandbox, &stopClock] {
        char byte = 0;
        const ssize_t got = ::read(g_signalFds[1], &byte, 1);
        Q_UNUSED(got)
        if (stopClock.isValid())
            return;
        err() << Tr::tr("Señal recibida: deteniendo el simulador…") << Qt::endl;
        stopClock.start();
        sandbox.stop();
    });
    QObject::connect(&sandbox, &Sandbox::progress, &sandbox, [](const QString &message) { err() << message << Qt::endl; });
    QObject::connect(&sandbox, &Sandbox::groundTruthEvent, &sandbox, [](const QJsonObject &record) {
        out() << QJsonDocument(record).toJson(QJsonDocument::Compact) << Qt::endl;
    });
    QObject::connect(&sandbox, &Sandbox::ready, &sandbox, [&sandbox, &stopClock, durationS, &options] {
        err() << Tr::tr("Perfil: %1").arg(options.profileOut.isEmpty() ? sandbox.stateDir() + QStringLiteral("/profile.json")
                                                                        : options.profileOut)
              << Qt::endl;
        err() << Tr::tr("Sitio del difusor: %1  PREP oficial: %2").arg(sandbox.profile().difusorUrl, sandbox.profile().officialUrl)
              << Qt::endl;
        if (durationS > 0) {
            QTimer::singleShot(durationS * 1000, &sandbox, [&sandbox, &stopClock] {
                if (!stopClock.isValid()) {
                    stopClock.start();
                    sandbox.stop();
                }
            });
        }
    });
    QObject::connect(&sandbox, &Sandbox::failed, &sandbox, [&exitCode](const QString &message) {
        err() << message << Qt::endl;
        exitCode = ExitFailed;
        QCoreApplication::exit(ExitFailed);
    });
    QObject::connect(&sandbox, &Sandbox::stopped, &sandbox, [&stopClock] {
        err() << Tr::tr("Simulador detenido en %1 ms.").arg(stopClock.isValid() ? stopClock.elapsed() : 0) << Qt::endl;
        QCoreApplication::exit(0);
    });
    sandbox.start();
    const int loopCode = QCoreApplication::exec();
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    ::signal(SIGHUP, SIG_DFL);
    return exitCode != 0 ? exitCode : loopCode;
}

int injectFault(const QStringList &args)
{
    CommandLine line(QStringLiteral("sandbox fault"), {Tr::tr("--profile ARCHIVO FALLA [NÚMERO] [opciones]")},
                     Tr::tr("Inyecta una falla en el simulador en marcha de ese perfil: un corte tardío u omitido, el "
                            "sitio caído, un pico de tráfico, el reloj desfasado, la rotación del registro… "
                            "(sandbox faults las lista). Cada opción vale para las fallas que la usan; las demás la "
                            "ignoran."));
    line.addOption({{QStringLiteral("profile")}, Tr::tr("El perfil que escribió sandbox run (obligatoria)."),
                    Tr::tr("ARCHIVO")});
    line.addOption({{QStringLiteral("duration")}, Tr::tr("Cuánto dura la falla, en segundos."), QStringLiteral("S")});
    line.addOption({{QStringLiteral("delay")}, Tr::tr("Retraso del corte tardío, en segundos."), QStringLiteral("S")});
    line.addOption({{QStringLiteral("factor")}, Tr::tr("Cuántas veces se multiplican los visitantes en el pico."),
                    QStringLiteral("N")});
    line.addOption({{QStringLiteral("offset")}, Tr::tr("Desfase del reloj en segundos; puede ser negativo."),
                    QStringLiteral("S")});
    line.addOption({{QStringLiteral("copytruncate")}, Tr::tr("Rota el registro copiándolo y truncándolo.")});
    line.addOption({{QStringLiteral("reopen")}, Tr::tr("Rota el registro renombrándolo y reabriéndolo (por omisión).")});
    line.addArgument(Tr::tr("FALLA"), Tr::tr("El tipo de falla, p. ej. late_cut, site_down, traffic_spike."));
    line.addArgument(Tr::tr("NÚMERO"), Tr::tr("El argumento principal de la falla: un retraso, un factor, un desfase o una "
                                              "duración (p. ej. late_cut 90)."));
    line.setExitCode(ExitOk, Tr::tr("la falla se aplicó"));
    line.setExitCode(ExitFailed, Tr::tr("el simulador rechazó la falla"));
    line.setExitCode(ExitBadInput, Tr::tr("entrada no válida: una opción o falla desconocida, un valor no válido, un "
                                          "perfil ilegible o que no es de un simulador"));
    line.setExitCode(ExitUnreachable, Tr::tr("no se pudo hablar con el simulador (no está en marcha)"));
    if (const auto code = line.parse(args))
        return *code;
    const QString profilePath = line.value(QStringLiteral("profile"));
    if (profilePath.isEmpty())
        return line.badInput(Tr::tr("Falta --profile."));
    const QStringList positional = line.positionalArguments();
    if (positional.size() > 2)
        return line.badInput(Tr::tr("Argumento de más: %1").arg(positional.at(2)));
    // parseFaultArguments() reads the fault's own syntax: KIND [NUMBER] [--name value…].
    QStringList rest = positional;
    for (const char *name : {"duration", "delay", "factor", "offset"}) {
        const QString option = QLatin1String(name);
        if (line.isSet(option))
            rest << QStringLiteral("--") + option << line.value(option);
    }
    if (line.isSet(QStringLiteral("copytruncate")))
        rest << QStringLiteral("--copytruncate");
    if (line.isSet(QStringLiteral("reopen")))
        rest << QStringLiteral("--reopen");
    QString error;
    const auto profile = Profile::load(profilePath, &error);
    if (!profile) {
        err() << error << Qt::endl;
        return ExitBadInput;
    }
    const QString control = profile->extra.value(QStringLiteral("sandbox_control")).toString();
    if (control.isEmpty()) {
        err() << Tr::tr("El perfil %1 no es de un simulador en marcha (falta \"sandbox_control\").").arg(profilePath) << Qt::endl;
        return ExitBadInput;
    }
    const auto fault = parseFaultArguments(rest, &error);
    if (!fault)
        return line.badInput(error);
    ControlClient client;
    int code = ExitFailed;
    QObject::connect(&client, &ControlClient::answered, &client, [&code](const QJsonObject &reply) {
        if (reply.value(QStringLiteral("ok")).toBool()) {
            out() << QJsonDocument(reply.value(QStringLiteral("fault")).toObject()).toJson(QJsonDocument::Compact) << Qt::endl;
            code = ExitOk;
        } else {
            err() << reply.value(QStringLiteral("error")).toString() << Qt::endl;
        }
        QCoreApplication::exit(0);
    });
    QObject::connect(&client, &ControlClient::failed, &client, [&code](const QString &message) {
        err() << message << Qt::endl;
        code = ExitUnreachable;
        QCoreApplication::exit(0);
    });
    client.send(control, faultRequest(fault->first, fault->second));
    QCoreApplication::exec();
    return code;
}

// A drill's rollback: every fault in progress in the running sandbox ends now.
int endFaults(const QStringList &args)
{
    CommandLine line(QStringLiteral("sandbox end-faults"), {Tr::tr("--profile ARCHIVO")},
                     Tr::tr("Termina ya todas las fallas en curso del simulador en marcha de ese perfil (la reversión de "
                            "un simulacro): las que tienen duración se deshacen, las que esperaban su corte se cancelan. "
                            "Imprime las que terminó."));
    line.addOption({{QStringLiteral("profile")}, Tr::tr("El perfil que escribió sandbox run (obligatoria)."),
                    Tr::tr("ARCHIVO")});
    line.setExitCode(ExitOk, Tr::tr("las fallas en curso terminaron (o no había ninguna)"));
    line.setExitCode(ExitFailed, Tr::tr("el simulador rechazó la petición"));
    line.setExitCode(ExitBadInput, Tr::tr("entrada no válida: una opción desconocida, un perfil ilegible o que no es de un simulador"));
    line.setExitCode(ExitUnreachable, Tr::tr("no se pudo hablar con el simulador (no está en marcha)"));
    if (const auto code = line.parse(args))
        return *code;
    const QString profilePath = line.value(QStringLiteral("profile"));
    if (profilePath.isEmpty())
        return line.badInput(Tr::tr("Falta --profile."));
    if (!line.positionalArguments().isEmpty())
        return line.badInput(Tr::tr("Argumento de más: %1").arg(line.positionalArguments().first()));
    QString error;
    const auto profile = Profile::load(profilePath, &error);
    if (!profile) {
        err() << error << Qt::endl;
        return ExitBadInput;
    }
    const QString control = profile->extra.value(QStringLiteral("sandbox_control")).toString();
    if (control.isEmpty()) {
        err() << Tr::tr("El perfil %1 no es de un simulador en marcha (falta \"sandbox_control\").").arg(profilePath) << Qt::endl;
        return ExitBadInput;
    }
    ControlClient client;
    int code = ExitFailed;
    QObject::connect(&client, &ControlClient::answered, &client, [&code](const QJsonObject &reply) {
        if (reply.value(QStringLiteral("ok")).toBool()) {
            out() << QJsonDocument(QJsonObject{{QStringLiteral("ended"), reply.value(QStringLiteral("ended"))}})
                         .toJson(QJsonDocument::Compact)
                  << Qt::endl;
            code = ExitOk;
        } else {
            err() << reply.value(QStringLiteral("error")).toString() << Qt::endl;
        }
        QCoreApplication::exit(0);
    });
    QObject::connect(&client, &ControlClient::failed, &client, [&code](const QString &message) {
        err() << message << Qt::endl;
        code = ExitUnreachable;
        QCoreApplication::exit(0);
    });
    client.send(control, QJsonObject{{QStringLiteral("request"), QStringLiteral("end_faults")}});
    QCoreApplication::exec();
    return code;
}

int listFaults(const QStringList &args)
{
    CommandLine line(QStringLiteral("sandbox faults"), {QString()},
                     Tr::tr("Lista las fallas que sandbox fault puede inyectar, sus argumentos y qué hace cada una."));
    line.setExitCode(ExitOk, Tr::tr("la lista se imprimió"));
    line.setExitCode(ExitFailed, QString());
    line.setExitCode(ExitBadInput, Tr::tr("entrada no válida: una opción desconocida, un argumento de más"));
    line.setExitCode(ExitUnreachable, QString());
    if (const auto code = line.parse(args))
        return *code;
    if (!line.positionalArguments().isEmpty())
        return line.badInput(Tr::tr("Argumento de más: %1").arg(line.positionalArguments().first()));
    for (const FaultDescription &f : Sandbox::faults())
        out() << f.id << (f.arguments.isEmpty() ? QString() : QLatin1Char(' ') + f.arguments) << "\t" << f.title << ": "
              << f.description << Qt::endl;
    return ExitOk;
}

} // namespace

int runSandboxCommand(const QStringList &args)
{
    CommandLine line(QStringLiteral("sandbox"),
                     {Tr::tr("run [opciones]"), Tr::tr("fault --profile ARCHIVO FALLA [ARGUMENTOS]"),
                      Tr::tr("end-faults --profile ARCHIVO"), QStringLiteral("faults")},
                     Tr::tr("El difusor de prueba: un ensayo con sshd, nginx y rsync reales en 127.0.0.1, un "
                            "publicador y visitantes simulados, y fallas a pedido."));
    line.addSection(Tr::tr("Órdenes (sandbox ORDEN --help describe cada una):"),
                    {{QStringLiteral("run"), Tr::tr("Corre el simulador hasta una señal o --duration.")},
                     {QStringLiteral("fault"), Tr::tr("Inyecta una falla en un simulador en marcha.")},
                     {QStringLiteral("end-faults"), Tr::tr("Termina ya las fallas en curso (la reversión de un simulacro).")},
                     {QStringLiteral("faults"), Tr::tr("Lista las fallas.")}});
    line.stopAtFirstArgument(); // the rest is the sub-command's
    line.setExitCode(ExitOk, Tr::tr("run: se detuvo por una señal o por --duration; fault: la falla se aplicó"));
    line.setExitCode(ExitFailed, Tr::tr("run: el simulador no pudo arrancar; fault: el simulador rechazó la falla"));
    line.setExitCode(ExitUnreachable, Tr::tr("fault: no se pudo hablar con el simulador (no está en marcha)"));
    if (const auto code = line.parse(args))
        return *code;
    const QStringList rest = line.positionalArguments();
    if (rest.isEmpty())
        return line.badInput(Tr::tr("Falta la orden: run, fault, end-faults o faults."));
    const QString sub = rest.first();
    if (sub == QLatin1String("run"))
        return runSandbox(rest.mid(1));
    if (sub == QLatin1String("fault"))
        return injectFault(rest.mid(1));
    if (sub == QLatin1String("faults"))
        return listFaults(rest.mid(1));
    if (sub == QLatin1String("end-faults"))
        return endFaults(rest.mid(1));
    return line.badInput(Tr::tr("Orden desconocida: %1").arg(sub));
}

} // namespace difusor::sandbox
