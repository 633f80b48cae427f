#pragma once

#include <QColor>
#include <QPixmap>
#include <QString>

namespace difusor::ui {

// Severity and state icons of the "Incidentes" page, drawn in code. Each value has its own shape as
// well as its own colour (critical: octagon with "!", major: triangle with "!", minor: circle with
// "i"; open: ring with "!", acknowledged: disc with three dots, resolved: disc with a check), so
// nothing rests on colour alone; the word goes next to it (incidents::severityText / stateText).
QPixmap severityIcon(const QString &severity, int size = 16);
QColor severityColor(const QString &severity);
QPixmap incidentStateIcon(const QString &state, int size = 16);
QColor incidentStateColor(const QString &state);

} // namespace difusor::ui
