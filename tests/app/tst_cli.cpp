// The real binary, as users run it: --help and --version of the program and of every command (exit 0,
// usage on stdout, no window: offscreen and a timeout, and once without any display at all), an unknown
// option (exit 2, usage on stderr), --lang en everywhere, and exit 3 from `check` and `watch` against a
// real sshd whose host key differs from the one on record, and against a port where nothing listens.
#include "SshdFixture.h"
#include "TestEnv.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using difusor::test::SshdFixture;

namespace {

struct Run
{
    bool finished = false; // ended by itself within the timeout, not by a signal
    int exitCode = -1;
    QString out;
    QString err;
};

QProcessEnvironment baseEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("DIFUSOR_LANG"), QStringLiteral("es"));
    env.remove(QStringLiteral("DIFUSOR_SSH_SECRET"));
    return env;
}

Run run(const QStringList &args, const QProcessEnvironment &env = baseEnvironment(), int timeoutMs = 20000)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(DIFUSOR_CONSOLE_BIN), args);
    process.closeWriteChannel();
    Run r;
    if (!process.waitForStarted(5000))
        return r;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill(); // a window opened, or a command hangs: the test fails on `finished`
        process.waitForFinished(5000);
    } else {
        r.finished = process.exitStatus() == QProcess::NormalExit;
    }
    r.exitCode = process.exitCode();
    r.out = QString::fromUtf8(process.readAllStandardOutput());
    r.err = QString::fromUtf8(process.readAllStandardError());
    return r;
}

QByteArray describe(const Run &r)
{
    return QStringLiteral("finished %1, exit %2\n--- stdout:\n%3\n--- stderr:\n%4")
        .arg(r.finished)
        .arg(r.exitCode)
        .arg(r.out.left(1500), r.err.left(1500))
        .toUtf8();
}

// The rows of the "Órdenes" section of a usage text: the commands (or sub-commands) it lists.
QStringList listedCommands(const QString &usage)
{
    QStringList names;
    bool inside = false;
    static const QRegularExpression row(QStringLiteral("^  ([a-z][a-z-]*)( |$)"));
    for (const QString &line : usage.split(QLatin1Char('\n'))) {
        if (line.startsWith(QStringLiteral("Órdenes")))
            inside = true;
        else if (line.isEmpty())
            inside = false;
        else if (const auto match = row.match(line); inside && match.hasMatch())
            names.append(match.captured(1));
    }
    return names;
}

// Every command line of the program: the program itself (empty), then each command and sub-command its
// usage texts list, so that a new command is tested here without editing this file.
const QStringList &commandLines()
{
    static const QStringList lines = [] {
        QStringList found;
        QStringList queue{QString()};
        while (!queue.isEmpty() && found.size() < 30) {
            const QString line = queue.takeFirst();
            found.append(line);
            const Run r = run(line.split(QLatin1Char(' '), Qt::SkipEmptyParts) + QStringList{QStringLiteral("--help")});
            for (const QString &sub : listedCommands(r.out))
                queue.append(line.isEmpty() ? sub : line + QLatin1Char(' ') + sub);
        }
        return found;
    }();
    return lines;
}

void commandRows()
{
    QTest::addColumn<QStringList>("command");
    for (const QString &c : commandLines())
        QTest::newRow(c.isEmpty() ? "program" : qPrintable(c)) << c.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

QString usageLine(const QStringList &command, const QString &word)
{
    return (QStringList{word, QStringLiteral("difusor-console")} + command).join(QLatin1Char(' '));
}

// Writes a profile for the fixture's server (or another port) to `dir`.
QString writeProfile(const QTemporaryDir &dir, difusor::Profile profile, const QString &name)
{
    const QString path = dir.filePath(name);
    return profile.save(path) ? path : QString();
}

} // namespace

class TestCli final : public QObject
{
    Q_OBJECT
    std::unique_ptr<SshdFixture> m_sshd;

