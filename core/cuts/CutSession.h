#pragma once

#include "common/Profile.h"
#include "store/StoreThread.h"

#include <QObject>
#include <QString>

namespace difusor::remote {
class RemoteHost;
}

namespace difusor::cuts {

class CutMonitor;
class CutWatcher;

// Everything the console watches about cuts for one connected profile: the remote cut watcher on
// the profile's publication_dir (one long-lived channel; inotifywait or a 1 s stat loop; catch-up
// after a reconnect), the lag probe on difusor_url / official_url, the incident rules and the store
// (through CutMonitor). Used by the "Cortes y publicación" page and by `difusor-console watch`.
//
// Lives on the GUI (or main) thread; nothing here blocks it.
class CutSession final : public QObject
{
    Q_OBJECT
public:
    enum class WatcherState { Stopped, Starting, Watching, Reconnecting, Failed };
    Q_ENUM(WatcherState)

    // `host` must outlive the session (or the session is destroyed with it). `store` is the server's
    // part of the store (StoreThread::identify once the host key is known): the cuts already recorded
    // there are the ones not reported again, and the rules resume from its newest.
    CutSession(remote::RemoteHost *host, const Profile &profile, const store::ServerStore &store,
               QObject *parent = nullptr);
    ~CutSession() override;

    void start();
    void stop();
    // The host is being destroyed: the session stops without touching it (called on its destroyed()
    // signal; public for an owner that hears that signal first).
    void abandonHost();

    // Never null; its signals (cutRecorded, sightingRecorded, lagRecorded, incidentRecorded) are the
    // live feed, each emitted only after the store committed it.
    CutMonitor *monitor() const;
    WatcherState watcherState() const;
    // How the watcher watches: "inotifywait", "stat loop" (translated), empty before it started.
    QString watcherMethod() const;
    // The remote watcher (clock offset, restarts); null after the host was destroyed.
    CutWatcher *watcher() const;

    // The publication folder was watched at least once since start() (a run that never could: false).
    bool everWatched() const;
    // Why the folder cannot be watched now (translated, names the folder); empty while it can.
    QString watchFailure() const;

Q_SIGNALS:
    void watcherStateChanged(difusor::cuts::CutSession::WatcherState state, const QString &detail);
    // The publication folder cannot be watched: it does not exist, is not a folder, the SSH user may
    // not list it, or the watcher failed (reason translated, naming the path). Emitted once per cause,
    // within a few seconds of connecting; the watcher retries every 10 s. watchRecovered() follows when
    // the folder is watched again. (For the incident log: one incident per failure, closed on recovery.)
    void watchFailed(const QString &path, const QString &reason);
    void watchRecovered(const QString &path);

private:
    class Private;
    Private *d;
};

} // namespace difusor::cuts
