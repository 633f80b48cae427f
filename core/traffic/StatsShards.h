#pragma once

#include "StatsReport.h"

#include <functional>
#include <memory>
#include <optional>

namespace difusor::traffic {

// computeStats' counting on several threads (StatsReport.h says why the result is exact). Each thread
// counts the lines of its share of the addresses. A plain file is read and cut into lines by all of them
// at once, slice by slice, each line's address hashed once (ParallelFile); a gzip is decompressed and cut
// by the calling thread, which hands the other shares their lines in batches. No line is read, cut,
// hashed or decompressed twice. std::nullopt when the shares' counts cannot be added exactly: the caller counts
// again in one thread.
using CounterFactory = std::function<std::unique_ptr<TrafficCounter>()>;
std::optional<StatsResult> computeSharded(const StatsOptions &options, int threads, const CounterFactory &newCounter);

// A log format whose first field is the address, ended by a space: lines can be shared by address.
bool shardable(const LogFormat &format);

} // namespace difusor::traffic
