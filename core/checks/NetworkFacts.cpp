#include "NetworkFacts.h"

#include "FactText.h"

#include <QRegularExpression>

namespace difusor::checks::facts {

QList<InterfaceAddress> parseIpAddr(const QByteArray &out)
{
    QList<InterfaceAddress> list;
    // "4: eth0    inet 192.0.2.2/24 brd 192.0.2.255 scope global eth0\       valid_lft …"
    for (const QByteArray &line : boundedLines(out, 2000)) {
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() < 4 || !f[0].endsWith(':') || (f[2] != "inet" && f[2] != "inet6"))
            continue;
        // parseSubnet() would give the network; the interface's own address is before the '/'.
        const QByteArray cidr = f[3].left(64);
        const QHostAddress address(QString::fromLatin1(cidr.left(cidr.indexOf('/') < 0 ? cidr.size() : cidr.indexOf('/'))));
        if (address.isNull())
            continue;
        InterfaceAddress a;
        a.interface = QString::fromUtf8(f[1].left(32));
        a.address = address;
        a.prefix = cidr.contains('/') ? cidr.mid(cidr.indexOf('/') + 1).toInt() : 0;
        const qsizetype scope = f.indexOf("scope");
        if (scope > 0 && scope + 1 < f.size())
            a.scope = QString::fromLatin1(f[scope + 1].left(16));
        list.append(a);
    }
    return list;
}

bool isPublicAddress(const QHostAddress &address)
{
    if (address.isNull() || address.isLoopback() || address.isLinkLocal() || address.isMulticast()
        || address.isBroadcast() || address.isUniqueLocalUnicast() || address.isSiteLocal())
        return false;
    static const char *const specialV4[] = {"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
                                           "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
                                           "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16",
                                           "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
                                           "224.0.0.0/4", "240.0.0.0/4"};
    static const char *const specialV6[] = {"::/128", "::1/128", "::ffff:0:0/96", "64:ff9b::/96", "100::/64",
                                           "2001:db8::/32", "fc00::/7", "fe80::/10", "ff00::/8"};
    QHostAddress a = address;
    bool ok = false;
    const quint32 v4 = a.toIPv4Address(&ok); // IPv4-mapped IPv6 counts as IPv4
    if (ok) {
        a = QHostAddress(v4);
        for (const char *net : specialV4) {
            if (a.isInSubnet(QHostAddress::parseSubnet(QString::fromLatin1(net))))
                return false;
        }
        return true;
    }
    for (const char *net : specialV6) {
        if (a.isInSubnet(QHostAddress::parseSubnet(QString::fromLatin1(net))))
            return false;
    }
    // Only 2000::/3 is globally routed unicast today.
    return a.isInSubnet(QHostAddress::parseSubnet(QStringLiteral("2000::/3")));
}

QString parseDefaultRouteInterface(const QByteArray &out)
{
    for (const QByteArray &line : boundedLines(out, 20)) {
        const QList<QByteArray> f = line.simplified().split(' ');
        const qsizetype dev = f.indexOf("dev");
        if (!f.isEmpty() && f[0] == "default" && dev > 0 && dev + 1 < f.size())
            return QString::fromUtf8(f[dev + 1].left(32));
    }
    return {};
}

QList<LinkSpeed> parseLinkSpeeds(const QByteArray &out)
{
    QList<LinkSpeed> list;
    for (const QByteArray &line : boundedLines(out, 500)) {
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() < 2 || f[0].isEmpty())
            continue;
        LinkSpeed s;
        s.interface = QString::fromUtf8(f[0].left(32));
        s.mbps = boundedInt(f[1], 1, 10000000).value_or(-1);
        if (f.size() > 2)
            s.operstate = QString::fromLatin1(f[2].left(16));
        list.append(s);
    }
    return list;
}

bool ListeningSocket::anyAddress() const
{
    return address == QHostAddress(QHostAddress::AnyIPv4) || address == QHostAddress(QHostAddress::AnyIPv6)
        || address == QHostAddress(QHostAddress::Any);
}

bool ListeningSocket::loopbackOnly() const
{
    return address.isLoopback();
}

QList<ListeningSocket> parseSsListen(const QByteArray &out)
{
    static const QRegularExpression proc(QStringLiteral("users:\\(\\(\"([^\"]{1,64})\""));
    QList<ListeningSocket> list;
    // "LISTEN 0 511 0.0.0.0:80 0.0.0.0:* users:((\"nginx\",pid=1,fd=6))", "[::]:22", "*:80",
    // "127.0.0.1%lo:53", "[::ffff:127.0.0.1]:631"
    for (const QByteArray &line : boundedLines(out, 5000)) {
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() < 5 || f[0] != "LISTEN")
            continue;
        const QByteArray local = f[3];
        const qsizetype colon = local.lastIndexOf(':');
        if (colon <= 0)
            continue;
        const auto port = boundedInt(local.mid(colon + 1), 1, 65535);
        if (!port)
            continue;
        QByteArray host = local.left(colon);
        if (host.startsWith('[') && host.endsWith(']'))
            host = host.mid(1, host.size() - 2);
        const qsizetype percent = host.indexOf('%');
        if (percent > 0)
            host = host.left(percent);
        ListeningSocket s;
        s.port = *port;
        s.address = host == "*" ? QHostAddress(QHostAddress::Any) : QHostAddress(QString::fromLatin1(host.left(64)));
        if (s.address.isNull())
            continue;
        const auto m = proc.match(QString::fromUtf8(line.left(1024)));
        if (m.hasMatch())
            s.process = m.captured(1);
        list.append(s);
    }
    return list;
}

} // namespace difusor::checks::facts
