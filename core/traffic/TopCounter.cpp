#include "TopCounter.h"

#include <algorithm>

namespace difusor::traffic {

std::vector<TopCounter::Entry> TopCounter::top(std::size_t n) const
{
    std::vector<const Entry *> ptrs;
    ptrs.reserve(m_entries.size());
    for (const Entry &e : m_entries)
        ptrs.push_back(&e);
    const std::size_t k = std::min(n, ptrs.size());
    std::partial_sort(ptrs.begin(), ptrs.begin() + static_cast<std::ptrdiff_t>(k), ptrs.end(),
                      [](const Entry *a, const Entry *b) { return a->count != b->count ? a->count > b->count : a->key < b->key; });
    std::vector<Entry> out;
    out.reserve(k);
    for (std::size_t i = 0; i < k; ++i)
        out.push_back(*ptrs[i]);
    return out;
}

bool TopCounter::merge(const TopCounter &other)
{
    const bool exact = m_overflow == 0 && other.m_overflow == 0;
    // The index keeps each key's full hash (an entry's text is cut at 512 bytes).
    other.m_index.forEach([&](std::uint64_t hash, std::uint32_t slot) {
        if (slot == kOverflow)
            return;
        const Entry &e = other.m_entries[slot];
        add(hash, e.key, e.count);
    });
    m_overflow += other.m_overflow;
    return exact && m_overflow == 0;
}

} // namespace difusor::traffic
