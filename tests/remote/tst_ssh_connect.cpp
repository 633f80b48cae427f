// Integration: connecting with SshHost to a real OpenSSH sshd: host keys (unknown, changed),
// authentication (key, encrypted keys, wrong key, password, keyboard-interactive), clear errors,
// and the link dropping (sshd killed, or frozen) with reconnect.
#include "RemoteTestUtil.h"
#include "SshdFixture.h"
#include "TestEnv.h"
#include "remote/SshHost.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTemporaryDir>

#include <csignal>
#include <memory>

#include <unistd.h>

using namespace difusor;
using namespace difusor::remote;
using difusor::test::JobWatch;
using difusor::test::SshdFixture;

namespace {
std::unique_ptr<SshHost> makeHost(const Profile &profile)
{
    auto host = std::make_unique<SshHost>(profile);
    host->setSshConfigFile({});
    return host;
}

QString lastReason(const QSignalSpy &spy)
{
    return spy.isEmpty() ? QString() : spy.last().at(1).toString();
}

QList<ConnectionState> states(const QSignalSpy &spy)
{
    QList<ConnectionState> out;
    for (const auto &args : spy)
        out.append(args.first().value<ConnectionState>());
    return out;
}

// "256 SHA256:abc comment (ED25519)" -> "256 SHA256:abc (ED25519)"
QString withoutComment(const QString &keygenLine)
{
    const QStringList f = keygenLine.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return f.size() < 3 ? keygenLine : f.at(0) + QLatin1Char(' ') + f.at(1) + QLatin1Char(' ') + f.last();
}
} // namespace

class TestSshConnect final : public QObject
{
    Q_OBJECT
    std::unique_ptr<SshdFixture> m_sshd;

private Q_SLOTS:
    void initTestCase()
    {
        DIFUSOR_REQUIRE_PROGRAM(sshd, "sshd");
        m_sshd = std::make_unique<SshdFixture>();
        QString error;
        QVERIFY2(m_sshd->start(&error), qPrintable(error));
    }
    void cleanupTestCase()
    {
        const QString dir = m_sshd ? m_sshd->dir() : QString();
        m_sshd.reset();
        // Nothing we started survives: no sshd (or session child) naming the fixture's folder.
        if (!dir.isEmpty())
            QVERIFY(SshdFixture::findProcesses([&dir](qint64, const QByteArray &cmdline, const QByteArray &) {
                        return cmdline.contains(dir.toUtf8());
                    }).isEmpty());
    }

    void unknownHostKeyAsksAndRemembers()
    {
        QFile::remove(m_sshd->knownHostsPath());
        auto host = makeHost(m_sshd->profile());
        QSignalSpy unknown(host.get(), &RemoteHost::hostKeyUnknown);
        host->connectToHost();
        QVERIFY(unknown.wait(10000));
        const auto info = unknown.first().first().value<HostKeyInfo>();
        const QString keygen = m_sshd->hostKeyFingerprintLine();
        QCOMPARE(QStringLiteral("%1 %2 (%3)").arg(info.keyBits).arg(info.fingerprint, info.keyType), withoutComment(keygen));
        QCOMPARE(info.keyType, QStringLiteral("ED25519"));
        QCOMPARE(info.port, m_sshd->port());
        QVERIFY(!QFile::exists(m_sshd->knownHostsPath())); // nothing remembered before consent
        host->answerHostKey(true);
        QVERIFY(test::waitForState(*host, ConnectionState::Connected, 10000));
        QFile known(m_sshd->knownHostsPath());
        QVERIFY(known.open(QIODevice::ReadOnly));
        QVERIFY(known.readAll().startsWith(QByteArray("[127.0.0.1]:" + QByteArray::number(m_sshd->port()) + " ssh-ed25519 ")));

        // Next time: no question. And ssh-keygen -F agrees with what we wrote.
        auto again = makeHost(m_sshd->profile());
        QSignalSpy unknown2(again.get(), &RemoteHost::hostKeyUnknown);
        again->connectToHost();
        QVERIFY(test::waitForState(*again, ConnectionState::Connected, 10000));
        QVERIFY(unknown2.isEmpty());
        QVERIFY(SshdFixture::runTool(QStringLiteral("ssh-keygen"),
                                     {QStringLiteral("-F"), QStringLiteral("[127.0.0.1]:%1").arg(m_sshd->port()),
                                      QStringLiteral("-f"), m_sshd->knownHostsPath()}));
    }

