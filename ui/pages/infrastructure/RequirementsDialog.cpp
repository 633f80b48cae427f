#include "RequirementsDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QVBoxLayout>

namespace difusor::ui {

namespace {
constexpr int KeyRole = Qt::UserRole + 1;
}

RequirementsDialog::RequirementsDialog(const checks::RequirementProfile &profile, QWidget *parent)
    : QDialog(parent), m_original(profile), m_edited(profile), m_table(new QTableWidget(this)),
      m_ips(new QPlainTextEdit(this)), m_error(new QLabel(this))
{
    setWindowTitle(tr("Umbrales e IP de confianza"));
    setObjectName(QStringLiteral("requirementsDialog"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Requisitos: %1. Los cambios se guardan como una copia propia del perfil.")
                                     .arg(profile.name(QStringLiteral("es"))), this));

    m_table->setObjectName(QStringLiteral("thresholdTable"));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Verificación"), tr("Umbral"), tr("Valor")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (const checks::CheckSpec &spec : profile.checks()) {
        for (auto it = spec.thresholds.begin(); it != spec.thresholds.end(); ++it) {
            if (!it.value().isDouble())
                continue; // lists and texts (ports, OS names) stay as the file says
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            auto *title = new QTableWidgetItem(spec.title(QStringLiteral("es")));
            title->setData(KeyRole, spec.id);
            title->setToolTip(spec.id);
            title->setFlags(Qt::ItemIsEnabled);
            auto *key = new QTableWidgetItem(it.key());
            key->setFlags(Qt::ItemIsEnabled);
            auto *value = new QTableWidgetItem(QString::number(it.value().toDouble()));
            m_table->setItem(row, 0, title);
            m_table->setItem(row, 1, key);
            m_table->setItem(row, 2, value);
        }
    }
    layout->addWidget(m_table, 1);

    layout->addWidget(new QLabel(tr("IP de confianza (una dirección o red CIDR por línea; p. ej. las del IEPC):"), this));
    m_ips->setObjectName(QStringLiteral("trustedIpsEdit"));
    m_ips->setPlainText(profile.trustedIps().join(QLatin1Char('\n')));
    m_ips->setMaximumHeight(110);
    layout->addWidget(m_ips);

    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setStyleSheet(QStringLiteral("color: #c01c28"));
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &RequirementsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &RequirementsDialog::reject);
    layout->addWidget(buttons);
    resize(640, 560);
}

void RequirementsDialog::accept()
{
    checks::RequirementProfile edited = m_original;
    QStringList problems;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString id = m_table->item(row, 0)->data(KeyRole).toString();
        const QString key = m_table->item(row, 1)->text();
        const QString text = m_table->item(row, 2)->text().trimmed();
        bool ok = false;
        const double value = QLocale::c().toDouble(QString(text).replace(QLatin1Char(','), QLatin1Char('.')), &ok);
        if (!ok || value < 0)
            problems.append(tr("%1 / %2: «%3» no es un número válido.").arg(id, key, text));
        else
            edited.setThreshold(id, key, value);
    }
    QStringList ips;
    const QStringList lines = m_ips->toPlainText().split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (!line.trimmed().isEmpty())
            ips.append(line.trimmed());
    }
    QString ipError;
    if (!edited.setTrustedIps(ips, &ipError))
        problems.append(ipError);
    if (!problems.isEmpty()) {
        m_error->setText(problems.join(QLatin1Char('\n')));
        m_error->show();
        return;
    }
    m_edited = edited;
    QDialog::accept();
}

} // namespace difusor::ui
