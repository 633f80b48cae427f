#pragma once

#include <QString>
#include <QVariant>

#include <memory>

class QSettings;

namespace difusor {

// The console's one settings store: a typed key table (name + default) over one QSettings,
// in the spirit of KeePassXC's Config. Tests construct it on a temporary file.
class Settings final
{
public:
    enum class Key {
        Language,          // "es" or "en"; --lang and DIFUSOR_LANG win over it
        LastProfile,       // file name of the profile last connected
        WindowGeometry,    // QMainWindow::saveGeometry()
        WindowState,       // QMainWindow::saveState() (docks)
        CommandLogLimit,   // rows kept in the "Comandos" pane
        ShowCommandLog,    // the "Comandos" dock is visible
        MetricsListen,     // "ADDR:PORT" where the GUI serves /metrics for Prometheus; empty: off (default)
        IncidentActor,     // the technician's name on the "Incidentes" page; empty: incidents::defaultActor()
        KeyCount
    };

    explicit Settings(const QString &fileName); // an INI file, e.g. a temporary one in tests
    ~Settings();
    Settings(const Settings &) = delete;
    Settings &operator=(const Settings &) = delete;

    // The application's settings (INI in the user's config folder), created on first use.
    static Settings &instance();
    // Makes instance() use this file (tests, or a portable install). Call before the first instance().
    static void setInstanceFile(const QString &fileName);

    QVariant get(Key key) const;     // the stored value, or the key's default
    void set(Key key, const QVariant &value);
    void reset(Key key);             // back to the default
    static QString name(Key key);    // the key as written in the file
    static QVariant defaultValue(Key key);
    QString fileName() const;
    void sync();

    // Typed shortcuts for the common keys.
    QString language() const { return get(Key::Language).toString(); }
    QString lastProfile() const { return get(Key::LastProfile).toString(); }
    int commandLogLimit() const;

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace difusor
