#include "common/MexicoTime.h"
#include "common/Profile.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

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
        p.extra.insert(QStringLiteral("future_key"), 42);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.json"));
        QString error;
        QVERIFY2(p.save(path, &error), qPrintable(error));
        const auto loaded = Profile::load(path, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(*loaded, p);
        QCOMPARE(loaded->extra.value(QStringLiteral("future_key")).toInt(), 42);
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
