#include "IncidentsPage.h"

#include "IncidentDetail.h"
#include "IncidentIcons.h"
#include "IncidentsTableModel.h"
#include "common/Settings.h"
#include "incidents/IncidentLog.h"
#include "notify/AlertSeverity.h"
#include "store/StoreThread.h"

#include <QAction>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace difusor::ui {

using store::IncidentAction;
using store::IncidentRecord;

namespace {

// The period filter's choices.
const QString kAllTime = QStringLiteral("all");
const QString kTonight = QStringLiteral("tonight");
const QString kLastDay = QStringLiteral("24h");
const QString kCustom = QStringLiteral("custom");

// The date editors show Central Mexico wall time; they hold it as a UTC-labelled value so the
// machine's own zone (and its daylight saving) never shifts what the technician typed.
constexpr qint64 kMexicoOffsetS = -6 * 3600;

QDateTime wallToUtc(const QDateTime &wall)
{
    return QDateTime(wall.date(), wall.time(), Qt::UTC).addSecs(-kMexicoOffsetS);
}

QDateTime utcToWall(const QDateTime &utc)
{
    const QDateTime shifted = utc.toUTC().addSecs(kMexicoOffsetS);
    return QDateTime(shifted.date(), shifted.time(), Qt::UTC);
}

QString actionText(IncidentAction action)
{
    switch (action) {
    case IncidentAction::Acknowledge: return IncidentsPage::tr("reconocido");
    case IncidentAction::Note: return IncidentsPage::tr("nota guardada");
    case IncidentAction::Silence: return IncidentsPage::tr("silenciado");
    case IncidentAction::Resolve: return IncidentsPage::tr("resuelto");
    case IncidentAction::Reopen: return IncidentsPage::tr("reabierto");
    case IncidentAction::SetSeverity: return IncidentsPage::tr("gravedad cambiada");
    case IncidentAction::SetAffects: return IncidentsPage::tr("«afecta la publicación» cambiado");
    case IncidentAction::SetRootCause: return IncidentsPage::tr("causa raíz guardada");
    case IncidentAction::SetActions: return IncidentsPage::tr("acciones guardadas");
    case IncidentAction::Notified: return IncidentsPage::tr("aviso registrado");
    }
    return {};
}

IncidentAction actionFor(IncidentNoteEditor::Mode mode)
{
    switch (mode) {
    case IncidentNoteEditor::Mode::Acknowledge: return IncidentAction::Acknowledge;
    case IncidentNoteEditor::Mode::Note: return IncidentAction::Note;
    case IncidentNoteEditor::Mode::Silence: return IncidentAction::Silence;
    case IncidentNoteEditor::Mode::Resolve: return IncidentAction::Resolve;
    }
    return IncidentAction::Note;
}

QString affectsValue(const std::optional<bool> &a)
{
    return a ? (*a ? QStringLiteral("true") : QStringLiteral("false")) : QStringLiteral("null");
}

void selectData(QComboBox *combo, const QVariant &data)
{
    const int i = combo->findData(data);
    combo->setCurrentIndex(i < 0 ? 0 : i);
}

} // namespace

