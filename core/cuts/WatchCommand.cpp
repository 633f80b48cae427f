#include "WatchCommand.h"

#include "CutMonitor.h"
#include "CutSession.h"
#include "CutWatcher.h"
#include "common/MexicoTime.h"
#include "common/Profile.h"
#include "common/Tr.h"
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

#include <csignal>
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

QString usage()
{
    return Tr::tr("Uso: difusor-console watch --profile ARCHIVO [--duration S] [--format json|text] [--store ARCHIVO]\n"
                  "       [--output ARCHIVO] [--traffic-period S] [--cut-wait S] [--trust-new-host-key]");
}

struct Options
{
    QString profile;
    int durationS = 0;
    QString format = QStringLiteral("text");
    QString store;
    QString output;
    int trafficPeriodS = 60;
    int cutWaitS = -1;
    bool trustNewHostKey = false;
};

std::optional<Options> parse(const QStringList &args, QString *error)
{
    Options o;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        auto value = [&](QString *out) {
            if (i + 1 >= args.size()) {
                *error = Tr::tr("Falta el valor de %1.").arg(a);
                return false;
            }
            *out = args.at(++i);
            return true;
        };
        auto number = [&](int *out) {
            QString text;
            if (!value(&text))
                return false;
            bool ok = false;
            const int n = text.toInt(&ok);
            if (!ok || n < 0) {
                *error = Tr::tr("Valor no válido para %1: %2").arg(a, text);
                return false;
            }
            *out = n;
            return true;
        };
        bool ok = true;
        if (a == QLatin1String("--profile"))
            ok = value(&o.profile);
        else if (a == QLatin1String("--duration"))
            ok = number(&o.durationS);
        else if (a == QLatin1String("--format"))
            ok = value(&o.format);
        else if (a == QLatin1String("--store"))
            ok = value(&o.store);
        else if (a == QLatin1String("--output"))
            ok = value(&o.output);
        else if (a == QLatin1String("--traffic-period"))
            ok = number(&o.trafficPeriodS);
        else if (a == QLatin1String("--cut-wait"))
            ok = number(&o.cutWaitS);
        else if (a == QLatin1String("--trust-new-host-key"))
            o.trustNewHostKey = true;
        else {
            *error = Tr::tr("Opción desconocida: %1").arg(a);
            return std::nullopt;
        }
        if (!ok)
            return std::nullopt;
    }
    if (o.profile.isEmpty()) {
        *error = Tr::tr("Falta --profile.");
        return std::nullopt;
    }
    if (o.format != QLatin1String("json") && o.format != QLatin1String("text")) {
        *error = Tr::tr("Formato desconocido: %1 (json o text).").arg(o.format);
        return std::nullopt;
    }
    return o;
}

QString lagText(const QJsonValue &lag)
{
    return lag.isDouble() ? Tr::tr("%1 s").arg(lag.toDouble(), 0, 'f', 1) : Tr::tr("sin medir");
}

QString mexico(const QJsonValue &iso)
{
    if (!iso.isString())
        return QStringLiteral("—");
    return formatMexicoTime(QDateTime::fromString(iso.toString(), Qt::ISODateWithMs));
}

// One line for people (--format text), in Central Mexico time with the zone written.
QString textLine(const QJsonObject &line)
{
    const QString type = line.value(QLatin1String("type")).toString();
    if (type == QLatin1String("cut")) {
        return Tr::tr("Corte %1: llegó %2, detectado %3, PREP oficial %4, nuestro sitio %5, retraso %6%7")
            .arg(mexico(line.value(QLatin1String("cut_time"))), mexico(line.value(QLatin1String("arrived_at"))),
                 mexico(line.value(QLatin1String("detected_at"))), mexico(line.value(QLatin1String("official_seen_at"))),
                 mexico(line.value(QLatin1String("difusor_seen_at"))), lagText(line.value(QLatin1String("lag_s"))),
                 line.value(QLatin1String("caught_up")).toBool() ? Tr::tr(" (recuperado al reconectar)") : QString());
    }
    if (type == QLatin1String("incident")) {
        const bool closed = line.value(QLatin1String("closed_at")).isString();
        return (closed ? Tr::tr("Incidente cerrado %1 (%2 → %3): %4") : Tr::tr("Incidente abierto %1 (%2%3): %4"))
            .arg(line.value(QLatin1String("kind")).toString(), mexico(line.value(QLatin1String("opened_at"))),
                 closed ? mexico(line.value(QLatin1String("closed_at"))) : QString(),
                 line.value(QLatin1String("detail")).toString());
    }
    return QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact));
}

