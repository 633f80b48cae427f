#include "TrafficPage.h"

#include "TrafficChart.h"
#include "common/MexicoTime.h"
#include "traffic/StatsReport.h"
#include "traffic/TrafficSession.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QElapsedTimer>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace difusor::ui {

using traffic::TrafficCounts;
using traffic::TrafficSeries;
using traffic::TrafficSession;

namespace {

std::int64_t floorTo(std::int64_t t, std::int64_t step)
{
    return (t >= 0 ? t / step : (t - step + 1) / step) * step;
}

QString bytesText(double bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeSIFormat);
}

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->setVisible(false);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionMode(QAbstractItemView::NoSelection);
    t->setFocusPolicy(Qt::NoFocus);
    t->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int i = 1; i < headers.size(); ++i)
        t->horizontalHeader()->setSectionResizeMode(i, QHeaderView::ResizeToContents);
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 4);
    return t;
}

void fillTable(QTableWidget *table, const std::vector<traffic::TopCounter::Entry> &entries, std::uint64_t total)
{
    if (table->rowCount() != int(entries.size()))
        table->setRowCount(int(entries.size()));
    for (int r = 0; r < int(entries.size()); ++r) {
        const auto &e = entries[std::size_t(r)];
        const QString values[] = {QString::fromStdString(e.key), QLocale().toString(qulonglong(e.count)),
                                  total > 0 ? QStringLiteral("%1 %").arg(100.0 * double(e.count) / double(total), 0, 'f', 1)
                                            : QString()};
        for (int c = 0; c < 3; ++c) {
            QTableWidgetItem *item = table->item(r, c);
            if (!item) {
                item = new QTableWidgetItem;
                if (c > 0)
                    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                table->setItem(r, c, item);
            }
            if (item->text() != values[c])
                item->setText(values[c]);
        }
    }
}

} // namespace

TrafficPage::TrafficPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("trafficPage"));
    // The axis shows Central Mexico time whatever the console's own zone.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_shiftMs = (qint64(mexicoCentralZone().offsetFromUtc(now)) - qint64(now.toLocalTime().offsetFromUtc())) * 1000;

    m_title = new QLabel(this);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("tailState"));

    m_ranges = new QButtonGroup(this);
    m_ranges->setExclusive(true);
    auto *rangeRow = new QHBoxLayout;
    rangeRow->setSpacing(2);
    const QString rangeNames[] = {tr("5 min"), tr("1 h"), tr("24 h"), tr("Todo")};
    for (int i = 0; i < 4; ++i) {
        auto *b = new QToolButton(this);
        b->setText(rangeNames[i]);
        b->setCheckable(true);
        b->setChecked(i == 0);
        b->setObjectName(QStringLiteral("range%1").arg(i));
        m_ranges->addButton(b, i);
        rangeRow->addWidget(b);
    }
    connect(m_ranges, &QButtonGroup::idClicked, this, [this](int id) { setRange(Range(id)); });

    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("mode"));
    m_mode->addItem(tr("AWStats (hits, páginas, visitas)"));
    m_mode->addItem(tr("Crudo (como GoAccess)"));
    m_mode->setToolTip(tr("Cambiar el modo reinicia la cuenta desde este momento."));
    connect(m_mode, &QComboBox::activated, this, [this](int index) {
        if (!m_session)
            return;
        m_session->setMode(index == 1 ? traffic::TrafficCounter::Mode::Raw : traffic::TrafficCounter::Mode::AwStats);
        m_tablesAt = ~std::uint64_t(0);
        rebuild();
    });

    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addSpacing(12);
    header->addWidget(m_state, 1);
    header->addWidget(new QLabel(tr("Modo:"), this));
    header->addWidget(m_mode);
    header->addSpacing(12);
    header->addWidget(new QLabel(tr("Periodo:"), this));
    header->addLayout(rangeRow);

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("incidentBanner"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #b71c1c; color: white; padding: 6px; font-weight: bold; }"));
    m_banner->hide();

    m_totals = new QLabel(this);
    m_totals->setObjectName(QStringLiteral("totals"));
    m_totals->setTextFormat(Qt::RichText);
    m_extra = new QLabel(this);
    m_extra->setObjectName(QStringLiteral("extra"));
    m_extra->setTextFormat(Qt::RichText);

    m_empty = new QLabel(tr("Conéctese a un servidor difusor para ver su tráfico en vivo."), this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false);

    m_charts[std::size_t(Metric::Requests)] = new TrafficChart(tr("Solicitudes por segundo"), tr("solicitudes/s"), {tr("solicitudes")}, this);
    m_charts[std::size_t(Metric::Pages)] = new TrafficChart(tr("Páginas por minuto"), tr("páginas/min"), {tr("páginas")}, this);
    m_charts[std::size_t(Metric::Visits)] = new TrafficChart(tr("Visitas nuevas por minuto"), tr("visitas/min"), {tr("visitas")}, this);
    m_charts[std::size_t(Metric::Bandwidth)] = new TrafficChart(tr("Ancho de banda"), tr("kB/s"), {tr("kB/s")}, this);
    m_charts[std::size_t(Metric::Errors)] = new TrafficChart(tr("Errores por segundo"), tr("respuestas/s"), {tr("4xx"), tr("5xx")}, this);
    auto *charts = new QGridLayout;
    charts->setSpacing(4);
    for (int i = 0; i < int(Metric::Count); ++i)
        charts->addWidget(m_charts[std::size_t(i)], i / 2, i % 2);

    m_topPages = makeTable({tr("Página"), tr("Solicitudes"), tr("%")}, this);
    m_topPages->setObjectName(QStringLiteral("topPages"));
    m_topAddresses = makeTable({tr("Dirección"), tr("Solicitudes"), tr("%")}, this);
    m_topAddresses->setObjectName(QStringLiteral("topAddresses"));
    // Side by side under the bandwidth chart: each table gets the cell's full height.
    auto *tables = new QHBoxLayout;
    auto *pagesColumn = new QVBoxLayout;
    pagesColumn->addWidget(new QLabel(tr("<b>Páginas más pedidas</b>"), this));
    pagesColumn->addWidget(m_topPages, 1);
    auto *addressesColumn = new QVBoxLayout;
    addressesColumn->addWidget(new QLabel(tr("<b>Direcciones con más solicitudes</b>"), this));
    addressesColumn->addWidget(m_topAddresses, 1);
    tables->addLayout(pagesColumn, 1);
    tables->addLayout(addressesColumn, 1);
    charts->addLayout(tables, 2, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_banner);
    layout->addWidget(m_totals);
    layout->addWidget(m_extra);
    layout->addWidget(m_empty);
    layout->addLayout(charts, 1);
    setSession(nullptr);
}

