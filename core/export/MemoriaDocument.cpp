// The memoria técnica's text: the call's four sections in its order, then the annexes.

#include "MemoriaDocument.h"

#include "common/MexicoTime.h"
#include "common/Tr.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>

namespace difusor::exporting {

namespace {

constexpr int kMexicoOffsetS = -6 * 3600;

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

// Paragraphs from typed text: blank lines split paragraphs, single newlines stay line breaks.
QString paragraphs(const QString &text)
{
    QString out;
    for (const QString &p : text.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts))
        out += QStringLiteral("<p>") + esc(p.trimmed()).replace(QLatin1Char('\n'), QStringLiteral("<br/>")) + QStringLiteral("</p>");
    return out;
}

QDateTime mexico(const QDateTime &utc)
{
    return utc.toTimeZone(mexicoCentralZone());
}

QString when(const QDateTime &utc)
{
    return utc.isValid() ? formatMexicoTime(utc, true) : QStringLiteral("—");
}

// "03/06 00:15:30": a table's time when the column says the zone (UTC-6).
QString shortWhen(const QDateTime &utc)
{
    return utc.isValid() ? mexico(utc).toString(QStringLiteral("dd/MM HH:mm:ss")) : QStringLiteral("—");
}

QString seconds(const QLocale &l, std::optional<double> s)
{
    return s ? Tr::tr("%1 s").arg(l.toString(*s, 'f', 0)) : QStringLiteral("—");
}

// A table with a header row (repeated on each page it spans) and cell padding in device units.
class Table
{
public:
    // `small`: 8 pt instead of the body's 9 (the wide number tables).
    explicit Table(const QStringList &header, const QString &widths = {}, bool small = false)
        : m_small(small)
    {
        // Padding in device pixels (300 dpi): 10 is under a millimetre.
        m_html = QStringLiteral("<table width=\"100%\" border=\"0.5\" cellspacing=\"0\" cellpadding=\"%1\" "
                                "style=\"border-collapse: collapse; border-color: #999999;\"><thead><tr>")
                     .arg(small ? 7 : 10);
        const QStringList w = widths.split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (int i = 0; i < header.size(); ++i)
            m_html += QStringLiteral("<th bgcolor=\"#e4ebf2\" align=\"left\"%1>%2</th>")
                          .arg(i < w.size() ? QStringLiteral(" width=\"%1%\"").arg(w.at(i)) : QString(), sized(esc(header.at(i))));
        m_html += QStringLiteral("</tr></thead><tbody>");
    }
    // Cells are HTML already; right-aligned from column `numericFrom` on.
    Table &row(const QStringList &cells, int numericFrom = 99, const QString &style = {})
    {
        m_html += QStringLiteral("<tr%1>").arg(style.isEmpty() ? QString() : QStringLiteral(" style=\"%1\"").arg(style));
        for (int i = 0; i < cells.size(); ++i)
            m_html += QStringLiteral("<td%1>%2</td>").arg(i >= numericFrom ? QStringLiteral(" align=\"right\"") : QString(), sized(cells.at(i)));
        m_html += QStringLiteral("</tr>");
        return *this;
    }
    Table &spanRow(int columns, const QString &html)
    {
        m_html += QStringLiteral("<tr><td colspan=\"%1\">%2</td></tr>").arg(columns).arg(sized(html));
        return *this;
    }
    QString html() const { return m_html + QStringLiteral("</tbody></table>"); }

private:
    QString sized(const QString &html) const
    {
        return m_small ? QStringLiteral("<span style=\"font-size: 8pt;\">") + html + QStringLiteral("</span>") : html;
    }
    bool m_small = false;
    QString m_html;
};

QString heading(int level, const QString &text, bool newPage = false)
{
    return QStringLiteral("<h%1%2>%3</h%1>")
        .arg(level)
        .arg(newPage ? QStringLiteral(" style=\"page-break-before: always;\"") : QString(), esc(text));
}

QString dayLabel(const QLocale &l, const QDate &d)
{
    return l.dayName(d.dayOfWeek(), QLocale::ShortFormat) + QLatin1Char(' ') + l.toString(d, QStringLiteral("dd/MM/yyyy"));
}

QString stateText(const store::IncidentRecord &r)
{
    const QString s = r.state();
    if (s == QLatin1String("open"))
        return Tr::tr("abierto");
    if (s == QLatin1String("acknowledged"))
        return Tr::tr("reconocido");
    return Tr::tr("resuelto");
}

QString severityText(const QString &s)
{
    if (s == QLatin1String("critical"))
        return Tr::tr("crítica");
    if (s == QLatin1String("major"))
        return Tr::tr("mayor");
    if (s == QLatin1String("minor"))
        return Tr::tr("menor");
    return s;
}

// The timeline's event types (store::IncidentEvent::type) in words.
QString eventText(const QString &type)
{
    static const QHash<QString, const char *> words{
        {QStringLiteral("opened"), QT_TRANSLATE_NOOP("difusor::Tr", "abierto")},
        {QStringLiteral("observation"), QT_TRANSLATE_NOOP("difusor::Tr", "observado de nuevo")},
        {QStringLiteral("ack"), QT_TRANSLATE_NOOP("difusor::Tr", "reconocido")},
        {QStringLiteral("note"), QT_TRANSLATE_NOOP("difusor::Tr", "nota")},
        {QStringLiteral("silenced"), QT_TRANSLATE_NOOP("difusor::Tr", "silenciado")},
        {QStringLiteral("notified"), QT_TRANSLATE_NOOP("difusor::Tr", "notificado")},
        {QStringLiteral("resolved"), QT_TRANSLATE_NOOP("difusor::Tr", "resuelto")},
        {QStringLiteral("reopened"), QT_TRANSLATE_NOOP("difusor::Tr", "reabierto")},
        {QStringLiteral("severity"), QT_TRANSLATE_NOOP("difusor::Tr", "severidad")},
        {QStringLiteral("affects"), QT_TRANSLATE_NOOP("difusor::Tr", "afecta la publicación")},
        {QStringLiteral("root_cause"), QT_TRANSLATE_NOOP("difusor::Tr", "causa")},
        {QStringLiteral("actions"), QT_TRANSLATE_NOOP("difusor::Tr", "acciones")}};
    const char *word = words.value(type);
    return word ? QCoreApplication::translate("difusor::Tr", word) : type;
}

QString statusText(const QString &s)
{
    if (s == QLatin1String("pass"))
        return Tr::tr("cumple");
    if (s == QLatin1String("warn"))
        return Tr::tr("advertencia");
    if (s == QLatin1String("fail"))
        return Tr::tr("no cumple");
    if (s == QLatin1String("skipped"))
        return Tr::tr("omitida");
    return Tr::tr("desconocido");
}

QStringList comparisonCells(const QLocale &l, const MemoriaCounts &c, const MemoriaCounts &base, bool hasBase, int decimals)
{
    QStringList cells;
    const auto one = [&](double v, double b) {
        cells << l.toString(v, 'f', decimals) << (hasBase ? memoriaRatio(l, MemoriaComparison::ratio(v, b)) : QStringLiteral("—"));
    };
    one(c.visits, base.visits);
    one(c.pages, base.pages);
    one(c.hits, base.hits);
    one(c.visitors, base.visitors);
    return cells;
}

QStringList comparisonHeader(const QString &first)
{
    return {first, Tr::tr("Visitas"), QStringLiteral("×"), Tr::tr("Páginas"), QStringLiteral("×"), Tr::tr("Hits"),
            QStringLiteral("×"), Tr::tr("Visitantes distintos"), QStringLiteral("×")};
}

void logsSection(const MemoriaInput &in, const QLocale &l, QString &html)
{
    html += heading(1, Tr::tr("1. Bitácoras de acceso"), true);
    qint64 bytes = 0;
    qint64 lines = 0;
    for (const MemoriaLogFile &f : in.logFiles) {
        bytes += std::max<qint64>(0, f.size);
        lines += f.lines;
    }
    html += QStringLiteral("<p>")
        + esc(Tr::tr("Bitácoras de acceso de los servidores de publicación, copiadas byte por byte: %1 archivos, "
                     "%2 bytes, %3 líneas. Cada archivo se identifica por su SHA-256, el mismo que lista "
                     "manifest-sha256.txt del paquete.")
                  .arg(in.logFiles.size())
                  .arg(l.toString(bytes), l.toString(lines)))
        + QStringLiteral("</p>");
    if (in.logFiles.isEmpty()) {
        html += QStringLiteral("<p><b>") + esc(Tr::tr("No se recibió ninguna bitácora.")) + QStringLiteral("</b></p>");
        return;
    }
    Table t({Tr::tr("Servidor"), Tr::tr("Archivo"), Tr::tr("Bytes"), Tr::tr("Líneas"), Tr::tr("Primera y última línea (UTC-6)")},
            QStringLiteral("14,26,14,12,34"), true);
    for (const MemoriaLogFile &f : in.logFiles) {
        const QString span = f.firstUtc.isValid()
            ? esc(formatMexicoTime(f.firstUtc, true)) + QStringLiteral("<br/>") + esc(formatMexicoTime(f.lastUtc, true))
            : esc(Tr::tr("sin líneas legibles"));
        t.row({esc(f.server), esc(f.name), l.toString(f.size), l.toString(f.lines), span}, 2);
        QString sha = QStringLiteral("SHA-256: <span style=\"font-family: 'DejaVu Sans Mono'; font-size: 7pt;\">")
            + QString::fromLatin1(f.sha256) + QStringLiteral("</span>");
        if (f.malformed > 0)
            sha += QStringLiteral(" · ") + esc(Tr::tr("%1 líneas mal formadas").arg(l.toString(f.malformed)));
        if (!f.error.isEmpty())
            sha += QStringLiteral("<br/><b>") + esc(f.error) + QStringLiteral("</b>");
        t.spanRow(5, sha);
    }
    html += t.html();
}

void incidentBlock(const MemoriaIncident &m, int index, const QLocale &l, QString &html)
{
    const store::IncidentRecord &r = m.record;
    html += heading(3, QStringLiteral("2.%1 %2 (%3)").arg(index).arg(r.title, r.serverName));
    Table t({Tr::tr("Apartado"), Tr::tr("Detalle")}, QStringLiteral("22,78"));
    t.row({esc(Tr::tr("Resumen")),
           esc(r.detail) + QStringLiteral("<br/>")
               + esc(Tr::tr("Tipo %1, severidad %2, estado %3.").arg(r.kind, severityText(r.severity), stateText(r)))});
    t.row({esc(Tr::tr("Impacto")),
           esc(Tr::tr("%1 min de afectación; cortes en ese lapso: %2.").arg(l.toString(m.impactMinutes, 'f', 1)).arg(m.cutsAffected))});
    t.row({esc(Tr::tr("Detección")),
           esc(Tr::tr("Inicio %1; detectado %2; tiempo para detectar: %3.")
                   .arg(when(r.openedUtc), when(r.detectedUtc), seconds(l, r.timeToDetectS())))});
    QString timeline;
    for (const store::IncidentEvent &e : m.timeline)
        timeline += esc(formatMexicoTime(e.atUtc, true)) + QStringLiteral(" · ") + esc(e.actor) + QStringLiteral(" · <i>")
            + esc(eventText(e.type)) + QStringLiteral("</i>") + (e.text.isEmpty() ? QString() : QStringLiteral(": ") + esc(e.text))
            + QStringLiteral("<br/>");
    if (timeline.endsWith(QStringLiteral("<br/>")))
        timeline.chop(5);
    t.row({esc(Tr::tr("Cronología")), timeline.isEmpty() ? QStringLiteral("—") : timeline});
    t.row({esc(Tr::tr("Causa")), r.rootCause.isEmpty() ? esc(Tr::tr("sin registrar")) : esc(r.rootCause)});
    QString resolution;
    if (r.closedUtc.isValid())
        resolution = Tr::tr("Resuelto %1 (%2%3); tiempo para resolver: %4.")
                         .arg(when(r.closedUtc),
                              r.resolution == QLatin1String("auto") ? Tr::tr("la condición cesó") : Tr::tr("a mano"),
                              r.resolvedBy.isEmpty() ? QString() : QStringLiteral(", ") + r.resolvedBy,
                              seconds(l, r.timeToResolveS()));
    else
        resolution = Tr::tr("Sin resolver al cierre del periodo.");
    if (r.acknowledgedUtc.isValid())
        resolution += QLatin1Char(' ') + Tr::tr("Reconocido %1 por %2.").arg(when(r.acknowledgedUtc), r.acknowledgedBy);
    t.row({esc(Tr::tr("Resolución")), esc(resolution)});
    t.row({esc(Tr::tr("Acciones")), r.actions.isEmpty() ? esc(Tr::tr("sin registrar")) : esc(r.actions)});
    html += t.html();
}

void incidentsSection(const MemoriaInput &in, const QLocale &l, QString &html)
{
    html += heading(1, Tr::tr("2. Incidentes que afectaron la publicación"), true);
    html += QStringLiteral("<p>")
        + esc(Tr::tr("Un bloque por incidente, en el orden de un postmortem: resumen, impacto, detección, cronología, "
                     "causa, resolución y acciones. Los demás incidentes del periodo (%1) están en el anexo D.")
                  .arg(in.others.size()))
        + QStringLiteral("</p>");
    if (in.affecting.isEmpty())
        html += QStringLiteral("<p><b>") + esc(Tr::tr("Ningún incidente afectó la publicación en el periodo.")) + QStringLiteral("</b></p>");
    int i = 0;
    for (const MemoriaIncident &m : in.affecting)
        incidentBlock(m, ++i, l, html);
}

void comparisonSection(const MemoriaInput &in, const QLocale &l, MemoriaDocument &doc)
{
    QString &html = doc.html;
    const MemoriaComparison &c = in.comparison;
    const MemoriaPeriod &p = in.period;
    html += heading(1, Tr::tr("3. Comparativo de visitas, páginas y hits"), true);
    QStringList excluded;
    for (const QDate &d : p.baselineExcluded)
        excluded << l.toString(d, QStringLiteral("dd/MM/yyyy"));
    html += QStringLiteral("<p>")
        + esc(Tr::tr("Promedio habitual: del %1 al %2%3, %4 días. Periodo de la jornada electoral y resultados: del %5 al %6. "
                     "Días del centro de México (UTC-6).")
                  .arg(l.toString(p.baselineFrom, QStringLiteral("dd/MM/yyyy")), l.toString(p.baselineTo, QStringLiteral("dd/MM/yyyy")),
                       excluded.isEmpty() ? QString() : Tr::tr(" sin los simulacros (%1)").arg(excluded.join(QStringLiteral(", "))))
                  .arg(p.baselineDays().size())
                  .arg(l.toString(p.from, QStringLiteral("dd/MM/yyyy")), l.toString(p.to, QStringLiteral("dd/MM/yyyy"))))
        + QStringLiteral("</p><p>")
        + esc(Tr::tr("Conteo como AWStats: hit, toda solicitud servida (200 o 304) que no es de un robot; página, un hit que "
                     "no es imagen, hoja de estilo, script ni fuente; visita, la serie de páginas de una dirección sin pausa "
                     "de más de una hora; visitante distinto, una dirección con al menos una página. El promedio es el de "
                     "AWStats (\"Media\"): un día sin tráfico cuenta como 0. %1. %2 líneas leídas, %3 mal formadas.")
                  .arg(c.robotsList, l.toString(c.parsedLines), l.toString(c.malformedLines)))
        + QStringLiteral("</p>");

    if (!c.hasBaseline()) {
        html += QStringLiteral("<p style=\"color: #9c0006;\"><b>")
            + esc(Tr::tr("No hay bitácoras del periodo base (del %1 al %2): las bitácoras recibidas empiezan %3. El "
                         "comparativo contra el promedio habitual no puede hacerse; se dan solo las cifras de la jornada.")
                      .arg(l.toString(p.baselineFrom, QStringLiteral("dd/MM/yyyy")), l.toString(p.baselineTo, QStringLiteral("dd/MM/yyyy")),
                           c.firstLineUtc.isValid() ? formatMexicoTime(c.firstLineUtc, false) : Tr::tr("(ninguna línea)")))
            + QStringLiteral("</b></p>");
    } else if (c.baselineCoveredDays < p.baselineDays().size()) {
        html += QStringLiteral("<p><b>")
            + esc(Tr::tr("Las bitácoras cubren %1 de los %2 días del periodo base (la primera línea es de %3): el promedio "
                         "habitual es el de esos %1 días.")
                      .arg(c.baselineCoveredDays)
                      .arg(p.baselineDays().size())
                      .arg(formatMexicoTime(c.firstLineUtc, false)))
            + QStringLiteral("</b></p>");
    }

    Table t(comparisonHeader(Tr::tr("Día")), QStringLiteral("20,10,9,10,9,11,9,13,9"), true);
    const MemoriaCounts &base = c.baselineAverage;
    t.row(QStringList{QStringLiteral("<b>") + esc(Tr::tr("Promedio habitual")) + QStringLiteral("</b>")}
              + comparisonCells(l, base, base, false, 1),
          1, QStringLiteral("background-color: #f2f2f2;"));
    for (const MemoriaDay &d : c.period)
        t.row(QStringList{esc(dayLabel(l, d.date)) + (d.covered ? QString() : QStringLiteral("<br/><i>") + esc(Tr::tr("sin bitácoras")) + QStringLiteral("</i>"))}
                  + comparisonCells(l, d.counts, base, c.hasBaseline(), 0),
              1);
    t.row(QStringList{QStringLiteral("<b>")
                      + esc(Tr::tr("Promedio %1–%2").arg(l.toString(p.from, QStringLiteral("dd/MM")), l.toString(p.to, QStringLiteral("dd/MM"))))
                      + QStringLiteral("</b>")}
              + comparisonCells(l, c.periodAverage, base, c.hasBaseline(), 1),
          1, QStringLiteral("background-color: #f2f2f2;"));
    html += t.html();
    html += QStringLiteral("<p style=\"font-size: 7pt;\">")
        + esc(Tr::tr("×: la cifra dividida entre el promedio habitual (×1.00 es un día habitual)."))
        + QStringLiteral("</p>");

    MemoriaChartSpec days;
    days.title = Tr::tr("Visitas por día frente al promedio habitual");
    days.valuesLabel = Tr::tr("jornada");
    days.baselineLabel = Tr::tr("promedio habitual");
    for (const MemoriaDay &d : c.period) {
        days.categories << l.toString(d.date, QStringLiteral("dd/MM"));
        days.values << d.counts.visits;
        if (c.hasBaseline())
            days.baseline << base.visits;
    }
    html += QStringLiteral("<p>[[chart-days]]</p>");
    doc.charts.append({QStringLiteral("[[chart-days]]"), days});

    // Election night.
    if (c.night.isEmpty())
        return;
    const QDateTime nightEnd = c.night.last().startUtc.addSecs(3600);
    html += heading(2, Tr::tr("Noche de la jornada, hora por hora"), true);
    html += QStringLiteral("<p>")
        + esc(Tr::tr("De %1 a %2: del cierre de las casillas (18:00) hasta la mañana; el PREP publica desde las 20:00. Cada "
                     "hora se compara con la misma hora de los días del periodo base, promediada.")
                  .arg(formatMexicoTime(c.night.first().startUtc, false), formatMexicoTime(nightEnd, false)))
        + QStringLiteral("</p>");
    Table n(comparisonHeader(Tr::tr("Hora (UTC-6)")), QStringLiteral("20,10,9,10,9,11,9,13,9"), true);
    MemoriaChartSpec hours;
    hours.title = Tr::tr("Hits por hora: noche de la jornada y la misma hora habitual");
    hours.valuesLabel = Tr::tr("noche de la jornada");
    hours.baselineLabel = Tr::tr("misma hora, promedio habitual");
    for (const MemoriaHour &h : c.night) {
        const QDateTime local = mexico(h.startUtc);
        const QString label = local.toString(QStringLiteral("dd/MM HH:00"));
        n.row(QStringList{esc(label)} + comparisonCells(l, h.counts, h.baseline, c.hasBaseline(), 0), 1);
        n.row(QStringList{QStringLiteral("<i>") + esc(Tr::tr("habitual")) + QStringLiteral("</i>")}
                  + comparisonCells(l, h.baseline, h.baseline, false, 1),
              1, QStringLiteral("color: #555555;"));
        hours.categories << local.toString(QStringLiteral("HH"));
        hours.values << h.counts.hits;
        if (c.hasBaseline())
            hours.baseline << h.baseline.hits;
    }
    html += QStringLiteral("<p>[[chart-hours]]</p>");
    doc.charts.append({QStringLiteral("[[chart-hours]]"), hours});
    html += n.html();
}

void commentsSection(const MemoriaInput &in, QString &html)
{
    html += heading(1, Tr::tr("4. Comentarios y sugerencias"), true);
    html += heading(2, Tr::tr("Del equipo técnico"));
    html += in.comments.trimmed().isEmpty()
        ? QStringLiteral("<p><i>") + esc(Tr::tr("(El técnico no escribió comentarios.)")) + QStringLiteral("</i></p>")
        : paragraphs(in.comments);
    html += heading(2, Tr::tr("Propuestas de la consola a partir de los datos"));
    html += QStringLiteral("<ul>");
    for (const QString &d : in.drafts)
        html += QStringLiteral("<li>") + esc(d) + QStringLiteral("</li>");
    html += QStringLiteral("</ul>");
}

void checksAnnex(const MemoriaInput &in, QString &html)
{
    html += heading(1, Tr::tr("Anexo A. Verificación de infraestructura al inicio del periodo"), true);
    if (in.checks.isEmpty()) {
        html += QStringLiteral("<p><b>") + esc(Tr::tr("No hay verificación de infraestructura registrada.")) + QStringLiteral("</b></p>");
        return;
    }
    for (const MemoriaCheck &check : in.checks) {
        html += heading(3, Tr::tr("%1: verificación del %2").arg(check.server, when(check.run.startedUtc)));
        Table t({Tr::tr("Requisito"), Tr::tr("Resultado"), Tr::tr("Esperado"), Tr::tr("Medido")}, QStringLiteral("34,14,22,30"));
        for (const QJsonValue &v : check.run.results) {
            const QJsonObject o = v.toObject();
            t.row({esc(o.value(QStringLiteral("title")).toString()), esc(statusText(o.value(QStringLiteral("status")).toString())),
                   esc(o.value(QStringLiteral("expected")).toString()), esc(o.value(QStringLiteral("actual")).toString())});
        }
        html += t.html();
    }
}

void cutsAnnex(const MemoriaInput &in, const QLocale &l, QString &html)
{
    html += heading(1, Tr::tr("Anexo B. Cortes del periodo"), true);
    html += QStringLiteral("<p>")
        + esc(Tr::tr("Retraso: la primera vez que el sitio del difusor mostró el corte menos la primera vez que lo mostró el "
                     "PREP oficial; la convocatoria admite un minuto. Horas del centro de México (UTC-6)."))
        + QStringLiteral("</p>");
    if (in.cuts.isEmpty()) {
        html += QStringLiteral("<p><b>") + esc(Tr::tr("No hay cortes registrados en el periodo.")) + QStringLiteral("</b></p>");
        return;
    }
    Table t({Tr::tr("Servidor"), Tr::tr("Corte"), Tr::tr("Llegó al servidor"), Tr::tr("Visto en el PREP oficial"),
             Tr::tr("Visto en el difusor"), Tr::tr("Retraso")},
            QStringLiteral("13,17,17,19,19,15"), true);
    for (const MemoriaCut &c : in.cuts) {
        const auto lag = c.cut.lagMs();
        QString lagText = lag ? Tr::tr("%1 s").arg(l.toString(double(*lag) / 1000.0, 'f', 1)) : QStringLiteral("—");
        if (lag && *lag > 60000)
            lagText = QStringLiteral("<b>") + lagText + QStringLiteral("</b>");
        t.row({esc(c.server), esc(mexico(c.cut.cutTimeUtc).toString(QStringLiteral("dd/MM/yyyy HH:mm"))), esc(shortWhen(c.cut.arrivedConsoleUtc)),
               esc(shortWhen(c.cut.officialSeenUtc)), esc(shortWhen(c.cut.difusorSeenUtc)), lagText},
              5);
    }
    html += t.html();
}

void drillsAnnex(const MemoriaInput &in, const QLocale &l, QString &html)
{
    html += heading(1, Tr::tr("Anexo C. Simulacros"), true);
    if (in.drills.isEmpty()) {
        html += QStringLiteral("<p><b>") + esc(Tr::tr("No hay simulacros registrados.")) + QStringLiteral("</b></p>");
        return;
    }
    Table t({Tr::tr("Simulacro"), Tr::tr("Servidor"), Tr::tr("Inicio"), Tr::tr("Fin"), Tr::tr("Estado"), Tr::tr("Puntaje")},
            QStringLiteral("28,12,19,19,12,10"), true);
    for (const store::DrillRecord &d : in.drills)
        t.row({esc(d.title.isEmpty() ? d.scenario : d.title) + QStringLiteral("<br/><i>") + esc(d.scenario + QStringLiteral(" · ") + d.target)
                   + QStringLiteral("</i>"),
               esc(d.serverName), esc(when(d.startedUtc)), esc(when(d.endedUtc)), esc(d.status),
               d.score ? l.toString(*d.score * 100.0, 'f', 0) + QStringLiteral(" %") : QStringLiteral("—")},
              5);
    html += t.html();
}

void othersAnnex(const MemoriaInput &in, const QLocale &l, QString &html)
{
    html += heading(1, Tr::tr("Anexo D. Incidentes que no afectaron la publicación"), true);
    if (in.others.isEmpty()) {
        html += QStringLiteral("<p>") + esc(Tr::tr("Ninguno.")) + QStringLiteral("</p>");
        return;
    }
    Table t({Tr::tr("Inicio"), Tr::tr("Servidor"), Tr::tr("Incidente"), Tr::tr("Severidad"), Tr::tr("Minutos"), Tr::tr("¿Afectó?")},
            QStringLiteral("17,10,33,12,11,17"), true);
    for (const MemoriaIncident &m : in.others) {
        const store::IncidentRecord &r = m.record;
        t.row({esc(when(r.openedUtc.isValid() ? r.openedUtc : r.detectedUtc)), esc(r.serverName),
               esc(r.title) + QStringLiteral("<br/><i>") + esc(r.kind) + QStringLiteral("</i>"), esc(severityText(r.severity)),
               l.toString(m.impactMinutes, 'f', 1), esc(r.affectsPublication ? Tr::tr("no") : Tr::tr("no determinado"))},
              4);
    }
    html += t.html();
}

void baselineAnnex(const MemoriaInput &in, const QLocale &l, QString &html)
{
    html += heading(1, Tr::tr("Anexo E. Días del periodo base"), true);
    Table t(comparisonHeader(Tr::tr("Día")), QStringLiteral("20,10,9,10,9,11,9,13,9"), true);
    const MemoriaComparison &c = in.comparison;
    for (const MemoriaDay &d : c.baseline)
        t.row(QStringList{esc(dayLabel(l, d.date)) + (d.covered ? QString() : QStringLiteral("<br/><i>") + esc(Tr::tr("sin bitácoras")) + QStringLiteral("</i>"))}
                  + comparisonCells(l, d.counts, c.baselineAverage, c.hasBaseline(), 0),
              1);
    html += t.html();
}

} // namespace

