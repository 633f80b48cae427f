// CutSession against the real sandbox difusor (sshd, rsync push, nginx x2), over SSH: every cut the
// sandbox writes is recorded with the right fields (compared with the ground-truth log), each fault of
// the cuts area opens the right incident and closes it when it ends, and a killed SSH connection is
// survived with the missed cuts caught up.
#include "CutSessionFixture.h"
#include "StoreSupport.h"
#include "TestEnv.h"

#include "common/MexicoTime.h"
#include "cuts/CutMonitor.h"
#include "cuts/CutWatcher.h"
#include "store/Store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTest>

using namespace difusor::test;
using namespace difusor::sandbox;
using namespace difusor::cuts;

namespace {

constexpr int CutIntervalS = 3;
constexpr qint64 Tolerance = 1000; // ms: the "within 1 s"

qint64 ms(const QDateTime &t)
{
    return t.toMSecsSinceEpoch();
}

QString span(qint64 a, qint64 b)
{
    return QStringLiteral("%1 ms").arg(a - b);
}

} // namespace

class TestCutSession final : public QObject
{
    Q_OBJECT
private:
    CutSessionRun m_run;

    // The cuts written (cut_written) since t, in order.
    QList<QJsonObject> writtenSince(qint64 t) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &r : eventsNamed(m_run.sandbox.truth(), QStringLiteral("cut_written"))) {
            if (r.value(QStringLiteral("t")).toInteger() >= t)
                out << r;
        }
        return out;
    }
    QJsonObject faultRecord(const QString &event, FaultKind kind, qint64 since) const
    {
        for (const QJsonObject &r : eventsNamed(m_run.sandbox.truth(), event)) {
            if (r.value(QStringLiteral("kind")).toString() == faultId(kind) && r.value(QStringLiteral("t")).toInteger() >= since)
                return r;
        }
        return {};
    }
    qint64 tOf(const QJsonObject &r) const { return r.value(QStringLiteral("t")).toInteger(); }
    bool faultEnded(FaultKind kind, qint64 since) const { return !faultRecord(QStringLiteral("fault_end"), kind, since).isEmpty(); }
    void settle() // no fault of this test left running: quiet cuts for a moment
    {
        QTest::qWait(CutIntervalS * 1000 + 500);
    }

