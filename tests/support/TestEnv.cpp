#include "TestEnv.h"

#include <QDir>
#include <QStandardPaths>
#include <QTcpServer>

namespace difusor::test {

bool inCi()
{
    const QString ci = qEnvironmentVariable("CI");
    return !ci.isEmpty() && ci != QLatin1String("false") && ci != QLatin1String("0");
}

int timeScale()
{
    const int scale = qEnvironmentVariableIntValue("DIFUSOR_SANITIZE_SLOWDOWN");
    return scale > 1 ? scale : 1;
}

QString findProgram(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(name, {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    return path;
}

int freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

QString tempTemplate()
{
    return QDir::tempPath() + QStringLiteral("/difusor-test-XXXXXX");
}

} // namespace difusor::test
