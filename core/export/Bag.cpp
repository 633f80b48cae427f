#include "Bag.h"

#include "Hashing.h"
#include "common/MexicoTime.h"
#include "common/PrivateFile.h"
#include "common/Tr.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>
#include <QSet>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace difusor::exporting {

namespace {

const QString PartSuffix = QStringLiteral(".difusor-part");
const QString Agent = QStringLiteral("difusor-console");

bool fail(QString *error, const QString &text)
{
    if (error)
        *error = text;
    return false;
}

QString osError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

// After a rename, the folder's entry must reach the disk too for the new name to survive a crash.
void syncFolder(const QString &folder)
{
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

// A tag file: written to a temporary file (0600), synced, renamed over the old one.
bool writeWhole(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(error, Tr::tr("No se pudo escribir %1: %2").arg(path, file.errorString()));
    if (!restrictToOwner(file, error))
        return false;
    if (file.write(bytes) != bytes.size() || !file.commit())
        return fail(error, Tr::tr("No se pudo escribir %1: %2").arg(path, file.errorString()));
    return true;
}

bool isHex(const QByteArray &text, int length)
{
    if (text.size() != length)
        return false;
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

QByteArray journalLine(const Bag::Entry &e)
{
    return e.sha256 + ' ' + e.sha512 + ' ' + QByteArray::number(e.size) + ' ' + encodeManifestPath(e.path).toUtf8() + '\n';
}

std::optional<Bag::Entry> parseJournalLine(const QByteArray &line)
{
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() < 4 || !isHex(parts.at(0), 64) || !isHex(parts.at(1), 128))
        return std::nullopt;
    bool ok = false;
    const qint64 size = parts.at(2).toLongLong(&ok);
    if (!ok || size < 0)
        return std::nullopt;
    const QByteArray path = line.mid(parts.at(0).size() + parts.at(1).size() + parts.at(2).size() + 3);
    Bag::Entry e;
    e.path = decodeManifestPath(QString::fromUtf8(path));
    e.size = size;
    e.sha256 = parts.at(0);
    e.sha512 = parts.at(1);
    if (!Bag::payloadPathProblem(e.path).isEmpty())
        return std::nullopt;
    return e;
}

} // namespace

// --- PayloadWriter ---------------------------------------------------------------------------

Bag::PayloadWriter::PayloadWriter(Bag *bag, QString path, std::unique_ptr<QFile> file)
    : m_bag(bag)
    , m_path(std::move(path))
    , m_file(std::move(file))
    , m_hasher(std::make_unique<MultiHasher>(QList<HashAlgorithm>{HashAlgorithm::Sha256, HashAlgorithm::Sha512}))
{
}

Bag::PayloadWriter::~PayloadWriter()
{
    abort();
}

bool Bag::PayloadWriter::write(const char *data, qint64 size, QString *error)
{
    if (m_done)
        return fail(error, Tr::tr("El archivo %1 ya se cerró.").arg(m_path));
    if (m_file->write(data, size) != size)
        return fail(error, Tr::tr("No se pudo escribir %1: %2").arg(m_file->fileName(), m_file->errorString()));
    m_hasher->addData(data, size);
    return true;
}

qint64 Bag::PayloadWriter::bytesWritten() const
{
    return m_hasher->bytes();
}

std::optional<Bag::Entry> Bag::PayloadWriter::commit(QString *error, const QByteArray &expectedSha256)
{
    if (m_done) {
        fail(error, Tr::tr("El archivo %1 ya se cerró.").arg(m_path));
        return std::nullopt;
    }
    const QString temporary = m_file->fileName();
    const QString target = m_bag->dataPath(m_path);
    // Synced before the rename: after a crash the file has either its old content or all the new.
    if (!m_file->flush() || ::fdatasync(m_file->handle()) != 0) {
        fail(error, Tr::tr("No se pudo escribir %1: %2").arg(temporary, m_file->errorString()));
        abort();
        return std::nullopt;
    }
    m_file->close();
    Entry entry;
    entry.path = m_path;
    entry.size = m_hasher->bytes();
    const QList<QByteArray> hex = m_hasher->finishHex();
    entry.sha256 = hex.at(0);
    entry.sha512 = hex.at(1);
    if (!expectedSha256.isEmpty() && entry.sha256 != expectedSha256.toLower()) {
        m_mismatch = true;
        fail(error, Tr::tr("%1: el SHA-256 de lo recibido (%2) no es el esperado (%3); no se guardó")
                        .arg(m_path, QString::fromLatin1(entry.sha256), QString::fromLatin1(expectedSha256.toLower())));
        abort();
        return std::nullopt;
    }
    if (::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(target).constData()) != 0) {
        fail(error, Tr::tr("No se pudo poner %1 en su lugar: %2").arg(target, osError()));
        abort();
        return std::nullopt;
    }
    m_done = true;
    syncFolder(QFileInfo(target).absolutePath());
    if (!m_bag->record(entry, error))
        return std::nullopt;
    return entry;
}

