// installTrafficPage: a page per watched server (tabs), each showing its server's TrafficSession.

#include "TrafficPage.h"

#include "MainWindow.h"
#include "connection/ServerSet.h"
#include "remote/RemoteHost.h"
#include "traffic/TrafficSession.h"
#include "widgets/ServerTabs.h"

#include <QPointer>
#include <QTimer>

namespace difusor::ui {

namespace {

// One per server tab, the page's child: shows the server's TrafficSession (made by its ServerEntry
// once the server is identified; none when the profile has no access_log).
class TrafficWatch final : public QObject
{
public:
    TrafficWatch(ServerEntry *entry, TrafficPage *page)
        : QObject(page)
        , m_entry(entry)
        , m_page(page)
    {
        connect(entry, &ServerEntry::ready, this, &TrafficWatch::attach);
        connect(entry, &ServerEntry::gone, this, [this] { m_page->setSession(nullptr); });
        if (entry->isReady())
            attach();
    }

private:
    void attach()
    {
        if (traffic::TrafficSession *session = m_entry->traffic())
            m_page->setSession(session, m_entry->title());
    }

    ServerEntry *m_entry;
    TrafficPage *m_page;
};

} // namespace

void installTrafficPage(const PageContext &context)
{
    if (!context.window)
        return;
    auto *tabs = new ServerTabs(context.window->servers(), [](ServerEntry *entry, QWidget *parent) {
        auto *page = new TrafficPage(parent);
        new TrafficWatch(entry, page);
        return page;
    });
    context.window->setPage(MainWindow::Page::Traffic, tabs);
    // For screenshots and rehearsals: open on this page.
    if (qEnvironmentVariable("DIFUSOR_PAGE") == QLatin1String("traffic"))
        QTimer::singleShot(0, context.window, [window = context.window] { window->showPage(MainWindow::Page::Traffic); });
}

} // namespace difusor::ui
