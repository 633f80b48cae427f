#include "cuts/IncidentRules.h"
#include "common/Profile.h"
#include "store/Store.h"

#include "StoreSupport.h"
#include "TestEnv.h"

#include <QTemporaryDir>
#include <QTest>

using namespace difusor::cuts;

namespace {

// Election night clock: t(0) = 2024-06-03 02:00:00 UTC (20:00 Central).
const QDateTime kStart = QDateTime(QDate(2024, 6, 3), QTime(2, 0), Qt::UTC);
QDateTime t(double seconds)
{
    return kStart.addMSecs(qint64(seconds * 1000));
}
constexpr double kMin = 60.0;

CutEvent cut(double cutAt, double arrivedAt, std::optional<qint64> actas = std::nullopt)
{
    CutEvent e;
    e.cutUtc = t(cutAt);
    e.package = e.cutUtc.toString(QStringLiteral("yyyyMMdd_HHmm_'PREP'"));
    e.arrivedUtc = t(arrivedAt);
    e.actasCapturadas = actas;
    return e;
}

int count(const QList<IncidentChange> &changes, IncidentKind kind, IncidentChange::Type type)
{
    int n = 0;
    for (const IncidentChange &c : changes)
        n += (c.incident.kind == kind && c.type == type) ? 1 : 0;
    return n;
}

const Incident *find(const QList<IncidentChange> &changes, IncidentKind kind, IncidentChange::Type type)
{
    for (const IncidentChange &c : changes) {
        if (c.incident.kind == kind && c.type == type)
            return &c.incident;
    }
    return nullptr;
}

bool isOpen(const IncidentRules &rules, IncidentKind kind)
{
    for (const Incident &i : rules.openIncidents()) {
        if (i.kind == kind)
            return true;
    }
    return false;
}

using Type = IncidentChange::Type;

} // namespace

