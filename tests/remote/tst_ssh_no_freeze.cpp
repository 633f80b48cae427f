// The GUI never waits for the SSH thread. A local listener accepts TCP and never says a word of SSH
// (a hung server, a tarpit, a port forwarded to nothing): while SshHost is inside its connect there,
// destroying it (switching profile, closing the window), disconnecting, and quitting the program all
// return to the event loop within 100 ms, measured. The worker then ends on its own within a second
// (its socket closes), and a process quitting mid-connect exits cleanly (this binary run again).
#include "TestEnv.h"
#include "remote/SshHost.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace difusor;
using namespace difusor::remote;

namespace {
constexpr qint64 kLimitMs = 100;

Profile silentProfile(quint16 port, const QString &dir)
{
    Profile p;
    p.name = QStringLiteral("silent");
    p.host = QStringLiteral("127.0.0.1");
    p.port = port;
    p.user = QStringLiteral("nobody");
    p.knownHostsFile = dir + QStringLiteral("/known_hosts");
    return p;
}

std::unique_ptr<SshHost> makeHost(quint16 port, const QString &dir)
{
    auto host = std::make_unique<SshHost>(silentProfile(port, dir));
    host->setSshConfigFile({});
    SshTimings t; // the product's: a 10 s connect timeout, which the GUI must never wait out
    host->setTimings(t);
    return host;
}

// The connection the host opened, once the listener accepted it: the worker is then inside the SSH
// handshake, waiting for a banner that never comes.
QTcpSocket *acceptedConnection(QTcpServer &server)
{
    if (!server.hasPendingConnections() && !server.waitForNewConnection(5000 * test::timeScale()))
        return nullptr;
    QTcpSocket *socket = server.nextPendingConnection();
    QTest::qWait(300); // well inside ssh_connect
    return socket;
}

// The client's end closed: the worker gave up its connect and freed the session.
bool closedSoon(QTcpSocket *socket, int ms)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < ms) {
        if (socket->state() == QAbstractSocket::UnconnectedState)
            return true;
        socket->waitForReadyRead(20); // notices EOF
        socket->readAll();
    }
    return socket->state() == QAbstractSocket::UnconnectedState;
}

// This binary run as a program that quits while connecting (see main()).
int quitWhileConnecting(quint16 port)
{
    QTemporaryDir dir;
    auto host = makeHost(port, dir.path());
    host->connectToHost();
    QElapsedTimer clock;
    QTimer::singleShot(500 * test::timeScale(), [&] { // well inside the connect (slower under a sanitizer)
        clock.start();
        host.reset(); // as the main window's destruction does
        QCoreApplication::quit();
    });
    const int rc = QCoreApplication::exec();
    printf("quit %lld ms\n", clock.elapsed());
    fflush(stdout);
    return rc;
}
} // namespace

