#include "ConnectionWatch.h"

#include "common/Tr.h"

#include <QJsonObject>

namespace difusor::incidents {

ConnectionWatch::ConnectionWatch(remote::RemoteHost *host, const IncidentLog &log, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_log(log)
{
    m_grace.setSingleShot(true);
    m_grace.setInterval(30 * 1000);
    connect(&m_grace, &QTimer::timeout, this, [this]() {
        Condition c;
        c.kind = QStringLiteral("connection_lost");
        c.subject = QStringLiteral("ssh");
        c.startedUtc = m_downSince;
        c.detectedUtc = QDateTime::currentDateTimeUtc();
        c.detail = m_reason.isEmpty() ? Tr::tr("Sin conexión SSH con el servidor desde hace más de %1 s.").arg(m_grace.interval() / 1000)
                                      : Tr::tr("Sin conexión SSH con el servidor desde hace más de %1 s: %2").arg(m_grace.interval() / 1000).arg(m_reason);
        c.evidence = QJsonObject{{QStringLiteral("down_since"), m_downSince.toString(Qt::ISODateWithMs)},
                                 {QStringLiteral("reason"), m_reason},
                                 {QStringLiteral("host"), m_host ? m_host->displayName() : QString()}};
        m_raised = true;
        m_log.raise(c);
    });
    if (host) {
        connect(host, &remote::RemoteHost::stateChanged, this, &ConnectionWatch::onState);
        // Made once the server is identified, so connected: a loss an earlier session left unresolved
        // (the console was closed while the link was down) has ended.
        if (host->state() == remote::ConnectionState::Connected)
            m_log.clear(QStringLiteral("connection_lost"), QStringLiteral("ssh"), QDateTime::currentDateTimeUtc());
    }
}

void ConnectionWatch::onState(remote::ConnectionState state, const QString &reason)
{
    using remote::ConnectionState;
    if (state == ConnectionState::Connected) {
        m_grace.stop();
        if (m_raised)
            m_log.clear(QStringLiteral("connection_lost"), QStringLiteral("ssh"), QDateTime::currentDateTimeUtc());
        m_raised = false;
        m_downSince = {};
        m_reason.clear();
        return;
    }
    if (state == ConnectionState::Reconnecting || state == ConnectionState::Failed
        || state == ConnectionState::Disconnected) {
        if (!reason.isEmpty())
            m_reason = reason;
        if (!m_downSince.isValid()) {
            m_downSince = QDateTime::currentDateTimeUtc();
            m_grace.start();
        }
    }
}

} // namespace difusor::incidents
