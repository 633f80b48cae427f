#include "CutSessionFixture.h"

#include "StoreSupport.h"
#include "TestEnv.h"
#include "store/Store.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <sys/types.h>

namespace difusor::test {

using namespace difusor::cuts;

CutSessionRun::CutSessionRun() = default;

CutSessionRun::~CutSessionRun()
{
    stop();
}

bool CutSessionRun::start(const difusor::sandbox::SandboxOptions &options, const QJsonObject &extra, QString *error)
{
    if (!sandbox.start(options)) {
        *error = sandbox.error;
        return false;
    }
    profile = sandbox.sandbox->profile();
    for (auto it = extra.begin(); it != extra.end(); ++it)
        profile.extra.insert(it.key(), it.value());

    dir = std::make_unique<QTemporaryDir>(tempTemplate());
    storePath = dir->filePath(QStringLiteral("cortes.sqlite"));
    store = std::make_unique<difusor::store::StoreThread>();
    QSignalSpy opened(store.get(), &difusor::store::StoreThread::opened);
    store->open(storePath);
    if (!opened.wait(10000) || !opened.first().at(0).toBool()) {
        *error = QStringLiteral("store did not open");
        return false;
    }

    host = std::make_unique<difusor::remote::SshHost>(profile);
    host->setSshConfigFile({});
    difusor::remote::SshTimings t;
    t.keepaliveIntervalMs = 1000;
    t.deadAfterMs = 3000;
    t.firstBackoffMs = 200;
    t.maxBackoffMs = 1000;
    host->setTimings(t);
    host->connectToHost();
    if (!QTest::qWaitFor([this] { return host->state() == difusor::remote::ConnectionState::Connected; }, 20000)) {
        *error = QStringLiteral("SSH did not connect");
        return false;
    }

    serverStore = difusor::test::identifyServer(*store, profile.identityId(), host->hostKeyFingerprint());
    if (!serverStore.isValid() || host->hostKeyFingerprint().isEmpty()) {
        *error = QStringLiteral("server not registered");
        return false;
    }
    session = std::make_unique<CutSession>(host.get(), profile, serverStore);
    CutMonitor *m = session->monitor();
    QObject::connect(m, &CutMonitor::cutRecorded, m, [this](const difusor::store::CutRecord &r) {
        cuts.append({r, QDateTime::currentDateTimeUtc()});
    });
    QObject::connect(m, &CutMonitor::incidentRecorded, m, [this](const IncidentChange &c, qint64 id) {
        incidents.append({c, id, QDateTime::currentDateTimeUtc()});
        qInfo("incident %s %s %s: opened %s closed %s: %s", c.type == IncidentChange::Type::Opened ? "opened" : "closed",
              qPrintable(incidentKindId(c.incident.kind)), qPrintable(c.incident.subject),
              qPrintable(c.incident.opened.toString(Qt::ISODateWithMs)), qPrintable(c.incident.closed.toString(Qt::ISODateWithMs)),
              qPrintable(c.incident.detail));
    });
    QObject::connect(m, &CutMonitor::lagRecorded, m, [this](const QDateTime &cut, qint64 lag) { lags.insert(cut, lag); });
    session->start();
    return true;
}

void CutSessionRun::stop()
{
    if (session)
        session->stop();
    session.reset();
    if (host)
        host->disconnectFromHost();
    host.reset();
    store.reset();
    sandbox.stop();
}

qint64 CutSessionRun::truthT(const QString &event, const QDateTime &cut) const
{
    for (const QJsonObject &r : eventsNamed(sandbox.truth(), event)) {
        if (cutOf(r) == cut)
            return r.value(QStringLiteral("t")).toInteger();
    }
    return -1;
}

qint64 CutSessionRun::lastTruthT() const
{
    const auto truth = sandbox.truth();
    return truth.isEmpty() ? 0 : truth.last().value(QStringLiteral("t")).toInteger();
}

const AnnouncedCut *CutSessionRun::cut(const QDateTime &cutUtc, bool latest) const
{
    const AnnouncedCut *found = nullptr;
    for (const AnnouncedCut &c : cuts) {
        if (c.record.cutTimeUtc == cutUtc) {
            found = &c;
            if (!latest)
                return found;
        }
    }
    return found;
}

QList<AnnouncedIncident> CutSessionRun::opened(const QString &kind, qint64 sinceMs, const QString &subject) const
{
    QList<AnnouncedIncident> out;
    for (const AnnouncedIncident &i : incidents) {
        if (i.change.type == IncidentChange::Type::Opened && incidentKindId(i.change.incident.kind) == kind
            && i.announcedUtc.toMSecsSinceEpoch() >= sinceMs
            && (subject.isEmpty() || i.change.incident.subject == subject))
            out.append(i);
    }
    return out;
}

const AnnouncedIncident *CutSessionRun::closedOf(const AnnouncedIncident &opened) const
{
    for (const AnnouncedIncident &i : incidents) {
        if (i.change.type == IncidentChange::Type::Closed && i.storeId == opened.storeId)
            return &i;
    }
    return nullptr;
}

bool CutSessionRun::inject(difusor::sandbox::FaultKind kind, const difusor::sandbox::FaultArgs &args)
{
    QString error;
    const bool ok = sandbox.sandbox->injectFault(kind, args, &error);
    if (!ok)
        qWarning("inject %s: %s", qPrintable(difusor::sandbox::faultId(kind)), qPrintable(error));
    return ok;
}

namespace {

qint64 parentOf(const QString &pid)
{
    QFile stat(QStringLiteral("/proc/") + pid + QStringLiteral("/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    const QList<QByteArray> fields = text.mid(close + 2).split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() : -1;
}

} // namespace

int CutSessionRun::killSshSessions()
{
    // The sandbox's sshd is the one whose command line names its host key in our state folder; its
    // descendants are this test's sessions (and their remote processes).
    qint64 master = -1;
    for (const QString &line : processesMentioning(QStringLiteral("HostKey=") + sandbox.sandbox->stateDir())) {
        const QString args = line.section(QLatin1Char(' '), 1);
        if (args.contains(QLatin1String("sshd")) && args.contains(QLatin1String(" -D ")))
            master = line.section(QLatin1Char(' '), 0, 0).toLongLong();
    }
    if (master <= 0)
        return 0;
    QSet<qint64> tree{master};
    bool grew = true;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    while (grew) {
        grew = false;
        for (const QString &pid : pids) {
            const qint64 p = pid.toLongLong();
            if (p <= 0 || tree.contains(p))
                continue;
            if (tree.contains(parentOf(pid))) {
                tree.insert(p);
                grew = true;
            }
        }
    }
    tree.remove(master);
    for (qint64 p : tree)
        ::kill(pid_t(p), SIGKILL);
    return int(tree.size());
}

} // namespace difusor::test
