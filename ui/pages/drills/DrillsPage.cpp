#include "DrillsPage.h"

#include "DrillProgress.h"
#include "DrillReport.h"
#include "DrillText.h"
#include "ObserveViews.h"
#include "common/MexicoTime.h"
#include "common/Settings.h"
#include "drills/BuiltinScenarios.h"
#include "drills/DrillRunner.h"
#include "drills/Simulacro.h"
#include "incidents/IncidentLog.h"
#include "store/StoreThread.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableWidget>
#include <QThreadPool>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace difusor::ui {

using drills::DrillRunner;
using drills::ObserveWindow;
using drills::PreflightItem;
using drills::Scenario;
using drills::Simulacro;

namespace {

// The scenario list's columns.
enum ScenarioColumn { ColName, ColTitle, ColTarget, ColFaults, ScenarioColumns };
// The history's columns.
enum HistoryColumn { HDate, HScenario, HServer, HStatus, HScore, HOperator, HistoryColumns };

QTableWidget *makeTable(const QString &name, const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setWordWrap(false);
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

bool isSandboxProfile(const Profile &p)
{
    return p.extra.value(QStringLiteral("sandbox")).toBool() && !p.groundTruth.isEmpty();
}

QString targetText(const QString &target)
{
    if (target == QLatin1String("sandbox"))
        return DrillsPage::tr("simulador");
    if (target == QLatin1String("observe"))
        return DrillsPage::tr("solo observar");
    return target;
}

// The window's fields show Central Mexico wall time (UTC-6, written beside them) whatever the machine's
// zone: they hold a QDateTime in UTC spec whose date and time ARE the wall clock's.
QDateTime toWall(const QDateTime &utc)
{
    const QDateTime local = utc.toUTC().toTimeZone(mexicoCentralZone());
    return QDateTime(local.date(), local.time(), Qt::UTC);
}

QDateTime fromWall(const QDateTime &wall)
{
    return QDateTime(wall.date(), wall.time(), mexicoCentralZone()).toUTC();
}

// The window choice's entries after the official dates.
enum WindowChoice { ChoiceNow = 100, ChoiceCustom = 101 };

} // namespace

DrillsPage::DrillsPage(store::StoreThread *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_right(new QStackedWidget(this))
    , m_idle(new QLabel(this))
    , m_progress(new DrillProgress(this))
    , m_report(new DrillReport(this))
    , m_banner(new QLabel(this))
    , m_observeProgress(new ObserveProgress(this))
    , m_observeReport(new ObserveReport(this))
{
    setObjectName(QStringLiteral("drillsPage"));

    auto *title = new QLabel(tr("<h2>Simulacros</h2>"), this);
    m_operator = new QLineEdit(this);
    m_operator->setObjectName(QStringLiteral("drillOperator"));
    m_operator->setMaxLength(80);
    m_operator->setMaximumWidth(220);
    m_operator->setToolTip(tr("Quién conduce el simulacro: queda en su diario. Es el mismo nombre de la página «Incidentes»."));
    const QString saved = Settings::instance().get(Settings::Key::IncidentActor).toString().trimmed();
    m_operator->setText(saved.isEmpty() ? incidents::defaultActor() : saved);
    connect(m_operator, &QLineEdit::editingFinished, this, [this] {
        Settings::instance().set(Settings::Key::IncidentActor, m_operator->text().trimmed());
    });
    auto *operatorLabel = new QLabel(tr("&Técnico:"), this);
    operatorLabel->setBuddy(m_operator);
    auto *top = new QHBoxLayout;
    top->addWidget(title);
    top->addStretch(1);
    top->addWidget(operatorLabel);
    top->addWidget(m_operator);

    m_banner->setObjectName(QStringLiteral("drillsBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->hide();
    m_bannerTimer.setSingleShot(true);
    m_bannerTimer.setInterval(15000);
    connect(&m_bannerTimer, &QTimer::timeout, m_banner, &QLabel::hide);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    // The kind of drill first: the rest of the left side follows it.
    auto *modeBox = new QGroupBox(tr("Tipo de simulacro"), left);
    m_modeFaults = new QRadioButton(tr("&Ensayo con fallas (solo en el simulador)"), modeBox);
    m_modeFaults->setObjectName(QStringLiteral("drillModeFaults"));
    m_modeFaults->setToolTip(tr("Inyecta fallas en el simulador y comprueba que la consola abra a tiempo los incidentes esperados."));
    m_modeObserve = new QRadioButton(tr("Simulacro &oficial (solo observa)"), modeBox);
    m_modeObserve->setObjectName(QStringLiteral("drillModeObserve"));
    m_modeObserve->setToolTip(tr("En cualquier servidor: verificación previa, luego observa la ventana (cortes, retraso, incidentes, "
                                 "tráfico) y da el informe. Nunca inyecta nada."));
    m_modes = new QButtonGroup(this);
    m_modes->addButton(m_modeFaults);
    m_modes->addButton(m_modeObserve);
    m_modeFaults->setChecked(true);
    auto *modeLayout = new QVBoxLayout(modeBox);
    modeLayout->addWidget(m_modeFaults);
    modeLayout->addWidget(m_modeObserve);
    m_leftModes = new QStackedWidget(left);
    m_scenariosBox = buildScenarios();
    m_observeBox = buildObserve();
    m_leftModes->addWidget(m_scenariosBox);
    m_leftModes->addWidget(m_observeBox);
    leftLayout->addWidget(modeBox);
    leftLayout->addWidget(m_leftModes, 3);
    leftLayout->addWidget(buildStart());
    leftLayout->addWidget(buildHistory(), 2);
    // Only the page shown asks for room (as the right side): the observe form is short, and the history
    // below it gets what the scenario list took.
    auto fitLeft = [this, leftLayout] {
        const bool observe = m_leftModes->currentWidget() == m_observeBox;
        m_scenariosBox->setSizePolicy(observe ? QSizePolicy::Ignored : QSizePolicy::Preferred, observe ? QSizePolicy::Ignored : QSizePolicy::Preferred);
        m_observeBox->setSizePolicy(observe ? QSizePolicy::Preferred : QSizePolicy::Ignored,
                                    observe ? QSizePolicy::Maximum : QSizePolicy::Ignored);
        m_leftModes->setSizePolicy(QSizePolicy::Preferred, observe ? QSizePolicy::Maximum : QSizePolicy::Preferred);
        leftLayout->setStretchFactor(m_leftModes, observe ? 0 : 3);
    };
    fitLeft();
    connect(m_modes, &QButtonGroup::buttonToggled, this, [this, fitLeft](QAbstractButton *, bool checked) {
        if (!checked)
            return;
        closeConfirmation();
        m_leftModes->setCurrentWidget(mode() == Mode::Observe ? m_observeBox : m_scenariosBox);
        fitLeft();
        // The right side: what this kind is doing, or the hint for it (not the other kind's panels).
        QWidget *current = m_right->currentWidget();
        const bool observe = mode() == Mode::Observe;
        const bool showsOther = observe ? (current == m_progress || current == m_report)
                                        : (current == m_observeProgress || current == m_observeReport);
        if (observe && m_simulacro)
            m_right->setCurrentWidget(m_observeProgress);
        else if (!observe && m_runner)
            m_right->setCurrentWidget(m_progress);
        else if (showsOther)
            m_right->setCurrentWidget(m_idle);
        m_idle->setText(mode() == Mode::Observe
                            ? tr("Un simulacro oficial solo observa: en cualquier servidor, durante la ventana (las fechas oficiales son el "
                                 "19 y el 26 de mayo, de 18:00 a 24:00 UTC-6) registra los cortes, el retraso en publicar contra el "
                                 "minuto, los incidentes y el tráfico, y al final da el informe. Nunca inyecta nada.\n\nPrimero la "
                                 "«Verificación previa» (seis puntos, cada uno con su evidencia), luego «Iniciar simulacro oficial». "
                                 "Para ensayarlo, elija «Ahora, durante…» en la ventana.")
                            : m_faultsHint);
        updateStart();
    });

    m_idle->setObjectName(QStringLiteral("drillIdle"));
    m_idle->setWordWrap(true);
    m_idle->setAlignment(Qt::AlignCenter);
    m_faultsHint = (tr("Elija un escenario y un servidor y pulse «Iniciar simulacro»; o elija un simulacro anterior para "
                       "ver su reporte.\n\nUn ensayo con fallas corre solo en el simulador (sandbox run o --demo): "
                       "inyecta las fallas del escenario y comprueba que la consola abra a tiempo los incidentes "
                       "esperados. Reconozca los incidentes en la página «Incidentes» como en una noche real: el "
                       "reporte mide cuánto tardó."));
    m_idle->setText(m_faultsHint);
    m_right->addWidget(m_idle);
    m_right->addWidget(m_confirm);
    m_right->addWidget(m_progress);
    m_right->addWidget(m_report);
    m_right->addWidget(m_observeProgress);
    m_right->addWidget(m_observeReport);
    // Only the panel shown counts for the room the right side asks: the idle hint gets no scroll bar
    // because the report, hidden, is tall.
    auto fitShown = [this] {
        for (int i = 0; i < m_right->count(); ++i) {
            QWidget *w = m_right->widget(i);
            const bool shown = w == m_right->currentWidget();
            w->setSizePolicy(shown ? QSizePolicy::Preferred : QSizePolicy::Ignored, shown ? QSizePolicy::Preferred : QSizePolicy::Ignored);
        }
    };
    connect(m_right, &QStackedWidget::currentChanged, this, fitShown);
    fitShown();
    connect(m_report, &DrillReport::saved, this, [this](const QString &, bool ok, const QString &message) { showMessage(message, !ok); });
    connect(m_observeReport, &ObserveReport::saved, this, [this](const QString &, bool ok, const QString &message) { showMessage(message, !ok); });

    // Each side scrolls rather than asks the window for more room: on a 1366×768 screen with the
    // "Comandos" pane open, the confirmation or a long report would otherwise push the window wider.
    auto scrolled = [this](QWidget *inner) {
        auto *area = new QScrollArea(this);
        area->setWidget(inner);
        area->setWidgetResizable(true);
        area->setFrameShape(QFrame::NoFrame);
        return area;
    };
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(scrolled(left));
    m_splitter->addWidget(scrolled(m_right));
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_banner);
    layout->addWidget(m_splitter, 1);

    for (const QString &name : drills::builtinScenarioNames())
        m_entries.append({name, {}, std::nullopt});
    m_scenarios->setRowCount(int(m_entries.size()));
    for (int row = 0; row < m_entries.size(); ++row)
        fillScenarioRow(row, m_entries.at(row));
    fitColumns(m_scenarios, {130, 250, 80});
    m_scenarios->selectRow(0);

    if (m_store)
        connect(m_store, &store::StoreThread::opened, this, [this](bool ok, const QString &) {
            if (ok)
                reloadHistory();
        });
    updateStart();
}

DrillsPage::~DrillsPage()
{
    // A drill still running when the window goes: its rollback is asked for at once; nothing waits for
    // the answer (no nested event loop), and what the request cannot undo the sandbox's watchdog does.
    if (m_runner && m_runner->isRunning())
        m_runner->cancel(tr("la consola se cerró"));
    // A simulacro observing: its row keeps the pre-flight (written when the window was registered) and
    // stays "running"; nothing can wait here for the report (no nested event loop).
    if (m_simulacro) {
        m_simulacro->disconnect(this);
        m_simulacro->cancel(tr("la consola se cerró"));
    }
}

QWidget *DrillsPage::buildScenarios()
{
    auto *box = new QGroupBox(tr("Escenarios"), this);
    m_scenarios = makeTable(QStringLiteral("drillScenarios"), {tr("Nombre"), tr("Título"), tr("Objetivo"), tr("Fallas")}, box);
    connect(m_scenarios, &QTableWidget::itemSelectionChanged, this, [this] {
        showScenarioDetails();
        closeConfirmation();
    });
    m_scenarioDetails = new QLabel(box);
    m_scenarioDetails->setObjectName(QStringLiteral("drillScenarioDetails"));
    m_scenarioDetails->setTextFormat(Qt::PlainText);
    m_scenarioDetails->setWordWrap(true);
    m_load = new QPushButton(tr("&Cargar escenario…"), box);
    m_load->setObjectName(QStringLiteral("drillLoadScenario"));
    m_load->setToolTip(tr("Un experimento de Chaos Toolkit con el bloque «difusor-console» (drill show NOMBRE imprime uno "
                          "para empezar). Se valida al cargarlo."));
    connect(m_load, &QPushButton::clicked, this, &DrillsPage::loadScenario);
    m_problemsTitle = new QLabel(box);
    m_problemsTitle->setTextFormat(Qt::PlainText);
    m_problemsTitle->setWordWrap(true);
    m_problemsTitle->setStyleSheet(QStringLiteral("QLabel { color: #8a1520; font-weight: bold; }"));
    m_problemsTitle->hide();
    m_problems = new QListWidget(box);
    m_problems->setObjectName(QStringLiteral("drillScenarioProblems"));
    m_problems->setMaximumHeight(110);
    m_problems->hide();
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_load);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_scenarios, 1);
    layout->addWidget(m_scenarioDetails);
    layout->addLayout(buttons);
    layout->addWidget(m_problemsTitle);
    layout->addWidget(m_problems);
    return box;
}

QWidget *DrillsPage::buildStart()
{
    auto *box = new QWidget(this);
    m_server = new QComboBox(box);
    m_server->setObjectName(QStringLiteral("drillServer"));
    m_server->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_server, &QComboBox::currentIndexChanged, this, [this] {
        closeConfirmation();
        // A pre-flight speaks of one server: another one needs its own.
        const auto profile = chosenProfile();
        if (m_simulacro && m_simulacro->state() == Simulacro::State::Ready && (!profile || profile->name != m_simulacroServer)) {
            discardSimulacro();
            if (m_right->currentWidget() == m_observeProgress)
                m_right->setCurrentWidget(m_idle);
        }
        updateStart();
    });
    auto *serverLabel = new QLabel(tr("&Servidor:"), box);
    serverLabel->setBuddy(m_server);

