#include "ObserveViews.h"

#include "DrillText.h"
#include "common/MexicoTime.h"

#include <QDateTime>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace difusor::ui {

using drills::PreflightItem;
using drills::Simulacro;

namespace {

constexpr int kLogLines = 200;

QDateTime fromIso(const QJsonValue &v)
{
    const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

// The time of day in UTC-6 (the headers and sentences name the zone).
QString timeOfDay(const QJsonValue &iso)
{
    const QDateTime t = fromIso(iso);
    return t.isValid() ? t.toTimeZone(mexicoCentralZone()).toString(QStringLiteral("HH:mm:ss")) : QStringLiteral("—");
}

QString number(const QJsonValue &v)
{
    if (!v.isDouble())
        return QStringLiteral("—");
    const double d = v.toDouble();
    return d == std::floor(d) ? QString::number(qint64(d)) : QString::number(d, 'f', 1);
}

QTableWidget *makeTable(const QString &name, const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setWordWrap(false);
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

void setRow(QTableWidget *table, int row, const QStringList &cells, const QString &tooltip = {})
{
    for (int c = 0; c < cells.size(); ++c) {
        auto *item = new QTableWidgetItem(cells.at(c));
        item->setToolTip(tooltip.isEmpty() ? cells.at(c) : tooltip);
        table->setItem(row, c, item);
    }
}

QLabel *sectionTitle(const QString &html, QWidget *parent)
{
    auto *l = new QLabel(html, parent);
    l->setTextFormat(Qt::RichText);
    return l;
}

QString stateText(Simulacro::State state)
{
    using S = Simulacro::State;
    switch (state) {
    case S::Idle: return ObserveProgress::tr("Preparando");
    case S::Connecting: return ObserveProgress::tr("Conectando con el servidor");
    case S::Preflight: return ObserveProgress::tr("Verificación previa en curso");
    case S::Ready: return ObserveProgress::tr("Verificación previa terminada: listo para iniciar");
    case S::Waiting: return ObserveProgress::tr("Registrado: esperando a que abra la ventana");
    case S::Observing: return ObserveProgress::tr("Observando (no se inyecta nada)");
    case S::Reporting: return ObserveProgress::tr("Preparando el informe");
    case S::Done: return ObserveProgress::tr("Terminado");
    }
    return {};
}

} // namespace

namespace {

QStringList preflightCells(const QJsonObject &i)
{
    const QString at = i.value(QStringLiteral("at")).toString();
    return {at.isEmpty() ? ObserveProgress::tr("… revisando") : preflightVerdictText(i.value(QStringLiteral("verdict")).toString()),
            i.value(QStringLiteral("title")).toString(), at.isEmpty() ? QStringLiteral("—") : timeOfDay(at),
            i.value(QStringLiteral("evidence")).toString()};
}

} // namespace

void fillPreflightTable(QTableWidget *table, const QJsonArray &items)
{
    table->setRowCount(int(items.size()));
    for (int row = 0; row < items.size(); ++row)
        setRow(table, row, preflightCells(items.at(row).toObject()));
    fitColumns(table, {90, 230, 90});
    table->resizeRowsToContents();
}

// ---- Figures ---------------------------------------------------------------------------------------

ObserveFigures::ObserveFigures(QWidget *parent)
    : QWidget(parent)
    , m_cuts(new QLabel(this))
    , m_lag(new QLabel(this))
    , m_incidents(new QLabel(this))
    , m_traffic(new QLabel(this))
{
    setObjectName(QStringLiteral("observeFigures"));
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    const QList<std::pair<QLabel *, QString>> rows{{m_cuts, tr("Cortes:")},
                                                   {m_lag, tr("Retraso en publicar:")},
                                                   {m_incidents, tr("Incidentes:")},
                                                   {m_traffic, tr("Pico de tráfico:")}};
    QFont larger = font();
    larger.setPointSizeF(larger.pointSizeF() * 1.1);
    for (const auto &[label, title] : rows) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setFont(larger);
        auto *name = new QLabel(title, this);
        QFont bold = larger;
        bold.setBold(true);
        name->setFont(bold);
        form->addRow(name, label);
    }
    m_cuts->setObjectName(QStringLiteral("observeCuts"));
    m_lag->setObjectName(QStringLiteral("observeLag"));
    m_incidents->setObjectName(QStringLiteral("observeIncidents"));
    m_traffic->setObjectName(QStringLiteral("observeTraffic"));
    clear();
}

void ObserveFigures::clear()
{
    for (QLabel *l : {m_cuts, m_lag, m_incidents, m_traffic})
        l->setText(QStringLiteral("—"));
}

void ObserveFigures::setFigures(const QJsonObject &figures)
{
    const QJsonObject cuts = figures.value(QStringLiteral("cuts")).toObject();
    if (cuts.isEmpty()) {
        m_cuts->setText(QStringLiteral("—"));
    } else {
        QString text = tr("esperados %1 · recibidos %2 · tardíos %3 · faltantes %4")
                           .arg(number(cuts.value(QStringLiteral("expected"))), number(cuts.value(QStringLiteral("received"))),
                                number(cuts.value(QStringLiteral("late"))), number(cuts.value(QStringLiteral("missing"))));
        if (cuts.value(QStringLiteral("backwards")).toInt() > 0)
            text += tr(" · hacia atrás %1").arg(cuts.value(QStringLiteral("backwards")).toInt());
        if (cuts.value(QStringLiteral("unreadable")).toInt() > 0)
            text += tr(" · ilegibles %1").arg(cuts.value(QStringLiteral("unreadable")).toInt());
        m_cuts->setText(text);
    }

    const QJsonObject lag = figures.value(QStringLiteral("lag")).toObject();
    if (lag.isEmpty() || lag.value(QStringLiteral("measured")).toInt() == 0) {
        m_lag->setText(lag.isEmpty() ? QStringLiteral("—") : tr("ningún corte medido todavía (límite %1 s)").arg(number(lag.value(QStringLiteral("limit_s")))));
    } else {
        const QJsonValue passed = lag.value(QStringLiteral("passed"));
        QString verdict;
        if (passed.isBool())
            verdict = passed.toBool() ? tr("✔ dentro del límite") : tr("✖ fuera del límite");
        QString text = tr("p50 %1 · p95 %2 · máx %3 (límite %4 s; %5 cortes medidos)")
                           .arg(secondsText(lag.value(QStringLiteral("p50_s"))), secondsText(lag.value(QStringLiteral("p95_s"))),
                                secondsText(lag.value(QStringLiteral("max_s"))), number(lag.value(QStringLiteral("limit_s"))),
                                number(lag.value(QStringLiteral("measured"))));
        if (lag.value(QStringLiteral("over_limit")).toInt() > 0)
            text += tr(" · %1 sobre el límite").arg(lag.value(QStringLiteral("over_limit")).toInt());
        if (lag.value(QStringLiteral("unpublished")).toInt() > 0)
            text += tr(" · %1 sin publicar").arg(lag.value(QStringLiteral("unpublished")).toInt());
        if (!verdict.isEmpty())
            text += QStringLiteral(" — ") + verdict;
        m_lag->setText(text);
    }

    const QJsonObject incidents = figures.value(QStringLiteral("incidents")).toObject();
    if (incidents.isEmpty()) {
        m_incidents->setText(QStringLiteral("—"));
    } else {
        QString text = tr("%1 abiertos en la ventana, %2 sin resolver").arg(number(incidents.value(QStringLiteral("count"))),
                                                                           number(incidents.value(QStringLiteral("open"))));
        if (incidents.value(QStringLiteral("ttd_p50_s")).isDouble())
            text += tr(" · tiempo a detectar (mediana) %1").arg(secondsText(incidents.value(QStringLiteral("ttd_p50_s"))));
        const int atStart = int(incidents.value(QStringLiteral("open_at_start")).toArray().size());
        if (atStart > 0)
            text += tr(" · %1 ya abiertos al empezar").arg(atStart);
        m_incidents->setText(text);
    }

    const QJsonObject traffic = figures.value(QStringLiteral("traffic")).toObject();
    if (traffic.isEmpty() || !traffic.value(QStringLiteral("peak_rps")).isDouble()) {
        m_traffic->setText(traffic.isEmpty() ? QStringLiteral("—") : tr("sin datos: la bitácora de acceso no se ha leído"));
    } else {
        m_traffic->setText(tr("%1 solicitudes/s a las %2 · %3 solicitudes/min a las %4 (UTC-6) · en total %5 (más %6 de la consola)")
                               .arg(number(traffic.value(QStringLiteral("peak_rps"))), timeOfDay(traffic.value(QStringLiteral("peak_second"))),
                                    number(traffic.value(QStringLiteral("peak_rpm"))), timeOfDay(traffic.value(QStringLiteral("peak_minute"))),
                                    number(traffic.value(QStringLiteral("requests"))), number(traffic.value(QStringLiteral("console_requests")))));
    }
}

// ---- While it runs ---------------------------------------------------------------------------------

ObserveProgress::ObserveProgress(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_state(new QLabel(this))
    , m_step(new QLabel(this))
    , m_clock(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_preflight(makeTable(QStringLiteral("observePreflight"), {tr("Resultado"), tr("Punto"), tr("Hora (UTC-6)"), tr("Evidencia")}, this))
    , m_figuresTitle(sectionTitle(tr("<b>Cifras en vivo</b> (se actualizan cada 5 s)"), this))
    , m_figures(new ObserveFigures(this))
    , m_log(new QListWidget(this))
    , m_stop(new QPushButton(tr("■ &Detener"), this))
{
    setObjectName(QStringLiteral("observeProgress"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_title->setFont(big);
    m_state->setObjectName(QStringLiteral("observeState"));
    m_state->setTextFormat(Qt::PlainText);
    QFont bold = m_state->font();
    bold.setBold(true);
    m_state->setFont(bold);
    m_step->setObjectName(QStringLiteral("observeStep"));
    m_step->setTextFormat(Qt::PlainText);
    m_step->setWordWrap(true);
    m_clock->setObjectName(QStringLiteral("observeClock"));
    m_clock->setTextFormat(Qt::PlainText);
    m_clock->setWordWrap(true);
    QFont clockFont = m_clock->font();
    clockFont.setPointSizeF(clockFont.pointSizeF() * 1.2);
    m_clock->setFont(clockFont);
    m_summary->setObjectName(QStringLiteral("observePreflightSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_preflight->setSelectionMode(QAbstractItemView::NoSelection);
    // The evidence (last, taking the room left) is what the verdict rests on: whole, wrapped, not elided.
    m_preflight->setWordWrap(true);
    connect(m_preflight->horizontalHeader(), &QHeaderView::sectionResized, m_preflight, &QTableView::resizeRowsToContents);
    m_preflight->setMinimumHeight(200);
    m_log->setObjectName(QStringLiteral("observeLog"));
    m_stop->setObjectName(QStringLiteral("observeStop"));
    m_stop->setToolTip(tr("Detiene el simulacro: el informe cubre lo observado hasta ahora (estado «detenido»). No hay nada que revertir: "
                          "solo observa."));
    connect(m_stop, &QPushButton::clicked, this, [this] {
        if (!m_simulacro || !m_simulacro->isRunning() || m_stopping)
            return;
        m_stopping = true;
        m_stop->setEnabled(false);
        m_step->setText(tr("Deteniendo: se prepara el informe de lo observado…"));
        m_simulacro->cancel();
    });

    auto *stopRow = new QHBoxLayout;
    stopRow->addWidget(m_state, 1);
    stopRow->addWidget(m_stop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addLayout(stopRow);
    layout->addWidget(m_step);
    layout->addWidget(m_clock);
    // While observing the live figures matter most: above the pre-flight (hidden until the first ones).
    layout->addWidget(m_figuresTitle);
    layout->addWidget(m_figures);
    layout->addWidget(sectionTitle(tr("<b>Verificación previa</b> (horas en UTC-6)"), this));
    layout->addWidget(m_summary);
    layout->addWidget(m_preflight, 2);
    layout->addWidget(sectionTitle(tr("<b>Bitácora del simulacro</b>"), this));
    layout->addWidget(m_log, 1);

    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &ObserveProgress::tick);
}

void ObserveProgress::follow(Simulacro *simulacro, const QString &serverName)
{
    if (m_simulacro)
        m_simulacro->disconnect(this);
    m_simulacro = simulacro;
    m_stopping = false;
    m_liveUpdates = 0;
    m_observingSinceUtc = {};
    m_stop->setEnabled(true);
    setTitle(simulacro->name(), serverName);
    m_step->setText(tr("Empezando…"));
    m_summary->setText(tr("Revisando los seis puntos (hasta 30 s)…"));
    m_summary->setStyleSheet(QString());
    m_log->clear();
    m_figures->clear();
    m_figuresTitle->hide();
    m_figures->hide();
    QJsonArray items;
    for (const PreflightItem &i : drills::preflightTemplate())
        items.append(i.toJson());
    // Undecided rows: no verdict and no time yet.
    for (qsizetype k = 0; k < items.size(); ++k) {
        QJsonObject o = items.at(k).toObject();
        o.remove(QStringLiteral("at"));
        o.insert(QStringLiteral("evidence"), QString());
        items.replace(k, o);
    }
    fillPreflightTable(m_preflight, items);
    connect(simulacro, &Simulacro::stateChanged, this, &ObserveProgress::onState);
    connect(simulacro, &Simulacro::preflightItemDecided, this, &ObserveProgress::onItem);
    connect(simulacro, &Simulacro::preflightFinished, this, &ObserveProgress::onPreflightFinished);
    connect(simulacro, &Simulacro::liveFigures, this, &ObserveProgress::onLive);
    connect(simulacro, &Simulacro::progress, this, &ObserveProgress::onProgress);
    connect(simulacro, &Simulacro::finished, this, [this] {
        m_tick.stop();
        m_stop->setEnabled(false);
    });
    onState(simulacro->state());
    tick();
    m_tick.start();
}

void ObserveProgress::setTitle(const QString &name, const QString &serverName)
{
    m_title->setText(tr("Simulacro oficial «%1» en %2 (solo observa)").arg(name, serverName));
}

void ObserveProgress::onState(Simulacro::State state)
{
    m_state->setText(stateText(state));
    if (state == Simulacro::State::Observing && !m_observingSinceUtc.isValid())
        m_observingSinceUtc = QDateTime::currentDateTimeUtc();
    if (state == Simulacro::State::Reporting)
        m_stop->setEnabled(false);
    tick();
}

void ObserveProgress::onItem(const PreflightItem &item)
{
    // One row at its place (the template's order): the others keep what they show.
    const QList<PreflightItem> order = drills::preflightTemplate();
    for (int row = 0; row < order.size() && row < m_preflight->rowCount(); ++row) {
        if (order.at(row).id != item.id)
            continue;
        setRow(m_preflight, row, preflightCells(item.toJson()));
        fitColumns(m_preflight, {90, 230, 90});
        m_preflight->resizeRowsToContents();
        return;
    }
}

void ObserveProgress::onPreflightFinished(const QList<PreflightItem> &items, bool allPassed)
{
    int failed = 0, unknown = 0;
    for (const PreflightItem &i : items) {
        failed += i.verdict == PreflightItem::Verdict::Fail;
        unknown += i.verdict == PreflightItem::Verdict::Unknown;
    }
    QString text;
    if (allPassed)
        text = tr("✔ Los seis puntos están bien.");
    else if (failed > 0)
        text = tr("✖ %1 con falla, %2 sin dato: puede iniciar de todos modos (el simulacro se registrará como no cumplido y el "
                  "informe lo dice), o corregir y repetir la verificación.").arg(failed).arg(unknown);
    else
        text = tr("? %1 sin dato, ninguna falla: revise la evidencia antes de iniciar.").arg(unknown);
    m_summary->setText(text);
    m_summary->setStyleSheet(failed > 0 ? QStringLiteral("QLabel { color: #8a1520; font-weight: bold; }") : QString());
}

void ObserveProgress::onLive(const QJsonObject &figures)
{
    ++m_liveUpdates;
    m_figuresTitle->show();
    m_figures->show();
    m_figures->setFigures(figures);
}

void ObserveProgress::onProgress(const QString &message)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toTimeZone(mexicoCentralZone()).toString(QStringLiteral("HH:mm:ss"));
    m_log->addItem(QStringLiteral("%1  %2").arg(stamp, message));
    while (m_log->count() > kLogLines)
        delete m_log->takeItem(0);
    m_log->scrollToBottom();
    if (!m_stopping)
        m_step->setText(message);
}

void ObserveProgress::tick()
{
    if (!m_simulacro)
        return;
    const drills::ObserveWindow w = m_simulacro->window();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString window = w.isValid() ? tr("Ventana %1 a %2").arg(formatMexicoTime(w.startUtc), formatMexicoTime(w.endUtc))
                                       : tr("Ventana por fijar");
    QString text = window;
    switch (m_simulacro->state()) {
    case Simulacro::State::Waiting:
        if (w.isValid())
            text += tr(" · abre en %1").arg(clockText(std::max<qint64>(0, now.secsTo(w.startUtc))));
        break;
    case Simulacro::State::Observing:
        text += tr(" · transcurrido %1 · quedan %2")
                    .arg(clockText(m_observingSinceUtc.isValid() ? m_observingSinceUtc.secsTo(now) : 0),
                         clockText(std::max<qint64>(0, now.secsTo(w.endUtc))));
        break;
    default:
        break;
    }
    m_clock->setText(text);
}

// ---- The report ------------------------------------------------------------------------------------

ObserveReport::ObserveReport(QWidget *parent)
    : QWidget(parent)
    , m_headline(new QLabel(this))
    , m_verdict(new QLabel(this))
    , m_details(new QLabel(this))
    , m_notes(new QLabel(this))
    , m_figures(new ObserveFigures(this))
    , m_preflight(makeTable(QStringLiteral("observeReportPreflight"), {tr("Resultado"), tr("Punto"), tr("Hora (UTC-6)"), tr("Evidencia")}, this))
    , m_incidents(makeTable(QStringLiteral("observeReportIncidents"),
                            {tr("Papel"), tr("Incidente"), tr("Tipo"), tr("Detectado"), tr("Tiempo\na detectar"), tr("Tiempo\na reconocer"),
                             tr("Tiempo\na resolver")},
                            this))
    , m_comparisonTitle(sectionTitle(tr("<b>Comparación con el simulacro anterior de este servidor</b>"), this))
    , m_comparison(makeTable(QStringLiteral("observeReportComparison"), {tr("Cifra"), tr("Antes"), tr("Ahora"), tr("Diferencia")}, this))
    , m_save(new QPushButton(tr("Guardar &JSON…"), this))
{
    setObjectName(QStringLiteral("observeReport"));
    m_headline->setObjectName(QStringLiteral("observeReportHeadline"));
    m_headline->setTextFormat(Qt::PlainText);
    m_headline->setWordWrap(true);
    QFont big = m_headline->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_headline->setFont(big);
    m_verdict->setObjectName(QStringLiteral("observeReportVerdict"));
    m_verdict->setTextFormat(Qt::PlainText);
    m_verdict->setWordWrap(true);
    QFont verdictFont = m_verdict->font();
    verdictFont.setPointSizeF(verdictFont.pointSizeF() * 1.2);
    verdictFont.setBold(true);
    m_verdict->setFont(verdictFont);
    m_details->setObjectName(QStringLiteral("observeReportDetails"));
    m_details->setTextFormat(Qt::PlainText);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notes->setObjectName(QStringLiteral("observeReportNotes"));
    m_notes->setTextFormat(Qt::PlainText);
    m_notes->setWordWrap(true);
    m_notes->setStyleSheet(QStringLiteral("QLabel { color: #8a1520; font-weight: bold; }"));
    m_preflight->setSelectionMode(QAbstractItemView::NoSelection);
    m_preflight->setWordWrap(true);
    connect(m_preflight->horizontalHeader(), &QHeaderView::sectionResized, m_preflight, &QTableView::resizeRowsToContents);
    m_save->setObjectName(QStringLiteral("observeSaveJson"));
    m_save->setToolTip(tr("El informe completo, como lo imprime «drill observe --format json»."));
    connect(m_save, &QPushButton::clicked, this, &ObserveReport::save);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_headline);
    layout->addWidget(m_verdict);
    layout->addWidget(m_details);
    layout->addWidget(m_notes);
    layout->addWidget(m_figures);
    layout->addWidget(sectionTitle(tr("<b>Verificación previa</b> (horas en UTC-6)"), this));
    layout->addWidget(m_preflight, 2);
    layout->addWidget(sectionTitle(tr("<b>Incidentes del simulacro</b> (horas en UTC-6)"), this));
    layout->addWidget(m_incidents, 2);
    layout->addWidget(m_comparisonTitle);
    layout->addWidget(m_comparison, 1);
    layout->addLayout(buttons);
    setReport({});
}

void ObserveReport::setReport(const QJsonObject &report, const QString &fallbackTitle)
{
    m_report = report;
    m_save->setEnabled(!report.isEmpty());
    const QJsonObject drill = report.value(QStringLiteral("drill")).toObject();
    const QString status = report.value(QStringLiteral("status")).toString();
    const QString name = drill.value(QStringLiteral("name")).toString();
    if (report.isEmpty()) {
        m_headline->setText(fallbackTitle.isEmpty() ? tr("Sin informe") : fallbackTitle);
        m_verdict->clear();
        m_details->setText(tr("Este simulacro no tiene informe: sigue en curso, o la consola se cerró antes de terminarlo."));
    } else {
        QString statusWords = drillStatusText(status);
        if (status == QLatin1String("unreachable"))
            statusWords = tr("sin conexión");
        m_headline->setText(tr("%1 %2 — «%3»").arg(drillStatusMark(status), statusWords, name.isEmpty() ? fallbackTitle : name));
        // The call's one-minute rule, in words.
        const QJsonObject lag = report.value(QStringLiteral("lag")).toObject();
        const QJsonValue passed = report.value(QStringLiteral("passed"));
        if (status == QLatin1String("running"))
            m_verdict->setText(tr("… El simulacro no terminó (sigue en curso, o la consola se cerró durante la ventana): solo se guardó su verificación previa."));
        else if (!passed.isBool())
            m_verdict->setText(lag.isEmpty() ? QString() : tr("? Regla del minuto: sin cortes medidos"));
        else if (passed.toBool())
            m_verdict->setText(tr("✔ Regla del minuto cumplida: cada corte medido se publicó en menos de %1 s (máx %2).")
                                   .arg(number(lag.value(QStringLiteral("limit_s"))), secondsText(lag.value(QStringLiteral("max_s")))));
        else
            m_verdict->setText(tr("✖ Regla del minuto no cumplida: %1 cortes sobre %2 s, %3 sin publicar (máx %4).")
                                   .arg(lag.value(QStringLiteral("over_limit")).toInt())
                                   .arg(number(lag.value(QStringLiteral("limit_s"))))
                                   .arg(lag.value(QStringLiteral("unpublished")).toInt())
                                   .arg(secondsText(lag.value(QStringLiteral("max_s")))));
        m_verdict->setStyleSheet(passed.isBool() && !passed.toBool() ? QStringLiteral("QLabel { color: #8a1520; }") : QString());
        const QJsonObject window = report.value(QStringLiteral("window")).toObject();
        auto when = [](const QJsonValue &v) {
            const QDateTime t = fromIso(v);
            return t.isValid() ? formatMexicoTime(t) : QStringLiteral("—");
        };
        QString details = tr("Simulacro oficial, solo observa (fallas inyectadas: %1) · servidor %2 · técnico %3")
                              .arg(report.value(QStringLiteral("faults_injected")).toInt())
                              .arg(drill.value(QStringLiteral("profile")).toString(),
                                   drill.value(QStringLiteral("operator")).toString().isEmpty() ? QStringLiteral("—")
                                                                                              : drill.value(QStringLiteral("operator")).toString());
        if (!window.isEmpty())
            details += QLatin1Char('\n') + tr("Ventana %1 a %2 · observado %3 a %4")
                                               .arg(when(window.value(QStringLiteral("start"))), when(window.value(QStringLiteral("end"))),
                                                    when(window.value(QStringLiteral("observed_from"))),
                                                    when(window.value(QStringLiteral("observed_until"))));
        if (report.value(QStringLiteral("duration")).isDouble())
            details += tr(" · duración %1").arg(clockText(qint64(report.value(QStringLiteral("duration")).toDouble())));
        m_details->setText(details);
    }

    QStringList notes;
    if (report.contains(QStringLiteral("abort_reason")))
        notes << tr("Detenido: %1").arg(report.value(QStringLiteral("abort_reason")).toString());
    if (report.contains(QStringLiteral("error")))
        notes << report.value(QStringLiteral("error")).toString();
    if (report.contains(QStringLiteral("store_error")))
        notes << tr("No se guardó en la base: %1").arg(report.value(QStringLiteral("store_error")).toString());
    const QJsonObject preflight = report.value(QStringLiteral("preflight")).toObject();
    if (preflight.value(QStringLiteral("failed")).toInt() > 0)
        notes << tr("La verificación previa tuvo %n punto(s) con falla.", nullptr, preflight.value(QStringLiteral("failed")).toInt());
    m_notes->setText(notes.join(QLatin1Char('\n')));
    m_notes->setVisible(!notes.isEmpty());

    m_figures->clear();
    m_figures->setVisible(report.contains(QStringLiteral("cuts")));
    if (report.contains(QStringLiteral("cuts")))
        m_figures->setFigures(report);
    fillPreflightTable(m_preflight, preflight.value(QStringLiteral("items")).toArray());

    m_incidents->setRowCount(0);
    int row = 0;
    const QJsonObject incidents = report.value(QStringLiteral("incidents")).toObject();
    auto add = [&](const QJsonArray &list, const QString &role) {
        for (const QJsonValue &v : list) {
            const QJsonObject i = v.toObject();
            m_incidents->setRowCount(row + 1);
            QString acknowledged = secondsText(i.value(QStringLiteral("tta_s")));
            if (i.value(QStringLiteral("acknowledged_by")).isString())
                acknowledged = tr("%1 (%2)").arg(acknowledged, i.value(QStringLiteral("acknowledged_by")).toString());
            setRow(m_incidents, row++,
                   {role, i.value(QStringLiteral("title")).toString(), i.value(QStringLiteral("kind")).toString(),
                    timeOfDay(i.value(QStringLiteral("detected_at"))), secondsText(i.value(QStringLiteral("ttd_s"))), acknowledged,
                    i.value(QStringLiteral("ttr_s")).isDouble() ? secondsText(i.value(QStringLiteral("ttr_s"))) : tr("sin resolver")});
        }
    };
    add(incidents.value(QStringLiteral("list")).toArray(), tr("en la ventana"));
    add(incidents.value(QStringLiteral("open_at_start")).toArray(), tr("ya abierto al empezar"));
    fitColumns(m_incidents, {120, 220, 130, 80, 90, 120});

    const QJsonObject figures = report.value(QStringLiteral("comparison")).toObject().value(QStringLiteral("figures")).toObject();
    m_comparison->setRowCount(int(figures.size()));
    row = 0;
    for (auto it = figures.constBegin(); it != figures.constEnd(); ++it, ++row) {
        const QJsonObject f = it.value().toObject();
        const QJsonValue delta = f.value(QStringLiteral("delta"));
        setRow(m_comparison, row,
               {it.key(), number(f.value(QStringLiteral("previous"))), number(f.value(QStringLiteral("now"))),
                delta.isDouble() ? (delta.toDouble() > 0 ? QStringLiteral("+") : QString()) + number(delta) : QStringLiteral("—")});
    }
    fitColumns(m_comparison, {160, 90, 90});
    const bool compared = !figures.isEmpty();
    m_comparisonTitle->setVisible(compared);
    m_comparison->setVisible(compared);
}

void ObserveReport::save()
{
    auto *dialog = new QFileDialog(this, tr("Guardar el informe del simulacro"));
    dialog->setObjectName(QStringLiteral("observeSaveDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setNameFilter(tr("JSON (*.json)"));
    dialog->setDefaultSuffix(QStringLiteral("json"));
    dialog->setDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    const QDateTime start = fromIso(m_report.value(QStringLiteral("start")));
    const QString stamp = (start.isValid() ? start : QDateTime::currentDateTimeUtc()).toTimeZone(mexicoCentralZone())
                              .toString(QStringLiteral("yyyyMMdd-HHmm"));
    dialog->selectFile(QStringLiteral("simulacro-oficial-%1.json").arg(stamp));
    connect(dialog, &QFileDialog::fileSelected, this, &ObserveReport::saveTo);
    dialog->open(); // no exec(): the page keeps running behind it
}

void ObserveReport::saveTo(const QString &path)
{
    saveJsonPrivately(this, path, m_report, [this, path](bool ok, const QString &message) { Q_EMIT saved(path, ok, message); });
}

} // namespace difusor::ui
