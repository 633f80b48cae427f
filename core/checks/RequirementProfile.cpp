#include "RequirementProfile.h"

#include "common/Tr.h"

#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace difusor::checks {

namespace {
constexpr qint64 MaxProfileBytes = 1024 * 1024;
constexpr int MaxChecks = 200;

std::optional<Severity> severityFromId(const QString &id)
{
    if (id == QLatin1String("required"))
        return Severity::Required;
    if (id == QLatin1String("recommended"))
        return Severity::Recommended;
    if (id == QLatin1String("optional"))
        return Severity::Optional;
    return std::nullopt;
}

const QStringList &topKeys()
{
    static const QStringList keys = {QStringLiteral("format"), QStringLiteral("id"), QStringLiteral("name"),
                                     QStringLiteral("source"), QStringLiteral("trusted_ips"),
                                     QStringLiteral("sudo_for_firewall"), QStringLiteral("checks")};
    return keys;
}
} // namespace

QString severityId(Severity severity)
{
    switch (severity) {
    case Severity::Required: return QStringLiteral("required");
    case Severity::Recommended: return QStringLiteral("recommended");
    case Severity::Optional: return QStringLiteral("optional");
    }
    return QStringLiteral("required");
}

bool isAddressOrNetwork(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty() || t.size() > 64)
        return false;
    if (t.contains(QLatin1Char('/')))
        return QHostAddress::parseSubnet(t).first.protocol() != QAbstractSocket::UnknownNetworkLayerProtocol;
    return !QHostAddress(t).isNull();
}

QString CheckSpec::title(const QString &language) const
{
    if (language.startsWith(QLatin1String("en")) && !titleEn.isEmpty())
        return titleEn;
    return titleEs.isEmpty() ? id : titleEs;
}

double CheckSpec::number(const QString &key, double fallback) const
{
    const QJsonValue v = thresholds.value(key);
    return v.isDouble() ? v.toDouble() : fallback;
}

QList<int> CheckSpec::ports(const QString &key) const
{
    QList<int> list;
    const QJsonArray array = thresholds.value(key).toArray();
    for (const QJsonValue &v : array) {
        const int port = v.toInt(0);
        if (port > 0 && port < 65536 && !list.contains(port))
            list.append(port);
    }
    return list;
}

QStringList CheckSpec::strings(const QString &key) const
{
    QStringList list;
    const QJsonValue value = thresholds.value(key);
    if (value.isString())
        return {value.toString()};
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array)
        list.append(v.toString());
    return list;
}

const QStringList &RequirementProfile::knownCheckIds()
{
    static const QStringList ids = {
        QStringLiteral("hw.cpu.cores"), QStringLiteral("hw.cpu.freq"), QStringLiteral("hw.ram"),
        QStringLiteral("hw.disk.size"), QStringLiteral("hw.disk.ssd"), QStringLiteral("hw.redundancy"),
        QStringLiteral("sw.os"), QStringLiteral("sw.docker"), QStringLiteral("sw.ssh"), QStringLiteral("sw.ntp"),
        QStringLiteral("net.bandwidth"), QStringLiteral("net.public_ip"), QStringLiteral("net.fw.open"),
        QStringLiteral("net.fw.restricted"), QStringLiteral("net.rsync"), QStringLiteral("net.protection"),
        QStringLiteral("net.url")};
    return ids;
}

std::optional<RequirementProfile> RequirementProfile::fromJson(const QJsonObject &o, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<RequirementProfile> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (o.value(QStringLiteral("format")).toInt(1) != 1)
        return fail(Tr::tr("Formato de perfil de requisitos no soportado: %1.")
                        .arg(o.value(QStringLiteral("format")).toInt()));
    RequirementProfile p;
    p.m_id = o.value(QStringLiteral("id")).toString();
    const QJsonObject name = o.value(QStringLiteral("name")).toObject();
    p.m_nameEs = name.value(QStringLiteral("es")).toString(p.m_id);
    p.m_nameEn = name.value(QStringLiteral("en")).toString(p.m_nameEs);
    p.m_source = o.value(QStringLiteral("source")).toString();
    p.m_sudoForFirewall = o.value(QStringLiteral("sudo_for_firewall")).toBool(true);
    QStringList ips;
    const QJsonArray ipArray = o.value(QStringLiteral("trusted_ips")).toArray();
    for (const QJsonValue &v : ipArray)
        ips.append(v.toString());
    QString ipError;
    if (!p.setTrustedIps(ips, &ipError))
        return fail(ipError);

    const QJsonArray checks = o.value(QStringLiteral("checks")).toArray();
    if (checks.isEmpty())
        return fail(Tr::tr("El perfil de requisitos no tiene verificaciones (clave \"checks\")."));
    if (checks.size() > MaxChecks)
        return fail(Tr::tr("El perfil de requisitos tiene demasiadas verificaciones (%1).").arg(checks.size()));
    for (const QJsonValue &v : checks) {
        const QJsonObject c = v.toObject();
        CheckSpec spec;
        spec.id = c.value(QStringLiteral("id")).toString().trimmed();
        if (spec.id.isEmpty())
            return fail(Tr::tr("Una verificación del perfil no tiene \"id\"."));
        if (p.check(spec.id))
            return fail(Tr::tr("La verificación \"%1\" aparece dos veces.").arg(spec.id));
        spec.group = c.value(QStringLiteral("group")).toString(spec.id.section(QLatin1Char('.'), 0, 0));
        const QJsonObject title = c.value(QStringLiteral("title")).toObject();
        spec.titleEs = title.value(QStringLiteral("es")).toString(spec.id);
        spec.titleEn = title.value(QStringLiteral("en")).toString(spec.titleEs);
        spec.clause = c.value(QStringLiteral("clause")).toString();
        spec.clauseText = c.value(QStringLiteral("clause_text")).toString();
        const QString severity = c.value(QStringLiteral("severity")).toString(QStringLiteral("required"));
        const auto sev = severityFromId(severity);
        if (!sev)
            return fail(Tr::tr("Severidad desconocida \"%1\" en \"%2\".").arg(severity, spec.id));
        spec.severity = *sev;
        spec.manual = c.value(QStringLiteral("manual")).toBool(false);
        spec.enabled = c.value(QStringLiteral("enabled")).toBool(true);
        spec.thresholds = c.value(QStringLiteral("thresholds")).toObject();
        p.m_checks.append(spec);
    }
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!topKeys().contains(it.key()))
            p.m_extra.insert(it.key(), it.value());
    }
    return p;
}

