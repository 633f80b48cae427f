#pragma once

#include "remote/RemoteHost.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;

namespace difusor::ui {

// Asks for a password, a key passphrase or a keyboard-interactive answer. The answer lives only in
// memory; "Recordar en el llavero del sistema" lets the caller store it in the system keychain.
class SecretDialog final : public QDialog
{
    Q_OBJECT
public:
    SecretDialog(const remote::SecretRequest &request, const QString &server, bool keychainAvailable,
                 QWidget *parent = nullptr);
    ~SecretDialog() override;

    QString secret() const;
    bool remember() const;
    QLineEdit *secretEdit() const { return m_edit; }
    QCheckBox *rememberBox() const { return m_remember; }

private:
    QLineEdit *m_edit;
    QCheckBox *m_remember;
};

} // namespace difusor::ui
