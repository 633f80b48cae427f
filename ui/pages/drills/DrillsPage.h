#pragma once

#include "common/Profile.h"
#include "drills/Scenario.h"
#include "drills/SimulacroReport.h"
#include "pages/PageContext.h"
#include "store/Records.h"

#include <QList>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <optional>

class QButtonGroup;
class QComboBox;
class QDateTimeEdit;
class QFrame;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QSplitter;
class QStackedWidget;
class QTableWidget;

namespace difusor::drills {
class DrillRunner;
class Simulacro;
}
namespace difusor::store {
class StoreThread;
}

namespace difusor::ui {

class DrillProgress;
class DrillReport;
class ObserveProgress;
class ObserveReport;

// "Simulacros": the two kinds of drill of issue 12, chosen at the top of the page.
//
// "Ensayo con fallas": fault rehearsals on the sandbox, run from the console itself (DrillRunner in this
// process, asynchronous: the window keeps working, the "Incidentes" page's "Reconocer" is the
// technician's acknowledgement the report times).
//  - Scenarios: the built-ins (one per sandbox fault, noche_electoral) and files loaded with "Cargar
//    escenario…" (validated as `drill run` does; every problem listed on the page with where and why).
//  - A server: the profiles of the servers watched and the saved ones.
//  - "Iniciar simulacro" asks on the page (no dialog): the scenario, the server, the faults it will
//    inject, how long it should take. A fault scenario on a profile that is not a sandbox's is refused
//    there, with the runner's own words, and nothing runs.
//  - While it runs: DrillProgress (step, expected vs seen, time, "Detener").
//  - Then, and for any past drill of the store (every server): DrillReport.
//
// "Simulacro oficial (solo observa)": Simulacro (as `drill observe`) on any server, never injecting.
//  - A name, the window in UTC-6 (the next official date, 18:00–24:00, or "ahora, durante N min" to
//    rehearse it, or any from/to), the server and the technician.
//  - "Verificación previa": Simulacro::preflight(), its six items shown live in ObserveProgress; the
//    connection stays open (state Ready) for the start.
//  - "Iniciar simulacro oficial" asks on the page, saying plainly when the pre-flight failed; then
//    ObserveProgress (window, time left, live figures, "Detener"), then ObserveReport. Past simulacros
//    (target "observe") are in the same history and open in ObserveReport.
// One drill at a time, whichever its kind.
class DrillsPage final : public QWidget
{
    Q_OBJECT
public:
    // The profiles the page offers to run on (see setProfileSource).
    using ProfileSource = std::function<QList<Profile>()>;

    explicit DrillsPage(store::StoreThread *store, QWidget *parent = nullptr);
    ~DrillsPage() override;

    // Where the "Servidor" choice comes from; read again by refreshServers() (and when shown).
    void setProfileSource(ProfileSource source);

    QTableWidget *scenarioTable() const { return m_scenarios; }
    QPushButton *loadButton() const { return m_load; }
    QListWidget *problems() const { return m_problems; }
    QComboBox *serverChoice() const { return m_server; }
    QLineEdit *operatorEdit() const { return m_operator; }
    QPushButton *startButton() const { return m_start; }
    QFrame *confirmation() const { return m_confirm; }
    QLabel *confirmationText() const { return m_confirmText; }
    QPushButton *confirmButton() const { return m_confirmStart; }
    QPushButton *cancelButton() const { return m_confirmCancel; }
    QTableWidget *historyTable() const { return m_history; }
    DrillProgress *progressPanel() const { return m_progress; }
    DrillReport *reportPanel() const { return m_report; }
    ObserveProgress *observeProgressPanel() const { return m_observeProgress; }
    ObserveReport *observeReportPanel() const { return m_observeReport; }
    QLabel *banner() const { return m_banner; }
    drills::DrillRunner *runner() const;
    drills::Simulacro *simulacro() const;
    bool isRunning() const;

    // The kind of drill the page prepares.
    enum class Mode { Faults, Observe };
    Mode mode() const;
    void setMode(Mode mode);
    QRadioButton *faultsModeButton() const { return m_modeFaults; }
    QRadioButton *observeModeButton() const { return m_modeObserve; }
    // The observe-only simulacro's fields and buttons.
    QLineEdit *observeNameEdit() const { return m_observeName; }
    QComboBox *observeWindowChoice() const { return m_windowChoice; }
    QSpinBox *observeMinutes() const { return m_minutes; }
    QDateTimeEdit *observeFromEdit() const { return m_from; }
    QDateTimeEdit *observeToEdit() const { return m_to; }
    QPushButton *preflightButton() const { return m_preflightButton; }
    QPushButton *observeStartButton() const { return m_observeStart; }
    // The window the fields say, in UTC (for "ahora, durante…": from now).
    drills::ObserveWindow observeWindow() const;
    QList<store::DrillRecord> pastDrills() const { return m_past; }

