#include "DemoController.h"

#include "MainWindow.h"
#include "sandbox/Sandbox.h"
#include "widgets/Modal.h"

#include <QAction>
#include <QMenu>
#include <QProgressBar>
#include <QStatusBar>
#include <QTimer>

namespace difusor::ui {

using sandbox::Sandbox;
using sandbox::SandboxState;

DemoController::DemoController(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_sandbox(new Sandbox({}, this))
{
    connect(m_sandbox, &Sandbox::progress, this, [this](const QString &message) {
        m_window->statusBar()->showMessage(tr("Simulación: %1").arg(message));
    });
    connect(m_sandbox, &Sandbox::ready, this, &DemoController::onReady);
    connect(m_sandbox, &Sandbox::failed, this, &DemoController::onFailed);
    connect(m_sandbox, &Sandbox::stopped, this, &DemoController::stopped);
}

DemoController::~DemoController() = default;

void DemoController::start()
{
    const QString missing = Sandbox::missingProgramsMessage();
    if (!missing.isEmpty()) {
        onFailed(missing);
        return;
    }
    m_busy = new QProgressBar(m_window->statusBar());
    m_busy->setRange(0, 0); // busy: the sandbox does not know how long each step takes
    m_busy->setMaximumWidth(160);
    m_window->statusBar()->addWidget(m_busy);
    m_window->statusBar()->showMessage(tr("Simulación: arrancando el difusor de prueba…"));
    m_sandbox->start();
}

bool DemoController::running() const
{
    const SandboxState state = m_sandbox->state();
    return state == SandboxState::Starting || state == SandboxState::Ready || state == SandboxState::Stopping;
}

void DemoController::stop()
{
    if (!running()) {
        QTimer::singleShot(0, this, &DemoController::stopped);
        return;
    }
    if (m_sandbox->state() != SandboxState::Stopping)
        m_sandbox->stop();
}

void DemoController::endProgress()
{
    if (m_busy) {
        m_window->statusBar()->removeWidget(m_busy);
        m_busy->deleteLater();
    }
    m_window->statusBar()->clearMessage();
}

void DemoController::onReady()
{
    endProgress();
    buildFaultMenu();
    Profile profile = m_sandbox->profile();
    if (profile.name.isEmpty())
        profile.name = tr("Difusor de prueba");
    m_window->statusBar()->showMessage(tr("Simulación lista: difusor de prueba en %1:%2").arg(profile.host).arg(profile.port),
                                       8000);
    m_window->connectProfile(profile);
}

void DemoController::onFailed(const QString &message)
{
    endProgress();
    Modal::error(m_window, tr("Simulación"), tr("No se pudo arrancar el difusor de prueba:\n%1").arg(message));
}

void DemoController::buildFaultMenu()
{
    QMenu *menu = m_window->simulationMenu();
    menu->clear();
    for (const sandbox::FaultDescription &fault : Sandbox::faults()) {
        QAction *action = menu->addAction(fault.title);
        action->setToolTip(fault.description);
        action->setStatusTip(fault.description);
        action->setObjectName(QStringLiteral("fault_") + fault.id);
        const sandbox::FaultKind kind = fault.kind;
        const QString title = fault.title;
        connect(action, &QAction::triggered, this, [this, kind, title] {
            QString error;
            if (!m_sandbox->injectFault(kind, {}, &error)) {
                Modal::error(m_window, tr("Simulación"), error);
                return;
            }
            m_window->statusBar()->showMessage(tr("Falla inyectada: %1").arg(title), 8000);
        });
    }
    menu->setToolTipsVisible(true);
    menu->menuAction()->setVisible(true);
}

} // namespace difusor::ui
