#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

// Pure parsers over the raw outputs of the software sections of probe.sh.
namespace difusor::checks::facts {

struct OsRelease
{
    QString id;          // "ubuntu"
    QString idLike;      // "debian"
    QString versionId;   // "22.04"
    QString prettyName;  // "Ubuntu 22.04.4 LTS"
    QString codename;
    bool valid() const { return !id.isEmpty(); }
};
OsRelease parseOsRelease(const QByteArray &out);

enum class DaemonState { Running, NotRunning, PermissionDenied, ClientMissing, Unknown };
struct DockerVersion
{
    QString clientVersion;
    QString serverVersion;
    DaemonState daemon = DaemonState::Unknown;
};
// `docker version` output and exit status (127: no docker client).
DockerVersion parseDockerVersion(const QByteArray &out, int exitStatus);

// `systemctl is-active A B …`: one state per line ("active", "inactive", "failed", "unknown");
// empty when systemctl could not answer (no systemd, no bus).
QStringList parseIsActive(const QByteArray &out);

// `timedatectl show`: KEY=value lines.
QMap<QString, QString> parseKeyValues(const QByteArray &out);

struct ChronyTracking
{
    bool synchronised = false; // a reference and "Leap status : Normal" (or leap insert/delete)
    QString reference;         // "C0A80101 (192.168.1.1)"
    std::optional<int> stratum;
    std::optional<double> systemOffsetMs; // positive: the clock is fast of NTP time
    QString leapStatus;
    bool valid = false;        // looked like chronyc tracking output at all
};
ChronyTracking parseChronyTracking(const QByteArray &out);

struct NtpqPeers
{
    int peers = 0;
    bool synchronised = false;           // a peer with the '*' (system peer) tally
    QString systemPeer;
    std::optional<double> offsetMs;      // offset of the system peer
    bool valid = false;                  // the header line was seen
};
NtpqPeers parseNtpq(const QByteArray &out);

// `date +%s.%N` → seconds since the epoch (with the fraction), or nothing.
std::optional<double> parseEpochSeconds(const QByteArray &out);

} // namespace difusor::checks::facts
