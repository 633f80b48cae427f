// The data and settings folders: one level (~/.local/share/difusor-console), and what version 0.1 left
// in the doubled folders (…/difusor-console/difusor-console) moved up once, nothing overwritten: the
// profiles, the store (a real SQLite file, still readable), known_hosts and the settings file.
#include "TestEnv.h"
#include "common/DataFolders.h"
#include "common/Settings.h"
#include "remote/SshHost.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace difusor;

namespace {

bool write(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

QByteArray read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestDataFolders final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home{test::tempTemplate()};
    QString m_data, m_config;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_data = m_home.filePath(QStringLiteral("share"));
        m_config = m_home.filePath(QStringLiteral("config"));
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_data));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config));
        // As app/main.cpp sets them: an application name, no organization.
        QCoreApplication::setOrganizationName({});
        QCoreApplication::setApplicationName(QStringLiteral("difusor-console"));
    }

    void oneLevel()
    {
        QCOMPARE(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation), m_data + QStringLiteral("/difusor-console"));
        QCOMPARE(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation), m_config + QStringLiteral("/difusor-console"));
        QCOMPARE(remote::SshHost::defaultKnownHostsFile(), m_data + QStringLiteral("/difusor-console/known_hosts"));
    }

    void olderVersionsDataMovedUpOnce()
    {
        const QString newData = m_data + QStringLiteral("/difusor-console");
        const QString oldData = newData + QStringLiteral("/difusor-console");
        const QString oldConfig = m_config + QStringLiteral("/difusor-console/difusor-console");
        // What 0.1 left: a profile, the watch store (SQLite, WAL), known_hosts, the settings.
        QVERIFY(write(oldData + QStringLiteral("/profiles/durango.json"), "{\"name\":\"durango\"}"));
        QVERIFY(write(oldData + QStringLiteral("/known_hosts"), "[127.0.0.1]:2222 ssh-ed25519 AAAA\n"));
        {
            store::Store s;
            QVERIFY(s.open(oldData + QStringLiteral("/difusor-watch.sqlite")));
            store::ServerIdentity id{QStringLiteral("durango"), QStringLiteral("SHA256:abc"), QStringLiteral("Durango"),
                                     QStringLiteral("u@h:22")};
            QVERIFY(s.registerServer(id, QDateTime::currentDateTimeUtc()).has_value());
        }
        {
            QSettings ini(oldConfig + QStringLiteral("/difusor-console.ini"), QSettings::IniFormat);
            ini.setValue(QStringLiteral("language"), QStringLiteral("en"));
        }
        QVERIFY(QFile::exists(oldConfig + QStringLiteral("/difusor-console.ini")));

        QCOMPARE(settleDataFolders(), QStringList());
        QVERIFY(!QFileInfo::exists(oldData));
        QVERIFY(!QFileInfo::exists(oldConfig));
        QCOMPARE(read(newData + QStringLiteral("/profiles/durango.json")), QByteArray("{\"name\":\"durango\"}"));
        QVERIFY(read(remote::SshHost::defaultKnownHostsFile()).startsWith("[127.0.0.1]:2222"));
        store::Store moved;
        QVERIFY(moved.open(newData + QStringLiteral("/difusor-watch.sqlite")));
        QCOMPARE(moved.servers().size(), 1);
        QCOMPARE(moved.servers().first().identity.profileName, QStringLiteral("Durango"));
        moved.close();
        QSettings ini(m_config + QStringLiteral("/difusor-console/difusor-console.ini"), QSettings::IniFormat);
        QCOMPARE(ini.value(QStringLiteral("language")).toString(), QStringLiteral("en"));

        // Once: nothing left to do.
        QCOMPARE(settleDataFolders(), QStringList());
    }

    void nothingOverwritten()
    {
        const QString newData = m_data + QStringLiteral("/difusor-console");
        const QString oldData = newData + QStringLiteral("/difusor-console");
        QVERIFY(write(newData + QStringLiteral("/known_hosts"), "new\n"));
        QVERIFY(write(oldData + QStringLiteral("/known_hosts"), "old\n"));
        QVERIFY(write(oldData + QStringLiteral("/attestations.json"), "{}"));
        const QStringList warnings = settleDataFolders();
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings.first().contains(oldData + QStringLiteral("/known_hosts")));
        QCOMPARE(read(newData + QStringLiteral("/known_hosts")), QByteArray("new\n"));
        QCOMPARE(read(oldData + QStringLiteral("/known_hosts")), QByteArray("old\n")); // kept where it was
        QVERIFY(QFile::exists(newData + QStringLiteral("/attestations.json")));
    }
};

QTEST_GUILESS_MAIN(TestDataFolders)
#include "tst_data_folders.moc"
