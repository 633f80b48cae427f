#include "CutSession.h"

#include "CutMonitor.h"
#include "CutWatcher.h"
#include "common/Tr.h"
#include "remote/RemoteHost.h"
#include "incidents/IncidentLog.h"
#include "store/Store.h"

#include <QHash>

#include <optional>
#include <utility>

namespace difusor::cuts {

class CutSession::Private
{
public:
    remote::RemoteHost *host = nullptr;
    Profile profile;
    store::ServerStore store;
    CutMonitor *monitor = nullptr;
    CutWatcher *watcher = nullptr;
    WatcherState state = WatcherState::Stopped;
    bool running = false;
    quint64 generation = 0;
    bool resumed = false;
    QString failure;          // why the folder cannot be watched (empty: it can, or not known yet)
    bool everWatched = false; // the watcher watched the folder at least once
};

namespace {

CutSession::WatcherState mapState(CutWatcher::State state)
{
    switch (state) {
    case CutWatcher::State::Stopped: return CutSession::WatcherState::Stopped;
    case CutWatcher::State::Starting: return CutSession::WatcherState::Starting;
    case CutWatcher::State::Watching: return CutSession::WatcherState::Watching;
    case CutWatcher::State::Waiting: return CutSession::WatcherState::Reconnecting;
    case CutWatcher::State::Failed: return CutSession::WatcherState::Failed;
    }
    return CutSession::WatcherState::Failed;
}

} // namespace

CutSession::CutSession(remote::RemoteHost *host, const Profile &profile, const store::ServerStore &store,
                       QObject *parent)
    : QObject(parent)
    , d(new Private)
{
    d->host = host;
    d->profile = profile;
    d->store = store;
    d->monitor = new CutMonitor(RuleConfig::fromProfile(profile), LagProbeConfig::fromProfile(profile), store, this);
    d->watcher = new CutWatcher(host, profile.publicationDir, this);
    if (profile.extra.value(QLatin1String("watch_force_stat")).toBool())
        d->watcher->setForceStatLoop(true);

    connect(d->watcher, &CutWatcher::cutFound, this, [this](const FoundCut &cut) {
        d->monitor->cutArrived(cut.record, cut.actasCapturadas, cut.nameMismatch);
    });
    connect(d->watcher, &CutWatcher::packageUnreadable, this, [this](const FoundCut &cut) {
        d->monitor->cutUnreadable(cut.record);
    });
    connect(d->watcher, &CutWatcher::stateChanged, this, [this](CutWatcher::State state, const QString &detail) {
        const WatcherState mapped = mapState(state);
        if (mapped == d->state && detail.isEmpty())
            return;
        d->state = mapped;
        Q_EMIT watcherStateChanged(mapped, detail);
        // The folder cannot be watched: said once per cause (the watcher retries every 10 s), and once
        // more when it can again.
        // Each is an incident too (watch_failed, subject publication_dir), for watch and the GUI alike.
        const QString key = QStringLiteral("publication_dir");
        const incidents::IncidentLog log(d->store);
        // A profile without a publication folder is not a folder that cannot be watched: nothing is asked
        // of the server, and the infrastructure check's cfg.publication_dir says what is missing.
        if (mapped == WatcherState::Failed && !detail.isEmpty() && detail != d->failure && !d->profile.publicationDir.isEmpty()) {
            d->failure = detail;
            log.raise(incidents::watchFailedCondition(key, d->profile.publicationDir, detail));
            Q_EMIT watchFailed(d->profile.publicationDir, detail);
        } else if (mapped == WatcherState::Watching && (!d->failure.isEmpty() || !d->everWatched)) {
            // Also the first time: one left open by an earlier session has ended.
            log.clear(QLatin1String(incidents::kWatchFailedKind), key, QDateTime::currentDateTimeUtc());
            if (!d->failure.isEmpty()) {
                d->failure.clear();
                Q_EMIT watchRecovered(d->profile.publicationDir);
            }
        }
        if (mapped == WatcherState::Watching)
            d->everWatched = true;
    });
    // A host that goes away takes the session down with it (the header's "or destroyed with it").
    connect(host, &QObject::destroyed, this, &CutSession::abandonHost);
}

void CutSession::abandonHost()
{
    d->running = false;
    d->monitor->stop();
    if (d->watcher) {
        d->watcher->abandonHost();
        delete d->watcher;
        d->watcher = nullptr;
    }
}

CutSession::~CutSession()
{
    stop();
    delete d;
}

void CutSession::start()
{
    if (d->running || !d->watcher)
        return;
    d->running = true;
    const quint64 generation = ++d->generation;
    d->monitor->start();
    // Packages already recorded are not reported again; the rest of what is on the server is caught up.
    // The rules resume from the newest recorded cut (late cut armed after a console restart).
    using Known = std::pair<QHash<QString, QString>, std::optional<store::CutRecord>>;
    d->store.call<Known>(
        this,
        [](store::Store &s) {
            Known known;
            if (!s.isOpen())
                return known;
            const QList<store::CutRecord> cuts = s.cuts(100000);
            for (const store::CutRecord &c : cuts)
                known.first.insert(c.package, c.sha256);
            known.second = s.latestCut();
            return known;
        },
        [this, generation](const Known &known) {
            if (!d->running || generation != d->generation || !d->watcher)
                return;
            if (known.second && !d->resumed) {
                d->resumed = true;
                d->monitor->resumeFrom(*known.second);
            }
            d->watcher->setKnown(known.first);
            d->watcher->start();
        });
}

void CutSession::stop()
{
    if (!d->running)
        return;
    d->running = false;
    ++d->generation;
    if (d->watcher)
        d->watcher->stop();
    d->monitor->stop();
}

CutMonitor *CutSession::monitor() const
{
    return d->monitor;
}

CutWatcher *CutSession::watcher() const
{
    return d->watcher;
}

bool CutSession::everWatched() const
{
    return d->everWatched;
}

QString CutSession::watchFailure() const
{
    return d->failure;
}

CutSession::WatcherState CutSession::watcherState() const
{
    return d->state;
}

QString CutSession::watcherMethod() const
{
    const QString method = d->watcher ? d->watcher->method() : QString();
    if (method == QLatin1String("stat"))
        return Tr::tr("revisión con stat cada 1 s");
    return method;
}

} // namespace difusor::cuts
