#include "RemoteHost.h"

#include "common/Tr.h"

#include <QFile>

namespace difusor::remote {

QString connectionStateText(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Disconnected: return Tr::tr("Desconectado");
    case ConnectionState::Connecting: return Tr::tr("Conectando");
    case ConnectionState::Authenticating: return Tr::tr("Autenticando");
    case ConnectionState::Connected: return Tr::tr("Conectado");
    case ConnectionState::Reconnecting: return Tr::tr("Reconectando");
    case ConnectionState::Failed: return Tr::tr("Falló");
    }
    return {};
}

QString shellQuote(const QString &value)
{
    // POSIX sh: inside single quotes nothing is special except the quote itself, written '\''.
    QString quoted = QStringLiteral("'");
    for (const QChar c : value) {
        if (c == QLatin1Char('\''))
            quoted += QLatin1String("'\\''");
        else
            quoted += c;
    }
    quoted += QLatin1Char('\'');
    return quoted;
}

QString shellJoin(const QStringList &argv)
{
    QStringList quoted;
    quoted.reserve(argv.size());
    for (const QString &arg : argv)
        quoted.append(shellQuote(arg));
    return quoted.join(QLatin1Char(' '));
}

static QString scriptCommand(const QStringList &args)
{
    QString command = QStringLiteral("sh -s --");
    if (!args.isEmpty())
        command += QLatin1Char(' ') + shellJoin(args);
    return command;
}

static QByteArray readScript(const QString &resourcePath)
{
    QFile file(resourcePath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

RemoteJob *RemoteHost::runScript(const QString &resourcePath, const QStringList &args, int timeoutMs)
{
    const QByteArray script = readScript(resourcePath);
    if (script.isEmpty())
        return nullptr;
    m_scriptLabel = resourcePath;
    return run(scriptCommand(args), script, timeoutMs);
}

RemoteJob *RemoteHost::streamScript(const QString &resourcePath, const QStringList &args)
{
    const QByteArray script = readScript(resourcePath);
    if (script.isEmpty())
        return nullptr;
    m_scriptLabel = resourcePath;
    return stream(scriptCommand(args), script);
}

} // namespace difusor::remote
