// Unit tests of core/remote's pure parts: the quoting helper (checked by real /bin/sh round trips),
// fingerprints (against recorded ssh-keygen -lf output), known_hosts read/write (plain, hashed,
// [host]:port, wildcards), the reconnect backoff, line splitting and output caps.
#include "TestEnv.h"
#include "common/Profile.h"
#include "remote/Backoff.h"
#include "remote/HeadlessHost.h"
#include "remote/HostKeys.h"
#include "remote/JobOutput.h"
#include "remote/KnownHosts.h"
#include "remote/RemoteHost.h"
#include "remote/SshHost.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <csignal>

#include <sys/stat.h>
#include <unistd.h>

using namespace difusor::remote;

namespace {
const QString dataDir = QStringLiteral(DIFUSOR_REMOTE_TEST_DATA);

QByteArray readData(const QString &name)
{
    QFile f(dataDir + QLatin1Char('/') + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray blobOfPub(const QByteArray &pubLine)
{
    return QByteArray::fromBase64(pubLine.simplified().split(' ').value(1));
}

// Runs `<shell> -c <command>` and returns stdout.
QByteArray shellOutput(const QString &shell, const QString &command)
{
    QProcess p;
    p.start(shell, {QStringLiteral("-c"), command});
    p.waitForFinished(10000);
    return p.readAllStandardOutput();
}

// Processes of a process group that are not zombies (a container's init may reap late).
int livingGroupMembers(qint64 pgid)
{
    int n = 0;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &e : entries) {
        QFile f(QStringLiteral("/proc/") + e + QStringLiteral("/stat"));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray stat = f.readAll();
        const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' '); // state ppid pgrp
        if (fields.size() > 2 && fields.at(2).toLongLong() == pgid && fields.at(0) != "Z")
            ++n;
    }
    return n;
}

QStringList shells()
{
    QStringList found = {QStringLiteral("/bin/sh")};
    for (const char *name : {"dash", "bash", "busybox"}) {
        const QString path = difusor::test::findProgram(QString::fromLatin1(name));
        if (!path.isEmpty())
            found << (QLatin1String(name) == QLatin1String("busybox") ? path + QStringLiteral(" sh") : path);
    }
    return found;
}
} // namespace

