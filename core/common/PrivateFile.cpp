#include "PrivateFile.h"

#include "Tr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace difusor {

namespace {

constexpr QFileDevice::Permissions OwnerFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

bool fail(QString *error, const QString &text)
{
    if (error)
        *error = text;
    return false;
}

QString osError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

} // namespace

bool restrictToOwner(const QString &path, QString *error)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
        if (errno == ENOENT)
            return true;
        return fail(error, Tr::tr("No se pudieron leer los permisos de %1: %2").arg(path, osError()));
    }
    if (!S_ISREG(st.st_mode) || (st.st_mode & 07777) == 0600)
        return true;
    if (::chmod(QFile::encodeName(path).constData(), 0600) != 0)
        return fail(error, Tr::tr("No se pudo dejar %1 solo para su dueño: %2").arg(path, osError()));
    return true;
}

bool restrictToOwner(QFileDevice &file, QString *error)
{
    struct stat st {};
    if (file.handle() < 0 || ::fstat(file.handle(), &st) != 0)
        return fail(error, Tr::tr("No se pudieron leer los permisos de %1: %2").arg(file.fileName(), osError()));
    if (!S_ISREG(st.st_mode) || (st.st_mode & 07777) == 0600)
        return true;
    if (!file.setPermissions(OwnerFile))
        return fail(error, Tr::tr("No se pudo dejar %1 solo para su dueño: %2").arg(file.fileName(), file.errorString()));
    return true;
}

bool openPrivate(QFile &file, QIODevice::OpenMode mode, QString *error)
{
    if (!file.open(mode, OwnerFile))
        return fail(error, Tr::tr("No se pudo escribir %1: %2").arg(file.fileName(), file.errorString()));
    if (!restrictToOwner(file, error)) {
        file.close();
        return false;
    }
    return true;
}

bool makePrivateDir(const QString &path, QString *error)
{
    // The missing folders, outermost first.
    QStringList missing;
    for (QFileInfo info(QDir::cleanPath(QFileInfo(path).absoluteFilePath())); !info.exists();
         info = QFileInfo(info.absolutePath())) {
        missing.prepend(info.absoluteFilePath());
        if (info.isRoot())
            break;
    }
    for (const QString &dir : std::as_const(missing)) {
        const QByteArray native = QFile::encodeName(dir);
        if (::mkdir(native.constData(), 0700) == 0) {
            ::chmod(native.constData(), 0700); // a umask such as 0277 would have taken more away
        } else if (errno != EEXIST) {
            return fail(error, Tr::tr("No se pudo crear la carpeta %1: %2").arg(dir, osError()));
        }
    }
    if (!QFileInfo(path).isDir())
        return fail(error, Tr::tr("%1 no es una carpeta.").arg(path));
    return true;
}

} // namespace difusor
