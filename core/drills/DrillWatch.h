#pragma once

#include "common/Profile.h"
#include "store/Records.h"
#include "store/StoreThread.h"

#include <QObject>
#include <QString>
#include <QTextStream>

#include <memory>

namespace difusor::remote {
class RemoteHost;
}
namespace difusor::cuts {
class CutSession;
}
namespace difusor::traffic {
class TrafficSession;
}
namespace difusor::incidents {
class ConnectionWatch;
}

namespace difusor::drills {

// The watch of `difusor-console watch` for one profile, for a drill run from the command line: the
// host, the server's identity in the store, then the cut session (watcher, lag probe, rules), the
// traffic session and the connection rule, all raising through the one incident log. Same classes as
// `watch` and the window use, so a drill judges the console's real detection. (The window's
// "Simulacros" page will hand the runner the sessions it already has instead.)
//
// Lives on the main thread; nothing here blocks it.
class DrillWatch final : public QObject
{
    Q_OBJECT
public:
    DrillWatch(const Profile &profile, store::StoreThread *store, QObject *parent = nullptr);
    ~DrillWatch() override;

    // Connects; watching() once the sessions run, or failed() (translated).
    void start();
    void stop();
    bool isWatching() const { return m_server.isValid() && m_started; }
    store::ServerStore server() const { return m_server; }
    remote::RemoteHost *host() const { return m_host.get(); } // connected once watching()
    // The sessions once watching() (null before, and for traffic when the profile has no access_log):
    // what a simulacro's pre-flight and traffic figures read.
    cuts::CutSession *cutSession() const { return m_cuts.get(); }
    traffic::TrafficSession *trafficSession() const { return m_traffic.get(); }

Q_SIGNALS:
    void watching(const difusor::store::ServerStore &server);
    void failed(const QString &message);
    void cutRecorded(const difusor::store::CutRecord &cut);
    void notice(const QString &message); // reconnections, watcher trouble: worth showing, not fatal

private:
    void startSessions(const store::ServerStore &server);

    Profile m_profile;
    store::StoreThread *m_store;
    QString m_hostMessages;
    QTextStream m_hostErr{&m_hostMessages};
    std::unique_ptr<remote::RemoteHost> m_host;
    std::unique_ptr<incidents::ConnectionWatch> m_connection;
    std::unique_ptr<cuts::CutSession> m_cuts;
    std::unique_ptr<traffic::TrafficSession> m_traffic;
    store::ServerStore m_server;
    bool m_identifying = false;
    bool m_started = false;
    bool m_stopped = false;
};

} // namespace difusor::drills
