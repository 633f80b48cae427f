#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace difusor {

enum class AuthMethod { Key, Agent, Password, KeyboardInteractive };

QString authMethodToString(AuthMethod method);
std::optional<AuthMethod> authMethodFromString(const QString &text);

// A connection profile: one difusor server and what to watch on it. Saved as JSON; the GUI,
// the command line and the sandbox all use this one format. fromJson refuses a key it does not know
// and a value of the wrong type, naming the key (nothing is silently replaced by a default); the keys
// other code reads from `extra` are listed with their types in Profile.cpp (kKeys): add new ones there.
struct Profile
{
    QString id;               // stable id ("id" key): names the server in the store with its host key
    QString name;
    QString host;
    int port = 22;
    QString user;
    AuthMethod auth = AuthMethod::Key;
    QString keyFile;          // private key path (auth == Key)
    QString knownHostsFile;   // empty: the console's own known_hosts in its data folder
    QString publicationDir;   // where the IEPC pushes the cuts
    QString accessLog;        // the difusor site's access log
    QString difusorUrl;       // our public portal
    QString officialUrl;      // the official PREP
    int cutIntervalS = 900;
    // zlib on the SSH link, on unless the profile says "compression": false. The live tail of the access
    // log is the link's big user: compressed it sends ~11 bytes per log line instead of ~120 for about the
    // same server CPU (bench_traffic_live at 20,000 lines/s, issue 14).
    bool compression = true;
    QStringList trustedIps;   // IEPC addresses allowed on 22/873/2873
    QString groundTruth;      // sandbox only: path of the ground-truth log
    QJsonObject extra;        // the other allowed keys (tuning, sandbox), as they were

    // The profile part of a server's identity in the store: the id, else the name, else user@host:port.
    QString identityId() const;

    QJsonObject toJson() const;
    static std::optional<Profile> fromJson(const QJsonObject &object, QString *error = nullptr);

    // Read / write a profile file. Errors are returned as translated text.
    static std::optional<Profile> load(const QString &path, QString *error = nullptr);
    bool save(const QString &path, QString *error = nullptr) const;

    bool operator==(const Profile &other) const;
};

// The difusor's data the memoria técnica asks for (the call: the organisation and its technical staff),
// kept in the profile as "organization", "contact_email" and "technical_staff" ([{"name", "position",
// "phone", "email", "hours"}], all texts, each optional). Older profiles without them load as before.
struct StaffMember
{
    QString name;
    QString position;
    QString phone;
    QString email;
    QString hours; // when they can be reached, as typed ("lun-dom 08:00-02:00 (UTC-6)")
};

struct DifusorData
{
    QString organization;
    QString contactEmail;
    QList<StaffMember> staff; // the first one is the bag's Contact-Name/Phone/Email
};

DifusorData difusorData(const Profile &profile);
void setDifusorData(Profile &profile, const DifusorData &data);

} // namespace difusor
