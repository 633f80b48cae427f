#pragma once

#include "checks/Attestations.h"
#include "checks/RequirementProfile.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;

namespace difusor::ui {

// Records a person's statement for a check no command can prove (redundancy, DDoS/WAF/CDN): which
// check, who, what they state and whether it is met. The time is taken when it is saved (UTC).
class AttestationDialog final : public QDialog
{
    Q_OBJECT
public:
    AttestationDialog(const checks::RequirementProfile &profile, const checks::AttestationBook &book,
                      QWidget *parent = nullptr);

    const checks::Attestation &attestation() const { return m_attestation; } // valid after accept()

    QComboBox *checkBox() const { return m_check; }
    QLineEdit *byEdit() const { return m_by; }
    QPlainTextEdit *statementEdit() const { return m_statement; }
    QRadioButton *notMetButton() const { return m_notMet; }

    void accept() override;

private:
    void showExisting();

    checks::AttestationBook m_book;
    checks::Attestation m_attestation;
    QComboBox *m_check;
    QLineEdit *m_by;
    QPlainTextEdit *m_statement;
    QRadioButton *m_met;
    QRadioButton *m_notMet;
    QLabel *m_existing;
    QLabel *m_error;
};

} // namespace difusor::ui
