#include "DataFolders.h"

#include "common/Tr.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace difusor {

QStringList moveFolderContents(const QString &oldDir, const QString &newDir)
{
    QStringList warnings;
    const QFileInfo oldInfo(oldDir);
    if (!oldInfo.isDir() || oldInfo.isSymLink())
        return warnings;
    QDir from(oldDir);
    QDir().mkpath(newDir);
    const QString oldCanonical = oldInfo.canonicalFilePath();
    const QFileInfoList entries = from.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QFileInfo &entry : entries) {
        const QString target = QDir(newDir).filePath(entry.fileName());
        // The old folder sits inside the new one under the application's name: never move it into itself.
        if (QFileInfo(target).canonicalFilePath() == oldCanonical)
            continue;
        if (QFileInfo::exists(target) || QFileInfo(target).isSymLink()) {
            warnings << Tr::tr("No se movió %1: ya existe %2. Revise cuál conservar.").arg(entry.filePath(), target);
            continue;
        }
        if (!QFile::rename(entry.filePath(), target) && !QDir().rename(entry.filePath(), target))
            warnings << Tr::tr("No se pudo mover %1 a %2.").arg(entry.filePath(), target);
    }
    if (from.isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot))
        QDir().rmdir(oldDir);
    return warnings;
}

QStringList settleDataFolders()
{
    QStringList warnings;
    const QString app = QCoreApplication::applicationName();
    if (app.isEmpty() || !QCoreApplication::organizationName().isEmpty())
        return warnings; // nothing to settle: the caller keeps an organization folder of its own
    for (const auto location : {QStandardPaths::AppDataLocation, QStandardPaths::AppConfigLocation}) {
        const QString dir = QStandardPaths::writableLocation(location);
        if (dir.isEmpty())
            continue;
        warnings << moveFolderContents(QDir(dir).filePath(app), dir);
    }
    for (const QString &w : std::as_const(warnings))
        qWarning("%s", qPrintable(w));
    return warnings;
}

} // namespace difusor
