#include "common/MexicoTime.h"
#include "common/Profile.h"

#include "cuts/WatchCommand.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

using difusor::AuthMethod;
using difusor::Profile;

class TestProfile final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripKeepsEveryKey()
    {
        Profile p;
        p.name = QStringLiteral("Sandbox");
        p.host = QStringLiteral("127.0.0.1");
        p.port = 2222;
        p.user = QStringLiteral("técnico");
        p.auth = AuthMethod::KeyboardInteractive;
        p.keyFile = QStringLiteral("/tmp/k");
        p.publicationDir = QStringLiteral("/srv/prep");
        p.trustedIps = {QStringLiteral("192.0.2.10")};
        p.groundTruth = QStringLiteral("/tmp/gt.jsonl");
        p.extra.insert(QStringLiteral("poll_interval_ms"), 42);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.json"));
        QString error;
        QVERIFY2(p.save(path, &error), qPrintable(error));
        const auto loaded = Profile::load(path, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(*loaded, p);
        QCOMPARE(loaded->extra.value(QStringLiteral("poll_interval_ms")).toInt(), 42);
        QCOMPARE(loaded->toJson().value(QStringLiteral("auth")).toString(), QStringLiteral("keyboard-interactive"));
    }

    void rejectsBadInput_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("not json") << QByteArray("{nope");
        QTest::newRow("no host") << QByteArray(R"({"user":"a"})");
        QTest::newRow("port out of range") << QByteArray(R"({"host":"h","port":70000})");
        QTest::newRow("unknown auth") << QByteArray(R"({"host":"h","auth":"telepathy"})");
        QTest::newRow("array") << QByteArray("[]");
    }
    void rejectsBadInput()
    {
        QFETCH(QByteArray, json);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(json);
        f.close();
        QString error;
        QVERIFY(!Profile::load(path, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY2(!error.contains(QLatin1String("no error occurred")), qPrintable(error));
    }

    // A value of the wrong type is an error naming the key and the type it must have, never a default.
    void wrongTypeNamesTheKey_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expected");
        QTest::newRow("string port") << QByteArray(R"({"host":"h","port":"2222"})") << QStringLiteral("port") << QStringLiteral("un número entero");
        QTest::newRow("fractional port") << QByteArray(R"({"host":"h","port":22.5})") << QStringLiteral("port") << QStringLiteral("un número entero");
        QTest::newRow("string interval") << QByteArray(R"({"host":"h","cut_interval_s":"900"})") << QStringLiteral("cut_interval_s")
                                         << QStringLiteral("un número entero");
        QTest::newRow("string trusted_ips") << QByteArray(R"({"host":"h","trusted_ips":"127.0.0.1"})") << QStringLiteral("trusted_ips")
                                            << QStringLiteral("una lista de textos");
        QTest::newRow("number in trusted_ips") << QByteArray(R"({"host":"h","trusted_ips":["1.2.3.4",5]})")
                                               << QStringLiteral("trusted_ips") << QStringLiteral("una lista de textos");
        QTest::newRow("numeric host") << QByteArray(R"({"host":127})") << QStringLiteral("host") << QStringLiteral("un texto");
        QTest::newRow("null user") << QByteArray(R"({"host":"h","user":null})") << QStringLiteral("user") << QStringLiteral("un texto");
        QTest::newRow("string compression") << QByteArray(R"({"host":"h","compression":"yes"})") << QStringLiteral("compression")
                                            << QStringLiteral("true o false");
        QTest::newRow("string extra") << QByteArray(R"({"host":"h","poll_interval_ms":"250"})") << QStringLiteral("poll_interval_ms")
                                      << QStringLiteral("un número");
        QTest::newRow("staff not a list") << QByteArray(R"({"host":"h","technical_staff":{"name":"Ana"}})")
                                          << QStringLiteral("technical_staff") << QStringLiteral("una lista de objetos");
        QTest::newRow("staff unknown key") << QByteArray(R"({"host":"h","technical_staff":[{"name":"Ana","age":"40"}]})")
                                           << QStringLiteral("technical_staff") << QStringLiteral("una lista de objetos");
        QTest::newRow("staff numeric phone") << QByteArray(R"({"host":"h","technical_staff":[{"phone":5550000}]})")
                                             << QStringLiteral("technical_staff") << QStringLiteral("una lista de objetos");
        QTest::newRow("numeric force_stat") << QByteArray(R"({"host":"h","watch_force_stat":1})") << QStringLiteral("watch_force_stat")
                                            << QStringLiteral("true o false");
    }
    // The difusor's data for the memoria: optional (an older profile loads as before), kept through a
    // save, read back by difusorData().
    void difusorDataRoundTrip()
    {
        QString error;
        const auto old = Profile::fromJson(QJsonDocument::fromJson(R"({"host":"h","access_log":"/var/log/nginx/access.log"})").object(), &error);
        QVERIFY2(old, qPrintable(error));
        QVERIFY(difusor::difusorData(*old).organization.isEmpty());
        QVERIFY(difusor::difusorData(*old).staff.isEmpty());
        Profile p = *old;
        difusor::DifusorData data;
        data.organization = QStringLiteral("Universidad de prueba");
        data.contactEmail = QStringLiteral("prep@example.org");
        data.staff = {{QStringLiteral("Ana Pérez"), QStringLiteral("Responsable"), QStringLiteral("+52 55 1"), QString(), QStringLiteral("18:00-08:00")},
                      {QStringLiteral("Luis"), QString(), QString(), QStringLiteral("luis@example.org"), QString()}};
        difusor::setDifusorData(p, data);
        const auto back = Profile::fromJson(QJsonDocument::fromJson(QJsonDocument(p.toJson()).toJson()).object(), &error);
        QVERIFY2(back, qPrintable(error));
        const difusor::DifusorData read = difusor::difusorData(*back);
        QCOMPARE(read.organization, data.organization);
        QCOMPARE(read.contactEmail, data.contactEmail);
        QCOMPARE(read.staff.size(), 2);
        QCOMPARE(read.staff.at(0).name, QStringLiteral("Ana Pérez"));
        QCOMPARE(read.staff.at(0).hours, QStringLiteral("18:00-08:00"));
        QCOMPARE(read.staff.at(1).email, QStringLiteral("luis@example.org"));
        QVERIFY(!back->toJson().value(QStringLiteral("technical_staff")).toArray().at(1).toObject().contains(QStringLiteral("phone")));
    }

    void wrongTypeNamesTheKey()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, key);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!Profile::fromJson(QJsonDocument::fromJson(json).object(), &error));
        QVERIFY2(error.contains(QLatin1Char('"') + key + QLatin1Char('"')), qPrintable(error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void unknownKeyIsAnError()
    {
        QString error;
        QVERIFY(!Profile::fromJson(QJsonObject{{QStringLiteral("host"), QStringLiteral("h")},
                                               {QStringLiteral("prot"), 2222}},
                                   &error));
        QVERIFY2(error.contains(QLatin1String("\"prot\"")), qPrintable(error));
        // The keys other code reads from extra, and "id", are allowed.
        const auto p = Profile::fromJson(QJsonObject{{QStringLiteral("host"), QStringLiteral("h")},
                                                     {QStringLiteral("id"), QStringLiteral("difusor-1")},
                                                     {QStringLiteral("watch_force_stat"), true},
                                                     {QStringLiteral("traffic_window_s"), 10},
                                                     {QStringLiteral("log_format"), QStringLiteral("combined")},
                                                     {QStringLiteral("official_cut_rule"), QJsonObject{}}},
                                         &error);
        QVERIFY2(p, qPrintable(error));
        QCOMPARE(p->id, QStringLiteral("difusor-1"));
        QVERIFY(p->extra.value(QStringLiteral("watch_force_stat")).toBool());
        QVERIFY(!p->extra.contains(QStringLiteral("id")));
    }

    void arrayIsNotAnObject()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[]");
        f.close();
        QString error;
        QVERIFY(!Profile::load(path, &error));
        QVERIFY2(error.contains(QLatin1String("objeto JSON")) && error.contains(QLatin1String("lista")), qPrintable(error));
    }

    // watch refuses such a profile with exit 2 and says which key.
    void watchExitsTwoNamingTheKey()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"name":"x","host":"127.0.0.1","port":"2222","user":"u","publication_dir":"/tmp"})");
        f.close();
        const QString errPath = dir.filePath(QStringLiteral("stderr.txt"));
        // The message goes to stderr: capture it by pointing fd 2 at a file for the call.
        std::fflush(stderr);
        const int saved = ::dup(2);
        const int fd = ::open(QFile::encodeName(errPath).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        QVERIFY(saved >= 0 && fd >= 0);
        ::dup2(fd, 2);
        const int code = difusor::cuts::runWatchCommand({QStringLiteral("--profile"), path, QStringLiteral("--duration"),
                                                         QStringLiteral("1")});
        std::fflush(stderr);
        ::dup2(saved, 2);
        ::close(saved);
        ::close(fd);
        QCOMPARE(code, 2);
        QFile err(errPath);
        QVERIFY(err.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(err.readAll());
        QVERIFY2(text.contains(QLatin1String("\"port\"")), qPrintable(text));
    }

    void mexicoTimeIsUtcMinusSix()
    {
        const QDateTime utc(QDate(2024, 6, 3), QTime(3, 15, 7), Qt::UTC);
        QCOMPARE(difusor::formatMexicoTime(utc), QStringLiteral("02/06/2024 21:15:07 (UTC-6)"));
        QCOMPARE(difusor::isoMexicoTime(utc), QStringLiteral("2024-06-02T21:15:07.000-06:00"));
        QCOMPARE(difusor::isoUtc(utc), QStringLiteral("2024-06-03T03:15:07.000Z"));
    }
};

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
