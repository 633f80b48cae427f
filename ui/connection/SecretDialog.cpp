#include "SecretDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace difusor::ui {

using remote::SecretRequest;

SecretDialog::SecretDialog(const SecretRequest &request, const QString &server, bool keychainAvailable,
                           QWidget *parent)
    : QDialog(parent)
    , m_edit(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("Recordar en el llavero del sistema"), this))
{
    setObjectName(QStringLiteral("secretDialog"));
    QString title;
    switch (request.kind) {
    case SecretRequest::Kind::KeyPassphrase: title = tr("Frase de paso de la llave"); break;
    case SecretRequest::Kind::Password: title = tr("Contraseña"); break;
    case SecretRequest::Kind::KeyboardInteractive: title = tr("El servidor pregunta"); break;
    }
    setWindowTitle(title);
    auto *serverLabel = new QLabel(tr("Servidor: %1").arg(server), this);
    auto *prompt = new QLabel(request.prompt.isEmpty() ? title : request.prompt.left(500), this);
    prompt->setObjectName(QStringLiteral("prompt"));
    prompt->setWordWrap(true);
    prompt->setTextFormat(Qt::PlainText); // the server writes keyboard-interactive prompts
    m_edit->setObjectName(QStringLiteral("secret"));
    m_edit->setEchoMode(request.echo ? QLineEdit::Normal : QLineEdit::Password);
    m_remember->setObjectName(QStringLiteral("remember"));
    // One-time answers (keyboard-interactive) are not worth remembering.
    const bool canRemember = keychainAvailable && request.kind != SecretRequest::Kind::KeyboardInteractive;
    m_remember->setVisible(canRemember);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Continuar"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancelar"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(serverLabel);
    layout->addWidget(prompt);
    layout->addWidget(m_edit);
    layout->addWidget(m_remember);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(420);
}

SecretDialog::~SecretDialog()
{
    // Do not leave the secret in the widget's buffer longer than needed.
    m_edit->clear();
}

QString SecretDialog::secret() const
{
    return m_edit->text();
}

bool SecretDialog::remember() const
{
    return !m_remember->isHidden() && m_remember->isChecked();
}

} // namespace difusor::ui
