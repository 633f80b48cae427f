// installCutsPage: the page in the window, and the CutSession of the connected profile.

#include "CutsPage.h"

#include "MainWindow.h"
#include "connection/ConnectionController.h"
#include "cuts/CutMonitor.h"
#include "cuts/CutSession.h"
#include "remote/RemoteHost.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

namespace difusor::ui {

namespace {

// One per window. Lives as the page's child: created on hostChanged(host), gone on disconnect or
// when another host replaces it.
class CutsWatch final : public QObject
{
    Q_DECLARE_TR_FUNCTIONS(difusor::ui::CutsWatch) // no signals or slots of its own: no moc
public:
    CutsWatch(const PageContext &context, CutsPage *page)
        : QObject(page)
        , m_window(context.window)
        , m_store(context.store)
        , m_page(page)
    {
        connect(m_window, &MainWindow::hostChanged, this, &CutsWatch::onHostChanged);
    }

private:
    void onHostChanged(remote::RemoteHost *host)
    {
        tearDown();
        if (!host || !m_store)
            return;
        const Profile profile = m_window->connection()->profile();
        m_session = new cuts::CutSession(host, profile, m_store, this);
        connect(m_session, &cuts::CutSession::watcherStateChanged, this,
                [this, dir = profile.publicationDir](cuts::CutSession::WatcherState state, const QString &detail) {
                    showWatcher(state, detail, dir);
                });
        m_page->setMonitor(m_session->monitor(), profile.name.isEmpty() ? host->displayName() : profile.name);
        connect(m_session->monitor(), &cuts::CutMonitor::ourSiteAnswering, m_window, &MainWindow::ourSiteAnswering);
        showWatcher(cuts::CutSession::WatcherState::Starting, {}, profile.publicationDir);
        m_session->start();
        // The host is destroyed with its connection: never outlive it.
        connect(host, &QObject::destroyed, this, [this] { tearDown(); });
    }

    void showWatcher(cuts::CutSession::WatcherState state, const QString &detail, const QString &dir)
    {
        using State = cuts::CutSession::WatcherState;
        const QString extra = detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(detail);
        switch (state) {
        case State::Stopped: m_page->setWatcherText({}, false); break;
        case State::Starting:
            m_page->setWatcherText(tr("Carpeta de publicación %1: iniciando la vigilancia…").arg(dir) + extra, false);
            break;
        case State::Watching:
            m_page->setWatcherText(tr("Carpeta de publicación %1: vigilada (%2).")
                                       .arg(dir, m_session ? m_session->watcherMethod() : QString()),
                                   false);
            break;
        case State::Reconnecting:
            m_page->setWatcherText(tr("Carpeta de publicación %1: vigilancia interrumpida, reanudando; lo que "
                                      "llegue mientras tanto se recupera al volver.")
                                           .arg(dir)
                                       + extra,
                                   true);
            break;
        case State::Failed:
            m_page->setWatcherText(tr("Carpeta de publicación %1: la vigilancia falló.").arg(dir) + extra, true);
            break;
        }
    }

    void tearDown()
    {
        m_page->setMonitor(nullptr);
        if (m_session) {
            m_session->stop();
            delete m_session.data();
        }
    }

    MainWindow *m_window;
    store::StoreThread *m_store;
    CutsPage *m_page;
    QPointer<cuts::CutSession> m_session;
};

} // namespace

void installCutsPage(const PageContext &context)
{
    if (!context.window)
        return;
    auto *page = new CutsPage(context.store);
    context.window->setPage(MainWindow::Page::Cuts, page);
    new CutsWatch(context, page);
    // For screenshots and rehearsals: open on this page.
    if (qEnvironmentVariable("DIFUSOR_PAGE") == QLatin1String("cuts"))
        QTimer::singleShot(0, context.window, [window = context.window] { window->showPage(MainWindow::Page::Cuts); });
}

} // namespace difusor::ui
