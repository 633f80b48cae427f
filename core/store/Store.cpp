#include "Store.h"

#include "Schema.h"
#include "common/PrivateFile.h"
#include "common/Tr.h"

#include <algorithm>

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QStandardPaths>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace difusor::store {

namespace {

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("difusor-store-%1").arg(counter.fetchAndAddRelaxed(1));
}

const QString kCutColumns = QStringLiteral(
    "id, package, cut_time_utc, arrived_server_utc, arrived_console_utc, detected_utc, official_seen_utc,"
    " difusor_seen_utc, size, sha256, summary, caught_up, unreadable,"
    " (SELECT uncertainty_ms FROM cut_sightings s WHERE s.server_id = cuts.server_id AND s.site = 'official'"
    "  AND s.cut_time_utc = cuts.cut_time_utc),"
    " (SELECT uncertainty_ms FROM cut_sightings s WHERE s.server_id = cuts.server_id AND s.site = 'difusor'"
    "  AND s.cut_time_utc = cuts.cut_time_utc)");

CutRecord readCut(const QSqlQuery &q)
{
    CutRecord c;
    c.id = q.value(0).toLongLong();
    c.package = q.value(1).toString();
    c.cutTimeUtc = fromDbTime(q.value(2));
    c.arrivedServerUtc = fromDbTime(q.value(3));
    c.arrivedConsoleUtc = fromDbTime(q.value(4));
    c.detectedUtc = fromDbTime(q.value(5));
    c.officialSeenUtc = fromDbTime(q.value(6));
    c.difusorSeenUtc = fromDbTime(q.value(7));
    c.size = q.value(8).isNull() ? -1 : q.value(8).toLongLong();
    c.sha256 = q.value(9).toString();
    c.summary = QJsonDocument::fromJson(q.value(10).toByteArray()).object();
    c.caughtUp = q.value(11).toInt() != 0;
    c.unreadable = q.value(12).toString();
    // Only for a sighting the cut row took its time from (the same cut time): kept together.
    if (c.officialSeenUtc.isValid() && !q.value(13).isNull())
        c.officialSeenUncertaintyMs = q.value(13).toLongLong();
    if (c.difusorSeenUtc.isValid() && !q.value(14).isNull())
        c.difusorSeenUncertaintyMs = q.value(14).toLongLong();
    return c;
}

QString siteColumn(const QString &site)
{
    if (site == QLatin1String("official"))
        return QStringLiteral("official_seen_utc");
    if (site == QLatin1String("difusor"))
        return QStringLiteral("difusor_seen_utc");
    return QString();
}

} // namespace