void Bag::PayloadWriter::abort()
{
    if (m_done)
        return;
    m_done = true;
    m_file->close();
    QFile::remove(m_file->fileName());
}

// --- Bag ----------------------------------------------------------------------------------------

Bag::Bag(QString root)
    : m_root(QDir::cleanPath(std::move(root)))
{
}

Bag::~Bag() = default;

QString Bag::dataPath(const QString &path) const
{
    return m_root + QStringLiteral("/data/") + path;
}

QString Bag::payloadPathProblem(const QString &path)
{
    const QString reason = outOfScopeReason(path);
    if (!reason.isEmpty())
        return reason;
    if (path.contains(QChar(0)))
        return Tr::tr("la ruta tiene un carácter nulo");
    if (path.endsWith(PartSuffix))
        return Tr::tr("la terminación %1 está reservada para archivos a medio escribir").arg(PartSuffix);
    return {};
}

bool Bag::isFinished() const
{
    return QFileInfo::exists(m_root + QStringLiteral("/bagit.txt"));
}

bool Bag::open(QString *error)
{
    m_open = false;
    m_entries.clear();
    const QFileInfo rootInfo(m_root);
    if (rootInfo.exists() && !rootInfo.isDir())
        return fail(error, Tr::tr("%1 existe y no es una carpeta.").arg(m_root));
    const bool empty = !rootInfo.exists() || QDir(m_root).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    if (!empty) {
        if (QFileInfo::exists(m_root + QLatin1Char('/') + bagJournalName())) {
            if (!loadJournal(error))
                return false;
        } else if (!loadFinishedBag(error)) {
            return false;
        }
    }
    if (!makePrivateDir(m_root, error))
        return false;
    // A new bag gets its (empty) journal before anything else, so a crash before the first file is
    // done still leaves a folder that open() recognises as ours.
    if (empty && !writeJournal(error))
        return false;
    if (!makePrivateDir(m_root + QStringLiteral("/data"), error))
        return false;
    removeLeftovers();
    m_open = true;
    return true;
}

bool Bag::loadJournal(QString *error)
{
    QFile file(m_root + QLatin1Char('/') + bagJournalName());
    if (!file.open(QIODevice::ReadOnly))
        return fail(error, Tr::tr("No se pudo leer %1: %2").arg(file.fileName(), file.errorString()));
    // Later lines win (a file written again); a torn last line (a crash while appending) is skipped.
    while (!file.atEnd()) {
        QByteArray line = file.readLine();
        if (!line.endsWith('\n'))
            break;
        line.chop(1);
        if (const std::optional<Entry> e = parseJournalLine(line))
            m_entries.insert(e->path, *e);
    }
    // Keep only what is still there, whole.
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        const QFileInfo info(dataPath(it.key()));
        if (!info.isFile() || info.isSymLink() || info.size() != it->size)
            it = m_entries.erase(it);
        else
            ++it;
    }
    return true;
}