    m_start = new QPushButton(tr("▶  Iniciar simulacro"), box);
    m_start->setObjectName(QStringLiteral("drillStart"));
    QFont big = m_start->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_start->setFont(big);
    m_start->setMinimumHeight(52);
    connect(m_start, &QPushButton::clicked, this, &DrillsPage::requestStart);

    m_showRunning = new QPushButton(tr("Ver el simulacro en curso"), box);
    m_showRunning->setObjectName(QStringLiteral("drillShowRunning"));
    m_showRunning->hide();
    connect(m_showRunning, &QPushButton::clicked, this, [this] {
        if (m_runner) {
            setMode(Mode::Faults);
            m_right->setCurrentWidget(m_progress);
        } else if (m_simulacro) {
            setMode(Mode::Observe);
            m_right->setCurrentWidget(m_observeProgress);
        }
        updateStart();
    });

    // The confirmation, on the page (where the report shows, which has the room): nothing else waits for
    // it (no dialog, no nested event loop).
    m_confirm = new QFrame(this);
    m_confirm->setObjectName(QStringLiteral("drillConfirmation"));
    m_confirm->setFrameShape(QFrame::StyledPanel);
    m_confirm->setStyleSheet(QStringLiteral("QFrame#drillConfirmation { background: #fff8e1; border: 1px solid #b7791f; }"));
    m_confirmText = new QLabel(m_confirm);
    m_confirmText->setObjectName(QStringLiteral("drillConfirmationText"));
    m_confirmText->setTextFormat(Qt::PlainText);
    m_confirmText->setWordWrap(true);
    QFont larger = m_confirmText->font();
    larger.setPointSizeF(larger.pointSizeF() * 1.15);
    m_confirmText->setFont(larger);
    auto *confirmTitle = new QLabel(tr("<h3>¿Iniciar este simulacro?</h3>"), m_confirm);
    m_confirmStart = new QPushButton(tr("&Iniciar"), m_confirm);
    m_confirmStart->setObjectName(QStringLiteral("drillConfirmStart"));
    m_confirmCancel = new QPushButton(tr("&No iniciar"), m_confirm);
    m_confirmCancel->setObjectName(QStringLiteral("drillConfirmCancel"));
    connect(m_confirmStart, &QPushButton::clicked, this, &DrillsPage::startConfirmed);  // either kind (m_confirmObserve)
    connect(m_confirmCancel, &QPushButton::clicked, this, &DrillsPage::closeConfirmation);
    auto *confirmButtons = new QHBoxLayout;
    confirmButtons->addStretch(1);
    confirmButtons->addWidget(m_confirmCancel);
    confirmButtons->addWidget(m_confirmStart);
    auto *confirmLayout = new QVBoxLayout(m_confirm);
    confirmLayout->addWidget(confirmTitle);
    confirmLayout->addWidget(m_confirmText);
    confirmLayout->addLayout(confirmButtons);
    confirmLayout->addStretch(1);

