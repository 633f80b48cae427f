// installDrillsPage: the "Simulacros" page over the console's one store, offering the profiles of the
// servers watched and the saved ones.

#include "DrillsPage.h"

#include "MainWindow.h"
#include "connection/ProfileStore.h"
#include "connection/ServerSet.h"
#include "drills/DrillRunner.h"

#include <QComboBox>
#include <QSpinBox>
#include <QPointer>
#include <QPushButton>
#include <QTimer>

#include <cstdio>

namespace difusor::ui {

namespace {

// For screenshots and rehearsals (packaging/screenshots): DIFUSOR_DRILL=NAME selects that scenario and,
// once a server it may run on is offered (the demo's sandbox is up), asks to start it;
// DIFUSOR_DRILL_CONFIRM=1 also confirms. DIFUSOR_DRILL_SHOTS=PREFIX writes the window's picture as
// PREFIX-running.png DIFUSOR_DRILL_SHOT_AT seconds (default 40) after the start and PREFIX-report.png
// once the report shows, then closes the window.
// DIFUSOR_DRILL=observe is the observe-only simulacro instead: its mode, the first server offered (the
// demo's sandbox), the window "now" for DIFUSOR_DRILL_MINUTES (default 2), the pre-flight
// DIFUSOR_DRILL_WAIT seconds later (default 0; the demo's first cut comes a minute after it starts);
// PREFIX-preflight.png once its verdicts are in; with _CONFIRM=1 it then starts (the question answered).
void scheduleRehearsal(MainWindow *window, DrillsPage *page)
{
    const QString scenario = qEnvironmentVariable("DIFUSOR_DRILL");
    if (scenario.isEmpty())
        return;
    const bool observe = scenario == QLatin1String("observe");
    const bool confirm = qEnvironmentVariable("DIFUSOR_DRILL_CONFIRM") == QLatin1String("1");
    const QString shots = qEnvironmentVariable("DIFUSOR_DRILL_SHOTS");
    bool atOk = false;
    int shotAtS = qEnvironmentVariableIntValue("DIFUSOR_DRILL_SHOT_AT", &atOk);
    if (!atOk)
        shotAtS = 40;
    auto grab = [window](const QString &path) {
        const bool saved = window->grab().save(path);
        std::fprintf(stderr, "%s %s\n", saved ? "screenshot written:" : "screenshot FAILED:", qPrintable(path));
    };
    if (!shots.isEmpty()) {
        QObject::connect(page, &DrillsPage::drillStarted, page, [page, grab, shots, shotAtS] {
            QTimer::singleShot(shotAtS * 1000, page, [grab, shots] { grab(shots + QStringLiteral("-running.png")); });
        });
        QObject::connect(page, &DrillsPage::drillFinished, page, [window, page, grab, shots] {
            QTimer::singleShot(1500, page, [window, grab, shots] {
                grab(shots + QStringLiteral("-report.png"));
                window->close();
            });
        });
    }
    auto *poll = new QTimer(page);
    poll->setInterval(500);
    if (observe) {
        bool minutesOk = false;
        const int minutes = qEnvironmentVariableIntValue("DIFUSOR_DRILL_MINUTES", &minutesOk);
        QObject::connect(page, &DrillsPage::preflightFinished, page, [page, grab, shots, confirm] {
            QTimer::singleShot(1000, page, [page, grab, shots, confirm] {
                if (!shots.isEmpty())
                    grab(shots + QStringLiteral("-preflight.png"));
                if (!confirm)
                    return;
                page->requestObserveStart();
                QTimer::singleShot(1500, page, &DrillsPage::startConfirmed);
            });
        });
        const int waitS = std::max(0, qEnvironmentVariableIntValue("DIFUSOR_DRILL_WAIT"));
        QObject::connect(poll, &QTimer::timeout, page, [poll, page, minutes, minutesOk, waitS] {
            page->refreshServers();
            page->setMode(DrillsPage::Mode::Observe);
            if (!page->preflightButton()->isEnabled())
                return;
            poll->stop();
            QTimer::singleShot(waitS * 1000, page, [page, minutes, minutesOk] {
                QComboBox *choice = page->observeWindowChoice();
                for (int i = 0; i < choice->count(); ++i) {
                    if (choice->itemText(i) == DrillsPage::tr("Ahora, durante…"))
                        choice->setCurrentIndex(i);
                }
                page->observeMinutes()->setValue(minutesOk && minutes > 0 ? minutes : 2);
                page->runPreflight();
            });
        });
        poll->start();
        return;
    }
    QObject::connect(poll, &QTimer::timeout, page, [poll, page, scenario, confirm] {
        page->refreshServers();
        if (!page->selectScenario(scenario) || !page->startButton()->isEnabled())
            return;
        page->requestStart();
        if (page->confirmation()->isHidden())
            return; // refused (said on the page) or not yet possible: try again
        poll->stop();
        if (confirm)
            QTimer::singleShot(1500, page, &DrillsPage::startConfirmed);
    });
    poll->start();
}

} // namespace

void installDrillsPage(const PageContext &context)
{
    if (!context.window)
        return;
    MainWindow *window = context.window;
    auto *page = new DrillsPage(context.store);
    // The servers watched first (the demo's sandbox among them), then the saved profiles not watched.
    QPointer<MainWindow> guard(window);
    page->setProfileSource([guard] {
        QList<Profile> list;
        if (!guard)
            return list;
        auto known = [&list](const QString &name) {
            return std::any_of(list.begin(), list.end(), [&name](const Profile &p) { return p.name == name; });
        };
        for (ServerEntry *entry : guard->servers()->entries()) {
            const Profile &p = entry->profile();
            if (!p.host.isEmpty() && !known(p.name))
                list.append(p);
        }
        for (const ProfileStore::Entry &e : guard->profileStore().list()) {
            if (e.profile && !known(e.profile->name))
                list.append(*e.profile);
        }
        return list;
    });
    window->setPage(MainWindow::Page::Drills, page);
    QObject::connect(window->servers(), &ServerSet::entryAdded, page, [page] { page->refreshServers(); });
    QObject::connect(window->servers(), &ServerSet::entryRemoved, page, [page] { QTimer::singleShot(0, page, &DrillsPage::refreshServers); });
    QObject::connect(window, &MainWindow::hostChanged, page, [page] { page->refreshServers(); });
    if (qEnvironmentVariable("DIFUSOR_PAGE") == QLatin1String("drills"))
        QTimer::singleShot(0, window, [window] { window->showPage(MainWindow::Page::Drills); });
    scheduleRehearsal(window, page);
}

} // namespace difusor::ui
