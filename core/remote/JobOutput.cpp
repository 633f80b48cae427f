#include "JobOutput.h"

#include "common/Tr.h"

namespace difusor::remote {

QList<QByteArray> LineSplitter::feed(const QByteArray &data)
{
    QList<QByteArray> lines;
    m_partial += data;
    int start = 0;
    for (;;) {
        const int nl = m_partial.indexOf('\n', start);
        if (nl < 0)
            break;
        QByteArray line = m_partial.mid(start, nl - start);
        if (line.endsWith('\r'))
            line.chop(1);
        while (line.size() > m_maxLine) {
            lines.append(line.left(m_maxLine));
            line.remove(0, m_maxLine);
        }
        lines.append(line);
        start = nl + 1;
    }
    m_partial.remove(0, start);
    while (m_partial.size() > m_maxLine) {
        lines.append(m_partial.left(m_maxLine));
        m_partial.remove(0, m_maxLine);
    }
    return lines;
}

QList<QByteArray> LineSplitter::flush()
{
    QList<QByteArray> lines;
    if (!m_partial.isEmpty()) {
        if (m_partial.endsWith('\r'))
            m_partial.chop(1);
        lines.append(m_partial);
        m_partial.clear();
    }
    return lines;
}

void CappedBuffer::append(const QByteArray &data)
{
    const qint64 room = m_cap - m_data.size();
    if (room >= data.size()) {
        m_data += data;
        return;
    }
    if (room > 0)
        m_data += data.left(int(room));
    m_truncated = true;
}

QByteArray CappedBuffer::take()
{
    QByteArray out = std::move(m_data);
    m_data.clear();
    if (m_truncated)
        out += "\n" + Tr::tr("[… salida truncada en %1 bytes]").arg(m_cap).toUtf8() + "\n";
    return out;
}

QByteArray wrapCommandForGroupKill(const QString &command)
{
    // $$ of the exec'd sh is the pid of the session leader sshd started: the process group id.
    return QByteArrayLiteral("exec sh -c 'echo $$; exec sh -c \"$1\"' sh ") + shellQuote(command).toUtf8();
}

QByteArray groupKillCommand(qint64 pgid)
{
    // TERM, then up to ~1 s for the group to go, then KILL: the channel is usually done at once.
    // "kill -s SIG -- -pgid" is the spelling dash, bash and busybox all accept ("kill -TERM --" is not).
    const QByteArray g = QByteArray::number(pgid);
    return "kill -s TERM -- -" + g + " 2>/dev/null || exit 0; for i in 1 2 3 4 5; do kill -s 0 -- -" + g
           + " 2>/dev/null || exit 0; sleep 0.2 2>/dev/null || sleep 1; done; kill -s KILL -- -" + g + " 2>/dev/null; true";
}

QString downloadCommand(const QString &remotePath, qint64 offset)
{
    const QString q = shellQuote(remotePath);
    return QStringLiteral("wc -c < ") + q + QStringLiteral(" && tail -c +") + QString::number(offset + 1)
           + QLatin1Char(' ') + q;
}

QString downloadOutputCommand(const QString &command, qint64 offset)
{
    // The command runs in a subshell so its own redirections and pipes stay its own.
    QString c = QStringLiteral("echo -1 && ( ") + command + QStringLiteral(" )");
    if (offset > 0)
        c += QStringLiteral(" | tail -c +") + QString::number(offset + 1);
    return c;
}

void classifyExit(CommandResult &result, const QString &command)
{
    if (result.error != RemoteError::None || result.exitStatus != 127)
        return;
    result.error = RemoteError::CommandNotFound;
    const QString program = command.trimmed().section(QLatin1Char(' '), 0, 0);
    result.errorText = errorText(RemoteError::CommandNotFound, program);
}

QString errorText(RemoteError error, const QString &detail)
{
    QString text;
    switch (error) {
    case RemoteError::None: return {};
    case RemoteError::DnsFailure: text = Tr::tr("No se encontró el servidor: el nombre no existe en el DNS."); break;
    case RemoteError::ConnectionRefused:
        text = Tr::tr("El servidor rechazó la conexión: nada escucha en ese puerto o un firewall lo bloquea.");
        break;
    case RemoteError::Timeout: text = Tr::tr("Se agotó el tiempo de espera."); break;
    case RemoteError::AuthRejected: text = Tr::tr("El servidor rechazó la autenticación."); break;
    case RemoteError::HostKeyChanged:
        text = Tr::tr("¡La llave del servidor CAMBIÓ! Puede ser un ataque de intermediario; no se conectó.");
        break;
    case RemoteError::HostKeyRejected: text = Tr::tr("No se aceptó la llave del servidor."); break;
    case RemoteError::ChannelRefused: text = Tr::tr("El servidor rechazó abrir un canal para la orden."); break;
    case RemoteError::CommandNotFound: text = Tr::tr("La orden no existe en el servidor (estado 127)."); break;
    case RemoteError::Cancelled: text = Tr::tr("Cancelada."); break;
    case RemoteError::Disconnected: text = Tr::tr("Se perdió la conexión con el servidor."); break;
    case RemoteError::LocalIo: text = Tr::tr("Error al escribir en este equipo."); break;
    case RemoteError::Other: text = Tr::tr("Error."); break;
    }
    if (!detail.isEmpty())
        text += QLatin1Char(' ') + detail;
    return text;
}

} // namespace difusor::remote
