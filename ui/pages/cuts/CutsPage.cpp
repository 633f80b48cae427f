#include "CutsPage.h"

#include "CutsCharts.h"
#include "CutsHeader.h"
#include "CutsTableModel.h"
#include "cuts/CutMonitor.h"
#include "store/StoreThread.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace difusor::ui {

namespace {

struct History
{
    bool open = false;
    QList<store::CutRecord> cuts;
    QList<store::SightingRecord> sightings;
    QList<QDateTime> skipped; // slots named by "skipped cut" incidents
};

constexpr int kHistoryCuts = 1000;

} // namespace

CutsPage::CutsPage(QWidget *parent)
    : QWidget(parent)
    , m_header(new CutsHeader(this))
    , m_info(new QLabel(this))
    , m_watcher(new QLabel(this))
    , m_storeError(new QLabel(this))
    , m_model(new CutsTableModel(this))
    , m_table(new QTableView(this))
    , m_timeline(new CutsTimelineChart(this))
    , m_lagChart(new CutsLagChart(this))
{
    setObjectName(QStringLiteral("cutsPage"));
    m_info->setObjectName(QStringLiteral("cutsInfo"));
    m_info->setWordWrap(true);
    m_info->setForegroundRole(QPalette::PlaceholderText);
    m_watcher->setObjectName(QStringLiteral("cutsWatcher"));
    m_watcher->setWordWrap(true);
    m_storeError->setWordWrap(true);
    m_storeError->setStyleSheet(QStringLiteral("color: #c01c28; font-weight: bold;"));
    m_storeError->hide();

    m_table->setModel(m_model);
    m_table->setObjectName(QStringLiteral("cutsTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->setWordWrap(false);
    // Fixed initial widths: ResizeToContents would measure every row on every change.
    QHeaderView *h = m_table->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->setStretchLastSection(true);
    for (int c = 0; c < CutsTableModel::Status; ++c) {
        int title = 0;
        for (const QString &line : m_model->headerData(c, Qt::Horizontal).toString().split(QLatin1Char('\n')))
            title = qMax(title, fontMetrics().horizontalAdvance(line) + 24);
        // A caught-up arrival ("… (recuperado)") elides; its tooltip says it all.
        const QString widest = c == CutsTableModel::Lag ? QStringLiteral("-000.0 s") : QStringLiteral("00/00 00:00");
        h->resizeSection(c, qMax(title, fontMetrics().horizontalAdvance(widest) + 16));
    }

    auto *charts = new QSplitter(Qt::Vertical, this);
    charts->addWidget(m_timeline);
    charts->addWidget(m_lagChart);
    auto *body = new QSplitter(Qt::Horizontal, this);
    body->addWidget(m_table);
    body->addWidget(charts);
    body->setStretchFactor(0, 1);
    body->setStretchFactor(1, 1);
    body->setSizes({1000, 1000}); // half and half, whatever the table would like

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_storeError);
    layout->addWidget(m_watcher);
    layout->addWidget(m_info);
    layout->addWidget(body, 1);

    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &CutsPage::onTick);
    m_tick.start();
    setWatcherText({}, false);
    updateInfo();
}

CutsPage::~CutsPage()
{
    // The monitor may be owned by one of our children (the watch made by installCutsPage): its
    // destroyed() must not call back into a page that is half gone.
    if (m_monitor)
        disconnect(m_monitor, nullptr, this, nullptr);
    m_monitor = nullptr;
}

