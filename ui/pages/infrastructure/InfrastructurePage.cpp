#include "InfrastructurePage.h"
#include "incidents/CheckIncidents.h"

#include "CheckTreeModel.h"
#include "AttestationDialog.h"
#include "RequirementsDialog.h"
#include "StatusIcon.h"

#include "MainWindow.h"
#include "checks/Evaluator.h"
#include "common/MexicoTime.h"
#include "connection/ServerSet.h"
#include "remote/RemoteHost.h"
#include "store/StoreThread.h"
#include "widgets/Modal.h"
#include "widgets/ServerTabs.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

namespace difusor::ui {

using checks::CheckReport;
using checks::CheckResult;
using checks::Status;

namespace {

QHash<QString, Status> statusesOf(const QList<CheckResult> &results)
{
    QHash<QString, Status> map;
    for (const CheckResult &r : results)
        map.insert(r.id, r.status);
    return map;
}

QList<CheckResult> resultsOf(const QJsonArray &array)
{
    QList<CheckResult> list;
    for (const QJsonValue &v : array) {
        if (const auto r = CheckResult::fromJson(v.toObject()))
            list.append(*r);
    }
    return list;
}

QString symbol(Status status)
{
    switch (status) {
    case Status::Pass: return QStringLiteral("✔");
    case Status::Warn: return QStringLiteral("⚠");
    case Status::Fail: return QStringLiteral("✖");
    case Status::Unknown: return QStringLiteral("?");
    case Status::Skipped: return QStringLiteral("–");
    }
    return {};
}

QString esc(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

} // namespace

InfrastructurePage::InfrastructurePage(const QString &dataDir, QWidget *parent)
    : QWidget(parent),
      m_dataDir(dataDir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) : dataDir),
      m_model(new CheckTreeModel(this)), m_tree(new QTreeView(this)), m_details(new QTextBrowser(this)),
      m_runButton(new QPushButton(tr("Verificar ahora"), this)),
      m_loadButton(new QPushButton(tr("Cargar requisitos…"), this)),
      m_editButton(new QPushButton(tr("Umbrales e IP de confianza…"), this)),
      m_attestButton(new QPushButton(tr("Registrar atestación…"), this)), m_lastRun(new QLabel(this)),
      m_requirementsLabel(new QLabel(this)), m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("infrastructurePage"));
    m_runButton->setObjectName(QStringLiteral("runChecks"));
    m_lastRun->setObjectName(QStringLiteral("lastRun"));
    m_summary->setObjectName(QStringLiteral("summary"));
    m_details->setObjectName(QStringLiteral("checkDetails"));
    m_tree->setObjectName(QStringLiteral("checkTree"));

    // The user's copy of the requirements (loaded or edited before), else the call's default.
    QString error;
    std::optional<checks::RequirementProfile> requirements;
    if (QFileInfo::exists(userRequirementsPath()))
        requirements = checks::RequirementProfile::load(userRequirementsPath(), &error);
    if (requirements)
        m_requirementsPath = userRequirementsPath();
    else
        requirements = checks::RequirementProfile::loadDefault(&error);
    if (requirements)
        m_requirements = *requirements;

    auto *title = new QLabel(QStringLiteral("<h2>%1</h2>").arg(tr("Infraestructura")), this);
    auto *top = new QHBoxLayout;
    top->addWidget(title);
    top->addStretch();
    top->addWidget(m_loadButton);
    top->addWidget(m_editButton);
    top->addWidget(m_attestButton);
    top->addWidget(m_runButton);
    m_runButton->setDefault(true);

    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(CheckTreeModel::TitleColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(CheckTreeModel::StatusColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(CheckTreeModel::ActualColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(CheckTreeModel::ChangeColumn, QHeaderView::ResizeToContents);
    m_details->setOpenLinks(false);
    m_details->setPlaceholderText(tr("Seleccione una verificación para ver lo esperado, lo encontrado y la evidencia."));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);

    m_requirementsLabel->setWordWrap(true);
    m_requirementsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_requirementsLabel);
    layout->addWidget(m_lastRun);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);

    connect(m_runButton, &QPushButton::clicked, this, &InfrastructurePage::runNow);
    connect(m_loadButton, &QPushButton::clicked, this, &InfrastructurePage::chooseRequirementsFile);
    connect(m_editButton, &QPushButton::clicked, this, &InfrastructurePage::editRequirements);
    connect(m_attestButton, &QPushButton::clicked, this, &InfrastructurePage::editAttestations);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &InfrastructurePage::updateDetails);
    if (!requirements)
        m_requirementsLabel->setText(tr("No se pudieron cargar los requisitos: %1").arg(error));
    updateHeader();
}

