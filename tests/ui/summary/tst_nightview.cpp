// "Resumen", the night view (issue 11), offscreen: the real window, the real store on its thread, the
// real incident log and CutMonitor; FakeHost stands in for the SSH link (only the UI's side is under
// test here; tst_servers runs the page against real sandboxes over SSH).
//  - each tile says a word, shows its tone's icon and is filled with its colour, per state;
//  - the incident counts follow IncidentLog raise / acknowledge / clear, this server's only;
//  - the infrastructure verdict follows each check run saved;
//  - F11 toggles full screen (the window's chrome hides), Esc leaves, another page leaves;
//  - a click or Enter on a tile opens its page on the server's tab; Tab and arrows move between tiles;
//  - nothing is redrawn while the page is hidden.
#include "FakeHost.h"
#include "MainWindow.h"
#include "StoreSupport.h"
#include "TestEnv.h"
#include "common/Settings.h"
#include "connection/ServerSet.h"
#include "cuts/CutMonitor.h"
#include "cuts/CutSession.h"
#include "incidents/IncidentLog.h"
#include "pages/cuts/CutsPage.h"
#include "pages/incidents/IncidentsPage.h"
#include "pages/incidents/IncidentsTableModel.h"
#include "pages/summary/NightTile.h"
#include "pages/summary/SummaryPage.h"
#include "store/StoreThread.h"
#include "widgets/ServerTabs.h"

#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPointer>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace difusor;
using namespace difusor::ui;
using remote::ConnectionState;

Q_DECLARE_METATYPE(difusor::ui::Tone)
Q_DECLARE_METATYPE(difusor::ui::SummaryFacts)

namespace {

Profile profileNamed(const QString &name)
{
    Profile p;
    p.name = name;
    p.host = name + QStringLiteral(".example.mx");
    p.user = QStringLiteral("ana");
    return p; // no publication folder, no access log, no sites: nothing runs over the fake link
}

incidents::Condition condition(const QString &kind, const QString &subject)
{
    incidents::Condition c;
    c.kind = kind;
    c.subject = subject;
    c.detectedUtc = QDateTime::currentDateTimeUtc();
    return c;
}

QJsonObject checkResult(const QString &id, const QString &status)
{
    return QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("title"), id},
                       {QStringLiteral("group"), QStringLiteral("hardware")}, {QStringLiteral("status"), status}};
}

// The tile as drawn: its fill is the tone's colour (sampled away from the icon and the words).
QColor fillOf(NightTile *tile)
{
    const QImage image = tile->grab().toImage();
    return image.pixelColor(image.width() - 6, image.height() / 2);
}

} // namespace

