// `difusor-console watch` in-process against the real sandbox difusor over SSH: JSON lines for cuts
// (compared with the ground truth), incidents (a site-down fault during the run) and traffic periods.
#include "SandboxFixture.h"
#include "TestEnv.h"

#include "cuts/WatchCommand.h"
#include "store/Store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cmath>

#include <functional>

using namespace difusor::test;
using namespace difusor::sandbox;

class TestWatchCommand final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void usageErrors()
    {
        QCOMPARE(difusor::cuts::runWatchCommand({}), 2);
        QCOMPARE(difusor::cuts::runWatchCommand({QStringLiteral("--profile")}), 2);
        QCOMPARE(difusor::cuts::runWatchCommand({QStringLiteral("--profile"), QStringLiteral("/nonexistent.json")}), 2);
        QCOMPARE(difusor::cuts::runWatchCommand({QStringLiteral("--profile"), QStringLiteral("x"), QStringLiteral("--format"),
                                                 QStringLiteral("xml")}),
                 2);
    }

    void jsonLinesAgainstTheSandbox()
    {
        DIFUSOR_REQUIRE_PROGRAM(sshd, "sshd");
        DIFUSOR_REQUIRE_PROGRAM(nginx, "nginx");
        DIFUSOR_REQUIRE_PROGRAM(rsync, "rsync");
        SandboxRun run;
        SandboxOptions options;
        options.cutIntervalS = 3;
        options.visitorsPerSecond = 10;
        options.pushDelayMs = 400;
        options.publishDelayMs = 300;
        QVERIFY2(run.start(options), qPrintable(run.error));

        QTemporaryDir dir(tempTemplate());
        difusor::Profile profile = run.sandbox->profile();
        profile.extra.insert(QStringLiteral("poll_interval_ms"), 250);
        profile.extra.insert(QStringLiteral("fast_poll_interval_ms"), 150);
        const QString profilePath = dir.filePath(QStringLiteral("perfil.json"));
        QString error;
        QVERIFY2(profile.save(profilePath, &error), qPrintable(error));
        const QString out = dir.filePath(QStringLiteral("watch.jsonl"));
        const QString store = dir.filePath(QStringLiteral("watch.sqlite"));

        // A site-down fault in the middle of the run (the command runs the event loop).
        const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
        QTimer::singleShot(4000, run.sandbox.get(), [&run] {
            FaultArgs args;
            args.durationS = 2;
            run.sandbox->injectFault(FaultKind::SiteDown, args);
        });
        const int code = difusor::cuts::runWatchCommand(
            {QStringLiteral("--profile"), profilePath, QStringLiteral("--duration"), QStringLiteral("12"),
             QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--store"), store, QStringLiteral("--output"), out,
             QStringLiteral("--traffic-period"), QStringLiteral("2"), QStringLiteral("--cut-wait"), QStringLiteral("3")});
        QCOMPARE(code, 0);
        const QList<QJsonObject> truth = run.truth();
        // While the site is down nobody sees a cut the sandbox already published: it becomes visible when nginx is back.
        qint64 downFrom = -1, downTo = -1;
        for (const QJsonObject &r : truth) {
            const QString event = r.value(QStringLiteral("event")).toString();
            if (event == QLatin1String("fault_start") && r.value(QStringLiteral("kind")).toString() == QLatin1String("site_down"))
                downFrom = r.value(QStringLiteral("t")).toInteger();
            else if (event == QLatin1String("fault_end") && r.value(QStringLiteral("kind")).toString() == QLatin1String("site_down"))
                downTo = r.value(QStringLiteral("t")).toInteger();
        }
        QVERIFY2(downFrom > 0 && downTo > downFrom, "the site-down fault is in the ground truth");

        // The same for people: Central Mexico time with the zone written (a fresh store: cuts caught up;
        // 6 s leave room for the connection and the catch-up on a loaded machine). With the default 60 s
        // traffic period no period ends in the run: the one cut short at the end is printed, as text.
        const QString textOut = dir.filePath(QStringLiteral("watch.txt"));
        QCOMPARE(difusor::cuts::runWatchCommand({QStringLiteral("--profile"), profilePath, QStringLiteral("--duration"),
                                                 QStringLiteral("6"), QStringLiteral("--store"),
                                                 dir.filePath(QStringLiteral("text.sqlite")), QStringLiteral("--output"), textOut,
                                                 QStringLiteral("--cut-wait"), QStringLiteral("1")}),
                 0);
        run.stop();
        QFile text(textOut);
        QVERIFY(text.open(QIODevice::ReadOnly));
        const QString printed = QString::fromUtf8(text.readAll());
        qInfo("%s", qPrintable(printed.left(600)));
        QVERIFY2(printed.contains(QLatin1String("Corte ")) && printed.contains(QLatin1String("(UTC-6)")), qPrintable(printed));
        QVERIFY(!printed.contains(QLatin1String("\"type\"")));
        QVERIFY2(printed.contains(QStringLiteral("Tráfico desde ")) && printed.contains(QLatin1String("(parcial, hasta ")),
                 qPrintable(printed));

        const QList<QJsonObject> lines = readJsonLines(out);
        QVERIFY(!lines.isEmpty());
        for (const QJsonObject &line : lines)
            qInfo("%s", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
        int liveCuts = 0, incidentsOpened = 0, incidentsClosed = 0, traffic = 0, consoleRequests = 0;
        QJsonObject lastTraffic;
        for (const QJsonObject &line : lines) {
            const QString type = line.value(QStringLiteral("type")).toString();
            if (type == QLatin1String("cut")) {
                for (const char *key : {"cut_time", "arrived_at", "detected_at", "official_seen_at", "difusor_seen_at", "lag_s"})
                    QVERIFY2(line.contains(QLatin1String(key)), key);
                const QDateTime cut = QDateTime::fromString(line.value(QStringLiteral("cut_time")).toString(), Qt::ISODateWithMs);
                QVERIFY(cut.isValid());
                if (line.value(QStringLiteral("caught_up")).toBool())
                    continue;
                ++liveCuts;
                qint64 written = -1, official = -1, difusor = -1;
                for (const QJsonObject &r : truth) {
                    if (cutOf(r) != cut)
                        continue;
                    const QString event = r.value(QStringLiteral("event")).toString();
                    const qint64 t = r.value(QStringLiteral("t")).toInteger();
                    if (event == QLatin1String("cut_written") && written < 0)
                        written = t;
                    else if (event == QLatin1String("cut_official_visible") && official < 0)
                        official = t;
                    else if (event == QLatin1String("cut_difusor_visible") && difusor < 0)
                        difusor = t;
                }
                QVERIFY(written > 0);
                const qint64 detected = QDateTime::fromString(line.value(QStringLiteral("detected_at")).toString(), Qt::ISODateWithMs)
                                            .toMSecsSinceEpoch();
                QVERIFY2(std::llabs(detected - written) <= 1000, qPrintable(QString::number(detected - written)));
                if (line.value(QStringLiteral("lag_s")).isDouble() && official > 0 && difusor > 0) {
                    const double lag = line.value(QStringLiteral("lag_s")).toDouble();
                    // A cut published just before the site went down may be missed by the poll (it is then seen when
                    // the site is back); one published while the site is down is seen when it is back.
                    const double low = double(difusor - official) / 1000.0 - 1.0;
                    double high = double(difusor - official) / 1000.0 + 1.0;
                    if (difusor >= downFrom - 1000 && difusor < downTo)
                        high = double(downTo - official) / 1000.0 + 1.0;
                    if (difusor >= downFrom && difusor < downTo)
                        QVERIFY2(lag >= double(downTo - official) / 1000.0 - 1.0, qPrintable(QString::number(lag)));
                    QVERIFY2(lag >= low && lag <= high, qPrintable(QStringLiteral("lag %1 s, expected %2..%3 s").arg(lag).arg(low).arg(high)));
                }
            } else if (type == QLatin1String("incident")) {
                QVERIFY(line.value(QStringLiteral("opened_at")).isString());
                QVERIFY(line.contains(QStringLiteral("closed_at")) && line.contains(QStringLiteral("detail")));
                if (line.value(QStringLiteral("kind")).toString() == QLatin1String("site_unreachable")) {
                    incidentsOpened += line.value(QStringLiteral("closed_at")).isNull();
                    incidentsClosed += line.value(QStringLiteral("closed_at")).isString();
                    const qint64 opened = QDateTime::fromString(line.value(QStringLiteral("opened_at")).toString(), Qt::ISODateWithMs)
                                              .toMSecsSinceEpoch();
                    QVERIFY(opened >= startMs + 3500);
                }
            } else if (type == QLatin1String("traffic")) {
                ++traffic;
                // UTC with Z, as the cut times; the console's own polls counted apart, never as hits.
                QVERIFY(line.value(QStringLiteral("period")).toString().endsWith(QLatin1Char('Z')));
                QVERIFY(QDateTime::fromString(line.value(QStringLiteral("period")).toString(), Qt::ISODateWithMs).isValid());
                consoleRequests += line.value(QStringLiteral("console_requests")).toInt();
                lastTraffic = line;
            }
        }
        QVERIFY2(liveCuts >= 2, qPrintable(QString::number(liveCuts)));
        QCOMPARE(incidentsOpened, 1);
        QCOMPARE(incidentsClosed, 1);
        QVERIFY2(traffic >= 2, qPrintable(QString::number(traffic)));
        QVERIFY2(lastTraffic.value(QStringLiteral("partial")).toBool(), "the period open at the end is printed, partial");
        QVERIFY2(consoleRequests > 0, "the lag probe's polls of our site are counted as the console's");

        // Everything printed is in the command's store.
        difusor::store::Store reader;
        QVERIFY(reader.open(store));
        QCOMPARE(reader.servers().size(), 1);
        reader.setServer(reader.servers().first().id);
        QVERIFY(reader.cuts().size() >= liveCuts);
        QVERIFY(!reader.incidents().isEmpty());
    }

    // On a fresh store: cuts already on both sites when watching starts have no measured lag (null, never
    // a fabricated 0) and print oldest first; a corrupt package dropped into the publication folder gives a
    // cut_unreadable incident line within 10 s, and is kept in the store.
    void unreadablePackageAndCatchUp()
    {
        DIFUSOR_REQUIRE_PROGRAM(sshd, "sshd");
        DIFUSOR_REQUIRE_PROGRAM(nginx, "nginx");
        DIFUSOR_REQUIRE_PROGRAM(rsync, "rsync");
        SandboxRun run;
        SandboxOptions options;
        options.cutIntervalS = 2;
        options.visitorsPerSecond = 1;
        options.pushDelayMs = 200;
        options.publishDelayMs = 200;
        QVERIFY2(run.start(options), qPrintable(run.error));
        // Several cuts published on both sites before watching starts.
        QTRY_VERIFY_WITH_TIMEOUT(eventsNamed(run.truth(), QStringLiteral("cut_difusor_visible")).size() >= 3, 20000);

        QTemporaryDir dir(tempTemplate());
        difusor::Profile profile = run.sandbox->profile();
        profile.extra.insert(QStringLiteral("poll_interval_ms"), 250);
        profile.extra.insert(QStringLiteral("fast_poll_interval_ms"), 150);
        const QString profilePath = dir.filePath(QStringLiteral("perfil.json"));
        QString error;
        QVERIFY2(profile.save(profilePath, &error), qPrintable(error));
        const QString out = dir.filePath(QStringLiteral("watch.jsonl"));
        const QString store = dir.filePath(QStringLiteral("watch.sqlite"));

        // Random bytes under a valid package name (a past slot's time, an election of its own), dropped
        // 3 s in; the output file is read every 100 ms to see when the incident line is printed.
        const QString package = QStringLiteral("20240602_1900_PREP_PRUEBA_DGO");
        qint64 droppedMs = -1, printedMs = -1;
        QTimer::singleShot(3000, this, [&] {
            QByteArray junk(4096, '\0');
            for (int i = 0; i < junk.size(); ++i)
                junk[i] = char((i * 7919) & 0xff);
            const QString folder = QDir(profile.publicationDir).filePath(package);
            QDir().mkpath(folder);
            QFile f(folder + QStringLiteral("/DGO_PRUEBA_2024.csv"));
            if (f.open(QIODevice::WriteOnly))
                f.write(junk);
            droppedMs = QDateTime::currentMSecsSinceEpoch();
        });
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&] {
            QFile f(out);
            if (printedMs < 0 && f.open(QIODevice::ReadOnly) && f.readAll().contains("\"cut_unreadable\""))
                printedMs = QDateTime::currentMSecsSinceEpoch();
        });
        poll.start(100);
        const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
        const int code = difusor::cuts::runWatchCommand(
            {QStringLiteral("--profile"), profilePath, QStringLiteral("--duration"), QStringLiteral("14"),
             QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--store"), store, QStringLiteral("--output"), out,
             QStringLiteral("--traffic-period"), QStringLiteral("0"), QStringLiteral("--cut-wait"), QStringLiteral("3")});
        poll.stop();
        QCOMPARE(code, 0);
        const QList<QJsonObject> truth = run.truth();
        run.stop();

        const QList<QJsonObject> lines = readJsonLines(out);
        for (const QJsonObject &line : lines)
            qInfo("%s", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
        QVERIFY(droppedMs > 0);
        QVERIFY2(printedMs > 0 && printedMs - droppedMs <= 10000,
                 qPrintable(QStringLiteral("printed %1 ms after the drop").arg(printedMs - droppedMs)));
        bool incident = false;
        for (const QJsonObject &line : lines) {
            if (line.value(QStringLiteral("type")).toString() == QLatin1String("incident")
                && line.value(QStringLiteral("kind")).toString() == QLatin1String("cut_unreadable")) {
                incident = true;
                QCOMPARE(line.value(QStringLiteral("subject")).toString(), package);
                QVERIFY(line.value(QStringLiteral("detail")).toString().contains(package));
                QVERIFY(line.value(QStringLiteral("closed_at")).isNull());
            }
            QVERIFY2(line.value(QStringLiteral("package")).toString() != package, "no cut line for an unreadable package");
        }
        QVERIFY(incident);

        // When each cut became visible on each site (ground truth).
        auto visibleAt = [&truth](const QDateTime &cut, const char *event) {
            for (const QJsonObject &r : truth) {
                if (cutOf(r) == cut && r.value(QStringLiteral("event")).toString() == QLatin1String(event))
                    return r.value(QStringLiteral("t")).toInteger();
            }
            return qint64(-1);
        };
        QDateTime previous;
        int unmeasured = 0;
        for (const QJsonObject &line : lines) {
            if (line.value(QStringLiteral("type")).toString() != QLatin1String("cut"))
                continue;
            const QDateTime cut = QDateTime::fromString(line.value(QStringLiteral("cut_time")).toString(), Qt::ISODateWithMs);
            QVERIFY2(!previous.isValid() || cut >= previous, "cuts print oldest first");
            previous = cut;
            const qint64 official = visibleAt(cut, "cut_official_visible");
            const qint64 ours = visibleAt(cut, "cut_difusor_visible");
            const bool bothBefore = official > 0 && ours > 0 && official < startMs && ours < startMs;
            if (bothBefore) {
                // Already on both sites when watching started: not measured.
                QVERIFY2(line.value(QStringLiteral("lag_s")).isNull(), qPrintable(line.value(QStringLiteral("cut_time")).toString()));
                QVERIFY(line.value(QStringLiteral("official_seen_at")).isNull() || line.value(QStringLiteral("difusor_seen_at")).isNull());
                ++unmeasured;
            }
            if (line.value(QStringLiteral("lag_s")).isDouble()) { // measured only when seen to appear
                QVERIFY2(official >= startMs - 1000 && ours >= startMs - 1000,
                         qPrintable(line.value(QStringLiteral("cut_time")).toString()));
                // Stated with its bound, and the ground truth is within it (40 ms: the publisher's own
                // clock reads around its writes).
                QVERIFY(line.value(QStringLiteral("lag_uncertainty_s")).isDouble());
                const double bound = line.value(QStringLiteral("lag_uncertainty_s")).toDouble();
                const double trueLag = double(ours - official) / 1000.0;
                qInfo("lag %.3f s ± %.3f s, true %.3f s", line.value(QStringLiteral("lag_s")).toDouble(), bound, trueLag);
                QVERIFY2(std::abs(line.value(QStringLiteral("lag_s")).toDouble() - trueLag) <= bound + 0.04,
                         qPrintable(QString::number(trueLag)));
            } else {
                QVERIFY(line.value(QStringLiteral("lag_uncertainty_s")).isNull());
            }
        }
        QVERIFY2(unmeasured >= 1, "the cut on both sites at start was printed");

        // Kept in the store, marked unreadable.
        difusor::store::Store reader;
        QVERIFY(reader.open(store));
        reader.setServer(reader.servers().first().id);
        const auto kept = reader.cutByPackage(package);
        QVERIFY(kept.has_value());
        QVERIFY(!kept->unreadable.isEmpty());
        bool stored = false;
        for (const auto &i : reader.incidents())
            stored = stored || (i.kind == QLatin1String("cut_unreadable") && i.subject == package);
        QVERIFY(stored);
    }

    // Wrong paths fail loudly: a missing publication_dir and an access_log that is a folder each give an
    // "error" line naming the path within 10 s, and the run ends with 1; a log that appears during the
    // run gives a "recovered" line, and a run that could watch everything in the end ends with 0.
    void wrongPathsFailLoudly()
    {
        DIFUSOR_REQUIRE_PROGRAM(sshd, "sshd");
        DIFUSOR_REQUIRE_PROGRAM(nginx, "nginx");
        DIFUSOR_REQUIRE_PROGRAM(rsync, "rsync");
        SandboxRun run;
        SandboxOptions options;
        options.cutIntervalS = 60;
        options.visitorsPerSecond = 1;
        QVERIFY2(run.start(options), qPrintable(run.error));
        QTemporaryDir dir(tempTemplate());
        const difusor::Profile good = run.sandbox->profile();

        auto watch = [&](const difusor::Profile &profile, const QString &name, int seconds, const std::function<void()> &during,
                         QList<QJsonObject> *lines, QHash<QString, qint64> *errorAfterMs) {
            const QString profilePath = dir.filePath(name + QStringLiteral(".json"));
            QString error;
            if (!profile.save(profilePath, &error))
                qFatal("%s", qPrintable(error));
            const QString out = dir.filePath(name + QStringLiteral(".jsonl"));
            const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
            QTimer poll;
            connect(&poll, &QTimer::timeout, this, [&] {
                QFile f(out);
                if (!f.open(QIODevice::ReadOnly))
                    return;
                for (const QByteArray &l : f.readAll().split('\n')) {
                    const QJsonObject o = QJsonDocument::fromJson(l).object();
                    if (o.value(QStringLiteral("type")).toString() == QLatin1String("error")) {
                        const QString subject = o.value(QStringLiteral("subject")).toString();
                        if (!errorAfterMs->contains(subject))
                            errorAfterMs->insert(subject, QDateTime::currentMSecsSinceEpoch() - startMs);
                    }
                    // The watch_failed incident line, timed apart ("incident:<subject>").
                    if (o.value(QStringLiteral("type")).toString() == QLatin1String("incident")
                        && o.value(QStringLiteral("kind")).toString() == QLatin1String("watch_failed")) {
                        const QString key = QStringLiteral("incident:") + o.value(QStringLiteral("subject")).toString();
                        if (!errorAfterMs->contains(key))
                            errorAfterMs->insert(key, QDateTime::currentMSecsSinceEpoch() - startMs);
                    }
                }
            });
            poll.start(100);
            if (during)
                QTimer::singleShot(4000, this, during);
            const int code = difusor::cuts::runWatchCommand(
                {QStringLiteral("--profile"), profilePath, QStringLiteral("--duration"), QString::number(seconds),
                 QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--store"), dir.filePath(name + QStringLiteral(".sqlite")),
                 QStringLiteral("--output"), out, QStringLiteral("--traffic-period"), QStringLiteral("2")});
            *lines = readJsonLines(out);
            for (const QJsonObject &l : std::as_const(*lines))
                if (l.value(QStringLiteral("type")).toString() != QLatin1String("cut"))
                    qInfo("%s", QJsonDocument(l).toJson(QJsonDocument::Compact).constData());
            return code;
        };

        // 1. No such publication folder; the access log is a folder.
        difusor::Profile wrong = good;
        wrong.publicationDir = good.publicationDir + QStringLiteral("-no-existe");
        wrong.accessLog = QFileInfo(good.accessLog).absolutePath();
        QList<QJsonObject> lines;
        QHash<QString, qint64> errorAfter;
        QCOMPARE(watch(wrong, QStringLiteral("wrong"), 7, {}, &lines, &errorAfter), 1);
        QVERIFY2(errorAfter.value(QStringLiteral("publication_dir"), 99999) <= 10000, "publication_dir error within 10 s");
        QVERIFY2(errorAfter.value(QStringLiteral("access_log"), 99999) <= 10000, "access_log error within 10 s");
        for (const QJsonObject &l : std::as_const(lines)) {
            const QString type = l.value(QStringLiteral("type")).toString();
            if (type == QLatin1String("error")) {
                const QString subject = l.value(QStringLiteral("subject")).toString();
                const QString path = subject == QLatin1String("publication_dir") ? wrong.publicationDir : wrong.accessLog;
                QCOMPARE(l.value(QStringLiteral("path")).toString(), path);
                QVERIFY(l.value(QStringLiteral("reason")).toString().contains(path));
            }
            // Nothing pretends to be measured: no traffic period from a log never read.
            QVERIFY(type != QLatin1String("traffic"));
        }
        // Each is a watch_failed incident too (the GUI's incident log shows the same), within 10 s, naming
        // the path; still open at the end (nothing recovered).
        QVERIFY2(errorAfter.value(QStringLiteral("incident:publication_dir"), 99999) <= 10000, "publication_dir incident within 10 s");
        QVERIFY2(errorAfter.value(QStringLiteral("incident:access_log"), 99999) <= 10000, "access_log incident within 10 s");
        QCOMPARE(errorAfter.size(), 4);
        QStringList openWatchIncidents;
        for (const QJsonObject &l : std::as_const(lines)) {
            if (l.value(QStringLiteral("type")).toString() != QLatin1String("incident")
                || l.value(QStringLiteral("kind")).toString() != QLatin1String("watch_failed"))
                continue;
            const QString subject = l.value(QStringLiteral("subject")).toString();
            const QString path = subject == QLatin1String("publication_dir") ? wrong.publicationDir : wrong.accessLog;
            QVERIFY2(l.value(QStringLiteral("detail")).toString().contains(path), qPrintable(l.value(QStringLiteral("detail")).toString()));
            QCOMPARE(l.value(QStringLiteral("severity")).toString(), QStringLiteral("major"));
            openWatchIncidents << subject;
        }
        difusor::store::Store reader;
        QVERIFY(reader.open(dir.filePath(QStringLiteral("wrong.sqlite"))));
        reader.setServer(reader.servers().first().id);
        QStringList stored;
        for (const auto &i : reader.incidents())
            if (i.kind == QLatin1String("watch_failed") && i.isOpen())
                stored << i.subject;
        stored.sort();
        QCOMPARE(stored, (QStringList{QStringLiteral("access_log"), QStringLiteral("publication_dir")}));
        reader.close();

        // 2. The access log does not exist at first and appears 4 s in: an error, then "recovered", and the
        // run ends with 0 (everything was watched in the end).
        difusor::Profile late = good;
        late.accessLog = dir.filePath(QStringLiteral("later.log"));
        errorAfter.clear();
        const int code = watch(late, QStringLiteral("late"), 8, [&late] {
            QFile f(late.accessLog);
            if (f.open(QIODevice::WriteOnly))
                f.write("127.0.0.1 - - [04/Dec/2026:17:51:20 -0600] \"GET / HTTP/1.1\" 200 10 \"-\" \"curl\"\n");
        }, &lines, &errorAfter);
        QCOMPARE(code, 0);
        QVERIFY(errorAfter.value(QStringLiteral("access_log"), 99999) <= 10000);
        bool recovered = false;
        for (const QJsonObject &l : std::as_const(lines))
            recovered = recovered || (l.value(QStringLiteral("type")).toString() == QLatin1String("recovered")
                                      && l.value(QStringLiteral("path")).toString() == late.accessLog);
        QVERIFY(recovered);
        // The access_log incident was raised, then resolved when the log appeared.
        QVERIFY(errorAfter.value(QStringLiteral("incident:access_log"), 99999) <= 10000);
        difusor::store::Store lateReader;
        QVERIFY(lateReader.open(dir.filePath(QStringLiteral("late.sqlite"))));
        lateReader.setServer(lateReader.servers().first().id);
        int raised = 0;
        for (const auto &i : lateReader.incidents()) {
            if (i.kind == QLatin1String("watch_failed")) {
                ++raised;
                QCOMPARE(i.subject, QStringLiteral("access_log"));
                QVERIFY(!i.isOpen());
            }
        }
        QCOMPARE(raised, 1);
        run.stop();
    }
};

QTEST_GUILESS_MAIN(TestWatchCommand)
#include "tst_watchcommand.moc"