    // Selects a scenario by name (a built-in's, or a loaded file's base name); false if not listed.
    bool selectScenario(const QString &name);
    // Selects a server by profile name; false if not offered.
    bool selectServer(const QString &profileName);

public Q_SLOTS:
    void refreshServers();
    void reloadHistory();
    // "Cargar escenario…": a file dialog opened with open(); the file is read and validated off this thread.
    void loadScenario();
    void loadScenarioFrom(const QString &path);
    // "Iniciar simulacro": the refusal, or the confirmation on the page.
    void requestStart();
    // The confirmation's "Iniciar": the runner (or the simulacro) starts.
    void startConfirmed();
    // "Verificación previa": a new Simulacro on the chosen server runs its pre-flight.
    void runPreflight();
    // "Iniciar simulacro oficial": the confirmation on the page (after the pre-flight).
    void requestObserveStart();

Q_SIGNALS:
    void scenarioLoaded(const QString &path, bool ok);
    void historyLoaded(int rows);
    void refused(const QString &message);
    void drillStarted();
    // Either kind: the journal (fault rehearsal) or the report (observe-only simulacro).
    void drillFinished(const QJsonObject &journal, int exitCode);
    void preflightFinished(bool allPassed);

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct ScenarioEntry
    {
        QString name;
        QString path;                      // empty: built-in
        std::optional<drills::Scenario> scenario; // files: as loaded (built-ins are made per profile)
    };

    QWidget *buildScenarios();
    QWidget *buildStart();
    QWidget *buildHistory();
    void fillScenarioRow(int row, const ScenarioEntry &entry);
    void onLoaded(const QString &path, const std::optional<drills::Scenario> &scenario, const QStringList &errors);
    // The selected scenario for `profile` (a built-in made for its cut interval); nullopt and *error.
    std::optional<drills::Scenario> chosenScenario(const Profile &profile, QString *error) const;
    std::optional<Profile> chosenProfile() const;
    QString chosenRef() const;
    void onFinished(const QJsonObject &journal, int exitCode);
    void showHistoryReport();
    void updateStart();
    void showScenarioDetails();
    void closeConfirmation(); // back to what the right side showed before the question
    void showMessage(const QString &text, bool error);
    QWidget *buildObserve();
    void applyWindowChoice();
    void suggestName();
    void discardSimulacro(); // a pre-flight no longer wanted: closed, nothing recorded
    void startObserveConfirmed();
    void onObserveFinished(const QJsonObject &report, int exitCode);
    void onPreflightFinished(const QList<drills::PreflightItem> &items, bool allPassed);
    void updateObserve();

    store::StoreThread *m_store;
    ProfileSource m_profileSource;
    QList<Profile> m_profiles; // as offered in m_server
    QList<ScenarioEntry> m_entries;
    QList<store::DrillRecord> m_past;

    QTableWidget *m_scenarios = nullptr;
    QPushButton *m_load = nullptr;
    QListWidget *m_problems = nullptr;
    QLabel *m_problemsTitle = nullptr;
    QLabel *m_scenarioDetails = nullptr;
    QSplitter *m_splitter = nullptr;
    bool m_sized = false;
    QComboBox *m_server = nullptr;
    QLineEdit *m_operator = nullptr;
    QPushButton *m_start = nullptr;
    QFrame *m_confirm = nullptr;
    QLabel *m_confirmText = nullptr;
    QPushButton *m_confirmStart = nullptr;
    QPushButton *m_confirmCancel = nullptr;
    QPushButton *m_showRunning = nullptr;
    QTableWidget *m_history = nullptr;
    QStackedWidget *m_right = nullptr;
    QPointer<QWidget> m_beforeConfirm;
    QLabel *m_idle = nullptr;
    DrillProgress *m_progress = nullptr;
    DrillReport *m_report = nullptr;
    QLabel *m_banner = nullptr;
    QTimer m_bannerTimer;

    QPointer<drills::DrillRunner> m_runner;

    // The observe-only mode.
    QRadioButton *m_modeFaults = nullptr;
    QRadioButton *m_modeObserve = nullptr;
    QButtonGroup *m_modes = nullptr;
    QStackedWidget *m_leftModes = nullptr;
    QWidget *m_scenariosBox = nullptr;
    QWidget *m_observeBox = nullptr;
    QLineEdit *m_observeName = nullptr;
    bool m_nameEdited = false;
    QComboBox *m_windowChoice = nullptr;
    QSpinBox *m_minutes = nullptr;
    QDateTimeEdit *m_from = nullptr;
    QDateTimeEdit *m_to = nullptr;
    QLabel *m_windowNote = nullptr;
    QPushButton *m_preflightButton = nullptr;
    QPushButton *m_observeStart = nullptr;
    ObserveProgress *m_observeProgress = nullptr;
    ObserveReport *m_observeReport = nullptr;
    QPointer<drills::Simulacro> m_simulacro;
    QString m_simulacroServer;  // the profile it was made for
    int m_preflightFailed = -1; // items failed at the last pre-flight; -1: none finished
    int m_preflightUnknown = 0;
    QStringList m_preflightFailedTitles;
    bool m_confirmObserve = false;
    QString m_faultsHint; // which kind the confirmation is asking about
    quint64 m_historyGeneration = 0;
};

void installDrillsPage(const PageContext &context);

} // namespace difusor::ui
