#include "StoreSupport.h"

#include <QDateTime>
#include <QTest>

#include <optional>

namespace difusor::test {

store::ServerStore identifyServer(store::StoreThread &thread, const QString &profileId, const QString &hostKey)
{
    std::optional<store::ServerStore> result;
    QObject context;
    thread.identify({profileId, hostKey, profileId, QStringLiteral("prueba@127.0.0.1")}, &context,
                    [&result](const store::ServerStore &s, const QString &) { result = s; });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 10000))
        return {};
    return result.value_or(store::ServerStore());
}

qint64 useServer(store::Store &store, const QString &profileId, const QString &hostKey)
{
    const auto id = store.registerServer({profileId, hostKey, profileId, QStringLiteral("prueba@127.0.0.1")},
                                         QDateTime::currentDateTimeUtc());
    store.setServer(id.value_or(0));
    return id.value_or(0);
}

} // namespace difusor::test
