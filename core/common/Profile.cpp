#include "Profile.h"

#include "PrivateFile.h"
#include "Tr.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace difusor {

namespace {
constexpr qint64 MaxProfileBytes = 1024 * 1024;

const QStringList &knownKeys()
{
    static const QStringList keys = {
        QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("user"),
        QStringLiteral("auth"), QStringLiteral("key_file"), QStringLiteral("known_hosts_file"),
        QStringLiteral("publication_dir"), QStringLiteral("access_log"), QStringLiteral("difusor_url"),
        QStringLiteral("official_url"), QStringLiteral("cut_interval_s"), QStringLiteral("trusted_ips"),
        QStringLiteral("ground_truth"), QStringLiteral("compression")};
    return keys;
}
} // namespace

QString authMethodToString(AuthMethod method)
{
    switch (method) {
    case AuthMethod::Key: return QStringLiteral("key");
    case AuthMethod::Agent: return QStringLiteral("agent");
    case AuthMethod::Password: return QStringLiteral("password");
    case AuthMethod::KeyboardInteractive: return QStringLiteral("keyboard-interactive");
    }
    return QStringLiteral("key");
}

std::optional<AuthMethod> authMethodFromString(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("key") || t == QLatin1String("publickey"))
        return AuthMethod::Key;
    if (t == QLatin1String("agent"))
        return AuthMethod::Agent;
    if (t == QLatin1String("password"))
        return AuthMethod::Password;
    if (t == QLatin1String("keyboard-interactive"))
        return AuthMethod::KeyboardInteractive;
    return std::nullopt;
}

QJsonObject Profile::toJson() const
{
    QJsonObject o = extra;
    if (!id.isEmpty())
        o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("host"), host);
    o.insert(QStringLiteral("port"), port);
    o.insert(QStringLiteral("user"), user);
    o.insert(QStringLiteral("auth"), authMethodToString(auth));
    o.insert(QStringLiteral("key_file"), keyFile);
    o.insert(QStringLiteral("known_hosts_file"), knownHostsFile);
    o.insert(QStringLiteral("publication_dir"), publicationDir);
    o.insert(QStringLiteral("access_log"), accessLog);
    o.insert(QStringLiteral("difusor_url"), difusorUrl);
    o.insert(QStringLiteral("official_url"), officialUrl);
    o.insert(QStringLiteral("cut_interval_s"), cutIntervalS);
    o.insert(QStringLiteral("trusted_ips"), QJsonArray::fromStringList(trustedIps));
    if (compression)
        o.insert(QStringLiteral("compression"), true);
    if (!groundTruth.isEmpty())
        o.insert(QStringLiteral("ground_truth"), groundTruth);
    return o;
}

std::optional<Profile> Profile::fromJson(const QJsonObject &o, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<Profile> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    Profile p;
    p.id = o.value(QStringLiteral("id")).toString().trimmed();
    p.name = o.value(QStringLiteral("name")).toString();
    p.host = o.value(QStringLiteral("host")).toString().trimmed();
    if (p.host.isEmpty())
        return fail(Tr::tr("El perfil no tiene servidor (clave \"host\")."));
    p.port = o.value(QStringLiteral("port")).toInt(22);
    if (p.port < 1 || p.port > 65535)
        return fail(Tr::tr("Puerto fuera de rango: %1.").arg(p.port));
    p.user = o.value(QStringLiteral("user")).toString();
    const QString auth = o.value(QStringLiteral("auth")).toString(QStringLiteral("key"));
    const auto method = authMethodFromString(auth);
    if (!method)
        return fail(Tr::tr("Método de autenticación desconocido: \"%1\".").arg(auth));
    p.auth = *method;
    p.keyFile = o.value(QStringLiteral("key_file")).toString();
    p.knownHostsFile = o.value(QStringLiteral("known_hosts_file")).toString();
    p.publicationDir = o.value(QStringLiteral("publication_dir")).toString();
    p.accessLog = o.value(QStringLiteral("access_log")).toString();
    p.difusorUrl = o.value(QStringLiteral("difusor_url")).toString();
    p.officialUrl = o.value(QStringLiteral("official_url")).toString();
    p.cutIntervalS = o.value(QStringLiteral("cut_interval_s")).toInt(900);
    if (p.cutIntervalS <= 0)
        return fail(Tr::tr("Intervalo de cortes no válido: %1 s.").arg(p.cutIntervalS));
    const QJsonValue compression = o.value(QStringLiteral("compression"));
    if (!compression.isUndefined() && !compression.isBool())
        return fail(Tr::tr("\"compression\" debe ser true o false."));
    p.compression = compression.toBool(false);
    const QJsonArray ips = o.value(QStringLiteral("trusted_ips")).toArray();
    for (const QJsonValue &ip : ips)
        p.trustedIps.append(ip.toString());
    p.groundTruth = o.value(QStringLiteral("ground_truth")).toString();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!knownKeys().contains(it.key()))
            p.extra.insert(it.key(), it.value());
    }
    return p;
}

QString Profile::identityId() const
{
    if (!id.isEmpty())
        return id;
    if (!name.trimmed().isEmpty())
        return name.trimmed();
    return QStringLiteral("%1@%2:%3").arg(user, host).arg(port);
}

std::optional<Profile> Profile::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = Tr::tr("No se pudo abrir el perfil %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > MaxProfileBytes) {
        if (error)
            *error = Tr::tr("El perfil %1 es demasiado grande.").arg(path);
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = Tr::tr("El perfil %1 no es un objeto JSON válido: %2").arg(path, parseError.errorString());
        return std::nullopt;
    }
    return fromJson(doc.object(), error);
}

bool Profile::save(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = Tr::tr("No se pudo escribir el perfil %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!restrictToOwner(file, error)) { // before commit(): never readable by others under its name
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        if (error)
            *error = Tr::tr("No se pudo guardar el perfil %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool Profile::operator==(const Profile &other) const
{
    return toJson() == other.toJson();
}

} // namespace difusor
