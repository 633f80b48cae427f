#pragma once

#include "LargePages.h"

#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

class QRegularExpression;

namespace difusor::traffic {

// AWStats' robot database (lib/robots.pm), read at run time and matched as awstats.pl 7.8 does with its
// default LevelForRobotsDetection=2:
//   - the patterns are @RobotsSearchIDOrder_list1, then _list2, then _listgen, in file order
//     (awstats.pl 17966-17972);
//   - each is a Perl regex compiled as qr/$_/i (18083) and matched against the user agent exactly as
//     logged: no lowercasing, no change of spaces (DecodeUA=0), no trimming (19118-19129);
//   - the first pattern that matches names the robot (19128-19133); none: not a robot.
// An empty user agent ("" or "-", and "0", which Perl takes for false) is AWStats' robot
// 'no_user_agent' (19119-19123, 19171); that rule is the caller's (TrafficCounter), not a pattern's.
//
// Speed: nearly all patterns are plain substrings; they go into one Aho-Corasick automaton over
// ASCII-folded bytes, which returns the lowest-numbered literal found in one pass. The few true regexes
// (anchors, classes, ".*") are compiled with PCRE2 (QRegularExpression) and tried, in order, only when
// they come before that literal, a substring they cannot match without is present and, for ^…$ ones,
// the agent has the one length they match. Callers cache the answer per distinct user agent
// (TrafficCounter does).
class AwstatsRobots final
{
public:
    ~AwstatsRobots();
    AwstatsRobots(const AwstatsRobots &) = delete;
    AwstatsRobots &operator=(const AwstatsRobots &) = delete;

    // Reads robots.pm. nullptr and a (translated) message when unreadable or not a robots database.
    static std::shared_ptr<const AwstatsRobots> load(const QString &robotsPm, QString *error = nullptr);
    // The database installed on this machine: $DIFUSOR_AWSTATS_ROBOTS when set (a path, or "none"),
    // else the first of defaultPaths() that loads. Read once per process; nullptr when there is none.
    static std::shared_ptr<const AwstatsRobots> installed();
    static QStringList defaultPaths();

    // Index (in AWStats' order) of the first pattern matching the user agent; -1 when none matches.
    int match(std::string_view userAgent) const;

    int size() const { return static_cast<int>(m_patterns.size()); }
    const std::string &pattern(int index) const { return m_patterns[static_cast<std::size_t>(index)]; }
    // The text %RobotsHashIDLib gives the pattern (HTML as written there), or the pattern itself.
    QString name(int index) const;
    QString path() const { return m_path; }
    // "7.8": the $VERSION of the awstats.pl installed with this robots.pm; empty when not found.
    QString version() const { return m_version; }
    // Patterns PCRE2 refused (never match). Empty for AWStats 7.8's database.
    QStringList unsupported() const { return m_unsupported; }

private:
    AwstatsRobots() = default;
    bool build(QString *error);
    int addNode();

    struct Regex
    {
        int index = 0;
        int trigger = -1; // bit in the automaton's trigger mask; -1: always tried
        int length = -1;  // ^…$ of single characters: only an agent of this length can match
        std::unique_ptr<QRegularExpression> re;
    };

    QString m_path;
    QString m_version;
    std::vector<std::string> m_patterns;
    std::vector<QString> m_names;
    QStringList m_unsupported;
    std::vector<Regex> m_regexes; // in pattern order

    // Aho-Corasick automaton as a full transition table over byte classes (bytes absent from every
    // pattern share class 0; ASCII letters are folded).
    std::array<std::uint8_t, 256> m_class{};
    int m_classes = 1;
    std::vector<std::int32_t, LargeAllocator<std::int32_t>> m_next; // node * m_classes + class -> node (~2 MB: huge pages)
    std::vector<std::int32_t> m_firstOut; // lowest literal index ending here or on the fail chain
    std::vector<std::uint64_t> m_triggerOut;
};

} // namespace difusor::traffic
