#pragma once

#include "store/Records.h"

#include <QJsonObject>
#include <QList>
#include <QWidget>

class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace difusor::ui {

// The selected incident of the "Incidentes" page: its fields (times in Central Mexico time with the
// zone; time to detect, acknowledge and resolve), its timeline (oldest first: when, who, what), its
// evidence as readable text, and its root cause and actions, editable. Saving those asks the page
// (saveRequested); the page calls saved() once the store committed, or failed() with the reason.
class IncidentDetail final : public QWidget
{
    Q_OBJECT
public:
    explicit IncidentDetail(QWidget *parent = nullptr);

    // nullptr-like: id 0 shows "no incident chosen".
    void setIncident(const store::IncidentRecord &incident);
    void clear();
    void setEvents(qint64 incidentId, const QList<store::IncidentEvent> &events);
    qint64 incidentId() const { return m_incident.id; }
    const store::IncidentRecord &incident() const { return m_incident; }

    void saved(store::IncidentAction action);
    void failed(store::IncidentAction action, const QString &message);

    QTabWidget *tabs() const { return m_tabs; }
    QTableWidget *timeline() const { return m_timeline; }
    QPlainTextEdit *evidence() const { return m_evidence; }
    QPlainTextEdit *rootCause() const { return m_rootCause; }
    QPlainTextEdit *actions() const { return m_actions; }
    QPushButton *saveRootCauseButton() const { return m_saveRootCause; }
    QPushButton *saveActionsButton() const { return m_saveActions; }
    QLabel *fieldLabel(const QString &name) const; // the value label of one field ("state", "ttd", …)

    enum TimelineColumn { WhenColumn, WhoColumn, WhatColumn, TextColumn, TimelineColumnCount };
    enum Tab { FieldsTab, TimelineTab, EvidenceTab, RootCauseTab };

Q_SIGNALS:
    void saveRequested(difusor::store::IncidentAction action, const QString &text);

private:
    QLabel *addField(QFormLayout *form, const QString &name, const QString &label);
    void setField(const QString &name, const QString &text);

    store::IncidentRecord m_incident;
    QLabel *m_header;
    QTabWidget *m_tabs;
    QHash<QString, QLabel *> m_fields;
    QTableWidget *m_timeline;
    QPlainTextEdit *m_evidence;
    QPlainTextEdit *m_rootCause;
    QPlainTextEdit *m_actions;
    QPushButton *m_saveRootCause;
    QPushButton *m_saveActions;
    QLabel *m_rootCauseStatus;
};

// An incident's evidence JSON as text for people: the last cut, each site's last answer, the check,
// the traffic window and its log lines; ISO UTC times shown in Central Mexico time with the zone.
QString evidenceText(const QJsonObject &evidence);

} // namespace difusor::ui
