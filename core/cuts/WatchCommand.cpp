#include "WatchCommand.h"

#include "WatchPrinter.h"

#include "CutMonitor.h"
#include "CutSession.h"
#include "CutWatcher.h"
#include "common/CommandLine.h"
#include "common/MexicoTime.h"
#include "common/PrivateFile.h"
#include "common/Profile.h"
#include "common/Tr.h"
#include "checks/CheckRunner.h"
#include "checks/RequirementProfile.h"
#include "incidents/CheckIncidents.h"
#include "incidents/ConnectionWatch.h"
#include "incidents/IncidentJson.h"
#include "metrics/MetricsServer.h"
#include "metrics/ServerMetrics.h"
#include "remote/HeadlessHost.h"
#include "store/StoreThread.h"
#include "traffic/TrafficSession.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QMap>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <limits>
#include <memory>
#include <sys/socket.h>
#include <unistd.h>

namespace difusor::cuts {

namespace {

int g_signalFds[2] = {-1, -1};

void onSignal(int signal)
{
    const char byte = char(signal);
    const ssize_t written = ::write(g_signalFds[0], &byte, 1); // async-signal-safe
    Q_UNUSED(written)
}

QJsonValue isoOrNull(const QDateTime &utc)
{
    return utc.isValid() ? QJsonValue(isoUtc(utc)) : QJsonValue(QJsonValue::Null);
}

struct Options
{
    QStringList profiles; // one or more: each a server of its own
    int durationS = 0;
    QString format;
    QString store;
    QString output;
    int trafficPeriodS = 60;
    int cutWaitS = -1;
    bool trustNewHostKey = false;
    QString metricsListen; // "ADDR:PORT": serve /metrics (OpenMetrics) there; empty: no endpoint
};

void defineOptions(CommandLine &line)
{
    line.addOption({{QStringLiteral("profile")},
                    Tr::tr("Un servidor que vigilar (obligatoria); más de una vez para varios servidores, cada uno "
                           "con su propio nombre."),
                    Tr::tr("ARCHIVO")});
    line.addOption({{QStringLiteral("duration")}, Tr::tr("Termina tras S segundos; 0: hasta SIGINT o SIGTERM."),
                    QStringLiteral("S"), QStringLiteral("0")});
    line.addOption({{QStringLiteral("format")}, Tr::tr("Un objeto JSON por línea, o texto."), QStringLiteral("json|text"),
                    QStringLiteral("text")});
    line.addOption({{QStringLiteral("store")},
                    Tr::tr("La base SQLite de cortes, avistamientos e incidentes. Por omisión: DIFUSOR_STORE, si no "
                           "difusor-watch.sqlite en la carpeta de datos."),
                    Tr::tr("ARCHIVO")});
    line.addOption({{QStringLiteral("output")}, Tr::tr("Escribe las líneas en ARCHIVO (0600) en lugar de la salida estándar."),
                    Tr::tr("ARCHIVO")});
    line.addOption({{QStringLiteral("traffic-period")},
                    Tr::tr("Duración de un periodo de tráfico sobre el access log; 0 deja el registro en paz."),
                    QStringLiteral("S"), QStringLiteral("60")});
    line.addOption({{QStringLiteral("cut-wait")},
                    Tr::tr("Cuánto esperar a que ambos sitios muestren un corte antes de imprimir su línea sin ellos "
                           "(por omisión: el límite de desfase más 5 s)."),
                    QStringLiteral("S")});
    line.addOption({{QStringLiteral("trust-new-host-key")},
                    Tr::tr("Acepta y registra la llave de un servidor que aún no está en known_hosts. Una llave "
                           "cambiada se rechaza igual.")});
    line.addOption({{QStringLiteral("metrics-listen")},
                    Tr::tr("Sirve /metrics (OpenMetrics; Prometheus) en esa dirección; \":PUERTO\" es 127.0.0.1. "
                           "El punto no tiene autenticación."),
                    Tr::tr("DIRECCIÓN:PUERTO")});
    line.setExitCode(ExitOk, Tr::tr("terminó por --duration o por una señal, y se llegó a cada servidor"));
    line.setExitCode(ExitFailed, Tr::tr("no se pudo abrir la base, registrar un servidor en ella o escuchar en "
                                        "--metrics-listen, o nunca se pudo vigilar publication_dir o access_log de un "
                                        "servidor (una línea \"error\" dijo por qué)"));
    line.setExitCode(ExitBadInput, Tr::tr("entrada no válida: una opción desconocida, un valor no válido, un perfil "
                                          "ilegible, dos perfiles con el mismo nombre, un --output que no se puede escribir"));
    line.setExitCode(ExitUnreachable, Tr::tr("no se pudo conectar con algún servidor (inalcanzable, su llave cambió o no se "
                                             "aceptó, acceso denegado); si con ninguno, termina de inmediato"));
}

std::optional<Options> optionsFrom(const CommandLine &line, QString *error)
{
    Options o;
    o.profiles = line.values(QStringLiteral("profile"));
    o.store = line.value(QStringLiteral("store"));
    o.output = line.value(QStringLiteral("output"));
    o.metricsListen = line.value(QStringLiteral("metrics-listen"));
    o.trustNewHostKey = line.isSet(QStringLiteral("trust-new-host-key"));
    if (o.profiles.isEmpty()) {
        *error = Tr::tr("Falta --profile.");
        return std::nullopt;
    }
    constexpr int Day = 24 * 3600;
    const auto format = line.choiceValue(QStringLiteral("format"), {QStringLiteral("json"), QStringLiteral("text")}, error);
    const auto duration = format ? line.intValue(QStringLiteral("duration"), 0, std::numeric_limits<int>::max() / 1000, error)
                                 : std::nullopt;
    const auto trafficPeriod = duration ? line.intValue(QStringLiteral("traffic-period"), 0, Day, error) : std::nullopt;
    if (!trafficPeriod)
        return std::nullopt;
    o.format = *format;
    o.durationS = *duration;
    o.trafficPeriodS = *trafficPeriod;
    if (line.isSet(QStringLiteral("cut-wait"))) {
        const auto cutWait = line.intValue(QStringLiteral("cut-wait"), 0, Day, error);
        if (!cutWait)
            return std::nullopt;
        o.cutWaitS = *cutWait;
    }
    if (!o.metricsListen.isEmpty() && !metrics::MetricsServer::parseListen(o.metricsListen, error))
        return std::nullopt;
    if (!line.positionalArguments().isEmpty()) {
        *error = Tr::tr("Argumento de más: %1").arg(line.positionalArguments().first());
        return std::nullopt;
    }
    return o;
}

} // namespace

QJsonObject watchCutLine(const store::CutRecord &cut)
{
    const std::optional<qint64> lag = cut.lagMs();
    const std::optional<qint64> lagUncertainty = cut.lagUncertaintyMs();
    const std::optional<qint64> served = cut.servedAfterArrivalMs();
    QJsonObject line{{QStringLiteral("type"), QStringLiteral("cut")},
                     {QStringLiteral("cut_time"), isoOrNull(cut.cutTimeUtc)},
                     {QStringLiteral("arrived_at"), isoOrNull(cut.arrivedConsoleUtc)},
                     {QStringLiteral("detected_at"), isoOrNull(cut.detectedUtc)},
                     {QStringLiteral("official_seen_at"), isoOrNull(cut.officialSeenUtc)},
                     {QStringLiteral("difusor_seen_at"), isoOrNull(cut.difusorSeenUtc)},
                     {QStringLiteral("lag_s"), lag ? QJsonValue(double(*lag) / 1000.0) : QJsonValue(QJsonValue::Null)},
                     // lag_s is within ± this of the truth (both sightings' bounds); null: not known.
                     {QStringLiteral("lag_uncertainty_s"), lagUncertainty ? QJsonValue(double(*lagUncertainty) / 1000.0)
                                                                          : QJsonValue(QJsonValue::Null)},
                     {QStringLiteral("package"), cut.package},
                     {QStringLiteral("arrived_server_at"), isoOrNull(cut.arrivedServerUtc)},
                     {QStringLiteral("served_after_arrival_s"),
                      served ? QJsonValue(double(*served) / 1000.0) : QJsonValue(QJsonValue::Null)},
                     {QStringLiteral("size"), cut.size},
                     {QStringLiteral("sha256"), cut.sha256},
                     {QStringLiteral("caught_up"), cut.caughtUp}};
    if (!cut.unreadable.isEmpty())
        line.insert(QStringLiteral("unreadable"), cut.unreadable);
    return line;
}

QJsonObject watchIncidentLine(const store::IncidentUpdate &update)
{
    QJsonObject line = incidents::incidentToJson(update.incident);
    line.remove(QStringLiteral("evidence"));
    line.remove(QStringLiteral("server")); // the printer names the server
    line.insert(QStringLiteral("type"), QStringLiteral("incident"));
    line.insert(QStringLiteral("event"), update.event.type);
    line.insert(QStringLiteral("by"), update.event.actor);
    if (!update.event.text.isEmpty())
        line.insert(QStringLiteral("text"), update.event.text);
    // The names of earlier versions' lines, kept for readers of them.
    line.insert(QStringLiteral("opened_at"), line.value(QStringLiteral("started_at")));
    line.insert(QStringLiteral("closed_at"), line.value(QStringLiteral("resolved_at")));
    return line;
}

QJsonObject watchErrorLine(const QString &subject, const QString &path, const QString &reason)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("error")},
                       {QStringLiteral("subject"), subject},
                       {QStringLiteral("path"), path},
                       {QStringLiteral("reason"), reason},
                       {QStringLiteral("at"), isoUtc(QDateTime::currentDateTimeUtc())}};
}

