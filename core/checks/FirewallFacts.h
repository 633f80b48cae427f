#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// Pure parsers of firewall rule sets (ufw status verbose, iptables-save, nft list ruleset) into one
// small model: who may reach a TCP port from outside.
namespace difusor::checks::facts {

struct FirewallRule
{
    QList<int> ports;    // TCP destination ports; empty = every port
    QStringList sources; // addresses / CIDRs; empty = any origin
    bool allow = true;   // false: deny / drop / reject
};

struct Firewall
{
    enum class Read { Ok, NeedsRoot, Missing, Failed };
    Read read = Read::Failed;
    QString tool;            // "ufw", "iptables", "nft"
    bool active = false;     // the tool filters incoming traffic at all
    bool defaultDrop = false; // incoming traffic not matched by a rule is dropped / rejected
    QList<FirewallRule> rules; // in evaluation order (first match wins)
    QString reason;          // why it could not be read (first line of the tool's answer)
};

Firewall parseUfwStatus(const QByteArray &out, int exitStatus);
Firewall parseIptablesSave(const QByteArray &out, int exitStatus);
Firewall parseNftRuleset(const QByteArray &out, int exitStatus);

// Who may reach a TCP port according to a firewall.
struct Exposure
{
    enum class Kind { Any, Sources, Closed };
    Kind kind = Kind::Any;
    QStringList sources; // Kind::Sources
};
Exposure exposureOf(const Firewall &firewall, int port);

// True when every source network lies inside one of the trusted networks.
bool sourcesTrusted(const QStringList &sources, const QStringList &trusted, QStringList *untrusted = nullptr);

// Ports Docker publishes on the host (`docker ps --format '{{.Names}} {{.Ports}}'`): these bypass ufw.
QList<int> parseDockerPublishedPorts(const QByteArray &out);

} // namespace difusor::checks::facts
