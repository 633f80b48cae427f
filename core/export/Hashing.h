#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

#include <functional>
#include <memory>
#include <optional>

namespace difusor::exporting {

// The checksum algorithms a BagIt manifest may name (manifest-<name>.txt) that we compute, through
// OpenSSL's EVP interface (SHA-NI/AVX2 code paths where the CPU has them).
enum class HashAlgorithm {
    Md5,
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
};

// "sha256" -> Sha256 (the name as in manifest-sha256.txt, lower case); nullopt for any other name.
std::optional<HashAlgorithm> hashAlgorithmFromName(QStringView name);
QString hashAlgorithmName(HashAlgorithm algorithm); // "sha256"
QString hashAlgorithmTitle(HashAlgorithm algorithm); // "SHA-256", for messages
int hashHexLength(HashAlgorithm algorithm); // 64 for SHA-256

// Several digests over one stream of bytes: every chunk is read once and fed to each algorithm.
class MultiHasher final
{
public:
    explicit MultiHasher(const QList<HashAlgorithm> &algorithms);
    ~MultiHasher();
    MultiHasher(const MultiHasher &) = delete;
    MultiHasher &operator=(const MultiHasher &) = delete;

    void addData(const char *data, qsizetype size);
    qint64 bytes() const { return m_bytes; }
    // Lower-case hex digests, in the order of the algorithms given; the hasher is spent afterwards.
    QList<QByteArray> finishHex();
    QList<HashAlgorithm> algorithms() const { return m_algorithms; }

private:
    struct Contexts;
    QList<HashAlgorithm> m_algorithms;
    std::unique_ptr<Contexts> m_contexts;
    qint64 m_bytes = 0;
};

struct FileDigests
{
    qint64 size = 0;
    QList<QByteArray> hex; // in the order of the algorithms asked for
};

// Reads the file once (1 MiB reads) and returns its digests. progress(bytesJustRead) is called after
// each read; returning false cancels (nullopt, *error says so). nullopt with a translated *error when
// the file cannot be opened or read.
using ReadProgress = std::function<bool(qint64 bytesJustRead)>;
std::optional<FileDigests> hashFile(const QString &path, const QList<HashAlgorithm> &algorithms, QString *error,
                                    const ReadProgress &progress = {});

// The digest of bytes in memory, lower-case hex.
QByteArray hashHex(HashAlgorithm algorithm, const QByteArray &bytes);

} // namespace difusor::exporting
