#include "PerlSource.h"

namespace difusor::traffic::perl {

namespace {

inline char lowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
inline bool isAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
inline int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = lowerAscii(c);
    return (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
}

// Index of the ']' closing the bracket expression opened at p[open] (Perl rules: a ']' right after
// '[' or '[^' is literal, backslash escapes, [:name:] inside). npos when unterminated.
std::size_t classEnd(std::string_view p, std::size_t open)
{
    std::size_t i = open + 1;
    if (i < p.size() && p[i] == '^')
        ++i;
    if (i < p.size() && p[i] == ']')
        ++i;
    for (; i < p.size(); ++i) {
        if (p[i] == '\\') {
            ++i;
        } else if (p[i] == '[' && i + 1 < p.size() && p[i + 1] == ':') {
            const std::size_t e = p.find(":]", i + 2);
            if (e != std::string_view::npos)
                i = e + 1;
        } else if (p[i] == ']') {
            return i;
        }
    }
    return std::string_view::npos;
}

// A bracket body standing for exactly one character ("x", "\x20", "\-"): that character.
bool singleCharClass(std::string_view body, char &out)
{
    if (body.size() == 1 && body[0] != '^' && body[0] != '\\') {
        out = body[0];
        return true;
    }
    if (body.size() == 2 && body[0] == '\\' && !isAlnum(body[1])) {
        out = body[1];
        return true;
    }
    if (body.size() == 4 && body[0] == '\\' && body[1] == 'x' && hexValue(body[2]) >= 0 && hexValue(body[3]) >= 0) {
        out = static_cast<char>(hexValue(body[2]) * 16 + hexValue(body[3]));
        return true;
    }
    return false;
}

// Length of a valid quantifier "{n}", "{n,}", "{n,m}" at p[i]; 0 when '{' is a literal there (Perl).
std::size_t braceQuantifier(std::string_view p, std::size_t i)
{
    std::size_t k = i + 1;
    const std::size_t digits = k;
    while (k < p.size() && p[k] >= '0' && p[k] <= '9')
        ++k;
    if (k == digits)
        return 0;
    if (k < p.size() && p[k] == ',')
        for (++k; k < p.size() && p[k] >= '0' && p[k] <= '9';)
            ++k;
    return k < p.size() && p[k] == '}' ? k - i + 1 : 0;
}

} // namespace

bool readList(const std::string &text, const std::string &name, std::vector<std::string> &out)
{
    std::size_t at = 0;
    for (;;) {
        at = text.find(name, at);
        if (at == std::string::npos)
            return false;
        std::size_t lineStart = text.rfind('\n', at);
        lineStart = lineStart == std::string::npos ? 0 : lineStart + 1;
        std::size_t p = at + name.size();
        const bool wholeName = p < text.size() && !isAlnum(text[p]) && text[p] != '_';
        bool codeLine = wholeName && text.find_first_not_of(" \t", lineStart) == at;
        while (p < text.size() && (text[p] == ' ' || text[p] == '\t'))
            ++p;
        if (codeLine && p < text.size() && text[p] == '=') {
            ++p;
            while (p < text.size() && (text[p] == ' ' || text[p] == '\t' || text[p] == '\n' || text[p] == '\r'))
                ++p;
            if (p < text.size() && text[p] == '(') {
                at = p + 1;
                break;
            }
        }
        at += name.size();
    }
    std::size_t p = at;
    while (p < text.size()) {
        const char c = text[p];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',') {
            ++p;
        } else if (c == '=' && p + 1 < text.size() && text[p + 1] == '>') {
            p += 2;
        } else if (c == '#') {
            const std::size_t nl = text.find('\n', p);
            p = nl == std::string::npos ? text.size() : nl + 1;
        } else if (c == ')') {
            return true;
        } else if (c == '\'' || c == '"') {
            std::string s;
            ++p;
            for (; p < text.size() && text[p] != c; ++p) {
                if (text[p] == '\\' && p + 1 < text.size()) {
                    const char n = text[p + 1];
                    if (n == c || n == '\\' || (c == '"' && (n == '$' || n == '@'))) {
                        s += n;
                        ++p;
                        continue;
                    }
                    if (c == '"')
                        return false; // "\t", "\x20"…: not in AWStats' files; refuse rather than guess
                } else if (c == '"' && (text[p] == '$' || text[p] == '@')) {
                    return false; // interpolation
                }
                s += text[p];
            }
            if (p >= text.size())
                return false;
            ++p;
            out.push_back(std::move(s));
        } else {
            return false;
        }
    }
    return false;
}

