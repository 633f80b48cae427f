#pragma once

#include <QColor>
#include <QPixmap>
#include <QString>

namespace difusor::ui {

// State icons of the "Incidentes" page, drawn in code. Each state has its own shape as well as its
// own colour (open: ring with "!", acknowledged: disc with three dots, resolved: disc with a check),
// so nothing rests on colour alone; the word goes next to it (incidents::stateText). The severity's
// icon and colour are the alerts' (notify/AlertSeverity: octagon, triangle, circle with "i").
QPixmap incidentStateIcon(const QString &state, int size = 16);
QColor incidentStateColor(const QString &state);

} // namespace difusor::ui