    // A profile without known_hosts_file reads ours, then OpenSSH's ~/.ssh/known_hosts as ssh does, and
    // says which file vouched for the key; a trusted new key is saved in ours and says so.
    void emptyKnownHostsFileReadsOpenSshs()
    {
        QTemporaryDir home(test::tempTemplate());
        QTemporaryDir data(test::tempTemplate());
        const QByteArray oldHome = qgetenv("HOME"), oldData = qgetenv("XDG_DATA_HOME");
        qputenv("HOME", QFile::encodeName(home.path()));
        qputenv("XDG_DATA_HOME", QFile::encodeName(data.path()));
        auto restore = qScopeGuard([&] {
            qputenv("HOME", oldHome);
            if (oldData.isEmpty())
                qunsetenv("XDG_DATA_HOME");
            else
                qputenv("XDG_DATA_HOME", oldData);
        });
        QFile::remove(m_sshd->knownHostsPath()); // one line: the host's key as ssh-keyscan would give it
        QVERIFY(m_sshd->trustHostKey());
        QFile fixtureKnown(m_sshd->knownHostsPath());
        QVERIFY(fixtureKnown.open(QIODevice::ReadOnly));
        const QByteArray keyLine = fixtureKnown.readAll();
        QVERIFY(QDir().mkpath(home.filePath(QStringLiteral(".ssh"))));
        const QString openSsh = home.filePath(QStringLiteral(".ssh/known_hosts"));
        auto write = [](const QString &path, const QByteArray &content) {
            QFile f(path);
            return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
        };
        QVERIFY(write(openSsh, keyLine));

        Profile profile = m_sshd->profile();
        profile.knownHostsFile.clear();
        {
            auto host = makeHost(profile);
            QCOMPARE(host->knownHostsFile(), SshHost::defaultKnownHostsFile());
            QVERIFY(host->knownHostsFile().startsWith(data.path()));
            QSignalSpy unknown(host.get(), &RemoteHost::hostKeyUnknown);
            QSignalSpy accepted(host.get(), &SshHost::hostKeyAccepted);
            host->connectToHost();
            QVERIFY(test::waitForState(*host, ConnectionState::Connected, 10000));
            QVERIFY(unknown.isEmpty()); // known from ~/.ssh/known_hosts: no question
            QCOMPARE(accepted.size(), 1);
            QCOMPARE(accepted.first().at(1).toString(), openSsh);
            QCOMPARE(accepted.first().at(2).toBool(), false);
            QCOMPARE(host->hostKeySource(), openSsh);
            QVERIFY(!QFile::exists(SshHost::defaultKnownHostsFile())); // OpenSSH's file is only read
        }

        // Another key on record there for this host: refused as ssh would, naming that file.
        QByteArray other = keyLine;
        const qsizetype b64 = other.indexOf("ssh-ed25519 ") + 12;
        other[b64 + 60] = other[b64 + 60] == 'A' ? 'B' : 'A';
        QVERIFY(write(openSsh, other));
        {
            auto host = makeHost(profile);
            QSignalSpy changed(host.get(), &RemoteHost::hostKeyChanged);
            QSignalSpy state(host.get(), &RemoteHost::stateChanged);
            host->connectToHost();
            QVERIFY(test::waitForState(*host, ConnectionState::Failed, 10000));
            QCOMPARE(changed.size(), 1);
            QVERIFY2(lastReason(state).contains(openSsh), qPrintable(lastReason(state)));
        }

        // In no file: asked; trusted, it is saved in ours, and the signal says where.
        QVERIFY(QFile::remove(openSsh));
        {
            auto host = makeHost(profile);
            QSignalSpy unknown(host.get(), &RemoteHost::hostKeyUnknown);
            QSignalSpy accepted(host.get(), &SshHost::hostKeyAccepted);
            host->connectToHost();
            QVERIFY(unknown.wait(10000));
            QCOMPARE(unknown.first().first().value<HostKeyInfo>().knownHostsFile, SshHost::defaultKnownHostsFile());
            host->answerHostKey(true);
            QVERIFY(test::waitForState(*host, ConnectionState::Connected, 10000));
            QCOMPARE(accepted.size(), 1);
            QCOMPARE(accepted.first().at(1).toString(), SshHost::defaultKnownHostsFile());
            QCOMPARE(accepted.first().at(2).toBool(), true);
            QVERIFY(QFile::exists(SshHost::defaultKnownHostsFile()));
            QVERIFY(!QFile::exists(openSsh));
        }
    }

