#include "DrillReport.h"

#include "DrillText.h"
#include "common/MexicoTime.h"

#include <QDateTime>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

namespace difusor::ui {

namespace {

// Cells hold the time of day; the column header names the zone (UTC-6) and the headline the date.
QString timeOfDay(const QJsonValue &iso)
{
    const QDateTime t = QDateTime::fromString(iso.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC().toTimeZone(mexicoCentralZone()).toString(QStringLiteral("HH:mm:ss")) : QStringLiteral("—");
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
        if (!tooltip.isEmpty())
            item->setToolTip(tooltip);
        table->setItem(row, c, item);
    }
}

} // namespace

DrillReport::DrillReport(QWidget *parent)
    : QWidget(parent)
    , m_headline(new QLabel(this))
    , m_score(new QLabel(this))
    , m_details(new QLabel(this))
    , m_result(new QLabel(this))
    , m_save(new QPushButton(tr("Guardar &JSON…"), this))
{
    setObjectName(QStringLiteral("drillReport"));
    m_headline->setObjectName(QStringLiteral("drillReportHeadline"));
    m_headline->setTextFormat(Qt::PlainText);
    m_headline->setWordWrap(true);
    QFont big = m_headline->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_headline->setFont(big);
    m_score->setObjectName(QStringLiteral("drillReportScore"));
    m_score->setTextFormat(Qt::PlainText);
    QFont scoreFont = m_score->font();
    scoreFont.setPointSizeF(scoreFont.pointSizeF() * 1.8);
    scoreFont.setBold(true);
    m_score->setFont(scoreFont);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setObjectName(QStringLiteral("drillReportResult"));
    m_result->setTextFormat(Qt::PlainText);
    m_result->setWordWrap(true);
    m_save->setObjectName(QStringLiteral("drillSaveJson"));
    m_save->setToolTip(tr("El diario completo del simulacro (forma de Chaos Toolkit), como lo imprime «drill run --format json»."));
    connect(m_save, &QPushButton::clicked, this, &DrillReport::save);

    m_expectations = makeTable(QStringLiteral("drillReportExpectations"),
                               {tr("Resultado"), tr("Incidente\nesperado"), tr("Falla"), tr("Detectado"), tr("Tiempo\na detectar"),
                                tr("Reconocido"), tr("Tiempo\na reconocer"), tr("Por qué")},
                               this);
    m_incidents = makeTable(QStringLiteral("drillReportIncidents"),
                            {tr("Papel"), tr("Incidente"), tr("Tipo"), tr("Detectado"), tr("Resuelto")}, this);
    m_rollbacks = makeTable(QStringLiteral("drillReportRollbacks"), {tr("Reversión"), tr("Estado"), tr("Duración")}, this);

    auto *top = new QHBoxLayout;
    top->addWidget(m_headline, 1);
    top->addWidget(m_score);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_details);
    layout->addWidget(m_result);
    layout->addWidget(new QLabel(tr("<b>Lo esperado</b> (horas en UTC-6)"), this));
    layout->addWidget(m_expectations, 3);
    layout->addWidget(new QLabel(tr("<b>Falsas alarmas y otros incidentes</b> (horas en UTC-6)"), this));
    layout->addWidget(m_incidents, 2);
    layout->addWidget(new QLabel(tr("<b>Reversiones</b>"), this));
    layout->addWidget(m_rollbacks, 1);
    layout->addLayout(buttons);
    setJournal({});
}

