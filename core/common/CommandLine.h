#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace difusor {

// The exit codes of the program and of every command. Each --help lists them, and so do README.md and
// the man page (packaging/man/difusor-console.1).
enum ExitCode : int {
    ExitOk = 0,          // done as asked: every check passed, the run ended by --duration or a signal
    ExitFailed = 1,      // a check or an expectation failed (also: what the command had to do failed)
    ExitBadInput = 2,    // bad input: an unknown option, an invalid value, an unreadable profile
    ExitUnreachable = 3, // the server could not be reached, or refused: its host key, our login
};

// One command's command line (the program's own too). QCommandLineParser parses; the usage text is
// ours, translated, and of one shape for every command: the synopsis, what the command does, its
// options, its arguments, other sections (commands, sub-commands) and its exit codes.
//
// Every command line takes -h/--help and --version (answered on stdout, exit 0) and --lang es|en; an
// unknown option or a missing value is answered with the error and the usage on stderr, exit 2.
// Texts are translated when they are made: install the language first (main() does, from the whole
// argument list: chooseLanguage()), then build the CommandLine, then parse().
//
//     CommandLine line(QStringLiteral("stats"), {Tr::tr("[opciones] ARCHIVO…")}, Tr::tr("Cuenta…"));
//     line.addOption({{QStringLiteral("top")}, Tr::tr("…"), QStringLiteral("N"), QStringLiteral("10")});
//     line.addArgument(Tr::tr("ARCHIVO…"), Tr::tr("…"));
//     if (const auto code = line.parse(args))
//         return *code; // --help, --version or a bad command line: already answered
//     QString error;
//     const auto top = line.intValue(QStringLiteral("top"), 0, 10000, &error);
//     if (!top)
//         return line.badInput(error); // a value that parsed but makes no sense: the same answer
class CommandLine
{
public:
    // name: "check", "sandbox run"…; empty for the program itself. synopsis: what follows
    // "difusor-console <name> " on each usage line. description: a paragraph or two.
    CommandLine(const QString &name, const QStringList &synopsis, const QString &description);

    void addOption(const QCommandLineOption &option);
    // A positional argument, for the usage text (the parser keeps every positional argument anyway).
    void addArgument(const QString &syntax, const QString &description);
    // A section of its own after the arguments, e.g. the program's commands, as rows of two columns.
    void addSection(const QString &title, const QList<QPair<QString, QString>> &rows);
    // Replaces the general meaning of one exit code with this command's; an empty meaning removes the
    // code (the command never returns it).
    void setExitCode(int code, const QString &meaning);
    // Everything after the first positional argument is left alone: it belongs to a sub-command.
    void stopAtFirstArgument();
    // "-platform x" is the long option "platform" (the window: Qt's own options), not -p -l -a….
    void setSingleDashLongOptions();

    enum class Parsed { Run, Help, Version, Error };
    // Parses args (without the program's name and the command's); prints nothing. *error: translated.
    Parsed parseQuietly(const QStringList &args, QString *error = nullptr);
    // Parses args and answers --help, --version and a bad command line itself; applies --lang. The
    // exit code when the process must end now, std::nullopt when the command goes on.
    std::optional<int> parse(const QStringList &args);

    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QString value(const QString &name) const { return m_parser.value(name); }
    QStringList values(const QString &name) const { return m_parser.values(name); }
    QStringList positionalArguments() const { return m_parser.positionalArguments(); }
    // --lang, else DIFUSOR_LANG, else "es".
    QString language() const;

    // A number option's value, or its default (the option's default value) when it is not given.
    // On a value that is not a number in [minimum, maximum]: std::nullopt and *error names the option.
    std::optional<int> intValue(const QString &name, int minimum, int maximum, QString *error) const;
    std::optional<double> doubleValue(const QString &name, double minimum, double maximum, QString *error) const;
    // One of `choices`, or *error lists them.
    std::optional<QString> choiceValue(const QString &name, const QStringList &choices, QString *error) const;

    QString usage() const;                        // the --help text
    int badInput(const QString &message) const;   // message and usage on stderr; returns ExitBadInput
    QString commandName() const;                  // "difusor-console check"

private:
    QString parseError(const QStringList &args) const;
    const QCommandLineOption *findOption(const QString &name) const;

    QString m_name;
    QStringList m_synopsis;
    QString m_description;
    QCommandLineParser m_parser;
    QList<QCommandLineOption> m_options; // the command's, in the order of the usage text
    QList<QCommandLineOption> m_common;  // --lang, --help, --version
    QList<QPair<QString, QString>> m_arguments;
    QList<QPair<QString, QList<QPair<QString, QString>>>> m_sections;
    QMap<int, QString> m_exitCodes;
};

} // namespace difusor
