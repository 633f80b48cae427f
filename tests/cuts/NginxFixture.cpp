#include "NginxFixture.h"

#include "TestEnv.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QTcpSocket>
#include <QThread>

#include <cstdio>
#include <unistd.h>

namespace difusor::test {

NginxFixture::NginxFixture() = default;

NginxFixture::~NginxFixture()
{
    stop();
}

void NginxFixture::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate(); // nginx: fast shutdown
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool NginxFixture::waitForPort(int port, int timeoutMs) const
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(port));
        if (socket.waitForConnected(200))
            return true;
        if (m_process.state() == QProcess::NotRunning)
            return false;
        QThread::msleep(50);
    }
    return false;
}

bool NginxFixture::start(const QString &nginxProgram, bool tls, QString *error)
{
    auto failWith = [&](const QString &text) {
        if (error)
            *error = text;
        stop();
        return false;
    };
    m_dir = std::make_unique<QTemporaryDir>(tempTemplate());
    if (!m_dir->isValid())
        return failWith(QStringLiteral("no temporary folder"));
    const QString prefix = m_dir->path();
    for (const char *sub : {"official", "difusor", "tmp", "logs"})
        QDir(prefix).mkpath(QLatin1String(sub));

    if (tls) {
        const QString openssl = findProgram(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            return failWith(QStringLiteral("openssl not found"));
        QProcess gen;
        gen.start(openssl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                            QStringLiteral("ec"), QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
                            QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"),
                            QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                            QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-keyout"),
                            prefix + QStringLiteral("/key.pem"), QStringLiteral("-out"), certificatePath()});
        if (!gen.waitForFinished(30000) || gen.exitCode() != 0)
            return failWith(QStringLiteral("openssl req failed: ") + QString::fromLocal8Bit(gen.readAllStandardError()));
    }

    m_officialPort = freePort();
    m_difusorPort = freePort();
    m_tlsPort = tls ? freePort() : 0;
    QByteArray conf;
    // One process, no workers: nothing can outlive a kill, and it reads the 0700 temporary folder.
    if (::geteuid() == 0)
        conf += "user root;\n";
    conf += "master_process off;\nworker_processes 1;\n";
    conf += "pid " + prefix.toUtf8() + "/nginx.pid;\n";
    conf += "events { worker_connections 64; }\n";
    conf += "http {\n";
    conf += "  access_log " + prefix.toUtf8() + "/logs/access.log;\n";
    for (const char *temp : {"client_body", "proxy", "fastcgi", "uwsgi", "scgi"})
        conf += QByteArray("  ") + temp + "_temp_path " + prefix.toUtf8() + "/tmp/" + temp + ";\n";
    conf += "  types { text/html html; application/json json; }\n  default_type application/octet-stream;\n";
    conf += "  server { listen 127.0.0.1:" + QByteArray::number(m_officialPort) + "; root " + prefix.toUtf8()
            + "/official; }\n";
    conf += "  server { listen 127.0.0.1:" + QByteArray::number(m_difusorPort) + "; root " + prefix.toUtf8()
            + "/difusor; }\n";
    if (tls)
        conf += "  server { listen 127.0.0.1:" + QByteArray::number(m_tlsPort) + " ssl; root " + prefix.toUtf8()
                + "/difusor; ssl_certificate " + certificatePath().toUtf8() + "; ssl_certificate_key "
                + prefix.toUtf8() + "/key.pem; }\n";
    conf += "}\n";
    const QString confPath = prefix + QStringLiteral("/nginx.conf");
    QFile file(confPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(conf) != conf.size())
        return failWith(QStringLiteral("cannot write nginx.conf"));
    file.close();

    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(nginxProgram, {QStringLiteral("-p"), prefix, QStringLiteral("-c"), confPath, QStringLiteral("-g"),
                                   QStringLiteral("daemon off; error_log stderr;")});
    if (!m_process.waitForStarted(5000))
        return failWith(QStringLiteral("nginx did not start"));
    for (int port : {m_officialPort, m_difusorPort, m_tlsPort}) {
        if (port && !waitForPort(port, 10000))
            return failWith(QStringLiteral("nginx is not listening on %1").arg(port));
    }
    return true;
}

QUrl NginxFixture::url(const QString &site, const QString &file) const
{
    const int port = site == QLatin1String("official") ? m_officialPort : m_difusorPort;
    return QUrl(QStringLiteral("http://127.0.0.1:%1/%2").arg(port).arg(file));
}

QUrl NginxFixture::tlsUrl(const QString &file, const QString &host) const
{
    return QUrl(QStringLiteral("https://%1:%2/%3").arg(host).arg(m_tlsPort).arg(file));
}

QString NginxFixture::certificatePath() const
{
    return m_dir ? m_dir->path() + QStringLiteral("/cert.pem") : QString();
}

QString NginxFixture::accessLogPath() const
{
    return m_dir ? m_dir->path() + QStringLiteral("/logs/access.log") : QString();
}

bool NginxFixture::writeFile(const QString &site, const QString &name, const QByteArray &content)
{
    const QString target = m_dir->path() + QLatin1Char('/') + site + QLatin1Char('/') + name;
    const QString aside = target + QStringLiteral(".tmp");
    QFile file(aside);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return false;
    file.close();
    return ::rename(QFile::encodeName(aside).constData(), QFile::encodeName(target).constData()) == 0;
}

bool NginxFixture::removeFile(const QString &site, const QString &name)
{
    return QFile::remove(m_dir->path() + QLatin1Char('/') + site + QLatin1Char('/') + name);
}

} // namespace difusor::test

namespace difusor::test {

QString NginxFixture::filePath(const QString &site, const QString &name) const
{
    return m_dir->path() + QLatin1Char('/') + site + QLatin1Char('/') + name;
}

} // namespace difusor::test
