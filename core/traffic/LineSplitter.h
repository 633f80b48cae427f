#pragma once

#include <algorithm>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>

namespace difusor::traffic {

// Cuts a byte stream into lines (without '\n'), whatever the chunk boundaries. A line longer than
// maxLength is reported once as overlong (its start only) and the rest up to '\n' is dropped, so
// memory stays bounded whatever the input.
class LineSplitter final
{
public:
    // onLine(line, overlong)
    using Sink = std::function<void(std::string_view, bool)>;

    explicit LineSplitter(std::size_t maxLength) : m_max(maxLength) {}

    // Feeds a chunk; calls sink for each complete line. Template-free hot path: the sink is called
    // once per line with a view into the chunk or into the carry-over buffer.
    template<typename F>
    void feed(const char *data, std::size_t size, F &&onLine);
    // End of stream: a last line without '\n' is delivered.
    template<typename F>
    void finish(F &&onLine);

    // Bytes held for an incomplete line.
    std::size_t pending() const { return m_carry.size(); }

private:
    std::size_t m_max;
    std::string m_carry;
    bool m_skipping = false; // inside an overlong line
};

template<typename F>
void LineSplitter::feed(const char *data, std::size_t size, F &&onLine)
{
    const char *p = data;
    const char *const end = data + size;
    while (p < end) {
        const char *nl = static_cast<const char *>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
        if (!nl) {
            if (!m_skipping) {
                const std::size_t room = m_max + 1 > m_carry.size() ? m_max + 1 - m_carry.size() : 0;
                m_carry.append(p, std::min(room, static_cast<std::size_t>(end - p)));
                if (m_carry.size() > m_max) {
                    onLine(std::string_view(m_carry).substr(0, 256), true);
                    m_carry.clear();
                    m_skipping = true;
                }
            }
            return;
        }
        const auto len = static_cast<std::size_t>(nl - p);
        if (m_skipping) {
            m_skipping = false;
        } else if (!m_carry.empty()) {
            if (m_carry.size() + len > m_max) {
                onLine(std::string_view(m_carry).substr(0, 256), true);
            } else {
                m_carry.append(p, len);
                onLine(std::string_view(m_carry), false);
            }
            m_carry.clear();
        } else if (len > m_max) {
            onLine(std::string_view(p, 256), true);
        } else {
            onLine(std::string_view(p, len), false);
        }
        p = nl + 1;
    }
}

template<typename F>
void LineSplitter::finish(F &&onLine)
{
    if (!m_skipping && !m_carry.empty())
        onLine(std::string_view(m_carry), false);
    m_carry.clear();
    m_skipping = false;
}

} // namespace difusor::traffic
