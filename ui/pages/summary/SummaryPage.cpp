#include "SummaryPage.h"

#include "NightTile.h"
#include "SummaryFeed.h"
#include "connection/ServerSet.h"
#include "pages/incidents/IncidentsPage.h"
#include "pages/cuts/CutsTableModel.h"
#include "widgets/ServerTabs.h"

#include <QAction>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QScreen>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace difusor::ui {

namespace {

QFont scaledFont(const QFont &base, qreal pixels, bool bold)
{
    QFont f = base;
    f.setPixelSize(qMax(1, qRound(pixels)));
    f.setBold(bold);
    return f;
}

} // namespace

SummaryPage::SummaryPage(ServerSet *servers, QWidget *parent)
    : QWidget(parent)
    , m_servers(servers)
    , m_gridHost(new QWidget(this))
    , m_grid(new QGridLayout(m_gridHost))
    , m_title(new QLabel(tr("Resumen"), this))
    , m_clock(new QLabel(this))
    , m_fullScreenButton(new QToolButton(this))
    , m_fullScreenAction(new QAction(tr("Pantalla completa"), this))
    , m_leaveAction(new QAction(tr("Salir de pantalla completa"), this))
{
    setObjectName(QStringLiteral("summaryPage"));
    m_gridHost->setObjectName(QStringLiteral("summaryGrid"));
    m_clock->setObjectName(QStringLiteral("summaryClock"));
    m_title->setFont(scaledFont(font(), 26, true));
    m_clock->setFont(scaledFont(font(), 26, true));
    m_clock->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    // Window-wide, but only while the page is on screen (an action's shortcut needs its widget visible).
    m_fullScreenAction->setObjectName(QStringLiteral("summaryFullScreen"));
    m_fullScreenAction->setCheckable(true);
    m_fullScreenAction->setShortcut(QKeySequence(Qt::Key_F11));
    m_fullScreenAction->setShortcutContext(Qt::WindowShortcut);
    m_fullScreenAction->setToolTip(tr("Muestra el resumen a pantalla completa, para leerlo a distancia (F11; Esc sale)."));
    connect(m_fullScreenAction, &QAction::triggered, this, [this] { setFullScreen(!m_fullScreen); });
    addAction(m_fullScreenAction);
    m_leaveAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_leaveAction->setShortcutContext(Qt::WindowShortcut);
    m_leaveAction->setEnabled(false);
    connect(m_leaveAction, &QAction::triggered, this, [this] { setFullScreen(false); });
    addAction(m_leaveAction);
    m_fullScreenButton->setDefaultAction(m_fullScreenAction);
    m_fullScreenButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_fullScreenButton->setText(tr("Pantalla completa (F11)"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_title);
    top->addStretch(1);
    top->addWidget(m_clock);
    top->addSpacing(16);
    top->addWidget(m_fullScreenButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_gridHost, 1);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(8);
    m_gridHost->installEventFilter(this);

    for (ServerEntry *entry : servers->entries())
        add(entry);
    connect(servers, &ServerSet::entryAdded, this, &SummaryPage::add);
    connect(servers, &ServerSet::entryRemoved, this, &SummaryPage::remove);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &SummaryPage::tick);
    m_tick.start();
    relayout(true);
}

SummaryPage::~SummaryPage()
{
    if (m_fullScreenWindow)
        m_fullScreenWindow->removeEventFilter(this);
}

NightTile *SummaryPage::tile(ServerEntry *entry, SummaryArea area) const
{
    const auto it = m_rows.constFind(entry);
    return it == m_rows.cend() ? nullptr : it->tiles.value(int(area));
}

QLabel *SummaryPage::serverHeader(ServerEntry *entry) const
{
    return m_rows.value(entry).header;
}

const SummaryFacts *SummaryPage::facts(ServerEntry *entry) const
{
    const auto it = m_rows.constFind(entry);
    return it == m_rows.cend() ? nullptr : &it->feed->facts();
}

