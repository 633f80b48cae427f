#include "MainWindow.h"
#include "notify/AlertBanner.h"
#include "notify/DesktopNotifier.h"
#include "notify/IncidentAlerts.h"
#include "store/StoreThread.h"

#include "commands/CommandLogDock.h"
#include "common/Settings.h"
#include "common/Translations.h"
#include "connection/ConnectionController.h"
#include "connection/ConnectionPage.h"
#include "connection/HostFactory.h"
#include "connection/ProfileStore.h"
#include "connection/GuiMetrics.h"
#include "connection/ServerSet.h"
#include "pages/PlaceholderPage.h"
#include "remote/RemoteHost.h"
#include "widgets/ConnectionStatus.h"
#include "widgets/Modal.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMenuBar>
#include <QSplitter>
#include <QVBoxLayout>
#include <QStackedWidget>
#include <QStatusBar>

#include <algorithm>

namespace difusor::ui {

using remote::ConnectionState;
using remote::RemoteHost;
using remote::RemoteJob;

namespace {
struct PageInfo
{
    QString title;
    QString description;
};

PageInfo pageInfo(MainWindow::Page page)
{
    using P = MainWindow::Page;
    switch (page) {
    case P::Connection: return {MainWindow::tr("Conexión"), {}};
    case P::Summary:
        return {MainWindow::tr("Resumen"),
                MainWindow::tr("El estado del difusor de un vistazo: cumplimiento, último corte, desfase y tráfico.")};
    case P::Infrastructure:
        return {MainWindow::tr("Infraestructura"),
                MainWindow::tr("El cumplimiento de cada requisito de infraestructura del anexo técnico, "
                               "medido en el servidor.")};
    case P::Cuts:
        return {MainWindow::tr("Cortes y publicación"),
                MainWindow::tr("La llegada de cada corte del PREP y el desfase de publicación frente al PREP "
                               "oficial (un minuto como máximo).")};
    case P::Traffic:
        return {MainWindow::tr("Tráfico"),
                MainWindow::tr("Visitas, páginas, ancho de banda y códigos de estado del portal, en vivo.")};
    case P::Incidents:
        return {MainWindow::tr("Incidentes"),
                MainWindow::tr("Los incidentes detectados, para reconocerlos, anotarlos y resolverlos.")};
    case P::Drills:
        return {MainWindow::tr("Simulacros"),
                MainWindow::tr("Simulacros con escenarios guionizados y su reporte.")};
    case P::Export:
        return {MainWindow::tr("Exportar"),
                MainWindow::tr("La memoria técnica: PDF, CSV, JSON y las bitácoras de acceso, con un "
                               "manifiesto SHA-256.")};
    case P::Count: break;
    }
    return {};
}
} // namespace

MainWindow::MainWindow(const QString &profilesDir, QWidget *parent)
    : QMainWindow(parent)
    , m_store(std::make_unique<ProfileStore>(profilesDir.isEmpty() ? ProfileStore::defaultDirectory() : profilesDir))
    , m_connection(new ConnectionController(this, this))
    , m_servers(new ServerSet(m_connection, this, this))
    , m_metrics(new GuiMetrics(m_servers, this))
    , m_nav(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_connectionPage(new ConnectionPage(*m_store, this))
    , m_status(new ConnectionStatus(this))
    , m_commandLog(new CommandLogDock(this, Settings::instance().commandLogLimit()))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Consola del difusor PREP"));
    m_connection->setHostFactory(&createSshHost);

    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->setSpacing(2);
    for (int i = 0; i < static_cast<int>(Page::Count); ++i) {
        const auto page = static_cast<Page>(i);
        const PageInfo info = pageInfo(page);
        m_nav->addItem(info.title);
        if (page == Page::Connection)
            m_stack->addWidget(m_connectionPage);
        else
            m_stack->addWidget(new PlaceholderPage(info.title, info.description, m_stack));
    }
    m_nav->setFixedWidth(qMax(190, m_nav->sizeHintForColumn(0) + 40));
    QFont navFont = m_nav->font();
    navFont.setPointSizeF(navFont.pointSizeF() * 1.1);
    m_nav->setFont(navFont);
    connect(m_nav, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    m_nav->setCurrentRow(0);

    // The in-window banner (always, whatever the desktop offers) above the pages; desktop notifications
    // beside it. IncidentAlerts feeds both from the incident log once the store is set.
    m_banner = new AlertBanner(this);
    m_notifier = new DesktopNotifier(this);
    auto *central = new QWidget(this);
    auto *outer = new QVBoxLayout(central);
    outer->setContentsMargins(6, 6, 6, 0);
    outer->addWidget(m_banner);
    auto *layout = new QHBoxLayout;
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_nav);
    layout->addWidget(m_stack, 1);
    outer->addLayout(layout, 1);
    setCentralWidget(central);
    connect(m_notifier, &DesktopNotifier::failed, this, [this](const QString &message) {
        statusBar()->showMessage(message, 15000);
    });

    addDockWidget(Qt::BottomDockWidgetArea, m_commandLog);
    statusBar()->addPermanentWidget(m_status);
    buildMenus();

    connect(m_connectionPage, &ConnectionPage::connectRequested, this, &MainWindow::connectProfile);
    connect(m_connectionPage, &ConnectionPage::addRequested, this, &MainWindow::addServer);
    connect(m_connectionPage, &ConnectionPage::disconnectRequested, m_servers, &ServerSet::disconnectAll);
    connect(m_connectionPage, &ConnectionPage::profileDeleted, m_connection, &ConnectionController::forgetSecrets);
    connect(m_connection, &ConnectionController::hostChanged, this, &MainWindow::onHostChanged);
    connect(m_connection, &ConnectionController::failed, this, [this](const QString &message) {
        Modal::error(this, tr("Conexión"), message);
    });
    auto watchEntry = [this](ServerEntry *entry) {
        connect(entry, &ServerEntry::failed, this, [this](const QString &message) {
            Modal::error(this, tr("Base de datos"), message);
        });
        if (!entry->isPrimary()) {
            connect(entry->controller(), &ConnectionController::failed, this, [this](const QString &message) {
                Modal::error(this, tr("Conexión"), message);
            });
        }
    };
    watchEntry(m_servers->primary());
    connect(m_servers, &ServerSet::entryAdded, this, watchEntry);
    restoreLayout();
}

MainWindow::~MainWindow()
{
    // The servers' sessions end while their connections (children of the controllers) still stand.
    delete m_metrics;
    delete m_servers;
}

void MainWindow::buildMenus()
{
    QMenu *connectionMenu = menuBar()->addMenu(tr("&Conexión"));
    QAction *profiles = connectionMenu->addAction(tr("&Perfiles…"));
    connect(profiles, &QAction::triggered, this, [this] { showPage(Page::Connection); });
    QAction *disconnectAction = connectionMenu->addAction(tr("&Desconectar todo"));
    connect(disconnectAction, &QAction::triggered, m_servers, &ServerSet::disconnectAll);
    connectionMenu->addSeparator();
    QAction *quit = connectionMenu->addAction(tr("&Salir"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *view = menuBar()->addMenu(tr("&Ver"));
    QAction *toggleLog = m_commandLog->toggleViewAction();
    toggleLog->setText(tr("Panel «&Comandos»"));
    view->addAction(toggleLog);
    buildLanguageMenu(view->addMenu(tr("&Idioma")));
    view->addSeparator();
    m_metricsAction = view->addAction(tr("Métricas para &Prometheus"));
    m_metricsAction->setObjectName(QStringLiteral("metricsAction"));
    m_metricsAction->setCheckable(true);
    m_metricsAction->setToolTip(tr("Sirve /metrics (OpenMetrics) de cada servidor vigilado para Prometheus y Grafana; "
                                   "solo en 127.0.0.1 salvo que la configuración diga otra dirección."));
    connect(m_metricsAction, &QAction::triggered, this, &MainWindow::setMetricsServing);

    m_simulationMenu = menuBar()->addMenu(tr("&Simulación"));
    m_simulationMenu->setObjectName(QStringLiteral("simulationMenu"));
    m_simulationMenu->menuAction()->setVisible(false);
}

void MainWindow::buildLanguageMenu(QMenu *menu)
{
    // The language in effect: --lang / DIFUSOR_LANG when given (main() applied them), else the setting.
    const QStringList arguments = QCoreApplication::arguments();
    const bool given = std::any_of(arguments.cbegin(), arguments.cend(), [](const QString &a) {
        return a == QLatin1String("--lang") || a.startsWith(QLatin1String("--lang="));
    });
    const bool overridden = given || !qEnvironmentVariableIsEmpty("DIFUSOR_LANG");
    const QString current = (overridden ? chooseLanguage(arguments) : Settings::instance().language()).left(2);
    auto *group = new QActionGroup(menu);
    const QList<QPair<QString, QString>> languages = {{QStringLiteral("es"), QStringLiteral("Español (México)")},
                                                      {QStringLiteral("en"), QStringLiteral("English")}};
    for (const auto &[code, name] : languages) {
        QAction *action = menu->addAction(name); // each language in its own words, not translated
        action->setCheckable(true);
        action->setChecked(code == current);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code = code] {
            Settings::instance().set(Settings::Key::Language, code);
            statusBar()->showMessage(tr("El idioma cambiará la próxima vez que abra la consola."), 8000);
        });
    }
}

void MainWindow::restoreLayout()
{
    Settings &settings = Settings::instance();
    const QByteArray geometry = settings.get(Settings::Key::WindowGeometry).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1280, 800);
    const QByteArray state = settings.get(Settings::Key::WindowState).toByteArray();
    if (!state.isEmpty())
        restoreState(state);
    m_commandLog->setVisible(settings.get(Settings::Key::ShowCommandLog).toBool());
    m_connectionPage->reload(settings.lastProfile());
    if (!settings.get(Settings::Key::MetricsListen).toString().isEmpty())
        setMetricsServing(true);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // A page at full screen is not the layout to remember.
    if (!m_chromeVisible) {
        setChromeVisible(true);
        setWindowState(windowState() & ~Qt::WindowFullScreen);
    }
    Settings &settings = Settings::instance();
    settings.set(Settings::Key::WindowGeometry, saveGeometry());
    settings.set(Settings::Key::WindowState, saveState());
    settings.set(Settings::Key::ShowCommandLog, m_commandLog->isVisible());
    settings.sync();
    m_servers->disconnectAll();
    QMainWindow::closeEvent(event);
}