// Splits a Perl pattern into what the fast path needs. A trigger is the longest run of literal characters
// that every match must contain: runs inside a group count when the group is plain or (?:…), holds no
// alternation and is not quantified; a quantified character leaves its run; a top-level alternation
// means no trigger.
PatternShape analyse(std::string_view p)
{
    PatternShape a;
    struct Level
    {
        std::vector<std::string> runs;
        bool alternation = false;
        bool special = false; // (?=…), (?!…), (?<…) …: its literals are not required
    };
    std::vector<Level> levels(1);
    std::string run;
    bool lastLiteral = false;
    bool fixed = !p.empty() && p.front() == '^';
    bool endAnchor = false;
    int atoms = 0;
    const auto breakRun = [&] {
        if (!run.empty())
            levels.back().runs.push_back(run);
        run.clear();
        lastLiteral = false;
    };
    const auto literal = [&](char c) {
        a.literal += lowerAscii(c);
        run += lowerAscii(c);
        lastLiteral = true;
        ++atoms;
    };
    const auto oneCharacter = [&] { // a class, '.', \s …: one character, not a literal one
        a.plain = false;
        breakRun();
        ++atoms;
    };
    std::size_t i = 0;
    while (i < p.size()) {
        const char c = p[i];
        if (c == '\\') {
            if (i + 1 >= p.size()) {
                a.plain = false;
                fixed = false;
                break;
            }
            const char d = p[i + 1];
            if (d == 'x' && i + 3 < p.size() && hexValue(p[i + 2]) >= 0 && hexValue(p[i + 3]) >= 0) {
                literal(static_cast<char>(hexValue(p[i + 2]) * 16 + hexValue(p[i + 3])));
                i += 4;
            } else if (isAlnum(d)) {
                oneCharacter();
                if (std::string_view("sSdDwWhHvV").find(d) == std::string_view::npos)
                    fixed = false; //  \A \Q …: not one character
                i += 2;
            } else {
                literal(d);
                i += 2;
            }
        } else if (c == '[') {
            const std::size_t e = classEnd(p, i);
            if (e == std::string_view::npos) {
                a.plain = false;
                fixed = false;
                breakRun();
                break;
            }
            char single = 0;
            if (singleCharClass(p.substr(i + 1, e - i - 1), single))
                literal(single);
            else
                oneCharacter();
            i = e + 1;
        } else if (c == '*' || c == '?' || (c == '{' && braceQuantifier(p, i) > 0)) {
            a.plain = false;
            fixed = false;
            if (lastLiteral && !run.empty())
                run.pop_back(); // the quantified character may be absent
            breakRun();
            i += c == '{' ? braceQuantifier(p, i) : 1;
        } else if (c == '+' || c == '|') {
            a.plain = false;
            fixed = false;
            breakRun(); // '+': the character stays required, what follows may not be adjacent
            if (c == '|')
                levels.back().alternation = true;
            ++i;
        } else if (c == '(') {
            a.plain = false;
            fixed = false;
            breakRun();
            Level l;
            ++i;
            if (i < p.size() && p[i] == '?') {
                if (i + 1 < p.size() && p[i + 1] == ':')
                    i += 2;
                else
                    l.special = true;
            }
            levels.push_back(std::move(l));
        } else if (c == ')') {
            breakRun();
            ++i;
            if (levels.size() > 1) {
                Level l = std::move(levels.back());
                levels.pop_back();
                const bool quantified = i < p.size() && (p[i] == '*' || p[i] == '?' || (p[i] == '{' && braceQuantifier(p, i) > 0));
                if (!l.alternation && !l.special && !quantified)
                    levels.back().runs.insert(levels.back().runs.end(), l.runs.begin(), l.runs.end());
            }
        } else if (c == '.') {
            oneCharacter();
            ++i;
        } else if (c == '^' || c == '$') {
            a.plain = false;
            breakRun();
            if (c == '^' && i != 0)
                fixed = false;
            if (c == '$') {
                if (i + 1 == p.size())
                    endAnchor = true;
                else
                    fixed = false;
            }
            ++i;
        } else {
            literal(c);
            ++i;
        }
    }
    breakRun();
    if (levels.size() == 1 && !levels.front().alternation)
        for (const std::string &r : levels.front().runs)
            if (r.size() > a.trigger.size())
                a.trigger = r;
    if (fixed && endAnchor)
        a.length = atoms;
    return a;
}

// Perl takes a bracket expression that merely looks like a POSIX class outside brackets ("[:blank:]")
// for the set of its characters (with a warning); PCRE2 refuses it. Escape its first colon.
QString toPcre(const std::string &pattern)
{
    std::string s;
    std::size_t i = 0;
    while (i < pattern.size()) {
        if (pattern[i] == '\\' && i + 1 < pattern.size()) {
            s.append(pattern, i, 2);
            i += 2;
        } else if (pattern[i] == '[') {
            const std::size_t e = classEnd(pattern, i);
            if (e != std::string::npos && e > i + 2 && pattern[i + 1] == ':' && pattern[e - 1] == ':') {
                s += "[\\";
                s.append(pattern, i + 1, e - i);
            } else {
                s.append(pattern, i, e == std::string::npos ? pattern.size() - i : e - i + 1);
            }
            i = e == std::string::npos ? pattern.size() : e + 1;
        } else {
            s += pattern[i++];
        }
    }
    return QString::fromLatin1(s.data(), static_cast<qsizetype>(s.size()));
}

} // namespace difusor::traffic::perl
