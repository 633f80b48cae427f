#include "CommandLine.h"

#include "Tr.h"
#include "Translations.h"

#include <QCoreApplication>

#include <cstdio>
#include <limits>

namespace difusor {

namespace {

const QString HelpName = QStringLiteral("help");
const QString VersionName = QStringLiteral("version");
const QString LangName = QStringLiteral("lang");
constexpr int TextWidth = 79;
constexpr int MaxLeftColumn = 24; // a longer option starts its text on the next line

void write(std::FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stream);
    std::fflush(stream);
}

// "--name", or "-x" for a one-letter name.
QString dashed(const QString &name)
{
    return (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
}

QString optionSyntax(const QCommandLineOption &option)
{
    QStringList names;
    for (const QString &name : option.names())
        names.append(dashed(name));
    QString syntax = names.join(QStringLiteral(", "));
    if (!option.valueName().isEmpty())
        syntax += QLatin1Char(' ') + option.valueName();
    return syntax;
}

// Words of `text` in lines of at most `width` characters (a longer word stands alone); "\n" is kept.
QStringList wrap(const QString &text, int width)
{
    QStringList lines;
    for (const QString &paragraph : text.split(QLatin1Char('\n'))) {
        QString line;
        for (const QString &word : paragraph.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
                lines.append(line);
                line.clear();
            }
            line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
        }
        lines.append(line);
    }
    return lines;
}

// Two columns: the left one padded to `left` characters, the right one wrapped beside it.
QString table(const QList<QPair<QString, QString>> &rows, int indent = 2)
{
    int left = 0;
    for (const auto &row : rows) {
        if (row.first.size() <= MaxLeftColumn)
            left = std::max(left, int(row.first.size()));
    }
    const QString pad(indent, QLatin1Char(' '));
    const int rightWidth = std::max(30, TextWidth - indent - left - 2);
    QString out;
    for (const auto &row : rows) {
        const QStringList lines = wrap(row.second, rightWidth);
        QString first = pad + row.first;
        if (row.first.size() > left) {
            out += first + QLatin1Char('\n'); // too long: its text starts on the next line
            first = QString(indent + left, QLatin1Char(' '));
        } else {
            first = first.leftJustified(indent + left);
        }
        for (qsizetype i = 0; i < lines.size(); ++i)
            out += (i == 0 ? first : QString(indent + left, QLatin1Char(' '))) + QStringLiteral("  ") + lines.at(i) + QLatin1Char('\n');
    }
    return out;
}

QString programName()
{
    return QStringLiteral("difusor-console");
}

} // namespace

CommandLine::CommandLine(const QString &name, const QStringList &synopsis, const QString &description)
    : m_name(name)
    , m_synopsis(synopsis)
    , m_description(description)
{
    m_exitCodes.insert(ExitOk, Tr::tr("correcto: todo se cumple, o la ejecución terminó como se pidió"));
    m_exitCodes.insert(ExitFailed, Tr::tr("una verificación o una expectativa falló"));
    m_exitCodes.insert(ExitBadInput, Tr::tr("entrada no válida: una opción desconocida, un valor no válido, un perfil ilegible"));
    m_exitCodes.insert(ExitUnreachable, Tr::tr("no se pudo conectar con el servidor, o se rechazó su llave o el acceso"));
    // The three every command takes, here so that no command can forget them; last in the usage text.
    m_common = {
        QCommandLineOption({LangName}, Tr::tr("Idioma de los mensajes: es (español, por omisión) o en (inglés); "
                                              "sin esta opción, DIFUSOR_LANG."),
                           QStringLiteral("es|en")),
        QCommandLineOption({QStringLiteral("h"), HelpName}, Tr::tr("Muestra esta ayuda y termina.")),
        QCommandLineOption({VersionName}, Tr::tr("Muestra la versión y termina.")),
    };
    for (const QCommandLineOption &option : std::as_const(m_common))
        m_parser.addOption(option);
}

void CommandLine::addOption(const QCommandLineOption &option)
{
    m_parser.addOption(option);
    m_options.append(option);
}

