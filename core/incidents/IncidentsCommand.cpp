#include "IncidentsCommand.h"

#include "IncidentJson.h"
#include "IncidentLog.h"
#include "common/CommandLine.h"
#include "common/MexicoTime.h"
#include "common/Profile.h"
#include "common/Tr.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTextStream>

namespace difusor::incidents {

namespace {

QString mexicoOrDash(const QDateTime &t)
{
    return t.isValid() ? formatMexicoTime(t) : QStringLiteral("—");
}

QString secondsText(const std::optional<double> &s)
{
    return s ? Tr::tr("%1 s").arg(*s, 0, 'f', 1) : QStringLiteral("—");
}

QString textReport(const QList<store::IncidentRecord> &list, const QHash<qint64, QList<store::IncidentEvent>> &events)
{
    QString out;
    QTextStream t(&out);
    if (list.isEmpty())
        t << Tr::tr("Sin incidentes.") << '\n';
    for (const store::IncidentRecord &i : list) {
        const QString affects = i.affectsPublication ? (*i.affectsPublication ? Tr::tr("afectó la publicación")
                                                                              : Tr::tr("no afectó la publicación"))
                                                     : Tr::tr("afectación sin determinar");
        t << QStringLiteral("#%1 [%2] %3 · %4 · %5 · %6\n")
                 .arg(i.id)
                 .arg(i.serverName, severityText(i.severity).toUpper(), stateText(i.state()), i.title, affects);
        t << QStringLiteral("    ") << Tr::tr("inicio %1, detectado %2, reconocido %3, resuelto %4")
                                           .arg(mexicoOrDash(i.openedUtc), mexicoOrDash(i.detectedUtc),
                                                mexicoOrDash(i.acknowledgedUtc), mexicoOrDash(i.closedUtc))
          << '\n';
        t << QStringLiteral("    ") << Tr::tr("detección %1, reconocimiento %2, resolución %3")
                                           .arg(secondsText(i.timeToDetectS()), secondsText(i.timeToAcknowledgeS()),
                                                secondsText(i.timeToResolveS()))
          << '\n';
        if (!i.detail.isEmpty())
            t << QStringLiteral("    ") << i.detail << '\n';
        for (const store::IncidentEvent &e : events.value(i.id)) {
            t << QStringLiteral("      %1  %2  %3%4\n")
                     .arg(formatMexicoTime(e.atUtc), eventTypeText(e.type), e.actor,
                          e.text.isEmpty() ? QString() : QStringLiteral(": ") + e.text);
        }
    }
    t << Tr::tr("Horas en tiempo del centro de México (UTC-6).") << '\n';
    return out;
}

} // namespace

int runIncidentsCommand(const QStringList &args)
{
    CommandLine line(QStringLiteral("incidents"),
                     {Tr::tr("[list] (--profile ARCHIVO | --store ARCHIVO) [opciones]"),
                      Tr::tr("ack|resolve|note|silence (--profile ARCHIVO | --store ARCHIVO) ID --note TEXTO [--by NOMBRE]")},
                     Tr::tr("Incidentes de la consola: la lista (JSON, CSV o texto) y el triaje (reconocer, resolver, "
                            "anotar, silenciar). La base: --store, si no DIFUSOR_STORE, si no la de la consola."));
    line.addOption({{QStringLiteral("profile")}, Tr::tr("Perfil de conexión: sus servidores."), Tr::tr("ARCHIVO")});
    line.addOption({{QStringLiteral("store")}, Tr::tr("Base de datos de la consola."), Tr::tr("ARCHIVO")});
    line.addOption({{QStringLiteral("state")}, Tr::tr("open, acknowledged, resolved, unresolved o all."), Tr::tr("ESTADO"),
                    QStringLiteral("all")});
    line.addOption({{QStringLiteral("since")}, Tr::tr("Desde (ISO 8601; sin zona: UTC)."), Tr::tr("FECHA")});
    line.addOption({{QStringLiteral("kind")}, Tr::tr("Solo este tipo (late_cut, lag, …)."), Tr::tr("TIPO")});
    line.addOption({{QStringLiteral("severity")}, Tr::tr("Solo esta gravedad (critical, major, minor)."), Tr::tr("GRAVEDAD")});
    line.addOption({{QStringLiteral("format")}, Tr::tr("json, csv o text."), Tr::tr("FORMATO"), QStringLiteral("text")});
    line.addOption({{QStringLiteral("note")}, Tr::tr("La nota (o el motivo, al silenciar)."), Tr::tr("TEXTO")});
    line.addOption({{QStringLiteral("by")}, Tr::tr("Quién (predeterminado: el usuario)."), Tr::tr("NOMBRE")});
    line.addArgument(Tr::tr("ACCIÓN"), Tr::tr("list (predeterminada), ack, resolve, note o silence"));
    line.addArgument(QStringLiteral("ID"), Tr::tr("El número del incidente, para ack, resolve, note y silence."));
    line.setExitCode(ExitOk, Tr::tr("la lista se imprimió, o la acción quedó escrita"));
    line.setExitCode(ExitFailed, Tr::tr("acción rechazada (p. ej. ya reconocido) o base no disponible"));
    line.setExitCode(ExitBadInput, Tr::tr("entrada no válida: una opción desconocida, un valor no válido, un perfil "
                                          "ilegible, un incidente que no existe, una acción sin --note"));
    line.setExitCode(ExitUnreachable, QString()); // it reads the store only
    if (const auto code = line.parse(args))
        return *code;
    QTextStream out(stdout);
    QTextStream err(stderr);
    auto usageError = [&line](const QString &message) { return line.badInput(message); };

    QStringList positional = line.positionalArguments();
    QString action = QStringLiteral("list");
    if (!positional.isEmpty() && QStringList{QStringLiteral("list"), QStringLiteral("ack"), QStringLiteral("resolve"),
                                             QStringLiteral("note"), QStringLiteral("silence")}
                                     .contains(positional.first()))
        action = positional.takeFirst();
    if (!line.isSet(QStringLiteral("profile")) && !line.isSet(QStringLiteral("store")) && qEnvironmentVariableIsEmpty("DIFUSOR_STORE"))
        return usageError(Tr::tr("Falta --profile o --store."));

    // Which servers: those the profile identifies (any host key), else every server in the store.
    std::optional<Profile> profile;
    if (line.isSet(QStringLiteral("profile"))) {
        QString error;
        profile = Profile::load(line.value(QStringLiteral("profile")), &error);
        if (!profile) {
            err << error << '\n' << Qt::flush;
            return 2;
        }
    }
    const QString storePath = line.isSet(QStringLiteral("store")) ? line.value(QStringLiteral("store")) : store::defaultStorePath();
    if (!QFileInfo::exists(storePath)) {
        err << Tr::tr("No existe la base de datos %1.").arg(storePath) << '\n' << Qt::flush;
        return 1;
    }
    store::Store store;
    QString openError;
    if (!store.open(storePath, &openError)) {
        err << openError << '\n' << Qt::flush;
        return 1;
    }
    QList<qint64> serverIds;
    if (profile) {
        for (const store::ServerRecord &s : store.servers()) {
            if (s.identity.profileId == profile->identityId())
                serverIds.append(s.id);
        }
        if (serverIds.isEmpty()) {
            err << Tr::tr("La base %1 no tiene registros del perfil «%2».").arg(storePath, profile->name) << '\n' << Qt::flush;
            if (action == QLatin1String("list") && line.value(QStringLiteral("format")) == QLatin1String("json"))
                out << QJsonDocument(QJsonObject{{QStringLiteral("incidents"), QJsonArray()}}).toJson(QJsonDocument::Compact)
                    << '\n' << Qt::flush;
            return action == QLatin1String("list") ? 0 : 1;
        }
    }

    if (action == QLatin1String("list")) {
        if (!positional.isEmpty())
            return usageError(Tr::tr("Argumento de más: %1").arg(positional.first()));
        store::IncidentFilter filter;
        const QString state = line.value(QStringLiteral("state"));
        if (!QStringList{QStringLiteral("open"), QStringLiteral("acknowledged"), QStringLiteral("resolved"),
                         QStringLiteral("unresolved"), QStringLiteral("all")}
                 .contains(state))
            return usageError(Tr::tr("Estado desconocido: %1 (open, acknowledged, resolved, unresolved o all).").arg(state));
        filter.state = state == QLatin1String("all") ? QString() : state;
        if (line.isSet(QStringLiteral("since"))) {
            QDateTime since = QDateTime::fromString(line.value(QStringLiteral("since")), Qt::ISODateWithMs);
            if (!since.isValid())
                return usageError(Tr::tr("Fecha no válida: %1 (ISO 8601, p. ej. 2024-06-02T18:00:00-06:00).").arg(line.value(QStringLiteral("since"))));
            if (since.timeSpec() == Qt::LocalTime)
                since.setTimeSpec(Qt::UTC);
            filter.sinceUtc = since.toUTC();
        }
        filter.kind = line.value(QStringLiteral("kind"));
        filter.severity = line.value(QStringLiteral("severity"));
        if (!filter.severity.isEmpty() && !QStringList{QStringLiteral("critical"), QStringLiteral("major"), QStringLiteral("minor")}.contains(filter.severity))
            return usageError(Tr::tr("Gravedad desconocida: %1 (critical, major o minor).").arg(filter.severity));
        filter.serverIds = serverIds;
        const QString format = line.value(QStringLiteral("format"));
        if (format != QLatin1String("json") && format != QLatin1String("csv") && format != QLatin1String("text"))
            return usageError(Tr::tr("Formato desconocido: %1 (json, csv o text).").arg(format));
        store.setServer(0);
        const QList<store::IncidentRecord> list = store.findIncidents(filter);
        if (!store.lastError().isEmpty() && list.isEmpty()) {
            err << store.lastError() << '\n' << Qt::flush;
            return 1;
        }
        QHash<qint64, QList<store::IncidentEvent>> events;
        for (const store::IncidentRecord &i : list)
            events.insert(i.id, store.incidentEvents(i.id));
        if (format == QLatin1String("csv")) {
            out.flush();
            QFile stdoutFile;
            stdoutFile.open(stdout, QIODevice::WriteOnly);
            stdoutFile.write(incidentsToCsv(list));
            stdoutFile.flush();
        } else if (format == QLatin1String("json")) {
            QJsonArray array;
            for (const store::IncidentRecord &i : list) {
                const QList<store::IncidentEvent> timeline = events.value(i.id);
                array.append(incidentToJson(i, &timeline));
            }
            out << QJsonDocument(QJsonObject{{QStringLiteral("incidents"), array},
                                             {QStringLiteral("summary"), incidentSummary(list)}})
                       .toJson(QJsonDocument::Compact)
                << '\n';
        } else {
            out << textReport(list, events);
        }
        out.flush();
        return 0;
    }

    // ack / resolve / note / silence ID --note TEXT
    if (positional.size() != 1)
        return usageError(Tr::tr("Falta el número del incidente (uno)."));
    bool numberOk = false;
    const qint64 id = positional.first().toLongLong(&numberOk);
    if (!numberOk || id <= 0)
        return usageError(Tr::tr("Número de incidente no válido: %1").arg(positional.first()));
    const QString note = line.value(QStringLiteral("note")).trimmed();
    if (note.isEmpty())
        return usageError(action == QLatin1String("silence")
                              ? Tr::tr("Silenciar necesita un motivo: --note \"por qué\".")
                              : Tr::tr("Hace falta una nota: --note \"qué se vio o qué se hizo\"."));
    store::IncidentFilter one;
    one.id = id;
    one.serverIds = serverIds;
    const QList<store::IncidentRecord> found = store.findIncidents(one);
    if (found.isEmpty()) {
        err << Tr::tr("No hay incidente %1 en %2.").arg(id).arg(storePath) << '\n' << Qt::flush;
        return 2;
    }
    const store::IncidentAction act = action == QLatin1String("ack")       ? store::IncidentAction::Acknowledge
                                    : action == QLatin1String("resolve")   ? store::IncidentAction::Resolve
                                    : action == QLatin1String("silence")   ? store::IncidentAction::Silence
                                                                           : store::IncidentAction::Note;
    store.setServer(found.first().serverId);
    const QString by = line.isSet(QStringLiteral("by")) ? line.value(QStringLiteral("by")) : defaultActor();
    const auto update = store.actOnIncident(id, act, by, note, QDateTime::currentDateTimeUtc());
    if (!update) {
        err << store.lastError() << '\n' << Qt::flush;
        return 1;
    }
    // Committed (synchronous=FULL) before this line is printed.
    err << Tr::tr("Incidente %1: %2 por %3.").arg(id).arg(eventTypeText(update->event.type), update->event.actor) << '\n';
    if (line.value(QStringLiteral("format")) == QLatin1String("json")) {
        const QList<store::IncidentEvent> timeline = store.incidentEvents(id);
        out << QJsonDocument(incidentToJson(update->incident, &timeline)).toJson(QJsonDocument::Compact) << '\n';
    }
    out.flush();
    err.flush();
    return 0;
}

} // namespace difusor::incidents
