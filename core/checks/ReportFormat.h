#pragma once

#include "CheckRunner.h"

#include <QByteArray>
#include <QString>

namespace difusor::checks {

// `{"checks":[{"id","status","expected","actual","evidence",…}],"duration_ms",…}`, status in lower case.
QByteArray reportToJson(const CheckReport &report);
// JUnit XML for CI: FAIL → <failure>, UNKNOWN → <error>, SKIPPED → <skipped/>, WARN passes with a note.
QByteArray reportToJunit(const CheckReport &report);
// For people at a terminal, in the user's language.
QString reportToText(const CheckReport &report, const QString &requirementsName, bool withEvidence);

} // namespace difusor::checks