IncidentsPage::IncidentsPage(store::StoreThread *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_model(new IncidentsTableModel(this))
    , m_table(new QTableView(this))
    , m_detail(new IncidentDetail(this))
    , m_editor(new IncidentNoteEditor(this))
    , m_banner(new QLabel(this))
    , m_count(new QLabel(this))
{
    setObjectName(QStringLiteral("incidentsPage"));

    // Title and the technician's name.
    auto *title = new QLabel(tr("<h2>Incidentes</h2>"), this);
    m_actor = new QLineEdit(this);
    m_actor->setObjectName(QStringLiteral("incidentActor"));
    m_actor->setMaxLength(80);
    m_actor->setMaximumWidth(220);
    m_actor->setToolTip(tr("Su nombre: queda en la cronología de cada incidente que reconozca, anote o resuelva."));
    const QString saved = Settings::instance().get(Settings::Key::IncidentActor).toString().trimmed();
    m_actor->setText(saved.isEmpty() ? incidents::defaultActor() : saved);
    connect(m_actor, &QLineEdit::editingFinished, this, [this] {
        Settings::instance().set(Settings::Key::IncidentActor, m_actor->text().trimmed());
    });
    auto *actorLabel = new QLabel(tr("&Técnico:"), this);
    actorLabel->setBuddy(m_actor);
    auto *top = new QHBoxLayout;
    top->addWidget(title);
    top->addStretch(1);
    top->addWidget(actorLabel);
    top->addWidget(m_actor);

    auto *filterBar = new QWidget(this);
    buildFilters(filterBar);

    m_banner->setObjectName(QStringLiteral("incidentsBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->hide();
    m_bannerTimer.setSingleShot(true);
    m_bannerTimer.setInterval(10000);
    connect(&m_bannerTimer, &QTimer::timeout, m_banner, &QLabel::hide);

    // The list.
    m_table->setObjectName(QStringLiteral("incidentsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setMinimumHeight(m_table->verticalHeader()->defaultSectionSize() * 6);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(IncidentsTableModel::Title, QHeaderView::Stretch);
    m_table->setColumnWidth(IncidentsTableModel::Severity, 100);
    m_table->setColumnWidth(IncidentsTableModel::State, 170);
    m_table->setColumnWidth(IncidentsTableModel::Server, 120);
    m_table->setColumnWidth(IncidentsTableModel::Started, 150);
    m_table->setColumnWidth(IncidentsTableModel::Age, 150);
    m_table->setColumnWidth(IncidentsTableModel::Affects, 150);
    m_table->setColumnWidth(IncidentsTableModel::Observations, 105);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &IncidentsPage::onCurrentChanged);

    // Below the list: what can be done to the selected incident, the editor for its text, its detail.
    auto *lower = new QWidget(this);
    auto *actionBar = new QWidget(lower);
    buildActions(actionBar);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(actionBar);
    lowerLayout->addWidget(m_editor);
    lowerLayout->addWidget(m_detail, 1);

    auto *upper = new QWidget(this);
    auto *upperLayout = new QVBoxLayout(upper);
    upperLayout->setContentsMargins(0, 0, 0, 0);
    upperLayout->addWidget(m_table, 1);
    m_count->setObjectName(QStringLiteral("incidentsCount"));
    upperLayout->addWidget(m_count);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("incidentsSplitter"));
    m_splitter->addWidget(upper);
    m_splitter->addWidget(lower);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(filterBar);
    layout->addWidget(m_banner);
    layout->addWidget(m_splitter, 1);

    connect(m_editor, &IncidentNoteEditor::submitted, this, &IncidentsPage::onNoteSubmitted);
    connect(m_editor, &IncidentNoteEditor::cancelled, this, [this] { m_table->setFocus(Qt::OtherFocusReason); });
    connect(m_detail, &IncidentDetail::saveRequested, this, [this](IncidentAction action, const QString &text) {
        const qint64 id = m_detail->incidentId();
        act(id, action, text, [this, id, action](bool ok, const QString &message) {
            if (m_detail->incidentId() != id) {
                if (!ok)
                    showMessage(tr("Incidente %1: no se guardó: %2").arg(id).arg(message), true);
                return;
            }
            if (ok)
                m_detail->saved(action);
            else
                m_detail->failed(action, message);
        });
    });

    // A coalesced read: a burst of changes (a cut raising several conditions) makes one query.
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(120);
    connect(&m_reloadTimer, &QTimer::timeout, this, &IncidentsPage::load);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, m_model, &IncidentsTableModel::tick);
    m_tick.start();

    if (m_store) {
        connect(m_store, &store::StoreThread::incidentChanged, this, &IncidentsPage::reload);
        connect(m_store, &store::StoreThread::opened, this, &IncidentsPage::reload);
        // A write nobody waited for (StoreThread::writeFailed) is the window's critical banner.
    }
    updateActions();
    syncChoices();
    reload();
}

void IncidentsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_sized)
        return;
    // Once the page has its real height: half for the list (the splitter would otherwise follow
    // the detail's size hint, leaving the list a few rows).
    m_sized = true;
    const int total = m_splitter->height();
    if (total > 0)
        m_splitter->setSizes({total / 2, total - total / 2});
}