    auto *serverRow = new QHBoxLayout;
    serverRow->addWidget(serverLabel);
    serverRow->addWidget(m_server, 1);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(serverRow);
    layout->addWidget(m_start);
    layout->addWidget(m_showRunning);
    return box;
}

QWidget *DrillsPage::buildHistory()
{
    auto *box = new QGroupBox(tr("Simulacros anteriores (todos los servidores)"), this);
    m_history = makeTable(QStringLiteral("drillHistory"),
                          {tr("Inicio (UTC-6)"), tr("Escenario"), tr("Servidor"), tr("Estado"), tr("Puntuación"), tr("Técnico")}, box);
    connect(m_history, &QTableWidget::itemSelectionChanged, this, &DrillsPage::showHistoryReport);
    auto *refresh = new QPushButton(tr("&Actualizar"), box);
    refresh->setObjectName(QStringLiteral("drillHistoryRefresh"));
    connect(refresh, &QPushButton::clicked, this, &DrillsPage::reloadHistory);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(refresh);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_history, 1);
    layout->addLayout(buttons);
    return box;
}

void DrillsPage::setProfileSource(ProfileSource source)
{
    m_profileSource = std::move(source);
    refreshServers();
}

drills::DrillRunner *DrillsPage::runner() const
{
    return m_runner;
}

drills::Simulacro *DrillsPage::simulacro() const
{
    return m_simulacro;
}

bool DrillsPage::isRunning() const
{
    // A simulacro whose pre-flight is done (Ready) is prepared, not running: it is closed if the other
    // kind starts.
    const bool observing = m_simulacro && m_simulacro->isRunning() && m_simulacro->state() != Simulacro::State::Ready;
    return (m_runner && m_runner->isRunning()) || observing;
}

DrillsPage::Mode DrillsPage::mode() const
{
    return m_modeObserve->isChecked() ? Mode::Observe : Mode::Faults;
}

void DrillsPage::setMode(Mode mode)
{
    (mode == Mode::Observe ? m_modeObserve : m_modeFaults)->setChecked(true);
}

void DrillsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_sized) { // the first sizes once the page has its width: the report needs the larger half
        m_sized = true;
        const int width = m_splitter->width();
        m_splitter->setSizes({width * 45 / 100, width - width * 45 / 100});
    }
    refreshServers();
    reloadHistory();
}

// ---- Servers and scenarios -----------------------------------------------------------------------

void DrillsPage::refreshServers()
{
    const QString current = m_server->currentIndex() >= 0 ? m_profiles.value(m_server->currentIndex()).name : QString();
    m_profiles = m_profileSource ? m_profileSource() : QList<Profile>();
    const QSignalBlocker block(m_server);
    m_server->clear();
    int select = -1;
    for (int i = 0; i < m_profiles.size(); ++i) {
        const Profile &p = m_profiles.at(i);
        // A sandbox's profile says so (unless its name already does, as the demo's).
        const bool named = p.name.contains(tr("simulador"), Qt::CaseInsensitive);
        m_server->addItem(isSandboxProfile(p) && !named ? tr("%1 (simulador)").arg(p.name) : p.name);
        if (p.name == current || (select < 0 && current.isEmpty() && isSandboxProfile(p)))
            select = i;
    }
    if (m_profiles.isEmpty())
        m_server->addItem(tr("Ningún perfil: conéctese a un servidor o arranque la simulación"));
    m_server->setCurrentIndex(std::max(0, select));
    updateStart();
}

