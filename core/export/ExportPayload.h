#pragma once

#include "BagFormat.h"
#include "LogCollector.h"
#include "common/Profile.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace difusor::exporting {

class Bag;
struct MemoriaInput;

// What the memoria técnica holds besides the logs, from the console's store (core/store) and the
// technician: written into an open bag. Blocking (SQLite, files): a worker thread or a headless command.
struct PayloadRequest
{
    QList<difusor::Profile> profiles;
    QList<CollectedServer> servers; // the collection's result (the same order as profiles)
    ExportDates dates;
    QString storePath;    // the console's SQLite store; missing: the store's files are written empty, with a warning
    QString commentsFile; // the technician's comments and suggestions (UTF-8 text); empty: none
    QString commentsText; // or the comments as typed (the Exportar page), when commentsFile is empty
    QString language = QStringLiteral("es"); // the report's numbers and dates: "es" or "en"
};

struct PayloadResult
{
    QJsonObject summary;  // {"incidents": n, "incidents_affecting_publication": n, "cuts": n, "drills": n, "files": [...]}
    QStringList warnings; // translated: what is missing and why
    QString error;        // translated; empty when every file was written
};

// data/incidentes/incidentes.csv and .json (incidents of the servers that overlap the period, with
// their timelines and the summary), data/cortes/cortes.csv (the period's cuts with their publication
// lag), data/simulacros/simulacros.json (the servers' drills, every one: they precede the election),
// data/difusor.json (the organisation and the technical staff), data/comentarios.txt.
PayloadResult addPayload(Bag &bag, const PayloadRequest &request);

// bag-info.txt's fields: Source-Organization, Contact-Name/Phone/Email (the first of the technical
// staff), External-Description, and ours: Difusor-URL, Period, Baseline-Period, Time-Zone,
// Console-Version, Technical-Staff (one per person). Bag::finish() adds the rest.
TagFields bagInfo(const QList<difusor::Profile> &profiles, const ExportDates &dates, const QString &consoleVersion);

// The memoria técnica's report (core/export/Memoria.h) from the collected originals (each server's
// oldest first) and the store: data/memoria-tecnica.pdf, and section 3 as data,
// data/trafico/comparativo.csv and .json. Needs a QGuiApplication (headless: offscreen). Problems the
// report itself states (an unreadable store, a baseline without logs) go to *warnings; false with
// *error when the PDF could not be written.
// The report's input for `request`: the profiles' servers in the store (every server of the store when
// there is no profile), the comments, and the collected files of request.servers read from
// bagRoot/data/ (none when request.servers is empty: the Exportar page's preview, which reads no
// logs). Blocking (SQLite, files): a worker thread. An unreadable store lands in MemoriaInput::errors.
MemoriaInput memoriaInputFor(const PayloadRequest &request, const QString &bagRoot);

bool addMemoriaPdf(Bag &bag, const PayloadRequest &request, QStringList *warnings, QString *error,
                   QJsonObject *comparison = nullptr); // memoriaComparisonJson(), for the summary

} // namespace difusor::exporting
