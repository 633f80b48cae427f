#pragma once

// Hand-overs between threads that ThreadSanitizer can see. Qt (as the distributions ship it) is not
// built with -fsanitize=thread: the mutex and the eventfd its event queue uses are invisible to TSan,
// so data one thread writes before posting an event and another reads when handling it looks like a
// race. Where we post our own events, we tell TSan: release before posting, acquire when handling.
// Without ThreadSanitizer these are no-ops.

#if defined(__SANITIZE_THREAD__)
#define DIFUSOR_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define DIFUSOR_TSAN 1
#endif
#endif

#ifdef DIFUSOR_TSAN
extern "C" void __tsan_acquire(void *addr);
extern "C" void __tsan_release(void *addr);
#endif

namespace difusor {

inline void tsanRelease([[maybe_unused]] void *addr)
{
#ifdef DIFUSOR_TSAN
    __tsan_release(addr);
#endif
}

inline void tsanAcquire([[maybe_unused]] void *addr)
{
#ifdef DIFUSOR_TSAN
    __tsan_acquire(addr);
#endif
}

} // namespace difusor
