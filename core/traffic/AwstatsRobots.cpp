#include "AwstatsRobots.h"

#include "PerlSource.h"
#include "common/Tr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <climits>
#include <deque>
#include <string_view>
#include <unordered_map>

namespace difusor::traffic {

namespace {

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
        if (!perl::readList(text, list, db->m_patterns)) {
            if (error)
                *error = Tr::tr("%1 no es una base de robots de AWStats: no se pudo leer %2.")
                             .arg(robotsPm, QLatin1String(list));
            return nullptr;
        }
    }
    std::vector<std::string> lib;
    perl::readList(text, "%RobotsHashIDLib", lib); // only names: optional
    db->m_names.resize(db->m_patterns.size());
    std::unordered_map<std::string_view, std::size_t> index; // the first pattern of each text, as std::find gave
    index.reserve(db->m_patterns.size());
    for (std::size_t i = 0; i < db->m_patterns.size(); ++i)
        index.try_emplace(db->m_patterns[i], i);
    for (std::size_t k = 0; k + 1 < lib.size(); k += 2) {
        const auto it = index.find(lib[k]);
        if (it != index.end())
            db->m_names[it->second] = QString::fromUtf8(lib[k + 1].c_str());
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
        const perl::PatternShape a = perl::analyse(m_patterns[k]);
        if (a.plain) {
            entries.push_back({a.literal, static_cast<int>(k), -1});
            continue;
        }
        Regex r;
        r.index = static_cast<int>(k);
        r.re = std::make_unique<QRegularExpression>(perl::toPcre(m_patterns[k]), QRegularExpression::CaseInsensitiveOption);
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

    // Trie, then failure links breadth-first, turning the goto table into a full transition table. At
    // most one node per character of every entry: reserved once, not grown node by node.
    std::size_t maxNodes = 1;
    for (const Entry &e : entries)
        maxNodes += e.text.size();
    m_next.reserve(maxNodes * static_cast<std::size_t>(m_classes));
    m_firstOut.reserve(maxNodes);
    m_triggerOut.reserve(maxNodes);
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