void MainWindow::setPage(Page page, QWidget *widget)
{
    const int index = static_cast<int>(page);
    QWidget *old = m_stack->widget(index);
    m_stack->insertWidget(index, widget);
    if (old) {
        m_stack->removeWidget(old);
        old->deleteLater();
    }
    if (m_nav->currentRow() == index)
        m_stack->setCurrentIndex(index);
}

QWidget *MainWindow::page(Page page) const
{
    return m_stack->widget(static_cast<int>(page));
}

void MainWindow::showPage(Page page)
{
    m_nav->setCurrentRow(static_cast<int>(page));
}

MainWindow::Page MainWindow::currentPage() const
{
    return static_cast<Page>(m_nav->currentRow());
}

void MainWindow::setChromeVisible(bool visible)
{
    if (visible == m_chromeVisible)
        return;
    m_chromeVisible = visible;
    if (!visible)
        m_commandLogWasVisible = m_commandLog->isVisible();
    menuBar()->setVisible(visible);
    m_nav->setVisible(visible);
    statusBar()->setVisible(visible);
    m_commandLog->setVisible(visible && m_commandLogWasVisible);
    centralWidget()->layout()->setContentsMargins(visible ? QMargins(6, 6, 6, 0) : QMargins());
}

void MainWindow::connectProfile(const Profile &profile)
{
    Settings::instance().set(Settings::Key::LastProfile, profile.name);
    statusBar()->showMessage(tr("Conectando con el perfil «%1»…").arg(profile.name), 5000);
    m_connection->connectProfile(profile);
}

