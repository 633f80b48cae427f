#pragma once

#include <QIODevice>
#include <QString>

class QFile;
class QFileDevice;

namespace difusor {

// Files of ours hold firewall evidence, access logs and host keys: owner-only (0600 files, 0700
// folders), whatever the umask. Anything that is not a regular file or folder (a terminal, /dev/null
// or a pipe given as --output) is left as it is: that is the user's choice, and succeeds.

// Sets 0600 on the file at `path`. A missing file succeeds (nothing to protect). False with a
// translated *error naming the file when it exists and cannot be changed.
bool restrictToOwner(const QString &path, QString *error = nullptr);

// Same on an open file (QFile, QSaveFile before commit()): the descriptor is changed, so a QSaveFile
// is 0600 before its content gets its final name.
bool restrictToOwner(QFileDevice &file, QString *error = nullptr);

// Opens `file` for writing, creating it 0600; an existing file is brought to 0600 before anything is
// written. False with a translated *error.
bool openPrivate(QFile &file, QIODevice::OpenMode mode, QString *error = nullptr);

// Creates the folder and any missing parents; every folder created here gets 0700 (existing ones
// are left alone: they may be the user's home). False with a translated *error.
bool makePrivateDir(const QString &path, QString *error = nullptr);

} // namespace difusor
