#include "BagVerifier.h"

#include "BagFormat.h"
#include "Hashing.h"
#include "common/Tr.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace difusor::exporting {

namespace {

using Kind = BagProblem::Kind;

struct Manifest
{
    QString fileName; // "manifest-sha256.txt"
    HashAlgorithm algorithm = HashAlgorithm::Sha256;
    bool tag = false;
    QMap<QString, QString> entries; // path in the bag -> checksum, lower case
};

class Checker
{
public:
    Checker(const QString &root, const VerifyProgress &progress)
        : m_rootDir(root)
        , m_progress(progress)
    {
        m_result.root = root;
    }

    BagVerification run();

private:
    void problem(Kind kind, const QString &file, const QString &message, bool warning = false)
    {
        m_result.problems.append({kind, warning, file, message});
    }
    QString path(const QString &relative) const { return m_rootDir.filePath(relative); }
    bool readDeclaration();
    void readManifests();
    void readManifest(Manifest &manifest);
    void scanPayload();
    void checkOxum();
    void checkListing();
    void hashEverything();

    QDir m_rootDir;
    VerifyProgress m_progress;
    BagVerification m_result;
    BagDeclaration m_declaration;
    QList<Manifest> m_manifests;          // payload and tag manifests with a supported algorithm
    QMap<QString, qint64> m_payloadFiles; // "data/…" -> size, regular files only
    QHash<QString, QString> m_byNfc;      // NFC form -> path on disk (empty when two files share it)
};

BagVerification Checker::run()
{
    const QFileInfo rootInfo(m_rootDir.path());
    if (!rootInfo.isDir()) {
        m_result.notABag = true;
        problem(Kind::NotABag, QString(), Tr::tr("%1 no existe o no es una carpeta").arg(m_rootDir.path()));
        return m_result;
    }
    if (!readDeclaration())
        return m_result;
    if (QFileInfo::exists(path(QStringLiteral("fetch.txt"))))
        problem(Kind::FetchUnsupported, QStringLiteral("fetch.txt"),
                Tr::tr("el paquete pide descargar archivos (fetch.txt); esta consola no descarga: solo verifica paquetes completos"));
    readManifests();
    scanPayload();
    checkOxum();
    checkListing();
    hashEverything();
    return m_result;
}

bool Checker::readDeclaration()
{
    QFile file(path(QStringLiteral("bagit.txt")));
    if (!file.exists()) {
        m_result.notABag = true;
        const bool unfinished = QFileInfo::exists(path(bagJournalName()));
        problem(Kind::NotABag, QStringLiteral("bagit.txt"),
                unfinished ? Tr::tr("%1 no es un paquete BagIt: falta bagit.txt (es una exportación sin terminar; "
                                    "vuelva a exportar a la misma carpeta para completarla)")
                                 .arg(m_rootDir.path())
                           : Tr::tr("%1 no es un paquete BagIt: falta bagit.txt").arg(m_rootDir.path()));
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        problem(Kind::UnreadableFile, QStringLiteral("bagit.txt"), Tr::tr("no se pudo leer: %1").arg(file.errorString()));
        return false;
    }
    QString error;
    const std::optional<BagDeclaration> declaration = parseBagDeclaration(file.readAll(), &error);
    if (!declaration) {
        problem(Kind::BadDeclaration, QStringLiteral("bagit.txt"), error);
        return false;
    }
    m_declaration = *declaration;
    m_result.version = QStringLiteral("%1.%2").arg(declaration->major).arg(declaration->minor);
    return true;
}

void Checker::readManifests()
{
    static const QRegularExpression name(QStringLiteral("^(tag)?manifest-([A-Za-z0-9]+)\\.txt$"));
    QStringList names = m_rootDir.entryList(QDir::Files | QDir::Hidden, QDir::Name);
    bool anyPayloadManifest = false;
    for (const QString &fileName : std::as_const(names)) {
        const QRegularExpressionMatch m = name.match(fileName);
        if (!m.hasMatch())
            continue;
        const bool tag = !m.captured(1).isEmpty();
        anyPayloadManifest = anyPayloadManifest || !tag;
        const std::optional<HashAlgorithm> algorithm = hashAlgorithmFromName(m.captured(2));
        if (!algorithm) {
            problem(Kind::UnsupportedManifest, fileName,
                    Tr::tr("algoritmo «%1» no admitido: este manifiesto no se comprobó").arg(m.captured(2)), true);
            continue;
        }
        Manifest manifest;
        manifest.fileName = fileName;
        manifest.algorithm = *algorithm;
        manifest.tag = tag;
        readManifest(manifest);
        if (!tag)
            m_result.algorithms.append(hashAlgorithmName(*algorithm));
        m_manifests.append(manifest);
    }
    if (m_result.algorithms.isEmpty()) {
        problem(Kind::NoManifest, QString(),
                anyPayloadManifest ? Tr::tr("ningún manifiesto de datos usa un algoritmo admitido (md5, sha1, sha224, sha256, sha384, sha512)")
                                   : Tr::tr("el paquete no tiene ningún manifiesto de datos (manifest-<algoritmo>.txt)"));
    }
}

void Checker::readManifest(Manifest &manifest)
{
    QFile file(path(manifest.fileName));
    if (!file.open(QIODevice::ReadOnly)) {
        problem(Kind::UnreadableFile, manifest.fileName, Tr::tr("no se pudo leer: %1").arg(file.errorString()));
        return;
    }
    QString error;
    const std::optional<QString> text = decodeTagFile(file.readAll(), m_declaration.encoding, &error);
    if (!text) {
        problem(Kind::BadTagFile, manifest.fileName, error);
        return;
    }
    static const QRegularExpression hex(QStringLiteral("^[0-9A-Fa-f]+$"));
    const QStringList lines = splitLines(*text);
    QMap<QString, QString> declared; // as written (before matching to the disk), for duplicates
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QString &line = lines.at(n);
        if (line.trimmed().isEmpty())
            continue;
        const std::optional<ManifestEntry> entry = parseManifestLine(line);
        if (!entry) {
            problem(Kind::BadManifestLine, manifest.fileName, Tr::tr("línea %1 sin ruta: «%2»").arg(n + 1).arg(line));
            continue;
        }
        const QString where = Tr::tr("línea %1 de %2").arg(n + 1).arg(manifest.fileName);
        if (entry->checksum.size() != hashHexLength(manifest.algorithm) || !hex.match(entry->checksum).hasMatch()) {
            problem(Kind::BadManifestLine, entry->path,
                    Tr::tr("%1: «%2» no es un %3 en hexadecimal").arg(where, entry->checksum, hashAlgorithmTitle(manifest.algorithm)));
            continue;
        }
        if (entry->binaryMarker || entry->dotSlash) {
            problem(Kind::ManifestQuirk, entry->path,
                    entry->binaryMarker ? Tr::tr("%1: la ruta lleva el «*» de md5sum -b; se aceptó sin él").arg(where)
                                        : Tr::tr("%1: la ruta empieza con «./»; se aceptó sin ello").arg(where),
                    true);
        }
        QString reason = outOfScopeReason(entry->path);
        if (reason.isEmpty() && !manifest.tag && !entry->path.startsWith(QLatin1String("data/")))
            reason = Tr::tr("un manifiesto de datos solo puede nombrar archivos bajo data/");
        if (!reason.isEmpty()) {
            problem(Kind::OutOfScope, entry->path, Tr::tr("%1: %2").arg(where, reason));
            continue;
        }
        const QString checksum = entry->checksum.toLower();
        const auto previous = declared.constFind(entry->path);
        if (previous != declared.constEnd()) {
            // RFC 8493 makes any repetition an error; the 0.97 drafts only warned about an identical one.
            const bool same = previous.value() == checksum;
            problem(Kind::DuplicateEntry, entry->path,
                    same ? Tr::tr("%1: listado dos veces con la misma suma").arg(where)
                         : Tr::tr("%1: listado dos veces con sumas distintas").arg(where),
                    same && !m_declaration.atLeast(1, 0));
            continue;
        }
        declared.insert(entry->path, checksum);
    }
    manifest.entries = declared;
}