InfrastructurePage::~InfrastructurePage() = default;

QString InfrastructurePage::userRequirementsPath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("requirements/activo.json"));
}

namespace {
QString fileSafe(QString name)
{
    for (QChar &c : name) {
        if (!c.isLetterOrNumber() && c != QLatin1Char('.') && c != QLatin1Char('-'))
            c = QLatin1Char('_');
    }
    return name.isEmpty() ? QStringLiteral("local") : name;
}
} // namespace

QString InfrastructurePage::attestationsPath() const
{
    // Per server: the profile and the host key it verified (what one server's staff attested is not
    // another's). Before servers had an identity the file was per profile name: legacyAttestationsPath().
    const QString key = m_host ? m_host->hostKeyFingerprint() : QString();
    if (key.isEmpty())
        return legacyAttestationsPath();
    return QDir(m_dataDir).filePath(
        QStringLiteral("attestations/%1--%2.json").arg(fileSafe(m_connection.identityId()), fileSafe(key)));
}

QString InfrastructurePage::legacyAttestationsPath() const
{
    return QDir(m_dataDir).filePath(
        QStringLiteral("attestations/%1.json").arg(fileSafe(m_connection.name.isEmpty() ? hostKey() : m_connection.name)));
}

QString InfrastructurePage::hostKey() const
{
    if (m_host)
        return m_host->displayName();
    return m_connection.host;
}

QString InfrastructurePage::language() const
{
    // The verdict words follow the installed translation.
    return checks::statusText(Status::Pass) == QLatin1String("CUMPLE") ? QStringLiteral("es") : QStringLiteral("en");
}

void InfrastructurePage::setHost(remote::RemoteHost *host, const Profile &connection, bool autoRun,
                                 const store::ServerStore &store)
{
    m_store = store;
    if (m_host)
        disconnect(m_host, nullptr, this, nullptr);
    if (m_runner) {
        m_runner->deleteLater();
        m_runner = nullptr;
        m_runButton->setEnabled(true);
        m_runButton->setText(tr("Verificar ahora"));
    }
    if (!host) {
        // Disconnected: the last verdicts stay on screen (they say when and where they were taken).
        m_host = nullptr;
        ++m_generation;
        updateHeader();
        m_summary->setText(m_summary->text() + QStringLiteral(" &nbsp;—&nbsp; ") + tr("sin conexión"));
        return;
    }
    m_host = host;
    m_connection = connection;
    ++m_generation;
    m_last.reset();
    m_previous.reset();
    m_model->clearResults();
    m_details->clear();
    m_attestations = {};
    // A server attested before it had a file of its own starts from its profile's old file (kept as it was).
    const QString attested = QFileInfo::exists(attestationsPath()) ? attestationsPath() : legacyAttestationsPath();
    if (QFileInfo::exists(attested)) {
        if (const auto book = checks::AttestationBook::load(attested))
            m_attestations = *book;
    }
    updateHeader();

    if (m_store.isValid()) {
        const int generation = m_generation;
        m_store.call<QList<store::CheckRunRecord>>(
            this,
            [](store::Store &s) {
                if (!s.isOpen())
                    return QList<store::CheckRunRecord>{};
                return s.lastCheckRuns(2);
            },
            [this, generation](const QList<store::CheckRunRecord> &runs) {
                if (generation == m_generation && !m_last)
                    showStored(runs);
            });
    }
    if (!autoRun)
        return;
    if (host->state() == remote::ConnectionState::Connected) {
        runNow();
        return;
    }
    // Once, when the connection is up (a check never drives the window's connection itself).
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = connect(host, &remote::RemoteHost::stateChanged, this, [this, host, once](remote::ConnectionState state) {
        if (state != remote::ConnectionState::Connected)
            return;
        disconnect(*once);
        if (m_host == host)
            runNow();
    });
}

