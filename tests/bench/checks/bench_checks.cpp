// Benchmark: the whole infrastructure check (SshHost connect + authenticate, the probe's one round
// trip, the upload measure, the console's own probes, verdicts) against `ansible -m setup`
// (ansible-core, python3 on the target) on the same sshd (the tests' fixture), median of N each
// (default 5), printed side by side with the ratio and the 10x goal. Also where our time goes. When the
// program is built, the headline figure is the command as users run it, whole process:
// `difusor-console check --profile P --format json` (start-up, connect, probe, throughput, verdicts, exit;
// its own connection, uncompressed: see CheckCommand).
// Usage: bench_checks [runs]
#include "SshdFixture.h"
#include "checks/CheckRunner.h"
#include "checks/RequirementProfile.h"
#include "remote/SshHost.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <csignal>
#include <optional>

using namespace difusor;
using difusor::test::SshdFixture;

namespace {

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    const qsizetype n = v.size();
    return n == 0 ? 0 : (n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
}

QString list(const QList<double> &v)
{
    QStringList parts;
    for (double d : v)
        parts.append(QString::number(d, 'f', 0));
    return parts.join(QLatin1Char(' '));
}

// One whole check on a new connection, the host torn down at the end (as a process would).
std::optional<double> oursOnce(const Profile &profile, const checks::RequirementProfile &requirements,
                               QMap<QString, QList<double>> &phases, bool consoleProbes)
{
    QElapsedTimer clock;
    clock.start();
    std::optional<checks::CheckReport> report;
    {
        remote::SshHost host(profile);
        host.setSshConfigFile({});
        checks::CheckRunner runner(&host, profile, requirements, false);
        runner.setConsoleProbes(consoleProbes);
        QEventLoop loop; // a benchmark's main: a blocking local loop is fine here
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        QObject::connect(&runner, &checks::CheckRunner::finished, &loop, [&](const checks::CheckReport &r) {
            report = r;
            loop.quit();
        });
        runner.start();
        loop.exec();
        host.disconnectFromHost();
    }
    const double ms = double(clock.nsecsElapsed()) / 1e6;
    if (!report || report->runFailed) {
        std::fprintf(stderr, "our check failed: %s\n", report ? qPrintable(report->error) : "timeout");
        return std::nullopt;
    }
    for (auto it = report->phaseMs.begin(); it != report->phaseMs.end(); ++it)
        phases[it.key()].append(double(it.value()));
    return ms;
}

// One whole check on an already open connection (what the page's "Verificar ahora" does).
std::optional<double> oursOnOpen(remote::SshHost &host, const Profile &profile,
                                 const checks::RequirementProfile &requirements, QMap<QString, QList<double>> &phases)
{
    QElapsedTimer clock;
    clock.start();
    std::optional<checks::CheckReport> report;
    checks::CheckRunner runner(&host, profile, requirements, false);
    QEventLoop loop;
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    QObject::connect(&runner, &checks::CheckRunner::finished, &loop, [&](const checks::CheckReport &r) {
        report = r;
        loop.quit();
    });
    runner.start();
    loop.exec();
    if (!report || report->runFailed)
        return std::nullopt;
    for (auto it = report->phaseMs.begin(); it != report->phaseMs.end(); ++it)
        phases[it.key()].append(double(it.value()));
    return double(clock.nsecsElapsed()) / 1e6;
}

#ifdef DIFUSOR_CONSOLE_BIN
// `difusor-console check --profile P --format json`, whole process. Exit 0 or 1 (a requirement failed on
// this machine) is a finished check; anything else is a failed run.
std::optional<double> commandOnce(const QString &profilePath)
{
    QProcess p;
    QElapsedTimer clock;
    clock.start();
    p.start(QStringLiteral(DIFUSOR_CONSOLE_BIN), {QStringLiteral("check"), QStringLiteral("--profile"), profilePath,
                                                  QStringLiteral("--format"), QStringLiteral("json")});
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished(2000);
        return std::nullopt;
    }
    const double ms = double(clock.nsecsElapsed()) / 1e6;
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() > 1 || !p.readAllStandardOutput().contains("\"checks\"")) {
        std::fprintf(stderr, "difusor-console check: exit %d: %s\n", p.exitCode(), p.readAllStandardError().left(500).constData());
        return std::nullopt;
    }
    return ms;
}
#endif

