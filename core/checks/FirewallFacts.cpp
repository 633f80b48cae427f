#include "FirewallFacts.h"

#include "FactText.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace difusor::checks::facts {

namespace {
constexpr int MaxRules = 5000;

Firewall unreadable(const QString &tool, const QByteArray &out, int exitStatus)
{
    Firewall fw;
    fw.tool = tool;
    const QList<QByteArray> lines = boundedLines(out.trimmed(), 1);
    fw.reason = lines.isEmpty() ? QString() : QString::fromUtf8(lines.first().left(300));
    const QByteArray lower = out.left(4096).toLower();
    if (exitStatus == 127 && (lower.contains("not found") || lower.contains("no such file") || lower.isEmpty()))
        fw.read = Firewall::Read::Missing;
    else if (lower.contains("root") || lower.contains("permission denied") || lower.contains("not permitted")
             || lower.contains("password is required") || lower.contains("sudo:"))
        fw.read = Firewall::Read::NeedsRoot;
    else
        fw.read = Firewall::Read::Failed;
    return fw;
}

// "22", "873,2873", "{ 22, 873 }", "8000-8010" (ranges up to 64 ports kept as a list).
QList<int> portList(QString text)
{
    text.remove(QLatin1Char('{')).remove(QLatin1Char('}'));
    QList<int> ports;
    const QStringList parts = text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
    for (const QString &p : parts) {
        const QStringList range = p.split(QRegularExpression(QStringLiteral("[-:]")));
        const int a = range.value(0).toInt();
        const int b = range.size() > 1 ? range.value(1).toInt() : a;
        if (a <= 0 || b > 65535 || b < a)
            continue;
        if (b - a > 1024) { // a wide range: keep its ends, enough to say "covers"
            ports << a << b;
            continue;
        }
        for (int port = a; port <= b && ports.size() < 2048; ++port)
            ports.append(port);
    }
    return ports;
}

bool covers(const FirewallRule &rule, int port)
{
    if (rule.ports.isEmpty())
        return true;
    if (rule.ports.contains(port))
        return true;
    return false;
}

QStringList sourceList(QString text)
{
    text.remove(QLatin1Char('{')).remove(QLatin1Char('}'));
    QStringList list;
    for (const QString &s : text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts)) {
        if (s == QLatin1String("0.0.0.0/0") || s == QLatin1String("::/0"))
            return {};
        list.append(s.left(64));
    }
    return list;
}
} // namespace

Firewall parseUfwStatus(const QByteArray &out, int exitStatus)
{
    const QList<QByteArray> lines = boundedLines(out, MaxRules);
    if (exitStatus != 0 || lines.isEmpty() || !lines.first().startsWith("Status:"))
        return unreadable(QStringLiteral("ufw"), out, exitStatus == 0 ? -1 : exitStatus);
    Firewall fw;
    fw.tool = QStringLiteral("ufw");
    fw.read = Firewall::Read::Ok;
    fw.active = lines.first().contains("active") && !lines.first().contains("inactive");
    // "22/tcp   ALLOW IN   203.0.113.10", "80,443/tcp (Nginx Full) ALLOW IN Anywhere (v6)",
    // "Anywhere DENY IN 198.51.100.7", "22 ALLOW IN 10.0.0.0/8"
    static const QRegularExpression rule(QStringLiteral(
        "^(.+?)\\s+(ALLOW|DENY|REJECT|LIMIT)(?:\\s+(IN|OUT|FWD))?\\s+(.+?)\\s*$"));
    for (const QByteArray &raw : lines.mid(1)) {
        const QString line = QString::fromUtf8(raw);
        if (line.startsWith(QLatin1String("Default:"))) {
            fw.defaultDrop = line.contains(QLatin1String("deny (incoming)")) || line.contains(QLatin1String("reject (incoming)"));
            continue;
        }
        const auto m = rule.match(line);
        if (!m.hasMatch() || m.captured(3) == QLatin1String("OUT") || m.captured(3) == QLatin1String("FWD"))
            continue;
        QString to = m.captured(1);
        to.remove(QRegularExpression(QStringLiteral("\\s*\\(.*\\)"))); // "(v6)", "(Nginx Full)"
        FirewallRule r;
        r.allow = m.captured(2) == QLatin1String("ALLOW") || m.captured(2) == QLatin1String("LIMIT");
        const QString target = to.section(QLatin1Char(' '), 0, 0);
        if (target.contains(QLatin1String("/udp")))
            continue;
        if (target != QLatin1String("Anywhere")) {
            const QString ports = target.section(QLatin1Char('/'), 0, 0);
            r.ports = portList(ports);
            if (r.ports.isEmpty()) // an app name or an address as "To": not a port rule we can read
                continue;
        }
        QString from = m.captured(4);
        from.remove(QRegularExpression(QStringLiteral("\\s*\\(.*\\)")));
        from = from.section(QLatin1Char(' '), 0, 0);
        if (from != QLatin1String("Anywhere"))
            r.sources = {from.left(64)};
        if (fw.rules.size() < MaxRules)
            fw.rules.append(r);
    }
    return fw;
}

