#pragma once

#include <QString>
#include <QStringList>

namespace difusor {

// Where the console keeps its data and settings: <AppDataLocation> and <AppConfigLocation>, i.e.
// ~/.local/share/difusor-console and ~/.config/difusor-console (XDG_DATA_HOME / XDG_CONFIG_HOME
// honoured). Versions up to 0.1 also set the organization name to "difusor-console", so their
// folders were doubled: ~/.local/share/difusor-console/difusor-console and
// ~/.config/difusor-console/difusor-console.

// Call once at start-up, after QCoreApplication::setApplicationName() and with no organization name:
// moves what an older version left in the doubled folders up into the right ones (profiles, stores,
// known_hosts, settings…), entry by entry with rename() (same file system: nothing copied, an open
// SQLite file keeps working), and removes the doubled folder once empty. An entry already present in
// the right folder is never overwritten: the old one stays where it was and a warning names both.
// Returns the warnings (also sent to qWarning()).
QStringList settleDataFolders();

// The same for one pair of folders (public for tests): moves every entry of `oldDir` into `newDir`.
QStringList moveFolderContents(const QString &oldDir, const QString &newDir);

} // namespace difusor