void InfrastructurePage::runNow()
{
    if (m_runner)
        return;
    if (!m_host || m_host->state() != remote::ConnectionState::Connected) {
        m_summary->setText(tr("Sin conexión con el servidor: conéctese para verificar."));
        return;
    }
    const bool local = m_connection.host == QLatin1String("local");
    m_runner = new checks::CheckRunner(m_host, m_connection, m_requirements, local, this);
    m_runner->setAttestations(m_attestations);
    m_runner->setLanguage(language());
    connect(m_runner, &checks::CheckRunner::finished, this, &InfrastructurePage::onRunFinished);
    m_runButton->setEnabled(false);
    m_runButton->setText(tr("Verificando…"));
    m_summary->setText(tr("Verificando %1…").arg(hostKey()));
    m_runner->start();
}

void InfrastructurePage::onRunFinished(const CheckReport &report)
{
    if (m_runner) {
        m_runner->deleteLater();
        m_runner = nullptr;
    }
    m_runButton->setEnabled(true);
    m_runButton->setText(tr("Verificar ahora"));
    const int generation = ++m_generation;
    std::optional<QHash<QString, Status>> inMemory;
    if (m_last)
        inMemory = statusesOf(m_last->results);
    if (!m_store.isValid()) {
        showReport(report, inMemory, tr("(no se guardó: sin base de datos)"));
        return;
    }
    const store::CheckRunRecord run = incidents::checkRunRecord(report, m_connection.name, hostKey());
    // Written before shown: the verdicts appear once the store committed them; compared with this
    // server's previous run.
    m_store.call<incidents::SavedCheckRun>(
        this, [run](store::Store &s) { return incidents::saveCheckRun(s, run); },
        [this, report, generation, inMemory](const incidents::SavedCheckRun &saved) {
            if (generation != m_generation)
                return;
            std::optional<QHash<QString, Status>> previous = inMemory;
            if (!saved.previous.isEmpty())
                previous = statusesOf(resultsOf(saved.previous.first().results));
            showReport(report, previous,
                       saved.saved ? (saved.error.isEmpty() ? QString() : tr("(el incidente no se guardó: %1)").arg(saved.error))
                                   : tr("(no se guardó: %1)").arg(saved.error.isEmpty() ? tr("base de datos cerrada") : saved.error));
        });
}

void InfrastructurePage::showReport(const CheckReport &report, const std::optional<QHash<QString, Status>> &previous,
                              const QString &note)
{
    const QModelIndex current = m_tree->currentIndex();
    QString selected = current.isValid() ? current.siblingAtColumn(0).data(CheckTreeModel::CheckIdRole).toString() : QString();
    m_last = report;
    m_previous = previous;
    m_model->setResults(report.results, previous);
    m_tree->expandAll();
    if (selected.isEmpty() || !m_model->indexOf(selected).isValid()) {
        // Start where attention is needed: the first failing check, else the first one.
        for (const CheckResult &r : report.results) {
            if (r.status == Status::Fail || (selected.isEmpty() && r.status == Status::Unknown)) {
                selected = r.id;
                break;
            }
        }
        if (selected.isEmpty() && !report.results.isEmpty())
            selected = report.results.first().id;
    }
    if (const QModelIndex i = m_model->indexOf(selected); i.isValid())
        m_tree->setCurrentIndex(i);
    updateHeader();
    if (!note.isEmpty())
        m_lastRun->setText(m_lastRun->text() + QLatin1Char(' ') + note);
    updateDetails();
    if (!m_lastFromStore)
        Q_EMIT runShown(report);
}

void InfrastructurePage::showStored(const QList<store::CheckRunRecord> &runs)
{
    if (runs.isEmpty())
        return;
    CheckReport report;
    report.results = resultsOf(runs.first().results);
    report.startedUtc = runs.first().startedUtc;
    report.durationMs = runs.first().durationMs;
    report.requirementsId = runs.first().requirementsId;
    report.target = runs.first().host;
    std::optional<QHash<QString, Status>> previous;
    if (runs.size() > 1)
        previous = statusesOf(resultsOf(runs.at(1).results));
    m_lastFromStore = true;
    showReport(report, previous, tr("(guardada)"));
    m_lastFromStore = false;
}