void MainWindow::addServer(const Profile &profile)
{
    statusBar()->showMessage(tr("Conectando además con el perfil «%1»…").arg(profile.name), 5000);
    m_servers->addServer(profile);
}

void MainWindow::setMetricsServing(bool on)
{
    Settings &settings = Settings::instance();
    if (!on) {
        m_metrics->stop();
        settings.set(Settings::Key::MetricsListen, QString());
        m_metricsAction->setChecked(false);
        statusBar()->showMessage(tr("Métricas para Prometheus: apagadas."), 5000);
        return;
    }
    QString listen = settings.get(Settings::Key::MetricsListen).toString();
    if (listen.isEmpty())
        listen = GuiMetrics::defaultListen();
    QString error;
    if (!m_metrics->start(listen, &error)) {
        m_metricsAction->setChecked(false);
        Modal::error(this, tr("Métricas para Prometheus"), error);
        return;
    }
    settings.set(Settings::Key::MetricsListen, listen);
    m_metricsAction->setChecked(true);
    statusBar()->showMessage(tr("Métricas para Prometheus en %1").arg(m_metrics->url()), 8000);
}

void MainWindow::setStoreThread(store::StoreThread *store)
{
    m_servers->setStoreThread(store);
    m_alerts = new IncidentAlerts(store, m_notifier, m_banner, this);
    // "Ver" and "Reconocer" (banner or notification) open the incident on the "Incidentes" page;
    // acknowledging needs a note, so the page's editor opens for it.
    connect(m_alerts, &IncidentAlerts::viewRequested, this, [this](qint64 id) {
        raise();
        activateWindow();
        showPage(Page::Incidents);
        Q_EMIT incidentViewRequested(id);
    });
    connect(m_alerts, &IncidentAlerts::acknowledgeRequested, this, [this](qint64 id) {
        raise();
        activateWindow();
        showPage(Page::Incidents);
        Q_EMIT incidentAcknowledgeRequested(id);
    });
    // A write nobody waited for (an incident, a notification record) failed: say it where it is seen.
    connect(store, &store::StoreThread::writeFailed, this, [this](const QString &error) {
        Alert alert;
        alert.key = QStringLiteral("store:write");
        alert.severity = QStringLiteral("critical");
        alert.title = tr("La base de datos no guardó un registro");
        alert.body = error;
        m_banner->show(alert);
        statusBar()->showMessage(error, 30000);
    });
    connect(store, &store::StoreThread::opened, m_alerts, [this](bool ok) {
        if (ok)
            m_alerts->loadOpen();
    });
}