bool DrillsPage::selectScenario(const QString &name)
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).name == name) {
            m_scenarios->selectRow(row);
            return true;
        }
    }
    return false;
}

bool DrillsPage::selectServer(const QString &profileName)
{
    for (int i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).name == profileName) {
            m_server->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void DrillsPage::fillScenarioRow(int row, const ScenarioEntry &entry)
{
    std::optional<Scenario> scenario = entry.scenario;
    if (!scenario)
        scenario = drills::builtinScenario(entry.name, 60); // the pace changes the windows, not these columns
    const QStringList cells{entry.path.isEmpty() ? entry.name : tr("%1 (archivo)").arg(entry.name),
                            scenario ? scenario->title : QString(), scenario ? targetText(scenario->target) : QString(),
                            scenario ? scenario->faultIds().join(QStringLiteral(", ")) : QString()};
    for (int c = 0; c < cells.size(); ++c) {
        auto *item = new QTableWidgetItem(cells.at(c));
        item->setToolTip(entry.path.isEmpty() ? (scenario ? scenario->description : QString()) : entry.path);
        m_scenarios->setItem(row, c, item);
    }
}

void DrillsPage::showScenarioDetails()
{
    const int row = m_scenarios->currentRow();
    if (row < 0 || row >= m_entries.size()) {
        m_scenarioDetails->clear();
        return;
    }
    const ScenarioEntry &e = m_entries.at(row);
    const std::optional<Scenario> scenario = e.scenario ? e.scenario : drills::builtinScenario(e.name, 60);
    if (!scenario) {
        m_scenarioDetails->clear();
        return;
    }
    const QStringList faults = scenario->faultIds();
    m_scenarioDetails->setText(tr("%1\nObjetivo: %2 · fallas: %3")
                                   .arg(scenario->description, targetText(scenario->target),
                                        faults.isEmpty() ? tr("ninguna") : faults.join(QStringLiteral(", "))));
}

void DrillsPage::loadScenario()
{
    auto *dialog = new QFileDialog(this, tr("Cargar escenario"));
    dialog->setObjectName(QStringLiteral("drillLoadDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({tr("Escenarios (*.json)"), tr("Todos los archivos (*)")});
    dialog->setDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    connect(dialog, &QFileDialog::fileSelected, this, &DrillsPage::loadScenarioFrom);
    dialog->open(); // no exec(): a drill running keeps running behind it
}

void DrillsPage::loadScenarioFrom(const QString &path)
{
    // Read and validated on a pool thread: the file may sit on a slow disk.
    QPointer<DrillsPage> guard(this);
    QThreadPool::globalInstance()->start([guard, path] {
        QStringList errors;
        std::optional<Scenario> scenario = drills::loadScenarioFile(path, &errors);
        QMetaObject::invokeMethod(
            guard.data(),
            [guard, path, scenario, errors] {
                if (guard)
                    guard->onLoaded(path, scenario, errors);
            },
            Qt::QueuedConnection);
    });
}

void DrillsPage::onLoaded(const QString &path, const std::optional<Scenario> &scenario, const QStringList &errors)
{
    m_problems->clear();
    if (!scenario) {
        m_problemsTitle->setText(tr("%1 no es un escenario válido. Problemas: %2").arg(QFileInfo(path).fileName()).arg(errors.size()));
        m_problems->addItems(errors);
        m_problemsTitle->show();
        m_problems->show();
        showMessage(tr("No se cargó %1: vea los problemas bajo la lista de escenarios.").arg(path), true);
        Q_EMIT scenarioLoaded(path, false);
        return;
    }
    m_problemsTitle->hide();
    m_problems->hide();
    ScenarioEntry entry{QFileInfo(path).completeBaseName(), QFileInfo(path).absoluteFilePath(), scenario};
    int row = -1;
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).path == entry.path)
            row = i;
    }
    if (row < 0) {
        row = int(m_entries.size());
        m_entries.append(entry);
        m_scenarios->setRowCount(row + 1);
    } else {
        m_entries[row] = entry;
    }
    fillScenarioRow(row, entry);
    fitColumns(m_scenarios, {130, 250, 80});
    m_scenarios->selectRow(row);
    showScenarioDetails();
    showMessage(tr("Escenario cargado: «%1» (%2).").arg(scenario->title, path), false);
    Q_EMIT scenarioLoaded(path, true);
}

std::optional<Profile> DrillsPage::chosenProfile() const
{
    const int i = m_server->currentIndex();
    if (i < 0 || i >= m_profiles.size())
        return std::nullopt;
    return m_profiles.at(i);
}

QString DrillsPage::chosenRef() const
{
    const int row = m_scenarios->currentRow();
    if (row < 0 || row >= m_entries.size())
        return {};
    const ScenarioEntry &e = m_entries.at(row);
    return e.path.isEmpty() ? e.name : e.path;
}

std::optional<Scenario> DrillsPage::chosenScenario(const Profile &profile, QString *error) const
{
    const int row = m_scenarios->currentRow();
    if (row < 0 || row >= m_entries.size()) {
        *error = tr("Elija primero un escenario.");
        return std::nullopt;
    }
    const ScenarioEntry &e = m_entries.at(row);
    if (e.scenario)
        return e.scenario;
    QStringList errors;
    auto scenario = drills::builtinScenario(e.name, profile.cutIntervalS, &errors);
    if (!scenario)
        *error = errors.join(QLatin1Char('\n'));
    return scenario;
}

void DrillsPage::updateStart()
{
    const bool running = isRunning();
    const bool faults = mode() == Mode::Faults;
    m_start->setVisible(faults);
    m_start->setEnabled(!running && m_scenarios->currentRow() >= 0 && chosenProfile().has_value() && m_right->currentWidget() != m_confirm);
    m_start->setText(running ? tr("Simulacro en curso…") : tr("▶  Iniciar simulacro"));
    const bool showingRunning = (m_runner && m_right->currentWidget() == m_progress)
        || (m_simulacro && m_simulacro->isRunning() && m_right->currentWidget() == m_observeProgress);
    m_showRunning->setVisible(running && !showingRunning);
    updateObserve();
}

// ---- Start -----------------------------------------------------------------------------------------