QVariant toDbTime(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

QDateTime fromDbTime(const QVariant &value)
{
    if (value.isNull())
        return QDateTime();
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

std::optional<qint64> CutRecord::lagMs() const
{
    if (!officialSeenUtc.isValid() || !difusorSeenUtc.isValid())
        return std::nullopt;
    return officialSeenUtc.msecsTo(difusorSeenUtc);
}

std::optional<qint64> CutRecord::lagUncertaintyMs() const
{
    if (!lagMs() || !officialSeenUncertaintyMs || !difusorSeenUncertaintyMs)
        return std::nullopt;
    return *officialSeenUncertaintyMs + *difusorSeenUncertaintyMs;
}

std::optional<qint64> CutRecord::servedAfterArrivalMs() const
{
    if (!arrivedConsoleUtc.isValid() || !difusorSeenUtc.isValid())
        return std::nullopt;
    return arrivedConsoleUtc.msecsTo(difusorSeenUtc);
}

bool CutRecord::operator==(const CutRecord &o) const
{
    return id == o.id && package == o.package && cutTimeUtc == o.cutTimeUtc && arrivedServerUtc == o.arrivedServerUtc
        && arrivedConsoleUtc == o.arrivedConsoleUtc && detectedUtc == o.detectedUtc
        && officialSeenUtc == o.officialSeenUtc && difusorSeenUtc == o.difusorSeenUtc && size == o.size
        && sha256 == o.sha256 && summary == o.summary && caughtUp == o.caughtUp && unreadable == o.unreadable
        && officialSeenUncertaintyMs == o.officialSeenUncertaintyMs && difusorSeenUncertaintyMs == o.difusorSeenUncertaintyMs;
}

Store::Store()
    : m_connection(nextConnectionName())
{
}

Store::~Store()
{
    close();
}

QSqlDatabase Store::db() const
{
    return QSqlDatabase::database(m_connection, false);
}

bool Store::fail(const QString &text) const
{
    m_lastError = text;
    return false;
}

bool Store::needServer() const
{
    return m_server > 0 || fail(Tr::tr("Ningún servidor elegido: el registro no se guarda."));
}

std::optional<qint64> Store::registerServer(const ServerIdentity &identity, const QDateTime &seenUtc)
{
    if (!identity.isComplete()) {
        fail(Tr::tr("Un servidor sin perfil o sin llave no se registra."));
        return std::nullopt;
    }
    std::optional<qint64> id;
    const bool ok = transaction([&](QSqlDatabase &database) {
        QSqlQuery q(database);
        q.prepare(QStringLiteral("INSERT INTO servers (profile_id, host_key, profile_name, host, first_seen_utc,"
                                 " last_seen_utc) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (profile_id, host_key)"
                                 " DO UPDATE SET profile_name = excluded.profile_name, host = excluded.host,"
                                 " last_seen_utc = excluded.last_seen_utc"));
        q.addBindValue(identity.profileId);
        q.addBindValue(identity.hostKey);
        q.addBindValue(identity.profileName);
        q.addBindValue(identity.host);
        q.addBindValue(toDbTime(seenUtc));
        q.addBindValue(toDbTime(seenUtc));
        if (!q.exec())
            return fail(q.lastError().text());
        q.prepare(QStringLiteral("SELECT id FROM servers WHERE profile_id = ? AND host_key = ?"));
        q.addBindValue(identity.profileId);
        q.addBindValue(identity.hostKey);
        if (!q.exec() || !q.next())
            return fail(q.lastError().text());
        id = q.value(0).toLongLong();
        return true;
    });
    return ok ? id : std::nullopt;
}

QList<ServerRecord> Store::servers() const
{
    QList<ServerRecord> list;
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("SELECT id, profile_id, host_key, profile_name, host, first_seen_utc, last_seen_utc"
                               " FROM servers ORDER BY id")))
        return list;
    while (q.next()) {
        ServerRecord r;
        r.id = q.value(0).toLongLong();
        r.identity = {q.value(1).toString(), q.value(2).toString(), q.value(3).toString(), q.value(4).toString()};
        r.firstSeenUtc = fromDbTime(q.value(5));
        r.lastSeenUtc = fromDbTime(q.value(6));
        list.append(r);
    }
    return list;
}

bool Store::open(const QString &path, QString *error)
{
    close();
    auto failOpen = [&](const QString &text) {
        m_lastError = text;
        if (error)
            *error = text;
        close();
        return false;
    };
    // The store holds firewall evidence and logs: owner-only, whatever the umask. SQLite gives the
    // -wal and -shm files the mode of the database file, so that one is made 0600 before SQLite opens it.
    const QFileInfo info(path);
    QString privateError;
    if (!makePrivateDir(info.absolutePath(), &privateError))
        return failOpen(privateError);
    if (!info.exists()) {
        QFile created(info.absoluteFilePath());
        if (!openPrivate(created, QIODevice::WriteOnly | QIODevice::NewOnly, &privateError) && !created.exists())
            return failOpen(privateError);
    }
    if (!restrictToOwner(info.absoluteFilePath(), &privateError))
        return failOpen(privateError);
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        database.setDatabaseName(info.absoluteFilePath());
        // Another reader (an export, a second window) may hold the lock for a moment.
        database.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!database.open())
            return failOpen(Tr::tr("No se pudo abrir %1: %2").arg(path, database.lastError().text()));
        QSqlQuery q(database);
        if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next()
            || q.value(0).toString().toLower() != QLatin1String("wal"))
            return failOpen(Tr::tr("La base de datos %1 no admite el modo WAL.").arg(path));
        for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            if (!restrictToOwner(info.absoluteFilePath() + suffix, &privateError))
                return failOpen(privateError);
        }
        // FULL: each commit is fsync'ed, so "written" means "on disk" (NORMAL could lose the last
        // commits on a power cut).
        q.exec(QStringLiteral("PRAGMA synchronous=FULL"));
        q.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
        QString migrateError;
        if (!migrate(database, &migrateError))
            return failOpen(migrateError);
    }
    m_path = info.absoluteFilePath();
    return true;
}

