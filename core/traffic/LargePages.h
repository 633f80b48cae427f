#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <sys/mman.h>

namespace difusor::traffic {

// Big tables (hash tables, the robots automaton, read buffers) in transparent huge pages where the system
// gives them on request (THP "madvise" or "always"; with "never" they are plain pages). A first write to a
// fresh 4 KiB page cost ~3 us on the virtual machines seen here (4 MiB written once: 12 ms); in 2 MiB
// pages, 0.4 ms. Blocks under kLargeBlock come from the usual heap.
inline constexpr std::size_t kLargeBlock = std::size_t(1) << 20;
inline constexpr std::size_t kHugePage = std::size_t(2) << 20;

inline std::size_t largeSize(std::size_t bytes)
{
    return (bytes + kHugePage - 1) & ~(kHugePage - 1);
}

// `bytes` rounded up to whole huge pages, aligned to one, zero-filled (fresh anonymous memory).
inline void *allocateLarge(std::size_t bytes)
{
    const std::size_t size = largeSize(bytes);
    void *raw = ::mmap(nullptr, size + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED)
        throw std::bad_alloc();
    const auto start = reinterpret_cast<std::uintptr_t>(raw);
    const std::uintptr_t aligned = (start + kHugePage - 1) & ~(std::uintptr_t(kHugePage) - 1);
    const std::uintptr_t end = start + size + kHugePage;
    if (aligned > start)
        ::munmap(raw, aligned - start);
    if (end > aligned + size)
        ::munmap(reinterpret_cast<void *>(aligned + size), end - (aligned + size));
    ::madvise(reinterpret_cast<void *>(aligned), size, MADV_HUGEPAGE);
    return reinterpret_cast<void *>(aligned);
}

inline void freeLarge(void *p, std::size_t bytes) noexcept
{
    ::munmap(p, largeSize(bytes));
}

// std::allocator, but blocks of kLargeBlock bytes or more go to allocateLarge().
template<typename T>
struct LargeAllocator
{
    using value_type = T;

    LargeAllocator() = default;
    template<typename U>
    LargeAllocator(const LargeAllocator<U> &) noexcept
    {
    }

    T *allocate(std::size_t n)
    {
        if (n * sizeof(T) >= kLargeBlock)
            return static_cast<T *>(allocateLarge(n * sizeof(T)));
        return std::allocator<T>().allocate(n);
    }
    void deallocate(T *p, std::size_t n) noexcept
    {
        if (n * sizeof(T) >= kLargeBlock)
            freeLarge(p, n * sizeof(T));
        else
            std::allocator<T>().deallocate(p, n);
    }
    template<typename U>
    bool operator==(const LargeAllocator<U> &) const noexcept
    {
        return true;
    }
    template<typename U>
    bool operator!=(const LargeAllocator<U> &) const noexcept
    {
        return false;
    }
};

} // namespace difusor::traffic