void CutsPage::setMonitor(cuts::CutMonitor *monitor, const QString &source)
{
    if (m_monitor)
        disconnect(m_monitor, nullptr, this, nullptr);
    m_monitor = monitor;
    m_source = source;
    ++m_generation;
    m_open.clear();
    if (monitor) {
        // A new watch starts from the store's history; after a disconnect what was shown stays.
        m_model->clear();
        m_timeline->clear();
        m_lagChart->clear();
        m_storeError->hide();
        m_historyText.clear();
        const cuts::RuleConfig &rules = monitor->rules().config();
        m_maxLagMs = rules.maxLagMs;
        m_model->setMaxLagMs(rules.maxLagMs);
        m_lagChart->setMaxLagMs(rules.maxLagMs);
        m_timeline->setRules(rules.cutIntervalMs, rules.lateMarginMs);
        m_header->setCadence(rules.cutIntervalMs, rules.cutStepMs);
        connect(monitor, &cuts::CutMonitor::cutRecorded, this, [this](const store::CutRecord &record) {
            m_model->addCut(record);
            m_timeline->addArrival(record.arrivedConsoleUtc.isValid() ? record.arrivedConsoleUtc : record.detectedUtc,
                                   record.cutTimeUtc);
            const int row = m_model->rowOf(record.cutTimeUtc);
            if (row >= 0)
                if (const auto lag = m_model->cutRow(row).lagMs())
                    m_lagChart->addLag(record.cutTimeUtc, *lag);
            refreshCurrent();
        });
        connect(monitor, &cuts::CutMonitor::sightingRecorded, this,
                [this, monitor](cuts::Site site, const QDateTime &cut, const QDateTime &seen) {
                    m_model->addSighting(site, cut, seen, monitor->probe()->firstSeenUncertaintyMs(site, cut));
                    const int row = m_model->rowOf(cut);
                    if (row >= 0)
                        if (const auto lag = m_model->cutRow(row).lagMs())
                            m_lagChart->addLag(cut, *lag);
                    refreshCurrent();
                });
        connect(monitor, &cuts::CutMonitor::lagRecorded, this, [this](const QDateTime &cut, qint64 lagMs) {
            m_lagChart->addLag(cut, lagMs);
            refreshLag(QDateTime::currentDateTimeUtc());
        });
        connect(monitor, &cuts::CutMonitor::incidentRecorded, this,
                [this](const cuts::IncidentChange &change, qint64) { onIncident(change); });
        connect(monitor, &cuts::CutMonitor::storeFailed, this, [this](const QString &error) {
            m_storeError->setText(tr("%1 Lo que no se guardó no se muestra.").arg(error));
            m_storeError->show();
        });
        connect(monitor, &QObject::destroyed, this, [this] { setMonitor(nullptr); });
        loadHistory();
    } else {
        setWatcherText({}, false);
        if (m_model->rowCount() > 0)
            m_historyText = tr("Desconectado: se muestra lo último medido.");
    }
    refreshCurrent();
    refreshStatus();
    updateInfo();
}

void CutsPage::setWatcherText(const QString &text, bool problem)
{
    m_watcher->setText(text);
    m_watcher->setVisible(!text.isEmpty());
    m_watcher->setStyleSheet(problem ? QStringLiteral("color: #c01c28; font-weight: bold;") : QString());
    m_watcherProblem = problem ? text : QString();
    refreshStatus();
}

void CutsPage::loadHistory()
{
    if (!m_monitor || !m_monitor->store().isValid())
        return;
    const int generation = m_generation;
    m_historyText = tr("Leyendo el historial de cortes…");
    m_monitor->store().call<History>(
        this,
        [](store::Store &s) {
            History h;
            h.open = s.isOpen();
            if (!h.open)
                return h;
            h.cuts = s.cuts(kHistoryCuts);
            // Sightings of cuts that never reached our disk are worth a line too (bounded like cuts).
            for (const QString &site : {cuts::siteId(cuts::Site::Official), cuts::siteId(cuts::Site::Difusor)}) {
                QList<store::SightingRecord> list = s.sightings(site);
                if (list.size() > kHistoryCuts)
                    list = list.mid(list.size() - kHistoryCuts);
                h.sightings += list;
            }
            const QString skippedKind = cuts::incidentKindId(cuts::IncidentKind::SkippedCut);
            for (const store::IncidentRecord &i : s.incidents(false, kHistoryCuts)) {
                if (i.kind == skippedKind)
                    h.skipped.append(QDateTime::fromString(i.subject, Qt::ISODateWithMs));
            }
            return h;
        },
        [this, generation](History h) {
            if (generation != m_generation)
                return;
            if (!h.open) {
                m_historyText = tr("La base de datos no está abierta: sin historial (lo nuevo tampoco podrá guardarse).");
                updateInfo();
                return;
            }
            m_model->loadHistory(h.cuts, h.sightings);
            for (const QDateTime &first : std::as_const(h.skipped))
                m_model->markSkippedRun(first); // the named slot and the ones after it, up to the next cut
            QList<QPair<QDateTime, QDateTime>> arrivals; // arrival -> cut
            QList<QPair<QDateTime, qint64>> lags;
            for (int row = m_model->rowCount() - 1; row >= 0; --row) {
                const CutRow &r = m_model->cutRow(row);
                if (r.onDisk && r.arrivalUtc().isValid())
                    arrivals.append({r.arrivalUtc(), r.cutUtc});
                if (const auto lag = r.lagMs())
                    lags.append({r.cutUtc, *lag});
            }
            m_timeline->setArrivals(arrivals, QDateTime::currentDateTimeUtc());
            m_lagChart->setLags(lags);
            // The store keeps one history for every profile (its tables have no profile column).
            m_historyText = h.cuts.isEmpty()
                                ? tr("Historial al conectar: ningún corte guardado antes de este servidor.")
                                : tr("Historial: los %n cortes guardados antes de este servidor (el perfil y la llave "
                                     "del servidor; los de otros servidores no se muestran).",
                                     nullptr, int(h.cuts.size()));
            refreshCurrent();
            refreshStatus();
            updateInfo();
            Q_EMIT historyLoaded(m_model->rowCount());
        });
    updateInfo();
}