void DrillsPage::requestStart()
{
    if (isRunning())
        return;
    const auto profile = chosenProfile();
    if (!profile) {
        showMessage(tr("Elija primero un servidor: conéctese a uno (página «Conexión») o arranque la consola con --demo."), true);
        return;
    }
    QString error;
    const auto scenario = chosenScenario(*profile, &error);
    if (!scenario) {
        showMessage(error, true);
        return;
    }
    // Refused here, with the runner's own words: nothing is connected, injected or recorded.
    const QString refusal = DrillRunner::refusal(*scenario, *profile);
    if (!refusal.isEmpty()) {
        showMessage(refusal, true);
        Q_EMIT refused(refusal);
        return;
    }
    const QStringList faults = scenario->faultIds();
    const int expected = expectedDurationS(*scenario, profile->cutIntervalS);
    QString text = tr("¿Iniciar «%1» (%2) en el servidor «%3»?").arg(scenario->title, chosenRef(), profile->name);
    text += QLatin1Char('\n')
        + (faults.isEmpty() ? tr("No inyecta fallas: solo observa.")
                            : tr("Fallas que inyectará: %1.").arg(faults.join(QStringLiteral(", "))));
    text += QLatin1Char('\n') + tr("Duración prevista: unos %1 (a un corte cada %2 s); se detiene solo a los %3.")
                                   .arg(clockText(expected))
                                   .arg(profile->cutIntervalS)
                                   .arg(clockText(scenario->maxDurationS));
    text += QLatin1Char('\n') + tr("Las reversiones corren siempre: al final, al detenerlo o ante un error.");
    m_confirmObserve = false;
    m_confirmText->setText(text);
    m_beforeConfirm = m_right->currentWidget();
    m_right->setCurrentWidget(m_confirm);
    updateStart();
    m_confirmStart->setFocus();
}

void DrillsPage::closeConfirmation()
{
    if (m_right->currentWidget() == m_confirm)
        m_right->setCurrentWidget(m_beforeConfirm ? m_beforeConfirm.data() : m_idle);
    updateStart();
}

void DrillsPage::startConfirmed()
{
    if (m_confirmObserve) {
        startObserveConfirmed();
        return;
    }
    closeConfirmation();
    if (isRunning())
        return;
    const auto profile = chosenProfile();
    QString error;
    const auto scenario = profile ? chosenScenario(*profile, &error) : std::nullopt;
    if (!profile || !scenario) {
        showMessage(profile ? error : tr("Elija primero un servidor."), true);
        updateStart();
        return;
    }
    const QString refusal = DrillRunner::refusal(*scenario, *profile);
    if (!refusal.isEmpty()) { // the profile may have changed since the question
        showMessage(refusal, true);
        Q_EMIT refused(refusal);
        updateStart();
        return;
    }
    if (!m_store) {
        showMessage(tr("Sin base de datos: un simulacro no puede registrarse, no se inició."), true);
        updateStart();
        return;
    }
    Settings::instance().set(Settings::Key::IncidentActor, m_operator->text().trimmed());
    discardSimulacro(); // a pre-flight done for the other kind: one drill at a time
    auto *runner = new DrillRunner(*scenario, *profile, m_store, this);
    runner->setOperator(m_operator->text().trimmed().isEmpty() ? incidents::defaultActor() : m_operator->text().trimmed());
    runner->setScenarioRef(chosenRef());
    m_runner = runner;
    connect(runner, &DrillRunner::finished, this, &DrillsPage::onFinished);
    m_progress->follow(runner, scenario->title, profile->name, expectedDurationS(*scenario, profile->cutIntervalS), scenario->maxDurationS);
    m_right->setCurrentWidget(m_progress);
    runner->start();
    updateStart();
    showMessage(tr("Simulacro iniciado: «%1» en %2.").arg(scenario->title, profile->name), false);
    Q_EMIT drillStarted();
}

void DrillsPage::onFinished(const QJsonObject &journal, int exitCode)
{
    if (m_runner)
        m_runner->deleteLater();
    m_runner = nullptr;
    m_report->setJournal(journal);
    m_right->setCurrentWidget(m_report);
    const QString status = journal.value(QStringLiteral("status")).toString();
    if (status == QLatin1String("refused"))
        showMessage(journal.value(QStringLiteral("error")).toString(), true);
    else
        showMessage(tr("Simulacro terminado: %1, puntuación %2.").arg(drillStatusText(status), scoreText(journal.value(QStringLiteral("score")).toDouble())),
                    status != QLatin1String("completed"));
    updateStart();
    reloadHistory();
    Q_EMIT drillFinished(journal, exitCode);
}

// ---- The observe-only simulacro ---------------------------------------------------------------------