void Store::close()
{
    if (QSqlDatabase::contains(m_connection)) {
        {
            QSqlDatabase database = QSqlDatabase::database(m_connection, false);
            database.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
    }
    m_path.clear();
}

bool Store::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && db().isOpen();
}

int Store::schemaVersion() const
{
    if (!isOpen())
        return 0;
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("SELECT version FROM schema_version")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

QString Store::journalMode() const
{
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("PRAGMA journal_mode")) || !q.next())
        return QString();
    return q.value(0).toString().toLower();
}

bool Store::transaction(const std::function<bool(QSqlDatabase &)> &work)
{
    QSqlDatabase database = db();
    if (!database.isOpen())
        return fail(Tr::tr("La base de datos no está abierta."));
    // IMMEDIATE: the write lock is taken at the start, so a second process on the same file (the
    // `incidents` command beside the window) waits the busy timeout instead of failing at its first write.
    {
        QSqlQuery begin(database);
        if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return fail(begin.lastError().text());
    }
    if (!work(database)) {
        database.rollback();
        return false;
    }
    if (!database.commit()) {
        const QString text = database.lastError().text();
        database.rollback();
        return fail(text);
    }
    return true;
}

std::optional<qint64> Store::insertCut(const CutRecord &c)
{
    if (!needServer())
        return std::nullopt;
    std::optional<qint64> id;
    const bool ok = transaction([&](QSqlDatabase &database) {
        QSqlQuery q(database);
        q.prepare(QStringLiteral("SELECT id, unreadable FROM cuts WHERE server_id = ? AND package = ?"));
        q.addBindValue(m_server);
        q.addBindValue(c.package);
        if (!q.exec())
            return fail(q.lastError().text());
        const bool exists = q.next();
        if (exists) {
            id = q.value(0).toLongLong();
            // The first record stays, unless it was an unreadable package and this one reads:
            // the package was pushed again, fixed, and replaces the broken row (same id).
            if (q.value(1).isNull() || !c.unreadable.isEmpty())
                return true;
        }
        if (exists)
            q.prepare(QStringLiteral("UPDATE cuts SET server_id = ?, package = ?, cut_time_utc = ?, arrived_server_utc = ?,"
                                     " arrived_console_utc = ?, detected_utc = ?, official_seen_utc = ?, difusor_seen_utc = ?,"
                                     " size = ?, sha256 = ?, summary = ?, caught_up = ?, unreadable = ? WHERE id = ?"));
        else
            q.prepare(QStringLiteral("INSERT INTO cuts (server_id, package, cut_time_utc, arrived_server_utc,"
                                     " arrived_console_utc, detected_utc, official_seen_utc, difusor_seen_utc, size, sha256,"
                                     " summary, caught_up, unreadable) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(m_server);
        q.addBindValue(c.package);
        q.addBindValue(toDbTime(c.cutTimeUtc));
        q.addBindValue(toDbTime(c.arrivedServerUtc));
        q.addBindValue(toDbTime(c.arrivedConsoleUtc));
        q.addBindValue(toDbTime(c.detectedUtc));
        q.addBindValue(toDbTime(c.officialSeenUtc));
        q.addBindValue(toDbTime(c.difusorSeenUtc));
        q.addBindValue(c.size >= 0 ? QVariant(c.size) : QVariant());
        q.addBindValue(c.sha256.isEmpty() ? QVariant() : QVariant(c.sha256));
        q.addBindValue(c.summary.isEmpty() ? QVariant()
                                           : QVariant(QJsonDocument(c.summary).toJson(QJsonDocument::Compact)));
        q.addBindValue(c.caughtUp ? 1 : 0);
        q.addBindValue(c.unreadable.isEmpty() ? QVariant() : QVariant(c.unreadable));
        if (exists)
            q.addBindValue(*id);
        if (!q.exec())
            return fail(q.lastError().text());
        if (!exists)
            id = q.lastInsertId().toLongLong();
        // A site may have shown the cut before it reached our disk.
        for (const QString &site : {QStringLiteral("official"), QStringLiteral("difusor")}) {
            const QString column = siteColumn(site);
            q.prepare(QStringLiteral("UPDATE cuts SET %1 = (SELECT first_seen_utc FROM cut_sightings"
                                     " WHERE server_id = cuts.server_id AND site = ? AND cut_time_utc = cuts.cut_time_utc)"
                                     " WHERE id = ? AND %1 IS NULL")
                          .arg(column));
            q.addBindValue(site);
            q.addBindValue(*id);
            if (!q.exec())
                return fail(q.lastError().text());
        }
        return true;
    });
    return ok ? id : std::nullopt;
}

std::optional<CutRecord> Store::cut(qint64 id) const
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT %1 FROM cuts WHERE server_id = ? AND id = ?").arg(kCutColumns));
    q.addBindValue(m_server);
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readCut(q);
}

std::optional<CutRecord> Store::cutByPackage(const QString &package) const
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT %1 FROM cuts WHERE server_id = ? AND package = ?").arg(kCutColumns));
    q.addBindValue(m_server);
    q.addBindValue(package);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readCut(q);
}

