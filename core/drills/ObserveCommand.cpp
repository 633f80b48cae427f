#include "ObserveCommand.h"

#include "Simulacro.h"

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
#include <QRegularExpression>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTextStream>

#include <cmath>
#include <csignal>
#include <memory>
#include <sys/socket.h>
#include <unistd.h>

namespace difusor::drills {

namespace {

int g_observeSignalFds[2] = {-1, -1};

void onObserveSignal(int signal)
{
    const char byte = char(signal);
    const ssize_t written = ::write(g_observeSignalFds[0], &byte, 1); // async-signal-safe
    Q_UNUSED(written)
}

QString mx(const QJsonValue &iso)
{
    const QDateTime t = QDateTime::fromString(iso.toString(), Qt::ISODateWithMs);
    return t.isValid() ? formatMexicoTime(t.toUTC()) : QStringLiteral("—");
}

QString num(const QJsonValue &v, int decimals = 1)
{
    if (!v.isDouble())
        return QStringLiteral("—");
    const double d = v.toDouble();
    return d == std::floor(d) ? QString::number(qint64(d)) : QString::number(d, 'f', decimals);
}

} // namespace

QDateTime parseWindowTime(const QString &text)
{
    const QString t = text.trimmed();
    QDateTime parsed = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!parsed.isValid())
        parsed = QDateTime::fromString(t, Qt::ISODate);
    if (!parsed.isValid())
        return {};
    // No offset and no "Z": the technician's clock, Central Mexico time (UTC-6).
    const bool hasZone = t.endsWith(QLatin1Char('Z'), Qt::CaseInsensitive)
                         || QRegularExpression(QStringLiteral("[+-]\\d\\d(:?\\d\\d)?$")).match(t.section(QLatin1Char('T'), 1)).hasMatch();
    if (!hasZone)
        parsed = QDateTime(parsed.date(), parsed.time(), mexicoCentralZone());
    return parsed.toUTC();
}