void DrillReport::setJournal(const QJsonObject &journal, const QString &fallbackTitle)
{
    m_journal = journal;
    m_expectations->setRowCount(0);
    m_incidents->setRowCount(0);
    m_rollbacks->setRowCount(0);
    m_save->setEnabled(!journal.isEmpty());
    if (journal.isEmpty()) {
        m_headline->setText(fallbackTitle.isEmpty() ? tr("Sin reporte") : fallbackTitle);
        m_score->clear();
        m_details->setText(tr("Este simulacro no tiene diario: sigue en curso, o la consola se cerró antes de terminarlo."));
        m_result->hide();
        return;
    }
    const QJsonObject drill = journal.value(QStringLiteral("drill")).toObject();
    const QString status = journal.value(QStringLiteral("status")).toString();
    const double score = journal.value(QStringLiteral("score")).toDouble();
    m_headline->setText(tr("%1 %2 — «%3»").arg(drillStatusMark(status), drillStatusText(status), drill.value(QStringLiteral("title")).toString()));
    m_score->setText(status == QLatin1String("refused") ? QString() : tr("Puntuación %1").arg(scoreText(score)));
    const QDateTime start = QDateTime::fromString(journal.value(QStringLiteral("start")).toString(), Qt::ISODateWithMs);
    m_details->setText(tr("Escenario %1 · servidor %2 · técnico %3 · inicio %4 · duración %5")
                           .arg(drill.value(QStringLiteral("scenario")).toString(), drill.value(QStringLiteral("profile")).toString(),
                                drill.value(QStringLiteral("operator")).toString().isEmpty() ? QStringLiteral("—")
                                                                                           : drill.value(QStringLiteral("operator")).toString(),
                                start.isValid() ? formatMexicoTime(start.toUTC()) : QStringLiteral("—"),
                                clockText(qint64(journal.value(QStringLiteral("duration")).toDouble()))));

    QStringList notes;
    if (journal.contains(QStringLiteral("abort_reason")))
        notes << tr("Detenido: %1").arg(journal.value(QStringLiteral("abort_reason")).toString());
    if (journal.contains(QStringLiteral("error")))
        notes << journal.value(QStringLiteral("error")).toString();
    if (journal.value(QStringLiteral("deviated")).toBool())
        notes << tr("El estado estable no volvió después de las fallas.");
    if (journal.contains(QStringLiteral("store_error")))
        notes << tr("No se guardó en la base: %1").arg(journal.value(QStringLiteral("store_error")).toString());
    m_result->setText(notes.join(QLatin1Char('\n')));
    m_result->setVisible(!notes.isEmpty());
    m_result->setStyleSheet(QStringLiteral("QLabel { color: #8a1520; font-weight: bold; }"));

    const QJsonArray expectations = journal.value(QStringLiteral("expectations")).toArray();
    m_expectations->setRowCount(int(expectations.size()));
    for (int row = 0; row < expectations.size(); ++row) {
        const QJsonObject e = expectations.at(row).toObject();
        const bool passed = e.value(QStringLiteral("passed")).toBool();
        QString incident = e.value(QStringLiteral("incident")).toString();
        if (e.value(QStringLiteral("absent")).toBool())
            incident = tr("ningún %1").arg(incident);
        QString acknowledged = timeOfDay(e.value(QStringLiteral("acknowledged_at")));
        if (e.value(QStringLiteral("acknowledged_by")).isString())
            acknowledged = tr("%1 por %2").arg(acknowledged, e.value(QStringLiteral("acknowledged_by")).toString());
        setRow(m_expectations, row,
               {passed ? tr("✔ cumplida") : tr("✖ no cumplida"), incident, timeOfDay(e.value(QStringLiteral("fault_start"))),
                timeOfDay(e.value(QStringLiteral("detected_at"))), secondsText(e.value(QStringLiteral("ttd_s"))), acknowledged,
                secondsText(e.value(QStringLiteral("tta_s"))), e.value(QStringLiteral("why")).toString()},
               tr("%1 (falla «%2»), límite %3 s").arg(e.value(QStringLiteral("name")).toString(), e.value(QStringLiteral("fault")).toString())
                   .arg(e.value(QStringLiteral("within_s")).toDouble()));
    }

    int row = 0;
    auto addIncidents = [&](const QJsonArray &list, const QString &role) {
        for (const QJsonValue &v : list) {
            const QJsonObject i = v.toObject();
            m_incidents->setRowCount(row + 1);
            setRow(m_incidents, row++,
                   {role, i.value(QStringLiteral("title")).toString(), i.value(QStringLiteral("kind")).toString(),
                    timeOfDay(i.value(QStringLiteral("detected_at"))), timeOfDay(i.value(QStringLiteral("resolved_at")))});
        }
    };
    addIncidents(journal.value(QStringLiteral("false_positives")).toArray(), tr("✖ falsa alarma"));
    addIncidents(journal.value(QStringLiteral("other_incidents")).toArray(), tr("otro"));

    const QJsonArray rollbacks = journal.value(QStringLiteral("rollbacks")).toArray();
    m_rollbacks->setRowCount(int(rollbacks.size()));
    for (int r = 0; r < rollbacks.size(); ++r) {
        const QJsonObject run = rollbacks.at(r).toObject();
        const bool ok = run.value(QStringLiteral("status")).toString() == QLatin1String("succeeded");
        setRow(m_rollbacks, r,
               {run.value(QStringLiteral("activity")).toObject().value(QStringLiteral("name")).toString(),
                ok ? tr("✔ hecha") : tr("✖ falló: %1").arg(run.value(QStringLiteral("output")).toObject().value(QStringLiteral("stderr")).toString()),
                secondsText(run.value(QStringLiteral("duration")))});
    }
    fitColumns(m_expectations, {110, 130, 70, 70, 80, 140, 85});
    fitColumns(m_incidents, {110, 220, 130, 70});
    fitColumns(m_rollbacks, {180, 260});
}

void DrillReport::setOtherJournal(const QJsonObject &journal, const QString &headline, const QString &note)
{
    setJournal({}, headline);
    m_journal = journal;
    m_save->setEnabled(!journal.isEmpty());
    m_details->setText(note);
}

void DrillReport::save()
{
    auto *dialog = new QFileDialog(this, tr("Guardar el diario del simulacro"));
    dialog->setObjectName(QStringLiteral("drillSaveDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setNameFilter(tr("JSON (*.json)"));
    dialog->setDefaultSuffix(QStringLiteral("json"));
    dialog->setDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    const QJsonObject drill = m_journal.value(QStringLiteral("drill")).toObject();
    const QDateTime start = QDateTime::fromString(m_journal.value(QStringLiteral("start")).toString(), Qt::ISODateWithMs);
    const QString stamp = (start.isValid() ? start : QDateTime::currentDateTimeUtc()).toUTC().toTimeZone(mexicoCentralZone())
                              .toString(QStringLiteral("yyyyMMdd-HHmm"));
    QString scenario = drill.value(QStringLiteral("scenario")).toString().section(QLatin1Char('/'), -1);
    scenario.remove(QStringLiteral(".json"));
    dialog->selectFile(QStringLiteral("simulacro-%1-%2.json").arg(scenario.isEmpty() ? QStringLiteral("escenario") : scenario, stamp));
    connect(dialog, &QFileDialog::fileSelected, this, &DrillReport::saveTo);
    dialog->open(); // no exec(): a running page keeps running behind it
}

void DrillReport::saveTo(const QString &path)
{
    saveJsonPrivately(this, path, m_journal, [this, path](bool ok, const QString &message) { Q_EMIT saved(path, ok, message); });
}

} // namespace difusor::ui