private Q_SLOTS:
    void initTestCase()
    {
        DIFUSOR_REQUIRE_PROGRAM(sshd, "sshd");
        DIFUSOR_REQUIRE_PROGRAM(nginx, "nginx");
        DIFUSOR_REQUIRE_PROGRAM(rsync, "rsync");
        SandboxOptions options;
        options.cutIntervalS = CutIntervalS;
        options.visitorsPerSecond = 0;
        options.pushDelayMs = 400;
        options.publishDelayMs = 300;
        const QJsonObject extra{{QStringLiteral("late_margin_s"), 1.5},
                                {QStringLiteral("stale_after_s"), 1.5},
                                {QStringLiteral("poll_interval_ms"), 250},
                                {QStringLiteral("fast_poll_interval_ms"), 150}};
        QString error;
        QVERIFY2(m_run.start(options, extra, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(m_run.session->watcherState() == CutSession::WatcherState::Watching, 10000);
        QVERIFY(!m_run.session->watcherMethod().isEmpty());
    }

    void cleanupTestCase() { m_run.stop(); }

    // Live cuts: detected within 1 s of the sandbox writing them, arrival on the console clock within
    // 1 s, the CSV's SHA-256 and size as on disk, the parsed summary, and a lag within 1 s of the truth.
    void newCutsAreRecorded()
    {
        // From when the probe has had an answer from both sites: a cut already showing at its first
        // answer has no measured lag (nobody saw it appear).
        const LagProbe *probe = m_run.session->monitor()->probe();
        QTRY_VERIFY_WITH_TIMEOUT(probe->pollCount(Site::Official) >= 2 && probe->pollCount(Site::Difusor) >= 2, 10000);
        const qint64 t0 = std::max(m_run.lastTruthT() + 1, QDateTime::currentMSecsSinceEpoch());
        QTRY_VERIFY_WITH_TIMEOUT(writtenSince(t0).size() >= 3, 15000);
        const QList<QJsonObject> written = writtenSince(t0);
        for (const QJsonObject &w : written) {
            const QDateTime cut = cutOf(w);
            QTRY_VERIFY_WITH_TIMEOUT(m_run.cut(cut) != nullptr, 3000);
            const difusor::store::CutRecord r = m_run.cut(cut)->record;
            qInfo("%s: written %lld, detected %+lld ms, arrived %+lld ms, recorded %+lld ms", qPrintable(r.package), tOf(w),
                  ms(r.detectedUtc) - tOf(w), ms(r.arrivedConsoleUtc) - tOf(w), ms(m_run.cut(cut)->announcedUtc) - tOf(w));
            QVERIFY(!r.caughtUp);
            QCOMPARE(r.package, w.value(QStringLiteral("package")).toString());
            const qint64 detected = ms(r.detectedUtc) - tOf(w);
            QVERIFY2(std::llabs(detected) <= Tolerance, qPrintable(QStringLiteral("detection %1 ms").arg(detected)));
            QVERIFY2(std::llabs(ms(r.arrivedConsoleUtc) - tOf(w)) <= Tolerance, qPrintable(span(ms(r.arrivedConsoleUtc), tOf(w))));
            QVERIFY(r.arrivedServerUtc.isValid());
            QFile csv(QDir(m_run.profile.publicationDir).filePath(r.package + QStringLiteral("/DGO_DIP_LOC_2024.csv")));
            QVERIFY(csv.open(QIODevice::ReadOnly));
            const QByteArray bytes = csv.readAll();
            QCOMPARE(r.size, qint64(bytes.size()));
            QCOMPARE(r.sha256, QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
            QVERIFY(r.summary.value(QStringLiteral("summary")).isObject() || !r.summary.isEmpty());
        }
        // Lags of those cuts, against the ground truth (difusor visible - official visible).
        // A cut the official site published before t0 (it publishes before pushing to us) may have been
        // showing at the probe's first answer: unmeasured, and rightly so.
        auto seenToAppear = [&](const QDateTime &cut) {
            return m_run.truthT(QStringLiteral("cut_official_visible"), cut) >= t0;
        };
        for (const QJsonObject &w : written) {
            const QDateTime cut = cutOf(w);
            if (!seenToAppear(cut))
                continue;
            QTRY_VERIFY2_WITH_TIMEOUT(m_run.lags.contains(cut), qPrintable(cut.toString(Qt::ISODate)), 5000);
            const qint64 truthLag = m_run.truthT(QStringLiteral("cut_difusor_visible"), cut)
                                    - m_run.truthT(QStringLiteral("cut_official_visible"), cut);
            const qint64 lag = m_run.lags.value(cut);
            QVERIFY2(std::llabs(lag - truthLag) <= Tolerance,
                     qPrintable(QStringLiteral("lag %1 ms, truth %2 ms").arg(lag).arg(truthLag)));
        }
        // All of it is in the store.
        difusor::store::Store reader;
        QVERIFY(reader.open(m_run.storePath));
        reader.setServer(m_run.serverStore.server());
        for (const QJsonObject &w : written) {
            const auto stored = reader.cutByPackage(w.value(QStringLiteral("package")).toString());
            QVERIFY(stored.has_value());
            QCOMPARE(stored->cutTimeUtc, cutOf(w));
            if (seenToAppear(cutOf(w)))
                QVERIFY(stored->officialSeenUtc.isValid() && stored->difusorSeenUtc.isValid());
        }
        // Nothing went wrong meanwhile.
        QVERIFY(m_run.opened(QStringLiteral("late_cut"), t0).isEmpty());
        QVERIFY(m_run.opened(QStringLiteral("skipped_cut"), t0).isEmpty());
        QVERIFY(m_run.opened(QStringLiteral("cut_backwards"), t0).isEmpty());
    }

    // Late: no new cut for the interval + margin after the last arrival -> late_cut, closed when it lands.
    void lateCut()
    {
        const qint64 t0 = m_run.lastTruthT() + 1;
        FaultArgs args;
        args.delayS = 6;
        QVERIFY(m_run.inject(FaultKind::LateCut, args));
        QTRY_VERIFY_WITH_TIMEOUT(faultEnded(FaultKind::LateCut, t0), 15000);
        const QJsonObject end = faultRecord(QStringLiteral("fault_end"), FaultKind::LateCut, t0);
        QTRY_VERIFY_WITH_TIMEOUT(!m_run.opened(QStringLiteral("late_cut"), t0).isEmpty(), 2000);
        const AnnouncedIncident opened = m_run.opened(QStringLiteral("late_cut"), t0).first();
        // Opened at the rule's deadline: the last arrival before it + 3 s + 1.5 s.
        qint64 lastWritten = 0;
        for (const QJsonObject &w : eventsNamed(m_run.sandbox.truth(), QStringLiteral("cut_written"))) {
            if (tOf(w) < ms(opened.change.incident.opened))
                lastWritten = tOf(w);
        }
        const qint64 deadline = lastWritten + CutIntervalS * 1000 + 1500;
        QVERIFY2(std::llabs(ms(opened.change.incident.opened) - deadline) <= Tolerance, qPrintable(span(ms(opened.change.incident.opened), deadline)));
        QVERIFY2(ms(opened.announcedUtc) - ms(opened.change.incident.opened) <= 1500, qPrintable(span(ms(opened.announcedUtc), ms(opened.change.incident.opened))));
        QTRY_VERIFY_WITH_TIMEOUT(m_run.closedOf(opened) != nullptr, 3000);
        const qint64 closed = ms(m_run.closedOf(opened)->change.incident.closed);
        QVERIFY2(std::llabs(closed - tOf(end)) <= Tolerance, qPrintable(span(closed, tOf(end))));
        settle();
    }

    // Skipped: a gap in the cut times -> skipped_cut naming the missing cut, when the next one lands.
    void skippedCut()
    {
        const qint64 t0 = m_run.lastTruthT() + 1;
        QVERIFY(m_run.inject(FaultKind::SkippedCut));
        QTRY_VERIFY_WITH_TIMEOUT(faultEnded(FaultKind::SkippedCut, t0), 8000);
        const QDateTime skipped = cutOf(faultRecord(QStringLiteral("fault_end"), FaultKind::SkippedCut, t0));
        QVERIFY(skipped.isValid());
        QTRY_VERIFY_WITH_TIMEOUT(!m_run.opened(QStringLiteral("skipped_cut"), t0).isEmpty(), 8000);
        const AnnouncedIncident opened = m_run.opened(QStringLiteral("skipped_cut"), t0).first();
        QCOMPARE(QDateTime::fromString(opened.change.incident.subject, Qt::ISODateWithMs), skipped);
        // Revealed by the next cut: opened when it landed, a point incident.
        auto nextWritten = [&] {
            for (const QJsonObject &w : writtenSince(t0)) {
                if (cutOf(w) > skipped)
                    return tOf(w);
            }
            return qint64(-1);
        };
        QTRY_VERIFY_WITH_TIMEOUT(nextWritten() > 0, 3000); // logged when the push's rsync exits
        const qint64 next = nextWritten();
        QVERIFY2(std::llabs(ms(opened.change.incident.opened) - next) <= Tolerance, qPrintable(span(ms(opened.change.incident.opened), next)));
        QVERIFY(m_run.closedOf(opened) != nullptr);
        settle();
    }

    // Stale: cuts land but our page keeps the old one -> stale_site, closed when the page catches up.
    void staleSite()
    {
        // Start the hold just after our page showed a cut (no publication pending from before it).
        const qint64 tw = m_run.lastTruthT() + 1;
        QTRY_VERIFY_WITH_TIMEOUT(!eventsNamed(m_run.sandbox.truth(), QStringLiteral("cut_difusor_visible")).isEmpty()
                                     && tOf(eventsNamed(m_run.sandbox.truth(), QStringLiteral("cut_difusor_visible")).last()) >= tw,
                                 6000);
        const qint64 t0 = m_run.lastTruthT() + 1;
        FaultArgs args;
        args.durationS = 2 * CutIntervalS + 1;
        QVERIFY(m_run.inject(FaultKind::StaleSite, args));
        QTRY_VERIFY_WITH_TIMEOUT(!writtenSince(t0).isEmpty(), 6000);
        const qint64 landed = tOf(writtenSince(t0).first());
        QTRY_VERIFY_WITH_TIMEOUT(!m_run.opened(QStringLiteral("stale_site"), t0).isEmpty(), 5000);
        const AnnouncedIncident opened = m_run.opened(QStringLiteral("stale_site"), t0).first();
        QVERIFY2(std::llabs(ms(opened.change.incident.opened) - (landed + 1500)) <= Tolerance,
                 qPrintable(span(ms(opened.change.incident.opened), landed + 1500)));
        QTRY_VERIFY_WITH_TIMEOUT(faultEnded(FaultKind::StaleSite, t0), args.durationS * 1000 + 3000);
        QTRY_VERIFY_WITH_TIMEOUT(m_run.closedOf(opened) != nullptr, 4000);
        // Closed when our page showed the newest cut again (the hold end + the publish step).
        auto firstVisible = [&] {
            for (const QJsonObject &r : eventsNamed(m_run.sandbox.truth(), QStringLiteral("cut_difusor_visible"))) {
                if (tOf(r) >= landed)
                    return tOf(r);
            }
            return qint64(-1);
        };
        QTRY_VERIFY_WITH_TIMEOUT(firstVisible() > 0, 3000);
        const qint64 visible = firstVisible();
        const qint64 closed = ms(m_run.closedOf(opened)->change.incident.closed);
        QVERIFY2(std::llabs(closed - visible) <= Tolerance, qPrintable(span(closed, visible)));
        settle();
    }

    // Backwards: the IEPC pushes an earlier cut again -> cut_backwards, closed by the next newer cut.
    void backwardsCut()
    {
        const qint64 t0 = m_run.lastTruthT() + 1;
        QVERIFY(m_run.inject(FaultKind::BackwardsCut));
        QTRY_VERIFY_WITH_TIMEOUT(faultEnded(FaultKind::BackwardsCut, t0), 8000);
        const QDateTime back = cutOf(faultRecord(QStringLiteral("fault_end"), FaultKind::BackwardsCut, t0));
        qint64 landed = -1;
        QTRY_VERIFY_WITH_TIMEOUT((landed = [&] {
                                     for (const QJsonObject &w : writtenSince(t0))
                                         if (cutOf(w) == back)
                                             return tOf(w);
                                     return qint64(-1);
                                 }()) > 0,
                                 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_run.opened(QStringLiteral("cut_backwards"), t0).isEmpty(), 3000);
        const AnnouncedIncident opened = m_run.opened(QStringLiteral("cut_backwards"), t0).first();
        QCOMPARE(QDateTime::fromString(opened.change.incident.subject, Qt::ISODateWithMs), back);
        QVERIFY2(std::llabs(ms(opened.change.incident.opened) - landed) <= Tolerance, qPrintable(span(ms(opened.change.incident.opened), landed)));
        // Closed when a newer cut (with more actas) lands.
        QTRY_VERIFY_WITH_TIMEOUT(m_run.closedOf(opened) != nullptr, 8000);
        // (the watcher may see the file before the push's rsync exits, when cut_written is logged)
        auto nextWritten = [&] {
            for (const QJsonObject &w : writtenSince(landed + 1)) {
                if (cutOf(w) > back)
                    return tOf(w);
            }
            return qint64(-1);
        };
        QTRY_VERIFY_WITH_TIMEOUT(nextWritten() > 0, 3000);
        const qint64 next = nextWritten();
        const qint64 closed = ms(m_run.closedOf(opened)->change.incident.closed);
        QVERIFY2(std::llabs(closed - next) <= Tolerance, qPrintable(span(closed, next)));
        settle();
    }

    // Site down: our nginx stops -> site_unreachable (difusor), closed when it answers again.
    void siteDown()
    {
        const qint64 t0 = m_run.lastTruthT() + 1;
        FaultArgs args;
        args.durationS = 3;
        QVERIFY(m_run.inject(FaultKind::SiteDown, args));
        const qint64 start = tOf(faultRecord(QStringLiteral("fault_start"), FaultKind::SiteDown, t0));
        QTRY_VERIFY_WITH_TIMEOUT(!m_run.opened(QStringLiteral("site_unreachable"), t0, QStringLiteral("difusor")).isEmpty(), 3000);
        const AnnouncedIncident opened = m_run.opened(QStringLiteral("site_unreachable"), t0, QStringLiteral("difusor")).first();
        QVERIFY2(ms(opened.change.incident.opened) - start <= Tolerance && ms(opened.change.incident.opened) >= start,
                 qPrintable(span(ms(opened.change.incident.opened), start)));
        QTRY_VERIFY_WITH_TIMEOUT(faultEnded(FaultKind::SiteDown, t0), 8000);
        const qint64 end = tOf(faultRecord(QStringLiteral("fault_end"), FaultKind::SiteDown, t0));
        QTRY_VERIFY_WITH_TIMEOUT(m_run.closedOf(opened) != nullptr, 3000);
        const qint64 closed = ms(m_run.closedOf(opened)->change.incident.closed);
        QVERIFY2(closed >= end - 200 && closed - end <= Tolerance, qPrintable(span(closed, end)));
        QVERIFY(m_run.opened(QStringLiteral("site_unreachable"), t0, QStringLiteral("official")).isEmpty());
        settle();
    }

    // Clock skew: our page's times are off by 5 minutes -> clock_skew (difusor), closed when right again.
    void clockSkew()
    {
        const qint64 t0 = m_run.lastTruthT() + 1;
        FaultArgs args;
        args.offsetS = 300;
        args.durationS = 5;
        QVERIFY(m_run.inject(FaultKind::ClockSkew, args));
        QTRY_VERIFY_WITH_TIMEOUT(!m_run.opened(QStringLiteral("clock_skew"), t0, QStringLiteral("difusor")).isEmpty(), 5000);
        const AnnouncedIncident opened = m_run.opened(QStringLiteral("clock_skew"), t0, QStringLiteral("difusor")).first();
        // The first skewed page.
        auto firstSkewed = [&] {
            for (const QJsonObject &r : eventsNamed(m_run.sandbox.truth(), QStringLiteral("cut_difusor_visible"))) {
                if (tOf(r) >= t0 && r.contains(QStringLiteral("shown_cut")))
                    return tOf(r);
            }
            return qint64(-1);
        };
        QTRY_VERIFY_WITH_TIMEOUT(firstSkewed() > 0, 3000);
        const qint64 skewedShown = firstSkewed();
        QVERIFY2(std::llabs(ms(opened.change.incident.opened) - skewedShown) <= Tolerance,
                 qPrintable(span(ms(opened.change.incident.opened), skewedShown)));
        QVERIFY2(ms(opened.announcedUtc) - skewedShown <= 2000 + Tolerance, qPrintable(span(ms(opened.announcedUtc), skewedShown)));
        QTRY_VERIFY_WITH_TIMEOUT(faultEnded(FaultKind::ClockSkew, t0), 8000);
        const qint64 end = tOf(faultRecord(QStringLiteral("fault_end"), FaultKind::ClockSkew, t0));
        QTRY_VERIFY_WITH_TIMEOUT(m_run.closedOf(m_run.opened(QStringLiteral("clock_skew"), t0, QStringLiteral("difusor")).last()) != nullptr, 3000);
        const qint64 closed = ms(m_run.closedOf(m_run.opened(QStringLiteral("clock_skew"), t0, QStringLiteral("difusor")).last())->change.incident.closed);
        QVERIFY2(std::llabs(closed - end) <= Tolerance, qPrintable(span(closed, end)));
        // The skewed page never counted as a sighting of a real cut.
        QVERIFY(m_run.opened(QStringLiteral("clock_skew"), t0, QStringLiteral("server")).isEmpty());
        settle();
    }

    // The SSH connection is killed on the server: the host reconnects, the watcher lists the folder
    // again and reports the cuts that landed meanwhile as caught up (arrival from the file times).
    void killedConnectionCatchesUp()
    {
        const qint64 restarts = m_run.session->watcher()->restarts();
        QVERIFY(m_run.killSshSessions() > 0);
        QTRY_VERIFY_WITH_TIMEOUT(m_run.host->state() != difusor::remote::ConnectionState::Connected, 5000);
        // The host reconnects by itself and the watcher starts again.
        QTRY_VERIFY_WITH_TIMEOUT(m_run.host->state() == difusor::remote::ConnectionState::Connected, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(m_run.session->watcher()->restarts() > restarts, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(m_run.session->watcherState() == CutSession::WatcherState::Watching, 5000);
        // Now a longer outage, so that a cut lands while the link is down.
        const qint64 restarts2 = m_run.session->watcher()->restarts();
        const qint64 t0 = m_run.lastTruthT() + 1;
        m_run.host->disconnectFromHost();
        QTest::qWait(CutIntervalS * 1000 + 500);
        QVERIFY(!writtenSince(t0).isEmpty());
        const QList<QJsonObject> missed = writtenSince(t0);
        m_run.host->connectToHost();
        QTRY_VERIFY_WITH_TIMEOUT(m_run.host->state() == difusor::remote::ConnectionState::Connected, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(m_run.session->watcherState() == CutSession::WatcherState::Watching, 10000);
        QVERIFY(m_run.session->watcher()->restarts() > restarts2);
        for (const QJsonObject &w : missed) {
            const QDateTime cut = cutOf(w);
            QTRY_VERIFY_WITH_TIMEOUT(m_run.cut(cut) != nullptr, 5000);
            const difusor::store::CutRecord r = m_run.cut(cut)->record;
            QVERIFY(r.caughtUp);
            QVERIFY2(std::llabs(ms(r.arrivedConsoleUtc) - tOf(w)) <= Tolerance, qPrintable(span(ms(r.arrivedConsoleUtc), tOf(w))));
        }
        // And it goes on live.
        const qint64 t1 = m_run.lastTruthT() + 1;
        QTRY_VERIFY_WITH_TIMEOUT(!writtenSince(t1).isEmpty(), 6000);
        const QDateTime next = cutOf(writtenSince(t1).first());
        QTRY_VERIFY_WITH_TIMEOUT(m_run.cut(next) != nullptr, 3000);
        qInfo("after the reconnect: %s detected %+lld ms after written", qPrintable(m_run.cut(next)->record.package),
              ms(m_run.cut(next)->record.detectedUtc) - tOf(writtenSince(t1).first()));
        QVERIFY(!m_run.cut(next)->record.caughtUp);
        // Every cut the sandbox wrote is recorded exactly once in the store.
        difusor::store::Store reader;
        QVERIFY(reader.open(m_run.storePath));
        reader.setServer(m_run.serverStore.server());
        for (const QJsonObject &w : eventsNamed(m_run.sandbox.truth(), QStringLiteral("cut_written")))
            QVERIFY2(reader.cutByPackage(w.value(QStringLiteral("package")).toString()).has_value(),
                     qPrintable(w.value(QStringLiteral("package")).toString()));
    }

    // The console restarts (a new session on the same store): nothing recorded before is announced
    // again, the cuts that landed meanwhile are caught up, and the rules resume from the newest cut.
    void restartedSessionResumes()
    {
        m_run.session->stop();
        const qint64 t0 = m_run.lastTruthT() + 1;
        QTest::qWait(CutIntervalS * 1000 + 300);
        // The same profile on the same host key is the same server again.
        const difusor::store::ServerStore server =
            difusor::test::identifyServer(*m_run.store, m_run.profile.identityId(), m_run.host->hostKeyFingerprint());
        QCOMPARE(server.server(), m_run.serverStore.server());
        CutSession again(m_run.host.get(), m_run.profile, server);
        QList<difusor::store::CutRecord> recorded;
        connect(again.monitor(), &CutMonitor::cutRecorded, this,
                [&recorded](const difusor::store::CutRecord &r) { recorded << r; });
        again.start();
        QTRY_VERIFY_WITH_TIMEOUT(again.watcherState() == CutSession::WatcherState::Watching, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!recorded.isEmpty(), 5000);
        const QList<QJsonObject> missed = writtenSince(t0);
        QVERIFY(!missed.isEmpty());
        QCOMPARE(recorded.first().cutTimeUtc, cutOf(missed.first()));
        QVERIFY(recorded.first().caughtUp);
        QVERIFY(again.monitor()->rules().newestCut().isValid());
        QTest::qWait(CutIntervalS * 1000);
        for (const auto &r : recorded)
            QVERIFY2(ms(r.cutTimeUtc) >= ms(cutOf(missed.first())), qPrintable(r.package));
        again.stop();
    }

    void watchLineParsing()
    {
        const WatchLine p = parseWatchLine("P n1 dir 1717380000.123456789 42 abcd 20240602_2000_PREP_X/a b.csv", QStringLiteral("n1"));
        QCOMPARE(int(p.type), int(WatchLine::Type::Package));
        QCOMPARE(p.path, QStringLiteral("20240602_2000_PREP_X/a b.csv"));
        QCOMPARE(p.serverTime.toMSecsSinceEpoch(), 1717380000123LL);
        QCOMPARE(p.size, 42);
        QCOMPARE(int(parseWatchLine("P other dir 1 2 3 x", QStringLiteral("n1")).type), int(WatchLine::Type::Unknown));
        QCOMPARE(int(parseWatchLine("P n1 dir 1 2 3 ../x", QStringLiteral("n1")).type), int(WatchLine::Type::Unknown));
        QCOMPARE(int(parseWatchLine("T n1 1717380000", QStringLiteral("n1")).type), int(WatchLine::Type::Clock));
        QCOMPARE(int(parseWatchLine("garbage", QStringLiteral("n1")).type), int(WatchLine::Type::Unknown));
    }
};

QTEST_GUILESS_MAIN(TestCutSession)
#include "tst_cutsession.moc"
