#pragma once

#include "IncidentRules.h"

#include <QHash>

namespace difusor::store {
class Store;
}

namespace difusor::cuts {

// Writes IncidentRules' changes to the store (each change its own small transaction), keeping the
// map from the rules' local ids to the store's row ids. Used on the thread that owns the Store.
class IncidentLog final
{
public:
    // False on the first failed write (the store's lastError() says why); later changes are not written.
    bool record(store::Store &store, const QList<IncidentChange> &changes);
    qint64 storeId(quint64 localId) const { return m_ids.value(localId, 0); }

private:
    QHash<quint64, qint64> m_ids; // incidents are few (tens a night): kept for the session
};

} // namespace difusor::cuts
