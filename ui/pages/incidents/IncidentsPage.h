#pragma once

#include "IncidentNoteEditor.h"
#include "pages/PageContext.h"
#include "store/Records.h"

#include <QMap>
#include <QTimer>
#include <QWidget>

#include <functional>

class QAction;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QSplitter;
class QTableView;
class QToolButton;

namespace difusor::store {
class StoreThread;
}

namespace difusor::ui {

class IncidentDetail;
class IncidentsTableModel;

// "Incidentes": every server's incidents from the one incident log (read on the store's thread,
// never on this one), unresolved first by severity, then resolved; filters (state, severity, kind,
// server, period) kept across refreshes, and the selection too; the selected incident's detail
// (fields, timeline, evidence, root cause and actions). Acknowledge (A), note (N), silence (S),
// resolve (R), reopen, severity (G) and "afectó la publicación" (P) act on the selected incident;
// the texts they need are written in an in-page editor (no dialog, no nested event loop). Every
// change is shown only once the store committed it (IncidentLog's done), and a refusal or failure
// is said on the page. The list follows StoreThread::incidentChanged: whatever changed an incident
// (a rule, a technician here, the `incidents` command through another store) shows without reload.
class IncidentsPage final : public QWidget
{
    Q_OBJECT
public:
    enum class ExportFormat { Csv, Json };
    enum class Action { Acknowledge, Note, Silence, Resolve, Reopen, Severity, Affects, ExportCsv, ExportJson, Count };

    explicit IncidentsPage(store::StoreThread *store, QWidget *parent = nullptr);

    IncidentsTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    IncidentDetail *detail() const { return m_detail; }
    IncidentNoteEditor *noteEditor() const { return m_editor; }
    QLineEdit *actorEdit() const { return m_actor; }
    QComboBox *stateFilter() const { return m_state; }
    QComboBox *severityFilter() const { return m_severity; }
    QComboBox *kindFilter() const { return m_kind; }
    QComboBox *serverFilter() const { return m_server; }
    QComboBox *periodFilter() const { return m_period; }
    QDateTimeEdit *sinceEdit() const { return m_since; }
    QDateTimeEdit *untilEdit() const { return m_until; }
    QComboBox *severityChoice() const { return m_setSeverity; }
    QComboBox *affectsChoice() const { return m_setAffects; }
    QLabel *banner() const { return m_banner; }
    QLabel *countLabel() const { return m_count; }
    QAction *action(Action action) const { return m_actions.value(action); }

    qint64 selectedId() const { return m_selectedId; }
    // The technician's name for the timeline (the "Técnico" field; saved in the settings).
    QString actor() const;
    // What the filters ask for now (period bounds in UTC, computed at the time of the call).
    store::IncidentFilter filter() const;
    // The "esta noche" bound: the last 12:00 Central Mexico time (UTC-6) at or before nowUtc, as
    // incidents::nightOf counts nights.
    static QDateTime nightStartUtc(const QDateTime &nowUtc);

public Q_SLOTS:
    // Selects incident `id` (clearing the filters when they hide it) and shows its detail. For the
    // desktop notification's "Ver". The page is not brought forward here (that is the window's).
    void showIncident(qint64 id);
    // showIncident(id), then the acknowledgement editor for it (the notification's "Reconocer").
    void acknowledgeIncident(qint64 id);
    // Reads the list again (coalesced: many changes in a burst make one read).
    void reload();
    // Opens a save dialog (open(), not exec()) and writes the list as shown there.
    void exportList(difusor::ui::IncidentsPage::ExportFormat format);
    // Writes the list as shown (filters applied, in the page's order) to `path`, 0600, off the GUI
    // thread; exported() tells the result. JSON: {"incidents": [... with "events"], "summary", "exported_at"}.
    void exportTo(const QString &path, difusor::ui::IncidentsPage::ExportFormat format);

Q_SIGNALS:
    void loaded(int shown); // a refresh of the list was applied
    void actionFinished(qint64 id, difusor::store::IncidentAction action, bool ok, const QString &message);
    void exported(const QString &path, bool ok, const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Loaded
    {
        bool open = false;
        QString error;
        QList<store::IncidentRecord> incidents;
        QList<store::ServerRecord> servers;
    };

    void buildFilters(QWidget *bar);
    void buildActions(QWidget *bar);
    void filtersChanged();
    void load();
    void apply(const Loaded &loaded, quint64 generation);
    void fillServers(const QList<store::ServerRecord> &servers);
    // Runs `change` on the model and selects again the incident that was selected.
    void keepSelection(const std::function<void()> &change);
    void select(qint64 id);
    void onCurrentChanged();
    void loadEvents(qint64 id);
    void updateActions();
    void syncChoices();
    void beginEditor(IncidentNoteEditor::Mode mode, qint64 id);
    void onNoteSubmitted(IncidentNoteEditor::Mode mode, qint64 id, const QString &text);
    void onChoice(store::IncidentAction action, QComboBox *combo);
    // The one way a technician changes an incident: the incident's server's IncidentLog::act; after(ok,
    // message) once the store answered. On success the list and the detail show the committed record.
    void act(qint64 id, store::IncidentAction action, const QString &text,
             const std::function<void(bool ok, const QString &message)> &after);
    void withServer(qint64 id, const std::function<void(qint64 serverId)> &then);
    void writeExport(const QString &path, const QByteArray &bytes, int rows);
    void showMessage(const QString &text, bool error);
    QString describe(qint64 id) const; // "#12 «Corte retrasado» (difusor-1)"

    store::StoreThread *m_store;
    IncidentsTableModel *m_model;
    QTableView *m_table;
    IncidentDetail *m_detail;
    IncidentNoteEditor *m_editor;
    QLineEdit *m_actor = nullptr;
    QComboBox *m_state = nullptr;
    QComboBox *m_severity = nullptr;
    QComboBox *m_kind = nullptr;
    QComboBox *m_server = nullptr;
    QComboBox *m_period = nullptr;
    QDateTimeEdit *m_since = nullptr;
    QDateTimeEdit *m_until = nullptr;
    QComboBox *m_setSeverity = nullptr;
    QComboBox *m_setAffects = nullptr;
    QLabel *m_banner;
    QLabel *m_count;
    QSplitter *m_splitter = nullptr;
    QMap<Action, QAction *> m_actions;

    QTimer m_reloadTimer;
    QTimer m_tick;
    QTimer m_bannerTimer;
    quint64 m_generation = 0;       // bumped when the filters change: older answers are dropped
    quint64 m_pendingGeneration = 0;
    qint64 m_selectedId = 0;
    qint64 m_pendingShow = 0;       // showIncident() waiting for the list that holds it
    bool m_restoring = false;
    bool m_sized = false; // the splitter's first sizes, once shown
};

void installIncidentsPage(const PageContext &context);

} // namespace difusor::ui
