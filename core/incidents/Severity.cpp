#include "Severity.h"

#include <QLatin1String>

#include <array>

namespace difusor::incidents {

namespace {

enum class Affects { Yes, No, CannotTell };

struct KindDefaults
{
    const char *kind;
    const char *severity;
    Affects affects;
};

// One row per known kind id (cuts, traffic, checks, remote); kept in one table so the two answers
// never disagree about which kinds exist.
constexpr std::array<KindDefaults, 19> kDefaults{{
    {"site_unreachable", "critical", Affects::Yes},
    {"lag", "critical", Affects::Yes},
    {"skipped_cut", "critical", Affects::Yes},
    {"cut_backwards", "critical", Affects::Yes},
    {"cut_unreadable", "critical", Affects::Yes},
    {"connection_lost", "critical", Affects::CannotTell},
    {"late_cut", "major", Affects::Yes},
    {"stale_site", "major", Affects::Yes},
    {"site_http_error", "major", Affects::Yes},
    {"site_no_cut", "major", Affects::Yes},
    {"traffic_5xx", "major", Affects::Yes},
    {"check_failed", "major", Affects::No},
    {"certificate", "major", Affects::Yes},
    {"traffic_log_silent", "major", Affects::CannotTell},
    // The console cannot see the cuts (publication_dir) or the visits (access_log): blind, not down.
    {"watch_failed", "major", Affects::CannotTell},
    {"clock_skew", "minor", Affects::No},
    {"cut_name_mismatch", "minor", Affects::No},
    {"traffic_spike", "minor", Affects::No},
    {"traffic_flood", "minor", Affects::No},
}};

const KindDefaults *find(const QString &kindId)
{
    for (const KindDefaults &row : kDefaults) {
        if (kindId == QLatin1String(row.kind))
            return &row;
    }
    return nullptr;
}

} // namespace

QString defaultSeverity(const QString &kindId)
{
    const KindDefaults *row = find(kindId);
    return QLatin1String(row ? row->severity : "major");
}

std::optional<bool> defaultAffectsPublication(const QString &kindId)
{
    const KindDefaults *row = find(kindId);
    if (!row || row->affects == Affects::CannotTell)
        return std::nullopt;
    return row->affects == Affects::Yes;
}

} // namespace difusor::incidents
