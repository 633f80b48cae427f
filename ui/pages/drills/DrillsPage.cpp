#include "DrillsPage.h"

#include "DrillProgress.h"
#include "DrillReport.h"
#include "DrillText.h"
#include "common/MexicoTime.h"
#include "common/Settings.h"
#include "drills/BuiltinScenarios.h"
#include "drills/DrillRunner.h"
#include "incidents/IncidentLog.h"
#include "store/StoreThread.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableWidget>
#include <QThreadPool>
#include <QVBoxLayout>

#include <algorithm>

namespace difusor::ui {

using drills::DrillRunner;
using drills::Scenario;

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

} // namespace

DrillsPage::DrillsPage(store::StoreThread *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_right(new QStackedWidget(this))
    , m_idle(new QLabel(this))
    , m_progress(new DrillProgress(this))
    , m_report(new DrillReport(this))
    , m_banner(new QLabel(this))
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
    leftLayout->addWidget(buildScenarios(), 3);
    leftLayout->addWidget(buildStart());
    leftLayout->addWidget(buildHistory(), 2);

    m_idle->setObjectName(QStringLiteral("drillIdle"));
    m_idle->setWordWrap(true);
    m_idle->setAlignment(Qt::AlignCenter);
    m_idle->setText(tr("Elija un escenario y un servidor y pulse «Iniciar simulacro»; o elija un simulacro anterior para "
                       "ver su reporte.\n\nUn ensayo con fallas corre solo en el simulador (sandbox run o --demo): "
                       "inyecta las fallas del escenario y comprueba que la consola abra a tiempo los incidentes "
                       "esperados. Reconozca los incidentes en la página «Incidentes» como en una noche real: el "
                       "reporte mide cuánto tardó."));
    m_right->addWidget(m_idle);
    m_right->addWidget(m_confirm);
    m_right->addWidget(m_progress);
    m_right->addWidget(m_report);
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
    connect(m_showRunning, &QPushButton::clicked, this, [this] { m_right->setCurrentWidget(m_progress); });

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
    connect(m_confirmStart, &QPushButton::clicked, this, &DrillsPage::startConfirmed);
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

bool DrillsPage::isRunning() const
{
    return m_runner && m_runner->isRunning();
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
    m_start->setEnabled(!running && m_scenarios->currentRow() >= 0 && chosenProfile().has_value() && m_right->currentWidget() != m_confirm);
    m_start->setText(running ? tr("Simulacro en curso…") : tr("▶  Iniciar simulacro"));
    m_showRunning->setVisible(running && m_right->currentWidget() != m_progress);
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
                                        d.scenario.section(QLatin1Char('/'), -1),
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
    if (d.target == QLatin1String("observe")) // the seam for the observe-only mode (see the header)
        m_report->setOtherJournal(d.journal, headline,
                                  tr("Un simulacro oficial (solo observar): esta página aún no muestra su reporte. «Guardar "
                                     "JSON» guarda el reporte completo."));
    else
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
