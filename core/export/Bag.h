#pragma once

#include "BagFormat.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QFile;

namespace difusor::exporting {

class MultiHasher;

// Writes a BagIt 1.0 bag (RFC 8493) in a folder of ours (0700 folders, 0600 files):
//   bagit.txt, bag-info.txt, manifest-sha256.txt, manifest-sha512.txt, tagmanifest-sha256.txt,
//   tagmanifest-sha512.txt, and the payload under data/.
// Every payload file is hashed (SHA-256 and SHA-512 together) as it is written, so nothing is read
// twice. A payload file is written under a temporary name, synced and renamed; then a line goes to a
// journal (.difusor-bag-journal, outside data/) so a later run knows it is there and complete.
//
// Never looks complete before it is: bagit.txt, without which no validator takes the folder for a
// bag, is written last (after the manifests and tag manifests), and removed first when a finished bag
// is changed again. Resumable: open() on the folder of an interrupted (or finished) bag of ours picks
// up the payload already written; adding a file that is there with the same SHA-256 is skipped.
//
// Blocking file I/O: use it from one worker thread (or a headless command), not the GUI thread.
class Bag final
{
public:
    struct Entry
    {
        QString path;      // relative to data/ ("norte/access.log.2.gz")
        qint64 size = 0;
        QByteArray sha256; // lower-case hex
        QByteArray sha512;
    };
    enum class Added {
        Written, // the file was (re)written
        Skipped, // already in the bag with the same SHA-256: left as it was
    };

    // Streams one payload file into the bag (e.g. from an SSH channel), hashing as it goes. Nothing
    // shows in the bag until commit(); destroying it uncommitted removes the temporary file.
    class PayloadWriter final
    {
    public:
        ~PayloadWriter();
        PayloadWriter(const PayloadWriter &) = delete;
        PayloadWriter &operator=(const PayloadWriter &) = delete;

        bool write(const char *data, qint64 size, QString *error = nullptr);
        bool write(const QByteArray &bytes, QString *error = nullptr) { return write(bytes.constData(), bytes.size(), error); }
        qint64 bytesWritten() const;
        // Syncs, renames into place, journals. With expectedSha256 (hex, e.g. taken on the server
        // before the copy) a different digest refuses the file: false, nothing in the bag.
        std::optional<Entry> commit(QString *error = nullptr, const QByteArray &expectedSha256 = {});
        void abort();
        // The last commit() was refused because the digest was not the expected one (not an I/O error).
        bool hashMismatch() const { return m_mismatch; }

    private:
        friend class Bag;
        PayloadWriter(Bag *bag, QString path, std::unique_ptr<QFile> file);
        Bag *m_bag;
        QString m_path;
        std::unique_ptr<QFile> m_file;
        std::unique_ptr<MultiHasher> m_hasher;
        bool m_done = false;
        bool m_mismatch = false;
    };

    explicit Bag(QString root);
    ~Bag();
    Bag(const Bag &) = delete;
    Bag &operator=(const Bag &) = delete;

    // Creates the folder and data/ (0700), or takes up the bag of ours begun or finished there. Refuses
    // (false, translated *error) a folder that holds anything else, so an export never mixes with
    // someone's files. Leftover temporary files of an interrupted write are removed.
    bool open(QString *error = nullptr);
    QString root() const { return m_root; }
    bool isFinished() const; // bagit.txt is there (finish() ran and nothing changed since)

    // Resume: is `path` (relative to data/) in the bag, complete, with this SHA-256 (hex, any case)?
    bool hasPayload(const QString &path, const QByteArray &sha256) const;
    std::optional<Entry> payload(const QString &path) const;
    QList<Entry> payloads() const; // sorted by path
    qint64 payloadBytes() const;

    // Why `path` cannot be a payload path (absolute, "..", empty parts, a NUL…), or empty.
    static QString payloadPathProblem(const QString &path);

    // Copies `sourceFile` into data/<path> in one read (hashing while copying); Skipped without
    // writing when data/<path> is already there with the same SHA-256.
    std::optional<Added> addFile(const QString &path, const QString &sourceFile, QString *error = nullptr);
    // The same for bytes in memory (a CSV, a JSON, the comments).
    std::optional<Added> addBytes(const QString &path, const QByteArray &bytes, QString *error = nullptr);
    // For a stream; nullptr with *error on a bad path or an unwritable folder.
    std::unique_ptr<PayloadWriter> beginPayload(const QString &path, QString *error = nullptr);

    // bag-info.txt: the caller's fields in order (Source-Organization, Contact-Name, Contact-Phone,
    // Contact-Email, External-Description, and ours: Difusor-URL, Period, Time-Zone…). finish() adds
    // Bagging-Date (Central Mexico date), Payload-Oxum, Bag-Size and Bag-Software-Agent, replacing any
    // field of those names given here.
    void setInfo(const TagFields &fields) { m_info = fields; }
    // The clock for Bagging-Date (tests); default now.
    void setBaggingTime(const QDateTime &utc) { m_baggingTime = utc; }

    // Checks data/ holds exactly the journaled files, then writes the manifests, bag-info.txt, the tag
    // manifests and, last, bagit.txt (each through a synced temporary file and a rename), then drops
    // the journal. Calling it again after more payload rewrites the tag files.
    bool finish(QString *error = nullptr);

private:
    QString dataPath(const QString &path) const;
    bool unseal(QString *error);
    bool loadJournal(QString *error);
    bool loadFinishedBag(QString *error);
    bool writeJournal(QString *error);
    bool appendJournal(const Entry &entry, QString *error);
    void removeLeftovers();
    bool record(const Entry &entry, QString *error);

    QString m_root;
    bool m_open = false;
    QMap<QString, Entry> m_entries;
    TagFields m_info;
    QDateTime m_baggingTime;
};

} // namespace difusor::exporting