MainWindow::Page SummaryPage::pageOf(SummaryArea area)
{
    switch (area) {
    case SummaryArea::Connection: return MainWindow::Page::Connection;
    case SummaryArea::Infrastructure: return MainWindow::Page::Infrastructure;
    case SummaryArea::Cuts:
    case SummaryArea::Publication: return MainWindow::Page::Cuts; // the lag is on the cuts page
    case SummaryArea::Traffic: return MainWindow::Page::Traffic;
    case SummaryArea::Incidents: return MainWindow::Page::Incidents;
    }
    return MainWindow::Page::Summary;
}

void SummaryPage::add(ServerEntry *entry)
{
    Server server;
    server.feed = new SummaryFeed(entry, this);
    server.header = new QLabel(m_gridHost);
    server.header->setObjectName(QStringLiteral("summaryServer"));
    server.header->setWordWrap(true);
    for (int a = 0; a < kSummaryAreaCount; ++a) {
        auto *tile = new NightTile(SummaryArea(a), m_gridHost);
        tile->installEventFilter(this);
        connect(tile, &QAbstractButton::clicked, this, [this, entry, a] { Q_EMIT openRequested(entry, SummaryArea(a)); });
        server.tiles.append(tile);
    }
    m_order.append(entry);
    m_rows.insert(entry, server);
    connect(server.feed, &SummaryFeed::changed, this, [this, entry] { refresh(entry); });
    relayout(true);
    refresh(entry);
}

void SummaryPage::remove(ServerEntry *entry)
{
    const auto it = m_rows.find(entry);
    if (it == m_rows.end())
        return;
    Server server = *it;
    m_rows.erase(it);
    m_order.removeOne(entry);
    delete server.feed;
    delete server.header;
    qDeleteAll(server.tiles);
    relayout(true);
}

void SummaryPage::refresh(ServerEntry *entry)
{
    // Nothing is drawn while hidden: showEvent catches up.
    if (!isVisible())
        return;
    const auto it = m_rows.constFind(entry);
    if (it == m_rows.cend())
        return;
    const QString name = entry->host() ? entry->title() : tr("Sin servidor");
    if (it->header->text() != name) {
        it->header->setText(name);
        it->header->setToolTip(entry->profile().host);
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const SummaryFacts &facts = it->feed->facts();
    for (NightTile *tile : it->tiles) {
        tile->setServerName(name);
        tile->setTile(evaluateSummaryTile(tile->area(), facts, now));
    }
}

void SummaryPage::refreshAll()
{
    for (ServerEntry *entry : std::as_const(m_order))
        refresh(entry);
}

void SummaryPage::tick()
{
    // The ages and the clock only matter on screen.
    if (!isVisible())
        return;
    m_clock->setText(QStringLiteral("%1 (%2)").arg(mexicoClock(QDateTime::currentDateTimeUtc(), true), zoneLabel()));
    refreshAll();
}

void SummaryPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    relayout(false);
    tick();
}

void SummaryPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    // Another page took the window (a tile, a notification's "Ver"): full screen without the page list
    // would leave no way back but Esc, which only this page hears. A minimized window is spontaneous.
    if (m_fullScreen && !event->spontaneous())
        setFullScreen(false);
}

void SummaryPage::setFullScreen(bool on)
{
    if (on == m_fullScreen)
        return;
    m_fullScreen = on;
    if (on) {
        m_fullScreenWindow = window();
        m_stateBefore = m_fullScreenWindow->windowState();
        m_fullScreenWindow->installEventFilter(this);
        m_fullScreenWindow->setWindowState(m_stateBefore | Qt::WindowFullScreen);
    } else if (m_fullScreenWindow) {
        QWidget *top = m_fullScreenWindow;
        m_fullScreenWindow = nullptr;
        top->removeEventFilter(this);
        if (top->windowState() & Qt::WindowFullScreen)
            top->setWindowState(m_stateBefore & ~Qt::WindowFullScreen);
    }
    m_fullScreenAction->setChecked(on);
    m_leaveAction->setEnabled(on);
    m_fullScreenButton->setText(on ? tr("Salir de pantalla completa (Esc)") : tr("Pantalla completa (F11)"));
    Q_EMIT fullScreenChanged(on);
}

