#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace difusor::checks {

// A person's statement for a check no command can prove (power/cooling redundancy, DDoS/WAF/CDN, a
// perimeter firewall outside the server). Recorded with who and when; never invented by the console.
struct Attestation
{
    QString checkId;    // "hw.redundancy"
    bool affirmed = true; // false: the person states the requirement is NOT met
    QString by;         // who attests (name, role)
    QDateTime atUtc;    // when
    QString statement;  // what they state, e.g. "UPS doble y dos equipos de aire; contrato #123"

    QJsonObject toJson() const;
    static std::optional<Attestation> fromJson(const QJsonObject &object);
};

// The attestations of one server, kept in a small JSON file (the store will take them over).
class AttestationBook
{
public:
    // Adds (or replaces, for the same check) an attestation; refuses an empty "by" or check id.
    bool record(const Attestation &attestation, QString *error = nullptr);
    bool remove(const QString &checkId);
    std::optional<Attestation> forCheck(const QString &checkId) const;
    const QList<Attestation> &all() const { return m_items; }

    QJsonObject toJson() const;
    static AttestationBook fromJson(const QJsonObject &object);
    static std::optional<AttestationBook> load(const QString &path, QString *error = nullptr);
    bool save(const QString &path, QString *error = nullptr) const;

private:
    QList<Attestation> m_items;
};

} // namespace difusor::checks