std::optional<CutRecord> Store::latestCut() const
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT %1 FROM cuts WHERE server_id = ? ORDER BY cut_time_utc DESC, id DESC LIMIT 1")
                  .arg(kCutColumns));
    q.addBindValue(m_server);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readCut(q);
}

QList<CutRecord> Store::cuts(int limit) const
{
    QList<CutRecord> list;
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT * FROM (SELECT %1 FROM cuts WHERE server_id = ?"
                             " ORDER BY cut_time_utc DESC, id DESC LIMIT ?) ORDER BY cut_time_utc ASC, id ASC")
                  .arg(kCutColumns));
    q.addBindValue(m_server);
    q.addBindValue(limit);
    if (!q.exec())
        return list;
    while (q.next())
        list.append(readCut(q));
    return list;
}

QList<CutRecord> Store::cutsArrivedBetween(const QDateTime &fromUtc, const QDateTime &untilUtc) const
{
    // Arrival on the console's clock, else the detection (as the simulacro's report counts it).
    QList<CutRecord> list;
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT %1 FROM cuts WHERE server_id = ? AND COALESCE(arrived_console_utc, detected_utc) >= ?"
                             " AND COALESCE(arrived_console_utc, detected_utc) < ?"
                             " ORDER BY COALESCE(arrived_console_utc, detected_utc) ASC, id ASC")
                  .arg(kCutColumns));
    q.addBindValue(m_server);
    q.addBindValue(toDbTime(fromUtc));
    q.addBindValue(toDbTime(untilUtc));
    if (!q.exec())
        return list;
    while (q.next())
        list.append(readCut(q));
    return list;
}

std::optional<CutRecord> Store::lastCutArrivedBefore(const QDateTime &utc) const
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT %1 FROM cuts WHERE server_id = ? AND COALESCE(arrived_console_utc, detected_utc) < ?"
                             " ORDER BY COALESCE(arrived_console_utc, detected_utc) DESC, id DESC LIMIT 1")
                  .arg(kCutColumns));
    q.addBindValue(m_server);
    q.addBindValue(toDbTime(utc));
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readCut(q);
}