void Checker::scanPayload()
{
    const QString data = path(QStringLiteral("data"));
    const QFileInfo dataInfo(data);
    if (!dataInfo.isDir() || dataInfo.isSymLink()) {
        problem(Kind::MissingFile, QStringLiteral("data/"), Tr::tr("falta la carpeta de datos data/"));
        return;
    }
    QDirIterator it(data, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        const QString relative = m_rootDir.relativeFilePath(info.filePath());
        if (info.isSymLink()) {
            problem(Kind::NotRegularFile, relative, Tr::tr("es un enlace simbólico: los datos de un paquete deben ser archivos"));
            continue;
        }
        if (info.isDir())
            continue;
        if (!info.isFile()) {
            problem(Kind::NotRegularFile, relative, Tr::tr("no es un archivo regular (tubería, socket o dispositivo)"));
            continue;
        }
        m_payloadFiles.insert(relative, info.size());
        m_result.payloadBytes += info.size();
    }
    m_result.payloadFiles = m_payloadFiles.size();
    for (auto f = m_payloadFiles.cbegin(); f != m_payloadFiles.cend(); ++f) {
        const QString nfc = f.key().normalized(QString::NormalizationForm_C);
        const auto known = m_byNfc.constFind(nfc);
        m_byNfc.insert(nfc, known == m_byNfc.constEnd() ? f.key() : QString());
    }
}

