#pragma once

namespace difusor::remote {

// Reconnect delays: first, 2×first, 4×first … capped (1, 2, 4, 8, 16, 30, 30 … s by default).
class Backoff final
{
public:
    explicit Backoff(int firstMs = 1000, int maxMs = 30000) : m_first(firstMs), m_max(maxMs) {}
    int next();          // the delay before the next attempt, then doubles
    void reset() { m_attempt = 0; }
    int attempts() const { return m_attempt; }
private:
    int m_first;
    int m_max;
    int m_attempt = 0;
};

} // namespace difusor::remote