void CutsPage::updateInfo()
{
    QStringList parts;
    if (!m_source.isEmpty())
        parts << tr("Vigilando: %1.").arg(m_source);
    if (!m_historyText.isEmpty())
        parts << m_historyText;
    parts << tr("Horas del centro de México (%1).").arg(zoneLabel());
    m_info->setText(parts.join(QLatin1Char(' ')));
}

void CutsPage::onIncident(const cuts::IncidentChange &change)
{
    if (change.incident.kind == cuts::IncidentKind::SkippedCut && change.type == cuts::IncidentChange::Type::Opened)
        m_model->markSkippedRun(QDateTime::fromString(change.incident.subject, Qt::ISODateWithMs));
    if (change.type == cuts::IncidentChange::Type::Opened && change.incident.isOpen())
        m_open.insert(change.incident.id, change.incident);
    else
        m_open.remove(change.incident.id);
    refreshStatus();
    refreshLag(QDateTime::currentDateTimeUtc()); // the figure next to the status agrees with it now
}

void CutsPage::refreshStatus()
{
    bool anyCut = m_model->rowCount() > 0;
    m_header->setStatus(evaluateCutsStatus(m_monitor != nullptr, anyCut, m_open.values(), m_maxLagMs, m_watcherProblem));
}

void CutsPage::refreshCurrent()
{
    QDateTime cut;
    QDateTime arrival;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const CutRow &r = m_model->cutRow(row);
        if (r.onDisk) {
            cut = r.cutUtc;
            arrival = r.arrivalUtc();
            break;
        }
    }
    m_header->setCurrentCut(cut, arrival);
    refreshLag(QDateTime::currentDateTimeUtc());
    refreshStatus();
}

void CutsPage::refreshLag(const QDateTime &nowUtc)
{
    // The newest cut the official site showed decides: measured if ours showed it too, else still
    // running (now − official). Only the first lines are looked at.
    m_lagRunning = false;
    const int rows = qMin(m_model->rowCount(), 8);
    for (int row = 0; row < rows; ++row) {
        const CutRow &r = m_model->cutRow(row);
        if (!r.officialSeenUtc.isValid())
            continue;
        if (const auto lag = r.lagMs()) {
            m_header->setLag(lag, false, *lag > m_maxLagMs);
        } else {
            const qint64 running = r.officialSeenUtc.msecsTo(nowUtc);
            m_lagRunning = true;
            m_header->setLag(running, true, running > m_maxLagMs);
        }
        return;
    }
    m_header->setLag(std::nullopt, false, false);
}

void CutsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    onTick();
}

void CutsPage::onTick()
{
    // The clock-driven parts (age, running lag, the timeline's "now") only matter on screen; a hidden
    // page (another server's tab) catches up when shown. Live events still update it as they come.
    if (!isVisible())
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_header->tick(now);
    if (m_lagRunning)
        refreshLag(now);
    m_timeline->tick(now);
}

} // namespace difusor::ui
