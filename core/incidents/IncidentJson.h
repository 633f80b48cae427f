#pragma once

#include "store/Records.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace difusor::incidents {

// An incident as the `incidents` command, the export and `watch` give it. Times ISO 8601 UTC with
// milliseconds and `Z`, null when unknown; ttd_s / tta_s / ttr_s in seconds, null when not reached.
// `server` is the server's profile name. `events` only when given (the timeline, oldest first).
QJsonObject incidentToJson(const store::IncidentRecord &incident, const QList<store::IncidentEvent> *events = nullptr);

// The same as CSV (RFC 4180, UTF-8, a header line; times UTC ISO 8601; one line per incident;
// no timeline). Spreadsheet-safe: a cell starting with = + - @ gets a leading apostrophe.
QByteArray incidentsToCsv(const QList<store::IncidentRecord> &incidents);

// Mean time to detect / acknowledge / resolve, overall, per kind and per night (a night is the 24 h
// from 12:00 Central Mexico time, UTC-6, named by the date it starts: an election night's incidents
// after midnight belong to it). {"all": {...}, "by_kind": {kind: {...}}, "by_night": {"2024-06-02": {...}}},
// each {"count", "mean_ttd_s", "mean_tta_s", "mean_ttr_s", "affected_publication"}.
QJsonObject incidentSummary(const QList<store::IncidentRecord> &incidents);
QString nightOf(const QDateTime &utc);

} // namespace difusor::incidents