QWidget *DrillsPage::buildObserve()
{
    auto *box = new QGroupBox(tr("Simulacro oficial (solo observa)"), this);
    box->setObjectName(QStringLiteral("observeSetup"));
    m_observeName = new QLineEdit(box);
    m_observeName->setObjectName(QStringLiteral("observeName"));
    m_observeName->setMaxLength(120);
    connect(m_observeName, &QLineEdit::textEdited, this, [this] { m_nameEdited = !m_observeName->text().trimmed().isEmpty(); });

    m_windowChoice = new QComboBox(box);
    m_windowChoice->setObjectName(QStringLiteral("observeWindowChoice"));
    const QList<ObserveWindow> official = drills::officialWindows();
    for (int i = 0; i < official.size(); ++i) {
        const QDateTime start = official.at(i).startUtc.toTimeZone(mexicoCentralZone());
        m_windowChoice->addItem(tr("Oficial: %1, 18:00–24:00").arg(start.toString(QStringLiteral("dd/MM/yyyy"))), i);
    }
    m_windowChoice->addItem(tr("Ahora, durante…"), int(ChoiceNow));
    m_windowChoice->addItem(tr("Personalizada"), int(ChoiceCustom));
    // Not as wide as its longest entry: the left side must fit beside the report on a 1366 px screen.
    m_windowChoice->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_windowChoice->setMinimumContentsLength(14);
    m_windowChoice->setToolTip(tr("Las fechas oficiales: 19 y 26 de mayo de 2024, de 18:00 a 24:00 (UTC-6)."));

    m_minutes = new QSpinBox(box);
    m_minutes->setObjectName(QStringLiteral("observeMinutes"));
    m_minutes->setRange(1, 12 * 60);
    m_minutes->setValue(30);
    m_minutes->setSuffix(tr(" min"));
    m_minutes->setToolTip(tr("Para ensayar: la ventana empieza al iniciar y dura estos minutos."));

    auto makeEdit = [box](const QString &name) {
        auto *edit = new QDateTimeEdit(box);
        edit->setObjectName(name);
        edit->setTimeSpec(Qt::UTC); // holds the UTC-6 wall time itself (toWall/fromWall)
        edit->setDisplayFormat(QStringLiteral("dd/MM/yyyy HH:mm:ss"));
        edit->setCalendarPopup(true);
        return edit;
    };
    m_from = makeEdit(QStringLiteral("observeFrom"));
    m_to = makeEdit(QStringLiteral("observeTo"));
    // A hand edit makes the window a custom one.
    auto edited = [this] {
        if (m_windowChoice->currentData().toInt() != ChoiceCustom) {
            const QSignalBlocker block(m_windowChoice);
            m_windowChoice->setCurrentIndex(m_windowChoice->findData(int(ChoiceCustom)));
        }
        updateObserve();
    };
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, edited);
    connect(m_to, &QDateTimeEdit::dateTimeChanged, this, edited);
    connect(m_windowChoice, &QComboBox::currentIndexChanged, this, &DrillsPage::applyWindowChoice);
    connect(m_minutes, &QSpinBox::valueChanged, this, [this] {
        if (m_windowChoice->currentData().toInt() == ChoiceNow)
            applyWindowChoice();
    });
    m_windowNote = new QLabel(box);
    m_windowNote->setObjectName(QStringLiteral("observeWindowNote"));
    m_windowNote->setTextFormat(Qt::PlainText);
    m_windowNote->setWordWrap(true);

    m_preflightButton = new QPushButton(tr("① &Verificación previa"), box);
    m_preflightButton->setObjectName(QStringLiteral("observePreflightButton"));
    m_preflightButton->setToolTip(tr("Conecta con el servidor y revisa seis puntos, cada uno con su evidencia: la revisión de "
                                     "infraestructura, la carpeta de publicación vigilada, el último corte en nuestro sitio, el sitio "
                                     "responde, el reloj, el enlace al PREP oficial. No registra nada todavía."));
    connect(m_preflightButton, &QPushButton::clicked, this, &DrillsPage::runPreflight);
    m_observeStart = new QPushButton(tr("②  Iniciar simulacro oficial"), box);
    m_observeStart->setObjectName(QStringLiteral("observeStart"));
    QFont big = m_observeStart->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_observeStart->setFont(big);
    m_observeStart->setMinimumHeight(48);
    connect(m_observeStart, &QPushButton::clicked, this, &DrillsPage::requestObserveStart);

    auto zone = [box] { return new QLabel(tr("UTC-6"), box); };
    auto *fromRow = new QHBoxLayout;
    fromRow->addWidget(m_from, 1);
    fromRow->addWidget(zone());
    auto *toRow = new QHBoxLayout;
    toRow->addWidget(m_to, 1);
    toRow->addWidget(zone());
    auto *choiceRow = new QHBoxLayout;
    choiceRow->addWidget(m_windowChoice, 1);
    choiceRow->addWidget(m_minutes);
    auto label = [box](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text, box);
        l->setBuddy(buddy);
        return l;
    };
    auto *form = new QFormLayout;
    form->addRow(label(tr("&Nombre:"), m_observeName), m_observeName);
    form->addRow(label(tr("&Ventana:"), m_windowChoice), choiceRow);
    form->addRow(label(tr("&Desde:"), m_from), fromRow);
    form->addRow(label(tr("&Hasta:"), m_to), toRow);
    auto *layout = new QVBoxLayout(box);
    layout->addLayout(form);
    layout->addWidget(m_windowNote);
    layout->addWidget(m_preflightButton);
    layout->addWidget(m_observeStart);

    // The default: the next official date; once both are past (as any rehearsal after May 2024), "now"
    // for the minutes above, and the note says why.
    const auto next = drills::nextOfficialWindow(QDateTime::currentDateTimeUtc());
    int index = m_windowChoice->findData(int(ChoiceNow));
    if (next) {
        for (int i = 0; i < official.size(); ++i) {
            if (official.at(i).startUtc == next->startUtc)
                index = m_windowChoice->findData(i);
        }
    }
    m_windowChoice->setCurrentIndex(index);
    applyWindowChoice();
    return box;
}

void DrillsPage::applyWindowChoice()
{
    const int choice = m_windowChoice->currentData().toInt();
    m_minutes->setEnabled(choice == ChoiceNow);
    QString note;
    if (choice != ChoiceCustom) {
        ObserveWindow w;
        if (choice == ChoiceNow) {
            w.startUtc = QDateTime::currentDateTimeUtc();
            w.endUtc = w.startUtc.addSecs(qint64(m_minutes->value()) * 60);
            note = tr("La ventana empieza al pulsar «Iniciar» y dura %1 min.").arg(m_minutes->value());
        } else {
            w = drills::officialWindows().value(choice);
        }
        const QSignalBlocker blockFrom(m_from);
        const QSignalBlocker blockTo(m_to);
        m_from->setDateTime(toWall(w.startUtc));
        m_to->setDateTime(toWall(w.endUtc));
    }
    if (!drills::nextOfficialWindow(QDateTime::currentDateTimeUtc()))
        note = (note.isEmpty() ? QString() : note + QLatin1Char(' '))
            + tr("Las dos fechas oficiales (19 y 26 de mayo de 2024) ya pasaron: para ensayar, «Ahora, durante…».");
    m_windowNote->setText(note);
    suggestName();
    updateObserve();
}

void DrillsPage::suggestName()
{
    if (m_nameEdited)
        return;
    const ObserveWindow w = observeWindow();
    const QDate day = (w.startUtc.isValid() ? w.startUtc : QDateTime::currentDateTimeUtc()).toTimeZone(mexicoCentralZone()).date();
    m_observeName->setText(tr("Simulacro %1").arg(day.toString(QStringLiteral("dd/MM/yyyy"))));
}

ObserveWindow DrillsPage::observeWindow() const
{
    ObserveWindow w;
    const int choice = m_windowChoice->currentData().toInt();
    if (choice == ChoiceNow) {
        w.startUtc = QDateTime::currentDateTimeUtc();
        w.endUtc = w.startUtc.addSecs(qint64(m_minutes->value()) * 60);
        w.source = QStringLiteral("duration");
    } else {
        w.startUtc = fromWall(m_from->dateTime());
        w.endUtc = fromWall(m_to->dateTime());
        w.source = choice == ChoiceCustom ? QStringLiteral("custom") : QStringLiteral("official");
    }
    return w;
}

