#include "ExportPayload.h"

#include "Bag.h"
#include "Memoria.h"
#include "common/MexicoTime.h"
#include "common/Tr.h"
#include "incidents/IncidentJson.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace difusor::exporting {

namespace {

QByteArray csvCell(const QString &text)
{
    QString t = text;
    // Spreadsheet-safe, as incidentsToCsv: a formula-looking cell gets a leading apostrophe.
    if (!t.isEmpty() && QStringLiteral("=+-@").contains(t.front()))
        t.prepend(QLatin1Char('\''));
    if (t.contains(QLatin1Char(',')) || t.contains(QLatin1Char('"')) || t.contains(QLatin1Char('\n')) || t.contains(QLatin1Char('\r')))
        t = QLatin1Char('"') + t.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return t.toUtf8();
}

QByteArray csvTime(const QDateTime &utc)
{
    return utc.isValid() ? isoUtc(utc).toLatin1() : QByteArray();
}

QByteArray csvSeconds(const std::optional<qint64> &ms)
{
    return ms ? QByteArray::number(double(*ms) / 1000.0, 'f', 3) : QByteArray();
}

} // namespace

PayloadResult addPayload(Bag &bag, const PayloadRequest &rq)
{
    PayloadResult result;
    const QDateTime start = QDateTime::fromSecsSinceEpoch(ExportDates::dayStartUtc(rq.dates.from), QTimeZone::utc());
    const QDateTime end = QDateTime::fromSecsSinceEpoch(ExportDates::dayStartUtc(rq.dates.to.addDays(1)), QTimeZone::utc());
    QList<store::IncidentRecord> incidents;
    QHash<qint64, QList<store::IncidentEvent>> events;
    QByteArray cutsCsv("server,package,cut_time_utc,cut_time_mexico,arrived_server_utc,detected_utc,official_seen_utc,"
                       "difusor_seen_utc,lag_s,served_after_arrival_s,size,sha256,caught_up,unreadable\n");
    QJsonArray drills;
    int cutCount = 0;

    store::Store store;
    QString openError;
    if (rq.storePath.isEmpty() || !QFileInfo::exists(rq.storePath)) {
        result.warnings << Tr::tr("No hay base de datos de la consola (%1): incidentes, cortes y simulacros van vacíos.")
                               .arg(rq.storePath.isEmpty() ? Tr::tr("ninguna") : rq.storePath);
    } else if (!store.open(rq.storePath, &openError)) {
        result.warnings << Tr::tr("No se pudo abrir la base %1 (%2): incidentes, cortes y simulacros van vacíos.").arg(rq.storePath, openError);
    } else {
        QList<qint64> serverIds;
        QHash<qint64, QString> serverNames;
        for (const store::ServerRecord &s : store.servers()) {
            for (const Profile &p : rq.profiles) {
                if (s.identity.profileId == p.identityId()) {
                    serverIds.append(s.id);
                    serverNames.insert(s.id, p.name);
                }
            }
        }
        if (serverIds.isEmpty())
            result.warnings << Tr::tr("La base %1 no tiene registros de estos perfiles: incidentes, cortes y simulacros van vacíos.").arg(rq.storePath);
        if (!serverIds.isEmpty()) {
            store::IncidentFilter filter;
            filter.serverIds = serverIds;
            filter.sinceUtc = start;
            filter.untilUtc = end;
            store.setServer(0);
            incidents = store.findIncidents(filter);
            std::reverse(incidents.begin(), incidents.end()); // oldest first
            for (const store::IncidentRecord &i : std::as_const(incidents))
                events.insert(i.id, store.incidentEvents(i.id));
        }
        for (const qint64 id : std::as_const(serverIds)) {
            store.setServer(id);
            for (const store::CutRecord &c : store.cuts(100000)) {
                if (!c.cutTimeUtc.isValid() || c.cutTimeUtc < start || c.cutTimeUtc >= end)
                    continue;
                ++cutCount;
                cutsCsv += csvCell(serverNames.value(id)) + ',' + csvCell(c.package) + ',' + csvTime(c.cutTimeUtc) + ','
                           + isoMexicoTime(c.cutTimeUtc).toLatin1() + ',' + csvTime(c.arrivedServerUtc) + ','
                           + csvTime(c.detectedUtc) + ',' + csvTime(c.officialSeenUtc) + ',' + csvTime(c.difusorSeenUtc) + ','
                           + csvSeconds(c.lagMs()) + ',' + csvSeconds(c.servedAfterArrivalMs()) + ','
                           + (c.size >= 0 ? QByteArray::number(c.size) : QByteArray()) + ',' + c.sha256.toLatin1() + ','
                           + (c.caughtUp ? "true" : "false") + ',' + csvCell(c.unreadable) + '\n';
            }
            for (const store::DrillRecord &d : store.drills(1000)) {
                QJsonArray linked;
                for (const auto &[incident, role] : store.drillIncidents(d.id))
                    linked.append(QJsonObject{{QStringLiteral("incident"), incident}, {QStringLiteral("role"), role}});
                drills.append(QJsonObject{{QStringLiteral("id"), d.id},
                                          {QStringLiteral("server"), serverNames.value(id)},
                                          {QStringLiteral("scenario"), d.scenario},
                                          {QStringLiteral("title"), d.title},
                                          {QStringLiteral("target"), d.target},
                                          {QStringLiteral("operator"), d.operatorName},
                                          {QStringLiteral("started_at"), d.startedUtc.isValid() ? QJsonValue(isoUtc(d.startedUtc)) : QJsonValue()},
                                          {QStringLiteral("ended_at"), d.endedUtc.isValid() ? QJsonValue(isoUtc(d.endedUtc)) : QJsonValue()},
                                          {QStringLiteral("status"), d.status},
                                          {QStringLiteral("score"), d.score ? QJsonValue(*d.score) : QJsonValue()},
                                          {QStringLiteral("incidents"), linked},
                                          {QStringLiteral("journal"), d.journal}});
            }
        }
        if (!store.lastError().isEmpty())
            result.warnings << store.lastError();
    }

    QJsonArray incidentArray;
    int affecting = 0;
    for (const store::IncidentRecord &i : std::as_const(incidents)) {
        const QList<store::IncidentEvent> timeline = events.value(i.id);
        incidentArray.append(incidents::incidentToJson(i, &timeline));
        affecting += i.affectsPublication.value_or(false) ? 1 : 0;
    }
    const QJsonObject incidentsJson{{QStringLiteral("period"), rq.dates.periodText()},
                                    {QStringLiteral("time_zone"), QStringLiteral("UTC-6")},
                                    {QStringLiteral("incidents"), incidentArray},
                                    {QStringLiteral("summary"), incidents::incidentSummary(incidents)}};
    // The difusor's data the call asks for.
    QJsonArray difusors;
    for (const Profile &p : rq.profiles) {
        const DifusorData d = difusorData(p);
        QJsonArray staff;
        for (const StaffMember &m : d.staff)
            staff.append(QJsonObject{{QStringLiteral("name"), m.name}, {QStringLiteral("position"), m.position},
                                     {QStringLiteral("phone"), m.phone}, {QStringLiteral("email"), m.email},
                                     {QStringLiteral("hours"), m.hours}});
        difusors.append(QJsonObject{{QStringLiteral("server"), p.name},
                                    {QStringLiteral("organization"), d.organization},
                                    {QStringLiteral("contact_email"), d.contactEmail},
                                    {QStringLiteral("difusor_url"), p.difusorUrl},
                                    {QStringLiteral("technical_staff"), staff}});
    }

    struct Item
    {
        QString path;
        QByteArray bytes;
    };
    QList<Item> items{
        {QStringLiteral("incidentes/incidentes.csv"), incidents::incidentsToCsv(incidents)},
        {QStringLiteral("incidentes/incidentes.json"), QJsonDocument(incidentsJson).toJson(QJsonDocument::Indented)},
        {QStringLiteral("cortes/cortes.csv"), cutsCsv},
        {QStringLiteral("simulacros/simulacros.json"),
         QJsonDocument(QJsonObject{{QStringLiteral("drills"), drills}}).toJson(QJsonDocument::Indented)},
        {QStringLiteral("difusor.json"),
         QJsonDocument(QJsonObject{{QStringLiteral("difusors"), difusors}}).toJson(QJsonDocument::Indented)},
    };
    if (!rq.commentsFile.isEmpty()) {
        QFile comments(rq.commentsFile);
        if (!comments.open(QIODevice::ReadOnly)) {
            result.error = Tr::tr("No se pudo leer el archivo de comentarios %1: %2").arg(rq.commentsFile, comments.errorString());
            return result;
        }
        items.append({QStringLiteral("comentarios.txt"), comments.readAll()});
    } else if (!rq.commentsText.trimmed().isEmpty()) {
        items.append({QStringLiteral("comentarios.txt"), rq.commentsText.toUtf8()});
    }
    QJsonArray files;
    for (const Item &item : std::as_const(items)) {
        if (!bag.addBytes(item.path, item.bytes, &result.error))
            return result;
        files.append(item.path);
    }
    result.summary = QJsonObject{{QStringLiteral("incidents"), qint64(incidents.size())},
                                 {QStringLiteral("incidents_affecting_publication"), affecting},
                                 {QStringLiteral("cuts"), cutCount},
                                 {QStringLiteral("drills"), qint64(drills.size())},
                                 {QStringLiteral("files"), files}};
    return result;
}

