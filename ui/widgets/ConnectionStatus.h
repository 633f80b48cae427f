#pragma once

#include "remote/RemoteHost.h"

#include <QPointer>
#include <QWidget>

class QLabel;

namespace difusor::ui {

// The status-bar part about the link: state (icon + text), server ("user@host:port"), round trip.
class ConnectionStatus final : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionStatus(QWidget *parent = nullptr);

    // Follows `host` (may be nullptr: shows "sin conexión").
    void setHost(remote::RemoteHost *host);

    QString stateText() const;
    QString serverText() const;
    QString roundTripText() const;

private:
    void showState(remote::ConnectionState state, const QString &reason);
    void showRoundTrip(qint64 milliseconds);

    QPointer<remote::RemoteHost> m_host;
    QLabel *m_icon = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_server = nullptr;
    QLabel *m_rtt = nullptr;
};

} // namespace difusor::ui