QString memoriaRatio(const QLocale &locale, std::optional<double> ratio)
{
    return ratio ? QStringLiteral("×") + locale.toString(*ratio, 'f', 2) : QStringLiteral("—");
}

MemoriaDocument memoriaDocument(const MemoriaInput &in, const QLocale &l)
{
    MemoriaDocument doc;
    const QString periodText = Tr::tr("del %1 al %2").arg(l.toString(in.period.from, QStringLiteral("dd/MM/yyyy")),
                                                         l.toString(in.period.to, QStringLiteral("dd/MM/yyyy")));
    doc.headerLeft = Tr::tr("Memoria técnica del difusor PREP") + (in.organisation.isEmpty() ? QString() : QStringLiteral(" · ") + in.organisation);
    doc.headerRight = periodText + QStringLiteral(" (UTC-6)");

    QString &html = doc.html;
    html += QStringLiteral("<h1 style=\"font-size: 20pt;\">") + esc(Tr::tr("Memoria técnica del difusor PREP")) + QStringLiteral("</h1>");
    Table id({Tr::tr("Dato"), Tr::tr("Valor")}, QStringLiteral("26,74"));
    id.row({esc(Tr::tr("Organización")), esc(in.organisation.isEmpty() ? Tr::tr("(sin registrar en el perfil)") : in.organisation)});
    if (!in.difusorUrl.isEmpty())
        id.row({esc(Tr::tr("Portal")), esc(in.difusorUrl)});
    id.row({esc(Tr::tr("Periodo")), esc(periodText + QStringLiteral(", ") + Tr::tr("hora del centro de México (UTC-6)"))});
    QString servers;
    for (const MemoriaServer &s : in.servers)
        servers += esc(s.name) + QStringLiteral(" — ") + esc(s.host) + QStringLiteral(" — <span style=\"font-size: 7pt;\">")
            + esc(s.hostKey) + QStringLiteral("</span><br/>");
    id.row({esc(Tr::tr("Servidores")), servers.isEmpty() ? QStringLiteral("—") : servers});
    id.row({esc(Tr::tr("Generada")), esc(when(in.generatedUtc) + QStringLiteral(" · difusor-console ") + in.consoleVersion)});
    html += id.html();
    html += heading(2, Tr::tr("Personal técnico"));
    if (in.staff.isEmpty()) {
        html += QStringLiteral("<p>") + esc(Tr::tr("(sin registrar en el perfil)")) + QStringLiteral("</p>");
    } else {
        Table st({Tr::tr("Nombre"), Tr::tr("Cargo"), Tr::tr("Teléfono"), Tr::tr("Horario")}, QStringLiteral("30,25,20,25"));
        for (const MemoriaStaff &s : in.staff)
            st.row({esc(s.name), esc(s.position), esc(s.phone), esc(s.hours)});
        html += st.html();
    }
    if (!in.errors.isEmpty()) {
        html += heading(2, Tr::tr("Avisos"));
        html += QStringLiteral("<ul>");
        for (const QString &e : in.errors)
            html += QStringLiteral("<li>") + esc(e) + QStringLiteral("</li>");
        html += QStringLiteral("</ul>");
    }
    html += heading(2, Tr::tr("Contenido"));
    html += QStringLiteral("<p>")
        + esc(Tr::tr("1. Bitácoras de acceso · 2. Incidentes que afectaron la publicación · 3. Comparativo de visitas, páginas y "
                     "hits · 4. Comentarios y sugerencias · Anexos: A. Verificación de infraestructura · B. Cortes · "
                     "C. Simulacros · D. Otros incidentes · E. Días del periodo base"))
        + QStringLiteral("</p>");

    logsSection(in, l, html);
    incidentsSection(in, l, html);
    comparisonSection(in, l, doc);
    commentsSection(in, html);
    checksAnnex(in, html);
    cutsAnnex(in, l, html);
    drillsAnnex(in, l, html);
    othersAnnex(in, l, html);
    baselineAnnex(in, l, html);
    return doc;
}

} // namespace difusor::exporting
