#include "Sandbox.h"

#include "SandboxPrivate.h"

#include "ControlChannel.h"
#include "Faults.h"
#include "GroundTruth.h"
#include "ProcessGuard.h"
#include "PublicationStep.h"
#include "Publisher.h"
#include "Servers.h"
#include "Visitors.h"
#include "common/Tr.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <pwd.h>
#include <unistd.h>

namespace difusor::sandbox {


namespace {

QString currentUser()
{
    if (const passwd *pw = ::getpwuid(::geteuid()))
        return QString::fromLocal8Bit(pw->pw_name);
    return qEnvironmentVariable("USER");
}

QString findProgram(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(name, {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    return path;
}

bool copyResource(const QString &resource, const QString &target)
{
    QFile::remove(target);
    return QFile::copy(resource, target) && QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
}

} // namespace

Sandbox::Sandbox(SandboxOptions options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<SandboxPrivate>())
{
    d->options = std::move(options);
    d->options.cutIntervalS = std::max(1, d->options.cutIntervalS);
}

Sandbox::~Sandbox()
{
    if (d->state == SandboxState::Starting || d->state == SandboxState::Ready || d->state == SandboxState::Stopping) {
        // No graceful wait here: kill the servers now; the watchdog sweeps whatever is left (sshd's
        // children) and removes the state folder once ProcessGuard closes its pipe.
        if (d->publisher)
            d->publisher->stop();
        if (d->visitors)
            d->visitors->stop();
        if (d->servers)
            d->servers->killNow();
    }
}

QString Sandbox::missingProgramsMessage()
{
    return missingProgramsMessage([](const QString &program) { return !findProgram(program).isEmpty(); });
}

QString Sandbox::missingProgramsMessage(const std::function<bool(const QString &)> &installed)
{
    struct Need
    {
        const char *program;
        const char *package;
    };
    const Need needs[] = {{"sshd", "openssh-server"}, {"ssh-keygen", "openssh-client"}, {"nginx", "nginx-light"},
                          {"rsync", "rsync"}};
    QStringList programs, packages;
    for (const Need &need : needs) {
        if (!installed(QString::fromLatin1(need.program))) {
            programs << QString::fromLatin1(need.program);
            if (!packages.contains(QString::fromLatin1(need.package)))
                packages << QString::fromLatin1(need.package);
        }
    }
    if (programs.isEmpty())
        return {};
    return tr("El simulador necesita %1, que no está instalado. Instálelo con: sudo apt install %2")
        .arg(programs.join(QStringLiteral(", ")), packages.join(QLatin1Char(' ')));
}

void Sandbox::start()
{
    if (d->state != SandboxState::Idle)
        return;
    d->state = SandboxState::Starting;
    d->clock.start();
    auto failLater = [this](const QString &message) {
        d->state = SandboxState::Failed;
        QTimer::singleShot(0, this, [this, message] { Q_EMIT failed(message); });
    };
    const QString missing = missingProgramsMessage();
    if (!missing.isEmpty()) {
        failLater(missing);
        return;
    }
    QTemporaryDir tempDir(d->options.stateDirTemplate.isEmpty()
                              ? QDir::tempPath() + QStringLiteral("/difusor-sandbox-XXXXXX")
                              : d->options.stateDirTemplate);
    if (!tempDir.isValid()) {
        failLater(tr("No se pudo crear la carpeta temporal del simulador: %1").arg(tempDir.errorString()));
        return;
    }
    tempDir.setAutoRemove(false); // the watchdog removes it, also when the console is killed
    d->paths = SandboxPaths::under(tempDir.path());
    QString error;
    d->guard = new ProcessGuard(this);
    if (!d->guard->startWatchdog(d->paths.state, &error)) {
        QDir(d->paths.state).removeRecursively();
        failLater(error);
        return;
    }
    if (d->options.keepStateDir)
        d->guard->setConsoleRemovesStateDir(); // and the console does not: it is kept
    d->truth = new GroundTruth(this);
    connect(d->truth, &GroundTruth::recorded, this, &Sandbox::groundTruthEvent);
    if (!d->paths.create(&error) || !d->truth->open(d->paths.groundTruth, &error)) {
        failLater(error);
        d->guard->finish();
        return;
    }
    // Both sites get the assets; the difusor's page waits for its first cut from the IEPC.
    for (const QString &site : {d->paths.site, d->paths.official}) {
        for (const char *asset : {"prep.css", "prep.js", "logo.png", "favicon.ico", "robots.txt"})
            copyResource(QStringLiteral(":/sandbox/site/") + QLatin1String(asset), site + QLatin1Char('/') + QLatin1String(asset));
    }
    QFile placeholder(d->paths.site + QStringLiteral("/index.html"));
    if (placeholder.open(QIODevice::WriteOnly))
        placeholder.write(PrepElection::placeholderHtml(QStringLiteral("Difusor (simulado)")));
    QFile officialPlaceholder(d->paths.official + QStringLiteral("/index.html"));
    if (officialPlaceholder.open(QIODevice::WriteOnly))
        officialPlaceholder.write(PrepElection::placeholderHtml(QStringLiteral("PREP oficial (IEPC)")));

    d->servers = new ServerSet(d->paths, d->guard, this);
    connect(d->servers, &ServerSet::progress, this, &Sandbox::progress);
    connect(d->servers, &ServerSet::ready, this, [this] { onServersReady(); });
    connect(d->servers, &ServerSet::failed, this, [this](const QString &message) {
        d->failure = message;
        shutDown();
    });
    connect(d->servers, &ServerSet::unexpectedExit, this, [this](const QString &server, const QString &tail) {
        d->truth->record(QStringLiteral("server_exited"), {{QStringLiteral("server"), server}, {QStringLiteral("log"), tail.right(500)}});
        Q_EMIT progress(tr("%1 terminó inesperadamente.").arg(server));
    });
    Q_EMIT progress(tr("Preparando el simulador en %1…").arg(d->paths.state));
    d->servers->start();
}

void Sandbox::onServersReady()
{
    if (d->state != SandboxState::Starting)
        return;
    const int sshPort = d->servers->port(ServerSet::Ssh);
    QFile knownHosts(d->paths.knownHosts);
    if (knownHosts.open(QIODevice::WriteOnly))
        knownHosts.write(QStringLiteral("[127.0.0.1]:%1 %2\n").arg(sshPort).arg(d->servers->hostKeyLine()).toUtf8());
    knownHosts.close();

    Profile &p = d->profile;
    p.name = tr("Difusor de prueba (simulador)");
    p.host = QStringLiteral("127.0.0.1");
    p.port = sshPort;
    p.user = currentUser();
    p.auth = AuthMethod::Key;
    p.keyFile = d->paths.userKey;
    p.knownHostsFile = d->paths.knownHosts;
    p.publicationDir = d->paths.publication;
    p.accessLog = d->paths.accessLog;
    p.difusorUrl = QStringLiteral("http://127.0.0.1:%1/").arg(d->servers->port(ServerSet::DifusorWeb));
    p.officialUrl = QStringLiteral("http://127.0.0.1:%1/").arg(d->servers->port(ServerSet::OfficialWeb));
    p.cutIntervalS = d->options.cutIntervalS;
    p.trustedIps = {QStringLiteral("127.0.0.1")};
    p.groundTruth = d->paths.groundTruth;
    const QString rsyncUrl = QStringLiteral("rsync://127.0.0.1:%1/%2/").arg(d->servers->port(ServerSet::Rsync)).arg(d->paths.rsyncModule);
    p.extra.insert(QStringLiteral("sandbox"), true);
    p.extra.insert(QStringLiteral("sandbox_control"), d->paths.control);
    p.extra.insert(QStringLiteral("sandbox_state_dir"), d->paths.state);
    p.extra.insert(QStringLiteral("sandbox_pid"), qint64(QCoreApplication::applicationPid()));
    p.extra.insert(QStringLiteral("status_url"), QString(p.difusorUrl + QStringLiteral("nginx_status")));
    p.extra.insert(QStringLiteral("rsync_url"), rsyncUrl);
    p.extra.insert(QStringLiteral("official_access_log"), QString(d->paths.logs + QStringLiteral("/official-access.log")));

    QString error;
    d->control = new ControlServer([this](const QJsonObject &request) { return handleControl(request); }, this);
    if (!d->control->listen(d->paths.control, &error)
        || !p.save(d->paths.profile, &error)
        || (!d->options.profileOut.isEmpty() && !p.save(d->options.profileOut, &error))) {
        d->failure = error;
        shutDown();
        return;
    }

    d->publication = new PublicationStep(d->paths.publication, d->paths.site, d->options.publishDelayMs, d->truth, this);
    Publisher::Settings settings;
    settings.cutIntervalMs = d->options.cutIntervalS * 1000;
    settings.pushDelayMs = d->options.pushDelayMs;
    settings.officialDir = d->paths.official;
    settings.outboxDir = d->paths.outbox;
    settings.rsyncUrl = rsyncUrl;
    d->publisher = new Publisher(settings, &d->election, d->guard, d->truth, this);
    d->visitors = new Visitors(this);
    connect(d->publisher, &Publisher::lateCutLanded, this, [this](const QString &cut) { endFault(FaultKind::LateCut, cut); });
    connect(d->publisher, &Publisher::skippedSlotPassed, this, [this](const QString &cut) { endFault(FaultKind::SkippedCut, cut); });
    connect(d->servers, &ServerSet::difusorWebUp, this, [this] { endFault(FaultKind::SiteDown); });
    connect(d->publisher, &Publisher::backwardsCutPublished, this, [this](const QString &cut) { endFault(FaultKind::BackwardsCut, cut); });

    d->state = SandboxState::Ready;
    const qint64 readyMs = d->clock.elapsed();
    d->truth->record(QStringLiteral("sandbox_ready"), {{QStringLiteral("ready_ms"), readyMs},
                                                       {QStringLiteral("profile"), d->paths.profile}});
    d->publication->start();
    d->publisher->start();
    d->visitors->start(quint16(d->servers->port(ServerSet::DifusorWeb)), d->options.visitorsPerSecond);
    Q_EMIT progress(tr("Simulador listo en %1 ms.").arg(readyMs));
    Q_EMIT ready();
}

void Sandbox::stop()
{
    if (d->state == SandboxState::Idle || d->state == SandboxState::Failed) {
        d->state = SandboxState::Stopped;
        QTimer::singleShot(0, this, &Sandbox::stopped);
        return;
    }
    if (d->state == SandboxState::Stopped || d->state == SandboxState::Stopping)
        return;
    shutDown();
}

void Sandbox::shutDown()
{
    if (d->state == SandboxState::Stopping)
        return;
    d->state = SandboxState::Stopping;
    Q_EMIT progress(tr("Deteniendo el simulador…"));
    for (QTimer *timer : std::as_const(d->faultTimers))
        timer->deleteLater();
    d->faultTimers.clear();
    if (d->control)
        d->control->close();
    if (d->visitors)
        d->visitors->stop();
    if (d->publisher)
        d->publisher->stop();
    if (d->publication)
        d->publication->stop();
    if (d->truth)
        d->truth->record(QStringLiteral("sandbox_stopping"));
    connect(d->guard, &ProcessGuard::watchdogFinished, this, [this] {
        if (!d->failure.isEmpty()) {
            d->state = SandboxState::Failed;
            Q_EMIT failed(d->failure);
        } else {
            d->state = SandboxState::Stopped;
            Q_EMIT stopped();
        }
    });
    connect(d->servers, &ServerSet::stopped, d->guard, &ProcessGuard::finish);
    d->servers->stop();
}

SandboxState Sandbox::state() const
{
    return d->state;
}

difusor::Profile Sandbox::profile() const
{
    return d->profile;
}

QString Sandbox::stateDir() const
{
    return d->paths.state;
}

QString Sandbox::groundTruthPath() const
{
    return d->paths.groundTruth;
}

QString Sandbox::controlPath() const
{
    return d->paths.control;
}

QJsonObject Sandbox::handleControl(const QJsonObject &request)
{
    QJsonObject reply;
    QString error;
    if (request.value(QStringLiteral("request")).toString() == QLatin1String("status")) {
        reply.insert(QStringLiteral("ok"), true);
        reply.insert(QStringLiteral("profile"), d->profile.toJson());
        reply.insert(QStringLiteral("cuts"), d->publisher ? d->publisher->cutsMade() : 0);
        return reply;
    }
    if (request.value(QStringLiteral("request")).toString() == QLatin1String("end_faults")) {
        reply.insert(QStringLiteral("ok"), true);
        reply.insert(QStringLiteral("ended"), QJsonArray::fromStringList(endFaults()));
        return reply;
    }
    const auto fault = parseFaultRequest(request, &error);
    const bool ok = fault && injectFault(fault->first, fault->second, &error);
    reply.insert(QStringLiteral("ok"), ok);
    if (!ok)
        reply.insert(QStringLiteral("error"), error);
    else
        reply.insert(QStringLiteral("fault"), faultArgsJson(fault->first, withDefaults(fault->first, fault->second, d->options.cutIntervalS)));
    return reply;
}

} // namespace difusor::sandbox
