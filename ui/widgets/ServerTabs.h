#pragma once

#include <QHash>
#include <QTabWidget>

#include <functional>

namespace difusor::ui {

class ServerEntry;
class ServerSet;

// A live page for each watched server, one tab each; the tab bar shows only when two or more servers
// are watched. The factory makes the page of an entry (and binds it to the entry's sessions); a page
// goes when its entry is removed. The primary server's page is always there (it outlives reconnects).
class ServerTabs final : public QTabWidget
{
    Q_OBJECT
public:
    using Factory = std::function<QWidget *(ServerEntry *entry, QWidget *parent)>;

    ServerTabs(ServerSet *servers, Factory factory, QWidget *parent = nullptr);

    QWidget *pageFor(ServerEntry *entry) const { return m_pages.value(entry); }
    QWidget *primaryPage() const;

private:
    void add(ServerEntry *entry);
    void remove(ServerEntry *entry);
    void retitle(ServerEntry *entry);

    ServerSet *m_servers;
    Factory m_factory;
    QHash<ServerEntry *, QWidget *> m_pages;
};

} // namespace difusor::ui