bool Bag::loadFinishedBag(QString *error)
{
    const QString notOurs = Tr::tr("%1 no está vacía y no es un paquete de esta consola: elija una carpeta nueva o vacía.").arg(m_root);
    QFile info(m_root + QStringLiteral("/bag-info.txt"));
    if (!QFileInfo::exists(m_root + QStringLiteral("/bagit.txt")) || !info.open(QIODevice::ReadOnly))
        return fail(error, notOurs);
    const std::optional<TagFields> fields = parseTagFields(QString::fromUtf8(info.readAll()), nullptr);
    if (!fields || !tagValue(*fields, QStringLiteral("Bag-Software-Agent")).startsWith(Agent))
        return fail(error, notOurs);
    // A finished bag of ours: its two manifests are the journal.
    QMap<QString, QByteArray> sha512;
    for (const auto &[name, algorithm] : {std::pair{QStringLiteral("manifest-sha256.txt"), HashAlgorithm::Sha256},
                                          std::pair{QStringLiteral("manifest-sha512.txt"), HashAlgorithm::Sha512}}) {
        QFile manifest(m_root + QLatin1Char('/') + name);
        if (!manifest.open(QIODevice::ReadOnly))
            return fail(error, Tr::tr("No se pudo leer %1: %2").arg(manifest.fileName(), manifest.errorString()));
        for (const QString &line : splitLines(QString::fromUtf8(manifest.readAll()))) {
            const std::optional<ManifestEntry> e = parseManifestLine(line);
            if (!e || !e->path.startsWith(QLatin1String("data/")))
                continue;
            const QString path = e->path.mid(5);
            const QByteArray hex = e->checksum.toLatin1().toLower();
            if (algorithm == HashAlgorithm::Sha512) {
                sha512.insert(path, hex);
                continue;
            }
            const QFileInfo file(dataPath(path));
            if (!file.isFile() || file.isSymLink() || !payloadPathProblem(path).isEmpty())
                continue;
            m_entries.insert(path, Entry{path, file.size(), hex, {}});
        }
    }
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        it->sha512 = sha512.value(it.key());
        if (!isHex(it->sha256, 64) || !isHex(it->sha512, 128))
            it = m_entries.erase(it); // written again if the caller adds it
        else
            ++it;
    }
    return true;
}

void Bag::removeLeftovers()
{
    QDirIterator it(m_root + QStringLiteral("/data"), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        if (file.endsWith(PartSuffix))
            QFile::remove(file);
    }
}

bool Bag::writeJournal(QString *error)
{
    QByteArray all;
    for (const Entry &e : std::as_const(m_entries))
        all += journalLine(e);
    return writeWhole(m_root + QLatin1Char('/') + bagJournalName(), all, error);
}

bool Bag::appendJournal(const Entry &entry, QString *error)
{
    QFile file(m_root + QLatin1Char('/') + bagJournalName());
    if (!openPrivate(file, QIODevice::WriteOnly | QIODevice::Append, error))
        return false;
    const QByteArray line = journalLine(entry);
    if (file.write(line) != line.size() || !file.flush() || ::fdatasync(file.handle()) != 0)
        return fail(error, Tr::tr("No se pudo escribir %1: %2").arg(file.fileName(), file.errorString()));
    return true;
}

bool Bag::record(const Entry &entry, QString *error)
{
    m_entries.insert(entry.path, entry);
    return appendJournal(entry, error);
}

// A finished bag about to change: the journal first (so the payload stays known), then bagit.txt
// goes, so no crash from here on leaves a folder that looks like a complete bag.
bool Bag::unseal(QString *error)
{
    const QString declaration = m_root + QStringLiteral("/bagit.txt");
    if (!QFileInfo::exists(declaration))
        return true;
    if (!writeJournal(error))
        return false;
    if (!QFile::remove(declaration))
        return fail(error, Tr::tr("No se pudo quitar %1 para reabrir el paquete.").arg(declaration));
    syncFolder(m_root);
    return true;
}

bool Bag::hasPayload(const QString &path, const QByteArray &sha256) const
{
    const auto it = m_entries.constFind(path);
    return it != m_entries.constEnd() && it->sha256 == sha256.toLower();
}