class TestRemoteUnit final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quoteRoundTripsThroughSh_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("plain") << QStringLiteral("access.log");
        QTest::newRow("empty") << QString();
        QTest::newRow("spaces") << QStringLiteral("  two  spaces and\ttab ");
        QTest::newRow("single quote") << QStringLiteral("it's");
        QTest::newRow("only quotes") << QStringLiteral("''''");
        QTest::newRow("escaped-quote idiom") << QStringLiteral("'\\''");
        QTest::newRow("double quotes") << QStringLiteral("say \"hi\"");
        QTest::newRow("command substitution") << QStringLiteral("$(touch /tmp/difusor-pwned)");
        QTest::newRow("backticks") << QStringLiteral("`id`");
        QTest::newRow("variables") << QStringLiteral("$HOME ${PATH} $1 $@ $$");
        QTest::newRow("newlines") << QStringLiteral("line1\nline2\n");
        QTest::newRow("leading dash") << QStringLiteral("-rf");
        QTest::newRow("leading double dash") << QStringLiteral("--help");
        QTest::newRow("non-ASCII") << QStringLiteral("año_ñandú/Córdoba “curvas” 選挙 🗳");
        QTest::newRow("separators") << QStringLiteral("a; rm -rf / & b | c > d < e");
        QTest::newRow("globs") << QStringLiteral("* ? [a-z] ~");
        QTest::newRow("backslashes") << QStringLiteral("\\ \\\\ \\n \\'");
        QTest::newRow("history and braces") << QStringLiteral("!! {a,b} #comment");
    }
    void quoteRoundTripsThroughSh()
    {
        QFETCH(QString, value);
        for (const QString &shell : shells()) {
            const QStringList parts = shell.split(QLatin1Char(' '));
            QProcess p;
            QStringList args = parts.mid(1);
            args << QStringLiteral("-c") << QStringLiteral("printf %s ") + shellQuote(value);
            p.start(parts.first(), args);
            QVERIFY(p.waitForFinished(10000));
            QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()), value);
            QCOMPARE(p.exitCode(), 0);
        }
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/difusor-pwned")));
    }

    void joinKeepsArgumentsApart()
    {
        const QStringList argv = {QStringLiteral("a b"), QString(), QStringLiteral("-n"), QStringLiteral("x'y"),
                                  QStringLiteral("$(id)\n")};
        const QByteArray out = shellOutput(QStringLiteral("/bin/sh"),
                                           QStringLiteral("for a in ") + shellJoin(argv) + QStringLiteral("; do printf '[%s]' \"$a\"; done"));
        QCOMPARE(out, QByteArray("[a b][][-n][x'y][$(id)\n]"));
    }

    void fingerprintsMatchSshKeygen_data()
    {
        QTest::addColumn<QString>("key");
        for (const char *k : {"ed25519", "rsa2048", "rsa3072", "ecdsa256", "ecdsa384", "ecdsa521"})
            QTest::newRow(k) << QString::fromLatin1(k);
    }
    void fingerprintsMatchSshKeygen()
    {
        QFETCH(QString, key);
        const QByteArray pub = readData(QStringLiteral("keys/") + key + QStringLiteral(".pub"));
        QVERIFY(!pub.isEmpty());
        const auto facts = describePublicKey(blobOfPub(pub));
        QVERIFY(facts);
        QCOMPARE(facts->algorithm.toLatin1(), pub.split(' ').first());
        // Recorded `ssh-keygen -lf key.pub`: "bits SHA256:… comment (TYPE)".
        const QStringList keygen = QString::fromUtf8(readData(QStringLiteral("keys/") + key + QStringLiteral(".keygen-l.txt")))
                                       .trimmed()
                                       .split(QLatin1Char(' '));
        QCOMPARE(fingerprintLine(*facts), keygen.first() + QLatin1Char(' ') + keygen.at(1) + QLatin1Char(' ') + keygen.last());
    }

    void fingerprintsMatchLiveSshKeygen()
    {
        const QString keygen = difusor::test::findProgram(QStringLiteral("ssh-keygen"));
        if (keygen.isEmpty())
            QSKIP("ssh-keygen not installed");
        QTemporaryDir dir(difusor::test::tempTemplate());
        for (const QString &type : {QStringLiteral("ed25519"), QStringLiteral("rsa"), QStringLiteral("ecdsa")}) {
            const QString file = dir.filePath(type);
            QProcess gen;
            gen.start(keygen, {QStringLiteral("-q"), QStringLiteral("-t"), type, QStringLiteral("-N"), QString(),
                               QStringLiteral("-C"), QStringLiteral("c"), QStringLiteral("-f"), file});
            QVERIFY(gen.waitForFinished(30000));
            QProcess list;
            list.start(keygen, {QStringLiteral("-lf"), file + QStringLiteral(".pub")});
            QVERIFY(list.waitForFinished(10000));
            const QStringList f = QString::fromUtf8(list.readAllStandardOutput()).trimmed().split(QLatin1Char(' '));
            QFile pub(file + QStringLiteral(".pub"));
            QVERIFY(pub.open(QIODevice::ReadOnly));
            const auto facts = describePublicKey(blobOfPub(pub.readAll()));
            QVERIFY(facts);
            QCOMPARE(fingerprintLine(*facts), f.first() + QLatin1Char(' ') + f.at(1) + QLatin1Char(' ') + f.last());
        }
    }

    void malformedBlobsAreRejected()
    {
        const QByteArray good = blobOfPub(readData(QStringLiteral("keys/ed25519.pub")));
        QVERIFY(describePublicKey(good));
        QVERIFY(!describePublicKey({}));
        QVERIFY(!describePublicKey(good.left(good.size() - 1)));
        QVERIFY(!describePublicKey(QByteArray("\xff\xff\xff\xffssh-rsa")));
        QVERIFY(!describePublicKey(QByteArray("\0\0\0\x07ssh-xyz", 11)));
        for (int cut = 0; cut < good.size(); ++cut)
            QVERIFY(!describePublicKey(good.left(cut)));
    }

    void encryptedPrivateKeysAreRecognised()
    {
        QVERIFY(privateKeyIsEncrypted(readData(QStringLiteral("keys/enc_openssh"))));
        QVERIFY(privateKeyIsEncrypted(readData(QStringLiteral("keys/enc_pem"))));
        QVERIFY(!privateKeyIsEncrypted(readData(QStringLiteral("keys/plain_openssh"))));
        QVERIFY(!privateKeyIsEncrypted(readData(QStringLiteral("keys/plain_pem"))));
        QVERIFY(!privateKeyIsEncrypted("garbage"));
    }

    void knownHostsLookup_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("plain") << QStringLiteral("known_hosts.plain");
        QTest::newRow("hashed by ssh-keygen -H") << QStringLiteral("known_hosts.hashed");
    }
    void knownHostsLookup()
    {
        QFETCH(QString, file);
        const QByteArray content = readData(file);
        const QByteArray ed = blobOfPub(readData(QStringLiteral("keys/ed25519.pub")));
        const QByteArray rsa = blobOfPub(readData(QStringLiteral("keys/rsa3072.pub")));
        const QByteArray ecdsa = blobOfPub(readData(QStringLiteral("keys/ecdsa256.pub")));
        const QByteArray otherEcdsa = blobOfPub(readData(QStringLiteral("keys/ecdsa384.pub")));
        using S = KnownHosts::Status;
        QCOMPARE(KnownHosts::lookup(content, QStringLiteral("server.example"), 2222, ed).status, S::Known);
        QCOMPARE(KnownHosts::lookup(content, QStringLiteral("SERVER.example"), 2222, ed).status, S::Known);
        // Same name, other port: a different host for known_hosts.
        QCOMPARE(KnownHosts::lookup(content, QStringLiteral("server.example"), 22, ed).status, S::Unknown);
        QCOMPARE(KnownHosts::lookup(content, QStringLiteral("web.example"), 22, rsa).status, S::Known);
        QCOMPARE(KnownHosts::lookup(content, QStringLiteral("192.0.2.7"), 22, rsa).status, S::Known);
        // A recorded key that differs: Changed, and the old key is reported.
        const auto changed = KnownHosts::lookup(content, QStringLiteral("server.example"), 2222, rsa);
        QCOMPARE(changed.status, S::Changed);
        QCOMPARE(changed.oldBlob, ed);
        QCOMPARE(KnownHosts::lookup(content, QStringLiteral("192.0.2.7"), 22, ed).status, S::Changed);
        // Wildcards and negation (left unhashed by ssh-keygen -H).
        QCOMPARE(KnownHosts::lookup(content, QStringLiteral("a.wild.example"), 22, ecdsa).status, S::Known);
        QCOMPARE(KnownHosts::lookup(content, QStringLiteral("a.wild.example"), 22, otherEcdsa).status, S::Changed);
        QCOMPARE(KnownHosts::lookup(content, QStringLiteral("bad.wild.example"), 22, ecdsa).status, S::Unknown);
        QCOMPARE(KnownHosts::lookup(content, QStringLiteral("nowhere.example"), 22, ed).status, S::Unknown);
        QCOMPARE(KnownHosts::lookup(content, QStringLiteral("server.example"), 2222, ed).malformedLines, 0);
    }

    void knownHostsSkipsMalformedLines()
    {
        const QByteArray ed = blobOfPub(readData(QStringLiteral("keys/ed25519.pub")));
        QByteArray content = "garbage\nhost ssh-ed25519 notbase64!!\nhost ssh-rsa " + ed.toBase64() + "\n"
                             + QByteArray(100000, 'x') + "\n@cert-authority * ssh-ed25519 " + ed.toBase64()
                             + "\n\n   \nhost ssh-ed25519 " + ed.toBase64() + " comment here\n";
        const auto r = KnownHosts::lookup(content, QStringLiteral("host"), 22, ed);
        QCOMPARE(r.status, KnownHosts::Status::Known);
        QCOMPARE(r.malformedLines, 4);
        const auto revoked = KnownHosts::lookup("@revoked host ssh-ed25519 " + ed.toBase64() + "\n", QStringLiteral("host"), 22, ed);
        QCOMPARE(revoked.status, KnownHosts::Status::Changed);
    }

    void hashedTokensMatchSshKeygen()
    {
        // The recorded file was hashed by ssh-keygen -H; recompute its first line's HMAC from the salt.
        const QByteArray first = readData(QStringLiteral("known_hosts.hashed")).split('\n').value(1);
        const QByteArray field = first.split(' ').first();
        const QByteArray salt = QByteArray::fromBase64(field.split('|').value(2));
        QCOMPARE(KnownHosts::hashedToken(QStringLiteral("[server.example]:2222"), salt), field);
        QVERIFY(KnownHosts::hostFieldMatches(field, QStringLiteral("[server.example]:2222")));
        QVERIFY(!KnownHosts::hostFieldMatches(field, QStringLiteral("server.example")));
        QCOMPARE(KnownHosts::hostToken(QStringLiteral("Host.Example"), 22), QStringLiteral("host.example"));
        QCOMPARE(KnownHosts::hostToken(QStringLiteral("::1"), 2200), QStringLiteral("[::1]:2200"));
    }

    void knownHostsAppendIsReadableByOpenSsh_data()
    {
        QTest::addColumn<bool>("hashed");
        QTest::newRow("plain") << false;
        QTest::newRow("hashed") << true;
    }
    void knownHostsAppendIsReadableByOpenSsh()
    {
        QFETCH(bool, hashed);
        QTemporaryDir dir(difusor::test::tempTemplate());
        const QString path = dir.filePath(QStringLiteral("sub/known_hosts"));
        const QByteArray ed = blobOfPub(readData(QStringLiteral("keys/ed25519.pub")));
        const QByteArray rsa = blobOfPub(readData(QStringLiteral("keys/rsa2048.pub")));
        QString error;
        QByteArray line;
        QVERIFY2(KnownHosts::append(path, QStringLiteral("127.0.0.1"), 2222, ed, &error, hashed, &line), qPrintable(error));
        if (!hashed)
            QVERIFY(line.startsWith("[127.0.0.1]:2222 ssh-ed25519 AAAA"));
        QVERIFY(KnownHosts::append(path, QStringLiteral("difusor.example"), 22, rsa, &error, hashed));
        QCOMPARE(QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        QCOMPARE(KnownHosts::lookupFile(path, QStringLiteral("127.0.0.1"), 2222, ed).status, KnownHosts::Status::Known);
        QCOMPARE(KnownHosts::lookupFile(path, QStringLiteral("difusor.example"), 22, rsa).status, KnownHosts::Status::Known);
        QCOMPARE(KnownHosts::lookupFile(path, QStringLiteral("difusor.example"), 22, ed).status, KnownHosts::Status::Changed);
        QCOMPARE(KnownHosts::lookupFile(dir.filePath(QStringLiteral("missing")), QStringLiteral("x"), 22, ed).status,
                 KnownHosts::Status::Unknown);

        const QString keygen = difusor::test::findProgram(QStringLiteral("ssh-keygen"));
        if (keygen.isEmpty())
            return;
        for (const QString &token : {QStringLiteral("[127.0.0.1]:2222"), QStringLiteral("difusor.example")}) {
            QProcess p;
            p.start(keygen, {QStringLiteral("-F"), token, QStringLiteral("-f"), path});
            QVERIFY(p.waitForFinished(10000));
            QCOMPARE(p.exitCode(), 0);
            QVERIFY(p.readAllStandardOutput().contains(QByteArray("# Host " + token.toUtf8() + " found")));
        }
    }

    // A known_hosts file that exists but cannot be read is never "first use": the key on record may be
    // in it. Only a missing file is empty.
    void unreadableKnownHostsIsRefused()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        const QByteArray ed = blobOfPub(readData(QStringLiteral("keys/ed25519.pub")));
        const QString host = QStringLiteral("127.0.0.1");

        const QString missing = dir.filePath(QStringLiteral("nothing/known_hosts"));
        QCOMPARE(KnownHosts::lookupFile(missing, host, 22, ed).status, KnownHosts::Status::Unknown);

        const QString folder = dir.filePath(QStringLiteral("a-folder"));
        QVERIFY(QDir().mkpath(folder));
        KnownHosts::Lookup r = KnownHosts::lookupFile(folder, host, 22, ed);
        QCOMPARE(r.status, KnownHosts::Status::Unreadable);
        QVERIFY2(r.error.contains(QStringLiteral("carpeta")), qPrintable(r.error));

        const QString big = dir.filePath(QStringLiteral("big"));
        QFile bigFile(big);
        QVERIFY(bigFile.open(QIODevice::WriteOnly));
        QVERIFY(bigFile.resize(16 * 1024 * 1024 + 1)); // sparse
        bigFile.close();
        r = KnownHosts::lookupFile(big, host, 22, ed);
        QCOMPARE(r.status, KnownHosts::Status::Unreadable);
        QVERIFY2(r.error.contains(QStringLiteral("16 MiB")), qPrintable(r.error));

        // A path through a regular file: stat() fails with ENOTDIR, not "missing".
        r = KnownHosts::lookupFile(big + QStringLiteral("/known_hosts"), host, 22, ed);
        QCOMPARE(r.status, KnownHosts::Status::Unreadable);
        QVERIFY(!r.error.isEmpty());

        if (::geteuid() != 0) { // root reads a 0000 file anyway
            const QString locked = dir.filePath(QStringLiteral("locked"));
            QVERIFY(KnownHosts::append(locked, host, 22, ed));
            QVERIFY(QFile::setPermissions(locked, QFileDevice::Permissions()));
            r = KnownHosts::lookupFile(locked, host, 22, ed);
            QCOMPARE(r.status, KnownHosts::Status::Unreadable);
            QVERIFY2(!r.error.isEmpty(), "the OS error must be given");
        }
    }

    // What we append to is owner-only whatever the umask; folders we create are 0700.
    void knownHostsAppendIsPrivate()
    {
        const mode_t oldMask = ::umask(0022);
        QTemporaryDir dir(difusor::test::tempTemplate());
        const QByteArray ed = blobOfPub(readData(QStringLiteral("keys/ed25519.pub")));
        const QString path = dir.filePath(QStringLiteral("new/sub/known_hosts"));
        QString error;
        QVERIFY2(KnownHosts::append(path, QStringLiteral("h"), 22, ed, &error), qPrintable(error));
        const QString existing = dir.filePath(QStringLiteral("existing"));
        QFile f(existing);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        QVERIFY(QFile::setPermissions(existing, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                                                    | QFileDevice::ReadOther));
        QVERIFY2(KnownHosts::append(existing, QStringLiteral("h"), 22, ed, &error), qPrintable(error));
        ::umask(oldMask);
        const auto ownerRw = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser;
        QCOMPARE(QFileInfo(path).permissions(), ownerRw);
        QCOMPARE(QFileInfo(existing).permissions(), ownerRw);
        const auto ownerDir = ownerRw | QFileDevice::ExeOwner | QFileDevice::ExeUser;
        QCOMPARE(QFileInfo(dir.filePath(QStringLiteral("new"))).permissions(), ownerDir);
        QCOMPARE(QFileInfo(dir.filePath(QStringLiteral("new/sub"))).permissions(), ownerDir);
    }

    // The secret is taken out of the environment as soon as a headless host exists: no child inherits it.
    void headlessSecretLeavesTheEnvironment()
    {
        qputenv("DIFUSOR_SSH_SECRET", "hunter2");
        difusor::Profile profile;
        profile.host = QStringLiteral("127.0.0.1");
        profile.port = difusor::test::freePort();
        profile.user = QStringLiteral("nadie");
        QString errText;
        QTextStream err(&errText);
        const auto host = makeHeadlessHost(profile, false, err);
        QVERIFY(host);
        QVERIFY(!qEnvironmentVariableIsSet("DIFUSOR_SSH_SECRET"));
        QProcess child;
        child.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("printf %s \"${DIFUSOR_SSH_SECRET-unset}\"")});
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.readAllStandardOutput(), QByteArray("unset"));
    }

    void appendKeepsLinesWhole()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        const QString path = dir.filePath(QStringLiteral("known_hosts"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# no final newline");
        f.close();
        const QByteArray ed = blobOfPub(readData(QStringLiteral("keys/ed25519.pub")));
        QVERIFY(KnownHosts::append(path, QStringLiteral("h"), 22, ed));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().startsWith("# no final newline\nh ssh-ed25519 "));
    }

    void backoffDoublesUpToThirtySeconds()
    {
        Backoff b;
        QList<int> seen;
        for (int i = 0; i < 8; ++i)
            seen << b.next();
        QCOMPARE(seen, (QList<int>{1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000}));
        b.reset();
        QCOMPARE(b.next(), 1000);
        Backoff fast(200, 800);
        QCOMPARE((QList<int>{fast.next(), fast.next(), fast.next(), fast.next()}), (QList<int>{200, 400, 800, 800}));
        Backoff many;
        for (int i = 0; i < 1000; ++i)
            QVERIFY(many.next() <= 30000);
    }

    void deadLinkIsNoticedWithin45Seconds()
    {
        const SshTimings defaults;
        QCOMPARE(defaults.keepaliveIntervalMs, 15000);
        QCOMPARE(defaults.deadAfterMs, 45000);
        QVERIFY(defaults.keepaliveIntervalMs + defaults.probeTimeoutMs() <= defaults.deadAfterMs);
        SshTimings fast;
        fast.keepaliveIntervalMs = 500;
        fast.deadAfterMs = 2000;
        QCOMPARE(fast.probeTimeoutMs(), 1500);
        SshTimings odd;
        odd.deadAfterMs = odd.keepaliveIntervalMs; // nonsense settings still leave a usable timeout
        QCOMPARE(odd.probeTimeoutMs(), 500);
    }

    void stateTextsAreTranslatedSpanish()
    {
        QCOMPARE(connectionStateText(ConnectionState::Reconnecting), QStringLiteral("Reconectando"));
        QCOMPARE(connectionStateText(ConnectionState::Failed), QStringLiteral("Falló"));
    }

    void lineSplitterHandlesPiecesAndLimits()
    {
        LineSplitter s(8);
        QCOMPARE(s.feed("ab"), QList<QByteArray>());
        QCOMPARE(s.feed("c\r\nde\n\nf"), (QList<QByteArray>{"abc", "de", ""}));
        QCOMPARE(s.feed("0123456789xyz\n"), (QList<QByteArray>{"f0123456", "789xyz"}));
        QCOMPARE(s.feed("tail"), QList<QByteArray>());
        QCOMPARE(s.flush(), QList<QByteArray>{"tail"});
        QCOMPARE(s.flush(), QList<QByteArray>());
    }

    void cappedBufferMarksTruncation()
    {
        CappedBuffer b(5);
        b.append("abc");
        QVERIFY(!b.truncated());
        b.append("defg");
        QVERIFY(b.truncated());
        const QByteArray out = b.take();
        QVERIFY(out.startsWith("abcde\n"));
        QVERIFY(out.contains("5 bytes"));
    }

    void exit127IsCommandNotFound()
    {
        CommandResult r;
        r.exitStatus = 127;
        classifyExit(r, QStringLiteral("  inotifywait -m /srv"));
        QCOMPARE(r.error, RemoteError::CommandNotFound);
        QVERIFY(r.errorText.contains(QStringLiteral("inotifywait")));
        CommandResult ok;
        ok.exitStatus = 1;
        classifyExit(ok, QStringLiteral("false"));
        QCOMPARE(ok.error, RemoteError::None);
    }

    void wrapperPrintsItsProcessGroupThenRunsTheCommand()
    {
        // As sshd would: the wrapper is the command line of a shell that leads its own session.
        QProcess p;
        p.setChildProcessModifier([] { ::setsid(); });
        p.start(QStringLiteral("/bin/sh"),
                {QStringLiteral("-c"), QString::fromUtf8(wrapCommandForGroupKill(QStringLiteral("cat; echo \"[$1]\" \"it's\"")))});
        QVERIFY(p.waitForStarted(5000));
        const qint64 pid = p.processId();
        p.write("from stdin\n");
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(10000));
        const QList<QByteArray> lines = p.readAllStandardOutput().split('\n');
        QCOMPARE(lines.value(0).toLongLong(), pid);
        QCOMPARE(lines.value(1), QByteArray("from stdin"));
        QCOMPARE(lines.value(2), QByteArray("[] it's"));
    }

    void groupKillEndsAPipeline()
    {
        // Under every shell we have: the kill runs in the user's login shell on the server.
        for (const QString &shell : shells()) {
            QProcess group;
            group.setChildProcessModifier([] { ::setsid(); });
            group.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("sleep 600 | cat")});
            QVERIFY(group.waitForStarted(5000));
            const qint64 pgid = group.processId();
            QTest::qWait(200);
            const QStringList parts = shell.split(QLatin1Char(' '));
            QProcess killer;
            killer.start(parts.first(), parts.mid(1) << QStringLiteral("-c") << QString::fromUtf8(groupKillCommand(pgid)));
            QVERIFY(killer.waitForFinished(10000));
            QCOMPARE(killer.exitCode(), 0);
            QVERIFY2(group.waitForFinished(5000), qPrintable(shell));
            QVERIFY(QTest::qWaitFor([pgid] { return livingGroupMembers(pgid) == 0; }, 3000));
        }
    }

    void downloadCommandQuotesThePath()
    {
        const QString cmd = downloadCommand(QStringLiteral("/var/log/a b'$(x).log"), 10);
        QCOMPARE(cmd, QStringLiteral("wc -c < '/var/log/a b'\\''$(x).log' && tail -c +11 '/var/log/a b'\\''$(x).log'"));
    }
};

QTEST_GUILESS_MAIN(TestRemoteUnit)
#include "tst_remote_unit.moc"
