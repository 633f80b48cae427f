#pragma once

#include "MainWindow.h"
#include "NightState.h"
#include "pages/PageContext.h"

#include <QHash>
#include <QList>
#include <QTimer>
#include <QWidget>

class QAction;
class QGridLayout;
class QLabel;
class QToolButton;

namespace difusor::ui {

class NightTile;
class ServerEntry;
class ServerSet;
class SummaryFeed;

// "Resumen", the night view: one screen to read from three metres. A tile per area and watched server
// (Conexión, Infraestructura, Cortes, Publicación, Tráfico, Incidentes), each a big word with an icon
// and a colour (never colour alone), a server name over each column or beside each row. The grid
// turns to whichever way gives the bigger words on the screen it has: servers as columns when few
// (the usual one to three: wide tiles), as rows when many. F11 shows it full screen (the window's menus,
// page list and status bar hide), Esc or F11 leaves. A tile opens its area's page on the server's tab,
// or the "Incidentes" list filtered to the server's unresolved incidents (click, Space or Enter; Tab
// and the arrow keys move between tiles).
//
// Cheap: the facts are kept by a SummaryFeed per server (live signals and reads on the store's thread);
// nothing is redrawn while the page is hidden, and it catches up when shown; the clock ticks once a second.
class SummaryPage final : public QWidget
{
    Q_OBJECT
public:
    enum class Orientation { ServersAsRows, ServersAsColumns };

    explicit SummaryPage(ServerSet *servers, QWidget *parent = nullptr);
    ~SummaryPage() override;

    QList<ServerEntry *> entries() const { return m_order; }
    NightTile *tile(ServerEntry *entry, SummaryArea area) const;
    QLabel *serverHeader(ServerEntry *entry) const;
    const SummaryFacts *facts(ServerEntry *entry) const;
    Orientation orientation() const { return m_orientation; }
    QLabel *clock() const { return m_clock; }

    bool isFullScreen() const { return m_fullScreen; }
    // Full screen of the window the page is in (F11; Esc or F11 again leaves). Also left when the page
    // is hidden (another page shown) or the window leaves full screen by other means.
    void setFullScreen(bool on);
    QAction *fullScreenAction() const { return m_fullScreenAction; }

    // The page a tile of the area opens (the server's tab on it).
    static MainWindow::Page pageOf(SummaryArea area);

Q_SIGNALS:
    void openRequested(difusor::ui::ServerEntry *entry, difusor::ui::SummaryArea area);
    void fullScreenChanged(bool on);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Server
    {
        SummaryFeed *feed = nullptr;
        QLabel *header = nullptr;
        QList<NightTile *> tiles; // by SummaryArea
    };

    void add(ServerEntry *entry);
    void remove(ServerEntry *entry);
    void refresh(ServerEntry *entry);
    void refreshAll();
    void tick();
    void relayout(bool force);
    void moveFocus(NightTile *from, int dRow, int dColumn);

    ServerSet *m_servers;
    QList<ServerEntry *> m_order;
    QHash<ServerEntry *, Server> m_rows;
    QWidget *m_gridHost;
    QGridLayout *m_grid;
    QLabel *m_title;
    QLabel *m_clock;
    QToolButton *m_fullScreenButton;
    QAction *m_fullScreenAction;
    QAction *m_leaveAction;
    Orientation m_orientation = Orientation::ServersAsColumns;
    int m_laidOut = -1; // servers in the grid as it is
    bool m_fullScreen = false;
    Qt::WindowStates m_stateBefore;
    QWidget *m_fullScreenWindow = nullptr;
    QTimer m_tick;
};

void installSummaryPage(const PageContext &context);

} // namespace difusor::ui