bool Store::recordSighting(const SightingRecord &s)
{
    const QString column = siteColumn(s.site);
    if (column.isEmpty() || !s.cutTimeUtc.isValid() || !s.firstSeenUtc.isValid())
        return fail(Tr::tr("Avistamiento no válido."));
    if (!needServer())
        return false;
    return transaction([&](QSqlDatabase &database) {
        QSqlQuery q(database);
        q.prepare(QStringLiteral("INSERT OR IGNORE INTO cut_sightings (server_id, site, cut_time_utc, first_seen_utc,"
                                 " uncertainty_ms) VALUES (?, ?, ?, ?, ?)"));
        q.addBindValue(m_server);
        q.addBindValue(s.site);
        q.addBindValue(toDbTime(s.cutTimeUtc));
        q.addBindValue(toDbTime(s.firstSeenUtc));
        q.addBindValue(s.uncertaintyMs ? QVariant(*s.uncertaintyMs) : QVariant());
        if (!q.exec())
            return fail(q.lastError().text());
        q.prepare(QStringLiteral("UPDATE cuts SET %1 = (SELECT first_seen_utc FROM cut_sightings"
                                 " WHERE server_id = cuts.server_id AND site = ? AND cut_time_utc = cuts.cut_time_utc)"
                                 " WHERE server_id = ? AND cut_time_utc = ? AND %1 IS NULL")
                      .arg(column));
        q.addBindValue(s.site);
        q.addBindValue(m_server);
        q.addBindValue(toDbTime(s.cutTimeUtc));
        if (!q.exec())
            return fail(q.lastError().text());
        return true;
    });
}

QList<SightingRecord> Store::sightings(const QString &site) const
{
    QList<SightingRecord> list;
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT site, cut_time_utc, first_seen_utc, uncertainty_ms FROM cut_sightings"
                             " WHERE server_id = ? AND site = ? ORDER BY cut_time_utc"));
    q.addBindValue(m_server);
    q.addBindValue(site);
    if (!q.exec())
        return list;
    while (q.next()) {
        SightingRecord r{q.value(0).toString(), fromDbTime(q.value(1)), fromDbTime(q.value(2)), std::nullopt};
        if (!q.value(3).isNull())
            r.uncertaintyMs = q.value(3).toLongLong();
        list.append(r);
    }
    return list;
}

std::optional<qint64> Store::addCheckRun(const CheckRunRecord &run)
{
    if (run.host.isEmpty() || !run.startedUtc.isValid()) {
        fail(Tr::tr("Una verificación sin servidor o sin hora no se guarda."));
        return std::nullopt;
    }
    if (!needServer())
        return std::nullopt;
    std::optional<qint64> id;
    const bool ok = transaction([&](QSqlDatabase &database) {
        QSqlQuery q(database);
        q.prepare(QStringLiteral("INSERT INTO check_runs (server_id, profile_name, host, started_utc, duration_ms,"
                                 " requirements_id, results) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(m_server);
        q.addBindValue(run.profileName);
        q.addBindValue(run.host);
        q.addBindValue(toDbTime(run.startedUtc));
        q.addBindValue(run.durationMs);
        q.addBindValue(run.requirementsId);
        q.addBindValue(QString::fromUtf8(QJsonDocument(run.results).toJson(QJsonDocument::Compact)));
        if (!q.exec())
            return fail(q.lastError().text());
        id = q.lastInsertId().toLongLong();
        return true;
    });
    if (!ok)
        return std::nullopt;
    if (m_checkRunObserver)
        m_checkRunObserver(m_server, *id);
    return id;
}

QList<CheckRunRecord> Store::lastCheckRuns(int count) const
{
    QList<CheckRunRecord> list;
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT id, profile_name, host, started_utc, duration_ms, requirements_id, results"
                             " FROM check_runs WHERE server_id = ? ORDER BY started_utc DESC, id DESC LIMIT ?"));
    q.addBindValue(m_server);
    q.addBindValue(std::max(0, count));
    if (!q.exec())
        return list;
    while (q.next()) {
        CheckRunRecord r;
        r.id = q.value(0).toLongLong();
        r.profileName = q.value(1).toString();
        r.host = q.value(2).toString();
        r.startedUtc = fromDbTime(q.value(3));
        r.durationMs = q.value(4).toLongLong();
        r.requirementsId = q.value(5).toString();
        r.results = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).array();
        list.append(r);
    }
    return list;
}

QString defaultStorePath()
{
    const QString fromEnv = qEnvironmentVariable("DIFUSOR_STORE");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/difusor.sqlite");
}

} // namespace difusor::store
