#pragma once

#include "FlatHash.h"

#include <string>
#include <vector>

namespace difusor::traffic {

// Exact counts per key up to a cap of distinct keys (bounded memory under a flood of unique paths);
// keys first seen after the cap are summed in overflow().
class TopCounter final
{
public:
    explicit TopCounter(std::size_t maxKeys = 200000) : m_maxKeys(maxKeys) {}

    void add(std::uint64_t hash, std::string_view key, std::uint64_t n = 1)
    {
        bool inserted = false;
        std::uint32_t &slot = m_index.findOrInsert(FlatMap<std::uint32_t>::nonZero(hash), inserted);
        if (inserted) {
            if (m_entries.size() >= m_maxKeys) {
                slot = kOverflow;
            } else {
                slot = static_cast<std::uint32_t>(m_entries.size());
                m_entries.push_back(Entry{std::string(key.substr(0, 512)), 0});
            }
        }
        if (slot == kOverflow)
            m_overflow += n;
        else
            m_entries[slot].count += n;
    }

    struct Entry
    {
        std::string key;
        std::uint64_t count = 0;
    };
    std::vector<Entry> top(std::size_t n) const;
    // Adds another counter's counts (computeStats' shards). True when the result is exactly what one
    // counter fed both inputs would hold: neither had overflowed and the union fits under the cap
    // (past it, which keys came "first" depends on the order of the lines).
    bool merge(const TopCounter &other);
    // The same for a counter none of whose keys is, or will be, added to this one (computeStats' shards
    // split the addresses): `other` is kept whole, nothing is looked up or copied. Counting the tops of
    // a million addresses' halves this way instead of merge() took the merge from ~6 ms to nothing.
    bool absorbDisjoint(TopCounter &&other);
    std::size_t distinct() const;
    std::uint64_t overflow() const;

private:
    static constexpr std::uint32_t kOverflow = 0xffffffffU;
    template<typename F>
    void forEachEntry(F &&f) const;

    std::size_t m_maxKeys;
    FlatMap<std::uint32_t> m_index;
    std::vector<Entry> m_entries;
    std::uint64_t m_overflow = 0;
    std::vector<TopCounter> m_absorbed; // absorbDisjoint()'s counters, keys apart from this one's
};

} // namespace difusor::traffic