QString observeReportText(const QJsonObject &r)
{
    QString out;
    QTextStream t(&out);
    const QJsonObject drill = r.value(QStringLiteral("drill")).toObject();
    const QJsonObject window = r.value(QStringLiteral("window")).toObject();
    t << Tr::tr("Simulacro %1 «%2» en %3 (solo observación): %4")
             .arg(drill.value(QStringLiteral("id")).toVariant().toString(), drill.value(QStringLiteral("name")).toString(),
                  drill.value(QStringLiteral("profile")).toString(), r.value(QStringLiteral("status")).toString())
      << '\n';
    if (r.contains(QStringLiteral("error")))
        t << "  " << r.value(QStringLiteral("error")).toString() << '\n';
    if (r.contains(QStringLiteral("abort_reason")))
        t << "  " << Tr::tr("Detenido: %1").arg(r.value(QStringLiteral("abort_reason")).toString()) << '\n';
    if (!window.isEmpty())
        t << "  " << Tr::tr("Ventana %1 – %2; observado %3 – %4")
                         .arg(mx(window.value(QStringLiteral("start"))), mx(window.value(QStringLiteral("end"))),
                              mx(window.value(QStringLiteral("observed_from"))), mx(window.value(QStringLiteral("observed_until"))))
          << '\n';
    t << Tr::tr("Revisión previa:") << '\n';
    for (const QJsonValue &v : r.value(QStringLiteral("preflight")).toObject().value(QStringLiteral("items")).toArray()) {
        const QJsonObject i = v.toObject();
        t << "  [" << i.value(QStringLiteral("verdict")).toString() << "] " << i.value(QStringLiteral("title")).toString() << " — "
          << i.value(QStringLiteral("evidence")).toString() << '\n';
    }
    if (r.contains(QStringLiteral("cuts"))) {
        const QJsonObject c = r.value(QStringLiteral("cuts")).toObject();
        t << Tr::tr("Cortes: %1 esperados, %2 recibidos, %3 tarde, %4 faltantes, %5 hacia atrás, %6 ilegibles")
                 .arg(num(c.value(QStringLiteral("expected")), 0), num(c.value(QStringLiteral("received")), 0),
                      num(c.value(QStringLiteral("late")), 0), num(c.value(QStringLiteral("missing")), 0),
                      num(c.value(QStringLiteral("backwards")), 0), num(c.value(QStringLiteral("unreadable")), 0))
          << '\n';
        const QJsonObject l = r.value(QStringLiteral("lag")).toObject();
        const QJsonValue passed = l.value(QStringLiteral("passed"));
        t << Tr::tr("Retraso de publicación (límite %1 s): p50 %2 s, p95 %3 s, máx. %4 s en %5 cortes; %6 sobre el límite, %7 sin publicar — %8")
                 .arg(num(l.value(QStringLiteral("limit_s")), 0), num(l.value(QStringLiteral("p50_s"))), num(l.value(QStringLiteral("p95_s"))),
                      num(l.value(QStringLiteral("max_s"))), num(l.value(QStringLiteral("measured")), 0),
                      num(l.value(QStringLiteral("over_limit")), 0), num(l.value(QStringLiteral("unpublished")), 0),
                      passed.isBool() ? (passed.toBool() ? Tr::tr("cumple") : Tr::tr("NO CUMPLE")) : Tr::tr("sin medir"))
          << '\n';
        const QJsonObject inc = r.value(QStringLiteral("incidents")).toObject();
        t << Tr::tr("Incidentes: %1 (%2 sin resolver)").arg(num(inc.value(QStringLiteral("count")), 0), num(inc.value(QStringLiteral("open")), 0))
          << '\n';
        for (const QJsonValue &v : inc.value(QStringLiteral("list")).toArray()) {
            const QJsonObject i = v.toObject();
            t << "  " << i.value(QStringLiteral("kind")).toString() << " " << i.value(QStringLiteral("title")).toString() << ": "
              << Tr::tr("detectado %1 (%2 s), reconocido %3 s, resuelto %4 s")
                     .arg(mx(i.value(QStringLiteral("detected_at"))), num(i.value(QStringLiteral("ttd_s"))),
                          num(i.value(QStringLiteral("tta_s"))), num(i.value(QStringLiteral("ttr_s"))))
              << '\n';
        }
        for (const QJsonValue &v : inc.value(QStringLiteral("open_at_start")).toArray()) {
            const QJsonObject i = v.toObject();
            t << "  " << Tr::tr("[abierto al empezar] %1 %2: detectado %3, resuelto %4")
                             .arg(i.value(QStringLiteral("kind")).toString(), i.value(QStringLiteral("title")).toString(),
                                  mx(i.value(QStringLiteral("detected_at"))), mx(i.value(QStringLiteral("resolved_at"))))
              << '\n';
        }
        const QJsonObject tr = r.value(QStringLiteral("traffic")).toObject();
        t << Tr::tr("Tráfico: pico %1 solicitudes/s (%2), %3 solicitudes/min (%4); %5 solicitudes (más %6 de la consola)")
                 .arg(num(tr.value(QStringLiteral("peak_rps")), 0), mx(tr.value(QStringLiteral("peak_second"))),
                      num(tr.value(QStringLiteral("peak_rpm")), 0), mx(tr.value(QStringLiteral("peak_minute"))),
                      num(tr.value(QStringLiteral("requests")), 0), num(tr.value(QStringLiteral("console_requests")), 0))
          << '\n';
    }
    const QJsonObject cmp = r.value(QStringLiteral("comparison")).toObject();
    if (!cmp.isEmpty()) {
        t << Tr::tr("Comparado con el simulacro %1 (%2):").arg(num(cmp.value(QStringLiteral("drill_id")), 0), mx(cmp.value(QStringLiteral("started_at"))))
          << '\n';
        const QJsonObject figures = cmp.value(QStringLiteral("figures")).toObject();
        for (auto it = figures.begin(); it != figures.end(); ++it) {
            const QJsonObject f = it.value().toObject();
            t << "  " << it.key() << ": " << num(f.value(QStringLiteral("previous")), 2) << " → " << num(f.value(QStringLiteral("now")), 2)
              << " (" << num(f.value(QStringLiteral("delta")), 2) << ")\n";
        }
    }
    t << Tr::tr("Horas en tiempo del centro de México (UTC-6).") << '\n';
    return out;
}

