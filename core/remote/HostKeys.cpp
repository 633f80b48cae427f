#include "HostKeys.h"

#include <QCryptographicHash>

namespace difusor::remote {

namespace {

// Reads one SSH wire "string" (uint32 big-endian length + bytes); false when it runs past the end.
bool readString(const QByteArray &blob, int &pos, QByteArray &out)
{
    if (pos < 0 || blob.size() - pos < 4)
        return false;
    const auto *p = reinterpret_cast<const unsigned char *>(blob.constData() + pos);
    const quint32 len = (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
    pos += 4;
    if (len > quint32(blob.size() - pos))
        return false;
    out = blob.mid(pos, int(len));
    pos += int(len);
    return true;
}

// Bit length of an SSH mpint (big-endian, possibly with a leading zero byte).
int mpintBits(const QByteArray &mpint)
{
    int i = 0;
    while (i < mpint.size() && mpint.at(i) == 0)
        ++i;
    if (i == mpint.size())
        return 0;
    int bits = (mpint.size() - i - 1) * 8;
    for (auto top = static_cast<unsigned char>(mpint.at(i)); top != 0; top >>= 1)
        ++bits;
    return bits;
}

int curveBits(const QByteArray &curve)
{
    if (curve == "nistp256")
        return 256;
    if (curve == "nistp384")
        return 384;
    if (curve == "nistp521")
        return 521;
    return 0;
}

} // namespace

QString sha256Fingerprint(const QByteArray &blob)
{
    const QByteArray digest = QCryptographicHash::hash(blob, QCryptographicHash::Sha256);
    return QStringLiteral("SHA256:")
           + QString::fromLatin1(digest.toBase64(QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals));
}

std::optional<PublicKeyFacts> describePublicKey(const QByteArray &blob)
{
    int pos = 0;
    QByteArray name;
    if (!readString(blob, pos, name))
        return std::nullopt;
    PublicKeyFacts facts;
    facts.algorithm = QString::fromLatin1(name);
    QByteArray a;
    QByteArray b;
    if (name == "ssh-ed25519") {
        if (!readString(blob, pos, a) || a.size() != 32)
            return std::nullopt;
        facts.keyType = QStringLiteral("ED25519");
        facts.bits = 256;
    } else if (name == "sk-ssh-ed25519@openssh.com") {
        if (!readString(blob, pos, a) || a.size() != 32)
            return std::nullopt;
        facts.keyType = QStringLiteral("ED25519-SK");
        facts.bits = 256;
    } else if (name == "ssh-rsa") {
        if (!readString(blob, pos, a) || !readString(blob, pos, b)) // e, n
            return std::nullopt;
        facts.keyType = QStringLiteral("RSA");
        facts.bits = mpintBits(b);
    } else if (name == "ssh-dss") {
        if (!readString(blob, pos, a)) // p
            return std::nullopt;
        facts.keyType = QStringLiteral("DSA");
        facts.bits = mpintBits(a);
    } else if (name.startsWith("ecdsa-sha2-") || name == "sk-ecdsa-sha2-nistp256@openssh.com") {
        if (!readString(blob, pos, a) || !readString(blob, pos, b)) // curve, point
            return std::nullopt;
        facts.keyType = name.startsWith("sk-") ? QStringLiteral("ECDSA-SK") : QStringLiteral("ECDSA");
        facts.bits = curveBits(a);
        if (facts.bits == 0)
            return std::nullopt;
    } else {
        return std::nullopt;
    }
    if (facts.bits <= 0)
        return std::nullopt;
    facts.fingerprint = sha256Fingerprint(blob);
    return facts;
}

QString fingerprintLine(const PublicKeyFacts &facts)
{
    return QString::number(facts.bits) + QLatin1Char(' ') + facts.fingerprint + QStringLiteral(" (")
           + facts.keyType + QLatin1Char(')');
}

bool privateKeyIsEncrypted(const QByteArray &content)
{
    static const QByteArray openSshBegin("-----BEGIN OPENSSH PRIVATE KEY-----");
    static const QByteArray openSshEnd("-----END OPENSSH PRIVATE KEY-----");
    const int begin = content.indexOf(openSshBegin);
    if (begin >= 0) {
        const int bodyStart = begin + openSshBegin.size();
        const int end = content.indexOf(openSshEnd, bodyStart);
        if (end < 0)
            return false;
        const QByteArray raw = QByteArray::fromBase64(content.mid(bodyStart, end - bodyStart).simplified());
        static const QByteArray magic("openssh-key-v1", 15); // with its NUL
        if (!raw.startsWith(magic))
            return false;
        int pos = magic.size();
        QByteArray cipher;
        return readString(raw, pos, cipher) && cipher != "none";
    }
    // PEM: legacy "Proc-Type: 4,ENCRYPTED" headers or PKCS#8 "BEGIN ENCRYPTED PRIVATE KEY".
    return content.contains("ENCRYPTED");
}

} // namespace difusor::remote