// Holds cuts until both sites showed them (or the wait ran out) and prints every line.
class Printer final : public QObject
{
public:
    Printer(QFile *out, bool json, qint64 cutWaitMs)
        : m_out(out)
        , m_json(json)
        , m_cutWaitMs(cutWaitMs)
    {
        m_timer.setInterval(500);
        connect(&m_timer, &QTimer::timeout, this, [this] { flushDue(false); });
        m_timer.start();
    }

    void print(const QJsonObject &line)
    {
        const QByteArray text = m_json ? QJsonDocument(line).toJson(QJsonDocument::Compact)
                                       : textLine(line).toUtf8();
        m_out->write(text + '\n');
        m_out->flush();
    }

    void cutRecorded(const store::CutRecord &cut)
    {
        if (m_printed.contains(cut.package))
            return;
        Pending &p = m_pending[cut.cutTimeUtc];
        p.cut = cut;
        p.recordedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
        p.has = true;
        applySightings(p);
        flushDue(false);
    }

    void sighting(Site site, const QDateTime &cut, const QDateTime &seen)
    {
        QDateTime &slot = site == Site::Official ? m_sightings[cut].first : m_sightings[cut].second;
        if (!slot.isValid())
            slot = seen;
        while (m_sightings.size() > 512)
            m_sightings.erase(m_sightings.begin());
        auto it = m_pending.find(cut);
        if (it != m_pending.end()) {
            applySightings(*it);
            flushDue(false);
        }
    }

    void flushAll() { flushDue(true); }
    void startClock() { m_clock.start(); }

private:
    struct Pending
    {
        store::CutRecord cut;
        qint64 recordedMs = 0;
        bool has = false;
    };

    void applySightings(Pending &p)
    {
        const auto s = m_sightings.constFind(p.cut.cutTimeUtc);
        if (s == m_sightings.cend())
            return;
        if (!p.cut.officialSeenUtc.isValid())
            p.cut.officialSeenUtc = s->first;
        if (!p.cut.difusorSeenUtc.isValid())
            p.cut.difusorSeenUtc = s->second;
    }

    void flushDue(bool all)
    {
        const qint64 now = m_clock.isValid() ? m_clock.elapsed() : 0;
        const QDateTime newest = m_pending.isEmpty() ? QDateTime() : m_pending.lastKey();
        for (auto it = m_pending.begin(); it != m_pending.end();) {
            const Pending &p = *it;
            const qint64 waited = now - p.recordedMs;
            const bool both = p.cut.officialSeenUtc.isValid() && p.cut.difusorSeenUtc.isValid();
            const bool superseded = it.key() < newest && waited >= m_cutWaitMs / 4;
            if (all || both || waited >= m_cutWaitMs || superseded) {
                print(watchCutLine(p.cut));
                m_printed.insert(p.cut.package);
                it = m_pending.erase(it);
            } else {
                ++it;
            }
        }
    }

    QFile *m_out;
    bool m_json;
    qint64 m_cutWaitMs;
    QElapsedTimer m_clock;
    QTimer m_timer;
    QMap<QDateTime, Pending> m_pending;
    QMap<QDateTime, QPair<QDateTime, QDateTime>> m_sightings; // official, difusor
    QSet<QString> m_printed;
};

} // namespace

