// The connection profile's own checks (group "profile"): what the console is told to watch. A wrong
// publication_dir or access_log otherwise shows only as silence, which on election night looks like
// calm; a wrong official_url leaves the lag unmeasured.
#include "EvalContext.h"

#include "common/MexicoTime.h"
#include "common/Tr.h"

#include <QHash>

namespace difusor::checks::eval {

namespace {

// A log untouched for longer than this is not being written (the check's own GET of the portal, a
// second earlier, should have added a line to it).
constexpr qint64 kLogStaleSeconds = 300;

// "key=value" lines (and "k=v k=v" on one line: stat's) of a path section.
QHash<QString, QString> pathFacts(const ProbeSection &s)
{
    QHash<QString, QString> facts;
    for (const QByteArray &line : s.output.split('\n')) {
        if (line.startsWith("path=")) {
            facts.insert(QStringLiteral("path"), QString::fromUtf8(line.mid(5)));
            continue;
        }
        if (!line.split(' ').value(0).contains('='))
            continue; // ls -ld's line: evidence only
        for (const QByteArray &word : line.split(' ')) {
            const qsizetype eq = word.indexOf('=');
            if (eq > 0)
                facts.insert(QString::fromLatin1(word.left(eq)), QString::fromUtf8(word.mid(eq + 1)));
        }
    }
    return facts;
}

CheckResult base(const QString &id, const QString &title)
{
    CheckResult r;
    r.id = id;
    r.title = title;
    r.group = QStringLiteral("profile");
    return r;
}

// Common part of both paths: set, probed, existing and readable. Returns false when the verdict is given.
bool pathVerdict(const Context &c, CheckResult &r, const QString &key, const QString &path, const QString &section,
                 QHash<QString, QString> *facts)
{
    if (path.trimmed().isEmpty()) {
        verdict(r, Status::Skipped, Tr::tr("el perfil de conexión no define %1: no se vigila").arg(key));
        return false;
    }
    QString why;
    const ProbeSection *s = c.usable(section, &why);
    r.evidence = c.evidence({section});
    if (!s) {
        verdict(r, Status::Unknown, Tr::tr("no se pudo revisar %1: %2").arg(path, why));
        return false;
    }
    *facts = pathFacts(*s);
    if (facts->value(QStringLiteral("exists")) != QLatin1String("1")) {
        verdict(r, Status::Fail, Tr::tr("%1 no existe en el servidor").arg(path),
                Tr::tr("Corrija %1 en el perfil de conexión: la ruta no existe para el usuario de SSH.").arg(key));
        return false;
    }
    return true;
}

CheckResult publicationDir(const Context &c)
{
    CheckResult r = base(QStringLiteral("cfg.publication_dir"), Tr::tr("Carpeta de publicación (publication_dir)"));
    const QString path = c.in.publicationDir;
    r.expected = Tr::tr("una carpeta que el usuario de SSH puede listar");
    QHash<QString, QString> f;
    if (!pathVerdict(c, r, QStringLiteral("publication_dir"), path, QStringLiteral("path_publication"), &f))
        return r;
    if (f.value(QStringLiteral("type")) != QLatin1String("directory")) {
        verdict(r, Status::Fail, Tr::tr("%1 no es una carpeta").arg(path),
                Tr::tr("publication_dir debe ser la carpeta donde el IEPC deposita los cortes."));
    } else if (f.value(QStringLiteral("readable")) != QLatin1String("1") || f.value(QStringLiteral("enterable")) != QLatin1String("1")) {
        verdict(r, Status::Fail, Tr::tr("el usuario de SSH no puede listar %1 (permisos %2, dueño %3)")
                                     .arg(path, f.value(QStringLiteral("mode")), f.value(QStringLiteral("owner"))),
                Tr::tr("Dé permiso de lectura y paso (r-x) sobre la carpeta al usuario de SSH, p. ej. con su grupo."));
    } else {
        verdict(r, Status::Pass, Tr::tr("%1: carpeta legible (permisos %2, dueño %3)")
                                     .arg(path, f.value(QStringLiteral("mode")), f.value(QStringLiteral("owner"))));
    }
    return r;
}

CheckResult accessLog(const Context &c)
{
    CheckResult r = base(QStringLiteral("cfg.access_log"), Tr::tr("Bitácora de acceso (access_log)"));
    const QString path = c.in.accessLog;
    r.expected = Tr::tr("un archivo legible por el usuario de SSH, escrito en los últimos %1 min").arg(kLogStaleSeconds / 60);
    QHash<QString, QString> f;
    if (!pathVerdict(c, r, QStringLiteral("access_log"), path, QStringLiteral("path_access_log"), &f))
        return r;
    if (f.value(QStringLiteral("type")) != QLatin1String("file")) {
        verdict(r, Status::Fail,
                f.value(QStringLiteral("type")) == QLatin1String("directory") ? Tr::tr("%1 es una carpeta, no un archivo").arg(path)
                                                                              : Tr::tr("%1 no es un archivo regular").arg(path),
                Tr::tr("access_log debe ser el archivo donde el servidor web del sitio escribe cada solicitud."));
        return r;
    }
    if (f.value(QStringLiteral("readable")) != QLatin1String("1")) {
        verdict(r, Status::Fail, Tr::tr("el usuario de SSH no puede leer %1 (permisos %2, dueño %3)")
                                     .arg(path, f.value(QStringLiteral("mode")), f.value(QStringLiteral("owner"))),
                Tr::tr("Dé permiso de lectura al usuario de SSH (p. ej. el grupo adm en Ubuntu)."));
        return r;
    }
    bool okNow = false, okTime = false;
    const qint64 now = f.value(QStringLiteral("now")).toLongLong(&okNow);
    const qint64 mtime = f.value(QStringLiteral("mtime")).toLongLong(&okTime);
    const QString size = f.value(QStringLiteral("size"));
    if (!okNow || !okTime) {
        verdict(r, Status::Unknown, Tr::tr("%1 es legible; no se supo cuándo se escribió").arg(path));
        return r;
    }
    const qint64 age = std::max<qint64>(0, now - mtime);
    const QString when = formatMexicoTime(QDateTime::fromSecsSinceEpoch(mtime, Qt::UTC));
    if (age > kLogStaleSeconds) {
        verdict(r, Status::Warn, Tr::tr("%1 es legible (%2 bytes) pero no se escribe desde %3 (hace %4 min)")
                                     .arg(path, size, when).arg(age / 60),
                Tr::tr("¿Es la bitácora que escribe el sitio ahora? Revise la ruta (access_log de nginx o Apache) y la rotación."));
    } else {
        verdict(r, Status::Pass, Tr::tr("%1: archivo legible de %2 bytes, escrito por última vez %3 (hace %4 s)")
                                     .arg(path, size, when).arg(age));
    }
    return r;
}

CheckResult urlAnswers(const QString &id, const QString &title, const QString &key, const UrlFacts &u, bool checked)
{
    CheckResult r = base(id, title);
    r.expected = Tr::tr("responde HTTP 2xx o 3xx");
    if (u.url.isEmpty()) {
        verdict(r, Status::Skipped, Tr::tr("el perfil de conexión no define %1: no se vigila").arg(key));
        return r;
    }
    if (!checked) {
        verdict(r, Status::Unknown, Tr::tr("%1 no se consultó").arg(u.url));
        return r;
    }
    QStringList ev{QStringLiteral("GET %1").arg(u.url)};
    if (u.answered)
        ev.append(QStringLiteral("HTTP %1 (%2 ms)").arg(u.httpStatus).arg(u.durationMs));
    if (!u.errorText.isEmpty())
        ev.append(u.errorText);
    ev.append(u.tlsErrors);
    r.evidence = ev.join(QLatin1Char('\n'));
    if (!u.answered) {
        verdict(r, Status::Fail, Tr::tr("%1 no respondió: %2").arg(u.url, u.errorText),
                Tr::tr("Revise %1 en el perfil de conexión y que el sitio esté en línea.").arg(key));
    } else if (u.httpStatus >= 400) {
        verdict(r, Status::Fail, Tr::tr("%1 responde HTTP %2").arg(u.url).arg(u.httpStatus),
                Tr::tr("Revise %1: la dirección debe ser la página o el archivo que muestra el corte.").arg(key));
    } else {
        verdict(r, Status::Pass, Tr::tr("%1 responde HTTP %2 en %3 ms").arg(u.url).arg(u.httpStatus).arg(u.durationMs));
    }
    return r;
}

} // namespace

QList<CheckResult> profileChecks(const Context &c)
{
    return {publicationDir(c), accessLog(c),
            urlAnswers(QStringLiteral("cfg.difusor_url"), Tr::tr("URL de nuestro sitio (difusor_url)"), QStringLiteral("difusor_url"),
                       c.in.console.url, c.in.console.urlChecked),
            urlAnswers(QStringLiteral("cfg.official_url"), Tr::tr("URL del PREP oficial (official_url)"), QStringLiteral("official_url"),
                       c.in.console.officialUrl, c.in.console.officialUrlChecked)};
}

} // namespace difusor::checks::eval

namespace difusor::checks {

QStringList profileCheckIds()
{
    return {QStringLiteral("cfg.publication_dir"), QStringLiteral("cfg.access_log"), QStringLiteral("cfg.difusor_url"),
            QStringLiteral("cfg.official_url")};
}

} // namespace difusor::checks