class TestNightView final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir{test::tempTemplate()};
    store::StoreThread m_store;
    std::unique_ptr<MainWindow> m_window;
    QHash<QString, QPointer<FakeHost>> m_hosts; // by profile name
    SummaryPage *m_page = nullptr;

    ServerEntry *entryNamed(const QString &name) const
    {
        for (ServerEntry *entry : m_window->servers()->entries())
            if (entry->profile().name == name)
                return entry;
        return nullptr;
    }

    // Connects the profile (the primary when `primary`), brings its fake link up and waits until the
    // server is identified in the store and its sessions run.
    ServerEntry *connectServer(const QString &name, bool primary)
    {
        if (primary)
            m_window->connectProfile(profileNamed(name));
        else
            m_window->addServer(profileNamed(name));
        FakeHost *host = m_hosts.value(name);
        if (!host)
            return nullptr;
        host->setState(ConnectionState::Connected);
        ServerEntry *entry = entryNamed(name);
        if (!entry || !QTest::qWaitFor([entry] { return entry->isReady(); }, 10000))
            return nullptr;
        return entry;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Settings::setInstanceFile(m_dir.filePath(QStringLiteral("settings.ini")));
        QSignalSpy opened(&m_store, &store::StoreThread::opened);
        m_store.open(m_dir.filePath(QStringLiteral("difusor.sqlite")));
        QVERIFY(opened.wait(10000));
        QVERIFY(opened.first().at(0).toBool());
        m_window = std::make_unique<MainWindow>(m_dir.filePath(QStringLiteral("profiles")));
        auto factory = [this](const Profile &p, QObject *parent) -> remote::RemoteHost * {
            auto *host = new FakeHost(QStringLiteral("%1@%2:%3").arg(p.user, p.host).arg(p.port), parent);
            m_hosts.insert(p.name, host);
            return host;
        };
        m_window->connection()->setHostFactory(factory);
        m_window->servers()->setHostFactory(factory);
        m_window->setStoreThread(&m_store);
        // The pages a tile opens with server tabs (the infrastructure page would run its checks over the
        // fake link: not this test's business).
        installSummaryPage(PageContext{m_window.get(), &m_store, QString()});
        installCutsPage(PageContext{m_window.get(), &m_store, QString()});
        installIncidentsPage(PageContext{m_window.get(), &m_store, QString()});
        m_page = qobject_cast<SummaryPage *>(m_window->page(MainWindow::Page::Summary));
        QVERIFY(m_page);
        m_window->resize(1280, 800);
        m_window->show();
        m_window->showPage(MainWindow::Page::Summary);
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanupTestCase()
    {
        m_window.reset();
    }

    // Every tone has its own shape (its alpha mask), not only its own colour, and its own fill.
    void tonesDifferBeyondColour()
    {
        const QList<Tone> tones = {Tone::Idle, Tone::Ok, Tone::Pending, Tone::Unknown, Tone::Notice, Tone::Warning, Tone::Alarm};
        QList<QImage> masks;
        for (Tone tone : tones) {
            QImage image = toneIcon(tone, 48, true).toImage().convertToFormat(QImage::Format_Alpha8);
            masks.append(image);
        }
        for (int a = 0; a < masks.size(); ++a)
            for (int b = a + 1; b < masks.size(); ++b) {
                // Pending and Warning share amber; Ok, Pending, Notice and Unknown share a disc: the glyph tells.
                QVERIFY2(masks.at(a) != masks.at(b) || toneColor(tones.at(a)) != toneColor(tones.at(b)),
                         qPrintable(QStringLiteral("tones %1 and %2 look alike").arg(a).arg(b)));
            }
        // A plated icon carries its glyph in the tone's colour: same silhouette, different inside.
        QVERIFY(toneIcon(Tone::Ok, 48, true).toImage() != toneIcon(Tone::Unknown, 48, true).toImage());
    }

    void tileWords_data()
    {
        QTest::addColumn<int>("area");
        QTest::addColumn<SummaryFacts>("facts");
        QTest::addColumn<QString>("word");
        QTest::addColumn<Tone>("tone");
        QTest::addColumn<QString>("detailHas");

        SummaryFacts none;
        QTest::newRow("no server") << int(SummaryArea::Connection) << none << QStringLiteral("SIN SERVIDOR") << Tone::Idle
                                   << QStringLiteral("Conexión");
        SummaryFacts up;
        up.hasHost = true;
        up.hostName = QStringLiteral("ana@prep:22");
        up.connection = ConnectionState::Connected;
        up.watching = true;
        QTest::newRow("connected") << int(SummaryArea::Connection) << up << QStringLiteral("CONECTADO") << Tone::Ok
                                   << QStringLiteral("ana@prep:22");
        SummaryFacts failed = up;
        failed.connection = ConnectionState::Failed;
        failed.connectionReason = QStringLiteral("Autenticación rechazada");
        QTest::newRow("failed") << int(SummaryArea::Connection) << failed << QStringLiteral("FALLÓ") << Tone::Alarm
                                << QStringLiteral("Autenticación rechazada");
        SummaryFacts reconnecting = up;
        reconnecting.connection = ConnectionState::Reconnecting;
        QTest::newRow("reconnecting") << int(SummaryArea::Connection) << reconnecting << QStringLiteral("RECONECTANDO")
                                      << Tone::Pending << QString();
        SummaryFacts lost = reconnecting;
        lost.incidents.insert(7, SummaryIncident{QStringLiteral("connection_lost"), QStringLiteral("critical"),
                                                 QStringLiteral("Conexión con el servidor perdida"), false});
        QTest::newRow("lost > 30 s") << int(SummaryArea::Connection) << lost << QStringLiteral("CONEXIÓN PERDIDA")
                                     << Tone::Alarm << QStringLiteral("Conexión con el servidor perdida");

        SummaryFacts unchecked = up;
        unchecked.checkLoaded = true;
        QTest::newRow("never checked") << int(SummaryArea::Infrastructure) << unchecked << QStringLiteral("SIN VERIFICAR")
                                       << Tone::Idle << QString();
        SummaryFacts fails = unchecked;
        fails.check = CheckSummary{QDateTime::currentDateTimeUtc(), 37, 1, 2, 0, 0};
        QTest::newRow("fails") << int(SummaryArea::Infrastructure) << fails << QStringLiteral("NO CUMPLE") << Tone::Alarm
                               << QStringLiteral("2 de 40 requisitos");
        SummaryFacts passes = unchecked;
        passes.check = CheckSummary{QDateTime::currentDateTimeUtc(), 40, 0, 0, 0, 1};
        QTest::newRow("passes") << int(SummaryArea::Infrastructure) << passes << QStringLiteral("CUMPLE") << Tone::Ok
                                << QStringLiteral("41 requisitos");

        QTest::newRow("no cut yet") << int(SummaryArea::Cuts) << up << QStringLiteral("ESPERANDO") << Tone::Pending << QString();
        SummaryFacts cut = up;
        cut.cutUtc = QDateTime(QDate(2024, 6, 3), QTime(3, 15), Qt::UTC);
        cut.arrivalUtc = QDateTime::currentDateTimeUtc().addSecs(-125);
        QTest::newRow("cut") << int(SummaryArea::Cuts) << cut << QStringLiteral("AL DÍA") << Tone::Ok
                             << QStringLiteral("corte 21:15 (UTC-6) · hace 2 min 05 s");
        SummaryFacts late = cut;
        late.incidents.insert(3, SummaryIncident{QStringLiteral("late_cut"), QStringLiteral("major"),
                                                 QStringLiteral("Corte retrasado"), false});
        QTest::newRow("late cut") << int(SummaryArea::Cuts) << late << QStringLiteral("CORTE ATRASADO") << Tone::Warning
                                  << QStringLiteral("Corte retrasado · corte 21:15");

        QTest::newRow("lag unmeasured") << int(SummaryArea::Publication) << up << QStringLiteral("SIN MEDIR") << Tone::Pending
                                        << QStringLiteral("límite 60 s");
        SummaryFacts inTime = up;
        inTime.lagMs = 12300;
        QTest::newRow("in time") << int(SummaryArea::Publication) << inTime << QStringLiteral("EN PLAZO") << Tone::Ok
                                 << QStringLiteral("desfase 12.3 s · límite 60 s");
        SummaryFacts near = up;
        near.lagMs = 50000;
        QTest::newRow("near the limit") << int(SummaryArea::Publication) << near << QStringLiteral("AL LÍMITE")
                                        << Tone::Warning << QStringLiteral("desfase 50.0 s");
        SummaryFacts over = up;
        over.lagMs = 75000;
        QTest::newRow("over the limit") << int(SummaryArea::Publication) << over << QStringLiteral("FUERA DE PLAZO")
                                        << Tone::Alarm << QStringLiteral("desfase 1 min 15 s");

        QTest::newRow("no access log") << int(SummaryArea::Traffic) << up << QStringLiteral("SIN BITÁCORA") << Tone::Idle
                                       << QStringLiteral("access_log");
        SummaryFacts traffic = up;
        traffic.hasTraffic = true;
        traffic.requestsPerSecond = 123.45;
        QTest::newRow("traffic") << int(SummaryArea::Traffic) << traffic << QStringLiteral("NORMAL") << Tone::Ok
                                 << QStringLiteral("solicitudes/s");
        SummaryFacts errors = traffic;
        errors.incidents.insert(9, SummaryIncident{QStringLiteral("traffic_5xx"), QStringLiteral("major"),
                                                   QStringLiteral("Errores 5xx"), false});
        QTest::newRow("5xx") << int(SummaryArea::Traffic) << errors << QStringLiteral("ERRORES 5xx") << Tone::Warning
                             << QStringLiteral("Errores 5xx");

        SummaryFacts quiet = up;
        quiet.incidentsLoaded = true;
        QTest::newRow("no incidents") << int(SummaryArea::Incidents) << quiet << QStringLiteral("NINGUNO") << Tone::Ok
                                      << QStringLiteral("críticos 0 · mayores 0 · menores 0");
        SummaryFacts minor = quiet;
        minor.incidents.insert(1, SummaryIncident{QStringLiteral("clock_skew"), QStringLiteral("minor"), {}, false});
        QTest::newRow("minor") << int(SummaryArea::Incidents) << minor << QStringLiteral("MENORES: 1") << Tone::Notice
                               << QStringLiteral("menores 1");
        SummaryFacts critical = minor;
        critical.incidents.insert(2, SummaryIncident{QStringLiteral("lag"), QStringLiteral("critical"), {}, true});
        QTest::newRow("critical") << int(SummaryArea::Incidents) << critical << QStringLiteral("CRÍTICOS: 1") << Tone::Alarm
                                  << QStringLiteral("críticos 1 · mayores 0 · menores 1 · reconocidos 1");
        SummaryFacts unread = up;
        unread.incidentsError = QStringLiteral("disco lleno");
        QTest::newRow("unread") << int(SummaryArea::Incidents) << unread << QStringLiteral("SIN LEER") << Tone::Unknown
                                << QStringLiteral("disco lleno");
    }

    void tileWords()
    {
        QFETCH(int, area);
        QFETCH(SummaryFacts, facts);
        QFETCH(QString, word);
        QFETCH(Tone, tone);
        QFETCH(QString, detailHas);
        const SummaryTile tile = evaluateSummaryTile(SummaryArea(area), facts, QDateTime::currentDateTimeUtc());
        QCOMPARE(tile.word, word);
        QCOMPARE(int(tile.tone), int(tone));
        QVERIFY2(tile.detail.contains(detailHas), qPrintable(tile.detail));

        // As drawn: the word is the button's text, the fill is the tone's colour.
        NightTile widget{SummaryArea(area)};
        widget.resize(420, 130);
        widget.setServerName(QStringLiteral("primario"));
        widget.setTile(tile);
        QCOMPARE(widget.text(), word);
        QCOMPARE(fillOf(&widget), toneColor(tone));
        QCOMPARE(widget.accessibleName(), QStringLiteral("%1 de primario: %2").arg(summaryAreaTitle(SummaryArea(area)), word));
        QCOMPARE(widget.accessibleDescription(), tile.detail);
    }

    void liveConnectionTile()
    {
        NightTile *tile = m_page->tile(m_window->servers()->primary(), SummaryArea::Connection);
        QVERIFY(tile);
        QCOMPARE(tile->word(), QStringLiteral("SIN SERVIDOR"));
        m_window->connectProfile(profileNamed(QStringLiteral("primario")));
        QCOMPARE(tile->word(), QStringLiteral("CONECTANDO"));
        QCOMPARE(int(tile->tone()), int(Tone::Pending));
        FakeHost *host = m_hosts.value(QStringLiteral("primario"));
        host->setState(ConnectionState::Failed, QStringLiteral("Autenticación rechazada"));
        QCOMPARE(tile->word(), QStringLiteral("FALLÓ"));
        QCOMPARE(tile->detail(), QStringLiteral("Autenticación rechazada"));
        QCOMPARE(fillOf(tile), toneColor(Tone::Alarm));
        host->setState(ConnectionState::Connected);
        QCOMPARE(tile->word(), QStringLiteral("CONECTADO"));
        QCOMPARE(fillOf(tile), toneColor(Tone::Ok));
        QCOMPARE(m_page->serverHeader(m_window->servers()->primary())->text(), QStringLiteral("primario"));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->servers()->primary()->isReady(), 10000);
        // Identified: the store was read (nothing stored yet for this server).
        ServerEntry *entry = m_window->servers()->primary();
        QTRY_COMPARE(m_page->tile(entry, SummaryArea::Incidents)->word(), QStringLiteral("NINGUNO"));
        QCOMPARE(m_page->tile(entry, SummaryArea::Infrastructure)->word(), QStringLiteral("SIN VERIFICAR"));
        QCOMPARE(m_page->tile(entry, SummaryArea::Cuts)->word(), QStringLiteral("ESPERANDO"));
        QCOMPARE(m_page->tile(entry, SummaryArea::Traffic)->word(), QStringLiteral("SIN BITÁCORA"));
    }

    void incidentCountsFollowIncidentLog()
    {
        ServerEntry *entry = m_window->servers()->primary();
        QVERIFY(entry->isReady());
        NightTile *incidentsTile = m_page->tile(entry, SummaryArea::Incidents);
        NightTile *publication = m_page->tile(entry, SummaryArea::Publication);
        const incidents::IncidentLog log(entry->store());

        log.raise(condition(QStringLiteral("lag"), QStringLiteral("difusor")));
        QTRY_COMPARE(incidentsTile->word(), QStringLiteral("CRÍTICOS: 1"));
        QCOMPARE(int(incidentsTile->tone()), int(Tone::Alarm));
        QCOMPARE(fillOf(incidentsTile), toneColor(Tone::Alarm));
        // The area's own tile turns with it.
        QCOMPARE(publication->word(), QStringLiteral("FUERA DE PLAZO"));
        QCOMPARE(int(publication->tone()), int(Tone::Alarm));

        log.raise(condition(QStringLiteral("clock_skew"), QStringLiteral("server")));
        log.raise(condition(QStringLiteral("late_cut"), QStringLiteral("2024-06-03T03:15:00Z")));
        QTRY_COMPARE(incidentsTile->detail(), QStringLiteral("críticos 1 · mayores 1 · menores 1"));
        QCOMPARE(m_page->tile(entry, SummaryArea::Cuts)->word(), QStringLiteral("CORTE ATRASADO"));
        // The same condition again is an observation, not a second incident.
        log.raise(condition(QStringLiteral("late_cut"), QStringLiteral("2024-06-03T03:15:00Z")));

        // Another server's incidents are not this one's.
        const store::ServerStore other = test::identifyServer(m_store, QStringLiteral("otro"), QStringLiteral("SHA256:otro"));
        QVERIFY(other.isValid());
        QSignalSpy changes(&m_store, &store::StoreThread::incidentChanged);
        incidents::IncidentLog(other).raise(condition(QStringLiteral("lag"), QStringLiteral("difusor")));
        QVERIFY(changes.wait(5000));
        QCOMPARE(incidentsTile->detail(), QStringLiteral("críticos 1 · mayores 1 · menores 1"));

        // Acknowledged is still unresolved, and said so.
        const SummaryFacts *facts = m_page->facts(entry);
        qint64 lagId = 0;
        for (auto it = facts->incidents.cbegin(); it != facts->incidents.cend(); ++it)
            if (it->kind == QLatin1String("lag"))
                lagId = it.key();
        QVERIFY(lagId > 0);
        log.act(lagId, store::IncidentAction::Acknowledge, QStringLiteral("ana"), QStringLiteral("lo veo"), this, {});
        QTRY_COMPARE(incidentsTile->detail(), QStringLiteral("críticos 1 · mayores 1 · menores 1 · reconocidos 1"));

        const QDateTime now = QDateTime::currentDateTimeUtc();
        log.clear(QStringLiteral("lag"), QStringLiteral("difusor"), now);
        QTRY_COMPARE(incidentsTile->word(), QStringLiteral("MAYORES: 1"));
        QCOMPARE(int(incidentsTile->tone()), int(Tone::Warning));
        QCOMPARE(publication->word(), QStringLiteral("SIN MEDIR"));
        log.clear(QStringLiteral("late_cut"), QStringLiteral("2024-06-03T03:15:00Z"), now);
        QTRY_COMPARE(incidentsTile->word(), QStringLiteral("MENORES: 1"));
        QCOMPARE(int(incidentsTile->tone()), int(Tone::Notice));
        log.clear(QStringLiteral("clock_skew"), QStringLiteral("server"), now);
        QTRY_COMPARE(incidentsTile->word(), QStringLiteral("NINGUNO"));
        QCOMPARE(fillOf(incidentsTile), toneColor(Tone::Ok));
    }

    // What was unresolved before the console saw the server is counted from the store.
    void initialCountsComeFromTheStore()
    {
        const Profile p = profileNamed(QStringLiteral("réplica"));
        const QString hostKey = QStringLiteral("SHA256:fake-%1@%2:%3").arg(p.user, p.host).arg(p.port);
        const store::ServerStore before = test::identifyServer(m_store, p.identityId(), hostKey);
        QVERIFY(before.isValid());
        QSignalSpy changes(&m_store, &store::StoreThread::incidentChanged);
        incidents::IncidentLog(before).raise(condition(QStringLiteral("site_unreachable"), QStringLiteral("difusor")));
        incidents::IncidentLog(before).raise(condition(QStringLiteral("traffic_spike"), QStringLiteral("site")));
        QTRY_COMPARE(changes.count(), 2);

        ServerEntry *entry = connectServer(QStringLiteral("réplica"), false);
        QVERIFY(entry);
        QCOMPARE(entry->store().server(), before.server());
        QTRY_COMPARE(m_page->tile(entry, SummaryArea::Incidents)->word(), QStringLiteral("CRÍTICOS: 1"));
        QCOMPARE(m_page->tile(entry, SummaryArea::Incidents)->detail(), QStringLiteral("críticos 1 · mayores 0 · menores 1"));
        QCOMPARE(m_page->tile(entry, SummaryArea::Publication)->word(), QStringLiteral("SIN RESPUESTA"));
        QCOMPARE(m_page->tile(entry, SummaryArea::Traffic)->word(), QStringLiteral("PICO"));
        QCOMPARE(int(m_page->tile(entry, SummaryArea::Traffic)->tone()), int(Tone::Notice));
        // The first server's tiles are untouched.
        QCOMPARE(m_page->tile(m_window->servers()->primary(), SummaryArea::Incidents)->word(), QStringLiteral("NINGUNO"));
    }

    void checkVerdictFollowsSavedRuns()
    {
        ServerEntry *entry = m_window->servers()->primary();
        NightTile *tile = m_page->tile(entry, SummaryArea::Infrastructure);
        auto save = [&](const QJsonArray &results) {
            store::CheckRunRecord run;
            run.profileName = entry->profile().name;
            run.host = entry->host()->displayName();
            run.startedUtc = QDateTime::currentDateTimeUtc();
            run.results = results;
            entry->store().post([run](store::Store &s) { s.addCheckRun(run); });
        };
        save({checkResult(QStringLiteral("hw.cpu"), QStringLiteral("pass")), checkResult(QStringLiteral("hw.ram"), QStringLiteral("fail")),
              checkResult(QStringLiteral("net.tls"), QStringLiteral("warn"))});
        QTRY_COMPARE(tile->word(), QStringLiteral("NO CUMPLE"));
        QVERIFY2(tile->detail().startsWith(QStringLiteral("1 de 3 requisitos")), qPrintable(tile->detail()));
        QCOMPARE(fillOf(tile), toneColor(Tone::Alarm));
        save({checkResult(QStringLiteral("hw.cpu"), QStringLiteral("pass")), checkResult(QStringLiteral("hw.ram"), QStringLiteral("pass"))});
        QTRY_COMPARE(tile->word(), QStringLiteral("CUMPLE"));
        QCOMPARE(int(tile->tone()), int(Tone::Ok));
        // Another server's run is not this one's verdict.
        ServerEntry *replica = entryNamed(QStringLiteral("réplica"));
        QVERIFY(replica);
        QCOMPARE(m_page->tile(replica, SummaryArea::Infrastructure)->word(), QStringLiteral("SIN VERIFICAR"));
    }

    void cutTileFollowsTheMonitor()
    {
        ServerEntry *entry = m_window->servers()->primary();
        NightTile *tile = m_page->tile(entry, SummaryArea::Cuts);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime cutUtc = QDateTime::fromMSecsSinceEpoch(now.toMSecsSinceEpoch() - now.toMSecsSinceEpoch() % 60000, Qt::UTC);
        store::CutRecord record;
        record.package = cutUtc.toOffsetFromUtc(-6 * 3600).toString(QStringLiteral("yyyyMMdd_HHmm")) + QStringLiteral("_PREP_DIP_LOC_DGO");
        record.cutTimeUtc = cutUtc;
        record.arrivedConsoleUtc = now;
        record.arrivedServerUtc = now;
        record.detectedUtc = now;
        record.size = 1000;
        entry->cuts()->monitor()->cutArrived(record, 100);
        QTRY_COMPARE(tile->word(), QStringLiteral("AL DÍA"));
        const QString clock = cutUtc.toOffsetFromUtc(-6 * 3600).toString(QStringLiteral("HH:mm"));
        QVERIFY2(tile->detail().startsWith(QStringLiteral("corte %1 (UTC-6) · hace ").arg(clock)), qPrintable(tile->detail()));
    }

    void hiddenPageIsNotRedrawn()
    {
        ServerEntry *entry = m_window->servers()->primary();
        NightTile *tile = m_page->tile(entry, SummaryArea::Connection);
        QCOMPARE(tile->word(), QStringLiteral("CONECTADO"));
        m_window->showPage(MainWindow::Page::Cuts);
        QVERIFY(!m_page->isVisible());
        const QString clock = m_page->clock()->text();
        m_hosts.value(QStringLiteral("primario"))->setState(ConnectionState::Reconnecting);
        QTest::qWait(1200); // a tick passes
        QCOMPARE(tile->word(), QStringLiteral("CONECTADO")); // not redrawn while hidden
        QCOMPARE(m_page->clock()->text(), clock);
        m_window->showPage(MainWindow::Page::Summary);
        QCOMPARE(tile->word(), QStringLiteral("RECONECTANDO")); // caught up when shown
        QVERIFY(m_page->clock()->text() != clock);
        m_hosts.value(QStringLiteral("primario"))->setState(ConnectionState::Connected);
        QCOMPARE(tile->word(), QStringLiteral("CONECTADO"));
    }

    void f11TogglesFullScreen()
    {
        QVERIFY(m_page->isVisible());
        QVERIFY(!m_page->isFullScreen());
        QTest::keyClick(m_window.get(), Qt::Key_F11);
        QVERIFY(m_page->isFullScreen());
        QVERIFY(m_window->windowState() & Qt::WindowFullScreen);
        QVERIFY(!m_window->isChromeVisible());
        QVERIFY(m_window->navigation()->isHidden());
        QVERIFY(m_window->menuBar()->isHidden());
        QVERIFY(m_window->statusBar()->isHidden());
        QTest::keyClick(m_window.get(), Qt::Key_Escape);
        QVERIFY(!m_page->isFullScreen());
        QVERIFY(!(m_window->windowState() & Qt::WindowFullScreen));
        QVERIFY(m_window->isChromeVisible());
        QVERIFY(!m_window->navigation()->isHidden());
        QTest::keyClick(m_window.get(), Qt::Key_F11);
        QVERIFY(m_page->isFullScreen());
        QTest::keyClick(m_window.get(), Qt::Key_F11);
        QVERIFY(!m_page->isFullScreen());
        QVERIFY(!(m_window->windowState() & Qt::WindowFullScreen));
        // Esc means nothing to the page when it is not full screen, F11 nothing on another page.
        m_window->showPage(MainWindow::Page::Cuts);
        QTest::keyClick(m_window.get(), Qt::Key_F11);
        QVERIFY(!m_page->isFullScreen());
        QVERIFY(!(m_window->windowState() & Qt::WindowFullScreen));
        m_window->showPage(MainWindow::Page::Summary);
        // Another page taking the window ends full screen (its page list would be gone).
        m_page->setFullScreen(true);
        QVERIFY(!m_window->isChromeVisible());
        m_window->showPage(MainWindow::Page::Traffic);
        QVERIFY(!m_page->isFullScreen());
        QVERIFY(m_window->isChromeVisible());
        QVERIFY(!(m_window->windowState() & Qt::WindowFullScreen));
        m_window->showPage(MainWindow::Page::Summary);
    }

    void clickOpensAreaPageOnServerTab()
    {
        ServerEntry *primary = m_window->servers()->primary();
        ServerEntry *replica = entryNamed(QStringLiteral("réplica"));
        QVERIFY(replica);
        auto *cuts = qobject_cast<ServerTabs *>(m_window->page(MainWindow::Page::Cuts));
        QVERIFY(cuts);
        QSignalSpy open(m_page, &SummaryPage::openRequested);

        m_page->setFullScreen(true); // a click from the full screen view lands on the page, chrome back
        NightTile *tile = m_page->tile(replica, SummaryArea::Publication);
        QTest::mouseClick(tile, Qt::LeftButton);
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.first().at(0).value<ServerEntry *>(), replica);
        QCOMPARE(open.first().at(1).value<SummaryArea>(), SummaryArea::Publication);
        QCOMPARE(m_window->currentPage(), MainWindow::Page::Cuts);
        QCOMPARE(cuts->currentWidget(), cuts->pageFor(replica));
        QVERIFY(!m_page->isFullScreen());
        QVERIFY(m_window->isChromeVisible());

        // Keyboard: focus a tile, Tab to the next area, Enter opens it.
        m_window->showPage(MainWindow::Page::Summary);
        m_page->tile(primary, SummaryArea::Infrastructure)->setFocus(Qt::TabFocusReason);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), m_page->tile(primary, SummaryArea::Cuts));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_COMPARE(open.count(), 2); // animateClick: released a moment later
        QCOMPARE(open.last().at(0).value<ServerEntry *>(), primary);
        QCOMPARE(m_window->currentPage(), MainWindow::Page::Cuts);
        QCOMPARE(cuts->currentWidget(), cuts->pageFor(primary));

        // Arrows move along the grid: from a tile of the first server to the same area of the second.
        m_window->showPage(MainWindow::Page::Summary);
        QCOMPARE(m_page->orientation(), SummaryPage::Orientation::ServersAsColumns);
        m_page->tile(primary, SummaryArea::Traffic)->setFocus(Qt::TabFocusReason);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right);
        QCOMPARE(QApplication::focusWidget(), m_page->tile(replica, SummaryArea::Traffic));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
        QCOMPARE(QApplication::focusWidget(), m_page->tile(replica, SummaryArea::Incidents));
        auto *incidents = qobject_cast<IncidentsPage *>(m_window->page(MainWindow::Page::Incidents));
        QVERIFY(incidents);
        QTRY_VERIFY(incidents->serverFilter()->findData(replica->store().server()) >= 0); // read from the store
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QCOMPARE(open.count(), 3);
        QCOMPARE(m_window->currentPage(), MainWindow::Page::Incidents);
        // The one list of every server shows what the tile counted: this server's unresolved incidents.
        QCOMPARE(incidents->serverFilter()->currentData().toLongLong(), replica->store().server());
        QCOMPARE(incidents->stateFilter()->currentData().toString(), QStringLiteral("unresolved"));
        QTRY_COMPARE(incidents->model()->rowCount(), 2);

        // The connection tile opens the profiles.
        m_window->showPage(MainWindow::Page::Summary);
        QTest::mouseClick(m_page->tile(replica, SummaryArea::Connection), Qt::LeftButton);
        QCOMPARE(m_window->currentPage(), MainWindow::Page::Connection);
        m_window->showPage(MainWindow::Page::Summary);
    }

    // Few servers read best as columns (wide tiles); many as rows.
    void orientationFollowsServerCount()
    {
        QCOMPARE(m_page->entries().size(), 2);
        QCOMPARE(m_page->orientation(), SummaryPage::Orientation::ServersAsColumns);
        QList<ServerEntry *> added;
        for (int i = 0; i < 6; ++i) {
            ServerEntry *entry = connectServer(QStringLiteral("espejo%1").arg(i), false);
            QVERIFY(entry);
            added.append(entry);
        }
        QCOMPARE(m_page->entries().size(), 8);
        QTRY_COMPARE(m_page->orientation(), SummaryPage::Orientation::ServersAsRows);
        for (ServerEntry *entry : std::as_const(added))
            QVERIFY(m_page->tile(entry, SummaryArea::Cuts)->isVisible());
        for (ServerEntry *entry : std::as_const(added))
            m_window->servers()->removeServer(entry);
        QCOMPARE(m_page->entries().size(), 2);
        QTRY_COMPARE(m_page->orientation(), SummaryPage::Orientation::ServersAsColumns);
    }
};

QTEST_MAIN(TestNightView)
#include "tst_nightview.moc"
