#pragma once

#include "common/Profile.h"

class QObject;

namespace difusor::remote {
class RemoteHost;
}

namespace difusor::ui {

// The product's RemoteHost for a profile: SshHost (libssh on its own thread).
remote::RemoteHost *createSshHost(const Profile &profile, QObject *parent);

} // namespace difusor::ui
