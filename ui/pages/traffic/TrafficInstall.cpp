// installTrafficPage: the page in the window, and a TrafficSession on the connected profile's access log.

#include "TrafficPage.h"

#include "MainWindow.h"
#include "connection/ConnectionController.h"
#include "remote/RemoteHost.h"
#include "traffic/TrafficSession.h"

#include <QPointer>
#include <QTimer>

namespace difusor::ui {

namespace {

// One per window, the page's child: a session per connected host, torn down on disconnect or when
// another host replaces it (the host is destroyed with its connection: never outlive it).
class TrafficWatch final : public QObject
{
public:
    TrafficWatch(const PageContext &context, TrafficPage *page)
        : QObject(page)
        , m_window(context.window)
        , m_store(context.store)
        , m_page(page)
    {
        connect(m_window, &MainWindow::hostChanged, this, &TrafficWatch::onHostChanged);
    }

private:
    void onHostChanged(remote::RemoteHost *host)
    {
        tearDown();
        if (!host)
            return;
        const Profile profile = m_window->connection()->profile();
        if (profile.accessLog.isEmpty())
            return;
        m_session = new traffic::TrafficSession(host, profile, this);
        if (m_store)
            m_session->setStore(m_store);
        m_page->setSession(m_session, profile.name.isEmpty() ? host->displayName() : profile.name);
        connect(m_window, &MainWindow::ourSiteAnswering, m_session.data(), &traffic::TrafficSession::setSiteUp);
        m_session->start();
        connect(host, &QObject::destroyed, this, [this] { tearDown(); });
    }

    void tearDown()
    {
        m_page->setSession(nullptr);
        if (m_session) {
            m_session->stop();
            delete m_session.data();
        }
    }

    MainWindow *m_window;
    store::StoreThread *m_store;
    TrafficPage *m_page;
    QPointer<traffic::TrafficSession> m_session;
};

} // namespace

void installTrafficPage(const PageContext &context)
{
    if (!context.window)
        return;
    auto *page = new TrafficPage;
    context.window->setPage(MainWindow::Page::Traffic, page);
    new TrafficWatch(context, page);
    // For screenshots and rehearsals: open on this page.
    if (qEnvironmentVariable("DIFUSOR_PAGE") == QLatin1String("traffic"))
        QTimer::singleShot(0, context.window, [window = context.window] { window->showPage(MainWindow::Page::Traffic); });
}

} // namespace difusor::ui
