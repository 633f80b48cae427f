#pragma once

#include <QString>

#include <string>
#include <string_view>
#include <vector>

// AWStats' data files (robots.pm) are Perl source and its patterns Perl regexes: what AwstatsRobots needs
// of both, read without Perl.
namespace difusor::traffic::perl {

// Reads `@name = ( 'a', 'b', ... );` (or %name) from Perl source: single-quoted strings (\\ and \'
// unescaped, every other backslash kept, as Perl does), double-quoted strings without interpolation,
// commas or "=>", whitespace and # comments. Appends the strings; false when the list is missing or holds
// anything else.
bool readList(const std::string &text, const std::string &name, std::vector<std::string> &out);

// What the fast path needs to know of a Perl regex matched with /i.
struct PatternShape
{
    bool plain = true;   // the regex is a plain substring: `literal`
    std::string literal; // ASCII-folded
    std::string trigger; // a folded substring every match contains ("" when none is known)
    int length = -1;     // the one length a matching string can have (^…$ of single characters), or -1
};
PatternShape analyse(std::string_view pattern);

// The pattern as PCRE2 (QRegularExpression) must be given it to match what Perl matches.
QString toPcre(const std::string &perlPattern);

} // namespace difusor::traffic::perl
