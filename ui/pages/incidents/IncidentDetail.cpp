#include "IncidentDetail.h"

#include "IncidentIcons.h"
#include "IncidentsTableModel.h"
#include "common/MexicoTime.h"
#include "incidents/IncidentLog.h"
#include "notify/AlertSeverity.h"
#include "pages/cuts/CutsTableModel.h" // durationText

#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <optional>

namespace difusor::ui {

namespace {

QString timeOrDash(const QDateTime &utc)
{
    return utc.isValid() ? formatMexicoTime(utc) : QStringLiteral("—");
}

QString secondsText(const std::optional<double> &s)
{
    return s ? durationText(qint64(*s * 1000)) : QStringLiteral("—");
}

// The evidence's keys as people read them (the rules write these; see core/cuts/CutMonitor,
// core/traffic/TrafficSession, core/incidents/CheckIncidents and ConnectionWatch).
QString keyLabel(const QString &key)
{
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("last_cut"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Último corte")},
        {QStringLiteral("official"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Sitio oficial: última respuesta")},
        {QStringLiteral("difusor"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Nuestro sitio: última respuesta")},
        {QStringLiteral("package"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Paquete")},
        {QStringLiteral("cut_utc"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Hora del corte")},
        {QStringLiteral("arrived_utc"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Llegó al servidor")},
        {QStringLiteral("sha256"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "SHA-256")},
        {QStringLiteral("actas_capturadas"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Actas capturadas")},
        {QStringLiteral("unreadable"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Ilegible")},
        {QStringLiteral("at"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Cuándo")},
        {QStringLiteral("answered"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Respondió")},
        {QStringLiteral("shows_cut"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Muestra el corte")},
        {QStringLiteral("error"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Error")},
        {QStringLiteral("window_s"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Ventana (s)")},
        {QStringLiteral("requests"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Solicitudes")},
        {QStringLiteral("server_errors"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Respuestas 5xx")},
        {QStringLiteral("baseline_rps"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Línea base (solicitudes/s)")},
        {QStringLiteral("baseline_minutes"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Minutos de línea base")},
        {QStringLiteral("top_address"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Dirección con más solicitudes")},
        {QStringLiteral("top_address_requests"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Solicitudes de esa dirección")},
        {QStringLiteral("last_line_at"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Última línea de la bitácora")},
        {QStringLiteral("tail_live"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Lectura de la bitácora activa")},
        {QStringLiteral("site_up"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Sitio en línea")},
        {QStringLiteral("recent_5xx_lines"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Últimas líneas con 5xx de la bitácora")},
        {QStringLiteral("down_since"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Sin conexión desde")},
        {QStringLiteral("reason"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Motivo")},
        {QStringLiteral("host"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Servidor")},
        {QStringLiteral("check"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Requisito")},
        {QStringLiteral("title"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Título")},
        {QStringLiteral("status"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Resultado")},
        {QStringLiteral("expected"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Esperado")},
        {QStringLiteral("actual"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Encontrado")},
        {QStringLiteral("evidence"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Evidencia")},
        {QStringLiteral("lines"), QT_TRANSLATE_NOOP("difusor::ui::IncidentDetail", "Líneas de la bitácora")},
    };
    const auto it = labels.constFind(key);
    return it == labels.cend() ? key : IncidentDetail::tr(it.value());
}

// The order the sections read best in; other keys follow alphabetically.
int keyOrder(const QString &key)
{
    static const QStringList order = {QStringLiteral("last_cut"), QStringLiteral("official"), QStringLiteral("difusor"),
                                      QStringLiteral("package"),  QStringLiteral("cut_utc"),  QStringLiteral("arrived_utc"),
                                      QStringLiteral("check"),    QStringLiteral("id"),       QStringLiteral("title"),
                                      QStringLiteral("status"),   QStringLiteral("expected"), QStringLiteral("actual"),
                                      QStringLiteral("at"),       QStringLiteral("answered"), QStringLiteral("shows_cut"),
                                      QStringLiteral("error")};
    const qsizetype i = order.indexOf(key);
    return i < 0 ? int(order.size()) : int(i);
}

QString scalarText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined: return QStringLiteral("—");
    case QJsonValue::Bool: return v.toBool() ? IncidentDetail::tr("sí") : IncidentDetail::tr("no");
    case QJsonValue::Double: {
        const double d = v.toDouble();
        return d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d, 'f', 2);
    }
    case QJsonValue::String: {
        const QString s = v.toString();
        // ISO 8601 UTC times (what the rules write) are shown in Central Mexico time with the zone.
        static const QRegularExpression iso(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?(Z|[+-]\\d\\d:\\d\\d)$"));
        if (iso.match(s).hasMatch()) {
            const QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
            if (t.isValid())
                return formatMexicoTime(t.toUTC());
        }
        return s;
    }
    default: break;
    }
    return {};
}

void render(QStringList &out, const QString &key, const QJsonValue &value, int depth)
{
    const QString indent(depth * 2, QLatin1Char(' '));
    const QString label = keyLabel(key);
    if (value.isObject()) {
        out << indent + label + QLatin1Char(':');
        const QJsonObject o = value.toObject();
        QStringList keys = o.keys();
        std::stable_sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) {
            const int oa = keyOrder(a), ob = keyOrder(b);
            return oa != ob ? oa < ob : a < b;
        });
        for (const QString &k : std::as_const(keys))
            render(out, k, o.value(k), depth + 1);
        return;
    }
    if (value.isArray()) {
        const QJsonArray a = value.toArray();
        out << indent + label + QStringLiteral(" (%1):").arg(a.size());
        for (const QJsonValue &item : a) {
            if (item.isObject() || item.isArray())
                render(out, QStringLiteral("·"), item, depth + 1);
            else
                out << indent + QStringLiteral("  ") + scalarText(item); // a log line, as it was
        }
        return;
    }
    const QString text = scalarText(value);
    if (text.contains(QLatin1Char('\n'))) {
        out << indent + label + QLatin1Char(':');
        for (const QString &line : text.split(QLatin1Char('\n')))
            out << indent + QStringLiteral("  ") + line;
    } else {
        out << indent + label + QStringLiteral(": ") + text;
    }
}

} // namespace

QString evidenceText(const QJsonObject &evidence)
{
    if (evidence.isEmpty())
        return IncidentDetail::tr("La regla no guardó evidencia para este incidente.");
    QStringList out;
    QStringList keys = evidence.keys();
    std::stable_sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) {
        const int oa = keyOrder(a), ob = keyOrder(b);
        return oa != ob ? oa < ob : a < b;
    });
    for (const QString &k : std::as_const(keys)) {
        render(out, k, evidence.value(k), 0);
        if (evidence.value(k).isObject() || evidence.value(k).isArray())
            out << QString();
    }
    while (!out.isEmpty() && out.constLast().isEmpty())
        out.removeLast();
    return out.join(QLatin1Char('\n'));
}

IncidentDetail::IncidentDetail(QWidget *parent)
    : QWidget(parent)
    , m_header(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_timeline(new QTableWidget(0, TimelineColumnCount, this))
    , m_evidence(new QPlainTextEdit(this))
    , m_rootCause(new QPlainTextEdit(this))
    , m_actions(new QPlainTextEdit(this))
    , m_saveRootCause(new QPushButton(tr("Guardar causa raíz"), this))
    , m_saveActions(new QPushButton(tr("Guardar acciones"), this))
    , m_rootCauseStatus(new QLabel(this))
{
    setObjectName(QStringLiteral("incidentDetail"));
    m_header->setObjectName(QStringLiteral("incidentHeader"));
    m_header->setTextFormat(Qt::RichText);
    m_header->setWordWrap(true);
    m_tabs->setObjectName(QStringLiteral("incidentTabs"));

    // Fields: what it is on the left, when things happened on the right (two columns keep the
    // timeline's tab reachable without scrolling on a laptop screen).
    auto *fields = new QWidget;
    auto *what = new QFormLayout;
    auto *when = new QFormLayout;
    for (QFormLayout *form : {what, when})
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    addField(what, QStringLiteral("kind"), tr("Tipo"));
    addField(what, QStringLiteral("subject"), tr("Asunto"));
    addField(what, QStringLiteral("state"), tr("Estado"));
    addField(what, QStringLiteral("severity"), tr("Gravedad"));
    addField(what, QStringLiteral("affects"), tr("Afecta la publicación"));
    addField(what, QStringLiteral("detail"), tr("Detalle"));
    addField(what, QStringLiteral("acknowledged"), tr("Reconocido"));
    addField(what, QStringLiteral("silenced"), tr("Silenciado"));
    addField(when, QStringLiteral("started"), tr("Inicio"));
    addField(when, QStringLiteral("detected"), tr("Detectado"));
    addField(when, QStringLiteral("observed"), tr("Última observación"));
    addField(when, QStringLiteral("resolved"), tr("Resuelto"));
    addField(when, QStringLiteral("ttd"), tr("Tiempo en detectar"));
    addField(when, QStringLiteral("tta"), tr("Tiempo en reconocer"));
    addField(when, QStringLiteral("ttr"), tr("Tiempo en resolver"));
    auto *columns = new QHBoxLayout(fields);
    columns->addLayout(what, 3);
    columns->addSpacing(24);
    columns->addLayout(when, 2);
    auto *scroll = new QScrollArea;
    scroll->setWidget(fields);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_tabs->addTab(scroll, tr("Datos"));

    // Timeline.
    m_timeline->setObjectName(QStringLiteral("incidentTimeline"));
    m_timeline->setHorizontalHeaderLabels({tr("Cuándo (UTC-6)"), tr("Quién"), tr("Qué"), tr("Texto")});
    m_timeline->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_timeline->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_timeline->setWordWrap(true);
    m_timeline->verticalHeader()->hide();
    m_timeline->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_timeline->horizontalHeader()->setStretchLastSection(true);
    m_tabs->addTab(m_timeline, tr("Cronología"));

    // Evidence.
    m_evidence->setObjectName(QStringLiteral("incidentEvidence"));
    m_evidence->setReadOnly(true);
    m_evidence->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_evidence->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_tabs->addTab(m_evidence, tr("Evidencia"));

    // Root cause and actions (the postmortem's two questions).
    auto *rc = new QWidget;
    auto *rcLayout = new QVBoxLayout(rc);
    m_rootCause->setObjectName(QStringLiteral("incidentRootCause"));
    m_actions->setObjectName(QStringLiteral("incidentActions"));
    m_saveRootCause->setObjectName(QStringLiteral("incidentSaveRootCause"));
    m_saveActions->setObjectName(QStringLiteral("incidentSaveActions"));
    m_rootCauseStatus->setObjectName(QStringLiteral("incidentRootCauseStatus"));
    m_rootCause->setPlaceholderText(tr("Por qué pasó (lo que se sepa; se puede completar después)"));
    m_actions->setPlaceholderText(tr("Qué se hizo y qué se hará para que no se repita"));
    m_rootCauseStatus->setWordWrap(true);
    auto *rcRow = new QHBoxLayout;
    rcRow->addWidget(new QLabel(tr("Causa raíz:")));
    rcRow->addStretch(1);
    rcRow->addWidget(m_saveRootCause);
    auto *acRow = new QHBoxLayout;
    acRow->addWidget(new QLabel(tr("Acciones:")));
    acRow->addStretch(1);
    acRow->addWidget(m_saveActions);
    rcLayout->addLayout(rcRow);
    rcLayout->addWidget(m_rootCause, 1);
    rcLayout->addLayout(acRow);
    rcLayout->addWidget(m_actions, 1);
    rcLayout->addWidget(m_rootCauseStatus);
    // In a scroll area like the fields: the tabs then ask for little height, and the page's splitter
    // can give the list the larger part.
    auto *rcScroll = new QScrollArea;
    rcScroll->setWidget(rc);
    rcScroll->setWidgetResizable(true);
    rcScroll->setFrameShape(QFrame::NoFrame);
    m_tabs->addTab(rcScroll, tr("Causa raíz y acciones"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_tabs, 1);

    connect(m_saveRootCause, &QPushButton::clicked, this, [this] {
        m_saveRootCause->setEnabled(false);
        m_rootCauseStatus->setStyleSheet(QString());
        m_rootCauseStatus->setText(tr("Guardando…"));
        Q_EMIT saveRequested(store::IncidentAction::SetRootCause, m_rootCause->toPlainText().trimmed());
    });
    connect(m_saveActions, &QPushButton::clicked, this, [this] {
        m_saveActions->setEnabled(false);
        m_rootCauseStatus->setStyleSheet(QString());
        m_rootCauseStatus->setText(tr("Guardando…"));
        Q_EMIT saveRequested(store::IncidentAction::SetActions, m_actions->toPlainText().trimmed());
    });
    clear();
}

QLabel *IncidentDetail::addField(QFormLayout *form, const QString &name, const QString &label)
{
    auto *value = new QLabel;
    value->setObjectName(QStringLiteral("incidentField_") + name);
    value->setTextFormat(Qt::PlainText);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(label + QLatin1Char(':'), value);
    m_fields.insert(name, value);
    return value;
}

QLabel *IncidentDetail::fieldLabel(const QString &name) const
{
    return m_fields.value(name);
}

void IncidentDetail::setField(const QString &name, const QString &text)
{
    if (QLabel *label = m_fields.value(name))
        label->setText(text.isEmpty() ? QStringLiteral("—") : text);
}

void IncidentDetail::clear()
{
    m_incident = {};
    m_header->setText(tr("<i>Elija un incidente de la lista para ver sus datos, su cronología y su evidencia.</i>"));
    for (QLabel *label : std::as_const(m_fields))
        label->setText(QStringLiteral("—"));
    m_timeline->setRowCount(0);
    m_evidence->clear();
    m_rootCause->clear();
    m_actions->clear();
    m_rootCauseStatus->clear();
    m_tabs->setEnabled(false);
}

void IncidentDetail::setIncident(const store::IncidentRecord &i)
{
    if (i.id == 0) {
        clear();
        return;
    }
    const bool other = i.id != m_incident.id;
    m_incident = i;
    m_tabs->setEnabled(true);
    const QString color = severityColor(i.severity).name();
    m_header->setText(tr("<b style=\"font-size: large\">#%1 · %2</b><br><span style=\"color:%3\"><b>%4</b></span> · %5 · %6")
                          .arg(i.id)
                          .arg(i.title.toHtmlEscaped(), color, incidents::severityText(i.severity).toHtmlEscaped(),
                               IncidentsTableModel::stateWord(i).toHtmlEscaped(),
                               (i.serverName.isEmpty() ? tr("servidor %1").arg(i.serverId) : i.serverName).toHtmlEscaped()));
    setField(QStringLiteral("kind"), QStringLiteral("%1 (%2)").arg(incidents::kindTitle(i.kind), i.kind));
    setField(QStringLiteral("subject"), i.subject);
    setField(QStringLiteral("state"), IncidentsTableModel::stateWord(i));
    setField(QStringLiteral("severity"), incidents::severityText(i.severity));
    setField(QStringLiteral("affects"), IncidentsTableModel::affectsText(i.affectsPublication));
    setField(QStringLiteral("detail"), i.detail);
    setField(QStringLiteral("started"), timeOrDash(i.openedUtc));
    setField(QStringLiteral("detected"), timeOrDash(i.detectedUtc));
    setField(QStringLiteral("observed"),
             i.observations > 1 ? tr("%1 (%2 observaciones)").arg(timeOrDash(i.lastObservedUtc)).arg(i.observations)
                                : timeOrDash(i.lastObservedUtc));
    setField(QStringLiteral("acknowledged"),
             i.acknowledgedUtc.isValid()
                 ? tr("%1 por %2: «%3»").arg(timeOrDash(i.acknowledgedUtc), i.acknowledgedBy, i.note)
                 : tr("no"));
    setField(QStringLiteral("silenced"),
             i.silencedUtc.isValid() ? tr("%1: «%2»%3")
                                           .arg(timeOrDash(i.silencedUtc), i.silenceReason,
                                                i.isSilenced() ? tr(" (hasta que la condición termine)") : QString())
                                     : tr("no"));
    QString resolved = tr("no");
    if (i.closedUtc.isValid()) {
        resolved = i.resolution == QLatin1String("manual")
            ? tr("%1 por %2 (a mano)").arg(timeOrDash(i.closedUtc), i.resolvedBy)
            : tr("%1 (sola: la condición terminó)").arg(timeOrDash(i.closedUtc));
    }
    setField(QStringLiteral("resolved"), resolved);
    setField(QStringLiteral("ttd"), secondsText(i.timeToDetectS()));
    setField(QStringLiteral("tta"), secondsText(i.timeToAcknowledgeS()));
    setField(QStringLiteral("ttr"), secondsText(i.timeToResolveS()));
    m_evidence->setPlainText(evidenceText(i.evidence));
    // Keep what the technician is writing: a refresh changes the text only when it was not edited.
    if (other || !m_rootCause->document()->isModified()) {
        m_rootCause->setPlainText(i.rootCause);
        m_rootCause->document()->setModified(false);
    }
    if (other || !m_actions->document()->isModified()) {
        m_actions->setPlainText(i.actions);
        m_actions->document()->setModified(false);
    }
    if (other) {
        m_rootCauseStatus->clear();
        m_saveRootCause->setEnabled(true);
        m_saveActions->setEnabled(true);
        m_timeline->setRowCount(0);
    }
}

void IncidentDetail::setEvents(qint64 incidentId, const QList<store::IncidentEvent> &events)
{
    if (incidentId != m_incident.id)
        return;
    m_timeline->setRowCount(int(events.size()));
    for (int row = 0; row < events.size(); ++row) {
        const store::IncidentEvent &e = events.at(row);
        const QStringList cells{mexicoDateTime(e.atUtc), e.actor, incidents::eventTypeText(e.type), e.text};
        for (int c = 0; c < TimelineColumnCount; ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c == TextColumn)
                item->setToolTip(e.text);
            m_timeline->setItem(row, c, item);
        }
    }
    m_timeline->resizeRowsToContents();
    m_tabs->setTabText(TimelineTab, tr("Cronología (%1)").arg(events.size()));
}

void IncidentDetail::saved(store::IncidentAction action)
{
    QPlainTextEdit *edit = action == store::IncidentAction::SetRootCause ? m_rootCause : m_actions;
    (action == store::IncidentAction::SetRootCause ? m_saveRootCause : m_saveActions)->setEnabled(true);
    edit->document()->setModified(false);
    m_rootCauseStatus->setStyleSheet(QString());
    m_rootCauseStatus->setText(action == store::IncidentAction::SetRootCause
                                   ? tr("✔ Causa raíz guardada (%1).").arg(formatMexicoTime(QDateTime::currentDateTimeUtc()))
                                   : tr("✔ Acciones guardadas (%1).").arg(formatMexicoTime(QDateTime::currentDateTimeUtc())));
}

void IncidentDetail::failed(store::IncidentAction action, const QString &message)
{
    (action == store::IncidentAction::SetRootCause ? m_saveRootCause : m_saveActions)->setEnabled(true);
    m_rootCauseStatus->setStyleSheet(QStringLiteral("color: #c01c28; font-weight: bold;"));
    m_rootCauseStatus->setText(tr("✖ No se guardó: %1").arg(message));
}

} // namespace difusor::ui