std::optional<double> ansibleOnce(const QString &inventory, const QProcessEnvironment &env, QByteArray *output)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer clock;
    clock.start();
    p.start(QStringLiteral("ansible"), {QStringLiteral("-i"), inventory, QStringLiteral("bench"), QStringLiteral("-m"),
                                        QStringLiteral("setup")});
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished(2000);
        return std::nullopt;
    }
    const double ms = double(clock.nsecsElapsed()) / 1e6;
    *output = p.readAll();
    if (p.exitCode() != 0 || !output->contains("SUCCESS"))
        return std::nullopt;
    return ms;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 5;

    SshdFixture sshd;
    QString error;
    if (!sshd.start(&error) || !sshd.trustHostKey()) {
        std::fprintf(stderr, "sshd fixture: %s\n", qPrintable(error));
        return 2;
    }
    const Profile profile = sshd.profile();
    const auto requirements = checks::RequirementProfile::loadDefault(&error);
    if (!requirements) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }

    // Facts only, as `setup` gathers: no throughput measure (net.bandwidth off: no upload channel, no
    // download section) and no URL/TCP probes from the console.
    checks::RequirementProfile factsOnly = *requirements;
    factsOnly.setEnabled(QStringLiteral("net.bandwidth"), false);

    // Ansible: the same host, port, user, key and known_hosts; python3 on the target.
    const bool haveAnsible = !QStandardPaths::findExecutable(QStringLiteral("ansible")).isEmpty();
    QTemporaryDir ansibleHome;
    const QString inventory = ansibleHome.filePath(QStringLiteral("inventory.ini"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (haveAnsible) {
        QFile inv(inventory);
        if (!inv.open(QIODevice::WriteOnly))
            return 2;
        inv.write(QStringLiteral("bench ansible_host=127.0.0.1 ansible_port=%1 ansible_user=%2 "
                                 "ansible_ssh_private_key_file=%3 ansible_python_interpreter=/usr/bin/python3 "
                                 "ansible_ssh_common_args='-o UserKnownHostsFile=%4 -o StrictHostKeyChecking=yes'\n")
                      .arg(profile.port).arg(profile.user, profile.keyFile, sshd.knownHostsPath()).toUtf8());
        inv.close();
        env.insert(QStringLiteral("ANSIBLE_HOME"), ansibleHome.filePath(QStringLiteral("home")));
        env.insert(QStringLiteral("ANSIBLE_LOCAL_TEMP"), ansibleHome.filePath(QStringLiteral("tmp")));
        env.insert(QStringLiteral("ANSIBLE_SSH_CONTROL_PATH_DIR"), ansibleHome.filePath(QStringLiteral("cp")));
        env.insert(QStringLiteral("ANSIBLE_NOCOLOR"), QStringLiteral("1"));
        env.insert(QStringLiteral("ANSIBLE_STDOUT_CALLBACK"), QStringLiteral("minimal"));
    }
    // Fresh: every run makes its own SSH connection, as ours does. Default: ControlMaster=auto,
    // ControlPersist=60s, so runs after the first reuse the open connection.
    QProcessEnvironment fresh = env;
    fresh.insert(QStringLiteral("ANSIBLE_SSH_ARGS"), QStringLiteral("-o ControlMaster=no"));

    // Warm-ups (page cache, python bytecode, the persisted master), then the four measures taken in
    // turn in each round, so a change in the machine's load hits all of them alike.
    QMap<QString, QList<double>> phases, factsPhases, openPhases, ignored;
    QList<double> ours, oursFacts, oursOpen, command, ansibleFresh, ansibleDefault;
    QTemporaryDir profileDir;
    const QString profilePath = profileDir.filePath(QStringLiteral("perfil.json"));
    if (!profile.save(profilePath, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    QByteArray out;
    remote::SshHost openHost(profile);
    openHost.setSshConfigFile({});
    {
        QEventLoop loop;
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        QObject::connect(&openHost, &remote::RemoteHost::stateChanged, &loop, [&loop](remote::ConnectionState st) {
            if (st == remote::ConnectionState::Connected || st == remote::ConnectionState::Failed)
                loop.quit();
        });
        openHost.connectToHost();
        loop.exec();
    }
    (void)oursOnce(profile, *requirements, ignored, true);
#ifdef DIFUSOR_CONSOLE_BIN
    (void)commandOnce(profilePath);
#endif
    if (haveAnsible) {
        (void)ansibleOnce(inventory, fresh, &out);
        (void)ansibleOnce(inventory, env, &out);
    }
    for (int i = 0; i < runs; ++i) {
        if (const auto ms = oursOnce(profile, *requirements, phases, true))
            ours.append(*ms);
        if (const auto ms = oursOnce(profile, factsOnly, factsPhases, false))
            oursFacts.append(*ms);
        if (const auto ms = oursOnOpen(openHost, profile, *requirements, openPhases))
            oursOpen.append(*ms);
#ifdef DIFUSOR_CONSOLE_BIN
        if (const auto ms = commandOnce(profilePath))
            command.append(*ms);
#endif
        if (!haveAnsible)
            continue;
        if (const auto ms = ansibleOnce(inventory, fresh, &out))
            ansibleFresh.append(*ms);
        else
            std::fprintf(stderr, "ansible failed:\n%s\n", out.left(2000).constData());
        if (const auto ms = ansibleOnce(inventory, env, &out))
            ansibleDefault.append(*ms);
    }
    if (haveAnsible) {
        // The persisted master is a process of ours: end it.
        const QString cpDir = ansibleHome.filePath(QStringLiteral("cp"));
        for (qint64 pid : SshdFixture::findProcesses([&cpDir](qint64, const QByteArray &cmdline, const QByteArray &) {
                 return cmdline.contains(cpDir.toUtf8());
             }))
            ::kill(pid_t(pid), SIGTERM);
    }
    openHost.disconnectFromHost();
    sshd.stop();

    const double inProcess = median(ours);
    // The headline: the command as users run it when the program is built, else the in-process check.
    const double o = command.isEmpty() ? inProcess : median(command);
    std::printf("Whole infrastructure check against the sshd fixture on 127.0.0.1 (median of %d each)\n", runs);
    if (!command.isEmpty())
        std::printf("  difusor-console check --profile P --format json, whole process:                 %8.1f ms   [%s]\n",
                    o, qPrintable(list(command)));
    else
        std::printf("  (the program is not built: the headline is the in-process check below)\n");
    std::printf("  in process, SSH compression on as in the GUI (connect, probe, throughput, verdicts):%8.1f ms   [%s]\n",
                inProcess, qPrintable(list(ours)));
    std::printf("  difusor-console, facts only (no throughput, no URL/TCP console probes):         %8.1f ms   [%s]\n",
                median(oursFacts), qPrintable(list(oursFacts)));
    std::printf("  difusor-console check on an already open connection (\"Verificar ahora\"):        %8.1f ms   [%s]\n",
                median(oursOpen), qPrintable(list(oursOpen)));
    if (haveAnsible && !ansibleFresh.isEmpty()) {
        const double a = median(ansibleFresh);
        std::printf("  ansible -m setup, own connection per run (ControlMaster=no):                     %8.1f ms   [%s]\n",
                    a, qPrintable(list(ansibleFresh)));
        if (!ansibleDefault.isEmpty())
            std::printf("  ansible -m setup, default ControlPersist (connection reused):                    %8.1f ms   [%s]\n",
                        median(ansibleDefault), qPrintable(list(ansibleDefault)));
        std::printf("  ratio ansible (own connection) / ours (%s): %.1fx   (goal: >= 10x: %s)\n",
                    command.isEmpty() ? "in process" : "whole process", a / o, a / o >= 10 ? "met" : "NOT met");
        if (!command.isEmpty())
            std::printf("  ratio ansible (own connection) / ours in process: %.1fx\n", a / inProcess);
        if (!ansibleDefault.isEmpty())
            std::printf("  ratio ansible (reused connection) / ours: %.1fx\n", median(ansibleDefault) / o);
        if (!ansibleDefault.isEmpty() && !oursOpen.isEmpty())
            std::printf("  ratio ansible (reused connection) / ours on an open connection: %.1fx\n",
                        median(ansibleDefault) / median(oursOpen));
        if (!oursFacts.isEmpty())
            std::printf("  ratio ansible (own connection) / ours facts only: %.1fx\n", a / median(oursFacts));
    } else {
        std::printf("  ansible: not installed (apt install ansible-core)\n");
    }
    std::printf("Where our time goes (median ms since start), whole check:");
    for (auto it = phases.begin(); it != phases.end(); ++it)
        std::printf(" %s=%.0f", qPrintable(it.key()), median(it.value()));
    std::printf("\n                                              facts only:");
    for (auto it = factsPhases.begin(); it != factsPhases.end(); ++it)
        std::printf(" %s=%.0f", qPrintable(it.key()), median(it.value()));
    std::printf("\n                                    on an open connection:");
    for (auto it = openPhases.begin(); it != openPhases.end(); ++it)
        std::printf(" %s=%.0f", qPrintable(it.key()), median(it.value()));
    std::printf("\n");
    return ours.isEmpty() ? 1 : 0;
}