void IncidentsPage::buildFilters(QWidget *bar)
{
    m_state = new QComboBox(bar);
    m_state->setObjectName(QStringLiteral("incidentStateFilter"));
    m_state->addItem(tr("Todos"), QString());
    m_state->addItem(tr("Sin resolver"), QStringLiteral("unresolved"));
    m_state->addItem(tr("Abiertos"), QStringLiteral("open"));
    m_state->addItem(tr("Reconocidos"), QStringLiteral("acknowledged"));
    m_state->addItem(tr("Resueltos"), QStringLiteral("resolved"));

    m_severity = new QComboBox(bar);
    m_severity->setObjectName(QStringLiteral("incidentSeverityFilter"));
    m_severity->addItem(tr("Todas"), QString());
    for (const QString &s : {QStringLiteral("critical"), QStringLiteral("major"), QStringLiteral("minor")})
        m_severity->addItem(QIcon(severityIcon(s)), incidents::severityText(s), s);

    m_kind = new QComboBox(bar);
    m_kind->setObjectName(QStringLiteral("incidentKindFilter"));
    m_kind->addItem(tr("Todos"), QString());
    for (const QString &k : incidents::knownKinds())
        m_kind->addItem(incidents::kindTitle(k), k);
    m_kind->setMaximumWidth(260);

    m_server = new QComboBox(bar);
    m_server->setObjectName(QStringLiteral("incidentServerFilter"));
    m_server->addItem(tr("Todos"), qint64(0));
    m_server->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_period = new QComboBox(bar);
    m_period->setObjectName(QStringLiteral("incidentPeriodFilter"));
    m_period->addItem(tr("Todo"), kAllTime);
    m_period->addItem(tr("Esta noche (desde las 12:00)"), kTonight);
    m_period->addItem(tr("Últimas 24 h"), kLastDay);
    m_period->addItem(tr("Entre fechas…"), kCustom);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_since = new QDateTimeEdit(utcToWall(nightStartUtc(now)), bar);
    m_until = new QDateTimeEdit(utcToWall(now.addSecs(3600)), bar);
    for (QDateTimeEdit *edit : {m_since, m_until}) {
        edit->setTimeSpec(Qt::UTC); // holds Central Mexico wall time, see wallToUtc()
        edit->setDisplayFormat(QStringLiteral("dd/MM/yyyy HH:mm"));
        edit->setCalendarPopup(true);
        edit->setEnabled(false);
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, &IncidentsPage::filtersChanged);
    }
    m_since->setObjectName(QStringLiteral("incidentSince"));
    m_until->setObjectName(QStringLiteral("incidentUntil"));
    m_since->setToolTip(tr("Incidentes que seguían sin resolver en este momento o empezaron después (UTC-6)"));
    m_until->setToolTip(tr("Incidentes que empezaron antes de este momento (UTC-6)"));

    for (QComboBox *combo : {m_state, m_severity, m_kind, m_server, m_period})
        connect(combo, &QComboBox::currentIndexChanged, this, &IncidentsPage::filtersChanged);
    connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
        const bool custom = m_period->currentData().toString() == kCustom;
        m_since->setEnabled(custom);
        m_until->setEnabled(custom);
    });

    // Two rows, so the page fits a 1366 px screen (one row made the window 1893 px wide).
    auto *grid = new QGridLayout(bar);
    grid->setContentsMargins(0, 0, 0, 0);
    auto *first = new QHBoxLayout;
    auto *layout = new QHBoxLayout;
    grid->addLayout(first, 0, 0);
    grid->addLayout(layout, 1, 0);
    auto add = [bar](QHBoxLayout *row, const QString &label, QWidget *widget) {
        auto *l = new QLabel(label, bar);
        l->setBuddy(widget);
        row->addWidget(l);
        row->addWidget(widget);
    };
    m_kind->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_kind->setMinimumContentsLength(16);
    add(first, tr("Estado:"), m_state);
    add(first, tr("Gravedad:"), m_severity);
    add(first, tr("Tipo:"), m_kind);
    add(first, tr("Servidor:"), m_server);
    first->addStretch(1);
    add(layout, tr("Periodo:"), m_period);
    add(layout, tr("desde"), m_since);
    add(layout, tr("hasta"), m_until);
    layout->addWidget(new QLabel(tr("(UTC-6)"), bar));
    layout->addStretch(1);

    auto exportAction = [this, bar, layout](Action which, const QString &text, ExportFormat format) {
        auto *a = new QAction(text, this);
        a->setObjectName(which == Action::ExportCsv ? QStringLiteral("incidentsExportCsv") : QStringLiteral("incidentsExportJson"));
        a->setToolTip(tr("Guarda la lista tal como se ve (con los filtros aplicados)"));
        connect(a, &QAction::triggered, this, [this, format] { exportList(format); });
        auto *button = new QToolButton(bar);
        button->setDefaultAction(a);
        layout->addWidget(button);
        m_actions.insert(which, a);
    };
    exportAction(Action::ExportCsv, tr("Exportar CSV…"), ExportFormat::Csv);
    exportAction(Action::ExportJson, tr("Exportar JSON…"), ExportFormat::Json);
}

