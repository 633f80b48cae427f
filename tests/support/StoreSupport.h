#pragma once

// Servers for tests: every record in the store belongs to one server (store::ServerIdentity).

#include "store/Store.h"
#include "store/StoreThread.h"

#include <QString>

namespace difusor::test {

// Registers a server in an open StoreThread and waits (QTest::qWaitFor, up to 10 s) for its ServerStore;
// invalid on failure.
store::ServerStore identifyServer(store::StoreThread &thread, const QString &profileId = QStringLiteral("prueba"),
                                  const QString &hostKey = QStringLiteral("SHA256:prueba"));

// In a Store used directly: registers the server and selects it (Store::setServer); its id, 0 on failure.
qint64 useServer(store::Store &store, const QString &profileId = QStringLiteral("prueba"),
                 const QString &hostKey = QStringLiteral("SHA256:prueba"));

} // namespace difusor::test
