#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>

#include <optional>

// Pure parsers over the raw outputs of the network sections of probe.sh.
namespace difusor::checks::facts {

struct InterfaceAddress
{
    QString interface;
    QHostAddress address;
    int prefix = 0;
    QString scope; // "global", "host", "link"
};
QList<InterfaceAddress> parseIpAddr(const QByteArray &out); // `ip -o addr show`

// True for an address routable on the Internet (not private, loopback, link-local, CGNAT, ULA,
// documentation or other special-use ranges).
bool isPublicAddress(const QHostAddress &address);

// `ip route show default` → the interface of the default route ("eth0").
QString parseDefaultRouteInterface(const QByteArray &out);

struct LinkSpeed
{
    QString interface;
    int mbps = -1; // -1: the driver does not say (virtio, many VMs)
    QString operstate;
};
QList<LinkSpeed> parseLinkSpeeds(const QByteArray &out); // the probe's "eth0 1000 up" lines

struct ListeningSocket
{
    QHostAddress address; // Any / AnyIPv6 for "0.0.0.0" / "*" / "[::]"
    int port = 0;
    QString process;      // "nginx", "docker-proxy", "" when ss could not tell (another user's)
    bool anyAddress() const;
    bool loopbackOnly() const;
};
QList<ListeningSocket> parseSsListen(const QByteArray &out); // `ss -ltnpH` (also with a header)

} // namespace difusor::checks::facts
