#include "InfrastructurePage.h"

#include <QtGlobal>

namespace difusor::ui {

void installInfrastructurePage(const PageContext &context)
{
    Q_UNUSED(context) // placeholder until the page lands
}

} // namespace difusor::ui
