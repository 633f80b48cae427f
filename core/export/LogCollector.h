#pragma once

#include "common/Profile.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace difusor::remote {
class RemoteHost;
class RemoteJob;
struct CommandResult;
}

namespace difusor::exporting {

class Bag;

// Days are Central Mexico calendar days (UTC-6, no daylight saving since 2022): a day runs from 00:00
// -06:00 to the next 00:00 -06:00.
struct ExportDates
{
    QDate from{2024, 6, 2}; // the call's period: "del 02 al 09 de junio de 2024"
    QDate to{2024, 6, 9};
    QDate baselineFrom;     // the portal's usual traffic (empty: the 14 days before `from`)
    QDate baselineTo;

    static qint64 dayStartUtc(const QDate &day); // seconds since 1970 UTC
    QDate effectiveBaselineFrom() const { return baselineFrom.isValid() ? baselineFrom : from.addDays(-14); }
    QDate effectiveBaselineTo() const { return baselineTo.isValid() ? baselineTo : from.addDays(-1); }
    QString periodText() const; // "2024-06-02/2024-06-09"
    QString baselineText() const;
};

// One access-log file as collected.
struct CollectedFile
{
    QString name;          // on the server, beside the access log ("access.log.2.gz")
    QString payloadPath;   // in the bag, relative to data/
    qint64 size = 0;       // bytes as stored (as on the server)
    QByteArray sha256;     // taken on the server before the copy; the bag's copy has it
    bool gzip = false;
    qint64 lines = 0;      // lines once decompressed
    qint64 periodLines = 0;
    qint64 untimedLines = 0;
    qint64 wireBytes = 0;  // bytes that crossed the link this run (compressed)
    qint64 resumedFrom = 0; // a partial copy went on from this many bytes (of the compressed stream)
    bool alreadyInBag = false; // finished by an earlier run with this hash: not sent again
};

struct CollectedServer
{
    QString name;        // the folder under data/logs/
    difusor::Profile profile;
    QString hostKey;     // "SHA256:…", or "local"
    QString accessLog;
    QList<CollectedFile> files; // oldest first
    QString periodPath;  // data/ relative: the period's lines, in order, gzip
    qint64 periodLines = 0;
    qint64 periodPlainBytes = 0;
    qint64 periodSize = 0;
    QByteArray periodSha256;
    QString trafficPath; // data/ relative: per day, counted as AWStats counts
    QJsonObject traffic; // {"days": [{date, range, hits, pages, visits, unique_visitors, bandwidth}], "parsed_lines", "malformed_lines", "robots_list"}
    QStringList warnings;
};

struct CollectProgress
{
    qint64 bytesDone = 0;   // plain bytes of the files to send, done or estimated from the wire
    qint64 bytesTotal = 0;
    int filesDone = 0;
    int filesTotal = 0;
    qint64 wireBytes = 0;   // bytes received over the links so far
    double secondsLeft = -1; // -1 until it can be estimated
    QString current;         // "norte: access.log.1"
};

// Collects the access logs of one or more servers into a bag (core/export/Bag.h):
// - every file beside each profile's access_log (the current one, rotated .1, .2.gz, …, dateext
//   -YYYYMMDD[.gz]) that holds lines of the counted range (the baseline and the period), as it is on
//   the server, byte for byte: data/logs/<server>/<name>;
// - per server, the period's lines in order, gzip: data/logs/<server>/periodo_<from>_<to>.log.gz;
// - per server, traffic per day (baseline and period, AWStats' rules: traffic::TrafficCounter's
//   awstats mode, days at UTC-6): data/trafico/<server>-por-dia.csv.
//
// Per file, on the server: the size now and the SHA-256 of that many bytes (sha256sum) first, then the
// same bytes sent compressed (gzip -1 -n; a .gz as it is), received into a staging file
// (<bag>/.difusor-staging, removed at the end), decompressed into the bag and checked against the
// server's hash before the file counts. Resumable: a file already in the bag with the server's hash is
// not sent again; a partial staging copy goes on from its size (gzip -n makes the same bytes again),
// and if the result does not match, that file alone starts over (said in message()). A dropped link
// waits for the host's reconnection and goes on. On the server everything runs in the command's
// process group: a cancel kills it, and a closed channel ends it (its next write fails).
//
// Lives in the thread of the hosts (the GUI's); the reading, hashing and writing run on a worker thread,
// one step at a time.
class LogCollector final : public QObject
{
    Q_OBJECT
public:
    // The bag must be open; it is used from the worker thread until finished().
    LogCollector(Bag *bag, ExportDates dates, QObject *parent = nullptr);
    ~LogCollector() override;

    // The host may be disconnected: the collector connects it. Both outlive the collector.
    void addServer(const difusor::Profile &profile, remote::RemoteHost *host);
    void start();
    void cancel();
    bool isRunning() const { return m_running; }

    const QList<CollectedServer> &servers() const { return m_results; }
    CollectProgress lastProgress() const { return m_progress; }

    // The folder name of a profile under data/logs/ ("norte"), unique among `taken`.
    static QString serverFolder(const difusor::Profile &profile, const QStringList &taken);

Q_SIGNALS:
    void progress(const difusor::exporting::CollectProgress &progress);
    void message(const QString &text); // translated, one line for the technician's log
    // ok false: error says why (translated); unreachable: a server could not be reached or refused us.
    void finished(bool ok, const QString &error, bool unreachable);

private:
    struct Server;
    struct FileState;

    void fail(const QString &error, bool unreachable = false);
    void whenConnected(int server, std::function<void()> then);
    void listServer(int server);
    void listed(int server, const remote::CommandResult &result);
    void beginCopy();
    void beginServer();
    void nextFile();
    void hashFile();
    void prepareFile(const QByteArray &sha256);
    void download(qint64 offset);
    void scanFile(bool fromStaging, qint64 offset);
    void finishServer();
    void retryAfterDrop(const QString &why);
    void work(std::function<void()> job, std::function<void()> then);
    void emitProgress(qint64 currentWireBytes = 0, bool force = false);
    Server &server() { return *m_servers[m_serverIndex]; }

    Bag *m_bag;
    ExportDates m_dates;
    std::vector<std::unique_ptr<Server>> m_servers;
    QList<CollectedServer> m_results;
    int m_serverIndex = 0;
    int m_fileIndex = 0;
    int m_listIndex = 0;
    int m_retries = 0;
    bool m_restartedFile = false;
    bool m_running = false;
    bool m_working = false;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QPointer<remote::RemoteJob> m_job;
    QMetaObject::Connection m_waitConnection;
    CollectProgress m_progress;
    QElapsedTimer m_clock;
    qint64 m_lastProgressMs = -1000;
    qint64 m_doneBytes = 0;     // plain bytes of the files done this run (sent or found in the bag)
    qint64 m_wireBytes = 0;     // of finished downloads
    double m_ratio = 6;         // plain / wire of plain files sent so far (for the estimate)
    qint64 m_sentPlain = 0;
    qint64 m_sentWire = 0;
};

} // namespace difusor::exporting

Q_DECLARE_METATYPE(difusor::exporting::CollectProgress)