void DrillsPage::updateObserve()
{
    if (!m_preflightButton || !m_server) // still being built
        return;
    const bool busy = isRunning();
    const bool inPreflight = m_simulacro
        && (m_simulacro->state() == Simulacro::State::Connecting || m_simulacro->state() == Simulacro::State::Preflight);
    const bool ready = m_simulacro && m_simulacro->state() == Simulacro::State::Ready;
    m_preflightButton->setEnabled(!busy && chosenProfile().has_value());
    m_preflightButton->setText(inPreflight ? tr("Verificación previa en curso…")
                                           : ready ? tr("① Repetir la &verificación previa") : tr("① &Verificación previa"));
    m_observeStart->setEnabled(ready && m_right->currentWidget() != m_confirm);
    // The start button says what the pre-flight found, before the question does.
    QString text;
    if (busy && m_simulacro)
        text = tr("Simulacro oficial en curso…");
    else if (!ready)
        text = tr("②  Iniciar simulacro oficial (primero la verificación previa)");
    else if (m_preflightFailed > 0)
        text = tr("⚠  Iniciar pese a %n falla(s)…", nullptr, m_preflightFailed);
    else if (m_preflightUnknown > 0)
        text = tr("②  Iniciar simulacro oficial (%n punto(s) sin dato)", nullptr, m_preflightUnknown);
    else
        text = tr("②  Iniciar simulacro oficial");
    m_observeStart->setText(text);
    m_observeStart->setStyleSheet(ready && m_preflightFailed > 0 ? QStringLiteral("QPushButton { color: #8a1520; }") : QString());
    m_observeStart->setToolTip(ready && m_preflightFailed > 0
                                   ? tr("La verificación previa falló en: %1. Puede iniciar de todos modos: se pregunta antes, y el "
                                        "informe lo registra.").arg(m_preflightFailedTitles.join(QStringLiteral("; ")))
                                   : QString());
    m_observeName->setEnabled(!busy);
    m_windowChoice->setEnabled(!busy);
    m_from->setEnabled(!busy);
    m_to->setEnabled(!busy);
    m_minutes->setEnabled(!busy && m_windowChoice->currentData().toInt() == ChoiceNow);
}

void DrillsPage::discardSimulacro()
{
    if (!m_simulacro)
        return;
    Simulacro *old = m_simulacro;
    m_simulacro = nullptr;
    // Heard no more: its "aborted" report of a pre-flight is no drill (nothing was recorded).
    old->disconnect(this);
    old->disconnect(m_observeProgress);
    if (old->isRunning())
        old->cancel(tr("verificación previa descartada"));
    old->deleteLater();
    m_preflightFailed = -1;
    m_preflightUnknown = 0;
    m_preflightFailedTitles.clear();
}

void DrillsPage::runPreflight()
{
    if (isRunning())
        return;
    const auto profile = chosenProfile();
    if (!profile) {
        showMessage(tr("Elija primero un servidor: conéctese a uno (página «Conexión») o arranque la consola con --demo."), true);
        return;
    }
    if (!m_store) {
        showMessage(tr("Sin base de datos: un simulacro no puede registrarse."), true);
        return;
    }
    closeConfirmation();
    discardSimulacro();
    auto *simulacro = new Simulacro(*profile, m_store, this);
    simulacro->setName(m_observeName->text().trimmed().isEmpty() ? tr("Simulacro") : m_observeName->text().trimmed());
    simulacro->setOperator(m_operator->text().trimmed().isEmpty() ? incidents::defaultActor() : m_operator->text().trimmed());
    simulacro->setWindow(observeWindow());
    m_simulacro = simulacro;
    m_simulacroServer = profile->name;
    connect(simulacro, &Simulacro::preflightFinished, this, &DrillsPage::onPreflightFinished);
    connect(simulacro, &Simulacro::finished, this, &DrillsPage::onObserveFinished);
    connect(simulacro, &Simulacro::stateChanged, this, &DrillsPage::updateStart);
    m_observeProgress->follow(simulacro, profile->name);
    m_right->setCurrentWidget(m_observeProgress);
    simulacro->preflight();
    updateStart();
}

void DrillsPage::onPreflightFinished(const QList<PreflightItem> &items, bool allPassed)
{
    m_preflightFailed = 0;
    m_preflightUnknown = 0;
    m_preflightFailedTitles.clear();
    for (const PreflightItem &i : items) {
        if (i.verdict == PreflightItem::Verdict::Fail) {
            ++m_preflightFailed;
            m_preflightFailedTitles << QStringLiteral("«%1»").arg(i.title);
        }
        m_preflightUnknown += i.verdict == PreflightItem::Verdict::Unknown;
    }
    if (m_simulacro && m_simulacro->state() == Simulacro::State::Ready) {
        if (m_preflightFailed > 0)
            showMessage(tr("Verificación previa de %1: %n punto(s) no se cumplen: %2.", nullptr, m_preflightFailed)
                            .arg(m_simulacroServer, m_preflightFailedTitles.join(QStringLiteral("; "))),
                        true);
        else
            showMessage(allPassed ? tr("Verificación previa de %1: los seis puntos están bien.").arg(m_simulacroServer)
                                  : tr("Verificación previa de %1: ninguna falla, %n punto(s) sin dato.", nullptr, m_preflightUnknown)
                                        .arg(m_simulacroServer),
                        false);
    }
    updateStart();
    Q_EMIT preflightFinished(allPassed);
}

void DrillsPage::requestObserveStart()
{
    if (isRunning() || !m_simulacro || m_simulacro->state() != Simulacro::State::Ready)
        return;
    const ObserveWindow w = observeWindow();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!w.isValid()) {
        showMessage(tr("La ventana no es válida: «Hasta» debe ser después de «Desde»."), true);
        return;
    }
    if (w.endUtc <= now) {
        showMessage(tr("La ventana ya terminó (%1): elija otra, o «Ahora, durante…» para ensayar.").arg(formatMexicoTime(w.endUtc, false)), true);
        return;
    }
    QString text = tr("¿Iniciar el simulacro oficial «%1» en el servidor «%2»?").arg(m_observeName->text().trimmed(), m_simulacroServer);
    if (m_windowChoice->currentData().toInt() == ChoiceNow)
        text += QLatin1Char('\n') + tr("Ventana: desde que pulse «Iniciar», durante %1 min.").arg(m_minutes->value());
    else
        text += QLatin1Char('\n') + tr("Ventana: %1 a %2.").arg(formatMexicoTime(w.startUtc, false), formatMexicoTime(w.endUtc, false));
    text += QLatin1Char('\n') + tr("Solo observa: no inyecta nada. Queda registrado y al final da el informe.");
    // Pre-flight failures do not forbid the start, they are said here in full: the official simulacro
    // happens at the INE's hour whatever our checks say, and observing it with a known fault is worth
    // more than not observing it; the report lists the failures and the drill counts as not passed.
    // The technician decides, with the evidence in front of them (the list stays on the page's right).
    if (m_preflightFailed > 0)
        text += QStringLiteral("\n\n") + tr("⚠ La verificación previa falló en %n punto(s): %1. Si inicia, el simulacro se registra como "
                                           "no cumplido y el informe lo dice.", nullptr, m_preflightFailed)
                                           .arg(m_preflightFailedTitles.join(QStringLiteral("; ")));
    else if (m_preflightUnknown > 0)
        text += QStringLiteral("\n\n") + tr("La verificación previa no tuvo fallas, pero %n punto(s) quedaron sin dato.", nullptr, m_preflightUnknown);
    else
        text += QStringLiteral("\n\n") + tr("La verificación previa: los seis puntos están bien.");
    m_confirmObserve = true;
    m_confirmText->setText(text);
    m_beforeConfirm = m_right->currentWidget();
    m_right->setCurrentWidget(m_confirm);
    updateStart();
    m_confirmStart->setFocus();
}