void IncidentsPage::buildActions(QWidget *bar)
{
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    // Single keys, as in PagerDuty's and Grafana's incident lists: they act while the focus is on
    // this page and not in a text field (a line edit takes its letters itself). The same keys in
    // every language, so a technician's habits survive switching it.
    auto keyAction = [this, bar, layout](Action which, const QString &text, Qt::Key key, const QString &tip) {
        auto *a = new QAction(text, this);
        a->setShortcut(QKeySequence(key));
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setIconText(QStringLiteral("%1 (%2)").arg(text, QKeySequence(key).toString(QKeySequence::NativeText)));
        a->setToolTip(tip);
        QWidget::addAction(a); // the page's: active wherever the focus is inside it
        auto *button = new QToolButton(bar);
        button->setDefaultAction(a);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        layout->addWidget(button);
        m_actions.insert(which, a);
        return a;
    };
    connect(keyAction(Action::Acknowledge, tr("Reconocer"), Qt::Key_A, tr("Reconocer el incidente elegido, con una nota (A)")),
            &QAction::triggered, this, [this] { beginEditor(IncidentNoteEditor::Mode::Acknowledge, m_selectedId); });
    connect(keyAction(Action::Note, tr("Nota"), Qt::Key_N, tr("Añadir una nota a la cronología (N)")), &QAction::triggered,
            this, [this] { beginEditor(IncidentNoteEditor::Mode::Note, m_selectedId); });
    connect(keyAction(Action::Silence, tr("Silenciar"), Qt::Key_S,
                      tr("Sin más avisos hasta que la condición termine; pide un motivo (S)")),
            &QAction::triggered, this, [this] { beginEditor(IncidentNoteEditor::Mode::Silence, m_selectedId); });
    connect(keyAction(Action::Resolve, tr("Resolver"), Qt::Key_R, tr("Resolver a mano, con una nota (R)")),
            &QAction::triggered, this, [this] { beginEditor(IncidentNoteEditor::Mode::Resolve, m_selectedId); });
    connect(keyAction(Action::Reopen, tr("Reabrir"), Qt::Key_O, tr("Reabrir un incidente resuelto (O)")),
            &QAction::triggered, this, [this] {
                const qint64 id = m_selectedId;
                act(id, IncidentAction::Reopen, {}, [this, id](bool ok, const QString &message) {
                    if (!ok)
                        showMessage(tr("Incidente %1: no se reabrió: %2").arg(id).arg(message), true);
                });
            });
    layout->addSpacing(16);

    m_setSeverity = new QComboBox(bar);
    m_setSeverity->setObjectName(QStringLiteral("incidentSetSeverity"));
    for (const QString &s : {QStringLiteral("critical"), QStringLiteral("major"), QStringLiteral("minor")})
        m_setSeverity->addItem(QIcon(severityIcon(s)), incidents::severityText(s), s);
    m_setAffects = new QComboBox(bar);
    m_setAffects->setObjectName(QStringLiteral("incidentSetAffects"));
    m_setAffects->addItem(IncidentsTableModel::affectsText(true), QStringLiteral("true"));
    m_setAffects->addItem(IncidentsTableModel::affectsText(false), QStringLiteral("false"));
    m_setAffects->addItem(IncidentsTableModel::affectsText(std::nullopt), QStringLiteral("null"));
    // G and P open the choice (a popup, no event loop of its own); the change goes to the store when
    // one is picked, and the combo shows the stored value again if the store refuses it.
    auto addChoice = [this, bar, layout](Action which, const QString &label, Qt::Key key, QComboBox *combo) {
        auto *a = new QAction(label, this);
        a->setShortcut(QKeySequence(key));
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        QWidget::addAction(a);
        connect(a, &QAction::triggered, combo, [combo] {
            if (!combo->isEnabled())
                return;
            combo->setFocus(Qt::ShortcutFocusReason);
            combo->showPopup();
        });
        auto *l = new QLabel(QStringLiteral("%1 (%2):").arg(label, QKeySequence(key).toString(QKeySequence::NativeText)), bar);
        l->setBuddy(combo);
        layout->addWidget(l);
        layout->addWidget(combo);
        m_actions.insert(which, a);
    };
    addChoice(Action::Severity, tr("Gravedad"), Qt::Key_G, m_setSeverity);
    addChoice(Action::Affects, tr("Afectó la publicación"), Qt::Key_P, m_setAffects);
    connect(m_setSeverity, &QComboBox::activated, this, [this] { onChoice(IncidentAction::SetSeverity, m_setSeverity); });
    connect(m_setAffects, &QComboBox::activated, this, [this] { onChoice(IncidentAction::SetAffects, m_setAffects); });
    layout->addStretch(1);
}

