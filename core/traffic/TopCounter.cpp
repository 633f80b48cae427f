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

} // namespace difusor::traffic