int runObserveCommand(const QStringList &args)
{
    CommandLine line(QStringLiteral("drill observe"),
                     {Tr::tr("--profile ARCHIVO --name NOMBRE [--from ISO --to ISO | --duration S] [--format json|text] "
                             "[--operator NOMBRE] [--store ARCHIVO]")},
                     Tr::tr("Simulacro oficial, solo observación, en el servidor del perfil (cualquiera: nunca inyecta ni "
                            "termina fallas). Antes de empezar, una revisión previa con un veredicto cada punto (revisión "
                            "de infraestructura, carpeta vigilada, último corte en nuestro sitio, sitio que responde, "
                            "desfase del reloj, PREP oficial); sus fallas se registran y el simulacro sigue. Durante la "
                            "ventana, los incidentes se ligan al simulacro; al final, el informe: cortes esperados y "
                            "recibidos, tarde, faltantes, hacia atrás, retraso p50/p95/máx. contra 60 s, incidentes con "
                            "tiempos de detección, reconocimiento y resolución, pico de tráfico y la comparación con el "
                            "simulacro anterior del mismo servidor. Ventana predeterminada: la siguiente fecha oficial "
                            "(19 o 26 de mayo de 2024, 18:00 a 24:00 UTC-6). El avance va a stderr, el informe a stdout."));
    line.addOption({{QStringLiteral("profile")}, Tr::tr("Perfil de conexión."), Tr::tr("ARCHIVO")});
    line.addOption({{QStringLiteral("name")}, Tr::tr("Nombre del simulacro."), Tr::tr("NOMBRE")});
    line.addOption({{QStringLiteral("from")}, Tr::tr("Inicio de la ventana, ISO 8601 (sin zona: UTC-6)."), QStringLiteral("ISO")});
    line.addOption({{QStringLiteral("to")}, Tr::tr("Fin de la ventana, ISO 8601 (sin zona: UTC-6)."), QStringLiteral("ISO")});
    line.addOption({{QStringLiteral("duration")}, Tr::tr("Ventana de S segundos desde ahora (un ensayo)."), QStringLiteral("S")});
    line.addOption({{QStringLiteral("format")}, Tr::tr("json o text."), Tr::tr("FORMATO"), QStringLiteral("text")});
    line.addOption({{QStringLiteral("operator")}, Tr::tr("Quién conduce el simulacro (predeterminado: el usuario)."), Tr::tr("NOMBRE")});
    line.addOption({{QStringLiteral("store")}, Tr::tr("Base de datos de la consola."), Tr::tr("ARCHIVO")});
    line.addOption({{QStringLiteral("preflight-timeout")}, Tr::tr("Segundos como máximo para la revisión previa."),
                    QStringLiteral("S"), QStringLiteral("30")});
    line.setExitCode(ExitOk, Tr::tr("la revisión previa y la regla del minuto se cumplieron"));
    line.setExitCode(ExitFailed, Tr::tr("un punto de la revisión previa falló, o una cifra rompió la regla de 60 s (o se "
                                        "detuvo, o no se pudo guardar)"));
    line.setExitCode(ExitBadInput, Tr::tr("entrada no válida: una ventana que no es válida o ya terminó, un perfil ilegible"));
    line.setExitCode(ExitUnreachable, Tr::tr("no se pudo conectar con el servidor"));
    if (const auto code = line.parse(args))
        return *code;
    QTextStream out(stdout);
    QTextStream err(stderr);
    QString error;
    const auto format = line.choiceValue(QStringLiteral("format"), {QStringLiteral("json"), QStringLiteral("text")}, &error);
    if (!format)
        return line.badInput(error);
    if (!line.positionalArguments().isEmpty())
        return line.badInput(Tr::tr("Argumento de más: %1").arg(line.positionalArguments().first()));
    if (!line.isSet(QStringLiteral("profile")))
        return line.badInput(Tr::tr("Falta --profile."));
    if (!line.isSet(QStringLiteral("name")) || line.value(QStringLiteral("name")).trimmed().isEmpty())
        return line.badInput(Tr::tr("Falta --name (el nombre del simulacro)."));
    const auto timeout = line.intValue(QStringLiteral("preflight-timeout"), 1, 600, &error);
    if (!timeout)
        return line.badInput(error);

    // The window: --from/--to, or --duration from now, or the next official date.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ObserveWindow window;
    const bool fromTo = line.isSet(QStringLiteral("from")) || line.isSet(QStringLiteral("to"));
    if (fromTo && line.isSet(QStringLiteral("duration")))
        return line.badInput(Tr::tr("--duration no va con --from/--to."));
    if (fromTo) {
        if (!line.isSet(QStringLiteral("from")) || !line.isSet(QStringLiteral("to")))
            return line.badInput(Tr::tr("--from y --to van juntos."));
        window.startUtc = parseWindowTime(line.value(QStringLiteral("from")));
        window.endUtc = parseWindowTime(line.value(QStringLiteral("to")));
        window.source = QStringLiteral("custom");
        if (!window.startUtc.isValid())
            return line.badInput(Tr::tr("--from no es una fecha ISO 8601: %1").arg(line.value(QStringLiteral("from"))));
        if (!window.endUtc.isValid())
            return line.badInput(Tr::tr("--to no es una fecha ISO 8601: %1").arg(line.value(QStringLiteral("to"))));
        if (window.endUtc <= window.startUtc)
            return line.badInput(Tr::tr("--to debe ser posterior a --from."));
    } else if (line.isSet(QStringLiteral("duration"))) {
        const auto seconds = line.intValue(QStringLiteral("duration"), 1, 7 * 24 * 3600, &error);
        if (!seconds)
            return line.badInput(error);
        window.startUtc = now;
        window.endUtc = now.addSecs(*seconds);
        window.source = QStringLiteral("duration");
    } else {
        const auto official = nextOfficialWindow(now);
        if (!official)
            return line.badInput(Tr::tr("Las dos fechas oficiales (19 y 26 de mayo de 2024) ya pasaron: indique la ventana "
                                        "(--from y --to, o --duration)."));
        window = *official;
    }
    if (window.endUtc <= now)
        return line.badInput(Tr::tr("La ventana del simulacro ya terminó (%1).").arg(formatMexicoTime(window.endUtc)));

    const auto profile = Profile::load(line.value(QStringLiteral("profile")), &error);
    if (!profile) {
        err << error << '\n' << Qt::flush;
        return ExitBadInput;
    }
    const QString storePath = line.isSet(QStringLiteral("store")) ? line.value(QStringLiteral("store")) : store::defaultStorePath();
    QDir().mkpath(QFileInfo(storePath).absolutePath());

    // SIGINT/SIGTERM: the simulacro stops and its report (what was observed) is printed and kept.
    QSocketNotifier *notifier = nullptr;
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_observeSignalFds) == 0) {
        notifier = new QSocketNotifier(g_observeSignalFds[1], QSocketNotifier::Read);
        struct sigaction sa = {};
        sa.sa_handler = onObserveSignal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        ::sigaction(SIGINT, &sa, nullptr);
        ::sigaction(SIGTERM, &sa, nullptr);
    }

    int exitCode = ExitFailed;
    {
        auto store = std::make_unique<store::StoreThread>();
        auto simulacro = std::make_unique<Simulacro>(*profile, store.get());
        simulacro->setName(line.value(QStringLiteral("name")).trimmed());
        simulacro->setOperator(line.isSet(QStringLiteral("operator")) ? line.value(QStringLiteral("operator")) : incidents::defaultActor());
        simulacro->setWindow(window);
        simulacro->setPreflightTimeoutMs(*timeout * 1000);
        err << Tr::tr("Ventana: %1 – %2").arg(formatMexicoTime(window.startUtc), formatMexicoTime(window.endUtc)) << Qt::endl;
        QObject context;
        QObject::connect(simulacro.get(), &Simulacro::progress, &context, [&err](const QString &message) {
            err << formatMexicoTime(QDateTime::currentDateTimeUtc()) << "  " << message << Qt::endl;
        });
        QObject::connect(simulacro.get(), &Simulacro::finished, &context, [&](const QJsonObject &report, int code) {
            exitCode = code;
            if (*format == QLatin1String("json"))
                out << QJsonDocument(report).toJson(QJsonDocument::Compact) << '\n';
            else
                out << observeReportText(report);
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
            simulacro->start();
        });
        if (notifier) {
            QObject::connect(notifier, &QSocketNotifier::activated, &context, [&] {
                char byte = 0;
                const ssize_t got = ::read(g_observeSignalFds[1], &byte, 1);
                Q_UNUSED(got)
                if (simulacro->isRunning())
                    simulacro->cancel(Tr::tr("señal recibida"));
            });
        }
        store->open(storePath);
        QCoreApplication::exec();
        simulacro.reset();
        store.reset(); // drains the queued writes (links) before the process ends
    }
    if (notifier) {
        ::signal(SIGINT, SIG_DFL);
        ::signal(SIGTERM, SIG_DFL);
        delete notifier;
        ::close(g_observeSignalFds[0]);
        ::close(g_observeSignalFds[1]);
        g_observeSignalFds[0] = g_observeSignalFds[1] = -1;
    }
    return exitCode;
}

} // namespace difusor::drills
