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
#include <QMap>
#include <QObject>
#include <QPointer>

namespace difusor::remote {
class RemoteHost;
class RemoteJob;
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
    // Where the time went, ms since start (for benchmarks and the log): "connected",
    // "probe_first_line", "probe_done", "upload_done", "url_done", "ports_done", "evaluated".
    QMap<QString, qint64> phaseMs;
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
    void onProbeLines(const QList<QByteArray> &lines);
    void onProbeFinished(const remote::CommandResult &result);
    void startThroughput();
    void startUpload(qint64 bytes);
    void startDownload(qint64 bytes);
    void startConsoleProbes();
    void computeConsoleFigures();
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
    // The probe is read as it streams: its clock lines are timed on arrival.
    QPointer<remote::RemoteJob> m_probeJob;
    QByteArray m_raw;
    bool m_rawCapped = false;
    QByteArray m_section;       // section being read
    bool m_afterCommandLine = false;
    qint64 m_probeSentUs = 0;
    qint64 m_firstLineUs = 0;   // channel + shell start-up: the fixed cost of any command
    double m_rttMs = -1;        // the transport's round trip (RemoteHost::roundTripMeasured)
    QList<ClockSample> m_clock;
    qint64 m_throughputBytes = 0; // each way (net.bandwidth's probe_bytes; 0: not measured)
    QByteArray m_uploadPayload;
    qint64 m_uploadAfterDownload = 0; // the upload starts once the download is done
    qint64 m_downloadBytes = 0; // asked for
    qint64 m_downloadSeen = 0;
    qint64 m_downloadElapsedUs = -1;
    int m_downloadExit = -1;
    QPointer<remote::RemoteJob> m_downloadJob;
    qint64 m_uploadBytes = 0;
    qint64 m_throughputPendingBytes = 0; // both measures start after the probe's clock_end section
    qint64 m_uploadElapsedUs = -1;
    int m_uploadExit = -1;
    int m_pending = 0;
    bool m_started = false;
    bool m_connectHandled = false;
    bool m_hostKeyUnknown = false;
    bool m_done = false;
};

// The upload measure's payload: random bytes, so a compressed SSH link (the default) measures the network,
// not zlib. A tail shorter than 4 bytes is zero.
QByteArray throughputPayload(qint64 bytes);
// The download measure's command (sh): `bytes` random bytes on stdout.
QString downloadCommand(qint64 bytes);

} // namespace difusor::checks

Q_DECLARE_METATYPE(difusor::checks::CheckReport)
