#pragma once

#include "LargePages.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace difusor::traffic {

// Fast 64-bit hash of a byte span (8 bytes per step, murmur-style finaliser). Counting keys (addresses,
// user agents, paths) by this hash instead of storing them keeps the hot path free of allocations; a
// 64-bit collision among a few million keys is negligible for statistics.
inline std::uint64_t mix64(std::uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

inline std::uint64_t load64(const char *p)
{
    std::uint64_t k;
    std::memcpy(&k, p, 8);
    return k;
}

inline std::uint64_t load32(const char *p)
{
    std::uint32_t k;
    std::memcpy(&k, p, 4);
    return k;
}

// One murmur3-style step: a word into the state.
inline std::uint64_t hashStep(std::uint64_t h, std::uint64_t k)
{
    k *= 0x87c37b91114253d5ULL;
    k = (k << 31) | (k >> 33);
    k *= 0x4cf5ad432745937fULL;
    h ^= k;
    return ((h << 27) | (h >> 37)) * 5 + 0x52dce729;
}

// Two independent lanes of 8 bytes (a user agent of ~100 bytes is half the chain of multiplies), the
// last word read whole from the end (overlapping what came before; no byte-count copy), short keys as
// two overlapping halves. Every byte counts, and so does the length.
inline std::uint64_t hashBytes(const char *p, std::size_t n, std::uint64_t seed = 0x9E3779B97F4A7C15ULL)
{
    std::uint64_t h = seed ^ (n * 0x87c37b91114253d5ULL);
    if (n >= 8) {
        const char *const end = p + n;
        std::uint64_t g = h ^ 0xc4ceb9fe1a85ec53ULL;
        for (; end - p > 16; p += 16) {
            h = hashStep(h, load64(p));
            g = hashStep(g, load64(p + 8));
        }
        if (end - p > 8) {
            h = hashStep(h, load64(p));
            p += 8;
        }
        g = hashStep(g, load64(end - 8));
        return mix64(h ^ mix64(g));
    }
    std::uint64_t k = 0;
    if (n >= 4)
        k = load32(p) | (load32(p + n - 4) << 32);
    else if (n) // an empty view may have a null data pointer (found by fuzzing)
        k = std::uint64_t(static_cast<unsigned char>(p[0])) | std::uint64_t(static_cast<unsigned char>(p[n / 2])) << 8
            | std::uint64_t(static_cast<unsigned char>(p[n - 1])) << 16;
    h ^= k * 0x4cf5ad432745937fULL;
    return mix64(h);
}

inline std::uint64_t hashView(std::string_view v, std::uint64_t seed = 0x9E3779B97F4A7C15ULL)
{
    return hashBytes(v.data(), v.size(), seed);
}

inline std::uint64_t hashCombine(std::uint64_t a, std::uint64_t b)
{
    return mix64(a ^ (b + 0x9E3779B97F4A7C15ULL + (a << 6) + (a >> 2)));
}

// Open-addressing map from a non-zero 64-bit key to a small value (linear probing, power-of-two size,
// load <= 1/2). Key 0 marks an empty slot, so callers pass keys through nonZero().
template<typename V>
class FlatMap final
{
public:
    static std::uint64_t nonZero(std::uint64_t k) { return k ? k : 1; }

    // Returns the value slot for key, inserting a default one; inserted tells whether it was new.
    V &findOrInsert(std::uint64_t key, bool &inserted)
    {
        if ((m_size + 1) * 2 > m_keys.size())
            grow();
        std::size_t mask = m_keys.size() - 1;
        std::size_t i = static_cast<std::size_t>(key) & mask;
        while (true) {
            if (m_keys[i] == key) {
                inserted = false;
                return m_values[i];
            }
            if (m_keys[i] == 0) {
                m_keys[i] = key;
                m_values[i] = V{};
                ++m_size;
                inserted = true;
                return m_values[i];
            }
            i = (i + 1) & mask;
        }
    }

    const V *find(std::uint64_t key) const
    {
        if (m_keys.empty())
            return nullptr;
        std::size_t mask = m_keys.size() - 1;
        std::size_t i = static_cast<std::size_t>(key) & mask;
        while (m_keys[i] != 0) {
            if (m_keys[i] == key)
                return &m_values[i];
            i = (i + 1) & mask;
        }
        return nullptr;
    }

    std::size_t size() const { return m_size; }
    std::size_t memoryBytes() const { return m_keys.capacity() * (sizeof(std::uint64_t) + sizeof(V)); }
    void clear()
    {
        m_keys.clear();
        m_values.clear();
        m_size = 0;
    }

    template<typename F>
    void forEach(F &&f) const
    {
        for (std::size_t i = 0; i < m_keys.size(); ++i)
            if (m_keys[i] != 0)
                f(m_keys[i], m_values[i]);
    }

private:
    void grow()
    {
        Keys oldKeys;
        Values oldValues;
        oldKeys.swap(m_keys);
        oldValues.swap(m_values);
        const std::size_t n = oldKeys.empty() ? 1024 : oldKeys.size() * 2;
        m_keys.assign(n, 0);
        m_values.assign(n, V{});
        const std::size_t mask = n - 1;
        for (std::size_t j = 0; j < oldKeys.size(); ++j) {
            if (oldKeys[j] == 0)
                continue;
            std::size_t i = static_cast<std::size_t>(oldKeys[j]) & mask;
            while (m_keys[i] != 0)
                i = (i + 1) & mask;
            m_keys[i] = oldKeys[j];
            m_values[i] = oldValues[j];
        }
    }

    // Large tables in huge pages (LargePages.h): a table of a million addresses is written all at once.
    using Keys = std::vector<std::uint64_t, LargeAllocator<std::uint64_t>>;
    using Values = std::vector<V, LargeAllocator<V>>;
    Keys m_keys;
    Values m_values;
    std::size_t m_size = 0;
};

// A set is a map with an empty value.
struct Empty
{
};
using FlatSet = FlatMap<Empty>;

} // namespace difusor::traffic
