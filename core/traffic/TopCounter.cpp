#include "TopCounter.h"

#include <algorithm>

namespace difusor::traffic {

template<typename F>
void TopCounter::forEachEntry(F &&f) const
{
    for (const Entry &e : m_entries)
        f(e);
    for (const TopCounter &a : m_absorbed)
        a.forEachEntry(f);
}

std::size_t TopCounter::distinct() const
{
    std::size_t n = m_entries.size();
    for (const TopCounter &a : m_absorbed)
        n += a.distinct();
    return n;
}

std::uint64_t TopCounter::overflow() const
{
    std::uint64_t n = m_overflow;
    for (const TopCounter &a : m_absorbed)
        n += a.overflow();
    return n;
}

std::vector<TopCounter::Entry> TopCounter::top(std::size_t n) const
{
    std::vector<const Entry *> ptrs;
    ptrs.reserve(distinct());
    forEachEntry([&](const Entry &e) { ptrs.push_back(&e); });
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
    bool exact = m_overflow == 0 && other.m_overflow == 0;
    // The index keeps each key's full hash (an entry's text is cut at 512 bytes).
    other.m_index.forEach([&](std::uint64_t hash, std::uint32_t slot) {
        if (slot == kOverflow)
            return;
        const Entry &e = other.m_entries[slot];
        add(hash, e.key, e.count);
    });
    m_overflow += other.m_overflow;
    for (const TopCounter &a : other.m_absorbed)
        exact = merge(a) && exact;
    return exact && m_overflow == 0;
}

bool TopCounter::absorbDisjoint(TopCounter &&other)
{
    const bool exact = overflow() == 0 && other.overflow() == 0 && distinct() + other.distinct() <= m_maxKeys;
    m_absorbed.push_back(std::move(other));
    return exact;
}

} // namespace difusor::traffic
