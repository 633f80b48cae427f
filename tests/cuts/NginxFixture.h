#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace difusor::test {

// A real nginx on 127.0.0.1 for the cuts tests: two plain-HTTP sites ("official" and "difusor",
// each its own root and port) and, with tls, the difusor root again over HTTPS with a self-signed
// certificate made by the openssl program. Runs in the foreground under a difusor-test temporary
// folder and is killed by the destructor, also when a test fails.
class NginxFixture final
{
public:
    NginxFixture();
    ~NginxFixture();
    NginxFixture(const NginxFixture &) = delete;
    NginxFixture &operator=(const NginxFixture &) = delete;

    bool start(const QString &nginxProgram, bool tls, QString *error);
    void stop();

    QUrl url(const QString &site, const QString &file) const;    // site: "official" or "difusor"
    QUrl tlsUrl(const QString &file, const QString &host = QStringLiteral("127.0.0.1")) const;
    QString certificatePath() const;
    QString accessLogPath() const;

    // Replaces a served file atomically (write aside, rename), as a publisher should.
    bool writeFile(const QString &site, const QString &file, const QByteArray &content);
    bool removeFile(const QString &site, const QString &file);
    QString filePath(const QString &site, const QString &file) const;

private:
    bool waitForPort(int port, int timeoutMs) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_process;
    int m_officialPort = 0;
    int m_difusorPort = 0;
    int m_tlsPort = 0;
};

} // namespace difusor::test
