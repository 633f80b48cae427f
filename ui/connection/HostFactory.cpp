#include "HostFactory.h"

#include "remote/SshHost.h"

namespace difusor::ui {

remote::RemoteHost *createSshHost(const Profile &profile, QObject *parent)
{
    return new remote::SshHost(profile, parent);
}

} // namespace difusor::ui
