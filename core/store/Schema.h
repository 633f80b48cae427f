#pragma once

#include <QSqlDatabase>
#include <QString>

namespace difusor::store {

// Newest schema version this build knows.
int latestSchemaVersion();

// Brings the database to latestSchemaVersion(), one transaction per step. A database from a newer
// build is refused rather than written to.
bool migrate(QSqlDatabase &db, QString *error);

} // namespace difusor::store
