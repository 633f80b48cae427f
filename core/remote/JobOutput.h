#pragma once

#include "remote/RemoteHost.h"

#include <QByteArray>
#include <QList>

namespace difusor::remote {

// Splits a byte stream into lines ('\n', a trailing '\r' dropped). A line longer than maxLine is cut
// into maxLine pieces so a hostile stream cannot grow memory without bound.
class LineSplitter final
{
public:
    explicit LineSplitter(int maxLine = 1024 * 1024) : m_maxLine(maxLine) {}
    QList<QByteArray> feed(const QByteArray &data);
    QList<QByteArray> flush(); // the last unterminated line, if any
private:
    QByteArray m_partial;
    int m_maxLine;
};

// Output of run(): kept up to cap bytes, then a visible mark and the truncated flag.
class CappedBuffer final
{
public:
    explicit CappedBuffer(qint64 cap = 16 * 1024 * 1024) : m_cap(cap) {}
    void append(const QByteArray &data);
    bool truncated() const { return m_truncated; }
    QByteArray take(); // the data, with "[… truncated at N bytes]" appended when truncated
private:
    QByteArray m_data;
    qint64 m_cap;
    bool m_truncated = false;
};

// The remote command line actually sent: prints the process group id first, then execs the
// command, so cancel can end the whole group (sshd makes each session's shell a session leader).
QByteArray wrapCommandForGroupKill(const QString &command);
// The kill sent on a separate channel: TERM to the group, KILL about a second later if it survives.
QByteArray groupKillCommand(qint64 pgid);
// download(): the file's size on the first line, then its bytes from offset on (POSIX tail).
QString downloadCommand(const QString &remotePath, qint64 offset);
// downloadOutput(): "-1" (size unknown) on the first line, then the command's output from offset on.
QString downloadOutputCommand(const QString &command, qint64 offset);

// Fills error/errorText from the exit status (127: command not found).
void classifyExit(CommandResult &result, const QString &command);

// Translated texts for people.
QString errorText(RemoteError error, const QString &detail = {});

} // namespace difusor::remote
