#pragma once

#include "remote/RemoteHost.h"

#include <QDialog>

class QPushButton;

namespace difusor::ui {

// The two host-key cases of SSH.
// Unknown: shows the key as `ssh-keygen -lf` prints it and asks "¿Confiar y recordar?"
//          (Accepted = trust and remember, Rejected = do not connect).
// Changed: red and explicit, names the old and new fingerprints, says how to remove the old entry;
//          the connection was already refused and the dialog offers no way to accept.
class HostKeyDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Case { Unknown, Changed };

    HostKeyDialog(Case which, const remote::HostKeyInfo &info, QWidget *parent = nullptr);

    Case which() const { return m_case; }
    QPushButton *trustButton() const { return m_trust; } // nullptr in the Changed case

    // "256 SHA256:… (ED25519)", as `ssh-keygen -lf` prints a key (without the comment).
    static QString fingerprintLine(const remote::HostKeyInfo &info);
    // The command that removes the old entry: ssh-keygen -R '[host]:port' -f 'file'.
    static QString removeCommand(const remote::HostKeyInfo &info);

private:
    Case m_case;
    QPushButton *m_trust = nullptr;
};

} // namespace difusor::ui
