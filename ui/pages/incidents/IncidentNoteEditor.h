#pragma once

#include <QFrame>

class QLabel;
class QLineEdit;
class QPushButton;

namespace difusor::ui {

// The in-page editor for the text an action needs (the acknowledgement's note, a note, a silence's
// reason, a manual resolution's note): not a dialog, so nothing waits in a nested event loop and the
// list keeps refreshing while the technician writes. Enter saves, Escape cancels. An empty text is
// refused here with a message (nothing is sent); the page says when the store refused or failed.
class IncidentNoteEditor final : public QFrame
{
    Q_OBJECT
public:
    enum class Mode { Acknowledge, Note, Silence, Resolve };

    explicit IncidentNoteEditor(QWidget *parent = nullptr);

    // Shows the editor for incident `id` ("#12 «Corte retrasado»" in `what`), empty, with the focus.
    void begin(Mode mode, qint64 id, const QString &what);
    // While the store writes: the text stays, nothing can be sent twice.
    void setBusy(bool busy);
    // The store refused or failed: said in the editor, the text kept for another try.
    void showError(const QString &message);
    void finish(); // saved: hidden, emptied

    bool isActive() const { return m_id != 0; }
    Mode mode() const { return m_mode; }
    qint64 incidentId() const { return m_id; }
    QLineEdit *textEdit() const { return m_text; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *cancelButton() const { return m_cancel; }
    QLabel *messageLabel() const { return m_message; }

    static QString actionWord(Mode mode); // "Reconocer", "Guardar nota", …

Q_SIGNALS:
    void submitted(difusor::ui::IncidentNoteEditor::Mode mode, qint64 id, const QString &text);
    void cancelled();

private:
    void submit();

    Mode m_mode = Mode::Note;
    qint64 m_id = 0;
    QLabel *m_prompt;
    QLineEdit *m_text;
    QPushButton *m_save;
    QPushButton *m_cancel;
    QLabel *m_message;
};

} // namespace difusor::ui
