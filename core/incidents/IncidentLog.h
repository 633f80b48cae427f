#pragma once

#include "store/Records.h"
#include "store/StoreThread.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>

class QObject;

namespace difusor::incidents {

// A condition one area's rule found (cuts, lag, site, traffic, infrastructure check, connection).
struct Condition
{
    QString kind;          // stable kind id: "late_cut", "traffic_5xx", "check_failed", "connection_lost", …
    QString subject;       // what it is about (same kind and subject = the same condition)
    QString title;         // translated; empty: the kind's title
    QString detail;        // translated: the rule's words
    QDateTime startedUtc;  // the onset when the rule knows it (e.g. the slot a cut was due); else invalid
    QDateTime detectedUtc; // when the rule saw it (console clock)
    QJsonObject evidence;  // what raised it: the cut, the HTTP answer, the log lines
};

// Every incident kind this version knows, and its translated title ("Corte retrasado", …).
QStringList knownKinds();
QString kindTitle(const QString &kindId);
QString severityText(const QString &severity); // "Crítico", "Mayor", "Menor"
QString stateText(const QString &state);       // "Abierto", "Reconocido", "Resuelto"
QString eventTypeText(const QString &type);    // "Abierto", "Observación", "Reconocido", …

// One server's way into the one incident log: the areas raise and clear conditions through it, the
// technician acts on incidents through it. Every change is one store transaction (with its timeline
// event); `done` runs on context's thread after the commit, and the StoreThread's incidentChanged()
// tells everyone else. Cheap to copy; invalid (no server) answers done(nullopt, reason).
class IncidentLog final
{
public:
    using Done = std::function<void(const std::optional<store::IncidentUpdate> &update, const QString &error)>;

    IncidentLog() = default;
    explicit IncidentLog(const store::ServerStore &server)
        : m_server(server)
    {
    }

    bool isValid() const { return m_server.isValid(); }
    const store::ServerStore &server() const { return m_server; }

    void raise(const Condition &condition, QObject *context = nullptr, Done done = {}) const;
    void clear(const QString &kind, const QString &subject, const QDateTime &atUtc, QObject *context = nullptr,
               Done done = {}) const;
    // After a restart or reconnect: this server's unresolved incidents of these kinds that the rules
    // have not observed again since `watchingSinceUtc` are resolved ("auto", saying so). The rules
    // re-raise what still holds within their first evaluations, so call this a grace period later.
    void settleCarriedOver(const QStringList &kinds, const QDateTime &watchingSinceUtc) const;
    void act(qint64 id, store::IncidentAction action, const QString &actor, const QString &text, QObject *context,
             Done done) const;

private:
    void run(std::function<std::optional<store::IncidentUpdate>(store::Store &)> job, QObject *context, Done done) const;

    store::ServerStore m_server;
};

// A path of the profile that cannot be watched (`key` publication_dir or access_log): kind watch_failed,
// subject the key, the path and the reason named. Cleared (same kind and subject) when it can again.
Condition watchFailedCondition(const QString &key, const QString &path, const QString &reason);
inline constexpr char kWatchFailedKind[] = "watch_failed";

// The technician's name for acknowledgements and notes when none was given: the login name.
QString defaultActor();

} // namespace difusor::incidents
