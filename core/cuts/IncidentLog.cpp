#include "IncidentLog.h"

#include "store/Store.h"

namespace difusor::cuts {

bool IncidentLog::record(store::Store &store, const QList<IncidentChange> &changes)
{
    for (const IncidentChange &change : changes) {
        const Incident &i = change.incident;
        if (change.type == IncidentChange::Type::Opened) {
            store::IncidentRecord record;
            record.kind = incidentKindId(i.kind);
            record.subject = i.subject;
            record.openedUtc = i.opened;
            record.detail = i.detail;
            const auto id = store.openIncident(record);
            if (!id)
                return false;
            m_ids.insert(i.id, *id);
        } else {
            const qint64 id = m_ids.value(i.id, 0);
            if (id == 0 || !store.closeIncident(id, i.closed))
                return false;
        }
    }
    return true;
}

} // namespace difusor::cuts