QString IncidentsPage::actor() const
{
    return m_actor->text().trimmed();
}

QDateTime IncidentsPage::nightStartUtc(const QDateTime &nowUtc)
{
    // A night is the 24 h from 12:00 Central Mexico time (incidents::nightOf).
    const QDateTime wall = nowUtc.toUTC().addSecs(kMexicoOffsetS);
    QDateTime start = wallToUtc(QDateTime(wall.date(), QTime(12, 0), Qt::UTC));
    if (start > nowUtc)
        start = start.addDays(-1);
    return start;
}

store::IncidentFilter IncidentsPage::filter() const
{
    store::IncidentFilter f;
    f.state = m_state->currentData().toString();
    f.severity = m_severity->currentData().toString();
    f.kind = m_kind->currentData().toString();
    f.serverId = m_server->currentData().toLongLong();
    const QString period = m_period->currentData().toString();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (period == kTonight) {
        f.sinceUtc = nightStartUtc(now);
    } else if (period == kLastDay) {
        f.sinceUtc = now.addSecs(-24 * 3600);
    } else if (period == kCustom) {
        f.sinceUtc = wallToUtc(m_since->dateTime());
        f.untilUtc = wallToUtc(m_until->dateTime());
    }
    return f;
}

void IncidentsPage::reload()
{
    // Not restarted while pending: a steady stream of changes still gets a read every interval.
    if (!m_reloadTimer.isActive())
        m_reloadTimer.start();
}

void IncidentsPage::filtersChanged()
{
    ++m_generation; // an answer to the old filters must not land
    m_reloadTimer.start();
}

void IncidentsPage::load()
{
    if (!m_store) {
        showMessage(tr("Sin base de datos: no hay incidentes que mostrar."), true);
        return;
    }
    const quint64 generation = m_generation;
    const store::IncidentFilter f = filter();
    m_store->call<Loaded>(
        this,
        [f](store::Store &s) {
            Loaded l;
            l.open = s.isOpen();
            if (!l.open) {
                l.error = s.lastError();
                return l;
            }
            l.incidents = s.findIncidents(f);
            l.servers = s.servers();
            return l;
        },
        [this, generation](const Loaded &l) { apply(l, generation); });
}

