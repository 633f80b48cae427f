#pragma once

#include "metrics/MetricsRegistry.h"

namespace difusor::test {

// A registry holding every series ServerMetrics makes, for two servers, one of them with a name that
// needs escaping, as ServerMetrics labels them. Checks that ServerMetrics declares each family (a
// renamed family fails here, not silently in Grafana): false if one is missing.
bool fillEverySeries(metrics::MetricsRegistry &registry);

// The sample names ServerMetrics exposes (counters with their "_total").
QStringList everySampleName();

} // namespace difusor::test