void InfrastructurePage::updateHeader()
{
    m_requirementsLabel->setText(tr("Requisitos: %1%2")
                                     .arg(m_requirements.name(language()),
                                          m_requirementsPath.isEmpty() ? tr(" (predeterminados)")
                                                                       : QStringLiteral(" — ") + m_requirementsPath));
    if (!m_last) {
        m_lastRun->setText(m_host ? tr("Última verificación: ninguna todavía en %1.").arg(hostKey())
                                  : tr("Última verificación: ninguna (sin servidor conectado)."));
        if (!m_runner)
            m_summary->clear();
        return;
    }
    m_lastRun->setText(tr("Última verificación: %1 · %2 ms · %3")
                           .arg(formatMexicoTime(m_last->startedUtc))
                           .arg(m_last->durationMs)
                           .arg(m_last->target));
    QMap<int, int> counts;
    for (const CheckResult &r : m_last->results)
        ++counts[int(r.status)];
    QStringList parts;
    for (Status s : {Status::Fail, Status::Unknown, Status::Warn, Status::Pass, Status::Skipped}) {
        if (counts.value(int(s)) > 0)
            parts.append(QStringLiteral("<span style=\"color:%1\">%2 %3</span> %4")
                             .arg(checkStatusColor(s).name(), symbol(s), checks::statusText(s))
                             .arg(counts.value(int(s))));
    }
    int changed = 0;
    for (const CheckResult &r : m_last->results)
        changed += !m_model->changeText(r.id).isEmpty();
    QString text = parts.join(QStringLiteral(" &nbsp;·&nbsp; "));
    if (!m_previous)
        text += QStringLiteral(" &nbsp;—&nbsp; ") + tr("sin verificación anterior con qué comparar");
    else
        text += QStringLiteral(" &nbsp;—&nbsp; ")
            + (changed == 0   ? tr("sin cambios desde la verificación anterior")
               : changed == 1 ? tr("1 cambio desde la verificación anterior")
                              : tr("%1 cambios desde la verificación anterior").arg(changed));
    if (m_last->runFailed)
        text = QStringLiteral("<b>%1</b> ").arg(tr("La verificación no pudo consultar el servidor: %1").arg(m_last->error.toHtmlEscaped())) + text;
    m_summary->setText(text);
}

QString InfrastructurePage::detailsHtml(const QString &checkId) const
{
    const CheckResult *r = m_model->result(checkId);
    if (!r)
        return {};
    QString html = QStringLiteral("<h3>%1 <small>(%2)</small></h3>").arg(esc(r->title), esc(r->id));
    html += QStringLiteral("<p><b>%1</b> <span style=\"color:%2; font-weight:bold\">%3 %4</span>")
                .arg(tr("Estado:"), checkStatusColor(r->status).name(), symbol(r->status), checks::statusText(r->status));
    const QString change = m_model->changeText(r->id);
    if (!change.isEmpty())
        html += QStringLiteral(" &nbsp;(%1 %2)").arg(tr("cambió:"), esc(change));
    if (r->estimated)
        html += QStringLiteral(" &nbsp;<i>%1</i>").arg(tr("estimado con una fuente alternativa"));
    html += QStringLiteral("</p>");
    if (const checks::CheckSpec *spec = m_requirements.check(r->id); spec && !spec->clause.isEmpty())
        html += QStringLiteral("<p><b>%1</b> %2 — «%3»</p>").arg(tr("Cláusula:"), esc(spec->clause), esc(spec->clauseText));
    html += QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("Esperado:"), esc(r->expected));
    html += QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("Encontrado:"), esc(r->actual));
    if (!r->remediation.isEmpty())
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("Qué hacer:"), esc(r->remediation));
    if (const auto a = m_attestations.forCheck(r->id))
        html += QStringLiteral("<p><b>%1</b> %2, %3: %4 — «%5»</p>")
                    .arg(tr("Atestación:"), esc(a->by), formatMexicoTime(a->atUtc),
                         a->affirmed ? tr("se cumple") : tr("no se cumple"), esc(a->statement));
    html += QStringLiteral("<p><b>%1</b></p><pre style=\"background:#f4f4f4; white-space:pre-wrap\">%2</pre>")
                .arg(tr("Evidencia (comando, estado de salida y salida sin procesar):"),
                     r->evidence.isEmpty() ? tr("(sin evidencia)") : r->evidence.toHtmlEscaped());
    return html;
}

void InfrastructurePage::updateDetails()
{
    const CheckResult *r = m_model->result(m_tree->currentIndex());
    if (!r) {
        m_details->clear();
        return;
    }
    m_details->setHtml(detailsHtml(r->id));
}