void IncidentsPage::apply(const Loaded &l, quint64 generation)
{
    if (generation != m_generation)
        return;
    if (!l.open) {
        // Opening may still be under way (opened() reloads); a failure to open is said by the window.
        m_count->setText(l.error.isEmpty() ? tr("La base de datos aún no está abierta.")
                                           : tr("La base de datos no está abierta: %1").arg(l.error));
        return;
    }
    fillServers(l.servers);
    keepSelection([this, &l] { m_model->setIncidents(l.incidents); });

    int unresolved = 0, critical = 0;
    for (const IncidentRecord &i : l.incidents) {
        if (i.isOpen()) {
            ++unresolved;
            if (i.severity == QLatin1String("critical"))
                ++critical;
        }
    }
    m_count->setText(tr("%1 incidentes en la lista · %2 sin resolver · %3 críticos sin resolver")
                         .arg(l.incidents.size())
                         .arg(unresolved)
                         .arg(critical));

    if (m_pendingShow) {
        if (m_model->rowOf(m_pendingShow) >= 0) {
            select(m_pendingShow);
            m_pendingShow = 0;
        } else if (generation >= m_pendingGeneration) {
            showMessage(tr("El incidente %1 no está en la base de datos.").arg(m_pendingShow), true);
            m_pendingShow = 0;
        }
    }
    if (m_selectedId) {
        loadEvents(m_selectedId); // the timeline may have grown (a note from elsewhere, an observation)
    } else if (!m_pendingShow && m_model->rowCount() > 0) {
        // Nothing chosen yet (or it was filtered out): the first, the most urgent, so its detail is
        // on screen and the keys act on it at once.
        select(m_model->incident(0).id);
    }
    Q_EMIT loaded(int(l.incidents.size()));
}

void IncidentsPage::fillServers(const QList<store::ServerRecord> &servers)
{
    // Every server the store knows, watched now or not: last night's incidents stay findable.
    QList<QPair<QString, qint64>> items;
    for (const store::ServerRecord &s : servers) {
        const QString name = s.identity.profileName.isEmpty() ? s.identity.profileId : s.identity.profileName;
        items.append({s.identity.host.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, s.identity.host), s.id});
    }
    bool same = items.size() + 1 == m_server->count();
    for (qsizetype i = 0; same && i < items.size(); ++i)
        same = m_server->itemText(int(i) + 1) == items.at(i).first && m_server->itemData(int(i) + 1).toLongLong() == items.at(i).second;
    if (same)
        return;
    const qint64 current = m_server->currentData().toLongLong();
    const QSignalBlocker block(m_server);
    while (m_server->count() > 1)
        m_server->removeItem(1);
    for (const auto &[name, id] : items)
        m_server->addItem(name, id);
    const int i = m_server->findData(current);
    m_server->setCurrentIndex(i < 0 ? 0 : i);
    if (i < 0 && current != 0)
        filtersChanged(); // the chosen server is gone from the store: show all
}

void IncidentsPage::keepSelection(const std::function<void()> &change)
{
    const qint64 id = m_selectedId;
    m_restoring = true;
    change();
    m_restoring = false;
    const int row = id ? m_model->rowOf(id) : -1;
    if (row >= 0) {
        const QModelIndex current = m_table->selectionModel()->currentIndex();
        if (!current.isValid() || current.row() != row)
            select(id);
        else
            m_detail->setIncident(m_model->incident(row));
    } else if (id) {
        // Filtered out or gone: nothing is selected any more (the detail does not show a stale record).
        m_selectedId = 0;
        m_detail->clear();
    }
    updateActions();
    syncChoices();
}

void IncidentsPage::select(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, IncidentsTableModel::Title);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    // currentRowChanged is not emitted when the row is the same index after a reset: set it here too.
    if (m_selectedId != id) {
        m_selectedId = id;
        m_detail->setIncident(m_model->incident(row));
        loadEvents(id);
    }
    updateActions();
    syncChoices();
}

