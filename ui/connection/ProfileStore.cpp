#include "ProfileStore.h"

#include "common/Tr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>

namespace difusor::ui {

namespace {
constexpr int MaxProfiles = 500; // a folder full of junk must not freeze the list
}

ProfileStore::ProfileStore(const QString &directory)
    : m_directory(directory)
{
}

QString ProfileStore::defaultDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("profiles"));
}

QString ProfileStore::fileNameFor(const QString &profileName)
{
    // Keep letters of any script, digits, space, dot, dash and underscore; the rest becomes '_'.
    QString base;
    for (const QChar c : profileName.trimmed()) {
        if (c.isLetterOrNumber() || c == QLatin1Char(' ') || c == QLatin1Char('-') || c == QLatin1Char('_')
            || c == QLatin1Char('.'))
            base += c;
        else
            base += QLatin1Char('_');
    }
    base = base.left(120);
    if (base.isEmpty() || base.startsWith(QLatin1Char('.')))
        return {};
    return base + QStringLiteral(".json");
}

QString ProfileStore::pathFor(const QString &profileName) const
{
    const QString file = fileNameFor(profileName);
    return file.isEmpty() ? QString() : QDir(m_directory).filePath(file);
}

bool ProfileStore::exists(const QString &profileName) const
{
    const QString path = pathFor(profileName);
    return !path.isEmpty() && QFileInfo::exists(path);
}

std::vector<ProfileStore::Entry> ProfileStore::list() const
{
    std::vector<Entry> entries;
    const QDir dir(m_directory);
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        if (static_cast<int>(entries.size()) >= MaxProfiles)
            break;
        Entry entry;
        entry.fileName = file;
        entry.profile = Profile::load(dir.filePath(file), &entry.error);
        if (entry.profile && entry.profile->name.isEmpty())
            entry.profile->name = QFileInfo(file).completeBaseName();
        entries.push_back(std::move(entry));
    }
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        const QString an = a.profile ? a.profile->name : a.fileName;
        const QString bn = b.profile ? b.profile->name : b.fileName;
        return QString::localeAwareCompare(an, bn) < 0;
    });
    return entries;
}

bool ProfileStore::save(const Profile &profile, const QString &previousName, QString *error) const
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const QString path = pathFor(profile.name);
    if (path.isEmpty())
        return fail(Tr::tr("El nombre del perfil no sirve como nombre de archivo."));
    const QString previousPath = previousName.isEmpty() ? QString() : pathFor(previousName);
    if (path != previousPath && QFileInfo::exists(path))
        return fail(Tr::tr("Ya existe un perfil llamado «%1».").arg(profile.name));
    if (!QDir().mkpath(m_directory))
        return fail(Tr::tr("No se pudo crear la carpeta de perfiles %1.").arg(m_directory));
    if (!profile.save(path, error))
        return false;
    if (!previousPath.isEmpty() && previousPath != path)
        QFile::remove(previousPath);
    return true;
}

bool ProfileStore::remove(const QString &profileName, QString *error) const
{
    const QString path = pathFor(profileName);
    if (path.isEmpty() || !QFile::remove(path)) {
        if (error)
            *error = Tr::tr("No se pudo borrar el perfil «%1».").arg(profileName);
        return false;
    }
    return true;
}

bool ProfileStore::removeFile(const QString &fileName, QString *error) const
{
    // Only a plain file name of our folder: never a path that walks out of it.
    if (fileName.isEmpty() || fileName.contains(QLatin1Char('/')) || fileName.startsWith(QLatin1Char('.'))
        || !QFile::remove(QDir(m_directory).filePath(fileName))) {
        if (error)
            *error = Tr::tr("No se pudo borrar el archivo de perfil «%1».").arg(fileName);
        return false;
    }
    return true;
}

} // namespace difusor::ui
