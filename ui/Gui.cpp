#include "Gui.h"

#include "MainWindow.h"
#include "common/CommandLine.h"
#include "common/Profile.h"
#include "common/Settings.h"
#include "common/Translations.h"
#include "pages/PageContext.h"
#include "connection/ServerSet.h"
#include "store/StoreThread.h"
#include "widgets/Modal.h"

#ifdef DIFUSOR_HAVE_SANDBOX
#include "demo/DemoController.h"
#endif

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>

#include <cstdio>

namespace difusor::ui {

namespace {

// DIFUSOR_SCREENSHOT=path[:delay_ms] writes the window's picture after the delay, then quits
// (used to make packaging/screenshots/ reproducibly).
void scheduleScreenshot(MainWindow &window)
{
    const QString spec = qEnvironmentVariable("DIFUSOR_SCREENSHOT");
    if (spec.isEmpty())
        return;
    QString path = spec;
    int delayMs = 3000;
    const qsizetype colon = spec.lastIndexOf(QLatin1Char(':'));
    if (colon > 0) {
        bool ok = false;
        const int parsed = spec.mid(colon + 1).toInt(&ok);
        if (ok) {
            path = spec.left(colon);
            delayMs = parsed;
        }
    }
    QTimer::singleShot(delayMs, &window, [&window, path] {
        const bool saved = window.grab().save(path);
        std::fprintf(stderr, "%s %s\n", saved ? "screenshot written:" : "screenshot FAILED:", qPrintable(path));
        window.close();
    });
}

} // namespace

QString freshDemoStore(const QString &dir)
{
    // Each demo starts a new sandbox night (20:00 again): its cuts must not follow the last run's, or the
    // console would rightly call them backwards. The previous run is kept once, beside it.
    const QString path = dir + QStringLiteral("/difusor-demo.sqlite");
    const QString previous = dir + QStringLiteral("/difusor-demo.anterior.sqlite");
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile::remove(previous + suffix);
        if (QFile::exists(path + suffix))
            QFile::rename(path + suffix, previous + suffix);
    }
    return path;
}

int runGui(QApplication &app, const GuiOptions &options)
{
    // --lang and DIFUSOR_LANG were applied by main(); otherwise the language saved in the settings.
    if (!options.languageGiven)
        installTranslations(Settings::instance().language());

    // The console's one store (cuts, sightings, incidents, check runs): DIFUSOR_STORE, else the data
    // folder; the demo keeps its rehearsal data apart from the real nights.
    store::StoreThread store;
    QString storePath = qEnvironmentVariable("DIFUSOR_STORE");
    if (storePath.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(dir);
        if (options.demo) {
            storePath = freshDemoStore(dir);
        } else {
            storePath = dir + QStringLiteral("/difusor.sqlite");
        }
    }
    store.open(storePath);

    MainWindow window;
    window.setStoreThread(&store);
    QObject::connect(&store, &store::StoreThread::opened, &window, [&window, storePath](bool ok, const QString &error) {
        if (!ok)
            Modal::error(&window, MainWindow::tr("Base de datos"),
                         MainWindow::tr("No se pudo abrir %1: %2. Nada de lo medido podrá guardarse.").arg(storePath, error));
    });
    installPages(PageContext{&window, &store, storePath});
    window.show();
    scheduleScreenshot(window);

    // --profile may come more than once: the first is the primary server, the others are watched beside it.
    bool first = true;
    for (const QString &profilePath : options.profiles) {
        QString error;
        const auto profile = Profile::load(profilePath, &error);
        if (profile) {
            QTimer::singleShot(0, &window, [&window, p = *profile, first] {
                if (first)
                    window.connectProfile(p);
                else
                    window.addServer(p);
            });
            first = false;
        } else {
            QTimer::singleShot(0, &window, [&window, error] {
                Modal::error(&window, MainWindow::tr("Perfil"), error);
            });
        }
    }

#ifdef DIFUSOR_HAVE_SANDBOX
    DemoController *demo = nullptr;
    if (options.demo) {
        demo = new DemoController(&window);
        QTimer::singleShot(0, demo, &DemoController::start);
    }
#else
    if (options.demo) {
        const QString message = MainWindow::tr("Esta compilación no incluye el difusor de prueba (área «sandbox»); "
                                               "--demo no está disponible.");
        std::fprintf(stderr, "%s\n", qPrintable(message));
        window.statusBar()->showMessage(message);
    }
#endif

    const int status = app.exec();

#ifdef DIFUSOR_HAVE_SANDBOX
    // The window is closed and disconnected; let the sandbox stop its servers cleanly (it kills
    // whatever is left in its destructor anyway). This runs after the main loop, never inside it.
    if (demo && demo->running()) {
        QObject::connect(demo, &DemoController::stopped, &app, &QCoreApplication::quit);
        QTimer::singleShot(5000, &app, &QCoreApplication::quit);
        demo->stop();
        app.exec();
    }
#endif
    return status;
}

} // namespace difusor::ui