    // A known_hosts entry for the fixture's address with another server's key: what a changed host key looks like.
    bool recordOtherHostKey()
    {
        const QString other = m_sshd->path(QStringLiteral("other_host_key"));
        QFile::remove(other);
        QFile::remove(other + QStringLiteral(".pub"));
        if (!SshdFixture::runTool(QStringLiteral("ssh-keygen"), {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                                                                 QStringLiteral("-N"), QString(), QStringLiteral("-f"), other}))
            return false;
        QFile pub(other + QStringLiteral(".pub"));
        if (!pub.open(QIODevice::ReadOnly))
            return false;
        const QList<QByteArray> fields = pub.readAll().simplified().split(' ');
        QFile known(m_sshd->knownHostsPath());
        if (fields.size() < 2 || !known.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        known.write("[127.0.0.1]:" + QByteArray::number(m_sshd->port()) + ' ' + fields.at(0) + ' ' + fields.at(1) + '\n');
        return true;
    }

private Q_SLOTS:
    void everyCommandIsListed()
    {
        for (const char *c : {"", "check", "watch", "stats", "sandbox", "sandbox run", "sandbox fault", "sandbox faults", "incidents", "export"})
            QVERIFY2(commandLines().contains(QString::fromLatin1(c)), c);
    }

    void help_data() { commandRows(); }
    void help()
    {
        QFETCH(QStringList, command);
        for (const QString &flag : {QStringLiteral("--help"), QStringLiteral("-h")}) {
            const Run r = run(command + QStringList{flag});
            QVERIFY2(r.finished && r.exitCode == 0, describe(r));
            QVERIFY2(r.out.startsWith(usageLine(command, QStringLiteral("Uso:"))), describe(r));
            for (const char *part : {"Opciones:", "--help", "--version", "--lang", "Códigos de salida:"})
                QVERIFY2(r.out.contains(QString::fromUtf8(part)), part);
            QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("\n  0  "))), describe(r));
            QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("\n  2  "))), describe(r));
            QVERIFY2(r.err.isEmpty(), describe(r));
        }
    }

    void version_data() { commandRows(); }
    void version()
    {
        QFETCH(QStringList, command);
        const Run r = run(command + QStringList{QStringLiteral("--version")});
        QVERIFY2(r.finished && r.exitCode == 0, describe(r));
        QCOMPARE(r.out, QStringLiteral("difusor-console " DIFUSOR_VERSION "\n"));
        QVERIFY2(r.err.isEmpty(), describe(r));
    }

    void unknownOption_data() { commandRows(); }
    void unknownOption()
    {
        QFETCH(QStringList, command);
        const Run r = run(command + QStringList{QStringLiteral("--no-such-option")});
        QVERIFY2(r.finished && r.exitCode == 2, describe(r));
        QVERIFY2(r.out.isEmpty(), describe(r));
        QVERIFY2(r.err.contains(QStringLiteral("Opción desconocida: --no-such-option")), describe(r));
        QVERIFY2(r.err.contains(usageLine(command, QStringLiteral("Uso:"))), describe(r));
    }

    void englishUsage_data() { commandRows(); }
    void englishUsage()
    {
        QFETCH(QStringList, command);
        Run r = run(command + QStringList{QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--help")});
        QVERIFY2(r.finished && r.exitCode == 0, describe(r));
        QVERIFY2(r.out.startsWith(usageLine(command, QStringLiteral("Usage:"))), describe(r));
        QVERIFY2(r.out.contains(QStringLiteral("Options:")) && r.out.contains(QStringLiteral("Exit codes:")), describe(r));
        QVERIFY2(!r.out.contains(QStringLiteral("Opciones")) && !r.out.contains(QStringLiteral("Códigos")), describe(r));
        // --lang=en, and DIFUSOR_LANG=en without --lang.
        r = run(command + QStringList{QStringLiteral("--lang=en"), QStringLiteral("--bogus")});
        QVERIFY2(r.finished && r.exitCode == 2 && r.err.contains(QStringLiteral("Unknown option: --bogus")), describe(r));
        QProcessEnvironment env = baseEnvironment();
        env.insert(QStringLiteral("DIFUSOR_LANG"), QStringLiteral("en"));
        r = run(command + QStringList{QStringLiteral("--help")}, env);
        QVERIFY2(r.finished && r.exitCode == 0 && r.out.startsWith(usageLine(command, QStringLiteral("Usage:"))), describe(r));
        // Only es and en exist.
        r = run(command + QStringList{QStringLiteral("--lang"), QStringLiteral("fr"), QStringLiteral("--help")});
        QVERIFY2(r.finished && r.exitCode == 2 && r.err.contains(QStringLiteral("fr")), describe(r));
    }

    // --help is answered before any window exists: it works where no display can be opened at all (a
    // QApplication would abort there).
    void helpNeedsNoDisplay()
    {
        QProcessEnvironment env = baseEnvironment();
        for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
            env.remove(QString::fromLatin1(name));
        for (const QStringList &args : {QStringList{QStringLiteral("--help")}, QStringList{QStringLiteral("--version")},
                                        QStringList{QStringLiteral("--bogus")}}) {
            const Run r = run(args, env);
            QVERIFY2(r.finished && (r.exitCode == 0 || (args.first() == QLatin1String("--bogus") && r.exitCode == 2)), describe(r));
        }
    }

    void badCommandLines()
    {
        Run r = run({QStringLiteral("nonsense")});
        QVERIFY2(r.finished && r.exitCode == 2 && r.err.contains(QStringLiteral("Orden desconocida: nonsense")), describe(r));
        r = run({QStringLiteral("--demo"), QStringLiteral("check")});
        QVERIFY2(r.finished && r.exitCode == 2 && r.err.contains(QStringLiteral("difusor-console check")), describe(r));
        r = run({QStringLiteral("check"), QStringLiteral("--profile")});
        QVERIFY2(r.finished && r.exitCode == 2 && r.err.contains(QStringLiteral("Falta el valor de --profile.")), describe(r));
        r = run({QStringLiteral("check")});
        QVERIFY2(r.finished && r.exitCode == 2 && r.err.contains(QStringLiteral("Falta --profile.")), describe(r));
        r = run({QStringLiteral("check"), QStringLiteral("--profile"), QStringLiteral("/nonexistent/p.json")});
        QVERIFY2(r.finished && r.exitCode == 2, describe(r));
        r = run({QStringLiteral("check"), QStringLiteral("--evidence=yes"), QStringLiteral("--profile"), QStringLiteral("p")});
        QVERIFY2(r.finished && r.exitCode == 2 && r.err.contains(QStringLiteral("--evidence no lleva valor.")), describe(r));
        r = run({QStringLiteral("watch"), QStringLiteral("--profile"), QStringLiteral("p"), QStringLiteral("--duration"), QStringLiteral("-1")});
        QVERIFY2(r.finished && r.exitCode == 2 && r.err.contains(QStringLiteral("--duration")), describe(r));
        r = run({QStringLiteral("stats"), QStringLiteral("--top"), QStringLiteral("many"), QStringLiteral("x.log")});
        QVERIFY2(r.finished && r.exitCode == 2 && r.err.contains(QStringLiteral("--top")), describe(r));
        r = run({QStringLiteral("sandbox")});
        QVERIFY2(r.finished && r.exitCode == 2 && r.err.contains(QStringLiteral("Uso: difusor-console sandbox")), describe(r));
        r = run({QStringLiteral("sandbox"), QStringLiteral("nonsense")});
        QVERIFY2(r.finished && r.exitCode == 2 && r.err.contains(QStringLiteral("Orden desconocida: nonsense")), describe(r));
        r = run({QStringLiteral("sandbox"), QStringLiteral("fault"), QStringLiteral("--profile"), QStringLiteral("p"),
                 QStringLiteral("no_such_fault")});
        QVERIFY2(r.finished && r.exitCode == 2, describe(r));
    }

    // --lang en does the command's work, in English (today watch, stats and sandbox refused it).
    void langTakenByEveryCommand()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        const QString log = dir.filePath(QStringLiteral("access.log"));
        QFile f(log);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("10.0.0.1 - - [01/Oct/2026:03:00:00 +0000] \"GET / HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0\"\n");
        f.close();
        Run r = run({QStringLiteral("stats"), QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--format"),
                     QStringLiteral("text"), QStringLiteral("--robots"), QStringLiteral("builtin"), log});
        QVERIFY2(r.finished && r.exitCode == 0 && r.out.contains(QStringLiteral("robots: our own list")), describe(r));
        r = run({QStringLiteral("sandbox"), QStringLiteral("faults"), QStringLiteral("--lang"), QStringLiteral("en")});
        QVERIFY2(r.finished && r.exitCode == 0 && r.out.contains(QStringLiteral("late_cut")), describe(r));
        QVERIFY2(!r.out.contains(QStringLiteral("Corte retrasado")), describe(r));
        r = run({QStringLiteral("sandbox"), QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("faults")});
        QVERIFY2(r.finished && r.exitCode == 0 && !r.out.contains(QStringLiteral("Corte retrasado")), describe(r));
        r = run({QStringLiteral("watch"), QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--profile"),
                 dir.filePath(QStringLiteral("missing.json"))});
        QVERIFY2(r.finished && r.exitCode == 2 && !r.err.contains(QStringLiteral("desconocida")), describe(r));
        r = run({QStringLiteral("check"), QStringLiteral("--lang"), QStringLiteral("en")});
        QVERIFY2(r.finished && r.exitCode == 2 && r.err.contains(QStringLiteral("--profile")), describe(r));
    }

    void initTestCase()
    {
        m_sshd = std::make_unique<SshdFixture>();
        QString error;
        if (!m_sshd->start(&error)) {
            if (difusor::test::inCi())
                QFAIL(qPrintable(error));
            m_sshd.reset(); // the sshd cases skip
            qWarning("no sshd: %s", qPrintable(error));
        }
    }

    // The server answers, but with a host key other than the one on record: nothing is checked, exit 3
    // and why on stderr (before: exit 1 and a report of every check as "unknown").
    void checkChangedHostKeyExitsThree()
    {
        if (!m_sshd)
            QSKIP("sshd not available");
        QVERIFY(recordOtherHostKey());
        QTemporaryDir dir(difusor::test::tempTemplate());
        const QString profile = writeProfile(dir, m_sshd->profile(), QStringLiteral("p.json"));
        const Run r = run({QStringLiteral("check"), QStringLiteral("--profile"), profile, QStringLiteral("--format"),
                           QStringLiteral("json"), QStringLiteral("--no-console-probes")});
        QVERIFY2(r.finished && r.exitCode == 3, describe(r));
        QVERIFY2(r.out.isEmpty(), describe(r)); // no report of unknowns
        QVERIFY2(r.err.contains(QStringLiteral("CAMBIÓ")), describe(r));
        QVERIFY2(r.err.contains(QStringLiteral("No se verificó ningún requisito.")), describe(r));
        // The same refusal for a key never seen, without --trust-new-host-key.
        QFile::remove(m_sshd->knownHostsPath());
        const Run unknown = run({QStringLiteral("check"), QStringLiteral("--profile"), profile, QStringLiteral("--no-console-probes")});
        QVERIFY2(unknown.finished && unknown.exitCode == 3 && unknown.err.contains(QStringLiteral("--trust-new-host-key")), describe(unknown));
        QVERIFY2(!QFile::exists(m_sshd->knownHostsPath()), "a refused key is not recorded");
    }

    void checkUnreachableExitsThree()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        difusor::Profile p;
        if (m_sshd)
            p = m_sshd->profile();
        p.name = QStringLiteral("nadie");
        p.host = QStringLiteral("127.0.0.1");
        p.port = difusor::test::freePort(); // nothing listens there
        const QString profile = writeProfile(dir, p, QStringLiteral("p.json"));
        const Run r = run({QStringLiteral("check"), QStringLiteral("--profile"), profile, QStringLiteral("--no-console-probes")});
        QVERIFY2(r.finished && r.exitCode == 3, describe(r));
        QVERIFY2(r.out.isEmpty(), describe(r));
        QVERIFY2(r.err.contains(QStringLiteral("rechazó la conexión")), describe(r));
    }

    // Reached, with the right key: the report's own exit code (0 or 1 on this machine), never 3.
    void checkReachedExitsByItsVerdicts()
    {
        if (!m_sshd)
            QSKIP("sshd not available");
        QFile::remove(m_sshd->knownHostsPath());
        QVERIFY(m_sshd->trustHostKey());
        QTemporaryDir dir(difusor::test::tempTemplate());
        const QString profile = writeProfile(dir, m_sshd->profile(), QStringLiteral("p.json"));
        const Run r = run({QStringLiteral("check"), QStringLiteral("--profile"), profile, QStringLiteral("--format"),
                           QStringLiteral("json"), QStringLiteral("--no-console-probes")},
                          baseEnvironment(), 90000);
        QVERIFY2(r.finished && (r.exitCode == 0 || r.exitCode == 1), describe(r));
        const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(report.value(QStringLiteral("exit_code")).toInt(-1), r.exitCode);
    }

    void watchChangedHostKeyOrUnreachableExitsThree()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        difusor::Profile nobody;
        nobody.name = QStringLiteral("nadie");
        nobody.host = QStringLiteral("127.0.0.1");
        nobody.port = difusor::test::freePort();
        nobody.knownHostsFile = dir.filePath(QStringLiteral("known_hosts"));
        const QString unreachable = writeProfile(dir, nobody, QStringLiteral("nadie.json"));
        QStringList args{QStringLiteral("watch"), QStringLiteral("--profile"), unreachable, QStringLiteral("--duration"),
                         QStringLiteral("30"), QStringLiteral("--store"), dir.filePath(QStringLiteral("w.sqlite"))};
        // It ends at once (not after --duration) when no server can be reached.
        Run r = run(args, baseEnvironment(), 25000);
        QVERIFY2(r.finished && r.exitCode == 3, describe(r));
        QVERIFY2(r.err.contains(QStringLiteral("rechazó la conexión")), describe(r));

        if (!m_sshd)
            QSKIP("sshd not available");
        QVERIFY(recordOtherHostKey());
        const QString changed = writeProfile(dir, m_sshd->profile(), QStringLiteral("p.json"));
        args[2] = changed;
        r = run(args, baseEnvironment(), 25000);
        QVERIFY2(r.finished && r.exitCode == 3, describe(r));
        QVERIFY2(r.err.contains(QStringLiteral("CAMBIÓ")), describe(r));
    }

    // The man page (the source; tests/packaging checks the installed one) names every option each
    // command's --help prints.
    void manPageNamesEveryOption()
    {
        QFile man(QStringLiteral(DIFUSOR_MAN_PAGE));
        QVERIFY(man.open(QIODevice::ReadOnly));
        const QString page = QString::fromUtf8(man.readAll()).replace(QStringLiteral("\\-"), QStringLiteral("-"));
        const QRegularExpression option(QStringLiteral("--[a-z][a-z-]*"));
        for (const QString &c : commandLines()) {
            const Run r = run(c.split(QLatin1Char(' '), Qt::SkipEmptyParts) + QStringList{QStringLiteral("--help")});
            QVERIFY2(r.finished && r.exitCode == 0, describe(r));
            QStringList missing;
            for (auto it = option.globalMatch(r.out); it.hasNext();) {
                const QString name = it.next().captured();
                if (!page.contains(QRegularExpression(QRegularExpression::escape(name) + QStringLiteral("([^a-z-]|$)"))))
                    missing.append(name);
            }
            missing.removeDuplicates();
            QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("man page lacks %1's: %2").arg(c, missing.join(QLatin1Char(' ')))));
        }
    }

    void cleanupTestCase() { m_sshd.reset(); }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