QJsonObject watchRecoveredLine(const QString &subject, const QString &path)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("recovered")},
                       {QStringLiteral("subject"), subject},
                       {QStringLiteral("path"), path},
                       {QStringLiteral("at"), isoUtc(QDateTime::currentDateTimeUtc())}};
}

namespace {

// One watched server: its host, sessions and printer (cuts are held per server until both sites
// showed them). Every line it prints names the server.
struct Watched
{
    Profile profile;
    std::unique_ptr<remote::RemoteHost> host;
    std::unique_ptr<WatchPrinter> printer;
    std::unique_ptr<metrics::ServerMetrics> metrics;
    std::unique_ptr<checks::CheckRunner> check; // for difusor_check_status: at start, then every 10 min
    std::unique_ptr<QTimer> checkTimer;
    std::unique_ptr<CutSession> cuts;
    std::unique_ptr<traffic::TrafficSession> traffic;
    std::unique_ptr<incidents::ConnectionWatch> connection;
    qint64 serverId = 0;
    bool identifying = false;
    bool started = false;
    bool failed = false;
    bool everConnected = false; // failed before this: the server could not be reached (exit 3)
};

// Started, yet the publication folder or the access log was never once watched.
bool neverWatched(const Watched &w)
{
    return (w.cuts && !w.cuts->everWatched() && !w.cuts->watchFailure().isEmpty())
           || (w.traffic && !w.traffic->everRead() && !w.traffic->watchFailure().isEmpty());
}

} // namespace