void MainWindow::identifyServer(RemoteHost *host)
{
    // One cheap command right after connecting: it tells the technician which machine this is and
    // proves the link runs commands (it shows in the "Comandos" pane like every other).
    RemoteJob *job = host->run(QStringLiteral("uname -snrm"), {}, 15000);
    if (!job)
        return;
    connect(job, &RemoteJob::finished, this, [this, host](const remote::CommandResult &result) {
        if (host != m_connection->host())
            return;
        m_connectionPage->showRemoteSystem(result.ok() ? QString::fromUtf8(result.stdOut.left(300)).trimmed()
                                                       : result.errorText);
    });
}

void MainWindow::onHostChanged(RemoteHost *host)
{
    m_status->setHost(host);
    m_commandLog->setHost(host);
    m_connectionPage->setConnected(host != nullptr, host ? m_connection->profile().name : QString());
    setWindowTitle(host ? tr("Consola del difusor PREP — %1").arg(host->displayName())
                        : tr("Consola del difusor PREP"));
    m_connectionPage->showRemoteSystem({});
    if (host) {
        connect(host, &RemoteHost::stateChanged, this, [this, host](ConnectionState state) {
            if (state == ConnectionState::Connected) {
                statusBar()->clearMessage(); // "Conectando…" is over
                identifyServer(host);
            }
        });
    }
    Q_EMIT hostChanged(host);
}

} // namespace difusor::ui
