#include "SummaryPage.h"

#include "MainWindow.h"
#include "common/MexicoTime.h"
#include "connection/ServerSet.h"
#include "cuts/CutMonitor.h"
#include "cuts/CutSession.h"
#include "pages/cuts/CutsTableModel.h"
#include "remote/RemoteHost.h"
#include "traffic/TrafficSession.h"
#include "widgets/StateIcon.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace difusor::ui {

namespace {
const QColor kAlarm(0xc0, 0x1c, 0x28);
const QColor kOk(0x26, 0xa2, 0x69);
} // namespace

SummaryPage::SummaryPage(ServerSet *servers, QWidget *parent)
    : QWidget(parent)
    , m_servers(servers)
    , m_table(new QTableWidget(0, ColumnCount, this))
{
    setObjectName(QStringLiteral("summaryPage"));
    m_table->setObjectName(QStringLiteral("summaryTable"));
    m_table->setHorizontalHeaderLabels({tr("Servidor"), tr("Conexión"), tr("Corte actual (UTC-6)"), tr("Antigüedad"),
                                        tr("Desfase"), tr("Solicitudes/s"), tr("Incidentes abiertos")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    QFont big = m_table->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    m_table->setFont(big);
    m_table->verticalHeader()->setDefaultSectionSize(QFontMetrics(big).height() * 2);

    auto *title = new QLabel(tr("<h2>Resumen</h2>"), this);
    auto *intro = new QLabel(tr("Cada servidor vigilado en una fila. Doble clic abre sus cortes."), this);
    intro->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);

    for (ServerEntry *entry : servers->entries())
        add(entry);
    connect(servers, &ServerSet::entryAdded, this, &SummaryPage::add);
    connect(servers, &ServerSet::entryRemoved, this, &SummaryPage::remove);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row) {
        if (row >= 0 && row < m_order.size())
            Q_EMIT openRequested(m_order.at(row));
    });
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        for (ServerEntry *entry : std::as_const(m_order))
            refresh(entry);
    });
    m_tick.start();
}

int SummaryPage::rowOf(ServerEntry *entry) const
{
    return int(m_order.indexOf(entry));
}

QString SummaryPage::text(ServerEntry *entry, Column column) const
{
    const int row = rowOf(entry);
    const QTableWidgetItem *item = row >= 0 ? m_table->item(row, column) : nullptr;
    return item ? item->text() : QString();
}

void SummaryPage::add(ServerEntry *entry)
{
    m_order.append(entry);
    m_rows.insert(entry, Row{});
    m_table->insertRow(m_table->rowCount());
    connect(entry, &ServerEntry::hostChanged, this, [this, entry](remote::RemoteHost *host) {
        m_rows[entry] = Row{};
        if (host) {
            connect(host, &remote::RemoteHost::stateChanged, this, [this, entry] { refresh(entry); });
        }
        refresh(entry);
    });
    connect(entry, &ServerEntry::ready, this, [this, entry] { attach(entry); });
    if (entry->isReady())
        attach(entry);
    refresh(entry);
}

void SummaryPage::remove(ServerEntry *entry)
{
    const int row = rowOf(entry);
    if (row < 0)
        return;
    disconnect(entry, nullptr, this, nullptr);
    m_order.removeAt(row);
    m_rows.remove(entry);
    m_table->removeRow(row);
}

