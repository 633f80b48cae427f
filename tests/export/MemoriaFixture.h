#pragma once

// Data for the memoria técnica's tests and its sample report (memoria_render --sample): access logs
// dated 2024 as a server leaves them after logrotate (rotated .gz files, one plain rotated file, the
// current file; the server's clock in UTC, so days cut at UTC-6 straddle files), and a store with
// one server's incidents, cuts, an infrastructure check and a drill.

#include "export/Memoria.h"
#include "store/Store.h"

#include <QDate>
#include <QList>
#include <QString>

namespace difusor::test {

struct MemoriaLogPlan
{
    QDate firstDay{2024, 5, 17};             // Central Mexico days with lines, first to last
    QDate lastDay{2024, 6, 10};
    QList<QDate> zeroDays{QDate(2024, 5, 22), QDate(2024, 5, 29)}; // no line at all
    QDate skipBefore;                         // write nothing before this day (a server without a baseline)
    std::uint64_t seed = 2024;
    QString server = QStringLiteral("norte"); // the files' server (their bag names: "<server>/access.log…")
};

// Writes access.log.4.gz … access.log (oldest first in the returned list, the order to read them) into
// dir. Deterministic for a plan.
QList<exporting::MemoriaLogSource> writeMemoriaLogs(const QString &dir, const MemoriaLogPlan &plan = {});

// Registers server "norte" and records 2024's election week in it: cuts every 15 min from
// 02/06 20:00 with their lag (one over the minute), incidents (two that affected publication, with
// timelines, cause and actions; one that did not; one drill), a check run the day before. Its id.
qint64 fillMemoriaStore(store::Store &store);

// The request the tests and the sample use for those logs and that store.
exporting::MemoriaRequest memoriaRequest(const QList<exporting::MemoriaLogSource> &logs);

} // namespace difusor::test