void TrafficPage::setSession(TrafficSession *session, const QString &title)
{
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    m_title->setText(session ? tr("Tráfico de %1").arg(title) : tr("Tráfico"));
    m_empty->setVisible(!session);
    m_mode->setEnabled(session != nullptr);
    if (session)
        m_mode->setCurrentIndex(session->mode() == traffic::TrafficCounter::Mode::Raw ? 1 : 0);
    if (session) {
        connect(session, &TrafficSession::updated, this, &TrafficPage::refresh);
        connect(session, &TrafficSession::incidentOpened, this, &TrafficPage::updateBanner);
        connect(session, &TrafficSession::incidentClosed, this, &TrafficPage::updateBanner);
        connect(session, &TrafficSession::tailStateChanged, this, &TrafficPage::updateTailState);
        connect(session, &TrafficSession::watchFailed, this, &TrafficPage::updateBanner);
        connect(session, &TrafficSession::watchRecovered, this, &TrafficPage::updateBanner);
        connect(session, &QObject::destroyed, this, [this] { setSession(nullptr); });
    }
    m_tablesAt = ~std::uint64_t(0);
    rebuild();
    updateBanner();
    updateTailState();
    updateLabels();
}

void TrafficPage::setRange(Range range)
{
    if (QAbstractButton *b = m_ranges->button(int(range)); b && !b->isChecked())
        b->setChecked(true);
    if (range == m_range)
        return;
    m_range = range;
    rebuild();
}

int TrafficPage::pointCount(Metric metric, int series) const
{
    return m_charts[std::size_t(metric)]->pointCount(series);
}

std::int64_t TrafficPage::bucketFor(std::int64_t span) const
{
    switch (m_range) {
    case Range::FiveMinutes: return 1;
    case Range::Hour: return 10;
    case Range::Day: return 60;
    case Range::All: break;
    }
    // All: minutes while the per-minute series reaches (10 days), else hours; at most ~1440 points.
    const std::int64_t maxPoints = 1440;
    if (span <= std::int64_t(TrafficSeries::kMinutes) * 60 - 3600) {
        const std::int64_t minutes = std::max<std::int64_t>(1, (span / 60 + maxPoints - 1) / maxPoints);
        return minutes * 60;
    }
    const std::int64_t hours = std::max<std::int64_t>(1, (span / 3600 + maxPoints - 1) / maxPoints);
    return hours * 3600;
}

void TrafficPage::rebuild()
{
    for (TrafficChart *c : m_charts)
        c->clearPoints();
    m_next = 0;
    refresh();
}

void TrafficPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void TrafficPage::refresh()
{
    // A page nobody sees (another server's tab, another page) is redrawn when it is shown: with ten
    // servers, ten pages redrawing their charts every second stalled the window.
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    QElapsedTimer timer;
    timer.start();
    updateCharts();
    // The tops cost a partial sort of every distinct key: every other second is enough.
    if (m_refreshes++ % 2 == 0)
        updateTables();
    updateLabels();
    m_lastRefreshUs = timer.nsecsElapsed() / 1000;
    m_maxRefreshUs = std::max(m_maxRefreshUs, m_lastRefreshUs);
}

void TrafficPage::updateCharts()
{
    if (!m_session)
        return;
    const TrafficSeries *series = m_session->counter().series();
    if (!series || series->isEmpty())
        return;
    const std::int64_t now = std::max(m_session->logNowUtc(), series->newest());
    const std::int64_t oldest = series->oldest();
    std::int64_t span = 0;
    switch (m_range) {
    case Range::FiveMinutes: span = 300; break;
    case Range::Hour: span = 3600; break;
    case Range::Day: span = 86400; break;
    case Range::All: span = std::max<std::int64_t>(60, now - oldest + 1); break;
    }
    const std::int64_t b = bucketFor(span);
    if (b != m_bucket) {
        m_bucket = b;
        for (TrafficChart *c : m_charts)
            c->clearPoints();
        m_next = 0;
    }
    const std::int64_t rangeStart = m_range == Range::All ? floorTo(oldest, b) : now - span;
    std::int64_t from = floorTo(std::max(rangeStart, oldest), b);
    if (m_next > from)
        from = m_next;
    const std::int64_t end = floorTo(now, b); // buckets before this one are complete
    if (end - from > std::int64_t(TrafficChart::kMaxPoints) * b)
        from = end - std::int64_t(TrafficChart::kMaxPoints) * b;
    if (end > from) {
        const TrafficSeries::Resolution res = b < 60 ? TrafficSeries::Resolution::Second
                                              : (b < 3600 && now - from < std::int64_t(TrafficSeries::kMinutes) * 60)
                                                  ? TrafficSeries::Resolution::Minute
                                                  : TrafficSeries::Resolution::Hour;
        std::vector<TrafficCounts> buckets(std::size_t((end - from) / b));
        for (const auto &p : series->range(res, from, end))
            if (p.start >= from)
                traffic::accumulate(buckets[std::size_t((p.start - from) / b)], p.counts);
        const std::size_t n = buckets.size();
        QList<QPointF> requests, pages, visits, bandwidth, e4, e5;
        for (QList<QPointF> *l : {&requests, &pages, &visits, &bandwidth, &e4, &e5})
            l->reserve(qsizetype(n));
        const double perSecond = 1.0 / double(b);
        for (std::size_t i = 0; i < n; ++i) {
            const TrafficCounts &c = buckets[i];
            const qreal x = qreal((from + std::int64_t(i) * b) * 1000 + m_shiftMs);
            requests.append({x, double(c.requests) * perSecond});
            pages.append({x, double(c.pages) * perSecond * 60});
            visits.append({x, double(c.visits) * perSecond * 60});
            bandwidth.append({x, double(c.bandwidth) * perSecond / 1000});
            e4.append({x, double(c.status[4]) * perSecond});
            e5.append({x, double(c.status[5]) * perSecond});
        }
        chart(Metric::Requests)->appendPoints(0, requests);
        chart(Metric::Pages)->appendPoints(0, pages);
        chart(Metric::Visits)->appendPoints(0, visits);
        chart(Metric::Bandwidth)->appendPoints(0, bandwidth);
        chart(Metric::Errors)->appendPoints(0, e4);
        chart(Metric::Errors)->appendPoints(1, e5);
        m_next = end;
    }
    const QString format = span <= 3600 ? QStringLiteral("HH:mm:ss") : span <= 2 * 86400 ? QStringLiteral("HH:mm")
                                                                                          : QStringLiteral("dd/MM HH:mm");
    const qreal axisFrom = qreal(rangeStart * 1000 + m_shiftMs);
    const qreal axisTo = qreal(std::max(end, rangeStart + b) * 1000 + m_shiftMs);
    for (TrafficChart *c : m_charts) {
        c->trimBefore(axisFrom);
        c->setXRange(axisFrom, axisTo, format);
        c->updateYRange();
    }
}

