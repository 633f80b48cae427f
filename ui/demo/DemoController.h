#pragma once

#include <QObject>
#include <QPointer>

class QProgressBar;

namespace difusor::sandbox {
class Sandbox;
}

namespace difusor::ui {

class MainWindow;

// `--demo`: starts the sandbox difusor without blocking, shows its progress in the status bar, then
// connects to its profile (host key already trusted by the sandbox) and fills the "Simulación" menu
// with its faults. stop() ends the sandbox when the console quits.
class DemoController final : public QObject
{
    Q_OBJECT
public:
    explicit DemoController(MainWindow *window);
    ~DemoController() override;

    void start();
    // Asynchronous; `stopped` fires when every sandbox process is gone (at once if none runs).
    void stop();
    bool running() const;
    sandbox::Sandbox *sandbox() const { return m_sandbox; }

Q_SIGNALS:
    void stopped();

private:
    void onReady();
    void onFailed(const QString &message);
    void buildFaultMenu();
    void endProgress();

    MainWindow *m_window;
    sandbox::Sandbox *m_sandbox;
    QPointer<QProgressBar> m_busy;
};

} // namespace difusor::ui
