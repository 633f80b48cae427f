#pragma once

#include "RemoteHost.h"

#include <memory>

class QTextStream;

namespace difusor {
struct Profile;
}

namespace difusor::remote {

// The host of a headless command (check, watch): LocalHost for the profile host "local", else an SshHost
// that nobody can be asked about: an unknown host key is refused (and explained on `err`) unless
// `trustNewHostKey`, and a passphrase or password comes only from DIFUSOR_SSH_SECRET. `err` must outlive it.
std::unique_ptr<RemoteHost> makeHeadlessHost(const Profile &profile, bool trustNewHostKey, QTextStream &err);

} // namespace difusor::remote
