#pragma once

#include <string_view>

namespace difusor {

// The user agent of the console's own HTTP requests (the lag probe's polls of both sites). Traffic
// counting recognises every agent starting with kConsoleAgentPrefix as the console's (of any version or
// part), so the console's load is counted apart and never as visitors (traffic/TrafficCounter.h).
inline constexpr std::string_view kConsoleAgentPrefix = "difusor-console";
inline constexpr char kLagProbeUserAgent[] = "difusor-console lag probe";

inline bool isConsoleUserAgent(std::string_view userAgent)
{
    return userAgent.substr(0, kConsoleAgentPrefix.size()) == kConsoleAgentPrefix;
}

} // namespace difusor
