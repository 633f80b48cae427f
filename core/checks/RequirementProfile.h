#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace difusor::checks {

// How a failed rule is reported: a required one FAILs, a recommended one WARNs, an optional one
// without evidence or attestation is SKIPPED.
enum class Severity { Required, Recommended, Optional };
QString severityId(Severity severity);

// One requirement of a call, as data (resources/requirements/*.json).
struct CheckSpec
{
    QString id;         // "hw.cpu.cores"
    QString group;      // "hardware", "software", "network"
    QString titleEs;
    QString titleEn;
    QString clause;     // where in the call it comes from, e.g. "II, Requerimientos de hardware, a) a."
    QString clauseText; // the words of the call
    Severity severity = Severity::Required;
    bool manual = false;  // verified by a person's attestation (and by evidence where there is some)
    bool enabled = true;  // a disabled check is reported SKIPPED
    QJsonObject thresholds;

    QString title(const QString &language) const; // "en…" gives English, anything else Spanish
    double number(const QString &key, double fallback) const;
    QList<int> ports(const QString &key = QStringLiteral("ports")) const;
    QStringList strings(const QString &key) const;
};

// A requirement profile: which checks a call demands and with which thresholds. Loadable from a file
// (other institutes, other years), editable (thresholds, trusted IPs) and savable.
class RequirementProfile
{
public:
    static constexpr auto DefaultResource = ":/requirements/iepc-durango-prep2024.json";

    // The ids the evaluator knows; a profile may list a subset, unknown ids are reported UNKNOWN.
    static const QStringList &knownCheckIds();

    static std::optional<RequirementProfile> fromJson(const QJsonObject &object, QString *error = nullptr);
    static std::optional<RequirementProfile> load(const QString &path, QString *error = nullptr);
    static std::optional<RequirementProfile> loadDefault(QString *error = nullptr);
    QJsonObject toJson() const;
    bool save(const QString &path, QString *error = nullptr) const;

    QString id() const { return m_id; }
    QString name(const QString &language) const;
    QString source() const { return m_source; }
    const QList<CheckSpec> &checks() const { return m_checks; }
    const CheckSpec *check(const QString &id) const;

    // Addresses or networks (CIDR) allowed on the restricted ports. Invalid entries are refused.
    QStringList trustedIps() const { return m_trustedIps; }
    bool setTrustedIps(const QStringList &ips, QString *error = nullptr);
    // Whether the probe may try `sudo -n` (never a password) to read the firewall rules.
    bool sudoForFirewall() const { return m_sudoForFirewall; }
    void setSudoForFirewall(bool allowed) { m_sudoForFirewall = allowed; }

    // Edits one threshold (e.g. "hw.ram", "min_gib", 15.5). False when the check is not in the profile.
    bool setThreshold(const QString &checkId, const QString &key, const QJsonValue &value);
    bool setEnabled(const QString &checkId, bool enabled);

private:
    QString m_id;
    QString m_nameEs;
    QString m_nameEn;
    QString m_source;
    QStringList m_trustedIps;
    bool m_sudoForFirewall = true;
    QList<CheckSpec> m_checks;
    QJsonObject m_extra; // keys this version does not know, kept on save
};

// True when text is an IPv4/IPv6 address or a CIDR network.
bool isAddressOrNetwork(const QString &text);

} // namespace difusor::checks
