#include "TrafficPage.h"

#include <QtGlobal>

namespace difusor::ui {

void installTrafficPage(const PageContext &context)
{
    Q_UNUSED(context) // placeholder until the page lands
}

} // namespace difusor::ui