std::optional<Bag::Entry> Bag::payload(const QString &path) const
{
    const auto it = m_entries.constFind(path);
    if (it == m_entries.constEnd())
        return std::nullopt;
    return *it;
}

QList<Bag::Entry> Bag::payloads() const
{
    return m_entries.values();
}

qint64 Bag::payloadBytes() const
{
    qint64 total = 0;
    for (const Entry &e : m_entries)
        total += e.size;
    return total;
}

std::unique_ptr<Bag::PayloadWriter> Bag::beginPayload(const QString &path, QString *error)
{
    if (!m_open) {
        fail(error, Tr::tr("El paquete %1 no está abierto.").arg(m_root));
        return nullptr;
    }
    const QString problem = payloadPathProblem(path);
    if (!problem.isEmpty()) {
        fail(error, Tr::tr("Ruta no válida para el paquete: «%1» (%2)").arg(path, problem));
        return nullptr;
    }
    if (!unseal(error))
        return nullptr;
    const QFileInfo target(dataPath(path));
    if (!makePrivateDir(target.absolutePath(), error))
        return nullptr;
    auto file = std::make_unique<QFile>(target.absolutePath() + QStringLiteral("/.") + target.fileName() + PartSuffix);
    if (!openPrivate(*file, QIODevice::WriteOnly | QIODevice::Truncate, error))
        return nullptr;
    return std::unique_ptr<PayloadWriter>(new PayloadWriter(this, path, std::move(file)));
}

std::optional<Bag::Added> Bag::addFile(const QString &path, const QString &sourceFile, QString *error)
{
    const QFileInfo source(sourceFile);
    if (!source.isFile()) {
        fail(error, Tr::tr("No existe el archivo %1.").arg(sourceFile));
        return std::nullopt;
    }
    const std::optional<Entry> existing = payload(path);
    if (existing && existing->size == source.size()) {
        // Same size: hashing the source (a read, no write) tells whether it is the same file.
        const std::optional<FileDigests> d = hashFile(sourceFile, {HashAlgorithm::Sha256}, error);
        if (!d)
            return std::nullopt;
        if (d->hex.at(0) == existing->sha256)
            return Added::Skipped;
    }
    QFile in(sourceFile);
    if (!in.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        fail(error, Tr::tr("No se pudo abrir %1: %2").arg(sourceFile, in.errorString()));
        return std::nullopt;
    }
    ::posix_fadvise(in.handle(), 0, 0, POSIX_FADV_SEQUENTIAL);
    std::unique_ptr<PayloadWriter> writer = beginPayload(path, error);
    if (!writer)
        return std::nullopt;
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    for (;;) {
        const qint64 n = in.read(buffer.data(), buffer.size());
        if (n < 0) {
            fail(error, Tr::tr("No se pudo leer %1: %2").arg(sourceFile, in.errorString()));
            return std::nullopt;
        }
        if (n == 0)
            break;
        if (!writer->write(buffer.constData(), n, error))
            return std::nullopt;
    }
    if (!writer->commit(error))
        return std::nullopt;
    return Added::Written;
}

std::optional<Bag::Added> Bag::addBytes(const QString &path, const QByteArray &bytes, QString *error)
{
    if (hasPayload(path, hashHex(HashAlgorithm::Sha256, bytes)))
        return Added::Skipped;
    std::unique_ptr<PayloadWriter> writer = beginPayload(path, error);
    if (!writer || !writer->write(bytes, error) || !writer->commit(error))
        return std::nullopt;
    return Added::Written;
}