TagFields bagInfo(const QList<Profile> &profiles, const ExportDates &dates, const QString &consoleVersion)
{
    TagFields fields;
    QStringList organisations;
    QStringList urls;
    StaffMember contact;
    QString contactEmail;
    QList<StaffMember> staff;
    for (const Profile &p : profiles) {
        const DifusorData d = difusorData(p);
        if (!d.organization.isEmpty() && !organisations.contains(d.organization))
            organisations << d.organization;
        if (!p.difusorUrl.isEmpty() && !urls.contains(p.difusorUrl))
            urls << p.difusorUrl;
        if (contactEmail.isEmpty())
            contactEmail = d.contactEmail;
        for (const StaffMember &m : d.staff) {
            if (contact.name.isEmpty())
                contact = m;
            staff << m;
        }
    }
    auto add = [&fields](const QString &label, const QString &value) {
        if (!value.trimmed().isEmpty())
            fields.append({label, value.simplified()});
    };
    add(QStringLiteral("Source-Organization"), organisations.isEmpty() ? profiles.value(0).name : organisations.join(QStringLiteral("; ")));
    add(QStringLiteral("Contact-Name"), contact.name);
    add(QStringLiteral("Contact-Phone"), contact.phone);
    add(QStringLiteral("Contact-Email"), contact.email.isEmpty() ? contactEmail : contact.email);
    add(QStringLiteral("External-Description"),
        Tr::tr("Memoria técnica del difusor del PREP: bitácoras de acceso a los servidores de publicación del %1 al %2 "
               "(hora del centro de México, UTC-6), incidencias, cortes con su desfase, tráfico por día y simulacros.")
            .arg(dates.from.toString(Qt::ISODate), dates.to.toString(Qt::ISODate)));
    for (const QString &url : std::as_const(urls))
        add(QStringLiteral("Difusor-URL"), url);
    add(QStringLiteral("Period"), dates.periodText());
    add(QStringLiteral("Baseline-Period"), dates.baselineText());
    add(QStringLiteral("Time-Zone"), QStringLiteral("America/Mexico_City (UTC-06:00, sin horario de verano)"));
    add(QStringLiteral("Console-Version"), QStringLiteral("difusor-console ") + consoleVersion);
    for (const StaffMember &m : std::as_const(staff)) {
        QStringList parts{m.name, m.position, m.phone, m.email, m.hours};
        parts.removeAll(QString());
        add(QStringLiteral("Technical-Staff"), parts.join(QStringLiteral("; ")));
    }
    return fields;
}

