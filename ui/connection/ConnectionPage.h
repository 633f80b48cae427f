#pragma once

#include "common/Profile.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace difusor::ui {

class ProfileStore;

// The "Conexión" page: the saved profiles, with create / edit / delete / connect.
class ConnectionPage final : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionPage(const ProfileStore &store, QWidget *parent = nullptr);

    void reload(const QString &selectName = {});
    std::optional<Profile> selectedProfile() const;
    void setConnected(bool connected, const QString &profileName);
    // What the server said about itself after connecting (uname); empty hides it.
    void showRemoteSystem(const QString &text);

    QListWidget *list() const { return m_list; }
    QPushButton *newButton() const { return m_new; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *deleteButton() const { return m_delete; }
    QPushButton *connectButton() const { return m_connect; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *disconnectButton() const { return m_disconnect; }

    void newProfile();
    void editProfile();
    void deleteProfile();

Q_SIGNALS:
    void connectRequested(const difusor::Profile &profile);
    void addRequested(const difusor::Profile &profile); // watch it beside the servers already watched
    void disconnectRequested();
    void profileDeleted(const difusor::Profile &profile);

private:
    void updateDetails();

    const ProfileStore &m_store;
    QListWidget *m_list;
    QLabel *m_details;
    QLabel *m_dirNote;
    QLabel *m_remoteSystem;
    QPushButton *m_new;
    QPushButton *m_edit;
    QPushButton *m_delete;
    QPushButton *m_connect;
    QPushButton *m_add;
    QPushButton *m_disconnect;
    bool m_connected = false;
};

} // namespace difusor::ui
