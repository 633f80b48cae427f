#pragma once

#include <cstdint>

namespace difusor::traffic {

// Bytes equal to `c` in a little-endian word (the zero-byte trick on the word XOR c): the lowest flagged
// byte is always the first match (a borrow only flags bytes after one), and on a little-endian machine
// the lowest byte is the first. 0 when none.
inline std::uint64_t bytesEqual(std::uint64_t w, char c)
{
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    const std::uint64_t x = w ^ (ones * static_cast<unsigned char>(c));
    return (x - ones) & ~x & (ones << 7);
}

} // namespace difusor::traffic
