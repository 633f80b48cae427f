#include "Attestations.h"

#include "common/PrivateFile.h"
#include "common/Tr.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace difusor::checks {

namespace {
constexpr qint64 MaxFileBytes = 1024 * 1024;
constexpr qsizetype MaxTextChars = 2000;
} // namespace

QJsonObject Attestation::toJson() const
{
    return QJsonObject{{QStringLiteral("check"), checkId},
                       {QStringLiteral("affirmed"), affirmed},
                       {QStringLiteral("by"), by},
                       {QStringLiteral("at"), atUtc.toUTC().toString(Qt::ISODateWithMs)},
                       {QStringLiteral("statement"), statement}};
}

std::optional<Attestation> Attestation::fromJson(const QJsonObject &o)
{
    Attestation a;
    a.checkId = o.value(QStringLiteral("check")).toString().left(64);
    a.affirmed = o.value(QStringLiteral("affirmed")).toBool(true);
    a.by = o.value(QStringLiteral("by")).toString().left(MaxTextChars);
    a.atUtc = QDateTime::fromString(o.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs).toUTC();
    a.statement = o.value(QStringLiteral("statement")).toString().left(MaxTextChars);
    if (a.checkId.isEmpty() || a.by.trimmed().isEmpty() || !a.atUtc.isValid())
        return std::nullopt;
    return a;
}

bool AttestationBook::record(const Attestation &attestation, QString *error)
{
    if (attestation.checkId.isEmpty() || attestation.by.trimmed().isEmpty()) {
        if (error)
            *error = Tr::tr("Una atestación necesita la verificación y quién la hace.");
        return false;
    }
    Attestation a = attestation;
    if (!a.atUtc.isValid())
        a.atUtc = QDateTime::currentDateTimeUtc();
    a.atUtc = a.atUtc.toUTC();
    a.by = a.by.trimmed().left(MaxTextChars);
    a.statement = a.statement.left(MaxTextChars);
    remove(a.checkId);
    m_items.append(a);
    return true;
}

bool AttestationBook::remove(const QString &checkId)
{
    return m_items.removeIf([&](const Attestation &a) { return a.checkId == checkId; }) > 0;
}

std::optional<Attestation> AttestationBook::forCheck(const QString &checkId) const
{
    for (const Attestation &a : m_items) {
        if (a.checkId == checkId)
            return a;
    }
    return std::nullopt;
}

QJsonObject AttestationBook::toJson() const
{
    QJsonArray array;
    for (const Attestation &a : m_items)
        array.append(a.toJson());
    return QJsonObject{{QStringLiteral("attestations"), array}};
}

AttestationBook AttestationBook::fromJson(const QJsonObject &object)
{
    AttestationBook book;
    const QJsonArray array = object.value(QStringLiteral("attestations")).toArray();
    for (const QJsonValue &v : array) {
        if (const auto a = Attestation::fromJson(v.toObject()))
            book.record(*a);
    }
    return book;
}

std::optional<AttestationBook> AttestationBook::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.exists())
        return AttestationBook{};
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = Tr::tr("No se pudieron leer las atestaciones %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(MaxFileBytes));
    if (!doc.isObject()) {
        if (error)
            *error = Tr::tr("El archivo de atestaciones %1 no es JSON válido.").arg(path);
        return std::nullopt;
    }
    return fromJson(doc.object());
}

bool AttestationBook::save(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = Tr::tr("No se pudieron escribir las atestaciones %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!restrictToOwner(file, error)) { // before commit(): never readable by others under its name
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        if (error)
            *error = Tr::tr("No se pudieron guardar las atestaciones %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace difusor::checks