void Checker::checkOxum()
{
    const QString infoPath = path(QStringLiteral("bag-info.txt"));
    if (!QFileInfo::exists(infoPath))
        return; // optional in RFC 8493
    QFile file(infoPath);
    if (!file.open(QIODevice::ReadOnly)) {
        problem(Kind::UnreadableFile, QStringLiteral("bag-info.txt"), Tr::tr("no se pudo leer: %1").arg(file.errorString()));
        return;
    }
    QString error;
    const std::optional<QString> text = decodeTagFile(file.readAll(), m_declaration.encoding, &error);
    if (!text) {
        problem(Kind::BadTagFile, QStringLiteral("bag-info.txt"), error);
        return;
    }
    const std::optional<TagFields> fields = parseTagFields(*text, &error);
    if (!fields) {
        problem(Kind::BadTagFile, QStringLiteral("bag-info.txt"), error);
        return;
    }
    const QString value = tagValue(*fields, QStringLiteral("Payload-Oxum"));
    if (value.isEmpty())
        return;
    const std::optional<Oxum> oxum = parseOxum(value);
    if (!oxum) {
        problem(Kind::BadOxum, QStringLiteral("bag-info.txt"),
                Tr::tr("Payload-Oxum «%1» no tiene la forma <bytes>.<archivos>").arg(value));
        return;
    }
    if (oxum->bytes != m_result.payloadBytes || oxum->files != m_result.payloadFiles) {
        problem(Kind::OxumMismatch, QStringLiteral("bag-info.txt"),
                Tr::tr("Payload-Oxum dice %1 bytes en %2 archivos; data/ tiene %3 bytes en %4 archivos")
                    .arg(oxum->bytes)
                    .arg(oxum->files)
                    .arg(m_result.payloadBytes)
                    .arg(m_result.payloadFiles));
    }
}

// Matches each payload manifest's paths to the files on disk (exactly, else by NFC form), and
// reports what is missing, what is extra and what some manifest leaves out.
void Checker::checkListing()
{
    QSet<QString> reportedMissing;
    for (Manifest &manifest : m_manifests) {
        if (manifest.tag)
            continue;
        QMap<QString, QString> onDisk;
        for (auto e = manifest.entries.cbegin(); e != manifest.entries.cend(); ++e) {
            QString file = e.key();
            if (!m_payloadFiles.contains(file)) {
                const QString alias = m_byNfc.value(file.normalized(QString::NormalizationForm_C));
                if (alias.isEmpty()) {
                    if (!reportedMissing.contains(file)) {
                        reportedMissing.insert(file);
                        problem(Kind::MissingFile, file, Tr::tr("está en %1 pero no en el paquete").arg(manifest.fileName));
                    }
                    continue;
                }
                problem(Kind::NameNormalization, file,
                        Tr::tr("en %1 está en otra normalización Unicode que en el disco (%2)").arg(manifest.fileName, alias), true);
                file = alias;
            }
            const auto previous = onDisk.constFind(file);
            if (previous != onDisk.constEnd()) {
                const bool same = previous.value() == e.value();
                problem(Kind::DuplicateEntry, file,
                        same ? Tr::tr("%1 lo lista dos veces (con nombres que solo difieren en la normalización), con la misma suma")
                                   .arg(manifest.fileName)
                             : Tr::tr("%1 lo lista dos veces con sumas distintas").arg(manifest.fileName),
                        same && !m_declaration.atLeast(1, 0));
                continue;
            }
            onDisk.insert(file, e.value());
        }
        manifest.entries = onDisk;
    }
    const qsizetype payloadManifests = m_result.algorithms.size();
    for (auto f = m_payloadFiles.cbegin(); f != m_payloadFiles.cend(); ++f) {
        QStringList without;
        for (const Manifest &manifest : std::as_const(m_manifests)) {
            if (!manifest.tag && !manifest.entries.contains(f.key()))
                without.append(manifest.fileName);
        }
        if (without.isEmpty() || payloadManifests == 0)
            continue;
        if (without.size() == payloadManifests)
            problem(Kind::ExtraFile, f.key(), Tr::tr("archivo de más: no está en ningún manifiesto"));
        else
            for (const QString &m : std::as_const(without))
                problem(Kind::NotInManifest, f.key(), Tr::tr("no está en %1").arg(m));
    }
}

