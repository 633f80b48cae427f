#pragma once

#include <QString>

#include <optional>

namespace difusor::incidents {

// How bad an incident of one kind is by default, before a technician says otherwise. The ids are the
// stable kind ids of every area ("late_cut", "lag", "traffic_5xx", "connection_lost", …).
//
//   "critical"  the public cannot see the results, or sees them wrong or too late (the one-minute rule)
//   "major"     publication is at risk or degraded and someone should look now
//   "minor"     worth knowing; nothing published is wrong
//
// Kinds this version does not know are "major": an unknown problem is not taken as harmless.
QString defaultSeverity(const QString &kindId);

// Whether an incident of this kind, by itself, affects what the public sees (the results, their
// freshness or the site answering): true / false, or nullopt when the kind alone cannot tell (the
// console lost its SSH link; the access log went silent) and for kinds this version does not know.
std::optional<bool> defaultAffectsPublication(const QString &kindId);

} // namespace difusor::incidents