bool SummaryPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_gridHost && event->type() == QEvent::Resize) {
        relayout(false);
    } else if (watched == m_fullScreenWindow && event->type() == QEvent::WindowStateChange) {
        // Left by the window manager or another part of the window: follow it.
        if (m_fullScreen && !(m_fullScreenWindow->windowState() & Qt::WindowFullScreen))
            setFullScreen(false);
    } else if (event->type() == QEvent::KeyPress) {
        if (auto *tile = qobject_cast<NightTile *>(watched)) {
            const int key = static_cast<QKeyEvent *>(event)->key();
            const int dRow = key == Qt::Key_Up ? -1 : key == Qt::Key_Down ? 1 : 0;
            const int dColumn = key == Qt::Key_Left ? -1 : key == Qt::Key_Right ? 1 : 0;
            if (dRow != 0 || dColumn != 0) {
                moveFocus(tile, dRow, dColumn);
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SummaryPage::moveFocus(NightTile *from, int dRow, int dColumn)
{
    const int index = m_grid->indexOf(from);
    if (index < 0)
        return;
    int row = 0, column = 0, rowSpan = 0, columnSpan = 0;
    m_grid->getItemPosition(index, &row, &column, &rowSpan, &columnSpan);
    QLayoutItem *item = m_grid->itemAtPosition(row + dRow, column + dColumn);
    if (auto *next = item ? qobject_cast<NightTile *>(item->widget()) : nullptr)
        next->setFocus(Qt::TabFocusReason);
}

void SummaryPage::relayout(bool force)
{
    const int servers = int(m_order.size());
    const QSize area = m_gridHost->size();
    // Which way gives the bigger word: servers across (six tiles in each column) or down (six in each row).
    const qreal headerShare = 0.12; // the server names' column, when servers are rows
    const int n = qMax(1, servers);
    const qreal asColumns = NightTile::wordPixels(QSizeF(area.width() / qreal(n), (area.height() - 48) / qreal(kSummaryAreaCount)));
    const qreal asRows = NightTile::wordPixels(QSizeF(area.width() * (1 - headerShare) / kSummaryAreaCount, area.height() / qreal(n)));
    const Orientation wanted = asRows > asColumns ? Orientation::ServersAsRows : Orientation::ServersAsColumns;
    if (force || wanted != m_orientation || servers != m_laidOut) {
        m_orientation = wanted;
        m_laidOut = servers;
        while (m_grid->count() > 0)
            delete m_grid->takeAt(0); // the widgets stay; only their places go
        for (int i = 0; i < kSummaryAreaCount + 1 + 32; ++i) {
            m_grid->setRowStretch(i, 0);
            m_grid->setColumnStretch(i, 0);
        }
        for (int s = 0; s < servers; ++s) {
            const Server &server = m_rows.value(m_order.at(s));
            if (m_orientation == Orientation::ServersAsColumns) {
                m_grid->addWidget(server.header, 0, s);
                m_grid->setColumnStretch(s, 1);
                for (int a = 0; a < kSummaryAreaCount; ++a)
                    m_grid->addWidget(server.tiles.at(a), 1 + a, s);
            } else {
                m_grid->addWidget(server.header, s, 0);
                m_grid->setRowStretch(s, 1);
                for (int a = 0; a < kSummaryAreaCount; ++a)
                    m_grid->addWidget(server.tiles.at(a), s, 1 + a);
            }
        }
        if (m_orientation == Orientation::ServersAsColumns) {
            for (int a = 0; a < kSummaryAreaCount; ++a)
                m_grid->setRowStretch(1 + a, 1);
        } else {
            for (int a = 0; a < kSummaryAreaCount; ++a)
                m_grid->setColumnStretch(1 + a, 1);
        }
        // Tab follows the reading order: each server's areas in turn.
        QWidget *previous = nullptr;
        for (ServerEntry *entry : std::as_const(m_order)) {
            for (NightTile *tile : m_rows.value(entry).tiles) {
                if (previous)
                    setTabOrder(previous, tile);
                previous = tile;
            }
        }
    }
    // Server names as big as the tiles' captions allow.
    const qreal tileHeight = m_orientation == Orientation::ServersAsColumns ? area.height() / qreal(kSummaryAreaCount + 1)
                                                                            : area.height() / qreal(qMax(1, servers));
    const QFont headerFont = scaledFont(font(), qBound(16.0, tileHeight * 0.28, 40.0), true);
    for (const Server &server : std::as_const(m_rows)) {
        if (server.header->font() != headerFont)
            server.header->setFont(headerFont);
        server.header->setAlignment(m_orientation == Orientation::ServersAsColumns ? Qt::AlignHCenter | Qt::AlignBottom
                                                                                   : Qt::AlignLeft | Qt::AlignVCenter);
        server.header->setMaximumWidth(m_orientation == Orientation::ServersAsRows ? qMax(120, int(area.width() * headerShare))
                                                                                   : QWIDGETSIZE_MAX);
    }
}

void installSummaryPage(const PageContext &context)
{
    if (!context.window)
        return;
    MainWindow *window = context.window;
    auto *page = new SummaryPage(window->servers());
    window->setPage(MainWindow::Page::Summary, page);
    QObject::connect(page, &SummaryPage::openRequested, window, [window, page](ServerEntry *entry, SummaryArea area) {
        page->setFullScreen(false);
        const MainWindow::Page target = SummaryPage::pageOf(area);
        window->showPage(target);
        if (auto *tabs = qobject_cast<ServerTabs *>(window->page(target))) {
            if (QWidget *serverPage = tabs->pageFor(entry))
                tabs->setCurrentWidget(serverPage);
        }
        // The "Incidentes" page is one list for every server: it shows what the tile counts, this
        // server's unresolved incidents (the server is in its filter once the page has read it from
        // the store, i.e. once it has incidents or the page reloaded since it was registered).
        if (auto *incidents = qobject_cast<IncidentsPage *>(window->page(target))) {
            auto choose = [](QComboBox *combo, const QVariant &value) {
                const int i = combo->findData(value);
                if (i >= 0)
                    combo->setCurrentIndex(i);
            };
            choose(incidents->stateFilter(), QStringLiteral("unresolved"));
            choose(incidents->severityFilter(), QString());
            choose(incidents->kindFilter(), QString());
            choose(incidents->periodFilter(), incidents->periodFilter()->itemData(0));
            choose(incidents->serverFilter(), entry->store().server());
        }
    });
    // Full screen is the page alone: no menus, page list, status bar or "Comandos" pane.
    QObject::connect(page, &SummaryPage::fullScreenChanged, window, [window](bool on) { window->setChromeVisible(!on); });
    if (qgetenv("DIFUSOR_PAGE") == "summary") {
        window->showPage(MainWindow::Page::Summary);
        // DIFUSOR_FULLSCREEN=1: start full screen (screenshots at the screen's own size). The window
        // also takes the screen's geometry itself: under xvfb no window manager applies full screen.
        if (qgetenv("DIFUSOR_FULLSCREEN") == "1") {
            QTimer::singleShot(0, page, [window, page] {
                if (QScreen *screen = window->screen())
                    window->setGeometry(screen->geometry());
                page->setFullScreen(true);
            });
        }
    }
}

} // namespace difusor::ui