    void sshConfigIsHonoured()
    {
        // "Host difusor-alias" with HostName, Port and User from an OpenSSH config file.
        QFile::remove(m_sshd->knownHostsPath());
        QVERIFY(m_sshd->trustHostKey());
        const QString config = m_sshd->path(QStringLiteral("ssh_config"));
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("Host difusor-alias\n  HostName 127.0.0.1\n  Port %1\n  User %2\n")
                    .arg(m_sshd->port())
                    .arg(m_sshd->userName())
                    .toUtf8());
        f.close();
        Profile p = m_sshd->profile();
        p.host = QStringLiteral("difusor-alias");
        p.port = 22;
        p.user.clear();
        SshHost host(p);
        host.setSshConfigFile(config);
        QSignalSpy unknown(&host, &RemoteHost::hostKeyUnknown);
        host.connectToHost();
        QVERIFY(test::waitForState(host, ConnectionState::Connected, 10000));
        QVERIFY(unknown.isEmpty()); // keyed by the real host and port, as OpenSSH does
        const auto r = test::runAndWait(host, QStringLiteral("id -un"));
        QVERIFY(r);
        QCOMPARE(r->stdOut.trimmed(), m_sshd->userName().toUtf8());
    }

    void agentAuthentication()
    {
        DIFUSOR_REQUIRE_PROGRAM(agentProgram, "ssh-agent");
        QFile::remove(m_sshd->knownHostsPath());
        QVERIFY(m_sshd->trustHostKey());
        const QString socket = m_sshd->path(QStringLiteral("agent.sock"));
        QProcess agent;
        agent.start(agentProgram, {QStringLiteral("-D"), QStringLiteral("-a"), socket});
        QVERIFY(agent.waitForStarted(5000));
        const auto stopAgent = qScopeGuard([&agent] {
            agent.kill();
            agent.waitForFinished(3000);
        });
        QVERIFY(QTest::qWaitFor([&] { return QFile::exists(socket); }, 5000));
        const QByteArray oldSock = qgetenv("SSH_AUTH_SOCK");
        qputenv("SSH_AUTH_SOCK", socket.toUtf8());
        const auto restoreEnv = qScopeGuard([oldSock] { qputenv("SSH_AUTH_SOCK", oldSock); });
        QProcess add;
        add.start(test::findProgram(QStringLiteral("ssh-add")), {m_sshd->userKeyPath()});
        QVERIFY(add.waitForFinished(10000));
        QCOMPARE(add.exitCode(), 0);

        Profile p = m_sshd->profile();
        p.auth = AuthMethod::Agent;
        p.keyFile.clear();
        auto host = makeHost(p);
        host->connectToHost();
        QVERIFY(test::waitForState(*host, ConnectionState::Connected, 10000));
        const auto r = test::runAndWait(*host, QStringLiteral("echo agent"));
        QVERIFY(r && r->stdOut == "agent\n");
    }

    void refusedHostKeyFails()
    {
        QFile::remove(m_sshd->knownHostsPath());
        auto host = makeHost(m_sshd->profile());
        QSignalSpy unknown(host.get(), &RemoteHost::hostKeyUnknown);
        QSignalSpy changes(host.get(), &RemoteHost::stateChanged);
        host->connectToHost();
        QVERIFY(unknown.wait(10000));
        host->answerHostKey(false);
        QVERIFY(test::waitForState(*host, ConnectionState::Failed, 10000));
        QVERIFY(!QFile::exists(m_sshd->knownHostsPath()));
        QVERIFY(!lastReason(changes).isEmpty());
    }

    void wrongKeyIsRefusedClearly()
    {
        QFile::remove(m_sshd->knownHostsPath());
        QVERIFY(m_sshd->trustHostKey());
        const QString other = m_sshd->path(QStringLiteral("other_key"));
        QVERIFY(SshdFixture::runTool(QStringLiteral("ssh-keygen"), {QStringLiteral("-q"), QStringLiteral("-t"),
                                     QStringLiteral("ed25519"), QStringLiteral("-N"), QString(), QStringLiteral("-f"), other}));
        Profile p = m_sshd->profile();
        p.keyFile = other;
        auto host = makeHost(p);
        QSignalSpy changes(host.get(), &RemoteHost::stateChanged);
        host->connectToHost();
        QVERIFY(test::waitForState(*host, ConnectionState::Failed, 10000));
        const QString reason = lastReason(changes);
        QVERIFY2(reason.contains(QStringLiteral("rechazó la autenticación")), qPrintable(reason));
        QVERIFY2(reason.contains(QStringLiteral("publickey")), qPrintable(reason));
        QVERIFY(states(changes).contains(ConnectionState::Authenticating));
    }

    void encryptedKeysAskForPassphrase_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("OpenSSH") << QStringLiteral("RFC4716"); // ssh-keygen's default new format
        QTest::newRow("PEM") << QStringLiteral("PEM");
    }
    void encryptedKeysAskForPassphrase()
    {
        QFETCH(QString, format);
        QFile::remove(m_sshd->knownHostsPath());
        QVERIFY(m_sshd->trustHostKey());
        const QString key = m_sshd->path(QStringLiteral("enc_") + format);
        QFile::remove(key);
        QStringList args = {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ecdsa"), QStringLiteral("-N"),
                            QStringLiteral("s3cr3t frase"), QStringLiteral("-f"), key};
        if (format == QLatin1String("PEM"))
            args << QStringLiteral("-m") << QStringLiteral("PEM");
        QVERIFY(SshdFixture::runTool(QStringLiteral("ssh-keygen"), args));
        QFile pub(key + QStringLiteral(".pub"));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        QFile auth(m_sshd->path(QStringLiteral("authorized_keys")));
        QVERIFY(auth.open(QIODevice::Append));
        auth.write(pub.readAll());
        auth.close();

        Profile p = m_sshd->profile();
        p.keyFile = key;
        auto host = makeHost(p);
        QSignalSpy asks(host.get(), &RemoteHost::secretRequested);
        host->connectToHost();
        QVERIFY(asks.wait(10000));
        QCOMPARE(asks.first().first().value<SecretRequest>().kind, SecretRequest::Kind::KeyPassphrase);
        host->provideSecret(QStringLiteral("wrong"));
        QVERIFY(asks.wait(10000)); // asked again
        QVERIFY(asks.last().first().value<SecretRequest>().prompt.contains(QStringLiteral("incorrecta")));
        host->provideSecret(QStringLiteral("s3cr3t frase"));
        QVERIFY(test::waitForState(*host, ConnectionState::Connected, 10000));
        const auto r = test::runAndWait(*host, QStringLiteral("echo ok"));
        QVERIFY(r && r->ok());
    }

    void changedHostKeyIsRefused()
    {
        QFile::remove(m_sshd->knownHostsPath());
        QVERIFY(m_sshd->trustHostKey());
        const QString oldLine = withoutComment(m_sshd->hostKeyFingerprintLine());
        QString error;
        QVERIFY2(m_sshd->regenerateHostKey(&error), qPrintable(error));
        QVERIFY2(m_sshd->restart(&error), qPrintable(error));
        const QString newLine = withoutComment(m_sshd->hostKeyFingerprintLine());
        QVERIFY(oldLine != newLine);

        auto host = makeHost(m_sshd->profile());
        QSignalSpy changed(host.get(), &RemoteHost::hostKeyChanged);
        QSignalSpy unknown(host.get(), &RemoteHost::hostKeyUnknown);
        QSignalSpy stateSpy(host.get(), &RemoteHost::stateChanged);
        host->connectToHost();
        QVERIFY(test::waitForState(*host, ConnectionState::Failed, 10000));
        QCOMPARE(changed.size(), 1);
        QVERIFY(unknown.isEmpty());
        const auto info = changed.first().first().value<HostKeyInfo>();
        QCOMPARE(info.oldFingerprint, oldLine);
        QCOMPARE(QStringLiteral("%1 %2 (%3)").arg(info.keyBits).arg(info.fingerprint, info.keyType), newLine);
        const QString reason = lastReason(stateSpy);
        QVERIFY2(reason.contains(QStringLiteral("CAMBIÓ")), qPrintable(reason));
        QVERIFY(reason.contains(info.oldFingerprint.section(QLatin1Char(' '), 1, 1)));
        QVERIFY(reason.contains(info.fingerprint));
        // And nothing was rewritten: the old entry stays until a person deletes it.
        QFile known(m_sshd->knownHostsPath());
        QVERIFY(known.open(QIODevice::ReadOnly));
        const QByteArray content = known.readAll();
        QCOMPARE(content.count('\n'), 1);
    }

    void clearConnectErrors()
    {
        Profile p = m_sshd->profile();
        // DNS
        p.host = QStringLiteral("no-such-host.invalid");
        auto dns = makeHost(p);
        QSignalSpy dnsSpy(dns.get(), &RemoteHost::stateChanged);
        dns->connectToHost();
        QVERIFY(test::waitForState(*dns, ConnectionState::Failed, 15000));
        QVERIFY2(lastReason(dnsSpy).contains(QStringLiteral("DNS")), qPrintable(lastReason(dnsSpy)));
        // Refused port
        p = m_sshd->profile();
        p.port = test::freePort();
        auto refused = makeHost(p);
        QSignalSpy refusedSpy(refused.get(), &RemoteHost::stateChanged);
        refused->connectToHost();
        QVERIFY(test::waitForState(*refused, ConnectionState::Failed, 15000));
        QVERIFY2(lastReason(refusedSpy).contains(QStringLiteral("rechazó la conexión")), qPrintable(lastReason(refusedSpy)));
        // Timeout: a port that accepts but never says a word.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        p.port = silent.serverPort();
        auto mute = makeHost(p);
        SshTimings t;
        t.connectTimeoutMs = 1500;
        mute->setTimings(t);
        QSignalSpy muteSpy(mute.get(), &RemoteHost::stateChanged);
        mute->connectToHost();
        QVERIFY(test::waitForState(*mute, ConnectionState::Failed, 15000));
        QVERIFY2(lastReason(muteSpy).contains(QStringLiteral("no respondió")), qPrintable(lastReason(muteSpy)));
        // Jobs asked of a failed host end at once, with an error.
        const auto r = test::runAndWait(*mute, QStringLiteral("true"), {}, 1000, 5000);
        QVERIFY(r && r->error == RemoteError::Disconnected);
    }

    void channelRefusedIsReported()
    {
        SshdFixture one;
        one.setExtraOptions({QStringLiteral("MaxSessions=1")});
        QString error;
        QVERIFY2(one.start(&error), qPrintable(error));
        QVERIFY(one.trustHostKey());
        auto host = makeHost(one.profile());
        SshTimings t;
        t.keepaliveIntervalMs = 600000; // no probe in the way
        host->setTimings(t);
        QSignalSpy rtt(host.get(), &RemoteHost::roundTripMeasured);
        host->connectToHost();
        QVERIFY(test::waitForState(*host, ConnectionState::Connected, 10000));
        QVERIFY(rtt.wait(5000) || !rtt.isEmpty());
        QTest::qWait(300); // the probe's channel is closed on both sides
        QObject context;
        JobWatch holder(host->stream(QStringLiteral("echo up; sleep 30")), &context);
        const bool settled = QTest::qWaitFor([&] { return !holder.lines.isEmpty() || holder.result; }, 10000);
        Q_UNUSED(settled)
        QVERIFY2(!holder.lines.isEmpty(), holder.result ? qPrintable(holder.result->errorText) : "no line");
        const auto r = test::runAndWait(*host, QStringLiteral("true"), {}, 10000, 15000);
        QVERIFY(r);
        QCOMPARE(r->error, RemoteError::ChannelRefused);
        QVERIFY(!r->errorText.isEmpty());
        host.reset();
    }

    void compressionIsNegotiatedWhenTheProfileAsks()
    {
        // sshd says at DEBUG1 what each direction negotiated ("... compression: zlib@openssh.com").
        SshdFixture zipped;
        zipped.setExtraOptions({QStringLiteral("LogLevel=DEBUG1")});
        QString error;
        QVERIFY2(zipped.start(&error), qPrintable(error));
        QVERIFY(zipped.trustHostKey());
        for (const bool compression : {true, false}) {
            Profile profile = zipped.profile();
            profile.compression = compression;
            const qsizetype logBefore = zipped.log().size();
            auto host = makeHost(profile);
            host->connectToHost();
            QVERIFY(test::waitForState(*host, ConnectionState::Connected, 10000));
            // 4 MiB of one byte: the same answer either way, however it travelled.
            const auto r = test::runAndWait(*host, QStringLiteral("head -c 4194304 /dev/zero | tr '\\0' p"), {}, 20000, 25000);
            QVERIFY(r && r->ok());
            QCOMPARE(r->stdOut, QByteArray(4194304, 'p'));
            host.reset();
            const QString log = zipped.log().mid(logBefore);
            const bool zlib = log.contains(QLatin1String("compression: zlib"));
            QVERIFY2(zlib == compression, qPrintable(log.right(2000)));
        }
    }

    void reconnectsAfterSshdIsKilled()
    {
        QFile::remove(m_sshd->knownHostsPath());
        QVERIFY(m_sshd->trustHostKey());
        auto host = makeHost(m_sshd->profile());
        SshTimings t;
        t.keepaliveIntervalMs = 1000;
        t.deadAfterMs = 3000;
        t.firstBackoffMs = 200;
        t.maxBackoffMs = 800;
        host->setTimings(t);
        QSignalSpy stateSpy(host.get(), &RemoteHost::stateChanged);
        host->connectToHost();
        QVERIFY(test::waitForState(*host, ConnectionState::Connected, 10000));
        QObject context;
        JobWatch ticks(host->stream(QStringLiteral("while :; do echo tick; sleep 0.1; done")), &context);
        QVERIFY(QTest::qWaitFor([&] { return ticks.lines.size() >= 3; }, 10000));

        m_sshd->killHard();
        QVERIFY(ticks.wait(10000));
        QCOMPARE(ticks.result->error, RemoteError::Disconnected);
        QVERIFY(test::waitForState(*host, ConnectionState::Reconnecting, 5000));
        QTest::qWait(1500); // a few failed attempts with backoff
        QCOMPARE(host->state(), ConnectionState::Reconnecting);
        QString error;
        QVERIFY2(m_sshd->restart(&error), qPrintable(error));
        QVERIFY(test::waitForState(*host, ConnectionState::Connected, 10000));
        const auto r = test::runAndWait(*host, QStringLiteral("echo back"));
        QVERIFY(r && r->stdOut == "back\n");
        // The state machine: Connecting, Authenticating, Connected, then Reconnecting (once per failed
        // attempt, each with its reason) until Connected again; never Failed for a dropped link.
        using CS = ConnectionState;
        const auto seen = states(stateSpy);
        QVERIFY(seen.size() >= 5);
        QCOMPARE(seen.mid(0, 4), (QList<CS>{CS::Connecting, CS::Authenticating, CS::Connected, CS::Reconnecting}));
        QCOMPARE(seen.last(), CS::Connected);
        for (qsizetype i = 3; i < seen.size() - 1; ++i)
            QCOMPARE(seen.at(i), CS::Reconnecting);
        QVERIFY(seen.size() >= 6); // at least one failed attempt while sshd was down
    }

    void frozenLinkIsNoticed()
    {
        // No FIN, no RST: the server side just stops answering (SIGSTOP). Only the keepalive sees it.
        QFile::remove(m_sshd->knownHostsPath());
        QVERIFY(m_sshd->trustHostKey());
        auto host = makeHost(m_sshd->profile());
        SshTimings t;
        t.keepaliveIntervalMs = 500;
        t.deadAfterMs = 2000;
        t.firstBackoffMs = 200;
        t.maxBackoffMs = 800;
        host->setTimings(t);
        QSignalSpy rtt(host.get(), &RemoteHost::roundTripMeasured);
        host->connectToHost();
        QVERIFY(test::waitForState(*host, ConnectionState::Connected, 10000));
        QVERIFY(rtt.wait(3000));
        // A quiet process (it never writes, so no SIGPIPE ends it) must not outlive the dead session.
        const QByteArray mark = "frozen" + QByteArray::number(::getpid());
        QObject context;
        JobWatch quiet(host->stream(QStringLiteral("echo up; DIFUSOR_MARK=%1 sleep 600").arg(QString::fromLatin1(mark))), &context);
        QVERIFY(QTest::qWaitFor([&] { return !quiet.lines.isEmpty(); }, 5000));
        auto marked = [&mark] {
            return SshdFixture::findProcesses([&mark](qint64, const QByteArray &, const QByteArray &environ) {
                return environ.split('\0').contains("DIFUSOR_MARK=" + mark);
            });
        };
        // "up" is written before the shell starts sleep: wait for the process, do not assume it.
        QVERIFY(QTest::qWaitFor([&] { return !marked().isEmpty(); }, 5000));
        const QList<qint64> sessions = SshdFixture::descendantsOf(m_sshd->sshdPid());
        QVERIFY(!sessions.isEmpty());
        for (qint64 pid : sessions)
            ::kill(pid_t(pid), SIGSTOP);
        QElapsedTimer clock;
        clock.start();
        const bool noticed = test::waitForState(*host, ConnectionState::Reconnecting, 8000);
        const qint64 took = clock.elapsed();
        for (qint64 pid : sessions)
            ::kill(pid_t(pid), SIGCONT);
        QVERIFY(noticed);
        qInfo("frozen link noticed after %lld ms (keepalive 500 ms, dead after 2000 ms)", took);
        QVERIFY(took <= 2000 + 1000); // dead-after plus slack for a loaded machine
        QVERIFY(quiet.wait(1000));
        QCOMPARE(quiet.result->error, RemoteError::Disconnected);
        QVERIFY(test::waitForState(*host, ConnectionState::Connected, 10000));
        QVERIFY2(QTest::qWaitFor([&] { return marked().isEmpty(); }, 5000), "the quiet process outlived the link");
    }

    void passwordAndKeyboardInteractive()
    {
        if (::getuid() != 0)
            QSKIP("not root: cannot create a throwaway user for password login");
        SshdFixture pw;
        QString user;
        QString error;
        QVERIFY2(pw.createPasswordUser(QStringLiteral("Cl4ve difusor"), &user, &error), qPrintable(error));
        pw.setExtraOptions({QStringLiteral("PasswordAuthentication=yes"), QStringLiteral("KbdInteractiveAuthentication=yes"),
                            QStringLiteral("UsePAM=yes"), QStringLiteral("PermitRootLogin=no")});
        QVERIFY2(pw.start(&error), qPrintable(error));
        QVERIFY(pw.trustHostKey());

        Profile p = pw.profile();
        p.user = user;
        p.auth = AuthMethod::Password;
        p.keyFile.clear();
        {
            auto host = makeHost(p);
            QSignalSpy asks(host.get(), &RemoteHost::secretRequested);
            host->connectToHost();
            QVERIFY2(asks.wait(10000), qPrintable(pw.log()));
            QCOMPARE(asks.first().first().value<SecretRequest>().kind, SecretRequest::Kind::Password);
            host->provideSecret(QStringLiteral("Cl4ve difusor"));
            QVERIFY2(test::waitForState(*host, ConnectionState::Connected, 15000), qPrintable(pw.log()));
            const auto r = test::runAndWait(*host, QStringLiteral("id -un"));
            QVERIFY(r);
            QCOMPARE(r->stdOut.trimmed(), user.toUtf8());
        }
        {
            auto host = makeHost(p);
            QSignalSpy asks(host.get(), &RemoteHost::secretRequested);
            QSignalSpy stateSpy(host.get(), &RemoteHost::stateChanged);
            host->connectToHost();
            QVERIFY(asks.wait(10000));
            host->provideSecret(QStringLiteral("mala"));
            QVERIFY(test::waitForState(*host, ConnectionState::Failed, 15000));
            const QString reason = lastReason(stateSpy);
            QVERIFY2(reason.contains(QStringLiteral("password")) && reason.contains(QStringLiteral("keyboard-interactive")),
                     qPrintable(reason));
        }
        p.auth = AuthMethod::KeyboardInteractive;
        {
            auto host = makeHost(p);
            QSignalSpy asks(host.get(), &RemoteHost::secretRequested);
            host->connectToHost();
            QVERIFY2(asks.wait(10000), qPrintable(pw.log()));
            const auto request = asks.first().first().value<SecretRequest>();
            QCOMPARE(request.kind, SecretRequest::Kind::KeyboardInteractive);
            QVERIFY(!request.echo);
            qInfo("keyboard-interactive prompt: %s", qPrintable(request.prompt));
            host->provideSecret(QStringLiteral("Cl4ve difusor"));
            QVERIFY2(test::waitForState(*host, ConnectionState::Connected, 15000), qPrintable(pw.log()));
        }
    }
};

QTEST_GUILESS_MAIN(TestSshConnect)
#include "tst_ssh_connect.moc"
