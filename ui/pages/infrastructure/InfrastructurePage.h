#pragma once

#include "pages/PageContext.h"

#include "checks/Attestations.h"
#include "checks/CheckRunner.h"
#include "checks/RequirementProfile.h"
#include "common/Profile.h"
#include "store/Store.h"
#include "store/StoreThread.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTextBrowser;
class QTreeView;

namespace difusor::remote {
class RemoteHost;
}

namespace difusor::ui {

class CheckTreeModel;

// "Infraestructura": every requirement of the call checked on the connected server (CheckRunner, one
// round trip), grouped Hardware / Software / Red y seguridad, with the evidence of the selected check,
// when it last ran and what changed since the run before. Runs are stored (check_runs) before they
// are shown. Requirements can be loaded from another file or edited (a user copy of the JSON), and
// attestations recorded with who and when.
class InfrastructurePage final : public QWidget
{
    Q_OBJECT
public:
    // dataDir: where the user copy of the requirements and the attestations live; empty: <AppDataLocation>.
    explicit InfrastructurePage(const QString &dataDir = {}, QWidget *parent = nullptr);
    ~InfrastructurePage() override;

    // The connected server (nullptr: none). Shows its stored runs; autoRun: checks it once. `store`: the
    // server's part of the store; invalid: runs are compared in memory only.
    void setHost(remote::RemoteHost *host, const Profile &connection, bool autoRun,
                 const store::ServerStore &store = {});
    void runNow();
    bool isRunning() const { return m_runner != nullptr; }

    bool loadRequirementsFile(const QString &path, QString *error = nullptr);
    // Applies edited requirements, saves them as the user copy, re-judges the last facts.
    bool applyRequirements(const checks::RequirementProfile &requirements, QString *error = nullptr);
    bool recordAttestation(const checks::Attestation &attestation, QString *error = nullptr);
    const checks::RequirementProfile &requirements() const { return m_requirements; }
    const checks::AttestationBook &attestations() const { return m_attestations; }
    QString userRequirementsPath() const;

    CheckTreeModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    QTextBrowser *details() const { return m_details; }
    QPushButton *runButton() const { return m_runButton; }
    QLabel *lastRunLabel() const { return m_lastRun; }
    // The evidence pane's text for a check (what the details pane shows when it is selected).
    QString detailsHtml(const QString &checkId) const;

Q_SIGNALS:
    // A run's verdicts are on screen (after the store wrote them), or were judged again after an edit.
    // Not emitted for a run read back from the store.
    void runShown(const difusor::checks::CheckReport &report);

private:
    void onRunFinished(const checks::CheckReport &report);
    void showReport(const checks::CheckReport &report, const std::optional<QHash<QString, checks::Status>> &previous,
              const QString &note);
    void showStored(const QList<store::CheckRunRecord> &runs);
    void updateDetails();
    void updateHeader();
    void rejudge();
    void chooseRequirementsFile();
    void editRequirements();
    void editAttestations();
    QString attestationsPath() const;
    QString legacyAttestationsPath() const;
    QString hostKey() const;
    QString language() const;

    store::ServerStore m_store;
    QString m_dataDir;
    QPointer<remote::RemoteHost> m_host;
    Profile m_connection;
    checks::RequirementProfile m_requirements;
    QString m_requirementsPath; // empty: the built-in default
    checks::AttestationBook m_attestations;
    QPointer<checks::CheckRunner> m_runner;
    std::optional<checks::CheckReport> m_last;
    std::optional<QHash<QString, checks::Status>> m_previous;
    bool m_lastFromStore = false; // showing a stored run (no runShown)
    int m_generation = 0; // a stored run arriving after a newer one was shown is dropped

    CheckTreeModel *m_model;
    QTreeView *m_tree;
    QTextBrowser *m_details;
    QPushButton *m_runButton;
    QPushButton *m_loadButton;
    QPushButton *m_editButton;
    QPushButton *m_attestButton;
    QLabel *m_lastRun;
    QLabel *m_requirementsLabel;
    QLabel *m_summary;
};

// Puts the page into the window (MainWindow::setPage) and wires it to the connection: each new
// connected host is checked once. DIFUSOR_PAGE=infrastructure shows it at start (screenshots).
void installInfrastructurePage(const PageContext &context);

} // namespace difusor::ui
