#pragma once

#include "store/Records.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <optional>

namespace difusor::remote {
class RemoteHost;
class RemoteJob;
struct CommandResult;
} // namespace difusor::remote

namespace difusor::cuts {

// One cut package found by the watcher, read and parsed.
struct FoundCut
{
    store::CutRecord record;               // everything but id, sightings
    std::optional<qint64> actasCapturadas; // from the summary
    QString csvPath;                       // on the server
    QString nameMismatch;                  // the package name and the cut line disagree: why (translated)
};

// The cut time a package's name gives (YYYYMMDD_HHMM, Central Mexico time, UTC-6), UTC; invalid when
// the name does not have the form. For packages that cannot be read.
QDateTime cutTimeFromPackageName(const QString &package);

// Parses one line of the remote watcher script (resources/scripts/cutwatch.sh). Pure; for tests.
struct WatchLine
{
    enum class Type { Hello, Clock, Package, Listed, Error, DataStart, DataEnd, Heartbeat, Unknown };
    Type type = Type::Unknown;
    QString method;        // Hello
    QDateTime serverTime;  // Clock; Package: the file's change time (server clock)
    QString kind;          // Package: "dir", "zip", "csv"
    qint64 size = -1;      // Package
    QString sha256;        // Package ("" when the server could not say)
    QString path;          // Package, relative to the publication folder
    QString error;         // Error
};
WatchLine parseWatchLine(const QByteArray &line, const QString &nonce);

// Watches the profile's publication_dir over a RemoteHost on one long-lived channel (the script is sent
// on stdin: inotifywait where the server has it, else a 1 s stat loop). For each new complete package
// it fetches the CSV (bounded: 16 MiB), checks it, parses it off the calling thread and emits cutFound().
// Packages are handled one at a time, in the order the server listed them.
//
// On every (re)start the script lists what is already there; packages not in known() are reported as
// caught up (caughtUp = true, arrival from the file's change time). The server clock offset is measured
// from the script's clock lines (the largest server-minus-received difference over the last samples:
// the one with the least transit delay), and applied to file times for arrivedConsoleUtc.
//
// Lives on the thread that owns it; never blocks it.
class CutWatcher final : public QObject
{
    Q_OBJECT
public:
    enum class State { Stopped, Starting, Watching, Waiting, Failed };
    Q_ENUM(State)

    CutWatcher(remote::RemoteHost *host, const QString &publicationDir, QObject *parent = nullptr);
    ~CutWatcher() override;

    // Packages already recorded (name -> CSV SHA-256): not reported again unless the CSV changed.
    void setKnown(const QHash<QString, QString> &known) { m_known = known; }
    void addKnown(const QString &package, const QString &sha256) { m_known.insert(package, sha256); }
    const QHash<QString, QString> &known() const { return m_known; }

    void setForceStatLoop(bool force) { m_forceStat = force; } // tests: the stat loop even with inotifywait
    void setHeartbeatTimeoutMs(int ms) { m_heartbeatTimeoutMs = ms; }

    // The host is being destroyed (it ends its own remote processes): forget it and its jobs.
    void abandonHost();

    void start(); // (re)starts the remote script now if the host is connected; else at the next Connected
    void stop();

    State state() const { return m_state; }
    QString method() const { return m_method; } // "inotifywait", "stat", empty before the first hello
    std::optional<qint64> clockOffsetMs() const; // server minus console; empty before the first sample
    qint64 restarts() const { return m_restarts; }

Q_SIGNALS:
    void cutFound(const difusor::cuts::FoundCut &cut);
    void packageRejected(const QString &package, const QString &reason); // translated reason
    // The same rejection as a record to keep: record.unreadable says why, record.cutTimeUtc comes from
    // the package name (invalid if it has none), arrival and size as for a cut read fine.
    void packageUnreadable(const difusor::cuts::FoundCut &cut);
    void stateChanged(difusor::cuts::CutWatcher::State state, const QString &detail);
    void listingDone(); // the script's initial listing has been handled (caught-up cuts emitted)

private:
    struct Pending
    {
        WatchLine line;
        QDateTime detectedUtc;
        bool caughtUp = false;
        bool hasData = false; // the CSV came inline on the stream
        QByteArray data;
    };

    void launch();
    void onLines(const QList<QByteArray> &lines);
    void onFinished(const remote::CommandResult &result);
    void setState(State state, const QString &detail = {});
    void retryLater(int ms);
    void pump();
    void fetched(const Pending &pending, const remote::CommandResult &result);
    void process(const Pending &pending, const QByteArray &data);
    void enqueue(Pending pending);
    bool fetchBatch(const Pending &first);
    void parsed(const Pending &pending, const FoundCut &cut, const QString &error);
    // size, sha256: of the CSV bytes when they came (else the server's listing is used)
    void reject(const Pending &pending, const QString &reason, qint64 size = -1, const QString &sha256 = {});

    remote::RemoteHost *m_host;
    QString m_dir;
    QHash<QString, QString> m_known;
    bool m_forceStat = false;
    int m_heartbeatTimeoutMs = 20000;
    bool m_running = false;
    State m_state = State::Stopped;
    QString m_method;
    QPointer<remote::RemoteJob> m_job;
    QByteArray m_nonce;
    quint64 m_generation = 0; // bumps on every launch: late answers of an older run are dropped
    bool m_listing = false;   // before the script's "S" line
    bool m_listingNotified = false;
    std::deque<Pending> m_queue;
    std::optional<Pending> m_awaiting; // a live P line: its CSV may follow inline (D … Z)
    bool m_inBlock = false;
    QByteArray m_block;                // base64 of the inline CSV so far
    bool m_blockTooLarge = false;
    bool m_noBase64 = false;           // the server has no base64: CSVs are fetched one by one, raw
    bool m_busy = false;
    QList<qint64> m_offsetSamples; // server minus received, ms
    QTimer m_heartbeat;
    QTimer m_retry;
    QTimer m_awaitTimer;
    qint64 m_restarts = 0;
};

} // namespace difusor::cuts

Q_DECLARE_METATYPE(difusor::cuts::FoundCut)
