// Benchmark: connect + authenticate + run `true`, median of N (default 20), SshHost (libssh) against
// OpenSSH's `ssh -o BatchMode=yes … true` on the same sshd (the fixture of the tests), side by side.
// Usage: bench_ssh_connect [runs]
#include "SshdFixture.h"
#include "TestEnv.h"
#include "remote/SshHost.h"

#include <QCoreApplication>
#include <QElapsedTimer>
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

void runOnce(const Profile &profile, const QElapsedTimer &clock, bool &ok)
{
    SshHost host(profile);
    host.setSshConfigFile({});
    bool done = false;
    QObject context;
    QObject::connect(&host, &RemoteHost::stateChanged, &context, [&](ConnectionState s, const QString &reason) {
        if (s == ConnectionState::Connected) {
            RemoteJob *job = host.run(QStringLiteral("true"));
            QObject::connect(job, &RemoteJob::finished, &context, [&](const CommandResult &r) {
                ok = r.ok();
                done = true;
            });
        } else if (s == ConnectionState::Failed) {
            std::fprintf(stderr, "SshHost failed: %s\n", qPrintable(reason));
            done = true;
        }
    });
    host.connectToHost();
    while (!done && clock.elapsed() < 20000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
}

// One SshHost round: construct, connect, authenticate, run `true`, get its result, and tear the
// host down (thread and session), as the ssh process does before it exits.
std::optional<double> sshHostOnce(const Profile &profile)
{
    QElapsedTimer clock;
    clock.start();
    bool ok = false;
    runOnce(profile, clock, ok);
    const double ms = double(clock.nsecsElapsed()) / 1e6;
    return ok ? std::optional<double>(ms) : std::nullopt;
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
    const double mOurs = median(ours);
    const double mTheirs = median(theirs);
    std::printf("connect + authenticate (ed25519 key) + `true` on 127.0.0.1, median of %d\n", runs);
    std::printf("%-34s %10s\n", "client", "median ms");
    std::printf("%-34s %10.1f\n", "difusor SshHost (libssh 0.10)", mOurs);
    std::printf("%-34s %10.1f\n", "OpenSSH ssh -o BatchMode=yes", mTheirs);
    std::printf("ratio SshHost / OpenSSH: %.2f (%s)\n", mOurs / mTheirs,
                mOurs <= mTheirs ? "not slower: goal met" : "slower than OpenSSH: goal missed");
    return 0;
}
