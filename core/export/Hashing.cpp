#include "Hashing.h"

#include "common/Tr.h"

#include <QFile>

#include <openssl/evp.h>

#include <fcntl.h>

#include <array>
#include <vector>

namespace difusor::exporting {

namespace {

struct AlgorithmInfo
{
    HashAlgorithm algorithm;
    const char *name;
    const char *title;
    int hexLength;
};

constexpr std::array<AlgorithmInfo, 6> Algorithms = {{
    {HashAlgorithm::Md5, "md5", "MD5", 32},
    {HashAlgorithm::Sha1, "sha1", "SHA-1", 40},
    {HashAlgorithm::Sha224, "sha224", "SHA-224", 56},
    {HashAlgorithm::Sha256, "sha256", "SHA-256", 64},
    {HashAlgorithm::Sha384, "sha384", "SHA-384", 96},
    {HashAlgorithm::Sha512, "sha512", "SHA-512", 128},
}};

const AlgorithmInfo &infoOf(HashAlgorithm algorithm)
{
    for (const AlgorithmInfo &info : Algorithms) {
        if (info.algorithm == algorithm)
            return info;
    }
    return Algorithms[3];
}

const EVP_MD *evpOf(HashAlgorithm algorithm)
{
    switch (algorithm) {
    case HashAlgorithm::Md5:
        return EVP_md5();
    case HashAlgorithm::Sha1:
        return EVP_sha1();
    case HashAlgorithm::Sha224:
        return EVP_sha224();
    case HashAlgorithm::Sha256:
        return EVP_sha256();
    case HashAlgorithm::Sha384:
        return EVP_sha384();
    case HashAlgorithm::Sha512:
        return EVP_sha512();
    }
    return EVP_sha256();
}

constexpr qint64 ReadChunk = 1 << 20;

} // namespace

std::optional<HashAlgorithm> hashAlgorithmFromName(QStringView name)
{
    for (const AlgorithmInfo &info : Algorithms) {
        if (name == QLatin1String(info.name))
            return info.algorithm;
    }
    return std::nullopt;
}

QString hashAlgorithmName(HashAlgorithm algorithm)
{
    return QString::fromLatin1(infoOf(algorithm).name);
}

QString hashAlgorithmTitle(HashAlgorithm algorithm)
{
    return QString::fromLatin1(infoOf(algorithm).title);
}

int hashHexLength(HashAlgorithm algorithm)
{
    return infoOf(algorithm).hexLength;
}

struct MultiHasher::Contexts
{
    std::vector<EVP_MD_CTX *> list;
    ~Contexts()
    {
        for (EVP_MD_CTX *c : list)
            EVP_MD_CTX_free(c);
    }
};

MultiHasher::MultiHasher(const QList<HashAlgorithm> &algorithms)
    : m_algorithms(algorithms)
    , m_contexts(std::make_unique<Contexts>())
{
    for (HashAlgorithm a : algorithms) {
        EVP_MD_CTX *c = EVP_MD_CTX_new();
        // Only fails when out of memory; a null context then yields an empty digest, which never
        // matches a manifest, so the failure shows as a mismatch rather than passing silently.
        if (c && EVP_DigestInit_ex(c, evpOf(a), nullptr) != 1) {
            EVP_MD_CTX_free(c);
            c = nullptr;
        }
        m_contexts->list.push_back(c);
    }
}

MultiHasher::~MultiHasher() = default;

void MultiHasher::addData(const char *data, qsizetype size)
{
    for (EVP_MD_CTX *c : m_contexts->list) {
        if (c)
            EVP_DigestUpdate(c, data, size_t(size));
    }
    m_bytes += size;
}

QList<QByteArray> MultiHasher::finishHex()
{
    QList<QByteArray> out;
    for (EVP_MD_CTX *c : m_contexts->list) {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        if (c && EVP_DigestFinal_ex(c, digest, &length) == 1)
            out.append(QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex());
        else
            out.append(QByteArray());
    }
    return out;
}

std::optional<FileDigests> hashFile(const QString &path, const QList<HashAlgorithm> &algorithms, QString *error,
                                    const ReadProgress &progress)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        if (error)
            *error = Tr::tr("No se pudo abrir %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    ::posix_fadvise(file.handle(), 0, 0, POSIX_FADV_SEQUENTIAL);
    MultiHasher hasher(algorithms);
    QByteArray buffer(ReadChunk, Qt::Uninitialized);
    for (;;) {
        const qint64 n = file.read(buffer.data(), buffer.size());
        if (n < 0) {
            if (error)
                *error = Tr::tr("No se pudo leer %1: %2").arg(path, file.errorString());
            return std::nullopt;
        }
        if (n == 0)
            break;
        hasher.addData(buffer.constData(), n);
        if (progress && !progress(n)) {
            if (error)
                *error = Tr::tr("Cancelado.");
            return std::nullopt;
        }
    }
    FileDigests digests;
    digests.size = hasher.bytes();
    digests.hex = hasher.finishHex();
    return digests;
}

QByteArray hashHex(HashAlgorithm algorithm, const QByteArray &bytes)
{
    MultiHasher hasher({algorithm});
    hasher.addData(bytes.constData(), bytes.size());
    return hasher.finishHex().value(0);
}

} // namespace difusor::exporting