class TestIncidentRules final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lateCutOpensAfterIntervalPlusMarginAndClosesOnArrival()
    {
        IncidentRules rules; // 15 + 2 min
        QVERIFY(rules.cutArrived(cut(0, 30)).isEmpty());
        QVERIFY(rules.tick(t(30 + 17 * kMin - 1)).isEmpty());
        const auto opened = rules.tick(t(30 + 17 * kMin + 0.5));
        const Incident *late = find(opened, IncidentKind::LateCut, Type::Opened);
        QVERIFY(late);
        QCOMPARE(late->opened, t(30 + 17 * kMin));
        QVERIFY(rules.tick(t(30 + 20 * kMin)).isEmpty()); // opened once
        const auto closed = rules.cutArrived(cut(15 * kMin, 30 + 21 * kMin));
        const Incident *done = find(closed, IncidentKind::LateCut, Type::Closed);
        QVERIFY(done);
        QCOMPARE(done->closed, t(30 + 21 * kMin));
        QVERIFY(!isOpen(rules, IncidentKind::LateCut));
    }

    void noLateCutBeforeTheFirstCut()
    {
        IncidentRules rules;
        QVERIFY(rules.tick(t(3600)).isEmpty());
    }

    void lateCutHonoursProfileInterval()
    {
        difusor::Profile profile;
        profile.cutIntervalS = 60;
        profile.extra.insert(QStringLiteral("late_margin_s"), 10);
        IncidentRules rules(RuleConfig::fromProfile(profile));
        rules.cutArrived(cut(0, 1));
        QVERIFY(rules.tick(t(70.9)).isEmpty());
        QCOMPARE(count(rules.tick(t(71)), IncidentKind::LateCut, Type::Opened), 1);
    }

    // An unreadable package: a critical incident naming it and why, open until a readable package of
    // the same cut time comes; a later skipped-cut incident names its slot as unreadable.
    void unreadablePackageOpensUntilTheCutReads()
    {
        IncidentRules rules;
        rules.cutArrived(cut(0, 20));
        CutEvent broken = cut(15 * kMin, 15 * kMin + 20);
        broken.package += QStringLiteral("_DIP_LOC_DGO");
        const auto opened = rules.cutUnreadable(broken, QStringLiteral("El archivo está vacío."));
        const Incident *i = find(opened, IncidentKind::CutUnreadable, Type::Opened);
        QVERIFY(i);
        QCOMPARE(incidentKindId(i->kind), QStringLiteral("cut_unreadable"));
        QCOMPARE(i->subject, broken.package);
        QCOMPARE(i->opened, t(15 * kMin + 20));
        QVERIFY2(i->detail.contains(broken.package) && i->detail.contains(QStringLiteral("vacío")), qPrintable(i->detail));
        // The same package seen again while still broken: no second incident.
        QVERIFY(rules.cutUnreadable(broken, QStringLiteral("El archivo está vacío.")).isEmpty());

        // The next cut reads; the unreadable slot is said to be unreadable, not simply missing.
        const auto next = rules.cutArrived(cut(30 * kMin, 30 * kMin + 20));
        const Incident *skipped = find(next, IncidentKind::SkippedCut, Type::Opened);
        QVERIFY(skipped);
        QVERIFY2(skipped->detail.contains(QLatin1String("ilegible")) && skipped->detail.contains(broken.package),
                 qPrintable(skipped->detail));
        QVERIFY(isOpen(rules, IncidentKind::CutUnreadable)); // a newer cut does not fix this one

        // A readable package of the same cut time (here: the same package pushed again, fixed).
        CutEvent fixed = broken;
        fixed.arrivedUtc = t(31 * kMin);
        const auto closed = rules.cutArrived(fixed);
        const Incident *c = find(closed, IncidentKind::CutUnreadable, Type::Closed);
        QVERIFY(c);
        QCOMPARE(c->closed, t(31 * kMin));
        QVERIFY(!isOpen(rules, IncidentKind::CutUnreadable));
    }

    void unreadableWithoutACutTimeClosesOnlyWithItsPackage()
    {
        IncidentRules rules;
        CutEvent broken;
        broken.package = QStringLiteral("corte-raro");
        broken.arrivedUtc = t(10);
        QCOMPARE(count(rules.cutUnreadable(broken, QStringLiteral("x")), IncidentKind::CutUnreadable, Type::Opened), 1);
        QCOMPARE(count(rules.cutArrived(cut(0, 20)), IncidentKind::CutUnreadable, Type::Closed), 0);
        QVERIFY(isOpen(rules, IncidentKind::CutUnreadable));
    }

    void nameMismatchIsAPointWarning()
    {
        IncidentRules rules;
        CutEvent e = cut(45 * kMin, 45 * kMin + 20);
        e.package = QStringLiteral("20240602_2030_PREP_DIP_LOC_DGO");
        e.nameMismatch = QStringLiteral("El paquete no coincide");
        const auto changes = rules.cutArrived(e);
        const Incident *closed = find(changes, IncidentKind::CutNameMismatch, Type::Closed);
        QVERIFY(closed);
        QCOMPARE(incidentKindId(closed->kind), QStringLiteral("cut_name_mismatch"));
        QCOMPARE(closed->subject, e.package);
        QCOMPARE(closed->opened, closed->closed);
        QVERIFY(!isOpen(rules, IncidentKind::CutNameMismatch));
    }

    void skippedCutIsAPointIncident()
    {
        IncidentRules rules;
        rules.cutArrived(cut(0, 20));
        QVERIFY(rules.cutArrived(cut(15 * kMin, 15 * kMin + 20)).isEmpty()); // in sequence
        const auto changes = rules.cutArrived(cut(45 * kMin, 45 * kMin + 20)); // 30 missing
        const Incident *opened = find(changes, IncidentKind::SkippedCut, Type::Opened);
        const Incident *closed = find(changes, IncidentKind::SkippedCut, Type::Closed);
        QVERIFY(opened && closed);
        QCOMPARE(closed->opened, t(45 * kMin + 20));
        QCOMPARE(closed->closed, t(45 * kMin + 20));
        QVERIFY(closed->detail.contains(QLatin1String("1")));
        QCOMPARE(opened->subject, QStringLiteral("2024-06-03T02:30:00.000Z")); // the first missing slot
        QVERIFY(!isOpen(rules, IncidentKind::SkippedCut));
    }

    void lagOpensSixtySecondsAfterOfficialAndClosesWhenOursShowsIt()
    {
        IncidentRules rules;
        rules.siteShowed(Site::Official, t(0), t(10));
        rules.siteShowed(Site::Difusor, t(0), t(12));
        rules.siteShowed(Site::Official, t(15 * kMin), t(16 * kMin));      // official shows the new cut
        rules.siteShowed(Site::Difusor, t(0), t(16 * kMin + 59));           // ours still old
        QVERIFY(!isOpen(rules, IncidentKind::Lag));
        const auto opened = rules.tick(t(16 * kMin + 60.2));
        const Incident *lag = find(opened, IncidentKind::Lag, Type::Opened);
        QVERIFY(lag);
        QCOMPARE(lag->opened, t(16 * kMin + 60));
        const auto closed = rules.siteShowed(Site::Difusor, t(15 * kMin), t(16 * kMin + 75));
        QCOMPARE(find(closed, IncidentKind::Lag, Type::Closed)->closed, t(16 * kMin + 75));
    }

    void lagWithinSixtySecondsIsFine()
    {
        IncidentRules rules;
        rules.siteShowed(Site::Official, t(0), t(100));
        QVERIFY(rules.tick(t(159)).isEmpty());
        QVERIFY(rules.siteShowed(Site::Difusor, t(0), t(159.5)).isEmpty());
        QVERIFY(rules.tick(t(400)).isEmpty()); // judged: never raised later
    }

    void lagRevealedLateStillGetsTrueTimes()
    {
        // No tick between the official sighting and ours: the incident is opened and closed at once,
        // with the times the rule was broken and mended.
        IncidentRules rules;
        rules.siteShowed(Site::Official, t(0), t(100));
        const auto changes = rules.siteShowed(Site::Difusor, t(0), t(190));
        const Incident *closed = find(changes, IncidentKind::Lag, Type::Closed);
        QVERIFY(closed);
        QCOMPARE(closed->opened, t(160));
        QCOMPARE(closed->closed, t(190));
    }

    void configurableLag()
    {
        RuleConfig config;
        config.maxLagMs = 5000;
        IncidentRules rules(config);
        rules.siteShowed(Site::Official, t(0), t(100));
        QVERIFY(rules.tick(t(104.9)).isEmpty());
        QCOMPARE(count(rules.tick(t(105.1)), IncidentKind::Lag, Type::Opened), 1);
    }

    void staleSiteWhenDiskIsNewerForTooLong()
    {
        RuleConfig config;
        config.staleAfterMs = 90'000;
        IncidentRules rules(config);
        rules.cutArrived(cut(0, 20));
        rules.siteShowed(Site::Difusor, t(0), t(25));
        rules.cutArrived(cut(15 * kMin, 15 * kMin + 20));       // new cut on disk
        rules.siteShowed(Site::Difusor, t(0), t(15 * kMin + 60)); // site still old
        QVERIFY(rules.tick(t(15 * kMin + 20 + 89)).isEmpty());
        const auto opened = rules.tick(t(15 * kMin + 20 + 91));
        const Incident *stale = find(opened, IncidentKind::StaleSite, Type::Opened);
        QVERIFY(stale);
        QCOMPARE(stale->opened, t(15 * kMin + 20 + 90));
        const auto closed = rules.siteShowed(Site::Difusor, t(15 * kMin), t(15 * kMin + 200));
        QCOMPARE(find(closed, IncidentKind::StaleSite, Type::Closed)->closed, t(15 * kMin + 200));
    }

    void staleSiteNotRaisedWhileTheSiteIsDown()
    {
        IncidentRules rules;
        rules.cutArrived(cut(0, 20));
        rules.siteShowed(Site::Difusor, t(0), t(25));
        rules.cutArrived(cut(15 * kMin, 15 * kMin + 20));
        rules.siteFailed(Site::Difusor, SiteErrorKind::Unreachable, QStringLiteral("refused"), t(15 * kMin + 30));
        QVERIFY(!isOpen(rules, IncidentKind::StaleSite));
        rules.tick(t(30 * kMin));
        QVERIFY(!isOpen(rules, IncidentKind::StaleSite));
        QVERIFY(isOpen(rules, IncidentKind::SiteUnreachable));
    }

    void cutGoingBackwardsInTime()
    {
        IncidentRules rules;
        rules.cutArrived(cut(15 * kMin, 15 * kMin + 20));
        const auto changes = rules.cutArrived(cut(0, 15 * kMin + 40));
        QCOMPARE(count(changes, IncidentKind::CutBackwards, Type::Opened), 1);
        QCOMPARE(rules.newestCut(), t(15 * kMin)); // the old one does not become the newest
        const auto closed = rules.cutArrived(cut(30 * kMin, 30 * kMin + 20));
        QCOMPARE(find(closed, IncidentKind::CutBackwards, Type::Closed)->closed, t(30 * kMin + 20));
    }

    void cutGoingBackwardsInActas()
    {
        IncidentRules rules;
        rules.cutArrived(cut(0, 20, 100));
        QCOMPARE(count(rules.cutArrived(cut(15 * kMin, 15 * kMin + 20, 90)), IncidentKind::CutBackwards, Type::Opened), 1);
        // Still below the best seen: stays open; reaching it again closes.
        QVERIFY(rules.cutArrived(cut(30 * kMin, 30 * kMin + 20, 99)).isEmpty());
        QCOMPARE(count(rules.cutArrived(cut(45 * kMin, 45 * kMin + 20, 120)), IncidentKind::CutBackwards, Type::Closed), 1);
    }

    void samePackageAgainIsNothing()
    {
        IncidentRules rules;
        rules.cutArrived(cut(0, 20, 100));
        QVERIFY(rules.cutArrived(cut(0, 50, 100)).isEmpty());
    }

    void siteErrorsOpenAndCloseOnAnswer_data()
    {
        QTest::addColumn<int>("error");
        QTest::addColumn<int>("incident");
        QTest::newRow("unreachable") << int(SiteErrorKind::Unreachable) << int(IncidentKind::SiteUnreachable);
        QTest::newRow("http") << int(SiteErrorKind::Http) << int(IncidentKind::SiteHttpError);
        QTest::newRow("certificate") << int(SiteErrorKind::Certificate) << int(IncidentKind::Certificate);
        QTest::newRow("no cut") << int(SiteErrorKind::NoCut) << int(IncidentKind::SiteNoCut);
    }
    void siteErrorsOpenAndCloseOnAnswer()
    {
        QFETCH(int, error);
        QFETCH(int, incident);
        const auto kind = IncidentKind(incident);
        IncidentRules rules;
        const auto opened = rules.siteFailed(Site::Official, SiteErrorKind(error), QStringLiteral("x"), t(5));
        const Incident *i = find(opened, kind, Type::Opened);
        QVERIFY(i);
        QCOMPARE(i->subject, QStringLiteral("official"));
        QCOMPARE(i->opened, t(5));
        QVERIFY(rules.siteFailed(Site::Official, SiteErrorKind(error), QStringLiteral("x"), t(10)).isEmpty());
        // The other site answering does not close it.
        QCOMPARE(count(rules.siteShowed(Site::Difusor, t(0), t(11)), kind, Type::Closed), 0);
        const auto closed = rules.siteShowed(Site::Official, t(0), t(12));
        QCOMPARE(find(closed, kind, Type::Closed)->closed, t(12));
    }

    void ourSiteAnsweringFollowsOnlyOurUnreachableIncident()
    {
        IncidentRules rules;
        auto answers = [](const QList<IncidentChange> &changes) {
            std::optional<bool> last;
            for (const IncidentChange &c : changes) {
                if (const auto a = ourSiteAnswers(c))
                    last = a;
            }
            return last;
        };
        // The official site down, or ours answering with an error: the traffic rules hear nothing.
        QCOMPARE(answers(rules.siteFailed(Site::Official, SiteErrorKind::Unreachable, QStringLiteral("refused"), t(1))),
                 std::nullopt);
        QCOMPARE(answers(rules.siteFailed(Site::Difusor, SiteErrorKind::Http, QStringLiteral("503"), t(2))), std::nullopt);
        // Ours unreachable: not answering; back: answering again.
        QCOMPARE(answers(rules.siteFailed(Site::Difusor, SiteErrorKind::Unreachable, QStringLiteral("refused"), t(3))),
                 std::optional<bool>(false));
        QCOMPARE(answers(rules.siteShowed(Site::Difusor, t(0), t(9))), std::optional<bool>(true));
    }

    void siteErrorKindChangeSwapsIncidents()
    {
        RuleConfig config;
        config.siteFailuresToOpen = 2;
        IncidentRules rules(config);
        QVERIFY(rules.siteFailed(Site::Difusor, SiteErrorKind::Http, QStringLiteral("503"), t(1)).isEmpty());
        QCOMPARE(count(rules.siteFailed(Site::Difusor, SiteErrorKind::Http, QStringLiteral("503"), t(2)),
                       IncidentKind::SiteHttpError, Type::Opened), 1);
        const auto swap = rules.siteFailed(Site::Difusor, SiteErrorKind::Unreachable, QStringLiteral("refused"), t(3));
        QCOMPARE(count(swap, IncidentKind::SiteHttpError, Type::Closed), 1);
        QCOMPARE(count(swap, IncidentKind::SiteUnreachable, Type::Opened), 1);
    }

    void clockSkew()
    {
        IncidentRules rules;
        CutEvent e = cut(0, 20);
        e.arrivedServerUtc = t(20 + 42); // server clock 42 s ahead
        QCOMPARE(count(rules.cutArrived(e), IncidentKind::ClockSkew, Type::Opened), 1);
        CutEvent next = cut(15 * kMin, 15 * kMin + 20);
        next.arrivedServerUtc = t(15 * kMin + 20.3);
        QCOMPARE(count(rules.cutArrived(next), IncidentKind::ClockSkew, Type::Closed), 1);
        // A cut stamped in the future (publisher clock ahead).
        QCOMPARE(count(rules.cutArrived(cut(40 * kMin, 30 * kMin + 20)), IncidentKind::ClockSkew, Type::Opened), 1);
    }

    // Our site shows a cut time that is neither on our disk nor on the official site (its clock is off):
    // opened (at the first such poll) once it lasts 2 s, closed when it shows a real cut again.
    void siteShowingAnUnknownCutIsClockSkew()
    {
        IncidentRules rules;
        rules.cutArrived(cut(0, 20));
        rules.siteShowed(Site::Official, t(0), t(10));
        rules.siteShowed(Site::Difusor, t(0), t(21));
        QVERIFY(!isOpen(rules, IncidentKind::ClockSkew));
        // Shows 20:05 (5 minutes off): nothing before the grace, then opened at the first sighting.
        QCOMPARE(count(rules.siteShowed(Site::Difusor, t(5 * kMin), t(30)), IncidentKind::ClockSkew, Type::Opened), 0);
        QCOMPARE(count(rules.siteShowed(Site::Difusor, t(5 * kMin), t(31)), IncidentKind::ClockSkew, Type::Opened), 0);
        const auto opened = rules.siteShowed(Site::Difusor, t(5 * kMin), t(32.1));
        QCOMPARE(count(opened, IncidentKind::ClockSkew, Type::Opened), 1);
        QCOMPARE(find(opened, IncidentKind::ClockSkew, Type::Opened)->opened, t(30));
        QCOMPARE(find(opened, IncidentKind::ClockSkew, Type::Opened)->subject, QStringLiteral("difusor"));
        const auto closed = rules.siteShowed(Site::Difusor, t(0), t(40));
        QCOMPARE(count(closed, IncidentKind::ClockSkew, Type::Closed), 1);
        // A new cut our site shows just before the watcher reports it (the official showed it): fine.
        rules.siteShowed(Site::Official, t(15 * kMin), t(15 * kMin + 5));
        QCOMPARE(count(rules.siteShowed(Site::Difusor, t(15 * kMin), t(15 * kMin + 8)), IncidentKind::ClockSkew, Type::Opened), 0);
        QCOMPARE(count(rules.tick(t(15 * kMin + 12)), IncidentKind::ClockSkew, Type::Opened), 0);
    }

    // The sandbox: a real interval of seconds, cut times 15 minutes apart (cut_step_s).
    void cutStepApartFromTheInterval()
    {
        difusor::Profile profile;
        profile.cutIntervalS = 3;
        profile.extra.insert(QStringLiteral("sandbox"), true);
        RuleConfig config = RuleConfig::fromProfile(profile);
        QCOMPARE(config.cutIntervalMs, 3000);
        QCOMPARE(config.cutStepMs, 15 * 60 * 1000);
        profile.extra.insert(QStringLiteral("cut_step_s"), 600);
        QCOMPARE(RuleConfig::fromProfile(profile).cutStepMs, 600 * 1000);
        IncidentRules rules(config);
        rules.cutArrived(cut(0, 1));
        QCOMPARE(count(rules.cutArrived(cut(15 * kMin, 4)), IncidentKind::SkippedCut, Type::Opened), 0);
        QCOMPARE(count(rules.cutArrived(cut(45 * kMin, 7)), IncidentKind::SkippedCut, Type::Opened), 1);
        // Late after 3 s + the default 2 min margin, in real time.
        QCOMPARE(count(rules.tick(t(7 + 122)), IncidentKind::LateCut, Type::Opened), 0);
        QCOMPARE(count(rules.tick(t(7 + 123.5)), IncidentKind::LateCut, Type::Opened), 1);
    }

};

QTEST_GUILESS_MAIN(TestIncidentRules)
#include "tst_incidentrules.moc"
