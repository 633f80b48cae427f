// installIncidentsPage: the "Incidentes" page over the console's one store, answering the window's alerts.

#include "IncidentsPage.h"

#include "MainWindow.h"

#include <QTimer>

namespace difusor::ui {

void installIncidentsPage(const PageContext &context)
{
    if (!context.window)
        return;
    auto *page = new IncidentsPage(context.store);
    context.window->setPage(MainWindow::Page::Incidents, page);
    // "Ver" / "Reconocer" on an alert (banner or desktop notification): the window shows this page,
    // the page selects the incident (and opens the acknowledgement editor for it).
    QObject::connect(context.window, &MainWindow::incidentViewRequested, page, &IncidentsPage::showIncident);
    QObject::connect(context.window, &MainWindow::incidentAcknowledgeRequested, page, &IncidentsPage::acknowledgeIncident);
    // For screenshots and rehearsals: open on this page.
    if (qEnvironmentVariable("DIFUSOR_PAGE") == QLatin1String("incidents"))
        QTimer::singleShot(0, context.window, [window = context.window] { window->showPage(MainWindow::Page::Incidents); });
}

} // namespace difusor::ui