void TrafficPage::updateTables()
{
    if (!m_session) {
        m_topPages->setRowCount(0);
        m_topAddresses->setRowCount(0);
        return;
    }
    const std::uint64_t lines = m_session->parsedLines();
    if (lines == m_tablesAt)
        return;
    m_tablesAt = lines;
    const auto &counter = m_session->counter();
    std::uint64_t pages = 0;
    // Shares: of page views (awstats: pages; raw: every request counted per path) and of requests.
    const TrafficCounts totals = counter.totals();
    pages = counter.mode() == traffic::TrafficCounter::Mode::AwStats ? totals.pages : totals.requests;
    fillTable(m_topPages, counter.topPages().top(10), pages);
    // The console's own requests are in no top (TrafficCounter.h): shares of the others.
    fillTable(m_topAddresses, counter.topAddresses().top(10), totals.requests - totals.consoleRequests);
}

void TrafficPage::updateLabels()
{
    if (!m_session) {
        m_totals->clear();
        m_extra->clear();
        return;
    }
    const auto &counter = m_session->counter();
    const TrafficCounts t = counter.totals();
    const QLocale locale;
    auto n = [&locale](std::uint64_t v) { return locale.toString(qulonglong(v)); };
    m_totals->setText(tr("Desde que se vigila: <b>%1</b> solicitudes · <b>%2</b> hits · <b>%3</b> páginas · "
                         "<b>%4</b> visitas · <b>%5</b> visitantes únicos · <b>%6</b> transferidos")
                          .arg(n(t.requests), n(t.hits), n(t.pages), n(t.visits), n(t.uniqueVisitors),
                               bytesText(double(t.bandwidth))));
    QStringList extra;
    extra << tr("Horas del centro de México (UTC-6)");
    if (t.requests > 0)
        extra << tr("Robots: %1 %").arg(100.0 * double(t.robotRequests) / double(t.requests), 0, 'f', 1);
    // Which robot list classifies: AWStats' own database (this machine's) or ours.
    extra << traffic::robotsListText(counter).toHtmlEscaped();
    // The console's own polls (its lag probe): its load on the server, left out of hits, pages and visits.
    extra << tr("Consola: %1 solicitudes (fuera de hits, páginas y visitas)").arg(n(t.consoleRequests));
    const auto &serve = counter.serveTimes();
    if (serve.count() > 0) {
        auto ms = [&serve](double q) { return QString::number(double(serve.quantile(q)) / 1000.0, 'f', 1); };
        extra << tr("Tiempo de servicio p50 %1 ms · p95 %2 ms · p99 %3 ms").arg(ms(0.5), ms(0.95), ms(0.99));
    } else {
        extra << tr("Tiempo de servicio: la bitácora no lo registra");
    }
    if (m_session->malformedLines() > 0)
        extra << tr("%1 líneas ilegibles").arg(n(m_session->malformedLines()));
    if (m_session->logNowUtc() > 0)
        extra << tr("Hora de la bitácora: %1")
                     .arg(formatMexicoTime(QDateTime::fromSecsSinceEpoch(m_session->logNowUtc(), Qt::UTC)));
    m_extra->setText(extra.join(QStringLiteral(" · ")));
}

void TrafficPage::updateBanner()
{
    const QList<traffic::TrafficIncident> open = m_session ? m_session->openIncidents() : QList<traffic::TrafficIncident>{};
    // A log that cannot be read comes first: nothing below is counted while it lasts.
    const QString failure = m_session ? m_session->watchFailure() : QString();
    if (open.isEmpty() && failure.isEmpty()) {
        m_banner->hide();
        m_banner->clear();
        return;
    }
    QStringList lines;
    if (!failure.isEmpty())
        lines << tr("%1 Se sigue intentando; revise access_log en el perfil.").arg(failure);
    for (const auto &i : open)
        lines << tr("%1 desde %2: %3").arg(traffic::trafficIncidentKindText(i.kind), formatMexicoTime(i.opened), i.detail);
    m_banner->setText(lines.join(QLatin1Char('\n')));
    m_banner->show();
}

void TrafficPage::updateTailState()
{
    if (!m_session) {
        m_state->setText(tr("Sin conexión"));
        return;
    }
    switch (m_session->tailState()) {
    case TrafficSession::TailState::Stopped: m_state->setText(tr("Detenido")); break;
    case TrafficSession::TailState::Waiting: m_state->setText(tr("Abriendo la bitácora de acceso…")); break;
    case TrafficSession::TailState::Live: m_state->setText(tr("● En vivo")); break;
    case TrafficSession::TailState::Reconnecting: m_state->setText(tr("Reconectando; se reanuda sin perder líneas…")); break;
    case TrafficSession::TailState::Failed: m_state->setText(tr("Sin lectura de la bitácora")); break;
    }
}

} // namespace difusor::ui
