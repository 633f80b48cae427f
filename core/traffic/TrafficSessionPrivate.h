#pragma once

// Internal state of TrafficSession, shared by TrafficSession.cpp (the tail, the periods) and
// TrafficSessionIncidents.cpp (judging the window, raising and clearing incidents).
#include "LogIngest.h"
#include "TrafficSession.h"
#include "store/StoreThread.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTimer>

#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace difusor::traffic {

constexpr int kSliceSeconds = 10; // flood detection: per-address counts in slices of this length

class TrafficSession::Private
{
public:
    struct Slice
    {
        std::uint64_t requests = 0;
        std::vector<TopCounter::Entry> top;
    };

    remote::RemoteHost *host = nullptr;
    Profile profile;
    Mode mode = Mode::AwStats;
    int periodSeconds = 60;
    int graceSeconds = 2;
    store::ServerStore store;

    LogFormat format = LogFormat::combined();
    std::vector<std::string> consoleAddresses; // profile "console_addresses"
    std::unique_ptr<TrafficCounter> counter;
    std::unique_ptr<LogIngest> ingest;
    LogTail *tail = nullptr;
    bool running = false;
    QString failure;      // why the log cannot be read (empty: it can, or not known yet)
    bool everRead = false; // the script found a readable file at least once
    TailState state = TailState::Stopped;
    QTimer tick;
    QElapsedTimer mono;

    // Log clock (UTC seconds as a double so sub-second advance accumulates).
    bool clockSet = false;
    double clockBase = 0;
    qint64 clockMonoMs = 0;
    bool clockRunning = false;

    // Period closing.
    bool haveNext = false;
    std::int64_t nextKey = 0;                       // local start of the oldest open period
    std::map<std::int64_t, TrafficCounts> emitted;  // closed periods as emitted (with late deltas)
    std::uint64_t emittedRequests = 0;

    // Incidents.
    TrafficIncidentRules rules;
    std::optional<bool> siteUp;
    QDateTime lastLineAt, watchingSince;
    std::int64_t firstLineUtc = 0;
    std::deque<Slice> slices;
    std::uint64_t sliceStartParsed = 0;
    qint64 sliceStartMs = 0;

    double clockNow() const
    {
        if (!clockSet)
            return 0;
        return clockRunning ? clockBase + double(mono.elapsed() - clockMonoMs) / 1000.0 : clockBase;
    }
    void freezeClock()
    {
        clockBase = clockNow();
        clockRunning = false;
    }
    void runClock()
    {
        if (clockRunning)
            return;
        clockMonoMs = mono.elapsed();
        clockRunning = true;
    }
};

} // namespace difusor::traffic
