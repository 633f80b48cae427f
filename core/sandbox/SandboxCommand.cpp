#include "SandboxCommand.h"

#include "ControlChannel.h"
#include "Faults.h"
#include "Sandbox.h"
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

int usage()
{
    err() << Tr::tr("Uso:\n"
                    "  difusor-console sandbox run [--cut-interval S] [--duration S] [--visitors N] [--profile-out ARCHIVO] [--keep]\n"
                    "  difusor-console sandbox fault --profile ARCHIVO FALLA [ARGUMENTOS]\n"
                    "  difusor-console sandbox faults\n")
          << Qt::flush;
    return 2;
}

bool takeNumber(const QStringList &args, int &i, double &value, double minimum)
{
    if (i + 1 >= args.size())
        return false;
    bool ok = false;
    value = args.at(++i).toDouble(&ok);
    return ok && value >= minimum;
}

int runSandbox(const QStringList &args)
{
    SandboxOptions options;
    int durationS = 0;
    for (int i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        double value = 0;
        if (arg == QLatin1String("--cut-interval") && takeNumber(args, i, value, 1))
            options.cutIntervalS = int(value);
        else if (arg == QLatin1String("--duration") && takeNumber(args, i, value, 1))
            durationS = int(value);
        else if (arg == QLatin1String("--visitors") && takeNumber(args, i, value, 0))
            options.visitorsPerSecond = value;
        else if (arg == QLatin1String("--push-delay") && takeNumber(args, i, value, 0))
            options.pushDelayMs = int(value * 1000);
        else if (arg == QLatin1String("--profile-out") && i + 1 < args.size())
            options.profileOut = args.at(++i);
        else if (arg == QLatin1String("--keep"))
            options.keepStateDir = true;
        else {
            err() << Tr::tr("Argumento no válido: \"%1\".").arg(arg) << Qt::endl;
            return usage();
        }
    }

    // SIGINT/SIGTERM: a byte through a socket pair wakes the event loop, which stops the sandbox cleanly.
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signalFds) != 0) {
        err() << Tr::tr("No se pudo preparar el manejo de señales.") << Qt::endl;
        return 1;
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
        exitCode = 1;
        QCoreApplication::exit(1);
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
    QString profilePath;
    QStringList rest;
    for (int i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--profile") && i + 1 < args.size())
            profilePath = args.at(++i);
        else
            rest << args.at(i);
    }
    if (profilePath.isEmpty())
        return usage();
    QString error;
    const auto profile = Profile::load(profilePath, &error);
    if (!profile) {
        err() << error << Qt::endl;
        return 1;
    }
    const QString control = profile->extra.value(QStringLiteral("sandbox_control")).toString();
    if (control.isEmpty()) {
        err() << Tr::tr("El perfil %1 no es de un simulador en marcha (falta \"sandbox_control\").").arg(profilePath) << Qt::endl;
        return 1;
    }
    const auto fault = parseFaultArguments(rest, &error);
    if (!fault) {
        err() << error << Qt::endl;
        return usage();
    }
    ControlClient client;
    int code = 1;
    QObject::connect(&client, &ControlClient::answered, &client, [&code](const QJsonObject &reply) {
        if (reply.value(QStringLiteral("ok")).toBool()) {
            out() << QJsonDocument(reply.value(QStringLiteral("fault")).toObject()).toJson(QJsonDocument::Compact) << Qt::endl;
            code = 0;
        } else {
            err() << reply.value(QStringLiteral("error")).toString() << Qt::endl;
        }
        QCoreApplication::exit(0);
    });
    QObject::connect(&client, &ControlClient::failed, &client, [](const QString &message) {
        err() << message << Qt::endl;
        QCoreApplication::exit(0);
    });
    client.send(control, faultRequest(fault->first, fault->second));
    QCoreApplication::exec();
    return code;
}

int listFaults()
{
    for (const FaultDescription &f : Sandbox::faults())
        out() << f.id << (f.arguments.isEmpty() ? QString() : QLatin1Char(' ') + f.arguments) << "\t" << f.title << ": "
              << f.description << Qt::endl;
    return 0;
}

} // namespace

int runSandboxCommand(const QStringList &args)
{
    if (args.isEmpty())
        return usage();
    const QString sub = args.first();
    if (sub == QLatin1String("run"))
        return runSandbox(args.mid(1));
    if (sub == QLatin1String("fault"))
        return injectFault(args.mid(1));
    if (sub == QLatin1String("faults"))
        return listFaults();
    return usage();
}

} // namespace difusor::sandbox