void Checker::hashEverything()
{
    // Every file once, with the algorithms of every manifest that lists it.
    struct Work
    {
        QList<int> manifests;
        qint64 size = 0;
    };
    QMap<QString, Work> work;
    for (int i = 0; i < m_manifests.size(); ++i) {
        const Manifest &manifest = m_manifests.at(i);
        for (auto e = manifest.entries.cbegin(); e != manifest.entries.cend(); ++e) {
            if (manifest.tag) {
                const QFileInfo info(path(e.key()));
                if (!info.exists() && !info.isSymLink()) {
                    problem(Kind::MissingFile, e.key(), Tr::tr("está en %1 pero no en el paquete").arg(manifest.fileName));
                    continue;
                }
                if (info.isSymLink() || !info.isFile()) {
                    problem(Kind::NotRegularFile, e.key(), Tr::tr("está en %1 pero no es un archivo regular").arg(manifest.fileName));
                    continue;
                }
                work[e.key()].size = info.size();
            } else {
                work[e.key()].size = m_payloadFiles.value(e.key());
            }
            work[e.key()].manifests.append(i);
        }
    }
    qint64 total = 0;
    for (const Work &w : std::as_const(work))
        total += w.size;
    qint64 done = 0;
    bool cancelled = false;
    if (m_progress && !m_progress(0, total, QString()))
        cancelled = true;
    for (auto w = work.cbegin(); w != work.cend() && !cancelled; ++w) {
        QList<HashAlgorithm> algorithms;
        for (int i : w->manifests) {
            if (!algorithms.contains(m_manifests.at(i).algorithm))
                algorithms.append(m_manifests.at(i).algorithm);
        }
        const QString file = w.key();
        QString error;
        const std::optional<FileDigests> digests = hashFile(path(file), algorithms, &error, [&](qint64 n) {
            done += n;
            if (m_progress && !m_progress(done, total, file))
                cancelled = true;
            return !cancelled;
        });
        if (cancelled)
            break;
        if (!digests) {
            problem(Kind::UnreadableFile, file, error);
            continue;
        }
        for (int i : w->manifests) {
            const Manifest &manifest = m_manifests.at(i);
            const QByteArray actual = digests->hex.at(algorithms.indexOf(manifest.algorithm));
            const QString expected = manifest.entries.value(file);
            if (QString::fromLatin1(actual) != expected) {
                problem(Kind::HashMismatch, file,
                        Tr::tr("el %1 no coincide: %2 dice %3, el archivo da %4")
                            .arg(hashAlgorithmTitle(manifest.algorithm), manifest.fileName, expected, QString::fromLatin1(actual)));
            }
        }
    }
    if (cancelled)
        problem(Kind::Cancelled, QString(), Tr::tr("verificación cancelada: el paquete no se comprobó completo"));
}

} // namespace

QString problemKindName(BagProblem::Kind kind)
{
    switch (kind) {
    case Kind::NotABag:
        return QStringLiteral("not_a_bag");
    case Kind::BadDeclaration:
        return QStringLiteral("bad_declaration");
    case Kind::BadTagFile:
        return QStringLiteral("bad_tag_file");
    case Kind::BadManifestLine:
        return QStringLiteral("bad_manifest_line");
    case Kind::NoManifest:
        return QStringLiteral("no_manifest");
    case Kind::UnsupportedManifest:
        return QStringLiteral("unsupported_manifest");
    case Kind::FetchUnsupported:
        return QStringLiteral("fetch_unsupported");
    case Kind::OutOfScope:
        return QStringLiteral("out_of_scope");
    case Kind::DuplicateEntry:
        return QStringLiteral("duplicate_entry");
    case Kind::MissingFile:
        return QStringLiteral("missing_file");
    case Kind::ExtraFile:
        return QStringLiteral("extra_file");
    case Kind::NotInManifest:
        return QStringLiteral("not_in_manifest");
    case Kind::HashMismatch:
        return QStringLiteral("hash_mismatch");
    case Kind::BadOxum:
        return QStringLiteral("bad_oxum");
    case Kind::OxumMismatch:
        return QStringLiteral("oxum_mismatch");
    case Kind::UnreadableFile:
        return QStringLiteral("unreadable_file");
    case Kind::NotRegularFile:
        return QStringLiteral("not_regular_file");
    case Kind::NameNormalization:
        return QStringLiteral("name_normalization");
    case Kind::ManifestQuirk:
        return QStringLiteral("manifest_quirk");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

QString problemLine(const BagProblem &problem)
{
    const QString prefix = problem.warning ? Tr::tr("aviso: ") : QString();
    if (problem.file.isEmpty())
        return prefix + problem.message;
    return prefix + encodeManifestPath(problem.file) + QStringLiteral(": ") + problem.message;
}

bool BagVerification::valid() const
{
    return !notABag && errorCount() == 0;
}

qsizetype BagVerification::errorCount() const
{
    return std::count_if(problems.cbegin(), problems.cend(), [](const BagProblem &p) { return !p.warning; });
}

BagVerification verifyBag(const QString &root, const VerifyProgress &progress)
{
    return Checker(root, progress).run();
}

} // namespace difusor::exporting
