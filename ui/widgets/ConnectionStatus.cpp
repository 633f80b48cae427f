#include "ConnectionStatus.h"

#include "StateIcon.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>

namespace difusor::ui {

using remote::ConnectionState;

ConnectionStatus::ConnectionStatus(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_state(new QLabel(this))
    , m_server(new QLabel(this))
    , m_rtt(new QLabel(this))
{
    m_icon->setObjectName(QStringLiteral("stateIcon"));
    m_state->setObjectName(QStringLiteral("stateText"));
    m_server->setObjectName(QStringLiteral("serverText"));
    m_rtt->setObjectName(QStringLiteral("rttText"));
    m_server->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(6);
    auto separator = [this] {
        auto *line = new QFrame(this);
        line->setFrameShape(QFrame::VLine);
        line->setFrameShadow(QFrame::Sunken);
        return line;
    };
    layout->addWidget(m_icon);
    layout->addWidget(m_state);
    layout->addWidget(separator());
    layout->addWidget(m_server);
    layout->addWidget(separator());
    layout->addWidget(m_rtt);
    setHost(nullptr);
}

void ConnectionStatus::setHost(remote::RemoteHost *host)
{
    if (m_host)
        disconnect(m_host, nullptr, this, nullptr);
    m_host = host;
    m_rtt->setText(tr("RTT: —"));
    m_rtt->setToolTip(tr("Tiempo de ida y vuelta de la última medición con el servidor"));
    if (!host) {
        m_server->setText(tr("Sin servidor"));
        showState(ConnectionState::Disconnected, {});
        return;
    }
    m_server->setText(tr("Servidor: %1").arg(host->displayName()));
    connect(host, &remote::RemoteHost::stateChanged, this, &ConnectionStatus::showState);
    connect(host, &remote::RemoteHost::roundTripMeasured, this, &ConnectionStatus::showRoundTrip);
    showState(host->state(), {});
}

void ConnectionStatus::showState(ConnectionState state, const QString &reason)
{
    m_icon->setPixmap(stateIcon(state, 16));
    QString text = remote::connectionStateText(state);
    if (state == ConnectionState::Failed && !reason.isEmpty())
        text = tr("%1: %2").arg(text, reason);
    m_state->setText(text);
    m_icon->setAccessibleName(text);
    m_state->setToolTip(reason);
    if (state != ConnectionState::Connected)
        m_rtt->setText(tr("RTT: —"));
}

void ConnectionStatus::showRoundTrip(qint64 milliseconds)
{
    // Measured in whole milliseconds: on a LAN or loopback that is 0, which would read as "no time".
    m_rtt->setText(milliseconds < 1 ? tr("RTT: < 1 ms") : tr("RTT: %1 ms").arg(milliseconds));
}

QString ConnectionStatus::stateText() const
{
    return m_state->text();
}

QString ConnectionStatus::serverText() const
{
    return m_server->text();
}

QString ConnectionStatus::roundTripText() const
{
    return m_rtt->text();
}

} // namespace difusor::ui
