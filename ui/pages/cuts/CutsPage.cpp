#include "CutsPage.h"

#include <QtGlobal>

namespace difusor::ui {

void installCutsPage(const PageContext &context)
{
    Q_UNUSED(context) // placeholder until the page lands
}

} // namespace difusor::ui
