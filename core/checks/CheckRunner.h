#pragma once

#include "Attestations.h"
#include "CheckResult.h"
#include "ConsoleFacts.h"
#include "ConsoleProbes.h"
#include "ProbeOutput.h"
#include "RequirementProfile.h"

#include "common/Profile.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>

namespace difusor::remote {
class RemoteHost;
struct CommandResult;
}

namespace difusor::checks {

struct CheckReport
{
    QList<CheckResult> results;
    QDateTime startedUtc;
    qint64 durationMs = 0;
    bool runFailed = false; // the probe could not run (no connection, no answer)
    QString error;          // why, translated
    QString target;         // "user@host:port" or "localhost"
    QString requirementsId;
    ProbeOutput probe;      // the raw facts, for the store and the evidence pane
    ConsoleFacts console;
};

// One full check of a server: connects (if needed), sends the probe (one round trip for every
// fact), measures from the console side (clock offset, throughput, TCP 80/443, HTTPS of the portal)
// and evaluates. Asynchronous; never blocks the caller's thread.
class CheckRunner final : public QObject
{
    Q_OBJECT
public:
    // host: not owned; it may be connected already. connection: where and what (portal URL,
    // trusted IPs). local: the host is this machine (no SSH involved).
    CheckRunner(remote::RemoteHost *host, const Profile &connection, const RequirementProfile &requirements,
                bool local, QObject *parent = nullptr);

    void setAttestations(const AttestationBook &book) { m_attestations = book; }
    void setLanguage(const QString &language) { m_language = language; }
    void setConsoleProbes(bool enabled) { m_consoleProbes = enabled; } // URL, TCP reach (tests: off)
    void setOverallTimeoutMs(int ms) { m_overallTimeoutMs = ms; }

    void start();

Q_SIGNALS:
    void finished(const difusor::checks::CheckReport &report);

private:
    void onConnected();
    void onConnectFailed(const QString &reason, bool definite);
    void onProbeFinished(const remote::CommandResult &result);
    void nextClockSample();
    void startThroughput();
    void startConsoleProbes();
    void partDone();
    void finish();

    QPointer<remote::RemoteHost> m_host;
    Profile m_connection;
    RequirementProfile m_requirements;
    AttestationBook m_attestations;
    QString m_language = QStringLiteral("es");
    bool m_local = false;
    bool m_consoleProbes = true;
    int m_overallTimeoutMs = 60000;

    QByteArray m_nonce;
    int m_probeCap = 65536;
    QElapsedTimer m_elapsed;
    CheckReport m_report;
    QString m_probeError;
    QList<ClockSample> m_clock;
    double m_commandOverheadMs = -1;
    int m_pending = 0;
    bool m_started = false;
    bool m_connectHandled = false;
    bool m_hostKeyUnknown = false;
    bool m_done = false;
};

} // namespace difusor::checks

Q_DECLARE_METATYPE(difusor::checks::CheckReport)