void IncidentsPage::onCurrentChanged()
{
    if (m_restoring)
        return; // a reset: keepSelection() selects again
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const qint64 id = current.isValid() ? m_model->incident(current.row()).id : 0;
    if (id == m_selectedId)
        return;
    m_selectedId = id;
    if (id) {
        m_detail->setIncident(m_model->incident(current.row()));
        loadEvents(id);
    } else {
        m_detail->clear();
    }
    updateActions();
    syncChoices();
}

void IncidentsPage::loadEvents(qint64 id)
{
    if (!m_store || !id)
        return;
    m_store->call<QList<store::IncidentEvent>>(
        this, [id](store::Store &s) { return s.isOpen() ? s.incidentEvents(id) : QList<store::IncidentEvent>(); },
        [this, id](const QList<store::IncidentEvent> &events) { m_detail->setEvents(id, events); });
}

void IncidentsPage::updateActions()
{
    const int row = m_selectedId ? m_model->rowOf(m_selectedId) : -1;
    const IncidentRecord *i = row >= 0 ? &m_model->incident(row) : nullptr;
    m_actions.value(Action::Acknowledge)->setEnabled(i && i->state() == QLatin1String("open"));
    m_actions.value(Action::Note)->setEnabled(i);
    m_actions.value(Action::Silence)->setEnabled(i && i->isOpen() && !i->isSilenced());
    m_actions.value(Action::Resolve)->setEnabled(i && i->isOpen());
    m_actions.value(Action::Reopen)->setEnabled(i && !i->isOpen());
    m_actions.value(Action::Severity)->setEnabled(i);
    m_actions.value(Action::Affects)->setEnabled(i);
    const bool any = m_model->rowCount() > 0;
    m_actions.value(Action::ExportCsv)->setEnabled(any);
    m_actions.value(Action::ExportJson)->setEnabled(any);
}

void IncidentsPage::syncChoices()
{
    const int row = m_selectedId ? m_model->rowOf(m_selectedId) : -1;
    const QSignalBlocker a(m_setSeverity);
    const QSignalBlocker b(m_setAffects);
    if (row < 0) {
        m_setSeverity->setEnabled(false);
        m_setAffects->setEnabled(false);
        return;
    }
    const IncidentRecord &i = m_model->incident(row);
    m_setSeverity->setEnabled(true);
    m_setAffects->setEnabled(true);
    selectData(m_setSeverity, i.severity);
    selectData(m_setAffects, affectsValue(i.affectsPublication));
}

QString IncidentsPage::describe(qint64 id) const
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return tr("el incidente %1").arg(id);
    const IncidentRecord &i = m_model->incident(row);
    return tr("el incidente %1 «%2» (%3)").arg(id).arg(i.title, i.serverName);
}

void IncidentsPage::beginEditor(IncidentNoteEditor::Mode mode, qint64 id)
{
    if (!id) {
        showMessage(tr("Elija primero un incidente de la lista."), true);
        return;
    }
    m_editor->begin(mode, id, describe(id));
}

void IncidentsPage::onNoteSubmitted(IncidentNoteEditor::Mode mode, qint64 id, const QString &text)
{
    const IncidentAction action = actionFor(mode);
    act(id, action, text, [this, id, mode](bool ok, const QString &message) {
        if (m_editor->incidentId() != id || m_editor->mode() != mode)
            return; // the editor moved on; the outcome is in the banner (act) and the list
        if (ok) {
            m_editor->finish();
            if (m_selectedId == id)
                m_table->setFocus(Qt::OtherFocusReason); // the keys work again at once
        } else {
            m_editor->showError(message);
        }
    });
}

void IncidentsPage::onChoice(IncidentAction action, QComboBox *combo)
{
    const qint64 id = m_selectedId;
    const int row = id ? m_model->rowOf(id) : -1;
    if (row < 0)
        return;
    const IncidentRecord &i = m_model->incident(row);
    const QString value = combo->currentData().toString();
    const QString stored = action == IncidentAction::SetSeverity ? i.severity : affectsValue(i.affectsPublication);
    if (value == stored)
        return;
    combo->setEnabled(false); // until the store answers; it then shows what was stored
    act(id, action, value, [this, combo, id](bool ok, const QString &message) {
        combo->setEnabled(true);
        syncChoices();
        if (!ok)
            showMessage(tr("Incidente %1: no se cambió: %2").arg(id).arg(message), true);
        if (m_selectedId == id)
            m_table->setFocus(Qt::OtherFocusReason);
    });
}

