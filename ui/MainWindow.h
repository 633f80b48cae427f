#pragma once

#include "common/Profile.h"

#include <QMainWindow>

class QListWidget;
class QMenu;
class QStackedWidget;

namespace difusor::remote {
class RemoteHost;
}
namespace difusor::store {
class StoreThread;
}

namespace difusor::ui {

class AlertBanner;
class CommandLogDock;
class DesktopNotifier;
class IncidentAlerts;
class ConnectionController;
class ConnectionPage;
class ConnectionStatus;
class ProfileStore;
class GuiMetrics;
class ServerSet;

// The console's one window: page list on the left, the page, the "Comandos" dock and the status bar
// (connection state, server, round trip).
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    enum class Page { Connection, Summary, Infrastructure, Cuts, Traffic, Incidents, Drills, Export, Count };

    // `profilesDir` empty: <AppDataLocation>/profiles.
    explicit MainWindow(const QString &profilesDir = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Replaces a page's placeholder with the real page (the window takes ownership).
    void setPage(Page page, QWidget *widget);
    QWidget *page(Page page) const;
    void showPage(Page page);
    Page currentPage() const;
    // Hides (false) or brings back the menus, the page list, the status bar and the "Comandos" pane, so
    // a page can fill the screen (the "Resumen" at full screen); the pane comes back only if it was shown.
    void setChromeVisible(bool visible);
    bool isChromeVisible() const { return m_chromeVisible; }

    // Connects to `profile` (also from --profile FILE); remembers it as the last profile. Replaces the
    // primary server; servers added beside it stay.
    void connectProfile(const Profile &profile);
    // Watches `profile` beside the servers already watched ("Conectar además", a second --profile).
    void addServer(const Profile &profile);

    // The console's store (set once, before pages are installed); each server gets its part of it.
    void setStoreThread(store::StoreThread *store);

    // The primary server's connection (the status bar, the "Comandos" pane and the title follow it).
    ConnectionController *connection() const { return m_connection; }
    // Every server watched, the primary first.
    ServerSet *servers() const { return m_servers; }
    // The /metrics endpoint for Prometheus (Ver → Métricas para Prometheus; off by default).
    GuiMetrics *metrics() const { return m_metrics; }
    // Turns the endpoint on (at the setting's address, else 127.0.0.1:9464) or off, and remembers it.
    void setMetricsServing(bool on);
    ConnectionPage *connectionPage() const { return m_connectionPage; }
    ConnectionStatus *connectionStatus() const { return m_status; }
    CommandLogDock *commandLog() const { return m_commandLog; }
    QListWidget *navigation() const { return m_nav; }
    ProfileStore &profileStore() const { return *m_store; }
    // The "Simulación" menu (hidden until the demo fills it).
    QMenu *simulationMenu() const { return m_simulationMenu; }

    AlertBanner *alertBanner() const { return m_banner; }
    DesktopNotifier *notifier() const { return m_notifier; }

Q_SIGNALS:
    void hostChanged(difusor::remote::RemoteHost *host);
    // "Ver" / "Reconocer" on an incident's alert (banner or desktop notification): the "Incidentes" page
    // (already shown) selects it / opens its acknowledgement editor.
    void incidentViewRequested(qint64 incidentId);
    void incidentAcknowledgeRequested(qint64 incidentId);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void buildLanguageMenu(QMenu *menu);
    void onHostChanged(remote::RemoteHost *host);
    void identifyServer(remote::RemoteHost *host);
    void restoreLayout();

    std::unique_ptr<ProfileStore> m_store;
    ConnectionController *m_connection;
    ServerSet *m_servers;
    GuiMetrics *m_metrics;
    QAction *m_metricsAction = nullptr;
    QListWidget *m_nav;
    QStackedWidget *m_stack;
    ConnectionPage *m_connectionPage;
    ConnectionStatus *m_status;
    CommandLogDock *m_commandLog;
    QMenu *m_simulationMenu = nullptr;
    AlertBanner *m_banner = nullptr;
    DesktopNotifier *m_notifier = nullptr;
    IncidentAlerts *m_alerts = nullptr;
    bool m_chromeVisible = true;
    bool m_commandLogWasVisible = false;
};

} // namespace difusor::ui