bool Bag::finish(QString *error)
{
    if (!m_open)
        return fail(error, Tr::tr("El paquete %1 no está abierto.").arg(m_root));
    if (!unseal(error))
        return false;

    // data/ must hold exactly what was journaled: a file that got there another way is not vouched for.
    QSet<QString> seen;
    QDirIterator it(m_root + QStringLiteral("/data"), QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    const QDir data(m_root + QStringLiteral("/data"));
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        if (info.isDir() && !info.isSymLink())
            continue;
        const QString relative = data.relativeFilePath(info.filePath());
        const auto entry = m_entries.constFind(relative);
        if (entry == m_entries.constEnd() || info.isSymLink() || !info.isFile())
            return fail(error, Tr::tr("data/%1 no lo escribió esta exportación; quítelo o vuelva a agregarlo.").arg(relative));
        if (info.size() != entry->size)
            return fail(error, Tr::tr("data/%1 cambió de tamaño después de escrito (%2 bytes, se escribieron %3).")
                                   .arg(relative).arg(info.size()).arg(entry->size));
        seen.insert(relative);
    }
    for (const Entry &e : std::as_const(m_entries)) {
        if (!seen.contains(e.path))
            return fail(error, Tr::tr("Falta data/%1, que ya se había escrito.").arg(e.path));
    }

    QByteArray manifest256;
    QByteArray manifest512;
    for (const Entry &e : std::as_const(m_entries)) {
        manifest256 += manifestLine(e.sha256, QStringLiteral("data/") + e.path);
        manifest512 += manifestLine(e.sha512, QStringLiteral("data/") + e.path);
    }

    static const QStringList computed = {QStringLiteral("Bagging-Date"), QStringLiteral("Payload-Oxum"),
                                         QStringLiteral("Bag-Size"), QStringLiteral("Bag-Software-Agent")};
    TagFields info;
    for (const TagField &f : std::as_const(m_info)) {
        if (!computed.contains(f.label, Qt::CaseInsensitive))
            info.append(f);
    }
    const QDateTime bagged = m_baggingTime.isValid() ? m_baggingTime : QDateTime::currentDateTimeUtc();
    const qint64 bytes = payloadBytes();
    const QString version = QCoreApplication::applicationVersion();
    info.append({QStringLiteral("Bagging-Date"), bagged.toTimeZone(mexicoCentralZone()).date().toString(Qt::ISODate)});
    info.append({QStringLiteral("Payload-Oxum"), QStringLiteral("%1.%2").arg(bytes).arg(m_entries.size())});
    info.append({QStringLiteral("Bag-Size"), QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat)});
    info.append({QStringLiteral("Bag-Software-Agent"), version.isEmpty() ? Agent : Agent + QLatin1Char(' ') + version});
    const QByteArray infoBytes = formatTagFields(info, error);
    if (infoBytes.isEmpty())
        return false;

    // bagit.txt's content is fixed, so the tag manifests can vouch for it before it exists.
    const QByteArray declaration = bagDeclarationBytes();
    const QList<std::pair<QString, QByteArray>> tagFiles = {{QStringLiteral("bagit.txt"), declaration},
                                                            {QStringLiteral("bag-info.txt"), infoBytes},
                                                            {QStringLiteral("manifest-sha256.txt"), manifest256},
                                                            {QStringLiteral("manifest-sha512.txt"), manifest512}};
    QByteArray tag256;
    QByteArray tag512;
    for (const auto &[name, content] : tagFiles) {
        tag256 += manifestLine(hashHex(HashAlgorithm::Sha256, content), name);
        tag512 += manifestLine(hashHex(HashAlgorithm::Sha512, content), name);
    }
    const QString dir = m_root + QLatin1Char('/');
    if (!writeWhole(dir + QStringLiteral("manifest-sha256.txt"), manifest256, error)
        || !writeWhole(dir + QStringLiteral("manifest-sha512.txt"), manifest512, error)
        || !writeWhole(dir + QStringLiteral("bag-info.txt"), infoBytes, error)
        || !writeWhole(dir + QStringLiteral("tagmanifest-sha256.txt"), tag256, error)
        || !writeWhole(dir + QStringLiteral("tagmanifest-sha512.txt"), tag512, error)
        || !writeWhole(dir + QStringLiteral("bagit.txt"), declaration, error))
        return false;
    syncFolder(m_root);
    QFile::remove(dir + bagJournalName());
    return true;
}

} // namespace difusor::exporting