QJsonObject watchCutLine(const store::CutRecord &cut)
{
    const std::optional<qint64> lag = cut.lagMs();
    const std::optional<qint64> served = cut.servedAfterArrivalMs();
    QJsonObject line{{QStringLiteral("type"), QStringLiteral("cut")},
                     {QStringLiteral("cut_time"), isoOrNull(cut.cutTimeUtc)},
                     {QStringLiteral("arrived_at"), isoOrNull(cut.arrivedConsoleUtc)},
                     {QStringLiteral("detected_at"), isoOrNull(cut.detectedUtc)},
                     {QStringLiteral("official_seen_at"), isoOrNull(cut.officialSeenUtc)},
                     {QStringLiteral("difusor_seen_at"), isoOrNull(cut.difusorSeenUtc)},
                     {QStringLiteral("lag_s"), lag ? QJsonValue(double(*lag) / 1000.0) : QJsonValue(QJsonValue::Null)},
                     {QStringLiteral("package"), cut.package},
                     {QStringLiteral("arrived_server_at"), isoOrNull(cut.arrivedServerUtc)},
                     {QStringLiteral("served_after_arrival_s"),
                      served ? QJsonValue(double(*served) / 1000.0) : QJsonValue(QJsonValue::Null)},
                     {QStringLiteral("size"), cut.size},
                     {QStringLiteral("sha256"), cut.sha256},
                     {QStringLiteral("caught_up"), cut.caughtUp}};
    return line;
}

QJsonObject watchIncidentLine(const IncidentChange &change, qint64 storeId)
{
    const Incident &i = change.incident;
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("incident")},
                       {QStringLiteral("kind"), incidentKindId(i.kind)},
                       {QStringLiteral("opened_at"), isoOrNull(i.opened)},
                       {QStringLiteral("closed_at"), isoOrNull(i.closed)},
                       {QStringLiteral("detail"), i.detail},
                       {QStringLiteral("subject"), i.subject},
                       {QStringLiteral("id"), storeId}};
}

