#include "AwstatsRobots.h"

#include "common/Tr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <deque>

namespace difusor::traffic {

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

// ---- robots.pm: Perl list literals of quoted strings ----------------------------------------------

// Reads `@name = ( 'a', 'b', ... );` (or %name) from Perl source: single-quoted strings (\\ and \'
// unescaped, every other backslash kept, as Perl does), double-quoted strings without interpolation,
// commas or "=>", whitespace and # comments. False when the list is missing or holds anything else.
bool readPerlList(const std::string &text, const std::string &name, std::vector<std::string> &out)
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

// ---- Perl regex analysis ---------------------------------------------------------------------------

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

struct Analysis
{
    bool plain = true;   // the regex is a plain substring: `literal`
    std::string literal; // ASCII-folded
    std::string trigger; // a folded substring every match contains ("" when none is known)
    int length = -1;     // the one length a matching agent can have (^…$ of single characters), or -1
};

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

// Splits a Perl pattern into what the fast path needs. A trigger is the longest run of literal characters
// that every match must contain: runs inside a group count when the group is plain or (?:…), holds no
// alternation and is not quantified; a quantified character leaves its run; a top-level alternation
// means no trigger.
Analysis analyse(std::string_view p)
{
    Analysis a;
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
QString toPcre(const std::string &perl)
{
    std::string s;
    std::size_t i = 0;
    while (i < perl.size()) {
        if (perl[i] == '\\' && i + 1 < perl.size()) {
            s.append(perl, i, 2);
            i += 2;
        } else if (perl[i] == '[') {
            const std::size_t e = classEnd(perl, i);
            if (e != std::string::npos && e > i + 2 && perl[i + 1] == ':' && perl[e - 1] == ':') {
                s += "[\\";
                s.append(perl, i + 1, e - i);
            } else {
                s.append(perl, i, e == std::string::npos ? perl.size() - i : e - i + 1);
            }
            i = e == std::string::npos ? perl.size() : e + 1;
        } else {
            s += perl[i++];
        }
    }
    return QString::fromLatin1(s.data(), static_cast<qsizetype>(s.size()));
}

QString versionBeside(const QString &robotsPm)
{
    const QString canonical = QFileInfo(robotsPm).canonicalFilePath();
    QStringList candidates{QFileInfo(canonical).dir().absoluteFilePath(QStringLiteral("../awstats.pl"))};
    if (canonical.startsWith(QLatin1String("/usr/share/awstats/")))
        candidates << QStringLiteral("/usr/lib/cgi-bin/awstats.pl"); // Debian's layout
    static const QRegularExpression re(QStringLiteral("^\\$VERSION\\s*=\\s*\"([0-9][0-9.]*)"),
                                       QRegularExpression::MultilineOption);
    for (const QString &c : candidates) {
        QFile f(c);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QRegularExpressionMatch m = re.match(QString::fromLatin1(f.read(16384)));
        if (m.hasMatch())
            return m.captured(1);
    }
    return {};
}

} // namespace

AwstatsRobots::~AwstatsRobots() = default;

QStringList AwstatsRobots::defaultPaths()
{
    return {
        QStringLiteral("/usr/share/awstats/lib/robots.pm"),                 // Debian, Ubuntu
        QStringLiteral("/usr/share/awstats/wwwroot/cgi-bin/lib/robots.pm"), // Fedora, RHEL (EPEL)
        QStringLiteral("/usr/local/awstats/wwwroot/cgi-bin/lib/robots.pm"), // AWStats' own tarball
        QStringLiteral("/usr/local/www/awstats/cgi-bin/lib/robots.pm"),     // FreeBSD port
    };
}

std::shared_ptr<const AwstatsRobots> AwstatsRobots::installed()
{
    static const std::shared_ptr<const AwstatsRobots> db = []() -> std::shared_ptr<const AwstatsRobots> {
        const QString env = qEnvironmentVariable("DIFUSOR_AWSTATS_ROBOTS");
        if (!env.isEmpty())
            return env == QLatin1String("none") ? nullptr : load(env);
        for (const QString &p : defaultPaths())
            if (QFile::exists(p))
                if (auto r = load(p))
                    return r;
        return nullptr;
    }();
    return db;
}

std::shared_ptr<const AwstatsRobots> AwstatsRobots::load(const QString &robotsPm, QString *error)
{
    QFile f(robotsPm);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = Tr::tr("No se pudo leer la lista de robots %1: %2").arg(robotsPm, f.errorString());
        return nullptr;
    }
    const QByteArray bytes = f.readAll();
    const std::string text(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    std::shared_ptr<AwstatsRobots> db(new AwstatsRobots);
    db->m_path = QFileInfo(robotsPm).absoluteFilePath();
    for (const char *list : {"@RobotsSearchIDOrder_list1", "@RobotsSearchIDOrder_list2", "@RobotsSearchIDOrder_listgen"}) {
        if (!readPerlList(text, list, db->m_patterns)) {
            if (error)
                *error = Tr::tr("%1 no es una base de robots de AWStats: no se pudo leer %2.")
                             .arg(robotsPm, QLatin1String(list));
            return nullptr;
        }
    }
    std::vector<std::string> lib;
    readPerlList(text, "%RobotsHashIDLib", lib); // only names: optional
    db->m_names.resize(db->m_patterns.size());
    for (std::size_t k = 0; k + 1 < lib.size(); k += 2) {
        const auto it = std::find(db->m_patterns.begin(), db->m_patterns.end(), lib[k]);
        if (it != db->m_patterns.end())
            db->m_names[static_cast<std::size_t>(it - db->m_patterns.begin())] = QString::fromUtf8(lib[k + 1].c_str());
    }
    if (db->m_patterns.empty() || !db->build(error)) {
        if (error && error->isEmpty())
            *error = Tr::tr("%1 no es una base de robots de AWStats: no tiene patrones.").arg(robotsPm);
        return nullptr;
    }
    db->m_version = versionBeside(robotsPm);
    return db;
}

QString AwstatsRobots::name(int index) const
{
    const QString &n = m_names[static_cast<std::size_t>(index)];
    return n.isEmpty() ? QString::fromLatin1(pattern(index).c_str()) : n;
}

int AwstatsRobots::addNode()
{
    m_next.insert(m_next.end(), static_cast<std::size_t>(m_classes), -1);
    m_firstOut.push_back(INT_MAX);
    m_triggerOut.push_back(0);
    return static_cast<int>(m_firstOut.size()) - 1;
}

bool AwstatsRobots::build(QString *)
{
    struct Entry
    {
        std::string text;
        int literalIndex; // or -1
        int triggerBit;   // or -1
    };
    std::vector<Entry> entries;
    int bits = 0;
    for (std::size_t k = 0; k < m_patterns.size(); ++k) {
        const Analysis a = analyse(m_patterns[k]);
        if (a.plain) {
            entries.push_back({a.literal, static_cast<int>(k), -1});
            continue;
        }
        Regex r;
        r.index = static_cast<int>(k);
        r.re = std::make_unique<QRegularExpression>(toPcre(m_patterns[k]), QRegularExpression::CaseInsensitiveOption);
        if (!r.re->isValid()) {
            m_unsupported << QString::fromLatin1(m_patterns[k].c_str());
            continue;
        }
        r.re->optimize();
        r.length = a.length;
        if (!a.trigger.empty() && bits < 64) {
            r.trigger = bits++;
            entries.push_back({a.trigger, -1, r.trigger});
        }
        m_regexes.push_back(std::move(r));
    }

    // Byte classes: one per folded character some entry uses; everything else is class 0.
    m_class.fill(0);
    m_classes = 1;
    for (const Entry &e : entries)
        for (char c : e.text) {
            const auto u = static_cast<unsigned char>(c);
            if (m_class[u] == 0 && m_classes < 255)
                m_class[u] = static_cast<std::uint8_t>(m_classes++);
        }
    for (int c = 'A'; c <= 'Z'; ++c)
        m_class[static_cast<std::size_t>(c)] = m_class[static_cast<std::size_t>(c + 32)];

    // Trie, then failure links breadth-first, turning the goto table into a full transition table.
    addNode();
    for (const Entry &e : entries) {
        int node = 0;
        for (char c : e.text) {
            const std::size_t slot = static_cast<std::size_t>(node) * static_cast<std::size_t>(m_classes) + m_class[static_cast<unsigned char>(c)];
            if (m_next[slot] < 0) {
                const int n = addNode();
                m_next[static_cast<std::size_t>(node) * static_cast<std::size_t>(m_classes) + m_class[static_cast<unsigned char>(c)]] = n;
            }
            node = m_next[static_cast<std::size_t>(node) * static_cast<std::size_t>(m_classes) + m_class[static_cast<unsigned char>(c)]];
        }
        if (e.literalIndex >= 0)
            m_firstOut[static_cast<std::size_t>(node)] = std::min(m_firstOut[static_cast<std::size_t>(node)], e.literalIndex);
        if (e.triggerBit >= 0)
            m_triggerOut[static_cast<std::size_t>(node)] |= std::uint64_t(1) << e.triggerBit;
    }
    const std::size_t k = static_cast<std::size_t>(m_classes);
    std::vector<int> fail(m_firstOut.size(), 0);
    std::deque<int> queue;
    for (std::size_t c = 0; c < k; ++c) {
        int &n = m_next[c];
        if (n < 0)
            n = 0;
        else
            queue.push_back(n);
    }
    while (!queue.empty()) {
        const int u = queue.front();
        queue.pop_front();
        const std::size_t fu = static_cast<std::size_t>(fail[static_cast<std::size_t>(u)]);
        m_firstOut[static_cast<std::size_t>(u)] = std::min(m_firstOut[static_cast<std::size_t>(u)], m_firstOut[fu]);
        m_triggerOut[static_cast<std::size_t>(u)] |= m_triggerOut[fu];
        for (std::size_t c = 0; c < k; ++c) {
            int &v = m_next[static_cast<std::size_t>(u) * k + c];
            if (v < 0) {
                v = m_next[fu * k + c];
            } else {
                fail[static_cast<std::size_t>(v)] = m_next[fu * k + c];
                queue.push_back(v);
            }
        }
    }
    return true;
}

int AwstatsRobots::match(std::string_view ua) const
{
    const std::size_t k = static_cast<std::size_t>(m_classes);
    std::size_t state = 0;
    int best = m_firstOut[0];
    std::uint64_t triggers = m_triggerOut[0];
    for (char c : ua) {
        state = static_cast<std::size_t>(m_next[state * k + m_class[static_cast<unsigned char>(c)]]);
        best = std::min(best, m_firstOut[state]);
        triggers |= m_triggerOut[state];
    }
    QString subject;
    bool haveSubject = false;
    for (const Regex &r : m_regexes) {
        if (r.index >= best)
            break;
        if (r.trigger >= 0 && !((triggers >> r.trigger) & 1))
            continue;
        if (r.length >= 0 && ua.size() != static_cast<std::size_t>(r.length))
            continue;
        if (!haveSubject) {
            // Latin-1: one character per byte, as Perl sees a line read without a decoding layer.
            subject = QString::fromLatin1(ua.data(), static_cast<qsizetype>(ua.size()));
            haveSubject = true;
        }
        if (r.re->match(subject).hasMatch())
            return r.index;
    }
    return best == INT_MAX ? -1 : best;
}

} // namespace difusor::traffic
