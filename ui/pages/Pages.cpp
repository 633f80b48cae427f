#include "PageContext.h"

#include "cuts/CutsPage.h"
#ifdef DIFUSOR_HAVE_DRILLS
#include "drills/DrillsPage.h"
#endif
#include "export/ExportPage.h"
#include "incidents/IncidentsPage.h"
#include "infrastructure/InfrastructurePage.h"
#include "summary/SummaryPage.h"
#include "traffic/TrafficPage.h"

namespace difusor::ui {

void installPages(const PageContext &context)
{
    installSummaryPage(context);
    installInfrastructurePage(context);
    installCutsPage(context);
    installTrafficPage(context);
    installIncidentsPage(context);
#ifdef DIFUSOR_HAVE_DRILLS
    installDrillsPage(context);
#endif
    installExportPage(context);
}

} // namespace difusor::ui
