#pragma once

#include "StatsReport.h"

#include <functional>
#include <memory>
#include <optional>

namespace difusor::traffic {

// computeStats' counting on several threads (StatsReport.h says why the result is exact). The calling
// thread reads each file once, cuts it into lines and hashes each line's address; the lines of the other
// threads' shares go to them in batches (views into the file's mapping), so no line is cut, hashed or
// decompressed twice. std::nullopt when the shares' counts cannot be added exactly: the caller counts
// again in one thread.
using CounterFactory = std::function<std::unique_ptr<TrafficCounter>()>;
std::optional<StatsResult> computeSharded(const StatsOptions &options, int threads, const CounterFactory &newCounter);

// A log format whose first field is the address, ended by a space: lines can be shared by address.
bool shardable(const LogFormat &format);

} // namespace difusor::traffic
