#include "Profile.h"

#include "PrivateFile.h"
#include "Tr.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>

namespace difusor {

namespace {
constexpr qint64 MaxProfileBytes = 1024 * 1024;

enum class Type { String, Integer, Number, Bool, StringList, Object, StringOrObject, StaffList };

struct Key
{
    const char *name;
    Type type;
};

// The keys a profile may hold, with the JSON type each must have. The first block is Profile's own
// fields; the rest are read from Profile::extra elsewhere (grep "extra.value(" in core/ and ui/):
// a key added there must be added here, or profiles holding it are refused as unknown.
constexpr Key kKeys[] = {
    {"id", Type::String}, {"name", Type::String}, {"host", Type::String}, {"port", Type::Integer},
    {"user", Type::String}, {"auth", Type::String}, {"key_file", Type::String},
    {"known_hosts_file", Type::String}, {"publication_dir", Type::String}, {"access_log", Type::String},
    {"difusor_url", Type::String}, {"official_url", Type::String}, {"cut_interval_s", Type::Integer},
    {"trusted_ips", Type::StringList}, {"ground_truth", Type::String}, {"compression", Type::Bool},
    // cuts: CutSession, LagProbeConfig::fromProfile, RuleConfig::fromProfile
    {"watch_force_stat", Type::Bool}, {"poll_interval_ms", Type::Number}, {"fast_poll_interval_ms", Type::Number},
    {"poll_timeout_ms", Type::Number}, {"official_cut_rule", Type::Object}, {"difusor_cut_rule", Type::Object},
    {"late_margin_s", Type::Number}, {"max_lag_s", Type::Number}, {"stale_after_s", Type::Number},
    {"max_clock_skew_s", Type::Number}, {"site_failures_to_open", Type::Number}, {"cut_step_s", Type::Number},
    // traffic: TrafficSession, TrafficRuleConfig::fromProfile
    {"traffic_mode", Type::String}, {"log_format", Type::StringOrObject}, {"traffic_window_s", Type::Number},
    {"traffic_5xx_share", Type::Number}, {"traffic_5xx_min_requests", Type::Number},
    {"traffic_spike_factor", Type::Number}, {"traffic_spike_min_rps", Type::Number},
    {"traffic_baseline_min", Type::Number}, {"traffic_baseline_bucket_s", Type::Number}, {"traffic_flood_share", Type::Number},
    {"traffic_flood_min_requests", Type::Number}, {"traffic_silent_after_s", Type::Number},
    {"console_addresses", Type::StringList},
    // drills: Simulacro (the pre-flight runs the infrastructure check when the stored one is old)
    {"preflight_runs_check", Type::Bool},
    // the sandbox's own profile (Sandbox::profile)
    {"sandbox", Type::Bool}, {"sandbox_control", Type::String}, {"sandbox_state_dir", Type::String},
    {"sandbox_pid", Type::Number}, {"status_url", Type::String}, {"rsync_url", Type::String},
    {"official_access_log", Type::String},
    // the difusor's data for the memoria técnica (core/export, difusorData())
    {"organization", Type::String}, {"contact_email", Type::String}, {"technical_staff", Type::StaffList},
};

// The keys of one technical_staff entry (all texts).
constexpr const char *kStaffKeys[] = {"name", "position", "phone", "email", "hours"};

bool isStaffEntry(const QJsonValue &v)
{
    if (!v.isObject())
        return false;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!it.value().isString())
            return false;
        if (std::none_of(std::begin(kStaffKeys), std::end(kStaffKeys), [&it](const char *k) { return it.key() == QLatin1String(k); }))
            return false;
    }
    return true;
}

constexpr int kOwnKeys = 16; // the first entries of kKeys are Profile's fields, not extra

const Key *findKey(const QString &name)
{
    for (const Key &key : kKeys) {
        if (name == QLatin1String(key.name))
            return &key;
    }
    return nullptr;
}

bool isOwnKey(const QString &name)
{
    const Key *key = findKey(name);
    return key && key - kKeys < kOwnKeys;
}

bool hasType(const QJsonValue &v, Type type)
{
    switch (type) {
    case Type::String: return v.isString();
    case Type::Integer: return v.isDouble() && v.toDouble() == double(qint64(v.toDouble()));
    case Type::Number: return v.isDouble();
    case Type::Bool: return v.isBool();
    case Type::Object: return v.isObject();
    case Type::StringOrObject: return v.isString() || v.isObject();
    case Type::StaffList: {
        if (!v.isArray())
            return false;
        const QJsonArray array = v.toArray();
        return std::all_of(array.begin(), array.end(), isStaffEntry);
    }
    case Type::StringList: {
        if (!v.isArray())
            return false;
        const QJsonArray array = v.toArray();
        return std::all_of(array.begin(), array.end(), [](const QJsonValue &item) { return item.isString(); });
    }
    }
    return false;
}