void SummaryPage::attach(ServerEntry *entry)
{
    if (cuts::CutSession *session = entry->cuts()) {
        cuts::CutMonitor *monitor = session->monitor();
        m_rows[entry].maxLagMs = monitor->rules().config().maxLagMs;
        connect(monitor, &cuts::CutMonitor::cutRecorded, this, [this, entry](const store::CutRecord &cut) {
            Row &r = m_rows[entry];
            if (!r.cutUtc.isValid() || cut.cutTimeUtc > r.cutUtc) {
                r.cutUtc = cut.cutTimeUtc;
                r.arrivalUtc = cut.arrivedConsoleUtc.isValid() ? cut.arrivedConsoleUtc : cut.detectedUtc;
            }
            refresh(entry);
        });
        connect(monitor, &cuts::CutMonitor::lagRecorded, this, [this, entry](const QDateTime &, qint64 lagMs) {
            m_rows[entry].lagMs = lagMs;
            refresh(entry);
        });
        connect(monitor, &cuts::CutMonitor::incidentRecorded, this,
                [this, entry](const cuts::IncidentChange &change, qint64 id) {
                    const QString key = QStringLiteral("c%1").arg(id);
                    if (change.type == cuts::IncidentChange::Type::Opened)
                        m_rows[entry].openIncidents.insert(key);
                    else
                        m_rows[entry].openIncidents.remove(key);
                    refresh(entry);
                });
    }
    if (traffic::TrafficSession *session = entry->traffic()) {
        connect(session, &traffic::TrafficSession::periodClosed, this, [this, entry, session](const QJsonObject &line) {
            const double seconds = session->periodSeconds();
            if (line.value(QLatin1String("late")).toBool() || line.value(QLatin1String("partial")).toBool() || seconds <= 0)
                return;
            m_rows[entry].requestsPerSecond = line.value(QLatin1String("requests")).toDouble() / seconds;
            refresh(entry);
        });
        connect(session, &traffic::TrafficSession::incidentOpened, this, [this, entry](const traffic::TrafficIncident &i) {
            m_rows[entry].openIncidents.insert(QStringLiteral("t%1").arg(i.id));
            refresh(entry);
        });
        connect(session, &traffic::TrafficSession::incidentClosed, this, [this, entry](const traffic::TrafficIncident &i) {
            m_rows[entry].openIncidents.remove(QStringLiteral("t%1").arg(i.id));
            refresh(entry);
        });
    }
    refresh(entry);
}

void SummaryPage::setCell(int row, Column column, const QString &text, const QColor &color)
{
    QTableWidgetItem *item = m_table->item(row, column);
    if (!item) {
        item = new QTableWidgetItem;
        m_table->setItem(row, column, item);
    }
    if (item->text() != text)
        item->setText(text);
    item->setForeground(color.isValid() ? QBrush(color) : QBrush());
}

void SummaryPage::refresh(ServerEntry *entry)
{
    const int row = rowOf(entry);
    if (row < 0)
        return;
    const Row &r = m_rows.value(entry);
    remote::RemoteHost *host = entry->host();
    setCell(row, ServerColumn, host ? entry->title() : tr("(sin servidor)"));
    const remote::ConnectionState state = host ? host->state() : remote::ConnectionState::Disconnected;
    setCell(row, ConnectionColumn, remote::connectionStateText(state), stateColor(state));
    if (QTableWidgetItem *item = m_table->item(row, ConnectionColumn))
        item->setIcon(QIcon(stateIcon(state, 24)));
    const bool watching = host && entry->isReady();
    setCell(row, CutColumn, r.cutUtc.isValid() ? formatMexicoTime(r.cutUtc, false) : (watching ? tr("esperando") : QStringLiteral("—")));
    // As the cuts page's header: the cadence is about arrivals, so the age counts from the arrival.
    const QDateTime from = r.arrivalUtc.isValid() ? r.arrivalUtc : r.cutUtc;
    setCell(row, AgeColumn, from.isValid() ? durationText(from.msecsTo(QDateTime::currentDateTimeUtc())) : QStringLiteral("—"));
    if (r.lagMs) {
        const bool over = *r.lagMs > r.maxLagMs;
        setCell(row, LagColumn,
                (over ? tr("FUERA DE PLAZO: %1") : tr("en plazo: %1")).arg(lagText(*r.lagMs)), over ? kAlarm : kOk);
    } else {
        setCell(row, LagColumn, tr("sin medir"));
    }
    setCell(row, RateColumn,
            r.requestsPerSecond ? QLocale().toString(*r.requestsPerSecond, 'f', 1)
                                : (entry->traffic() ? tr("esperando") : tr("sin bitácora")));
    const int open = int(r.openIncidents.size());
    setCell(row, IncidentsColumn, open == 0 ? tr("ninguno") : tr("abiertos: %1").arg(open), open == 0 ? kOk : kAlarm);
}

void installSummaryPage(const PageContext &context)
{
    if (!context.window)
        return;
    MainWindow *window = context.window;
    auto *page = new SummaryPage(window->servers());
    window->setPage(MainWindow::Page::Summary, page);
    QObject::connect(page, &SummaryPage::openRequested, window, [window](ServerEntry *entry) {
        window->showPage(MainWindow::Page::Cuts);
        if (auto *tabs = qobject_cast<QTabWidget *>(window->page(MainWindow::Page::Cuts)))
            tabs->setCurrentIndex(int(window->servers()->entries().indexOf(entry)));
    });
    if (qgetenv("DIFUSOR_PAGE") == "summary")
        window->showPage(MainWindow::Page::Summary);
}

} // namespace difusor::ui
