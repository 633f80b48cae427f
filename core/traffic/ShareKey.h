#pragma once

// Which share of computeStats' threads counts a line (StatsShards.cpp): the one that owns its address.

#include "Bytes.h"
#include "Classify.h"
#include "FlatHash.h"

#include <cstdint>
#include <cstring>
#include <string_view>

namespace difusor::traffic::shares {

// Where share `index` of `count` starts in the 32-bit hash range: equal parts (every share cuts lines as
// well as counting its own: ParallelFile). Which addresses go where changes nothing in the counts.
inline std::uint64_t shareStart(int index, int count)
{
    if (index <= 0)
        return 0;
    if (index >= count)
        return std::uint64_t(1) << 32;
    return (std::uint64_t(index) << 32) / std::uint64_t(count);
}

// The share key of an address: any well-mixed function of its bytes alone. Up to 16 bytes (every IPv4
// address, most IPv6 ones): two words, zero-padded, read whole when the buffer goes on past them.
inline std::uint64_t addressKey(std::string_view a, const char *bufferEnd)
{
    if (a.size() > 16)
        return hashView(a) >> 32;
    std::uint64_t w[2] = {0, 0};
    if (bufferEnd - a.data() >= 16) {
        std::memcpy(w, a.data(), 16);
        if (a.size() < 8) {
            w[0] &= (std::uint64_t(1) << (8 * a.size())) - 1;
            w[1] = 0;
        } else if (a.size() < 16) {
            w[1] &= (std::uint64_t(1) << (8 * (a.size() - 8))) - 1;
        }
    } else if (!a.empty()) {
        std::memcpy(w, a.data(), a.size());
    }
    return mix64(w[0] ^ mix64(w[1] + a.size())) >> 32;
}

// The share key of a line: its address' key. "::ffff:a.b.c.d" and "a.b.c.d" are one visitor in awstats
// mode: the same share. Little-endian machines find the address' end a word at a time.
inline std::uint64_t shareKey(std::string_view l)
{
    const char *const end = l.data() + l.size();
    std::size_t sp = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (l.size() >= 16) {
        std::uint64_t w[2];
        std::memcpy(w, l.data(), 16);
        if (const std::uint64_t t = bytesEqual(w[0], ' '))
            sp = std::size_t(__builtin_ctzll(t) >> 3);
        else if (const std::uint64_t u = bytesEqual(w[1], ' '))
            sp = 8 + std::size_t(__builtin_ctzll(u) >> 3);
        else
            sp = 16;
    }
#endif
    while (sp < l.size() && l[sp] != ' ')
        ++sp;
    return addressKey(awstatsHost(l.substr(0, sp)), end);
}

} // namespace difusor::traffic::shares