int runWatchCommand(const QStringList &args)
{
    CommandLine line(QStringLiteral("watch"), {Tr::tr("--profile ARCHIVO [--profile ARCHIVO…] [opciones]")},
                     Tr::tr("Vigila uno o más servidores e imprime, una línea por evento y cada una con el nombre de "
                            "su servidor, los cortes que llegan (con su desfase frente al PREP oficial), los "
                            "incidentes y el tráfico de cada periodo. Al terminar imprime lo pendiente y detiene lo "
                            "que inició en los servidores."));
    defineOptions(line);
    if (const auto code = line.parse(args))
        return *code;
    QTextStream err(stderr);
    QString error;
    const auto options = optionsFrom(line, &error);
    if (!options)
        return line.badInput(error);
    QList<Profile> profiles;
    for (const QString &path : options->profiles) {
        const auto profile = Profile::load(path, &error);
        if (!profile) {
            err << error << Qt::endl;
            return ExitBadInput;
        }
        for (const Profile &other : std::as_const(profiles)) {
            if (other.name == profile->name || other.identityId() == profile->identityId()) {
                err << Tr::tr("Dos perfiles se llaman igual (%1): cada servidor necesita su propio nombre.")
                           .arg(profile->name)
                    << Qt::endl;
                return ExitBadInput;
            }
        }
        profiles.append(*profile);
    }

    QFile out;
    QString openError; // the lines name servers, cuts and incidents: a file of ours is 0600
    const bool opened = options->output.isEmpty() ? out.open(stdout, QIODevice::WriteOnly)
                                                  : (out.setFileName(options->output),
                                                     openPrivate(out, QIODevice::WriteOnly | QIODevice::Truncate, &openError));
    if (!opened) {
        err << (openError.isEmpty() ? Tr::tr("No se pudo escribir %1: %2").arg(options->output, out.errorString()) : openError)
            << Qt::endl;
        return ExitBadInput;
    }

    QString storePath = options->store;
    if (storePath.isEmpty())
        storePath = qEnvironmentVariable("DIFUSOR_STORE");
    if (storePath.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(dir);
        storePath = dir + QStringLiteral("/difusor-watch.sqlite");
    }

    // SIGINT/SIGTERM end the run cleanly (pending cut lines are printed, remote processes ended).
    QSocketNotifier *notifier = nullptr;
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signalFds) == 0) {
        notifier = new QSocketNotifier(g_signalFds[1], QSocketNotifier::Read);
        struct sigaction action = {};
        action.sa_handler = onSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        ::sigaction(SIGINT, &action, nullptr);
        ::sigaction(SIGTERM, &action, nullptr);
    }

    // Prometheus: every watched server's series on one endpoint, labelled by the profile's name.
    std::unique_ptr<metrics::MetricsRegistry> registry;
    std::unique_ptr<metrics::MetricsServer> metricsServer;
    if (!options->metricsListen.isEmpty()) {
        const auto where = metrics::MetricsServer::parseListen(options->metricsListen);
        registry = std::make_unique<metrics::MetricsRegistry>();
        metrics::ServerMetrics::defineFamilies(registry.get());
        metricsServer = std::make_unique<metrics::MetricsServer>(registry.get());
        if (!metricsServer->listen(where->first, where->second, &error)) {
            err << error << Qt::endl;
            return ExitFailed;
        }
        err << Tr::tr("Métricas para Prometheus en http://%1:%2/metrics")
                   .arg(metricsServer->address().toString())
                   .arg(metricsServer->port())
            << Qt::endl;
    }

    auto store = std::make_unique<store::StoreThread>();
    QObject context; // receiver of every connection below: gone before what they capture
    const bool json = options->format == QLatin1String("json");
    const bool several = profiles.size() > 1;
    std::vector<std::unique_ptr<Watched>> servers;
    for (const Profile &profile : std::as_const(profiles)) {
        auto w = std::make_unique<Watched>();
        w->profile = profile;
        w->host = remote::makeHeadlessHost(profile, options->trustNewHostKey, err);
        const RuleConfig rules = RuleConfig::fromProfile(profile);
        const qint64 cutWaitMs = options->cutWaitS >= 0 ? qint64(options->cutWaitS) * 1000 : rules.maxLagMs + 5000;
        w->printer = std::make_unique<WatchPrinter>(&out, json, cutWaitMs, profile.name, several);
        if (registry) {
            w->metrics = std::make_unique<metrics::ServerMetrics>(registry.get(), profile.name);
            w->metrics->attachHost(w->host.get());
        }
        servers.push_back(std::move(w));
    }

    // 3 when a server could never be reached, else 1 when one failed otherwise (its store), else 0.
    auto failuresCode = [&servers] {
        int code = ExitOk;
        for (const auto &w : servers) {
            if (w->failed)
                code = (!w->everConnected || code == ExitUnreachable) ? ExitUnreachable : ExitFailed;
        }
        return code;
    };
    int exitCode = ExitOk;
    bool finishing = false;
    auto finish = [&](int code) {
        if (finishing)
            return;
        finishing = true;
        exitCode = code == ExitOk ? failuresCode() : code;
        // Never could watch what it was asked to (a wrong publication_dir or access_log): not a success.
        if (exitCode == ExitOk && std::any_of(servers.begin(), servers.end(), [](const auto &w) { return neverWatched(*w); }))
            exitCode = ExitFailed;
        for (auto &w : servers) {
            if (w->cuts)
                w->cuts->stop();
            if (w->traffic)
                w->traffic->stop();
            w->printer->flushAll();
            w->host->disconnectFromHost();
        }
        // Let the store finish the writes already queued (its destructor drains them too).
        QTimer::singleShot(200, &context, [] { QCoreApplication::exit(); });
    };
    auto failOne = [&](Watched *w, const QString &message) {
        err << message << Qt::endl;
        w->failed = true;
        const bool allFailed = std::all_of(servers.begin(), servers.end(), [](const auto &x) { return x->failed; });
        if (allFailed)
            finish(failuresCode());
    };

    // The sessions start once the server is known by its host key: its cuts, incidents and history are
    // its own, never another server's (nor those of an earlier server that used the same profile).
    auto startSessions = [&](Watched *w, const store::ServerStore &serverStore) {
        w->started = true;
        w->serverId = serverStore.server();
        WatchPrinter *p = w->printer.get();
        // The link down longer than 30 s is an incident of its own (connection_lost).
        w->connection = std::make_unique<incidents::ConnectionWatch>(w->host.get(), incidents::IncidentLog(serverStore));
        w->cuts = std::make_unique<CutSession>(w->host.get(), w->profile, serverStore);
        CutMonitor *monitor = w->cuts->monitor();
        QObject::connect(monitor, &CutMonitor::cutRecorded, p, [p](const store::CutRecord &cut) { p->cutRecorded(cut); });
        QObject::connect(monitor, &CutMonitor::sightingRecorded, p,
                         [p, monitor](Site site, const QDateTime &cut, const QDateTime &seen) {
                             p->sighting(site, cut, seen, monitor->probe()->firstSeenUncertaintyMs(site, cut));
                         });
        QObject::connect(monitor, &CutMonitor::storeFailed, p, [&err, p](const QString &message) {
            err << p->prefix() << message << Qt::endl;
        });
        QObject::connect(w->cuts.get(), &CutSession::watcherStateChanged, p,
                         [&err, p](CutSession::WatcherState, const QString &detail) {
                             if (!detail.isEmpty())
                                 err << p->prefix() << Tr::tr("Vigilante de cortes: %1").arg(detail) << Qt::endl;
                         });
        // A path that cannot be watched: one "error" line naming it, a "recovered" line when it can again.
        QObject::connect(w->cuts.get(), &CutSession::watchFailed, p, [p](const QString &path, const QString &reason) {
            p->print(watchErrorLine(QStringLiteral("publication_dir"), path, reason));
        });
        QObject::connect(w->cuts.get(), &CutSession::watchRecovered, p, [p](const QString &path) {
            p->print(watchRecoveredLine(QStringLiteral("publication_dir"), path));
        });
        if (options->trafficPeriodS > 0 && !w->profile.accessLog.isEmpty()) {
            w->traffic = std::make_unique<traffic::TrafficSession>(w->host.get(), w->profile);
            w->traffic->setPeriodSeconds(options->trafficPeriodS);
            w->traffic->setStore(serverStore);
            QObject::connect(w->traffic.get(), &traffic::TrafficSession::periodClosed, p,
                             [p](const QJsonObject &line) { p->print(line); });
            // A silent log is only news while our site answers.
            QObject::connect(monitor, &CutMonitor::ourSiteAnswering, w->traffic.get(), &traffic::TrafficSession::setSiteUp);
            QObject::connect(w->traffic.get(), &traffic::TrafficSession::watchFailed, p,
                             [p](const QString &path, const QString &reason) {
                                 p->print(watchErrorLine(QStringLiteral("access_log"), path, reason));
                             });
            QObject::connect(w->traffic.get(), &traffic::TrafficSession::watchRecovered, p, [p](const QString &path) {
                p->print(watchRecoveredLine(QStringLiteral("access_log"), path));
            });
        }
        if (w->metrics) {
            w->metrics->attachCuts(monitor);
            if (w->traffic)
                w->metrics->attachTraffic(w->traffic.get());
            // The infrastructure check's verdicts as difusor_check_status (one SSH round trip).
            QString reqError;
            if (const auto requirements = checks::RequirementProfile::loadDefault(&reqError)) {
                auto runCheck = [w, requirements = *requirements, p, serverStore] {
                    if (w->check)
                        return;
                    w->check = std::make_unique<checks::CheckRunner>(w->host.get(), w->profile, requirements,
                                                                     w->profile.host == QLatin1String("local"));
                    QObject::connect(w->check.get(), &checks::CheckRunner::finished, p,
                                     [w, serverStore](const checks::CheckReport &report) {
                                         w->metrics->setCheckResults(report.results);
                                         w->check.release()->deleteLater();
                                         // Kept like the window's runs, and judged: a requirement that
                                         // stops passing is a check_failed incident.
                                         const store::CheckRunRecord run =
                                             incidents::checkRunRecord(report, w->profile.name, w->host->displayName());
                                         store::StoreThread *thread = serverStore.thread();
                                         serverStore.post([run, thread](store::Store &s) {
                                             const incidents::SavedCheckRun saved = incidents::saveCheckRun(s, run);
                                             if (!saved.error.isEmpty() || !saved.saved)
                                                 Q_EMIT thread->writeFailed(Tr::tr("No se guardó la verificación: %1").arg(saved.error));
                                         });
                                     });
                    w->check->start();
                };
                w->checkTimer = std::make_unique<QTimer>();
                w->checkTimer->setInterval(10 * 60 * 1000);
                QObject::connect(w->checkTimer.get(), &QTimer::timeout, p, runCheck);
                w->checkTimer->start();
                runCheck();
            } else {
                err << p->prefix() << reqError << Qt::endl;
            }
        }
        p->startClock();
        w->cuts->start();
        if (w->traffic)
            w->traffic->start();
    };

    for (auto &owned : servers) {
        Watched *w = owned.get();
        QObject::connect(w->host.get(), &remote::RemoteHost::stateChanged, &context,
                         [&, w](remote::ConnectionState state, const QString &reason) {
                             if (finishing || w->failed)
                                 return;
                             const QString prefix = w->printer->prefix();
                             if (state == remote::ConnectionState::Connected)
                                 w->everConnected = true;
                             if (state == remote::ConnectionState::Connected && !w->started && !w->identifying) {
                                 w->identifying = true;
                                 store->identify(store::identityOf(w->profile, *w->host), &context,
                                                 [&, w](const store::ServerStore &serverStore, const QString &why) {
                                                     w->identifying = false;
                                                     if (finishing)
                                                         return;
                                                     if (!serverStore.isValid()) {
                                                         failOne(w, prefix + Tr::tr("No se pudo registrar el servidor en %1: %2")
                                                                             .arg(storePath, why));
                                                         return;
                                                     }
                                                     startSessions(w, serverStore);
                                                 });
                             } else if (state == remote::ConnectionState::Failed && !w->started) {
                                 failOne(w, prefix + Tr::tr("No se pudo conectar con %1: %2").arg(w->host->displayName(), reason));
                             } else if (state != remote::ConnectionState::Connected && !reason.isEmpty()) {
                                 err << prefix << remote::connectionStateText(state) << QStringLiteral(": ") << reason << Qt::endl;
                             }
                         });
    }

    // Every incident change of every watched server, once committed (the one incident log): opened,
    // acknowledged, silenced, resolved… (not each observation of a condition already open).
    QObject::connect(store.get(), &store::StoreThread::incidentChanged, &context, [&](const store::IncidentUpdate &u) {
        if (u.event.type == QLatin1String("observation"))
            return;
        for (auto &w : servers) {
            if (w->serverId == u.incident.serverId && w->printer)
                w->printer->print(watchIncidentLine(u));
        }
    });
    QObject::connect(store.get(), &store::StoreThread::writeFailed, &context,
                     [&](const QString &message) { err << message << Qt::endl; });
    QObject::connect(store.get(), &store::StoreThread::opened, &context, [&](bool ok, const QString &message) {
        if (!ok) {
            err << Tr::tr("No se pudo abrir %1: %2").arg(storePath, message) << Qt::endl;
            finish(ExitFailed);
            return;
        }
        for (auto &w : servers)
            w->host->connectToHost();
    });
    if (notifier) {
        QObject::connect(notifier, &QSocketNotifier::activated, &context, [&] {
            char byte = 0;
            const ssize_t got = ::read(g_signalFds[1], &byte, 1);
            Q_UNUSED(got)
            finish(ExitOk);
        });
    }
    if (options->durationS > 0)
        QTimer::singleShot(qint64(options->durationS) * 1000, &context, [&] { finish(ExitOk); });

    store->open(storePath);
    QCoreApplication::exec();

    metricsServer.reset();
    for (auto &w : servers) {
        w->connection.reset();
        w->checkTimer.reset();
        w->check.reset();
        w->metrics.reset();
        w->traffic.reset();
        w->cuts.reset();
        w->printer.reset();
        w->host.reset();
    }
    store.reset();
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

} // namespace difusor::cuts