void CommandLine::addArgument(const QString &syntax, const QString &description)
{
    m_arguments.append({syntax, description});
}

void CommandLine::addSection(const QString &title, const QList<QPair<QString, QString>> &rows)
{
    m_sections.append({title, rows});
}

void CommandLine::setExitCode(int code, const QString &meaning)
{
    if (meaning.isEmpty())
        m_exitCodes.remove(code);
    else
        m_exitCodes.insert(code, meaning);
}

void CommandLine::stopAtFirstArgument()
{
    m_parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
}

void CommandLine::setSingleDashLongOptions()
{
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
}

QString CommandLine::commandName() const
{
    return m_name.isEmpty() ? programName() : programName() + QLatin1Char(' ') + m_name;
}

const QCommandLineOption *CommandLine::findOption(const QString &name) const
{
    for (const QList<QCommandLineOption> *list : {&m_options, &m_common}) {
        for (const QCommandLineOption &option : *list) {
            if (option.names().contains(name))
                return &option;
        }
    }
    return nullptr;
}

CommandLine::Parsed CommandLine::parseQuietly(const QStringList &args, QString *error)
{
    QString message;
    Parsed parsed = Parsed::Run;
    if (!m_parser.parse(QStringList{programName()} + args)) {
        message = parseError(args);
        parsed = Parsed::Error;
    } else if (m_parser.isSet(LangName) && !QStringList{QStringLiteral("es"), QStringLiteral("en")}.contains(m_parser.value(LangName))) {
        message = Tr::tr("Idioma no disponible: %1 (es o en).").arg(m_parser.value(LangName));
        parsed = Parsed::Error;
    } else if (m_parser.isSet(HelpName)) {
        parsed = Parsed::Help;
    } else if (m_parser.isSet(VersionName)) {
        parsed = Parsed::Version;
    }
    if (error)
        *error = message;
    return parsed;
}

std::optional<int> CommandLine::parse(const QStringList &args)
{
    QString error;
    const Parsed parsed = parseQuietly(args, &error);
    // main() installed the language from the whole argument list already; this covers a command run
    // in-process (tests) and keeps one rule: --lang wins over DIFUSOR_LANG.
    if (parsed != Parsed::Error && m_parser.isSet(LangName))
        installTranslations(language());
    switch (parsed) {
    case Parsed::Run:
        return std::nullopt;
    case Parsed::Help:
        write(stdout, usage());
        return ExitOk;
    case Parsed::Version:
        write(stdout, programName() + QLatin1Char(' ') + QCoreApplication::applicationVersion() + QLatin1Char('\n'));
        return ExitOk;
    case Parsed::Error:
        break;
    }
    return badInput(error);
}

QString CommandLine::parseError(const QStringList &args) const
{
    const QStringList unknown = m_parser.unknownOptionNames();
    if (!unknown.isEmpty())
        return Tr::tr("Opción desconocida: %1").arg(dashed(unknown.first()));
    // QCommandLineParser's other errors (a value missing, a value given to a flag) are in English:
    // find which one it was and say it in the user's language.
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == QLatin1String("--"))
            break;
        if (!arg.startsWith(QLatin1Char('-')) || arg.size() < 2)
            continue;
        const QString name = arg.startsWith(QLatin1String("--")) ? arg.mid(2) : arg.mid(1);
        const qsizetype equals = name.indexOf(QLatin1Char('='));
        const QCommandLineOption *option = findOption(equals < 0 ? name : name.left(equals));
        if (!option)
            continue;
        if (equals >= 0) {
            if (option->valueName().isEmpty())
                return Tr::tr("%1 no lleva valor.").arg(dashed(name.left(equals)));
        } else if (!option->valueName().isEmpty()) {
            if (i + 1 >= args.size())
                return Tr::tr("Falta el valor de %1.").arg(arg);
            ++i; // the value, whatever it looks like
        }
    }
    return m_parser.errorText();
}