class TestSshNoFreeze final : public QObject
{
    Q_OBJECT
    QTcpServer m_silent;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_silent.listen(QHostAddress::LocalHost, 0));
    }

    void destroyWhileConnecting()
    {
        auto host = makeHost(m_silent.serverPort(), m_dir.path());
        QSignalSpy states(host.get(), &RemoteHost::stateChanged);
        host->connectToHost();
        std::unique_ptr<QTcpSocket> peer(acceptedConnection(m_silent));
        QVERIFY(peer);
        QCOMPARE(host->state(), ConnectionState::Connecting);
        QElapsedTimer clock;
        clock.start();
        host.reset();
        const qint64 took = clock.elapsed();
        qInfo("~SshHost during connect: %lld ms (limit %lld ms)", took, kLimitMs);
        QVERIFY2(took < kLimitMs, qPrintable(QString::number(took)));
        // The worker, now alone, gives up at once instead of waiting out the 10 s timeout.
        QVERIFY(closedSoon(peer.get(), 1000 * test::timeScale()));
    }

    void switchProfileWhileConnecting()
    {
        // What the console does on a profile switch: the old host goes, a new one connects.
        auto host = makeHost(m_silent.serverPort(), m_dir.path());
        host->connectToHost();
        std::unique_ptr<QTcpSocket> first(acceptedConnection(m_silent));
        QVERIFY(first);
        QElapsedTimer clock;
        clock.start();
        host = makeHost(m_silent.serverPort(), m_dir.path());
        host->connectToHost();
        const qint64 took = clock.elapsed();
        qInfo("profile switch during connect: %lld ms (limit %lld ms)", took, kLimitMs);
        QVERIFY2(took < kLimitMs, qPrintable(QString::number(took)));
        QVERIFY(closedSoon(first.get(), 1000 * test::timeScale()));
        std::unique_ptr<QTcpSocket> second(acceptedConnection(m_silent));
        QVERIFY(second);
        host.reset();
        QVERIFY(closedSoon(second.get(), 1000 * test::timeScale()));
    }

    void disconnectWhileConnecting()
    {
        auto host = makeHost(m_silent.serverPort(), m_dir.path());
        QSignalSpy states(host.get(), &RemoteHost::stateChanged);
        host->connectToHost();
        std::unique_ptr<QTcpSocket> peer(acceptedConnection(m_silent));
        QVERIFY(peer);
        QElapsedTimer clock;
        clock.start();
        host->disconnectFromHost();
        const qint64 took = clock.elapsed();
        qInfo("disconnectFromHost during connect: %lld ms (limit %lld ms)", took, kLimitMs);
        QVERIFY2(took < kLimitMs, qPrintable(QString::number(took)));
        // Disconnected (as asked, not "failed"), well before the connect timeout.
        QTRY_COMPARE_WITH_TIMEOUT(host->state(), ConnectionState::Disconnected, 1000 * test::timeScale());
        qInfo("state Disconnected %lld ms after the click", clock.elapsed());
        for (const auto &args : std::as_const(states))
            QVERIFY(args.first().value<ConnectionState>() != ConnectionState::Failed);
        QCOMPARE(states.last().at(1).toString(), QStringLiteral("Desconectado por el usuario."));
        QVERIFY(closedSoon(peer.get(), 1000 * test::timeScale()));

        // And it connects again afterwards (the interruption was for that attempt only).
        host->connectToHost();
        std::unique_ptr<QTcpSocket> again(acceptedConnection(m_silent));
        QVERIFY(again);
        QCOMPARE(host->state(), ConnectionState::Connecting);
        host.reset();
        QVERIFY(closedSoon(again.get(), 1000 * test::timeScale()));
    }

    void connectThenDisconnectAtOnce()
    {
        // Asked to connect and to disconnect at once: disconnected promptly. Usually the worker sees the
        // stop before it dials; when its thread was quicker (a slow machine, ThreadSanitizer) the TCP
        // connection it opened is closed by the client at once, and no session stays.
        auto host = makeHost(m_silent.serverPort(), m_dir.path());
        host->connectToHost();
        host->disconnectFromHost();
        QTRY_COMPARE_WITH_TIMEOUT(host->state(), ConnectionState::Disconnected, 1000 * test::timeScale());
        QTest::qWait(300);
        while (m_silent.hasPendingConnections()) {
            std::unique_ptr<QTcpSocket> peer(m_silent.nextPendingConnection());
            QVERIFY(closedSoon(peer.get(), 2000 * test::timeScale()));
        }
    }

    void quitWhileConnectingExitsCleanly()
    {
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--quit-while-connecting"), QString::number(m_silent.serverPort())});
        QVERIFY(child.waitForStarted(5000));
        std::unique_ptr<QTcpSocket> peer(acceptedConnection(m_silent));
        QVERIFY(peer);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(child.waitForFinished(5000 * test::timeScale()));
        const qint64 exitMs = clock.elapsed();
        const QByteArray said = child.readAllStandardOutput();
        qInfo("child: %s; process gone %lld ms after the listener accepted + 300 ms", said.trimmed().constData(), exitMs);
        QCOMPARE(child.exitStatus(), QProcess::NormalExit);
        QCOMPARE(child.exitCode(), 0);
        // The event loop was back (quit() returned) within the limit: the destruction did not wait.
        const QList<QByteArray> words = said.trimmed().split(' ');
        QVERIFY2(words.size() == 3 && words.at(0) == "quit", said.constData());
        QVERIFY2(words.at(1).toLongLong() < kLimitMs, said.constData());
        // And the whole process ended well before the 10 s connect timeout.
        QVERIFY2(exitMs < 3000 * test::timeScale(), qPrintable(QString::number(exitMs)));
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--quit-while-connecting") == 0)
        return quitWhileConnecting(quint16(QByteArray(argv[2]).toUInt()));
    TestSshNoFreeze test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ssh_no_freeze.moc"
