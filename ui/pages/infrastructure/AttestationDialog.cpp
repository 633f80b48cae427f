#include "AttestationDialog.h"

#include "common/MexicoTime.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QVBoxLayout>

namespace difusor::ui {

AttestationDialog::AttestationDialog(const checks::RequirementProfile &profile, const checks::AttestationBook &book,
                                     QWidget *parent)
    : QDialog(parent), m_book(book), m_check(new QComboBox(this)), m_by(new QLineEdit(this)),
      m_statement(new QPlainTextEdit(this)), m_met(new QRadioButton(tr("Se cumple"), this)),
      m_notMet(new QRadioButton(tr("No se cumple"), this)), m_existing(new QLabel(this)), m_error(new QLabel(this))
{
    setWindowTitle(tr("Registrar atestación"));
    setObjectName(QStringLiteral("attestationDialog"));
    // The checks a person attests first (manual), then the rest (e.g. a perimeter firewall).
    for (bool manual : {true, false}) {
        for (const checks::CheckSpec &spec : profile.checks()) {
            if (spec.manual == manual)
                m_check->addItem(spec.title(QStringLiteral("es")) + QStringLiteral(" (") + spec.id + QLatin1Char(')'), spec.id);
        }
    }
    m_check->setObjectName(QStringLiteral("attestationCheck"));
    m_by->setObjectName(QStringLiteral("attestationBy"));
    m_by->setPlaceholderText(tr("Nombre y cargo"));
    m_statement->setObjectName(QStringLiteral("attestationStatement"));
    m_statement->setPlaceholderText(tr("Qué se declara y con qué respaldo (contrato, factura, fotografía…)"));
    m_met->setChecked(true);
    m_existing->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c01c28"));
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("Verificación:"), m_check);
    form->addRow(tr("Quién declara:"), m_by);
    form->addRow(tr("Declaración:"), m_statement);
    auto *answer = new QHBoxLayout;
    answer->addWidget(m_met);
    answer->addWidget(m_notMet);
    answer->addStretch();
    form->addRow(tr("Resultado:"), answer);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_existing);
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &AttestationDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &AttestationDialog::reject);
    layout->addWidget(buttons);
    connect(m_check, &QComboBox::currentIndexChanged, this, &AttestationDialog::showExisting);
    showExisting();
    resize(560, 360);
}

void AttestationDialog::showExisting()
{
    const auto a = m_book.forCheck(m_check->currentData().toString());
    m_existing->setText(a ? tr("Atestación vigente: %1, %2 (%3). Guardar la reemplaza.")
                                .arg(a->by, formatMexicoTime(a->atUtc), a->affirmed ? tr("se cumple") : tr("no se cumple"))
                          : tr("Sin atestación registrada para esta verificación."));
}

void AttestationDialog::accept()
{
    checks::Attestation a;
    a.checkId = m_check->currentData().toString();
    a.by = m_by->text().trimmed();
    a.statement = m_statement->toPlainText().trimmed();
    a.affirmed = !m_notMet->isChecked();
    a.atUtc = QDateTime::currentDateTimeUtc();
    if (a.checkId.isEmpty() || a.by.isEmpty()) {
        m_error->setText(tr("Indique quién hace la declaración."));
        m_error->show();
        return;
    }
    m_attestation = a;
    QDialog::accept();
}

} // namespace difusor::ui
