#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace difusor::exporting {

// One thing wrong (or, for a warning, odd but accepted) in a bag.
struct BagProblem
{
    enum class Kind {
        NotABag,             // the folder is missing, or has no bagit.txt
        BadDeclaration,      // bagit.txt malformed (BOM, whitespace, version, encoding line)
        BadTagFile,          // a tag file not valid in the declared encoding, or not "Label: value"
        BadManifestLine,     // a manifest line without a path, or a checksum of the wrong form
        NoManifest,          // no payload manifest with an algorithm we compute
        UnsupportedManifest, // (warning) a manifest in an algorithm we do not compute: not checked
        FetchUnsupported,    // fetch.txt: files to download are not supported
        OutOfScope,          // a manifest path outside the bag, or a payload path outside data/
        DuplicateEntry,      // the same path listed twice in one manifest
        MissingFile,         // listed in a manifest, not in the bag
        ExtraFile,           // in data/, listed in no manifest
        NotInManifest,       // in data/, listed in some manifests but not in this one
        HashMismatch,        // the file's checksum differs from the manifest's
        BadOxum,             // Payload-Oxum malformed
        OxumMismatch,        // Payload-Oxum differs from data/'s bytes and files
        UnreadableFile,      // could not be read
        NotRegularFile,      // a symbolic link, socket, device or pipe in data/
        NameNormalization,   // (warning) listed in another Unicode normalisation than on disk
        ManifestQuirk,       // (warning) "./data/…" or md5sum's "*data/…"
        Cancelled,           // the caller stopped the verification
    };
    Kind kind = Kind::NotABag;
    bool warning = false;
    QString file;    // relative to the bag ("data/x.log", "bagit.txt"); empty: the bag as a whole
    QString message; // translated: what is wrong
};

// Stable names for JSON ("hash_mismatch").
QString problemKindName(BagProblem::Kind kind);
// "data/x.log: message" (the path percent-encoded as in a manifest, so one problem is one line).
QString problemLine(const BagProblem &problem);

struct BagVerification
{
    QString root;
    bool notABag = false;   // bad input rather than an invalid bag (the command's exit 2)
    QString version;        // "1.0"
    QStringList algorithms; // of the payload manifests checked, e.g. {"sha256", "sha512"}
    qint64 payloadFiles = 0;
    qint64 payloadBytes = 0;
    QList<BagProblem> problems; // in the order found
    bool valid() const;         // a bag, and no problem other than warnings
    qsizetype errorCount() const;
};

// progress(bytesHashedSoFar, bytesToHash, file being read); return false to stop.
using VerifyProgress = std::function<bool(qint64 done, qint64 total, const QString &file)>;

// Checks a BagIt bag (RFC 8493; 0.93-0.97 bags too): bagit.txt, every payload manifest and tag
// manifest in md5/sha1/sha224/sha256/sha384/sha512 (every file hashed once for all of them), every
// payload file listed in every payload manifest and every listed file present, no extra file in
// data/, Payload-Oxum. fetch.txt is refused (we do not download). Blocking: call from a worker
// thread in the GUI.
BagVerification verifyBag(const QString &root, const VerifyProgress &progress = {});

} // namespace difusor::exporting