QString typeName(Type type)
{
    switch (type) {
    case Type::String: return Tr::tr("un texto");
    case Type::Integer: return Tr::tr("un número entero");
    case Type::Number: return Tr::tr("un número");
    case Type::Bool: return Tr::tr("true o false");
    case Type::Object: return Tr::tr("un objeto");
    case Type::StringOrObject: return Tr::tr("un texto o un objeto");
    case Type::StringList: return Tr::tr("una lista de textos");
    case Type::StaffList:
        return Tr::tr("una lista de objetos {\"name\", \"position\", \"phone\", \"email\", \"hours\"} (textos)");
    }
    return QString();
}

QString valueTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return Tr::tr("null");
    case QJsonValue::Bool: return Tr::tr("true o false");
    case QJsonValue::Double: return Tr::tr("un número");
    case QJsonValue::String: return Tr::tr("un texto");
    case QJsonValue::Array: return Tr::tr("una lista");
    case QJsonValue::Object: return Tr::tr("un objeto");
    case QJsonValue::Undefined: break;
    }
    return Tr::tr("nada");
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
    o.insert(QStringLiteral("compression"), compression);
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
    // Every key known and of its type: a value of the wrong type is never replaced by a default.
    for (auto it = o.begin(); it != o.end(); ++it) {
        const Key *key = findKey(it.key());
        if (!key)
            return fail(Tr::tr("Clave desconocida en el perfil: \"%1\".").arg(it.key().left(80)));
        if (!hasType(it.value(), key->type))
            return fail(Tr::tr("La clave \"%1\" del perfil debe ser %2, no %3.")
                            .arg(it.key(), typeName(key->type), valueTypeName(it.value())));
    }
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
    p.compression = compression.toBool(true);
    const QJsonArray ips = o.value(QStringLiteral("trusted_ips")).toArray();
    for (const QJsonValue &ip : ips)
        p.trustedIps.append(ip.toString());
    p.groundTruth = o.value(QStringLiteral("ground_truth")).toString();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!isOwnKey(it.key()))
            p.extra.insert(it.key(), it.value());
    }
    return p;
}

DifusorData difusorData(const Profile &profile)
{
    DifusorData d;
    d.organization = profile.extra.value(QLatin1String("organization")).toString().trimmed();
    d.contactEmail = profile.extra.value(QLatin1String("contact_email")).toString().trimmed();
    for (const QJsonValue &v : profile.extra.value(QLatin1String("technical_staff")).toArray()) {
        const QJsonObject o = v.toObject();
        StaffMember m;
        m.name = o.value(QLatin1String("name")).toString().trimmed();
        m.position = o.value(QLatin1String("position")).toString().trimmed();
        m.phone = o.value(QLatin1String("phone")).toString().trimmed();
        m.email = o.value(QLatin1String("email")).toString().trimmed();
        m.hours = o.value(QLatin1String("hours")).toString().trimmed();
        d.staff.append(m);
    }
    return d;
}

void setDifusorData(Profile &profile, const DifusorData &data)
{
    auto setOrRemove = [&profile](const char *key, const QString &value) {
        if (value.isEmpty())
            profile.extra.remove(QLatin1String(key));
        else
            profile.extra.insert(QLatin1String(key), value);
    };
    setOrRemove("organization", data.organization);
    setOrRemove("contact_email", data.contactEmail);
    QJsonArray staff;
    for (const StaffMember &m : data.staff) {
        QJsonObject o;
        const std::pair<const char *, QString> fields[] = {
            {"name", m.name}, {"position", m.position}, {"phone", m.phone}, {"email", m.email}, {"hours", m.hours}};
        for (const auto &[key, value] : fields) {
            if (!value.isEmpty())
                o.insert(QLatin1String(key), value);
        }
        staff.append(o);
    }
    if (staff.isEmpty())
        profile.extra.remove(QLatin1String("technical_staff"));
    else
        profile.extra.insert(QLatin1String("technical_staff"), staff);
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
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = Tr::tr("El perfil %1 no es JSON válido (posición %2): %3")
                         .arg(path)
                         .arg(parseError.offset)
                         .arg(parseError.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        if (error)
            *error = Tr::tr("El perfil %1 debe ser un objeto JSON ({…}), no %2.")
                         .arg(path, doc.isArray() ? Tr::tr("una lista") : Tr::tr("un valor suelto"));
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