Firewall parseIptablesSave(const QByteArray &out, int exitStatus)
{
    const QList<QByteArray> lines = boundedLines(out, MaxRules * 4);
    bool sawTable = false;
    for (const QByteArray &l : lines)
        sawTable = sawTable || l.startsWith('*');
    if (exitStatus != 0 || (!sawTable && !out.trimmed().isEmpty()))
        return unreadable(QStringLiteral("iptables"), out, exitStatus == 0 ? -1 : exitStatus);
    Firewall fw;
    fw.tool = QStringLiteral("iptables");
    fw.read = Firewall::Read::Ok;
    bool filter = false;
    static const QRegularExpression dport(QStringLiteral("--dports?\\s+(\\S+)"));
    static const QRegularExpression source(QStringLiteral("(?:^|\\s)-s\\s+(\\S+)"));
    static const QRegularExpression target(QStringLiteral("-j\\s+(\\S+)"));
    for (const QByteArray &raw : lines) {
        const QString line = QString::fromUtf8(raw);
        if (line.startsWith(QLatin1Char('*'))) {
            filter = line == QLatin1String("*filter");
            continue;
        }
        if (!filter)
            continue;
        if (line.startsWith(QLatin1String(":INPUT "))) {
            fw.defaultDrop = line.contains(QLatin1String(" DROP")) || line.contains(QLatin1String(" REJECT"));
            fw.active = fw.active || fw.defaultDrop;
            continue;
        }
        if (!line.startsWith(QLatin1String("-A ")))
            continue;
        const QString chain = line.section(QLatin1Char(' '), 1, 1);
        // Incoming rules: INPUT and the user chains ufw / admins hang under it. Output, forward and
        // Docker chains are about other traffic.
        const bool input = chain == QLatin1String("INPUT") || chain.startsWith(QLatin1String("ufw-user-input"))
            || chain.startsWith(QLatin1String("ufw6-user-input")) || chain.contains(QLatin1String("input"), Qt::CaseInsensitive);
        if (!input || chain.contains(QLatin1String("output"), Qt::CaseInsensitive))
            continue;
        if (line.contains(QLatin1String("-p udp")) || line.contains(QLatin1String(" -i lo")))
            continue;
        if (line.contains(QLatin1String("--ctstate")) || line.contains(QLatin1String("--state")))
            continue; // RELATED,ESTABLISHED: answers, not new connections
        const auto t = target.match(line);
        if (!t.hasMatch())
            continue;
        const QString verdict = t.captured(1);
        FirewallRule r;
        if (verdict == QLatin1String("ACCEPT"))
            r.allow = true;
        else if (verdict == QLatin1String("DROP") || verdict == QLatin1String("REJECT"))
            r.allow = false;
        else
            continue; // jumps to other chains, LOG, RETURN
        fw.active = true;
        const auto d = dport.match(line);
        if (d.hasMatch()) {
            r.ports = portList(d.captured(1));
            if (r.ports.isEmpty())
                continue;
        }
        const auto s = source.match(line);
        if (s.hasMatch())
            r.sources = sourceList(s.captured(1));
        if (fw.rules.size() < MaxRules)
            fw.rules.append(r);
    }
    return fw;
}

