// installCutsPage: a page per watched server (tabs), each showing its server's CutSession.

#include "CutsPage.h"

#include "MainWindow.h"
#include "connection/ServerSet.h"
#include "cuts/CutMonitor.h"
#include "cuts/CutSession.h"
#include "remote/RemoteHost.h"
#include "widgets/ServerTabs.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

namespace difusor::ui {

namespace {

// One per server tab, the page's child: shows the server's CutSession (made by its ServerEntry once
// the server is identified) and what its cut watcher is doing.
class CutsWatch final : public QObject
{
    Q_DECLARE_TR_FUNCTIONS(difusor::ui::CutsWatch) // no signals or slots of its own: no moc
public:
    CutsWatch(ServerEntry *entry, CutsPage *page)
        : QObject(page)
        , m_entry(entry)
        , m_page(page)
    {
        connect(entry, &ServerEntry::ready, this, &CutsWatch::attach);
        connect(entry, &ServerEntry::gone, this, &CutsWatch::detach);
        if (entry->isReady())
            attach();
    }

private:
    void attach()
    {
        cuts::CutSession *session = m_entry->cuts();
        if (!session)
            return;
        const Profile profile = m_entry->profile();
        connect(session, &cuts::CutSession::watcherStateChanged, this,
                [this, dir = profile.publicationDir](cuts::CutSession::WatcherState state, const QString &detail) {
                    showWatcher(state, detail, dir);
                });
        m_page->setMonitor(session->monitor(), m_entry->title());
        showWatcher(session->watcherState() == cuts::CutSession::WatcherState::Stopped
                        ? cuts::CutSession::WatcherState::Starting
                        : session->watcherState(),
                    {}, profile.publicationDir);
    }

    void detach()
    {
        if (cuts::CutSession *session = m_entry->cuts())
            disconnect(session, nullptr, this, nullptr);
        m_page->setMonitor(nullptr);
        m_page->setWatcherText({}, false);
    }

    void showWatcher(cuts::CutSession::WatcherState state, const QString &detail, const QString &dir)
    {
        using State = cuts::CutSession::WatcherState;
        const QString extra = detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(detail);
        cuts::CutSession *session = m_entry->cuts();
        switch (state) {
        case State::Stopped: m_page->setWatcherText({}, false); break;
        case State::Starting:
            m_page->setWatcherText(tr("Carpeta de publicación %1: iniciando la vigilancia…").arg(dir) + extra, false);
            break;
        case State::Watching:
            m_page->setWatcherText(tr("Carpeta de publicación %1: vigilada (%2).")
                                       .arg(dir, session ? session->watcherMethod() : QString()),
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

    ServerEntry *m_entry;
    CutsPage *m_page;
};

} // namespace

void installCutsPage(const PageContext &context)
{
    if (!context.window)
        return;
    auto *tabs = new ServerTabs(context.window->servers(), [](ServerEntry *entry, QWidget *parent) {
        auto *page = new CutsPage(parent);
        new CutsWatch(entry, page);
        return page;
    });
    context.window->setPage(MainWindow::Page::Cuts, tabs);
    // For screenshots and rehearsals: open on this page.
    if (qEnvironmentVariable("DIFUSOR_PAGE") == QLatin1String("cuts"))
        QTimer::singleShot(0, context.window, [window = context.window] { window->showPage(MainWindow::Page::Cuts); });
}

} // namespace difusor::ui
