#include "KnownHosts.h"

#include "HostKeys.h"
#include "common/PrivateFile.h"
#include "common/Tr.h"

#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace difusor::remote {

namespace {
constexpr qint64 MaxFileBytes = 16 * 1024 * 1024;
constexpr int MaxLineBytes = 64 * 1024;

// OpenSSH's match_pattern: '*' any run, '?' one character; case-insensitive for host names.
bool globMatch(const QByteArray &pattern, const QByteArray &text)
{
    int p = 0;
    int t = 0;
    int star = -1;
    int mark = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern.at(p) == '?' || pattern.at(p) == text.at(t))) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern.at(p) == '*') {
            star = p++;
            mark = t;
        } else if (star >= 0) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern.at(p) == '*')
        ++p;
    return p == pattern.size();
}

QList<QByteArray> splitFields(const QByteArray &line)
{
    QList<QByteArray> fields;
    for (const QByteArray &f : line.split(' ')) {
        for (const QByteArray &g : f.split('\t')) {
            if (!g.isEmpty())
                fields.append(g);
        }
    }
    return fields;
}
} // namespace

QString KnownHosts::hostToken(const QString &host, int port)
{
    if (port == 22 || port <= 0)
        return host.toLower();
    return QLatin1Char('[') + host.toLower() + QStringLiteral("]:") + QString::number(port);
}

QByteArray KnownHosts::hashedToken(const QString &token, const QByteArray &salt)
{
    const QByteArray mac = QMessageAuthenticationCode::hash(token.toUtf8(), salt, QCryptographicHash::Sha1);
    return "|1|" + salt.toBase64() + '|' + mac.toBase64();
}

bool KnownHosts::hostFieldMatches(const QByteArray &field, const QString &token)
{
    if (field.startsWith("|1|")) {
        const QList<QByteArray> parts = field.split('|'); // "", "1", salt, hash
        if (parts.size() != 4)
            return false;
        const QByteArray salt = QByteArray::fromBase64(parts.at(2));
        return !salt.isEmpty() && hashedToken(token, salt) == field;
    }
    const QByteArray name = token.toUtf8();
    bool matched = false;
    for (const QByteArray &raw : field.split(',')) {
        const bool negated = raw.startsWith('!');
        const QByteArray pattern = (negated ? raw.mid(1) : raw).toLower();
        if (!globMatch(pattern, name))
            continue;
        if (negated)
            return false; // a negated match wins over any positive one, as in OpenSSH
        matched = true;
    }
    return matched;
}

KnownHosts::Lookup KnownHosts::lookup(const QByteArray &content, const QString &host, int port,
                                      const QByteArray &blob)
{
    Lookup result;
    const QString token = hostToken(host, port);
    const auto offered = describePublicKey(blob);
    QByteArray sameAlgorithm;
    QByteArray otherAlgorithm;
    for (const QByteArray &rawLine : content.split('\n')) {
        const QByteArray line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        if (line.size() > MaxLineBytes) {
            ++result.malformedLines;
            continue;
        }
        QList<QByteArray> fields = splitFields(line);
        if (!fields.isEmpty() && fields.first().startsWith('@')) {
            // @cert-authority / @revoked: a revoked key matching ours is a refusal; CAs we do not use.
            if (fields.first() == "@revoked" && fields.size() >= 4
                && hostFieldMatches(fields.at(1), token) && QByteArray::fromBase64(fields.at(3)) == blob) {
                result.status = Status::Changed;
                result.oldBlob = blob;
                return result;
            }
            continue;
        }
        if (fields.size() < 3) {
            ++result.malformedLines;
            continue;
        }
        const QByteArray recorded = QByteArray::fromBase64(fields.at(2));
        const auto facts = describePublicKey(recorded);
        if (!facts || facts->algorithm.toLatin1() != fields.at(1)) {
            ++result.malformedLines;
            continue;
        }
        if (!hostFieldMatches(fields.at(0), token))
            continue;
        if (recorded == blob) {
            result.status = Status::Known;
            result.oldBlob.clear();
            return result;
        }
        if (offered && facts->algorithm == offered->algorithm) {
            if (sameAlgorithm.isEmpty())
                sameAlgorithm = recorded;
        } else if (otherAlgorithm.isEmpty()) {
            otherAlgorithm = recorded;
        }
    }
    if (!sameAlgorithm.isEmpty() || !otherAlgorithm.isEmpty()) {
        result.status = Status::Changed;
        result.oldBlob = sameAlgorithm.isEmpty() ? otherAlgorithm : sameAlgorithm;
    }
    return result;
}

KnownHosts::Lookup KnownHosts::lookupFile(const QString &path, const QString &host, int port,
                                          const QByteArray &blob)
{
    auto unreadable = [](const QString &why) {
        Lookup result;
        result.status = Status::Unreadable;
        result.error = why;
        return result;
    };
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
        if (errno == ENOENT)
            return {}; // no file yet: first use
        return unreadable(QString::fromLocal8Bit(std::strerror(errno)));
    }
    if (S_ISDIR(st.st_mode))
        return unreadable(Tr::tr("es una carpeta, no un archivo"));
    if (st.st_size > MaxFileBytes)
        return unreadable(Tr::tr("mide más de %1 MiB").arg(MaxFileBytes / (1024 * 1024)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return unreadable(file.errorString());
    const QByteArray content = file.read(MaxFileBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return unreadable(file.errorString());
    if (content.size() > MaxFileBytes)
        return unreadable(Tr::tr("mide más de %1 MiB").arg(MaxFileBytes / (1024 * 1024)));
    return lookup(content, host, port, blob);
}

bool KnownHosts::append(const QString &path, const QString &host, int port, const QByteArray &blob,
                        QString *error, bool hashed, QByteArray *writtenLine)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const auto facts = describePublicKey(blob);
    if (!facts)
        return fail(Tr::tr("La llave del servidor no tiene un formato conocido."));
    const QString token = hostToken(host, port);
    QByteArray hostField = token.toUtf8();
    if (hashed) {
        QByteArray salt(20, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()), salt.size() / 4);
        hostField = hashedToken(token, salt);
    }
    const QByteArray line = hostField + ' ' + facts->algorithm.toLatin1() + ' ' + blob.toBase64() + '\n';

    if (!makePrivateDir(QFileInfo(path).absolutePath(), error))
        return false;
    QFile file(path);
    if (!openPrivate(file, QIODevice::ReadWrite | QIODevice::Append, error))
        return false;
    // Keep lines whole when someone left the file without a final newline.
    if (file.size() > 0 && file.seek(file.size() - 1) && file.read(1) != "\n")
        file.write("\n");
    if (file.write(line) != line.size())
        return fail(Tr::tr("No se pudo escribir %1: %2").arg(path, file.errorString()));
    if (writtenLine)
        *writtenLine = line;
    return true;
}

} // namespace difusor::remote