Firewall parseNftRuleset(const QByteArray &out, int exitStatus)
{
    const QList<QByteArray> lines = boundedLines(out, MaxRules * 4);
    if (exitStatus != 0)
        return unreadable(QStringLiteral("nft"), out, exitStatus);
    Firewall fw;
    fw.tool = QStringLiteral("nft");
    fw.read = Firewall::Read::Ok;
    static const QRegularExpression dport(QStringLiteral("tcp dport (\\{[^}]*\\}|\\S+)"));
    static const QRegularExpression saddr(QStringLiteral("ip6? saddr (\\{[^}]*\\}|\\S+)"));
    static const QRegularExpression verdict(QStringLiteral("\\b(accept|drop|reject)\\b"));
    int depth = 0;
    int chainDepth = -1;   // depth outside the current chain; -1 when not in a chain
    bool inputChain = false;
    for (const QByteArray &raw : lines) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.startsWith(QLatin1String("chain "))) {
            chainDepth = depth;
            // Base chains say "hook input"; iptables-nft and ufw hang user chains such as
            // "ufw-user-input" under it.
            inputChain = line.section(QLatin1Char(' '), 1, 1).contains(QLatin1String("input"), Qt::CaseInsensitive);
        }
        if (chainDepth >= 0 && line.contains(QLatin1String("hook "))) {
            inputChain = line.contains(QLatin1String("hook input"));
            if (inputChain) {
                fw.active = true;
                fw.defaultDrop = fw.defaultDrop || line.contains(QLatin1String("policy drop"));
            }
        } else if (chainDepth >= 0 && inputChain && !line.startsWith(QLatin1String("chain "))) {
            const auto v = verdict.match(line);
            const bool state = line.contains(QLatin1String("ct state"));
            const bool loopback = line.contains(QLatin1String("iif \"lo\"")) || line.contains(QLatin1String("iifname \"lo\""));
            const bool udp = line.contains(QLatin1String("udp dport"));
            if (v.hasMatch() && !state && !loopback && !udp) {
                FirewallRule r;
                r.allow = v.captured(1) == QLatin1String("accept");
                const auto d = dport.match(line);
                if (d.hasMatch())
                    r.ports = portList(d.captured(1));
                const auto s = saddr.match(line);
                if (s.hasMatch())
                    r.sources = sourceList(s.captured(1));
                if ((!d.hasMatch() || !r.ports.isEmpty()) && fw.rules.size() < MaxRules) {
                    fw.rules.append(r);
                    fw.active = true;
                }
            }
        }
        depth += int(line.count(QLatin1Char('{'))) - int(line.count(QLatin1Char('}')));
        if (chainDepth >= 0 && depth <= chainDepth) {
            chainDepth = -1;
            inputChain = false;
        }
    }
    return fw;
}

Exposure exposureOf(const Firewall &fw, int port)
{
    Exposure e;
    if (!fw.active)
        return e; // nothing filters: any origin
    QStringList sources;
    for (const FirewallRule &r : fw.rules) {
        if (!covers(r, port))
            continue;
        if (r.sources.isEmpty()) {
            if (r.allow) {
                e.kind = Exposure::Kind::Any;
                return e;
            }
            break; // a deny for everyone: what came before is all that gets in
        }
        if (r.allow && !sources.contains(r.sources.first()))
            sources.append(r.sources);
    }
    if (!sources.isEmpty()) {
        e.kind = Exposure::Kind::Sources;
        e.sources = sources;
        return e;
    }
    e.kind = fw.defaultDrop ? Exposure::Kind::Closed : Exposure::Kind::Any;
    return e;
}

bool sourcesTrusted(const QStringList &sources, const QStringList &trusted, QStringList *untrusted)
{
    bool all = true;
    for (const QString &s : sources) {
        const auto net = s.contains(QLatin1Char('/')) ? QHostAddress::parseSubnet(s)
                                                       : qMakePair(QHostAddress(s), -1);
        bool inside = false;
        for (const QString &t : trusted) {
            const auto tnet = t.contains(QLatin1Char('/')) ? QHostAddress::parseSubnet(t)
                                                            : qMakePair(QHostAddress(t), -1);
            if (net.first.isNull() || tnet.first.isNull())
                continue;
            const int tprefix = tnet.second < 0 ? (tnet.first.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32) : tnet.second;
            const int sprefix = net.second < 0 ? (net.first.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32) : net.second;
            if (sprefix >= tprefix && net.first.isInSubnet(tnet.first, tprefix))
                inside = true;
        }
        if (!inside) {
            all = false;
            if (untrusted)
                untrusted->append(s);
        }
    }
    return all;
}

QList<int> parseDockerPublishedPorts(const QByteArray &out)
{
    // "web 0.0.0.0:80->80/tcp, :::80->80/tcp, 127.0.0.1:8080->8080/tcp"
    static const QRegularExpression re(QStringLiteral("(\\S*):(\\d{1,5})(?:-(\\d{1,5}))?->\\d"));
    QList<int> ports;
    for (const QByteArray &line : boundedLines(out, 1000)) {
        auto it = re.globalMatch(QString::fromUtf8(line));
        while (it.hasNext()) {
            const auto m = it.next();
            const QString host = m.captured(1);
            if (host.startsWith(QLatin1String("127.")) || host == QLatin1String("[::1]") || host == QLatin1String("::1"))
                continue;
            const int a = m.captured(2).toInt();
            const int b = m.captured(3).isEmpty() ? a : m.captured(3).toInt();
            for (int p = a; p <= b && p - a < 1024 && p < 65536; ++p) {
                if (!ports.contains(p))
                    ports.append(p);
            }
        }
    }
    return ports;
}

} // namespace difusor::checks::facts
