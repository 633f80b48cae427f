#include "SoftwareFacts.h"

#include "FactText.h"

namespace difusor::checks::facts {

OsRelease parseOsRelease(const QByteArray &out)
{
    OsRelease os;
    const QMap<QString, QString> kv = parseKeyValues(out);
    os.id = kv.value(QStringLiteral("ID")).toLower();
    os.idLike = kv.value(QStringLiteral("ID_LIKE")).toLower();
    os.versionId = kv.value(QStringLiteral("VERSION_ID"));
    os.prettyName = kv.value(QStringLiteral("PRETTY_NAME"));
    os.codename = kv.value(QStringLiteral("VERSION_CODENAME"));
    return os;
}

QMap<QString, QString> parseKeyValues(const QByteArray &out)
{
    QMap<QString, QString> kv;
    for (const QByteArray &line : boundedLines(out, 200)) {
        const qsizetype eq = line.indexOf('=');
        if (eq <= 0 || line.startsWith('#'))
            continue;
        const QByteArray key = line.left(eq).trimmed();
        bool keyOk = key.size() <= 64;
        for (const char c : key)
            keyOk = keyOk && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
        if (!keyOk || kv.contains(QString::fromLatin1(key)))
            continue;
        kv.insert(QString::fromLatin1(key), QString::fromUtf8(shellUnquote(line.mid(eq + 1)).left(400)));
    }
    return kv;
}

DockerVersion parseDockerVersion(const QByteArray &out, int exitStatus)
{
    DockerVersion d;
    if (exitStatus == 127) {
        d.daemon = DaemonState::ClientMissing;
        return d;
    }
    enum { None, Client, Server } part = None;
    for (const QByteArray &line : boundedLines(out, 200)) {
        const QByteArray t = line.trimmed();
        if (line.startsWith("Client"))
            part = Client;
        else if (line.startsWith("Server"))
            part = Server;
        if (t.contains("permission denied") && t.contains("docker"))
            d.daemon = DaemonState::PermissionDenied;
        else if (t.startsWith("Cannot connect to the Docker daemon") || t.startsWith("Is the docker daemon running"))
            d.daemon = d.daemon == DaemonState::PermissionDenied ? d.daemon : DaemonState::NotRunning;
        if (t.startsWith("Version:")) {
            const QString v = QString::fromUtf8(t.mid(8).trimmed().left(64));
            if (part == Client && d.clientVersion.isEmpty())
                d.clientVersion = v;
            else if (part == Server && d.serverVersion.isEmpty())
                d.serverVersion = v;
        }
    }
    // "Server: Docker Engine - Community" is followed by " Engine:" then " Version:", caught above.
    if (!d.serverVersion.isEmpty())
        d.daemon = DaemonState::Running;
    return d;
}

QStringList parseIsActive(const QByteArray &out)
{
    static const QStringList states = {QStringLiteral("active"), QStringLiteral("inactive"),
                                       QStringLiteral("failed"), QStringLiteral("activating"),
                                       QStringLiteral("deactivating"), QStringLiteral("reloading"),
                                       QStringLiteral("unknown")};
    QStringList list;
    for (const QByteArray &line : boundedLines(out, 32)) {
        const QString s = QString::fromLatin1(line.trimmed());
        if (!states.contains(s))
            return {}; // "System has not been booted with systemd…", "Failed to connect to bus…"
        list.append(s);
    }
    return list;
}

ChronyTracking parseChronyTracking(const QByteArray &out)
{
    ChronyTracking c;
    for (const QByteArray &line : boundedLines(out, 40)) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray key = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (key == "Reference ID") {
            c.valid = true;
            c.reference = QString::fromUtf8(value.left(100));
        } else if (key == "Stratum") {
            c.stratum = boundedInt(value, 0, 16);
        } else if (key == "System time") {
            // "0.000012470 seconds slow of NTP time" / "… fast of NTP time"
            const QList<QByteArray> f = value.split(' ');
            if (f.size() >= 3) {
                if (const auto s = boundedDouble(f[0], 0, 1e9))
                    c.systemOffsetMs = (f[2] == "slow" ? -*s : *s) * 1000.0;
            }
        } else if (key == "Leap status") {
            c.leapStatus = QString::fromUtf8(value.left(40));
        }
    }
    const bool noReference = c.reference.startsWith(QLatin1String("00000000"))
        || c.reference.startsWith(QLatin1String("7F7F0101")); // local clock only
    c.synchronised = c.valid && !noReference && c.stratum.value_or(0) > 0 && c.stratum.value_or(16) < 16
        && !c.leapStatus.isEmpty() && c.leapStatus != QLatin1String("Not synchronised");
    return c;
}

NtpqPeers parseNtpq(const QByteArray &out)
{
    NtpqPeers p;
    bool header = false;
    for (const QByteArray &line : boundedLines(out, 200)) {
        const QByteArray t = line.trimmed();
        if (t.startsWith("remote") && t.contains("refid")) {
            header = true;
            continue;
        }
        if (!header || t.isEmpty() || t.startsWith("==="))
            continue;
        const QList<QByteArray> f = t.simplified().split(' ');
        if (f.size() < 10)
            continue;
        ++p.peers;
        if (f[0].startsWith('*')) {
            p.synchronised = true;
            p.systemPeer = QString::fromUtf8(f[0].mid(1).left(64));
            p.offsetMs = boundedDouble(f[8], -1e9, 1e9);
        }
    }
    p.valid = header;
    return p;
}

std::optional<double> parseEpochSeconds(const QByteArray &out)
{
    const QList<QByteArray> lines = boundedLines(out, 2);
    if (lines.isEmpty())
        return std::nullopt;
    // 2001-09-09 .. 2286: anything else is not a clock reading.
    return boundedDouble(lines.first().trimmed(), 1e9, 1e10 - 1);
}

} // namespace difusor::checks::facts
