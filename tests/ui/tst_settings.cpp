#include "common/Settings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using difusor::Settings;

class TestSettings final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultsComeFromTheKeyTable()
    {
        QTemporaryDir dir;
        Settings s(dir.filePath(QStringLiteral("s.ini")));
        QCOMPARE(s.language(), QStringLiteral("es"));
        QCOMPARE(s.lastProfile(), QString());
        QCOMPARE(s.commandLogLimit(), 5000);
        QCOMPARE(s.get(Settings::Key::ShowCommandLog).toBool(), true);
        QVERIFY(s.get(Settings::Key::WindowGeometry).toByteArray().isEmpty());
    }

    void valuesSurviveAReopen()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("s.ini"));
        {
            Settings s(file);
            s.set(Settings::Key::Language, QStringLiteral("en"));
            s.set(Settings::Key::LastProfile, QStringLiteral("Difusor UNAM"));
            s.set(Settings::Key::WindowGeometry, QByteArray("\x01\x02\x00\xff", 4));
            s.sync();
        }
        Settings s(file);
        QCOMPARE(s.language(), QStringLiteral("en"));
        QCOMPARE(s.lastProfile(), QStringLiteral("Difusor UNAM"));
        QCOMPARE(s.get(Settings::Key::WindowGeometry).toByteArray(), QByteArray("\x01\x02\x00\xff", 4));
        // The file uses the names of the key table.
        QSettings raw(file, QSettings::IniFormat);
        QCOMPARE(raw.value(Settings::name(Settings::Key::Language)).toString(), QStringLiteral("en"));
        s.reset(Settings::Key::Language);
        QCOMPARE(s.language(), QStringLiteral("es"));
    }

    void handEditedJunkFallsBackToDefaultsOrBounds()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("s.ini"));
        {
            QSettings raw(file, QSettings::IniFormat);
            raw.setValue(Settings::name(Settings::Key::CommandLogLimit), QStringLiteral("muchos"));
            raw.setValue(Settings::name(Settings::Key::ShowCommandLog), QStringLiteral("false"));
        }
        Settings s(file);
        QCOMPARE(s.commandLogLimit(), 5000);
        QCOMPARE(s.get(Settings::Key::ShowCommandLog).toBool(), false);
        s.set(Settings::Key::CommandLogLimit, 0);
        QCOMPARE(s.commandLogLimit(), 100);
        s.set(Settings::Key::CommandLogLimit, 10'000'000);
        QCOMPARE(s.commandLogLimit(), 100000);
    }

    void everyKeyHasAUniqueName()
    {
        QStringList names;
        for (int i = 0; i < static_cast<int>(Settings::Key::KeyCount); ++i) {
            const QString name = Settings::name(static_cast<Settings::Key>(i));
            QVERIFY(!name.isEmpty());
            QVERIFY2(!names.contains(name), qPrintable(name));
            names.append(name);
        }
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