void IncidentsPage::withServer(qint64 id, const std::function<void(qint64)> &then)
{
    const int row = m_model->rowOf(id);
    if (row >= 0) {
        then(m_model->incident(row).serverId);
        return;
    }
    if (!m_store) {
        then(0);
        return;
    }
    // Not in the list (filtered out): ask the store whose it is.
    m_store->call<qint64>(
        this,
        [id](store::Store &s) -> qint64 {
            if (!s.isOpen())
                return 0;
            store::IncidentFilter f;
            f.id = id;
            const QList<IncidentRecord> found = s.findIncidents(f);
            return found.isEmpty() ? 0 : found.first().serverId;
        },
        then);
}

void IncidentsPage::act(qint64 id, IncidentAction action, const QString &text,
                        const std::function<void(bool, const QString &)> &after)
{
    // Every outcome reaches the caller (which says it where the technician looks) and actionFinished.
    auto finish = [this, id, action, after](bool ok, const QString &message) {
        after(ok, message);
        Q_EMIT actionFinished(id, action, ok, message);
    };
    const QString who = actor();
    if (!id) {
        finish(false, tr("no hay un incidente elegido."));
        return;
    }
    if (who.isEmpty()) {
        finish(false, tr("escriba su nombre en «Técnico»: queda en la cronología."));
        m_actor->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (!m_store) {
        finish(false, tr("sin base de datos."));
        return;
    }
    withServer(id, [this, id, action, text, who, finish](qint64 serverId) {
        if (serverId <= 0) {
            finish(false, tr("el incidente %1 no está en la base de datos.").arg(id));
            return;
        }
        // Server-scoped: the change goes through the incident's own server's log.
        const incidents::IncidentLog log(store::ServerStore(m_store, serverId));
        log.act(id, action, who, text, this,
                [this, id, action, finish](const std::optional<store::IncidentUpdate> &update, const QString &error) {
                    if (!update) {
                        finish(false, error.isEmpty() ? tr("la base de datos no respondió.") : error);
                        return;
                    }
                    // Committed: now it may be shown (the incidentChanged refresh follows too).
                    keepSelection([this, &update] { m_model->updateIncident(update->incident); });
                    if (m_selectedId == id)
                        loadEvents(id);
                    showMessage(tr("Incidente %1: %2.").arg(id).arg(actionText(action)), false);
                    finish(true, {});
                });
    });
}

void IncidentsPage::showIncident(qint64 id)
{
    if (id <= 0)
        return;
    if (m_model->rowOf(id) >= 0) {
        m_pendingShow = 0;
        select(id);
        m_table->setFocus(Qt::OtherFocusReason);
        return;
    }
    // Hidden by the filters (or not read yet): show everything, then select it when it arrives.
    m_pendingShow = id;
    {
        const QSignalBlocker a(m_state), b(m_severity), c(m_kind), d(m_server), e(m_period);
        for (QComboBox *combo : {m_state, m_severity, m_kind, m_server, m_period})
            combo->setCurrentIndex(0);
        m_since->setEnabled(false);
        m_until->setEnabled(false);
    }
    filtersChanged();
    m_pendingGeneration = m_generation;
}

void IncidentsPage::acknowledgeIncident(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0 && m_model->incident(row).state() != QLatin1String("open")) {
        select(id);
        showMessage(m_model->incident(row).isOpen()
                        ? tr("El incidente %1 ya estaba reconocido (por %2).").arg(id).arg(m_model->incident(row).acknowledgedBy)
                        : tr("El incidente %1 ya está resuelto.").arg(id),
                    false);
        return;
    }
    showIncident(id);
    beginEditor(IncidentNoteEditor::Mode::Acknowledge, id);
}

void IncidentsPage::showMessage(const QString &text, bool error)
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
