#pragma once

#include <QByteArray>
#include <QString>

namespace difusor::remote {

// The console's own known_hosts file, in OpenSSH format: "host[,host…] keytype base64 [comment]",
// with "[host]:port" for ports other than 22 and hashed names "|1|salt|hmac" (HashKnownHosts).
// We read and write it ourselves (not through libssh) so a changed key is always a refusal that
// names the old fingerprint, and so the format stays exactly what ssh-keygen -F / -R understand.
class KnownHosts final
{
public:
    enum class Status {
        Unknown,    // no key on record for this host (or no file yet): first use, ask
        Known,      // the offered key is on record
        Changed,    // another key is on record (or this one is @revoked): refuse
        Unreadable, // the file exists but could not be read: refuse, never treat as first use
    };
    struct Lookup
    {
        Status status = Status::Unknown;
        QByteArray oldBlob;   // Changed: the key on record (same algorithm first)
        int malformedLines = 0;
        QString error;        // Unreadable: why (the OS error, a folder, too big), translated
    };

    // How a host is named in the file: "host" for port 22, "[host]:port" otherwise.
    static QString hostToken(const QString &host, int port);

    // Whether a host field (comma-separated patterns, wildcards, negations or one hashed name)
    // names this host token.
    static bool hostFieldMatches(const QByteArray &field, const QString &token);

    // "|1|base64(salt)|base64(HMAC-SHA1(salt, token))", as ssh-keygen -H writes it.
    static QByteArray hashedToken(const QString &token, const QByteArray &salt);

    // Looks the server's key up in the file's content. A key on record for this host that differs from
    // the offered one (any algorithm) makes it Changed: never accepted silently.
    static Lookup lookup(const QByteArray &content, const QString &host, int port, const QByteArray &blob);

    // Same, reading the file. Only a missing file is an empty one (first use); a file that exists and
    // cannot be read (permissions, a folder, over 16 MiB) is Unreadable with the reason in `error`.
    static Lookup lookupFile(const QString &path, const QString &host, int port, const QByteArray &blob);

    // Appends the host's key (creating missing folders 0700; the file is left 0600). The line as written is returned
    // through *line. False with a translated *error when it cannot be written.
    static bool append(const QString &path, const QString &host, int port, const QByteArray &blob,
                       QString *error = nullptr, bool hashed = false, QByteArray *line = nullptr);
};

} // namespace difusor::remote
