#pragma once

// A CutSession over SSH against the real sandbox difusor, with everything it announced recorded, and
// the sandbox's ground-truth log to compare with. Shared by tst_cutsession and bench_cuts.

#include "SandboxFixture.h"

#include "cuts/CutMonitor.h"
#include "cuts/CutSession.h"
#include "remote/SshHost.h"
#include "store/StoreThread.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QTemporaryDir>

#include <memory>

namespace difusor::test {

struct AnnouncedIncident
{
    difusor::cuts::IncidentChange change;
    qint64 storeId = 0;
    QDateTime announcedUtc;
};

struct AnnouncedCut
{
    difusor::store::CutRecord record;
    QDateTime announcedUtc;
};

class CutSessionRun
{
public:
    CutSessionRun();
    ~CutSessionRun();

    // Starts the sandbox (options) and a session on it; extra profile keys merged in.
    bool start(const difusor::sandbox::SandboxOptions &options, const QJsonObject &extra, QString *error);
    void stop();

    SandboxRun sandbox;
    difusor::Profile profile;
    std::unique_ptr<QTemporaryDir> dir;
    QString storePath;
    std::unique_ptr<difusor::store::StoreThread> store;
    difusor::store::ServerStore serverStore; // the sandbox server's part of the store
    std::unique_ptr<difusor::remote::SshHost> host;
    std::unique_ptr<difusor::cuts::CutSession> session;

    QList<AnnouncedCut> cuts;
    QList<AnnouncedIncident> incidents;
    QMap<QDateTime, qint64> lags; // cut -> lag ms as announced

    // Ground truth helpers: the "t" (ms since epoch) of the first `event` for `cut`, -1 if none.
    qint64 truthT(const QString &event, const QDateTime &cut) const;
    qint64 lastTruthT() const;
    const AnnouncedCut *cut(const QDateTime &cutUtc, bool latest = false) const;
    // Incidents of a kind opened (announced) since an instant; optional subject.
    QList<AnnouncedIncident> opened(const QString &kind, qint64 sinceMs, const QString &subject = {}) const;
    const AnnouncedIncident *closedOf(const AnnouncedIncident &opened) const;
    bool inject(difusor::sandbox::FaultKind kind, const difusor::sandbox::FaultArgs &args = {});

    // Kills the server-side sshd processes of this session (SIGKILL): the link drops as if cut.
    int killSshSessions();
};

} // namespace difusor::test