QString CommandLine::language() const
{
    if (m_parser.isSet(LangName))
        return m_parser.value(LangName); // "es" or "en": parseQuietly() refuses any other
    // The environment is not refused: "en_US.UTF-8"-like values count by their first two letters.
    const QString environment = qEnvironmentVariable("DIFUSOR_LANG").trimmed().toLower().left(2);
    return environment == QLatin1String("en") ? environment : QStringLiteral("es");
}

std::optional<int> CommandLine::intValue(const QString &name, int minimum, int maximum, QString *error) const
{
    const QString text = m_parser.value(name);
    bool ok = false;
    const int number = text.toInt(&ok);
    if (ok && number >= minimum && number <= maximum)
        return number;
    if (error) {
        *error = maximum == std::numeric_limits<int>::max()
            ? Tr::tr("Valor no válido para %1: «%2» (un número entero, %3 o más).").arg(dashed(name), text).arg(minimum)
            : Tr::tr("Valor no válido para %1: «%2» (un número entero de %3 a %4).").arg(dashed(name), text).arg(minimum).arg(maximum);
    }
    return std::nullopt;
}

std::optional<double> CommandLine::doubleValue(const QString &name, double minimum, double maximum, QString *error) const
{
    const QString text = m_parser.value(name);
    bool ok = false;
    const double number = text.toDouble(&ok);
    if (ok && number >= minimum && number <= maximum)
        return number;
    if (error)
        *error = Tr::tr("Valor no válido para %1: «%2» (un número de %3 a %4).").arg(dashed(name), text).arg(minimum).arg(maximum);
    return std::nullopt;
}

std::optional<QString> CommandLine::choiceValue(const QString &name, const QStringList &choices, QString *error) const
{
    const QString text = m_parser.value(name);
    if (choices.contains(text))
        return text;
    if (error)
        *error = Tr::tr("Valor no válido para %1: «%2» (%3).").arg(dashed(name), text, choices.join(QStringLiteral(", ")));
    return std::nullopt;
}

QString CommandLine::usage() const
{
    QString out;
    const QString prefix = Tr::tr("Uso:") + QLatin1Char(' ');
    for (qsizetype i = 0; i < m_synopsis.size(); ++i) {
        out += (i == 0 ? prefix : QString(prefix.size(), QLatin1Char(' '))) + commandName();
        if (!m_synopsis.at(i).isEmpty())
            out += QLatin1Char(' ') + m_synopsis.at(i);
        out += QLatin1Char('\n');
    }
    if (!m_description.isEmpty())
        out += QLatin1Char('\n') + wrap(m_description, TextWidth).join(QLatin1Char('\n')) + QLatin1Char('\n');

    QList<QPair<QString, QString>> options;
    for (const QCommandLineOption &option : m_options + m_common) {
        if (option.flags() & QCommandLineOption::HiddenFromHelp)
            continue;
        QString description = option.description();
        if (!option.defaultValues().isEmpty())
            description += QLatin1Char(' ') + Tr::tr("(Por omisión: %1.)").arg(option.defaultValues().join(QStringLiteral(", ")));
        options.append({optionSyntax(option), description});
    }
    if (!options.isEmpty())
        out += QLatin1Char('\n') + Tr::tr("Opciones:") + QLatin1Char('\n') + table(options);
    if (!m_arguments.isEmpty())
        out += QLatin1Char('\n') + Tr::tr("Argumentos:") + QLatin1Char('\n') + table(m_arguments);
    for (const auto &section : m_sections)
        out += QLatin1Char('\n') + section.first + QLatin1Char('\n') + table(section.second);

    QList<QPair<QString, QString>> codes;
    for (auto it = m_exitCodes.cbegin(); it != m_exitCodes.cend(); ++it)
        codes.append({QString::number(it.key()), it.value()});
    out += QLatin1Char('\n') + Tr::tr("Códigos de salida:") + QLatin1Char('\n') + table(codes);
    return out;
}

int CommandLine::badInput(const QString &message) const
{
    write(stderr, commandName() + QStringLiteral(": ") + message + QStringLiteral("\n\n") + usage());
    return ExitBadInput;
}

} // namespace difusor
