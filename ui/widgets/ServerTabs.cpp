#include "ServerTabs.h"

#include "connection/ServerSet.h"

#include <QTabBar>

namespace difusor::ui {

ServerTabs::ServerTabs(ServerSet *servers, Factory factory, QWidget *parent)
    : QTabWidget(parent)
    , m_servers(servers)
    , m_factory(std::move(factory))
{
    setDocumentMode(true);
    setTabBarAutoHide(true);
    for (ServerEntry *entry : servers->entries())
        add(entry);
    connect(servers, &ServerSet::entryAdded, this, &ServerTabs::add);
    connect(servers, &ServerSet::entryRemoved, this, &ServerTabs::remove);
}

QWidget *ServerTabs::primaryPage() const
{
    return pageFor(m_servers->primary());
}

void ServerTabs::add(ServerEntry *entry)
{
    QWidget *page = m_factory(entry, this);
    if (!page)
        return;
    m_pages.insert(entry, page);
    addTab(page, entry->title());
    connect(entry, &ServerEntry::hostChanged, this, [this, entry] { retitle(entry); });
    retitle(entry);
}

void ServerTabs::remove(ServerEntry *entry)
{
    QWidget *page = m_pages.take(entry);
    disconnect(entry, nullptr, this, nullptr);
    if (!page)
        return;
    removeTab(indexOf(page));
    page->deleteLater();
}

void ServerTabs::retitle(ServerEntry *entry)
{
    QWidget *page = m_pages.value(entry);
    if (!page)
        return;
    const QString title = entry->controller()->host() ? entry->title() : tr("Sin servidor");
    setTabText(indexOf(page), title);
    setTabToolTip(indexOf(page), entry->profile().host);
}

} // namespace difusor::ui
