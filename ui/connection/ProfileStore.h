#pragma once

#include "common/Profile.h"

#include <QString>

#include <optional>
#include <vector>

namespace difusor::ui {

// The saved connection profiles: one JSON file per profile (difusor::Profile, the same format the
// command line reads) in `<AppDataLocation>/profiles/<name>.json`.
class ProfileStore final
{
public:
    struct Entry
    {
        QString fileName;               // "<name>.json"
        std::optional<Profile> profile; // empty when the file could not be read
        QString error;                  // why not
    };

    explicit ProfileStore(const QString &directory = defaultDirectory());
    static QString defaultDirectory();

    QString directory() const { return m_directory; }
    std::vector<Entry> list() const; // sorted by profile name
    QString pathFor(const QString &profileName) const;
    static QString fileNameFor(const QString &profileName); // "" when the name cannot be a file name

    // Saves `profile`; `previousName` is its name before an edit (renames remove the old file).
    // Refuses to overwrite another profile of the same name. Errors are translated text.
    bool save(const Profile &profile, const QString &previousName, QString *error) const;
    bool remove(const QString &profileName, QString *error) const;
    bool removeFile(const QString &fileName, QString *error) const; // a file of list()
    bool exists(const QString &profileName) const;

private:
    QString m_directory;
};

} // namespace difusor::ui
