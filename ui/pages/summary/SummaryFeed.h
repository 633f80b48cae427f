#pragma once

#include "NightState.h"

#include <QObject>
#include <QPointer>

namespace difusor::store {
class StoreThread;
struct IncidentUpdate;
}

namespace difusor::ui {

class ServerEntry;

// Gathers what the night view shows of one watched server (SummaryFacts) from the live sessions and
// the store, and says when it changed. Live: the host's state, CutMonitor (cuts, lags), TrafficSession
// (closed periods). Store (read on its thread, never SQL here): the newest cut and the newest check
// run when the server is identified, its unresolved incidents (Store::findIncidents) then every
// committed change of them (StoreThread::incidentChanged), and the newest check run again whenever
// one is saved (StoreThread::checkRunSaved).
class SummaryFeed final : public QObject
{
    Q_OBJECT
public:
    explicit SummaryFeed(ServerEntry *entry, QObject *parent = nullptr);

    ServerEntry *entry() const { return m_entry; }
    const SummaryFacts &facts() const { return m_facts; }

Q_SIGNALS:
    void changed();

private:
    void onHostChanged();
    void attach();
    void readStore();
    void readCheckRun();
    void onIncidentChanged(const store::IncidentUpdate &update);
    void onCheckRunSaved(qint64 serverId);

    ServerEntry *m_entry;
    SummaryFacts m_facts;
    qint64 m_server = 0;         // the store's id of the server being watched; 0: none
    quint64 m_generation = 0;    // a store answer for an older connection is dropped
    QPointer<store::StoreThread> m_storeThread; // whose signals we follow
};

} // namespace difusor::ui