MemoriaInput memoriaInputFor(const PayloadRequest &rq, const QString &bagRoot)
{
    MemoriaRequest m;
    QStringList organisations;
    for (const Profile &p : rq.profiles) {
        const DifusorData d = difusorData(p);
        if (!d.organization.isEmpty() && !organisations.contains(d.organization))
            organisations << d.organization;
        if (m.difusorUrl.isEmpty())
            m.difusorUrl = p.difusorUrl;
        for (const StaffMember &s : d.staff)
            m.staff.append({s.name, s.position, s.phone, s.hours});
    }
    m.organisation = organisations.isEmpty() ? rq.profiles.value(0).name : organisations.join(QStringLiteral("; "));
    m.period = MemoriaPeriod::forRange(rq.dates.from, rq.dates.to);
    if (rq.dates.baselineFrom.isValid() && rq.dates.baselineTo.isValid()
        && (rq.dates.baselineFrom != m.period.baselineFrom || rq.dates.baselineTo != m.period.baselineTo)) {
        m.period.baselineFrom = rq.dates.baselineFrom; // the technician's own baseline: no day left out
        m.period.baselineTo = rq.dates.baselineTo;
        m.period.baselineExcluded.clear();
    }
    for (const CollectedServer &s : rq.servers) {
        for (const CollectedFile &f : s.files)
            m.logs.append({s.profile.name, f.payloadPath, bagRoot + QStringLiteral("/data/") + f.payloadPath});
    }
    if (!rq.commentsFile.isEmpty()) {
        QFile comments(rq.commentsFile);
        if (comments.open(QIODevice::ReadOnly))
            m.comments = QString::fromUtf8(comments.readAll());
    } else {
        m.comments = rq.commentsText;
    }
    m.language = rq.language;

    store::Store st;
    QString openError;
    MemoriaInput input;
    if (!rq.storePath.isEmpty() && QFileInfo::exists(rq.storePath) && st.open(rq.storePath, &openError)) {
        for (const store::ServerRecord &s : st.servers()) {
            for (const Profile &p : rq.profiles) {
                if (s.identity.profileId == p.identityId())
                    m.serverIds.append(s.id);
            }
        }
        if (m.serverIds.isEmpty() && !rq.profiles.isEmpty())
            m.serverIds.append(-1); // none of these servers in the store: nothing of another's
        input = buildMemoriaInput(st, m);
    } else {
        // No store: the report holds the logs and the comparison; it says the rest is missing.
        input.organisation = m.organisation;
        input.difusorUrl = m.difusorUrl;
        input.staff = m.staff;
        input.period = m.period;
        input.comments = m.comments;
        input.language = m.language;
        input.generatedUtc = QDateTime::currentDateTimeUtc();
        readMemoriaLogs(m, input);
        input.drafts = memoriaDrafts(input);
        input.errors << Tr::tr("Sin base de datos de la consola: sin incidentes, cortes ni simulacros.");
        if (!openError.isEmpty())
            input.errors << openError; // the store is there but could not be read: say why
    }
    input.consoleVersion = QCoreApplication::applicationVersion();
    return input;
}

bool addMemoriaPdf(Bag &bag, const PayloadRequest &rq, QStringList *warnings, QString *error, QJsonObject *comparison)
{
    MemoriaInput input = memoriaInputFor(rq, bag.root());
    if (warnings) {
        for (const QString &e : std::as_const(input.errors))
            *warnings << Tr::tr("Memoria: %1").arg(e);
    }
    const QJsonObject table = memoriaComparisonJson(input);
    if (comparison)
        *comparison = table;
    if (!bag.addBytes(QStringLiteral("trafico/comparativo.csv"), memoriaComparisonCsv(input), error)
        || !bag.addBytes(QStringLiteral("trafico/comparativo.json"),
                         QJsonDocument(table).toJson(QJsonDocument::Indented), error))
        return false;
    // Written beside the bag (outside data/), then added: the bag hashes it as it copies.
    const QString pdf = bag.root() + QStringLiteral("/.difusor-memoria.pdf");
    const bool written = writeMemoriaPdf(input, pdf, error);
    const bool added = written && bag.addFile(QStringLiteral("memoria-tecnica.pdf"), pdf, error).has_value();
    QFile::remove(pdf);
    return added;
}

} // namespace difusor::exporting