bool InfrastructurePage::loadRequirementsFile(const QString &path, QString *error)
{
    QString why;
    const auto loaded = checks::RequirementProfile::load(path, &why);
    if (!loaded) {
        if (error)
            *error = why;
        return false;
    }
    return applyRequirements(*loaded, error);
}

bool InfrastructurePage::applyRequirements(const checks::RequirementProfile &requirements, QString *error)
{
    QDir().mkpath(QFileInfo(userRequirementsPath()).absolutePath());
    if (!requirements.save(userRequirementsPath(), error))
        return false;
    m_requirements = requirements;
    m_requirementsPath = userRequirementsPath();
    rejudge();
    updateHeader();
    return true;
}

bool InfrastructurePage::recordAttestation(const checks::Attestation &attestation, QString *error)
{
    checks::AttestationBook book = m_attestations;
    if (!book.record(attestation, error))
        return false;
    QDir().mkpath(QFileInfo(attestationsPath()).absolutePath());
    if (!book.save(attestationsPath(), error))
        return false;
    m_attestations = book;
    rejudge();
    return true;
}

void InfrastructurePage::rejudge()
{
    // Edited requirements or a new attestation are applied to the facts already gathered; no new
    // round trip. A run read back from the store has no facts: the next run applies them.
    if (!m_last || m_last->probe.isEmpty() || m_runner)
        return;
    checks::EvaluationInput in;
    in.profile = m_requirements;
    in.probe = m_last->probe;
    in.probeError = m_last->runFailed ? m_last->error : QString();
    in.console = m_last->console;
    in.attestations = m_attestations;
    in.extraTrustedIps = m_connection.trustedIps;
    in.language = language();
    CheckReport report = *m_last;
    report.results = checks::evaluate(in);
    report.requirementsId = m_requirements.id();
    ++m_generation;
    showReport(report, m_previous, tr("(reevaluada con los requisitos y atestaciones actuales, sin nueva consulta)"));
}

void InfrastructurePage::chooseRequirementsFile()
{
    auto *dialog = new QFileDialog(this, tr("Cargar requisitos"), QString(), tr("Requisitos (*.json)"));
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QString error;
        if (!loadRequirementsFile(path, &error))
            Modal::error(this, tr("Cargar requisitos"), error);
    });
    dialog->open();
}

void InfrastructurePage::editRequirements()
{
    auto *dialog = new RequirementsDialog(m_requirements, this);
    QPointer<RequirementsDialog> guard(dialog);
    Modal::openDialog(dialog, [this, guard](int result) {
        if (result != QDialog::Accepted || !guard)
            return;
        QString error;
        if (!applyRequirements(guard->edited(), &error))
            Modal::error(this, tr("Guardar requisitos"), error);
    });
}

void InfrastructurePage::editAttestations()
{
    auto *dialog = new AttestationDialog(m_requirements, m_attestations, this);
    QPointer<AttestationDialog> guard(dialog);
    Modal::openDialog(dialog, [this, guard](int result) {
        if (result != QDialog::Accepted || !guard)
            return;
        QString error;
        if (!recordAttestation(guard->attestation(), &error))
            Modal::error(this, tr("Registrar atestación"), error);
    });
}

void installInfrastructurePage(const PageContext &context)
{
    if (!context.window)
        return;
    MainWindow *window = context.window;
    // A page per watched server: it checks its server once the server is known by its host key (the
    // runs are that server's), and keeps the last verdicts on screen after a disconnect.
    auto *tabs = new ServerTabs(window->servers(), [](ServerEntry *entry, QWidget *parent) {
        auto *page = new InfrastructurePage({}, parent);
        QObject::connect(entry, &ServerEntry::ready, page, [page, entry] {
            page->setHost(entry->host(), entry->profile(), true, entry->store());
        });
        // The old host goes (disconnect, or another profile): never keep a pointer to it.
        QObject::connect(entry, &ServerEntry::hostChanged, page, [page, entry] {
            page->setHost(nullptr, entry->profile(), false);
        });
        if (entry->isReady())
            page->setHost(entry->host(), entry->profile(), true, entry->store());
        return page;
    });
    window->setPage(MainWindow::Page::Infrastructure, tabs);
    if (qgetenv("DIFUSOR_PAGE") == "infrastructure")
        window->showPage(MainWindow::Page::Infrastructure);
}

} // namespace difusor::ui
