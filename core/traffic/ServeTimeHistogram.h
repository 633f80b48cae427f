#pragma once

#include <array>
#include <cstdint>

namespace difusor::traffic {

// Serve-time distribution in constant memory (~18 KiB): log-linear buckets of 64 steps per power of
// two, so a percentile is within ~1.6 % of the exact value.
class ServeTimeHistogram final
{
public:
    void add(std::int64_t micros);
    std::uint64_t count() const { return m_count; }
    // Microseconds at quantile q in [0,1]; -1 when empty.
    std::int64_t quantile(double q) const;
    void merge(const ServeTimeHistogram &other);

private:
    static constexpr int kSub = 64;
    static constexpr int kBuckets = 42 * kSub;
    static int bucketOf(std::uint64_t v);
    static std::int64_t valueOf(int bucket);

    std::array<std::uint64_t, kBuckets> m_buckets{};
    std::uint64_t m_count = 0;
};

} // namespace difusor::traffic