int runWatchCommand(const QStringList &args)
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

    QFile out;
    const bool opened = options->output.isEmpty() ? out.open(stdout, QIODevice::WriteOnly)
                                                  : (out.setFileName(options->output),
                                                     out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    if (!opened) {
        err << Tr::tr("No se pudo escribir %1: %2").arg(options->output, out.errorString()) << Qt::endl;
        return 1;
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

    auto store = std::make_unique<store::StoreThread>();
    std::unique_ptr<remote::RemoteHost> host = remote::makeHeadlessHost(*profile, options->trustNewHostKey, err);

    const RuleConfig rules = RuleConfig::fromProfile(*profile);
    const qint64 cutWaitMs = options->cutWaitS >= 0 ? qint64(options->cutWaitS) * 1000 : rules.maxLagMs + 5000;
    auto printer = std::make_unique<Printer>(&out, options->format == QLatin1String("json"), cutWaitMs);
    auto cuts = std::make_unique<CutSession>(host.get(), *profile, store.get());
    std::unique_ptr<traffic::TrafficSession> trafficSession;
    if (options->trafficPeriodS > 0 && !profile->accessLog.isEmpty()) {
        trafficSession = std::make_unique<traffic::TrafficSession>(host.get(), *profile);
        trafficSession->setPeriodSeconds(options->trafficPeriodS);
        trafficSession->setStore(store.get());
    }

    Printer *p = printer.get();
    CutMonitor *monitor = cuts->monitor();
    QObject::connect(monitor, &CutMonitor::cutRecorded, p, [p](const store::CutRecord &cut) { p->cutRecorded(cut); });
    QObject::connect(monitor, &CutMonitor::sightingRecorded, p,
                     [p](Site site, const QDateTime &cut, const QDateTime &seen) { p->sighting(site, cut, seen); });
    QObject::connect(monitor, &CutMonitor::incidentRecorded, p, [p](const IncidentChange &change, qint64 id) {
        p->print(watchIncidentLine(change, id));
    });
    QObject::connect(monitor, &CutMonitor::storeFailed, p, [&err](const QString &message) { err << message << Qt::endl; });
    QObject::connect(cuts.get(), &CutSession::watcherStateChanged, p,
                     [&err](CutSession::WatcherState, const QString &detail) {
                         if (!detail.isEmpty())
                             err << Tr::tr("Vigilante de cortes: %1").arg(detail) << Qt::endl;
                     });
    if (trafficSession) {
        QObject::connect(trafficSession.get(), &traffic::TrafficSession::periodClosed, p,
                         [p](const QJsonObject &line) { p->print(line); });
        auto trafficIncident = [p](const traffic::TrafficIncident &i) {
            p->print(QJsonObject{{QStringLiteral("type"), QStringLiteral("incident")},
                                 {QStringLiteral("kind"), traffic::trafficIncidentKindId(i.kind)},
                                 {QStringLiteral("opened_at"), isoOrNull(i.opened)},
                                 {QStringLiteral("closed_at"), isoOrNull(i.closed)},
                                 {QStringLiteral("detail"), i.detail},
                                 {QStringLiteral("subject"), i.subject}});
        };
        // A silent log is only news while our site answers.
        QObject::connect(monitor, &CutMonitor::ourSiteAnswering, trafficSession.get(), &traffic::TrafficSession::setSiteUp);
        QObject::connect(trafficSession.get(), &traffic::TrafficSession::incidentOpened, p, trafficIncident);
        QObject::connect(trafficSession.get(), &traffic::TrafficSession::incidentClosed, p, trafficIncident);
    }

    int exitCode = 0;
    bool finishing = false;
    bool started = false;
    auto finish = [&](int code) {
        if (finishing)
            return;
        finishing = true;
        exitCode = code;
        cuts->stop();
        if (trafficSession)
            trafficSession->stop();
        p->flushAll();
        host->disconnectFromHost();
        // Let the store finish the writes already queued (its destructor drains them too).
        QTimer::singleShot(200, p, [] { QCoreApplication::exit(); });
    };

    QObject::connect(store.get(), &store::StoreThread::opened, p, [&](bool ok, const QString &message) {
        if (!ok) {
            err << Tr::tr("No se pudo abrir %1: %2").arg(storePath, message) << Qt::endl;
            finish(1);
            return;
        }
        host->connectToHost();
    });
    QObject::connect(host.get(), &remote::RemoteHost::stateChanged, p,
                     [&](remote::ConnectionState state, const QString &reason) {
                         if (finishing)
                             return;
                         if (state == remote::ConnectionState::Connected && !started) {
                             started = true;
                             p->startClock();
                             cuts->start();
                             if (trafficSession)
                                 trafficSession->start();
                         } else if (state == remote::ConnectionState::Failed && !started) {
                             err << Tr::tr("No se pudo conectar con %1: %2").arg(host->displayName(), reason) << Qt::endl;
                             finish(1);
                         } else if (state != remote::ConnectionState::Connected && !reason.isEmpty()) {
                             err << remote::connectionStateText(state) << QStringLiteral(": ") << reason << Qt::endl;
                         }
                     });
    if (notifier) {
        QObject::connect(notifier, &QSocketNotifier::activated, p, [&] {
            char byte = 0;
            const ssize_t got = ::read(g_signalFds[1], &byte, 1);
            Q_UNUSED(got)
            finish(0);
        });
    }
    if (options->durationS > 0)
        QTimer::singleShot(qint64(options->durationS) * 1000, p, [&] { finish(0); });

    store->open(storePath);
    QCoreApplication::exec();

    trafficSession.reset();
    cuts.reset();
    printer.reset();
    host.reset();
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
