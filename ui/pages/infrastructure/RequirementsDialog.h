#pragma once

#include "checks/RequirementProfile.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QTableWidget;

namespace difusor::ui {

// Edits a requirement profile's numeric thresholds (one row per check and threshold) and its list of
// trusted IPs (one address or CIDR network per line). accept() refuses invalid values and says why.
class RequirementsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit RequirementsDialog(const checks::RequirementProfile &profile, QWidget *parent = nullptr);

    // The profile with the edits applied (valid after accept()).
    const checks::RequirementProfile &edited() const { return m_edited; }

    QTableWidget *table() const { return m_table; }
    QPlainTextEdit *trustedIps() const { return m_ips; }
    QLabel *errorLabel() const { return m_error; }

    void accept() override;

private:
    checks::RequirementProfile m_original;
    checks::RequirementProfile m_edited;
    QTableWidget *m_table;
    QPlainTextEdit *m_ips;
    QLabel *m_error;
};

} // namespace difusor::ui
