#include "ServeTimeHistogram.h"

#include <algorithm>
#include <cmath>

namespace difusor::traffic {

int ServeTimeHistogram::bucketOf(std::uint64_t v)
{
    if (v < kSub)
        return static_cast<int>(v);
    const int e = 63 - __builtin_clzll(v); // >= 6
    const int sub = static_cast<int>((v >> (e - 6)) & (kSub - 1));
    return std::min((e - 5) * kSub + sub, kBuckets - 1);
}

std::int64_t ServeTimeHistogram::valueOf(int b)
{
    if (b < kSub)
        return b;
    const int e = b / kSub + 5;
    const int sub = b % kSub;
    const std::int64_t low = (std::int64_t(kSub) + sub) << (e - 6);
    const std::int64_t width = std::int64_t(1) << (e - 6);
    return low + width / 2;
}

void ServeTimeHistogram::add(std::int64_t micros)
{
    ++m_buckets[static_cast<std::size_t>(bucketOf(static_cast<std::uint64_t>(std::max<std::int64_t>(micros, 0))))];
    ++m_count;
}

std::int64_t ServeTimeHistogram::quantile(double q) const
{
    if (m_count == 0)
        return -1;
    // Nearest-rank: the smallest value with at least q of the samples at or below it.
    const auto rank = static_cast<std::uint64_t>(std::max(1.0, std::ceil(q * static_cast<double>(m_count))));
    std::uint64_t seen = 0;
    for (int b = 0; b < kBuckets; ++b) {
        seen += m_buckets[static_cast<std::size_t>(b)];
        if (seen >= rank)
            return valueOf(b);
    }
    return valueOf(kBuckets - 1);
}

void ServeTimeHistogram::merge(const ServeTimeHistogram &other)
{
    for (std::size_t i = 0; i < m_buckets.size(); ++i)
        m_buckets[i] += other.m_buckets[i];
    m_count += other.m_count;
}

} // namespace difusor::traffic
