#include "Settings.h"

#include <QByteArray>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>

#include <array>

namespace difusor {

namespace {

struct KeyInfo
{
    Settings::Key key;
    const char *name;
    QVariant defaultValue;
};

// One row per key; the order must follow Settings::Key (checked below at first use).
const std::array<KeyInfo, static_cast<size_t>(Settings::Key::KeyCount)> &keyTable()
{
    static const std::array<KeyInfo, static_cast<size_t>(Settings::Key::KeyCount)> table = {{
        {Settings::Key::Language, "general/language", QVariant(QStringLiteral("es"))},
        {Settings::Key::LastProfile, "general/last_profile", QVariant(QString())},
        {Settings::Key::WindowGeometry, "window/geometry", QVariant(QByteArray())},
        {Settings::Key::WindowState, "window/state", QVariant(QByteArray())},
        {Settings::Key::CommandLogLimit, "commands/log_limit", QVariant(5000)},
        {Settings::Key::ShowCommandLog, "commands/visible", QVariant(true)},
        {Settings::Key::MetricsListen, "metrics/listen", QVariant(QString())},
        {Settings::Key::IncidentActor, "incidents/actor", QVariant(QString())},
    }};
    return table;
}

const KeyInfo &info(Settings::Key key)
{
    const auto &table = keyTable();
    const auto index = static_cast<size_t>(key);
    Q_ASSERT(index < table.size() && table[index].key == key);
    return table[index];
}

QString &instanceFile()
{
    static QString file;
    return file;
}

} // namespace

Settings::Settings(const QString &fileName)
    : m_settings(std::make_unique<QSettings>(fileName, QSettings::IniFormat))
{
}

Settings::~Settings() = default;

Settings &Settings::instance()
{
    static Settings settings([] {
        if (!instanceFile().isEmpty())
            return instanceFile();
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
        QDir().mkpath(dir);
        return QDir(dir).filePath(QStringLiteral("difusor-console.ini"));
    }());
    return settings;
}

void Settings::setInstanceFile(const QString &fileName)
{
    instanceFile() = fileName;
}

QVariant Settings::get(Key key) const
{
    const KeyInfo &k = info(key);
    const QVariant value = m_settings->value(QLatin1String(k.name), k.defaultValue);
    // A hand-edited file may hold a value of another type: fall back to the default then.
    if (k.defaultValue.isValid() && !value.canConvert(k.defaultValue.metaType()))
        return k.defaultValue;
    QVariant converted = value;
    if (k.defaultValue.isValid() && converted.convert(k.defaultValue.metaType()))
        return converted;
    return k.defaultValue;
}

void Settings::set(Key key, const QVariant &value)
{
    m_settings->setValue(QLatin1String(info(key).name), value);
}

void Settings::reset(Key key)
{
    m_settings->remove(QLatin1String(info(key).name));
}

QString Settings::name(Key key)
{
    return QLatin1String(info(key).name);
}

QVariant Settings::defaultValue(Key key)
{
    return info(key).defaultValue;
}

QString Settings::fileName() const
{
    return m_settings->fileName();
}

void Settings::sync()
{
    m_settings->sync();
}

int Settings::commandLogLimit() const
{
    // Bounded both ways: a zero or huge value in a hand-edited file must not break the pane.
    return qBound(100, get(Key::CommandLogLimit).toInt(), 100000);
}

} // namespace difusor
