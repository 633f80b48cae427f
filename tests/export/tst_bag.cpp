// The BagIt package: the verifier against the Library of Congress conformance suite, bags we write
// checked by our verifier and by sha256sum/sha512sum -c, tampering named file by file, resuming (in
// process and after a kill -9 of a real writer), and `export verify`'s exit codes in process.
#include "export/Bag.h"
#include "export/BagFormat.h"
#include "export/BagVerifier.h"
#include "export/ExportCommand.h"
#include "export/Hashing.h"

#include "TestEnv.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

#include <csignal>
#include <cstdio>
#include <sys/stat.h>
#include <unistd.h>

using namespace difusor::exporting;

namespace {

// What a kill leaves behind: a writer never committed nor aborted. Leaked on purpose, and told so to
// LeakSanitizer (tests/sanitize/run.sh) so the deliberate leak is not a report.
void leakOnPurpose(difusor::exporting::Bag::PayloadWriter *writer)
{
#if defined(__SANITIZE_ADDRESS__)
    __lsan_ignore_object(writer);
#endif
    (void)writer;
}

QString suitePath(const QString &relative)
{
    return QStringLiteral(DIFUSOR_BAGIT_SUITE "/") + relative;
}

QStringList kindsOf(const BagVerification &v, bool warnings)
{
    QStringList kinds;
    for (const BagProblem &p : v.problems) {
        if (p.warning == warnings && !kinds.contains(problemKindName(p.kind)))
            kinds.append(problemKindName(p.kind));
    }
    return kinds;
}

QString describe(const BagVerification &v)
{
    QStringList lines;
    for (const BagProblem &p : v.problems)
        lines.append(problemLine(p));
    return lines.join(QLatin1Char('\n'));
}

bool problemAbout(const BagVerification &v, BagProblem::Kind kind, const QString &file)
{
    for (const BagProblem &p : v.problems) {
        if (p.kind == kind && p.file == file && !p.warning)
            return true;
    }
    return false;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

int modeOf(const QString &path)
{
    struct stat st {};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Run runIn(const QString &program, const QStringList &args, const QString &dir)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(program, args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

// runExportCommand in this process, its stdout and stderr captured through temporary files.
Run runCommand(const QStringList &args)
{
    QTemporaryFile out;
    QTemporaryFile err;
    if (!out.open() || !err.open())
        return {};
    std::fflush(stdout);
    std::fflush(stderr);
    const int savedOut = ::dup(1);
    const int savedErr = ::dup(2);
    ::dup2(out.handle(), 1);
    ::dup2(err.handle(), 2);
    const int code = runExportCommand(args);
    std::fflush(stdout);
    std::fflush(stderr);
    ::dup2(savedOut, 1);
    ::dup2(savedErr, 2);
    ::close(savedOut);
    ::close(savedErr);
    return {code, readAll(out.fileName()), readAll(err.fileName())};
}

// A bag with a bit of everything: a file copied in, bytes, a folder, spaces and accents, an empty file.
bool makeSampleBag(const QString &root, const QString &sourceDir, QString *error)
{
    const QString log = sourceDir + QStringLiteral("/access.log");
    QByteArray lines;
    for (int i = 0; i < 5000; ++i)
        lines += "203.0.113." + QByteArray::number(i % 250) + " - - [02/Jun/2024:20:00:00 -0600] \"GET /index.html HTTP/1.1\" 200 5120\n";
    if (!writeAll(log, lines))
        return false;
    Bag bag(root);
    bag.setInfo({{QStringLiteral("Source-Organization"), QStringLiteral("Difusor de prueba, S.C.")},
                 {QStringLiteral("Contact-Name"), QStringLiteral("Técnica Núñez")},
                 {QStringLiteral("Contact-Phone"), QStringLiteral("+52 55 5555 0000")},
                 {QStringLiteral("Contact-Email"), QStringLiteral("tecnica@example.org")},
                 {QStringLiteral("External-Description"), QStringLiteral("Memoria técnica del PREP 2024\nsegunda línea")},
                 {QStringLiteral("Difusor-URL"), QStringLiteral("https://prep.example.org")},
                 {QStringLiteral("Period"), QStringLiteral("2024-06-02/2024-06-09")},
                 {QStringLiteral("Time-Zone"), QStringLiteral("UTC-6 (tiempo del centro de México)")},
                 {QStringLiteral("Console-Version"), QStringLiteral("0.1.0")},
                 {QStringLiteral("Payload-Oxum"), QStringLiteral("1.1")}}); // computed: this one is replaced
    bag.setBaggingTime(QDateTime(QDate(2024, 6, 10), QTime(3, 30), Qt::UTC)); // 9 June in Mexico
    return bag.open(error) && bag.addFile(QStringLiteral("norte/access.log"), log, error)
           && bag.addBytes(QStringLiteral("incidentes.csv"), "id,titulo\n1,Retraso\n", error)
           && bag.addBytes(QStringLiteral("comentarios y sugerencias ñ.txt"), "Sin comentarios.\n", error)
           && bag.addBytes(QStringLiteral("vacío.txt"), QByteArray(), error) && bag.finish(error);
}

} // namespace

class TestBag final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_tmp{difusor::test::tempTemplate()};

private Q_SLOTS:
    void formats();
    void conformance_data();
    void conformance();
    void everySuiteCaseIsListed();
    void writtenBagVerifies();
    void sumToolsAcceptOurManifests();
    void percentEncodedPaths();
    void tamperingIsNamed();
    void resumeSkipsWhatIsThere();
    void reopenFinishedBag();
    void refusals();
    void killedWriterResumes();
    void command();
};

void TestBag::formats()
{
    QCOMPARE(encodeManifestPath(QStringLiteral("a%b\nc\rd e")), QStringLiteral("a%25b%0Ac%0Dd e"));
    QCOMPARE(decodeManifestPath(QStringLiteral("a%25b%0ac%0Dd%7Ee%")), QStringLiteral("a%b\nc\rd%7Ee%"));
    QCOMPARE(manifestLine("ab", QStringLiteral("data/x y")), QByteArray("ab  data/x y\n"));
    const auto e = parseManifestLine(u"ABCD \t ./data/a b");
    QVERIFY(e);
    QCOMPARE(e->checksum, QStringLiteral("ABCD"));
    QCOMPARE(e->path, QStringLiteral("data/a b"));
    QVERIFY(e->dotSlash);
    QVERIFY(!parseManifestLine(u"abcd"));
    QCOMPARE(splitLines(QStringLiteral("a\r\nb\rc\nd")), (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")}));
    QString error;
    const auto fields = parseTagFields(QStringLiteral("A: 1\nB : dos\n  y tres\n"), &error);
    QVERIFY2(fields, qPrintable(error));
    QCOMPARE(tagValue(*fields, QStringLiteral("b")), QStringLiteral("dos y tres"));
    QVERIFY(!parseTagFields(QStringLiteral("sin dos puntos\n"), &error));
    QCOMPARE(formatTagFields({{QStringLiteral("X"), QStringLiteral("uno\ndos")}}, &error), QByteArray("X: uno\n  dos\n"));
    QVERIFY(formatTagFields({{QStringLiteral("Mal:a"), QStringLiteral("v")}}, &error).isEmpty());
    QVERIFY(!outOfScopeReason(QStringLiteral("data/../x")).isEmpty());
    QVERIFY(!outOfScopeReason(QStringLiteral("/etc/passwd")).isEmpty());
    QVERIFY(outOfScopeReason(QStringLiteral("data/~x/..y")).isEmpty());
    QCOMPARE(hashHex(HashAlgorithm::Sha256, "abc"), QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
}

// Every bag of the suite (v1.0 and v0.97), with what we answer and why. Our supported subset differs
// from the suite's expectations in three cases, each asserted here as what we do:
//  - v0.97/valid/holey-bag: fetch.txt; we do not download, so a bag with fetch.txt is refused
//    (fetch_unsupported) even though its files happen to be present.
//  - v0.97/warning/duplicate-file-with-different-case: lists data/HELLO.txt, which on a case-
//    sensitive file system (ours) is missing: refused (missing_file).
//  - v0.97/warning/special-system-files: lists data/.DS_Store, which the suite's copy does not hold
//    (git drops it): refused (missing_file, and the Payload-Oxum then disagrees).
// The other "warning" bags are accepted with warnings. windows-only bags are refused here too (their
// paths are outside data/). `kind`: an error expected (refused) or a warning expected (accepted).
struct SuiteCase
{
    const char *bag;
    bool valid;
    const char *kind;
};
const SuiteCase SuiteCases[] = {
    {"v1.0/valid/basicBag", true, ""},
    {"v1.0/invalid/bagit-with-invalid-whitespace", false, "bad_declaration"},
    {"v1.0/invalid/notAllManifestsListAllFiles", false, "extra_file"},
    {"v1.0/invalid/same-filename-listed-twice-with-different-hashes", false, "bad_declaration"}, // "BagIt-Version: 1.0 "
    {"v1.0/invalid/same-filename-listed-twice-with-the-same-hash", false, "duplicate_entry"},

    {"v0.97/valid/ISO-8859-1-encoded-tag-files", true, ""},
    {"v0.97/valid/UTF-16-encoded-tag-files", true, ""},
    {"v0.97/valid/bag-in-a-bag", true, ""},
    {"v0.97/valid/bag-with-encoded-names", true, ""},
    {"v0.97/valid/bag-with-escapable-characters", true, ""},
    {"v0.97/valid/bag-with-leading-dot-slash-in-manifest", true, "manifest_quirk"},
    {"v0.97/valid/bag-with-space", true, ""},
    {"v0.97/valid/basic-bag", true, ""},
    {"v0.97/valid/duplicate-metadata-entries", true, ""},
    {"v0.97/valid/holey-bag", false, "fetch_unsupported"}, // our subset: no fetch.txt
    {"v0.97/valid/minimal-bag", true, ""},
    {"v0.97/valid/uncommon-metadata-separators", true, ""},

    {"v0.97/invalid/baginfo-missing-encoding", false, "bad_declaration"},
    {"v0.97/invalid/bom-in-bagit.txt", false, "bad_declaration"},
    {"v0.97/invalid/corrupt-data-file", false, "hash_mismatch"},
    {"v0.97/invalid/corrupt-tag-file", false, "hash_mismatch"},
    {"v0.97/invalid/extra-file-in-bag", false, "extra_file"},
    {"v0.97/invalid/invalid-version-number", false, "bad_declaration"},
    {"v0.97/invalid/missing-baginfo", false, "missing_file"},
    {"v0.97/invalid/missing-bagit.txt", false, "not_a_bag"},
    {"v0.97/invalid/out-of-scope-file-paths-using-dot-notation", false, "out_of_scope"},
    {"v0.97/invalid/out-of-scope-file-paths-using-dot-notation-for-fetch", false, "fetch_unsupported"},
    {"v0.97/invalid/same-filename-listed-twice-with-different-hashes", false, "duplicate_entry"},

    {"v0.97/warning/made-with-md5sum-tools", true, "manifest_quirk"},
    {"v0.97/warning/relative-path", true, "manifest_quirk"},
    {"v0.97/warning/same-filename-listed-twice-with-the-same-hash", true, "duplicate_entry"},
    {"v0.97/warning/same-filename-listed-twice-with-different-normalization", true, "name_normalization"},
    {"v0.97/warning/duplicate-file-with-different-case", false, "missing_file"}, // case-sensitive file system
    {"v0.97/warning/special-system-files", false, "missing_file"},             // .DS_Store not in the copy

    {"v0.97/linux-only/out-of-scope-file-paths-using-absolute-path", false, "out_of_scope"},
    {"v0.97/linux-only/out-of-scope-file-paths-using-absolute-path-for-fetch", false, "fetch_unsupported"},
    {"v0.97/linux-only/out-of-scope-file-paths-using-shortcut", false, "out_of_scope"},
    {"v0.97/linux-only/out-of-scope-file-paths-using-shortcut-for-fetch", false, "fetch_unsupported"},
    {"v0.97/linux-only/out-of-scope-file-paths-using-shortcut-username", false, "out_of_scope"},
    {"v0.97/linux-only/out-of-scope-file-paths-using-shortcut-username-for-fetch", false, "fetch_unsupported"},

    {"v0.97/windows-only/out-of-scope-file-paths-using-absolute-path", false, "out_of_scope"},
    {"v0.97/windows-only/out-of-scope-file-paths-using-absolute-path-for-fetch", false, "fetch_unsupported"},
    {"v0.97/windows-only/out-of-scope-file-paths-using-shortcut", false, "out_of_scope"},
    {"v0.97/windows-only/out-of-scope-file-paths-using-shortcut-for-fetch", false, "fetch_unsupported"},
    {"v0.97/windows-only/out-of-scope-file-paths-using-unc", false, "out_of_scope"},
    {"v0.97/windows-only/out-of-scope-file-paths-using-unc-for-fetch", false, "fetch_unsupported"},
};

void TestBag::conformance_data()
{
    QTest::addColumn<QString>("bag");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("kind");
    for (const SuiteCase &c : SuiteCases)
        QTest::newRow(c.bag) << QString::fromLatin1(c.bag) << c.valid << QString::fromLatin1(c.kind);
}

void TestBag::conformance()
{
    QFETCH(QString, bag);
    QFETCH(bool, valid);
    QFETCH(QString, kind);
    const BagVerification v = verifyBag(suitePath(bag));
    QVERIFY2(v.valid() == valid, qPrintable(describe(v)));
    if (!kind.isEmpty())
        QVERIFY2(kindsOf(v, valid).contains(kind), qPrintable(describe(v)));
    if (valid)
        QVERIFY(v.payloadFiles > 0);
}

// A case added to the suite must be added to the table above.
void TestBag::everySuiteCaseIsListed()
{
    QStringList listed;
    for (const SuiteCase &c : SuiteCases)
        listed.append(QString::fromLatin1(c.bag));
    QStringList found;
    const QDir suite(QStringLiteral(DIFUSOR_BAGIT_SUITE));
    QDirIterator versions(suite.path(), QDir::Dirs | QDir::NoDotAndDotDot);
    while (versions.hasNext()) {
        QDirIterator groups(versions.next(), QDir::Dirs | QDir::NoDotAndDotDot);
        while (groups.hasNext()) {
            QDirIterator bags(groups.next(), QDir::Dirs | QDir::NoDotAndDotDot);
            while (bags.hasNext())
                found.append(suite.relativeFilePath(bags.next()));
        }
    }
    listed.sort();
    found.sort();
    QCOMPARE(found, listed);
}

void TestBag::writtenBagVerifies()
{
    const QString root = m_tmp.filePath(QStringLiteral("written/paquete"));
    QVERIFY(QDir().mkpath(m_tmp.filePath(QStringLiteral("written/src"))));
    QString error;
    QVERIFY2(makeSampleBag(root, m_tmp.filePath(QStringLiteral("written/src")), &error), qPrintable(error));

    const BagVerification v = verifyBag(root);
    QVERIFY2(v.valid(), qPrintable(describe(v)));
    QVERIFY2(v.problems.isEmpty(), qPrintable(describe(v)));
    QCOMPARE(v.version, QStringLiteral("1.0"));
    QCOMPARE(v.algorithms, (QStringList{QStringLiteral("sha256"), QStringLiteral("sha512")}));
    QCOMPARE(v.payloadFiles, 4);

    QCOMPARE(readAll(root + QStringLiteral("/bagit.txt")), QByteArray("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"));
    const QString info = QString::fromUtf8(readAll(root + QStringLiteral("/bag-info.txt")));
    QVERIFY2(info.startsWith(QStringLiteral("Source-Organization: Difusor de prueba, S.C.\nContact-Name: Técnica Núñez\n")), qPrintable(info));
    QVERIFY2(info.contains(QStringLiteral("External-Description: Memoria técnica del PREP 2024\n  segunda línea\n")), qPrintable(info));
    QVERIFY(info.contains(QStringLiteral("Time-Zone: UTC-6 (tiempo del centro de México)\n")));
    QVERIFY(info.contains(QStringLiteral("Bagging-Date: 2024-06-09\n")));
    QVERIFY(info.contains(QStringLiteral("Bag-Software-Agent: difusor-console")));
    QCOMPARE(info.count(QStringLiteral("Payload-Oxum")), 1);
    qint64 bytes = 0;
    for (const QString &f : {QStringLiteral("norte/access.log"), QStringLiteral("incidentes.csv"),
                             QStringLiteral("comentarios y sugerencias ñ.txt"), QStringLiteral("vacío.txt")})
        bytes += QFileInfo(root + QStringLiteral("/data/") + f).size();
    QVERIFY2(info.contains(QStringLiteral("Payload-Oxum: %1.4\n").arg(bytes)), qPrintable(info));
    QVERIFY(info.contains(QStringLiteral("Bag-Size: ")));

    // Owner only, whatever the umask; no journal or temporary file left.
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        const QString path = it.next();
        QVERIFY2(!it.fileName().startsWith(QStringLiteral(".difusor-")) && !it.fileName().endsWith(QStringLiteral(".difusor-part")), qPrintable(path));
        QCOMPARE(modeOf(path), it.fileInfo().isDir() ? 0700 : 0600);
        files += it.fileInfo().isFile() ? 1 : 0;
    }
    QCOMPARE(files, 4 + 6); // payload + bagit, bag-info, 2 manifests, 2 tag manifests
    QCOMPARE(modeOf(root), 0700);
}

void TestBag::sumToolsAcceptOurManifests()
{
    DIFUSOR_REQUIRE_PROGRAM(sha256sum, "sha256sum");
    DIFUSOR_REQUIRE_PROGRAM(sha512sum, "sha512sum");
    const QString root = m_tmp.filePath(QStringLiteral("sums/paquete"));
    QVERIFY(QDir().mkpath(m_tmp.filePath(QStringLiteral("sums/src"))));
    QString error;
    QVERIFY2(makeSampleBag(root, m_tmp.filePath(QStringLiteral("sums/src")), &error), qPrintable(error));
    for (const auto &[tool, manifest] : {std::pair{sha256sum, QStringLiteral("manifest-sha256.txt")},
                                         std::pair{sha512sum, QStringLiteral("manifest-sha512.txt")},
                                         std::pair{sha256sum, QStringLiteral("tagmanifest-sha256.txt")},
                                         std::pair{sha512sum, QStringLiteral("tagmanifest-sha512.txt")}}) {
        const Run r = runIn(tool, {QStringLiteral("--strict"), QStringLiteral("-c"), manifest}, root);
        QVERIFY2(r.code == 0, qPrintable(manifest + QLatin1Char('\n') + QString::fromUtf8(r.out + r.err)));
        QCOMPARE(r.out.count(": OK\n"), manifest.startsWith(QLatin1String("tag")) ? 4 : 4);
    }
    // And they notice a change, as ours does.
    QFile f(root + QStringLiteral("/data/incidentes.csv"));
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.seek(3));
    QVERIFY(f.write("X") == 1);
    f.close();
    const Run r = runIn(sha256sum, {QStringLiteral("-c"), QStringLiteral("manifest-sha256.txt")}, root);
    QCOMPARE(r.code, 1);
    QVERIFY(r.out.contains("data/incidentes.csv: FAILED"));
}

void TestBag::percentEncodedPaths()
{
    const QString root = m_tmp.filePath(QStringLiteral("percent"));
    Bag bag(root);
    QString error;
    QVERIFY2(bag.open(&error), qPrintable(error));
    QVERIFY(bag.addBytes(QStringLiteral("100%.txt"), "cien\n", &error));
    QVERIFY(bag.addBytes(QStringLiteral("dos\nlíneas\r.txt"), "dos\n", &error));
    QVERIFY(bag.addBytes(QStringLiteral("%7Eliteral.txt"), "tilde\n", &error));
    QVERIFY2(bag.finish(&error), qPrintable(error));
    const QByteArray manifest = readAll(root + QStringLiteral("/manifest-sha256.txt"));
    QVERIFY2(manifest.contains("  data/100%25.txt\n"), manifest.constData());
    QVERIFY2(manifest.contains("  data/dos%0Al\xc3\xadneas%0D.txt\n"), manifest.constData());
    QVERIFY2(manifest.contains("  data/%257Eliteral.txt\n"), manifest.constData());
    QCOMPARE(manifest.count('\n'), 3);
    const BagVerification v = verifyBag(root);
    QVERIFY2(v.valid() && v.problems.isEmpty(), qPrintable(describe(v)));
    // Reopened, the encoded names are known again.
    Bag again(root);
    QVERIFY(again.open(&error));
    QVERIFY(again.hasPayload(QStringLiteral("dos\nlíneas\r.txt"), hashHex(HashAlgorithm::Sha256, "dos\n")));
    QCOMPARE(*again.addBytes(QStringLiteral("100%.txt"), "cien\n", &error), Bag::Added::Skipped);
}

void TestBag::tamperingIsNamed()
{
    const QString src = m_tmp.filePath(QStringLiteral("tamper/src"));
    QVERIFY(QDir().mkpath(src));
    QString error;
    auto fresh = [&](const QString &name) {
        const QString root = m_tmp.filePath(QStringLiteral("tamper/") + name);
        return makeSampleBag(root, src, &error) ? root : QString();
    };

    // One byte flipped in the middle of a payload file: both digests disagree, naming the file.
    QString root = fresh(QStringLiteral("flip"));
    QVERIFY2(!root.isEmpty(), qPrintable(error));
    const QString log = root + QStringLiteral("/data/norte/access.log");
    QByteArray bytes = readAll(log);
    bytes[bytes.size() / 2] = char(bytes.at(bytes.size() / 2) ^ 0x01);
    QVERIFY(writeAll(log, bytes));
    BagVerification v = verifyBag(root);
    QVERIFY(!v.valid());
    QVERIFY2(problemAbout(v, BagProblem::Kind::HashMismatch, QStringLiteral("data/norte/access.log")), qPrintable(describe(v)));
    QCOMPARE(v.errorCount(), 2); // SHA-256 and SHA-512; the size (and so the Oxum) is unchanged
    QVERIFY(describe(v).contains(QStringLiteral("data/norte/access.log: el SHA-256 no coincide")));

    // An extra file in data/ (and so a wrong Payload-Oxum).
    root = fresh(QStringLiteral("extra"));
    QVERIFY(writeAll(root + QStringLiteral("/data/norte/intruso.log"), "x\n"));
    v = verifyBag(root);
    QVERIFY(!v.valid());
    QVERIFY2(problemAbout(v, BagProblem::Kind::ExtraFile, QStringLiteral("data/norte/intruso.log")), qPrintable(describe(v)));
    QVERIFY(problemAbout(v, BagProblem::Kind::OxumMismatch, QStringLiteral("bag-info.txt")));

    // A payload file gone.
    root = fresh(QStringLiteral("missing"));
    QVERIFY(QFile::remove(root + QStringLiteral("/data/incidentes.csv")));
    v = verifyBag(root);
    QVERIFY(!v.valid());
    QVERIFY2(problemAbout(v, BagProblem::Kind::MissingFile, QStringLiteral("data/incidentes.csv")), qPrintable(describe(v)));

    // A tag file edited: the tag manifests catch it.
    root = fresh(QStringLiteral("tag"));
    QByteArray info = readAll(root + QStringLiteral("/bag-info.txt"));
    info.replace("Difusor de prueba", "Otro difusor     ");
    QVERIFY(writeAll(root + QStringLiteral("/bag-info.txt"), info));
    v = verifyBag(root);
    QVERIFY(!v.valid());
    QVERIFY2(problemAbout(v, BagProblem::Kind::HashMismatch, QStringLiteral("bag-info.txt")), qPrintable(describe(v)));

    // A manifest line removed: the file is then listed in one manifest only.
    root = fresh(QStringLiteral("unlisted"));
    QByteArray manifest = readAll(root + QStringLiteral("/manifest-sha512.txt"));
    const qsizetype at = manifest.indexOf("  data/incidentes.csv\n");
    manifest.remove(manifest.lastIndexOf('\n', at) + 1, at - manifest.lastIndexOf('\n', at) - 1 + qsizetype(sizeof("  data/incidentes.csv\n") - 1));
    QVERIFY(writeAll(root + QStringLiteral("/manifest-sha512.txt"), manifest));
    v = verifyBag(root);
    QVERIFY(!v.valid());
    QVERIFY2(problemAbout(v, BagProblem::Kind::NotInManifest, QStringLiteral("data/incidentes.csv")), qPrintable(describe(v)));
    QVERIFY(problemAbout(v, BagProblem::Kind::HashMismatch, QStringLiteral("manifest-sha512.txt"))); // the tag manifest

    // A symbolic link in data/ is refused (evidence must be the file itself).
    root = fresh(QStringLiteral("link"));
    QVERIFY(QFile::link(QStringLiteral("/etc/hostname"), root + QStringLiteral("/data/enlace")));
    v = verifyBag(root);
    QVERIFY2(problemAbout(v, BagProblem::Kind::NotRegularFile, QStringLiteral("data/enlace")), qPrintable(describe(v)));
}

void TestBag::resumeSkipsWhatIsThere()
{
    QString error;
    {
        // Killed in the very first file: still a folder of ours that open() takes up.
        const QString first = m_tmp.filePath(QStringLiteral("resume-first"));
        Bag bag(first);
        QVERIFY2(bag.open(&error), qPrintable(error));
        std::unique_ptr<Bag::PayloadWriter> w = bag.beginPayload(QStringLiteral("a.log"), &error);
        QVERIFY(w && w->write("par"));
        leakOnPurpose(w.release());
        Bag again(first);
        QVERIFY2(again.open(&error), qPrintable(error));
        QVERIFY(again.payloads().isEmpty());
        QVERIFY(again.addBytes(QStringLiteral("a.log"), "parte\n", &error));
        QVERIFY2(again.finish(&error), qPrintable(error));
        QVERIFY(verifyBag(first).valid());
    }
    const QString root = m_tmp.filePath(QStringLiteral("resume"));
    const QString source = m_tmp.filePath(QStringLiteral("resume-source.log"));
    QVERIFY(writeAll(source, QByteArray(300000, 'a')));
    {
        Bag bag(root);
        QVERIFY2(bag.open(&error), qPrintable(error));
        QCOMPARE(*bag.addFile(QStringLiteral("a.log"), source, &error), Bag::Added::Written);
        QCOMPARE(*bag.addBytes(QStringLiteral("b.csv"), "b\n", &error), Bag::Added::Written);
        // Skipped in the same session too.
        QCOMPARE(*bag.addFile(QStringLiteral("a.log"), source, &error), Bag::Added::Skipped);
        QCOMPARE(*bag.addBytes(QStringLiteral("b.csv"), "b\n", &error), Bag::Added::Skipped);
        // An interrupted stream: a temporary file and no commit (as after a crash, the writer is leaked).
        std::unique_ptr<Bag::PayloadWriter> w = bag.beginPayload(QStringLiteral("c.log"), &error);
        QVERIFY(w);
        QVERIFY(w->write("half"));
        QVERIFY(QFileInfo::exists(root + QStringLiteral("/data/.c.log.difusor-part")));
        leakOnPurpose(w.release()); // never committed nor aborted: what a kill leaves behind
    }
    // Not a bag yet: no bagit.txt, and verify says it is an unfinished export.
    BagVerification v = verifyBag(root);
    QVERIFY(v.notABag);
    QVERIFY2(describe(v).contains(QStringLiteral("sin terminar")), qPrintable(describe(v)));

    const QDateTime before = QFileInfo(root + QStringLiteral("/data/a.log")).lastModified();
    const ino_t inode = [&] {
        struct stat st {};
        ::stat(QFile::encodeName(root + QStringLiteral("/data/a.log")).constData(), &st);
        return st.st_ino;
    }();
    Bag bag(root);
    QVERIFY2(bag.open(&error), qPrintable(error));
    QVERIFY(!QFileInfo::exists(root + QStringLiteral("/data/.c.log.difusor-part"))); // leftover removed
    QVERIFY(bag.hasPayload(QStringLiteral("a.log"), hashHex(HashAlgorithm::Sha256, QByteArray(300000, 'a')).toUpper()));
    QVERIFY(!bag.hasPayload(QStringLiteral("a.log"), hashHex(HashAlgorithm::Sha256, "other")));
    QVERIFY(!bag.hasPayload(QStringLiteral("c.log"), hashHex(HashAlgorithm::Sha256, "half")));
    QCOMPARE(*bag.addFile(QStringLiteral("a.log"), source, &error), Bag::Added::Skipped);
    QCOMPARE(*bag.addBytes(QStringLiteral("b.csv"), "b\n", &error), Bag::Added::Skipped);
    QCOMPARE(*bag.addBytes(QStringLiteral("c.log"), "whole\n", &error), Bag::Added::Written);
    // A different content under a known name is written again.
    QCOMPARE(*bag.addBytes(QStringLiteral("b.csv"), "b2\n", &error), Bag::Added::Written);
    QVERIFY2(bag.finish(&error), qPrintable(error));
    struct stat st {};
    QCOMPARE(::stat(QFile::encodeName(root + QStringLiteral("/data/a.log")).constData(), &st), 0);
    QCOMPARE(st.st_ino, inode); // the skipped file was not rewritten
    QCOMPARE(QFileInfo(root + QStringLiteral("/data/a.log")).lastModified(), before);
    v = verifyBag(root);
    QVERIFY2(v.valid() && v.problems.isEmpty(), qPrintable(describe(v)));
    QCOMPARE(readAll(root + QStringLiteral("/data/b.csv")), QByteArray("b2\n"));
    QCOMPARE(v.payloadFiles, 3);
}

void TestBag::reopenFinishedBag()
{
    const QString root = m_tmp.filePath(QStringLiteral("reopen"));
    QString error;
    {
        Bag bag(root);
        QVERIFY(bag.open(&error));
        QVERIFY(bag.addBytes(QStringLiteral("uno.txt"), "1\n", &error));
        QVERIFY(bag.finish(&error));
        QVERIFY(bag.isFinished());
    }
    Bag bag(root);
    QVERIFY2(bag.open(&error), qPrintable(error));
    QVERIFY(bag.isFinished());
    QVERIFY(bag.hasPayload(QStringLiteral("uno.txt"), hashHex(HashAlgorithm::Sha256, "1\n")));
    // Skipping changes nothing: still a finished bag.
    QCOMPARE(*bag.addBytes(QStringLiteral("uno.txt"), "1\n", &error), Bag::Added::Skipped);
    QVERIFY(bag.isFinished());
    QVERIFY(verifyBag(root).valid());
    // Adding unseals first: from that moment the folder is not a bag until finish().
    std::unique_ptr<Bag::PayloadWriter> w = bag.beginPayload(QStringLiteral("dos.txt"), &error);
    QVERIFY(w);
    QVERIFY(!bag.isFinished());
    QVERIFY(verifyBag(root).notABag);
    QVERIFY(w->write("2\n"));
    QVERIFY(w->commit(&error));
    QVERIFY2(bag.finish(&error), qPrintable(error));
    const BagVerification v = verifyBag(root);
    QVERIFY2(v.valid() && v.problems.isEmpty(), qPrintable(describe(v)));
    QCOMPARE(v.payloadFiles, 2);
}

void TestBag::refusals()
{
    QString error;
    // Someone's folder.
    const QString foreign = m_tmp.filePath(QStringLiteral("ajena"));
    QVERIFY(QDir().mkpath(foreign));
    QVERIFY(writeAll(foreign + QStringLiteral("/notas.txt"), "mías\n"));
    Bag bag(foreign);
    QVERIFY(!bag.open(&error));
    QVERIFY2(error.contains(QStringLiteral("no es un paquete de esta consola")), qPrintable(error));
    // Another tool's bag is not ours to change either.
    Bag suiteBag(suitePath(QStringLiteral("v0.97/valid/basic-bag")));
    QVERIFY(!suiteBag.open(&error));

    const QString root = m_tmp.filePath(QStringLiteral("refusals"));
    Bag ours(root);
    QVERIFY(ours.open(&error));
    for (const QString &bad : {QStringLiteral("../fuera"), QStringLiteral("/etc/x"), QStringLiteral("a//b"),
                               QStringLiteral("a/./b"), QString(), QStringLiteral("x.difusor-part")}) {
        QVERIFY2(!ours.addBytes(bad, "x", &error), qPrintable(bad));
        QVERIFY(!error.isEmpty());
    }
    // A copy whose SHA-256 is not the one taken at the source is not kept.
    std::unique_ptr<Bag::PayloadWriter> w = ours.beginPayload(QStringLiteral("remoto.log"), &error);
    QVERIFY(w);
    QVERIFY(w->write("corrupted on the way\n"));
    QVERIFY(!w->commit(&error, hashHex(HashAlgorithm::Sha256, "what the server had\n")));
    QVERIFY2(error.contains(QStringLiteral("SHA-256")), qPrintable(error));
    QVERIFY(!QFileInfo::exists(root + QStringLiteral("/data/remoto.log")));
    QVERIFY(!QFileInfo::exists(root + QStringLiteral("/data/.remoto.log.difusor-part")));
    QVERIFY(!ours.payload(QStringLiteral("remoto.log")));
    // A file put in data/ behind the bag's back stops finish().
    QVERIFY(writeAll(root + QStringLiteral("/data/colado.txt"), "x"));
    QVERIFY(!ours.finish(&error));
    QVERIFY2(error.contains(QStringLiteral("data/colado.txt")), qPrintable(error));
    QVERIFY(!QFileInfo::exists(root + QStringLiteral("/bagit.txt")));
}

// A real process killed with SIGKILL in the middle of a payload file, then run again.
void TestBag::killedWriterResumes()
{
    const QString root = m_tmp.filePath(QStringLiteral("killed"));
    const QStringList args{root, QStringLiteral("6"), QStringLiteral("200000")};
    QProcess writer;
    writer.start(QStringLiteral(BAG_WRITER_BIN), args + QStringList{QStringLiteral("--step")});
    QVERIFY(writer.waitForStarted());
    QByteArray seen;
    for (int i = 0; i < 4; ++i) {
        while (!seen.contains(QByteArray("half " + QByteArray::number(i) + '\n'))) {
            QVERIFY2(writer.waitForReadyRead(20000), seen.constData());
            seen += writer.readAllStandardOutput();
        }
        if (i < 3)
            writer.write("go\n");
    }
    ::kill(pid_t(writer.processId()), SIGKILL); // in the middle of file 3
    QVERIFY(writer.waitForFinished(10000));
    QVERIFY(seen.contains("written 2\n"));
    QVERIFY(!seen.contains("written 3\n"));

    const BagVerification unfinished = verifyBag(root);
    QVERIFY(unfinished.notABag);
    QVERIFY(QFileInfo::exists(root + QStringLiteral("/data/logs/.file-003.bin.difusor-part")));

    const Run again = runIn(QStringLiteral(BAG_WRITER_BIN), args, m_tmp.path());
    QCOMPARE(again.code, 0);
    QCOMPARE(again.out, QByteArray("skipped 0\nskipped 1\nskipped 2\nhalf 3\nwritten 3\nhalf 4\nwritten 4\nhalf 5\nwritten 5\nfinished\n"));
    const BagVerification v = verifyBag(root);
    QVERIFY2(v.valid() && v.problems.isEmpty(), qPrintable(describe(v)));
    QCOMPARE(v.payloadFiles, 6);
}

void TestBag::command()
{
    const QString root = m_tmp.filePath(QStringLiteral("cmd/paquete"));
    QVERIFY(QDir().mkpath(m_tmp.filePath(QStringLiteral("cmd/src"))));
    QString error;
    QVERIFY2(makeSampleBag(root, m_tmp.filePath(QStringLiteral("cmd/src")), &error), qPrintable(error));

    Run r = runCommand({QStringLiteral("verify"), root});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QByteArray());
    QVERIFY2(r.err.contains("es válido"), r.err.constData());

    r = runCommand({QStringLiteral("verify"), root, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.code, 0);
    QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("valid")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("payload_files")).toInt(), 4);

    QByteArray csv = readAll(root + QStringLiteral("/data/incidentes.csv"));
    csv[0] = char(csv.at(0) ^ 0x20);
    QVERIFY(writeAll(root + QStringLiteral("/data/incidentes.csv"), csv));
    QVERIFY(writeAll(root + QStringLiteral("/data/extra.txt"), "x"));
    r = runCommand({QStringLiteral("verify"), root});
    QCOMPARE(r.code, 1);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QVERIFY2(lines.size() == 4, r.out.constData()); // two digests, the extra file, the Oxum
    QVERIFY(r.out.contains("data/incidentes.csv: el SHA-256 no coincide"));
    QVERIFY(r.out.contains("data/incidentes.csv: el SHA-512 no coincide"));
    QVERIFY(r.out.contains("data/extra.txt: "));
    QVERIFY(r.err.contains("NO es válido"));
    r = runCommand({QStringLiteral("verify"), QStringLiteral("--format=json"), root});
    QCOMPARE(r.code, 1);
    o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("valid")).toBool(), false);
    QCOMPARE(o.value(QStringLiteral("errors")).toInt(), 4);
    QCOMPARE(o.value(QStringLiteral("problems")).toArray().first().toObject().value(QStringLiteral("file")).toString(),
             QStringLiteral("bag-info.txt")); // the Oxum is checked before the hashing

    QCOMPARE(runCommand({QStringLiteral("verify"), m_tmp.filePath(QStringLiteral("no-existe"))}).code, 2);
    QCOMPARE(runCommand({QStringLiteral("verify"), m_tmp.filePath(QStringLiteral("cmd/src"))}).code, 2); // not a bag
    r = runCommand({QStringLiteral("verify"), suitePath(QStringLiteral("v0.97/invalid/missing-bagit.txt"))});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains("falta bagit.txt"));
    QCOMPARE(runCommand({QStringLiteral("verify"), suitePath(QStringLiteral("v1.0/valid/basicBag"))}).code, 0);
    QCOMPARE(runCommand({QStringLiteral("verify"), suitePath(QStringLiteral("v0.97/invalid/corrupt-data-file"))}).code, 1);
    r = runCommand({QStringLiteral("verify")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains("Falta la carpeta"));
    r = runCommand({QStringLiteral("verify"), root, QStringLiteral("--bogus")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains("--bogus") || r.err.contains("bogus"));
    QVERIFY(r.err.contains("verify"));
    QCOMPARE(runCommand({QStringLiteral("verify"), root, QStringLiteral("--format"), QStringLiteral("xml")}).code, 2);
    r = runCommand({});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains("--profile"));
    r = runCommand({QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("verify"));
}

QTEST_GUILESS_MAIN(TestBag)
#include "tst_bag.moc"
