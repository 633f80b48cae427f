#include "GuiMetrics.h"

#include "ServerSet.h"
#include "metrics/MetricsRegistry.h"
#include "metrics/MetricsServer.h"
#include "metrics/ServerMetrics.h"

namespace difusor::ui {

GuiMetrics::GuiMetrics(ServerSet *servers, QObject *parent)
    : QObject(parent)
    , m_servers(servers)
{
}

GuiMetrics::~GuiMetrics()
{
    stop(); // the window's ServerSet may be gone already: only our own connections are dropped
}

bool GuiMetrics::isServing() const
{
    return m_server && m_server->isListening();
}

QString GuiMetrics::url() const
{
    if (!isServing())
        return {};
    return QStringLiteral("http://%1:%2/metrics").arg(m_server->address().toString()).arg(m_server->port());
}

bool GuiMetrics::start(const QString &listen, QString *error)
{
    stop();
    const auto where = metrics::MetricsServer::parseListen(listen, error);
    if (!where)
        return false;
    m_registry = std::make_unique<metrics::MetricsRegistry>();
    metrics::ServerMetrics::defineFamilies(m_registry.get());
    m_server = std::make_unique<metrics::MetricsServer>(m_registry.get());
    if (!m_server->listen(where->first, where->second, error)) {
        m_server.reset();
        m_registry.reset();
        return false;
    }
    for (ServerEntry *entry : m_servers->entries())
        bind(entry);
    m_connections << connect(m_servers, &ServerSet::entryAdded, this, &GuiMetrics::bind)
                  << connect(m_servers, &ServerSet::entryRemoved, this,
                             [this](ServerEntry *entry) { delete m_metrics.take(entry); });
    return true;
}

void GuiMetrics::stop()
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    qDeleteAll(m_metrics);
    m_metrics.clear();
    m_server.reset();
    m_registry.reset();
}

void GuiMetrics::bind(ServerEntry *entry)
{
    m_connections << connect(entry, &ServerEntry::ready, this, [this, entry] { attach(entry); })
                  << connect(entry, &ServerEntry::gone, this, [this, entry] { delete m_metrics.take(entry); });
    if (entry->isReady())
        attach(entry);
}

void GuiMetrics::attach(ServerEntry *entry)
{
    delete m_metrics.take(entry);
    if (!m_registry)
        return;
    auto *serverMetrics = new metrics::ServerMetrics(m_registry.get(), entry->title());
    serverMetrics->attachHost(entry->host());
    if (entry->cuts())
        serverMetrics->attachCuts(entry->cuts()->monitor());
    if (entry->traffic())
        serverMetrics->attachTraffic(entry->traffic());
    m_metrics.insert(entry, serverMetrics);
}

} // namespace difusor::ui