std::optional<RequirementProfile> RequirementProfile::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = Tr::tr("No se pudo abrir el perfil de requisitos %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray data = file.read(MaxProfileBytes + 1);
    if (data.size() > MaxProfileBytes) {
        if (error)
            *error = Tr::tr("El perfil de requisitos %1 es demasiado grande.").arg(path);
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = Tr::tr("El perfil de requisitos %1 no es un objeto JSON válido: %2")
                         .arg(path, parseError.errorString());
        return std::nullopt;
    }
    return fromJson(doc.object(), error);
}

std::optional<RequirementProfile> RequirementProfile::loadDefault(QString *error)
{
    return load(QString::fromLatin1(DefaultResource), error);
}

QJsonObject RequirementProfile::toJson() const
{
    QJsonObject o = m_extra;
    o.insert(QStringLiteral("format"), 1);
    o.insert(QStringLiteral("id"), m_id);
    o.insert(QStringLiteral("name"), QJsonObject{{QStringLiteral("es"), m_nameEs}, {QStringLiteral("en"), m_nameEn}});
    o.insert(QStringLiteral("source"), m_source);
    o.insert(QStringLiteral("trusted_ips"), QJsonArray::fromStringList(m_trustedIps));
    o.insert(QStringLiteral("sudo_for_firewall"), m_sudoForFirewall);
    QJsonArray checks;
    for (const CheckSpec &spec : m_checks) {
        QJsonObject c;
        c.insert(QStringLiteral("id"), spec.id);
        c.insert(QStringLiteral("group"), spec.group);
        c.insert(QStringLiteral("severity"), severityId(spec.severity));
        if (spec.manual)
            c.insert(QStringLiteral("manual"), true);
        if (!spec.enabled)
            c.insert(QStringLiteral("enabled"), false);
        c.insert(QStringLiteral("title"),
                 QJsonObject{{QStringLiteral("es"), spec.titleEs}, {QStringLiteral("en"), spec.titleEn}});
        c.insert(QStringLiteral("clause"), spec.clause);
        c.insert(QStringLiteral("clause_text"), spec.clauseText);
        c.insert(QStringLiteral("thresholds"), spec.thresholds);
        checks.append(c);
    }
    o.insert(QStringLiteral("checks"), checks);
    return o;
}

bool RequirementProfile::save(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = Tr::tr("No se pudo escribir el perfil de requisitos %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        if (error)
            *error = Tr::tr("No se pudo guardar el perfil de requisitos %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QString RequirementProfile::name(const QString &language) const
{
    return language.startsWith(QLatin1String("en")) ? m_nameEn : m_nameEs;
}

const CheckSpec *RequirementProfile::check(const QString &id) const
{
    for (const CheckSpec &spec : m_checks) {
        if (spec.id == id)
            return &spec;
    }
    return nullptr;
}

bool RequirementProfile::setTrustedIps(const QStringList &ips, QString *error)
{
    QStringList clean;
    for (const QString &ip : ips) {
        const QString t = ip.trimmed();
        if (!isAddressOrNetwork(t)) {
            if (error)
                *error = Tr::tr("Dirección IP de confianza no válida: \"%1\".").arg(t.left(64));
            return false;
        }
        if (!clean.contains(t))
            clean.append(t);
    }
    m_trustedIps = clean;
    return true;
}

bool RequirementProfile::setThreshold(const QString &checkId, const QString &key, const QJsonValue &value)
{
    for (CheckSpec &spec : m_checks) {
        if (spec.id == checkId) {
            spec.thresholds.insert(key, value);
            return true;
        }
    }
    return false;
}

bool RequirementProfile::setEnabled(const QString &checkId, bool enabled)
{
    for (CheckSpec &spec : m_checks) {
        if (spec.id == checkId) {
            spec.enabled = enabled;
            return true;
        }
    }
    return false;
}

} // namespace difusor::checks
