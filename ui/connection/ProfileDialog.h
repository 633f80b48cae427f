#pragma once

#include "common/Profile.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QToolButton;
class QWidget;

namespace difusor::ui {

class ProfileStore;

// Create or edit one connection profile. Validates on "Guardar" and writes through the store;
// keys the form does not show (ground truth, unknown keys) are kept as they were.
class ProfileDialog final : public QDialog
{
    Q_OBJECT
public:
    // `profile` empty: a new profile.
    ProfileDialog(const ProfileStore &store, const std::optional<Profile> &profile, QWidget *parent = nullptr);

    Profile profile() const; // what the form holds now
    QString savedName() const { return m_savedName; }

    void accept() override; // validates and saves; stays open with the error shown otherwise

    // The form's widgets, for GUI tests (object names are the same).
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *hostEdit() const { return m_host; }
    QSpinBox *portSpin() const { return m_port; }
    QLineEdit *userEdit() const { return m_user; }
    QComboBox *authCombo() const { return m_auth; }
    QLineEdit *keyFileEdit() const { return m_keyFile; }
    QPushButton *saveButton() const { return m_save; }
    QLabel *errorLabel() const { return m_error; }

private:
    QWidget *buildAdvanced();
    void updateAuthFields();
    void chooseKeyFile();
    QString validate(const Profile &p) const; // "" when fine

    const ProfileStore &m_store;
    Profile m_original;
    QString m_originalName;
    QString m_savedName;

    QLineEdit *m_name = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_user = nullptr;
    QComboBox *m_auth = nullptr;
    QLineEdit *m_keyFile = nullptr;
    QPushButton *m_browse = nullptr;
    QToolButton *m_advancedToggle = nullptr;
    QWidget *m_advanced = nullptr;
    QLineEdit *m_knownHosts = nullptr;
    QLineEdit *m_publicationDir = nullptr;
    QLineEdit *m_accessLog = nullptr;
    QLineEdit *m_difusorUrl = nullptr;
    QLineEdit *m_officialUrl = nullptr;
    QSpinBox *m_cutInterval = nullptr;
    QCheckBox *m_compression = nullptr;
    QPlainTextEdit *m_trustedIps = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace difusor::ui