void DrillsPage::startObserveConfirmed()
{
    m_confirmObserve = false;
    closeConfirmation();
    if (isRunning() || !m_simulacro || m_simulacro->state() != Simulacro::State::Ready) {
        showMessage(tr("La verificación previa ya no está lista: repítala."), true);
        updateStart();
        return;
    }
    Settings::instance().set(Settings::Key::IncidentActor, m_operator->text().trimmed());
    const QString name = m_observeName->text().trimmed().isEmpty() ? tr("Simulacro") : m_observeName->text().trimmed();
    m_simulacro->setName(name);
    m_simulacro->setOperator(m_operator->text().trimmed().isEmpty() ? incidents::defaultActor() : m_operator->text().trimmed());
    const ObserveWindow w = observeWindow(); // "now": from this moment
    m_simulacro->setWindow(w);
    {
        const QSignalBlocker blockFrom(m_from);
        const QSignalBlocker blockTo(m_to);
        m_from->setDateTime(toWall(w.startUtc));
        m_to->setDateTime(toWall(w.endUtc));
    }
    m_observeProgress->setTitle(name, m_simulacroServer); // the pre-flight stays in sight
    m_right->setCurrentWidget(m_observeProgress);
    m_simulacro->start();
    updateStart();
    showMessage(tr("Simulacro oficial iniciado: «%1» en %2 (solo observa).").arg(name, m_simulacroServer), false);
    Q_EMIT drillStarted();
}

void DrillsPage::onObserveFinished(const QJsonObject &report, int exitCode)
{
    Simulacro *done = m_simulacro;
    m_simulacro = nullptr;
    if (done) {
        done->disconnect(this);
        done->deleteLater();
    }
    m_preflightFailed = -1;
    m_preflightUnknown = 0;
    m_preflightFailedTitles.clear();
    m_observeReport->setReport(report);
    m_right->setCurrentWidget(m_observeReport);
    const QString status = report.value(QStringLiteral("status")).toString();
    if (exitCode == 3 || exitCode == 2 || report.contains(QStringLiteral("store_error")))
        showMessage(report.value(QStringLiteral("store_error")).toString().isEmpty()
                        ? report.value(QStringLiteral("error")).toString()
                        : tr("No se guardó el informe en la base: %1").arg(report.value(QStringLiteral("store_error")).toString()),
                    true);
    else
        showMessage(tr("Simulacro oficial terminado: %1.").arg(drillStatusText(status)), status != QLatin1String("completed"));
    updateStart();
    reloadHistory();
    Q_EMIT drillFinished(report, exitCode);
}

// ---- History ---------------------------------------------------------------------------------------

void DrillsPage::reloadHistory()
{
    if (!m_store)
        return;
    const quint64 generation = ++m_historyGeneration;
    struct Loaded
    {
        bool open = false;
        QList<store::DrillRecord> drills;
    };
    // Every server's drills, read on the store's thread (Store::drills is per server).
    m_store->call<Loaded>(
        this,
        [](store::Store &s) {
            Loaded loaded;
            loaded.open = s.isOpen();
            if (!loaded.open)
                return loaded;
            for (const store::ServerRecord &server : s.servers()) {
                s.setServer(server.id);
                loaded.drills += s.drills(200);
            }
            s.setServer(0);
            std::sort(loaded.drills.begin(), loaded.drills.end(), [](const store::DrillRecord &a, const store::DrillRecord &b) {
                return a.startedUtc != b.startedUtc ? a.startedUtc > b.startedUtc : a.id > b.id;
            });
            if (loaded.drills.size() > 200)
                loaded.drills.resize(200);
            return loaded;
        },
        [this, generation](const Loaded &loaded) {
            if (generation != m_historyGeneration || !loaded.open)
                return;
            const qint64 selected = m_history->currentRow() >= 0 ? m_past.value(m_history->currentRow()).id : 0;
            m_past = loaded.drills;
            const QSignalBlocker block(m_history);
            m_history->setRowCount(int(m_past.size()));
            int reselect = -1;
            for (int row = 0; row < m_past.size(); ++row) {
                const store::DrillRecord &d = m_past.at(row);
                // The header names the zone (UTC-6).
                const QStringList cells{d.startedUtc.toUTC().toTimeZone(mexicoCentralZone()).toString(QStringLiteral("dd/MM/yyyy HH:mm")),
                                        d.target == QLatin1String("observe") ? tr("oficial: %1").arg(d.title)
                                                                             : d.scenario.section(QLatin1Char('/'), -1),
                                        d.serverName,
                                        QStringLiteral("%1 %2").arg(drillStatusMark(d.status), drillStatusText(d.status)),
                                        d.score ? QString::number(*d.score, 'f', 2) : QStringLiteral("—"),
                                        d.operatorName};
                for (int c = 0; c < cells.size(); ++c) {
                    auto *item = new QTableWidgetItem(cells.at(c));
                    item->setToolTip(d.title);
                    m_history->setItem(row, c, item);
                }
                if (d.id == selected)
                    reselect = row;
            }
            fitColumns(m_history, {130, 110, 150, 120, 80});
            if (reselect >= 0)
                m_history->selectRow(reselect);
            Q_EMIT historyLoaded(int(m_past.size()));
        });
}

void DrillsPage::showHistoryReport()
{
    const int row = m_history->currentRow();
    if (row < 0 || row >= m_past.size())
        return;
    const store::DrillRecord &d = m_past.at(row);
    const QString headline = tr("«%1» en %2: %3").arg(d.title, d.serverName, drillStatusText(d.status));
    if (d.target == QLatin1String("observe")) {
        m_observeReport->setReport(d.journal, headline);
        m_right->setCurrentWidget(m_observeReport);
        updateStart();
        return;
    }
    m_report->setJournal(d.journal, headline);
    m_right->setCurrentWidget(m_report);
    updateStart();
}

void DrillsPage::showMessage(const QString &text, bool error)
{
    m_banner->setText((error ? QStringLiteral("✖ ") : QStringLiteral("✔ ")) + text);
    m_banner->setStyleSheet(error ? QStringLiteral("QLabel { background: #fbe3e4; color: #8a1520; border: 1px solid #c01c28;"
                                                   " padding: 4px; font-weight: bold; }")
                                  : QStringLiteral("QLabel { background: #e3f4ea; color: #14532d; border: 1px solid #1e8449;"
                                                   " padding: 4px; }"));
    m_banner->show();
    // A notice goes away by itself; an error stays until the next message says otherwise.
    if (error)
        m_bannerTimer.stop();
    else
        m_bannerTimer.start();
}

} // namespace difusor::ui
