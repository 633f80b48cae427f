#pragma once

#include "IncidentLog.h"

#include "remote/RemoteHost.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace difusor::incidents {

// The connection's rule for the one incident log: the SSH link to the server down longer than
// `graceMs` (30 s) raises `connection_lost` (subject "ssh"; its onset is when the link went down),
// and resolves when the link is up again. A deliberate disconnect ends the watch with its owner.
class ConnectionWatch final : public QObject
{
    Q_OBJECT
public:
    ConnectionWatch(remote::RemoteHost *host, const IncidentLog &log, QObject *parent = nullptr);

    void setGraceMs(int ms) { m_grace.setInterval(ms); }
    bool isDown() const { return m_downSince.isValid(); }

private:
    void onState(remote::ConnectionState state, const QString &reason);

    QPointer<remote::RemoteHost> m_host;
    IncidentLog m_log;
    QTimer m_grace;
    QDateTime m_downSince;
    QString m_reason;
    bool m_raised = false;
};

} // namespace difusor::incidents
