#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace difusor::ui {

// A drill's report, from its journal (DrillRunner's, or the one the store kept): status, score, who,
// when, each expectation (incident kind, fault start, detection, time to detect, the technician's
// acknowledgement and its time, passed or not, why), false alarms, other incidents, rollbacks.
// "Guardar JSON" writes the journal as it is (0600, off the GUI thread) through a save dialog
// opened with open().
class DrillReport final : public QWidget
{
    Q_OBJECT
public:
    explicit DrillReport(QWidget *parent = nullptr);

    // An empty journal (a drill still running, or one the console did not finish): says so.
    void setJournal(const QJsonObject &journal, const QString &fallbackTitle = {});
    // A journal this panel does not lay out (an observe-only simulacro's report, until the page has that
    // mode): the headline and a note, "Guardar JSON" still saves it whole.
    void setOtherJournal(const QJsonObject &journal, const QString &headline, const QString &note);
    QJsonObject journal() const { return m_journal; }

    QLabel *headline() const { return m_headline; }
    QLabel *scoreLabel() const { return m_score; }
    QTableWidget *expectations() const { return m_expectations; }
    QTableWidget *incidents() const { return m_incidents; }
    QTableWidget *rollbacks() const { return m_rollbacks; }
    QPushButton *saveButton() const { return m_save; }

public Q_SLOTS:
    void save();                       // the dialog
    void saveTo(const QString &path); // the journal, indented, 0600, on a pool thread; saved() tells

Q_SIGNALS:
    void saved(const QString &path, bool ok, const QString &message);

private:
    QJsonObject m_journal;
    QLabel *m_headline;
    QLabel *m_score;
    QLabel *m_details;
    QLabel *m_result;
    QTableWidget *m_expectations;
    QTableWidget *m_incidents;
    QTableWidget *m_rollbacks;
    QPushButton *m_save;
};

} // namespace difusor::ui
