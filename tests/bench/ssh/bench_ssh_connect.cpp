// Benchmark: connect + authenticate + run `true`, median of N (default 20), SshHost (libssh) against
// OpenSSH's `ssh -o BatchMode=yes … true` on the same sshd (the fixture of the tests), side by side.
// Usage: bench_ssh_connect [runs]
#include "SshdFixture.h"
#include "TestEnv.h"
#include "remote/SshHost.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>
#include <QProcess>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <optional>

using namespace difusor;
using namespace difusor::remote;

namespace {
double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    const qsizetype n = v.size();
    return n == 0 ? 0 : (n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
}

void runOnce(const Profile &profile, bool &ok)
{
    SshHost host(profile);
    host.setSshConfigFile({});
    // A blocking local loop (fine in a benchmark's main): processEvents() in a loop would spin and
    // steal the CPU the SSH thread and sshd need.
    QEventLoop loop;
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    QObject context;
    QObject::connect(&host, &RemoteHost::stateChanged, &context, [&](ConnectionState s, const QString &reason) {
        if (s == ConnectionState::Connected) {
            RemoteJob *job = host.run(QStringLiteral("true"));
            QObject::connect(job, &RemoteJob::finished, &context, [&](const CommandResult &r) {
                ok = r.ok();
                loop.quit();
            });
        } else if (s == ConnectionState::Failed) {
            std::fprintf(stderr, "SshHost failed: %s\n", qPrintable(reason));
            loop.quit();
        }
    });
    host.connectToHost();
    loop.exec();
}

// One SshHost round: construct, connect, authenticate, run `true`, get its result, and tear the
// host down (thread and session), as the ssh process does before it exits.
std::optional<double> sshHostOnce(const Profile &profile)
{
    QElapsedTimer clock;
    clock.start();
    bool ok = false;
    runOnce(profile, ok);
    const double ms = double(clock.nsecsElapsed()) / 1e6;
    return ok ? std::optional<double>(ms) : std::nullopt;
}

// `true` on an already open session: SshHost's channel per command.
QList<double> sshHostOnSession(const Profile &profile, int runs)
{
    QList<double> times;
    SshHost host(profile);
    host.setSshConfigFile({});
    {
        QEventLoop loop;
        QObject::connect(&host, &RemoteHost::stateChanged, &loop, [&loop](ConnectionState s) {
            if (s == ConnectionState::Connected || s == ConnectionState::Failed)
                loop.quit();
        });
        host.connectToHost();
        loop.exec();
    }
    for (int i = 0; i < runs && host.state() == ConnectionState::Connected; ++i) {
        QElapsedTimer clock;
        clock.start();
        QEventLoop loop;
        bool ok = false;
        RemoteJob *job = host.run(QStringLiteral("true"));
        QObject::connect(job, &RemoteJob::finished, &loop, [&](const CommandResult &r) {
            ok = r.ok();
            loop.quit();
        });
        loop.exec();
        if (ok)
            times << double(clock.nsecsElapsed()) / 1e6;
    }
    return times;
}

std::optional<double> openSshOnce(const QString &ssh, const QStringList &args)
{
    QElapsedTimer clock;
    clock.start();
    QProcess p;
    p.start(ssh, args);
    if (!p.waitForFinished(20000) || p.exitCode() != 0) {
        std::fprintf(stderr, "ssh failed: %s\n", p.readAllStandardError().constData());
        return std::nullopt;
    }
    return double(clock.nsecsElapsed()) / 1e6;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, atoi(argv[1])) : 20;
    const QString ssh = test::findProgram(QStringLiteral("ssh"));
    if (ssh.isEmpty() || test::findProgram(QStringLiteral("sshd")).isEmpty()) {
        std::fprintf(stderr, "needs ssh and sshd\n");
        return 2;
    }
    test::SshdFixture sshd;
    QString error;
    if (!sshd.start(&error) || !sshd.trustHostKey()) {
        std::fprintf(stderr, "sshd: %s\n", qPrintable(error));
        return 2;
    }
    const Profile profile = sshd.profile();
    const QStringList sshArgs = {
        QStringLiteral("-F"), QStringLiteral("/dev/null"),
        QStringLiteral("-o"), QStringLiteral("BatchMode=yes"),
        QStringLiteral("-o"), QStringLiteral("StrictHostKeyChecking=yes"),
        QStringLiteral("-o"), QStringLiteral("UserKnownHostsFile=") + sshd.knownHostsPath(),
        QStringLiteral("-o"), QStringLiteral("IdentitiesOnly=yes"),
        QStringLiteral("-i"), sshd.userKeyPath(),
        QStringLiteral("-p"), QString::number(sshd.port()),
        profile.user + QStringLiteral("@127.0.0.1"), QStringLiteral("true")};

    // One warm-up each (page cache, sshd's first fork), then interleaved runs so drift hits both alike.
    if (!sshHostOnce(profile) || !openSshOnce(ssh, sshArgs))
        return 1;
    QList<double> ours;
    QList<double> theirs;
    for (int i = 0; i < runs; ++i) {
        const auto a = sshHostOnce(profile);
        const auto b = openSshOnce(ssh, sshArgs);
        if (!a || !b)
            return 1;
        ours << *a;
        theirs << *b;
    }
    // Second figure: one more command on an open connection, against OpenSSH multiplexing
    // (ControlMaster): what every probe and stream after the first costs.
    const QString control = sshd.path(QStringLiteral("control"));
    QStringList muxArgs = sshArgs;
    muxArgs.insert(0, QStringLiteral("ControlPath=") + control);
    muxArgs.insert(0, QStringLiteral("-o"));
    QStringList masterArgs = muxArgs;
    masterArgs.removeLast(); // no command: -N
    masterArgs << QStringLiteral("-M") << QStringLiteral("-N");
    QProcess master;
    master.start(ssh, masterArgs);
    QElapsedTimer wait;
    wait.start();
    while (!QFile::exists(control) && wait.elapsed() < 10000)
        QThread::msleep(20);
    QList<double> muxTimes;
    for (int i = 0; i < runs + 1; ++i) {
        const auto t = openSshOnce(ssh, muxArgs);
        if (t && i > 0)
            muxTimes << *t;
    }
    master.kill();
    master.waitForFinished(3000);
    QList<double> sessionTimes = sshHostOnSession(profile, runs + 1);
    if (!sessionTimes.isEmpty())
        sessionTimes.removeFirst();

    const double mOurs = median(ours);
    const double mTheirs = median(theirs);
    std::printf("connect + authenticate (ed25519 key) + `true` on 127.0.0.1, median of %d\n", runs);
    std::printf("%-34s %10s\n", "client", "median ms");
    std::printf("%-34s %10.1f\n", "difusor SshHost (libssh 0.10)", mOurs);
    std::printf("%-34s %10.1f\n", "OpenSSH ssh -o BatchMode=yes", mTheirs);
    std::printf("ratio SshHost / OpenSSH: %.2f (%s)\n", mOurs / mTheirs,
                mOurs <= mTheirs ? "not slower: goal met" : "slower than OpenSSH: goal missed");
    const double mSession = median(sessionTimes);
    const double mMux = median(muxTimes);
    std::printf("\none more `true` on an open connection, median of %d\n", runs);
    std::printf("%-34s %10.1f\n", "difusor SshHost (new channel)", mSession);
    std::printf("%-34s %10.1f\n", "OpenSSH ssh -S (ControlMaster)", mMux);
    std::printf("ratio SshHost / OpenSSH: %.2f\n", mSession / mMux);
    return 0;
}
