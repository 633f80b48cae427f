#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

// The text formats of a BagIt bag (RFC 8493), shared by the writer (Bag) and the verifier.
namespace difusor::exporting {

// RFC 8493 §2.1.3: in a manifest path, CR, LF and "%" (and only those) are percent-encoded.
QString encodeManifestPath(const QString &path);
// The inverse: %0D, %0A and %25 (any case) become CR, LF and "%"; any other "%" stays as it is (a
// 0.97 bag may hold a file literally named "%7Etest1.txt").
QString decodeManifestPath(const QString &path);
// "<hex>  <encoded path>\n", UTF-8: the line `sha256sum -c` also reads (two spaces: text mode).
QByteArray manifestLine(const QByteArray &hex, const QString &path);

// Splits a tag file's text into lines ended by LF, CRLF or CR; a last line without an end counts.
QStringList splitLines(const QString &text);

struct ManifestEntry
{
    QString checksum; // as written (hex, any case)
    QString path;     // decoded, without a leading "./" or "*"
    bool binaryMarker = false; // written by md5sum -b: "<hex> *path"
    bool dotSlash = false;     // written as "./data/…"
};
// "checksum<one or more spaces or tabs>path"; nullopt when the line has no separator or no path.
std::optional<ManifestEntry> parseManifestLine(QStringView line);

// Why a path from a manifest is out of the bag (absolute, "..", "." or empty parts), or empty.
QString outOfScopeReason(const QString &path);

// bagit.txt: exactly "BagIt-Version: M.N" and "Tag-File-Character-Encoding: ENC", UTF-8 without BOM.
struct BagDeclaration
{
    int major = 0;
    int minor = 0;
    QString encoding;
    bool atLeast(int ma, int mi) const { return major > ma || (major == ma && minor >= mi); }
};
std::optional<BagDeclaration> parseBagDeclaration(const QByteArray &bytes, QString *error);
QByteArray bagDeclarationBytes(); // what we write: BagIt 1.0, UTF-8

// Decodes a tag file in the bag's declared encoding (UTF-8, UTF-16 with its BOM, ISO-8859-1…);
// nullopt with a translated *error for an unknown encoding or bytes that are not valid in it.
std::optional<QString> decodeTagFile(const QByteArray &bytes, const QString &encoding, QString *error);

// bag-info.txt: "Label: value" lines, a line starting with a space or tab continues the value.
struct TagField
{
    QString label;
    QString value;
};
using TagFields = QList<TagField>;
std::optional<TagFields> parseTagFields(const QString &text, QString *error);
// Labels must be non-empty, without ":" or line breaks, not starting or ending with whitespace;
// a value's line breaks become continuation lines. Empty with a translated *error otherwise.
QByteArray formatTagFields(const TagFields &fields, QString *error);
QString tagValue(const TagFields &fields, const QString &label); // the first, label compared without case

// "Payload-Oxum: <octets>.<files>"
struct Oxum
{
    qint64 bytes = 0;
    qint64 files = 0;
};
std::optional<Oxum> parseOxum(const QString &value);

} // namespace difusor::exporting

namespace difusor::exporting {

// Kept in the bag's folder by the writer while the bag is unfinished (it is not part of the bag).
inline QString bagJournalName()
{
    return QStringLiteral(".difusor-bag-journal");
}

} // namespace difusor::exporting
