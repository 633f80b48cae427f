#include "TestEnv.h"

#include <QDir>
#include <QMutex>
#include <QSet>
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
    // Each port once per process: the kernel may give the port just closed back to the next call (seen
    // in CI: an nginx fixture's two servers both on one port, so one site answered for the other).
    static QMutex mutex;
    static QSet<int> given;
    for (int attempt = 0; attempt < 64; ++attempt) {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost, 0))
            return 0;
        const int port = server.serverPort();
        const QMutexLocker lock(&mutex);
        if (!given.contains(port)) {
            given.insert(port);
            return port;
        }
    }
    return 0;
}

QString tempTemplate()
{
    return QDir::tempPath() + QStringLiteral("/difusor-test-XXXXXX");
}

} // namespace difusor::test
