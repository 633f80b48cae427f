#include "DrillProgress.h"

#include "DrillText.h"
#include "common/MexicoTime.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace difusor::ui {

using drills::DrillRunner;

namespace {

constexpr int kLogLines = 200;

QString phaseText(DrillRunner::Phase phase)
{
    using P = DrillRunner::Phase;
    switch (phase) {
    case P::Idle: return DrillProgress::tr("Preparando");
    case P::Connecting: return DrillProgress::tr("Conectando");
    case P::Warmup: return DrillProgress::tr("Observando antes de empezar");
    case P::SteadyBefore: return DrillProgress::tr("Estado estable (antes)");
    case P::Method: return DrillProgress::tr("Inyectando fallas");
    case P::Observing: return DrillProgress::tr("Esperando lo esperado");
    case P::SteadyAfter: return DrillProgress::tr("Estado estable (después)");
    case P::Rollbacks: return DrillProgress::tr("Reversiones");
    case P::Done: return DrillProgress::tr("Terminado");
    }
    return {};
}

QString timeOfDay(const QJsonValue &iso)
{
    const QDateTime t = QDateTime::fromString(iso.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC().toTimeZone(mexicoCentralZone()).toString(QStringLiteral("HH:mm:ss")) : QStringLiteral("—");
}

} // namespace

DrillProgress::DrillProgress(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_phase(new QLabel(this))
    , m_step(new QLabel(this))
    , m_clock(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_expectations(new QTableWidget(0, 6, this))
    , m_log(new QListWidget(this))
    , m_stop(new QPushButton(tr("■ &Detener el simulacro"), this))
{
    setObjectName(QStringLiteral("drillProgress"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_title->setFont(big);
    m_phase->setObjectName(QStringLiteral("drillPhase"));
    m_phase->setTextFormat(Qt::PlainText);
    QFont phaseFont = m_phase->font();
    phaseFont.setBold(true);
    m_phase->setFont(phaseFont);
    m_step->setObjectName(QStringLiteral("drillStep"));
    m_step->setTextFormat(Qt::PlainText);
    m_step->setWordWrap(true);
    m_clock->setObjectName(QStringLiteral("drillClock"));
    m_clock->setTextFormat(Qt::PlainText);
    m_clock->setWordWrap(true);
    QFont clockFont = m_clock->font();
    clockFont.setPointSizeF(clockFont.pointSizeF() * 1.2);
    m_clock->setFont(clockFont);
    m_bar->setTextVisible(false);
    m_bar->setMaximumHeight(10);

    m_expectations->setObjectName(QStringLiteral("drillLiveExpectations"));
    m_expectations->setHorizontalHeaderLabels({tr("Estado"), tr("Incidente\nesperado"), tr("Falla"), tr("Visto"),
                                               tr("Tiempo\na detectar"), tr("Límite")});
    m_expectations->verticalHeader()->hide();
    m_expectations->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_expectations->setSelectionMode(QAbstractItemView::NoSelection);
    m_expectations->horizontalHeader()->setStretchLastSection(true);
    m_log->setObjectName(QStringLiteral("drillLog"));

    m_stop->setObjectName(QStringLiteral("drillStop"));
    m_stop->setToolTip(tr("Detiene el simulacro: termina las fallas en curso (las reversiones siempre corren) y guarda lo visto."));
    connect(m_stop, &QPushButton::clicked, this, [this] {
        if (!m_runner || !m_runner->isRunning() || m_stopping)
            return;
        m_stopping = true;
        m_stop->setEnabled(false);
        m_step->setText(tr("Deteniendo: las reversiones se están ejecutando (las fallas en curso terminan); espere."));
        m_runner->cancel();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_phase);
    layout->addWidget(m_step);
    layout->addWidget(m_clock);
    layout->addWidget(m_bar);
    // "Detener" near the top: always in sight, whatever the banner above the pages takes.
    auto *stopRow = new QHBoxLayout;
    stopRow->addStretch(1);
    stopRow->addWidget(m_stop);
    layout->addLayout(stopRow);
    layout->addWidget(new QLabel(tr("<b>Esperado y visto</b> (horas en UTC-6)"), this));
    layout->addWidget(m_expectations, 1);
    layout->addWidget(new QLabel(tr("<b>Bitácora del simulacro</b>"), this));
    layout->addWidget(m_log, 2);

    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &DrillProgress::tick);
}

void DrillProgress::follow(DrillRunner *runner, const QString &title, const QString &server, int expectedS, int maxS)
{
    if (m_runner)
        m_runner->disconnect(this);
    m_runner = runner;
    m_expectedS = expectedS;
    m_maxS = maxS;
    m_stopping = false;
    m_stop->setEnabled(true);
    m_title->setText(tr("En curso: «%1» en %2").arg(title, server));
    m_phase->setText(phaseText(runner->phase()));
    m_step->setText(tr("Empezando…"));
    m_log->clear();
    m_bar->setRange(0, std::max(1, expectedS));
    m_bar->setValue(0);
    m_elapsed.start();
    connect(runner, &DrillRunner::progress, this, &DrillProgress::onProgress);
    connect(runner, &DrillRunner::phaseChanged, this, &DrillProgress::onPhase);
    connect(runner, &DrillRunner::expectationsChanged, this, &DrillProgress::refreshExpectations);
    connect(runner, &DrillRunner::finished, this, [this] { m_tick.stop(); });
    refreshExpectations();
    tick();
    m_tick.start();
}

void DrillProgress::onProgress(const QString &message)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toTimeZone(mexicoCentralZone()).toString(QStringLiteral("HH:mm:ss"));
    m_log->addItem(QStringLiteral("%1  %2").arg(stamp, message));
    while (m_log->count() > kLogLines)
        delete m_log->takeItem(0);
    m_log->scrollToBottom();
    if (!m_stopping)
        m_step->setText(message);
}

void DrillProgress::onPhase(DrillRunner::Phase phase)
{
    m_phase->setText(phaseText(phase));
    if (phase == DrillRunner::Phase::Rollbacks) {
        // Past the point of no return: the rollbacks run whatever happens, a stop changes nothing now.
        m_stop->setEnabled(false);
        if (m_stopping)
            m_step->setText(tr("Deteniendo: las reversiones se están ejecutando (las fallas en curso terminan); espere."));
    }
}

void DrillProgress::refreshExpectations()
{
    if (!m_runner)
        return;
    const QJsonArray list = m_runner->expectationsSoFar();
    m_expectations->setRowCount(int(list.size()));
    for (int row = 0; row < list.size(); ++row) {
        const QJsonObject e = list.at(row).toObject();
        QString state;
        if (e.value(QStringLiteral("decided")).toBool())
            state = e.value(QStringLiteral("passed")).toBool() ? tr("✔ cumplida") : tr("✖ no cumplida");
        else if (!e.value(QStringLiteral("injected")).toBool())
            state = tr("· falla por inyectar");
        else if (e.value(QStringLiteral("detected_at")).isString())
            state = tr("… visto, esperando su resolución");
        else
            state = tr("… esperando");
        QString incident = e.value(QStringLiteral("incident")).toString();
        if (e.value(QStringLiteral("absent")).toBool())
            incident = tr("ningún %1").arg(incident);
        const QStringList cells{state,
                                incident,
                                timeOfDay(e.value(QStringLiteral("fault_start"))),
                                timeOfDay(e.value(QStringLiteral("detected_at"))),
                                secondsText(e.value(QStringLiteral("ttd_s"))),
                                tr("%1 s").arg(e.value(QStringLiteral("within_s")).toDouble())};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setToolTip(e.value(QStringLiteral("why")).toString());
            m_expectations->setItem(row, c, item);
        }
    }
    fitColumns(m_expectations, {230, 130, 80, 80, 90});
}

void DrillProgress::tick()
{
    const qint64 elapsed = m_elapsed.elapsed() / 1000;
    m_bar->setValue(int(std::min<qint64>(elapsed, m_bar->maximum())));
    const qint64 remaining = m_expectedS - elapsed;
    const QString expected = remaining >= 0 ? tr("faltan unos %1 de lo previsto").arg(clockText(remaining))
                                            : tr("%1 más de lo previsto").arg(clockText(-remaining));
    m_clock->setText(tr("Transcurrido %1 · previsto %2 (%3) · tope %4, quedan %5")
                         .arg(clockText(elapsed), clockText(m_expectedS), expected, clockText(m_maxS),
                              clockText(std::max<qint64>(0, m_maxS - elapsed))));
}

} // namespace difusor::ui
