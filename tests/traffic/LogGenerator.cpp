#include "LogGenerator.h"

#include <QFile>

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <vector>

namespace difusor::test {

namespace {

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
    bool chance(int percent) { return below(100) < percent; }
};

struct Event
{
    std::int64_t t; // seconds since 2026-10-01 00:00 local
    std::string line; // without timestamp: "<host>|<rest>" split around the timestamp
    std::string host;
};

const std::array<const char *, 6> kBrowsers = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%d.0.%d.%d Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_%d like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.%d Mobile/15E%d Safari/604.1",
    "Mozilla/5.0 (Linux; Android 13; SM-A%dB) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%d.0.%d.163 Mobile Safari/537.36",
    "Mozilla/5.0 (X11; Linux x86_64; rv:%d.0) Gecko/20100101 Firefox/%d.%d",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_%d) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.%d Safari/605.%d.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%d.0.0.0 Safari/537.36 Edg/119.0.%d.%d",
};

const std::array<const char *, 10> kBots = {
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
    "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
    "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
    "curl/7.88.1",
    "Wget/1.21.3",
    "python-requests/2.28.1",
    "Go-http-client/1.1",
    "Mozilla/5.0 (compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)",
};

const std::array<const char *, 8> kPages = {
    "/", "/index.html", "/resultados/", "/resultados/presidencia.html", "/resultados/casilla.php?id=%d",
    "/publicacion/avance?corte=%d", "/estados/%d/", "/acerca",
};
const std::array<const char *, 9> kAssets = {
    "/static/app.css", "/static/app.js?v=%d", "/img/logo.png", "/img/mapa.svg", "/fonts/roboto.woff2",
    "/img/foto%d.jpg", "/descargas/base_datos_%d.zip", "/descargas/acta.pdf", "/feed.xml",
};

std::string format(const char *fmt, int a, int b = 0, int c = 0)
{
    char buf[512];
    std::snprintf(buf, sizeof buf, fmt, a, b, c);
    return buf;
}

std::string address(int visitor)
{
    if (visitor % 17 == 3)
        return format("2001:db8:%x::%x", visitor / 65536 + 1, visitor % 65536 + 1);
    return format("10.%d.%d.", (visitor >> 16) & 255, (visitor >> 8) & 255) + std::to_string(visitor & 255);
}

std::string request(const std::string &method, const std::string &path, int status, long bytes,
                    const std::string &referer, const std::string &ua)
{
    std::string s;
    s.reserve(256);
    s += '"';
    s += method;
    s += ' ';
    s += path;
    s += " HTTP/1.1\" ";
    s += std::to_string(status);
    s += ' ';
    s += bytes < 0 ? std::string("-") : std::to_string(bytes);
    s += " \"";
    s += referer;
    s += "\" \"";
    s += ua;
    s += '"';
    return s;
}

int humanStatus(Rng &r, bool &bytesZero)
{
    bytesZero = false;
    const int x = r.below(1000);
    if (x < 820)
        return 200;
    if (x < 900) {
        bytesZero = r.chance(70); // nginx logs 0 for a 304; some servers log the entity size
        return 304;
    }
    if (x < 930)
        return r.chance(50) ? 301 : 302;
    if (x < 965)
        return 404;
    if (x < 975)
        return 403;
    if (x < 985)
        return 206;
    return r.chance(50) ? 500 : 503;
}

} // namespace

LogGeneratorResult generateAccessLog(const QString &path, const LogGeneratorOptions &o)
{
    Rng r{o.seed * 2654435761ULL + 1};
    std::vector<Event> events;
    const std::int64_t dayLen = 86400;
    int visitorId = 0;
    for (int d = 0; d < o.days; ++d) {
        for (int v = 0; v < o.visitorsPerDay; ++v) {
            // Returning visitors reuse an earlier identity a third of the time.
            const int id = (visitorId > 10 && r.chance(33)) ? r.below(visitorId) : visitorId++;
            Rng vr{static_cast<std::uint64_t>(id) * 7919 + 17};
            const int b = vr.below(static_cast<int>(kBrowsers.size()));
            const std::string ua = o.manyUserAgents
                ? format(kBrowsers[static_cast<std::size_t>(b)], 90 + vr.below(40), vr.below(9000), vr.below(300))
                : format(kBrowsers[static_cast<std::size_t>(b)], 110 + vr.below(10), 5000 + vr.below(3), 100);
            const std::string host = address(id);
            std::int64_t t = d * dayLen + r.below(86400);
            const int sessions = 1 + r.below(3);
            for (int s = 0; s < sessions; ++s) {
                const int pages = 1 + r.below(8);
                std::string referer = "-";
                for (int p = 0; p < pages; ++p) {
                    const std::string page = format(kPages[static_cast<std::size_t>(r.below(static_cast<int>(kPages.size())))], r.below(300));
                    bool zero = false;
                    int st = humanStatus(r, zero);
                    const std::string method = r.chance(5) ? "POST" : (r.chance(3) ? "HEAD" : "GET");
                    long bytes = 2000 + r.below(40000);
                    if (zero || method == "HEAD")
                        bytes = 0;
                    if (r.chance(2))
                        bytes = -1;
                    events.push_back({t, request(method, page, st, bytes, referer, ua), host});
                    const int assets = r.below(5);
                    for (int a = 0; a < assets; ++a) {
                        const std::string asset = format(kAssets[static_cast<std::size_t>(r.below(static_cast<int>(kAssets.size())))], r.below(50));
                        int ast = humanStatus(r, zero);
                        events.push_back({t + r.below(3), request("GET", asset, ast, zero ? 0 : 300 + r.below(200000), "https://difusor.test" + page, ua), host});
                    }
                    if (r.chance(3))
                        events.push_back({t + 1, request("GET", "/favicon.ico", r.chance(50) ? 200 : 404, 1150, "-", ua), host});
                    if (r.chance(1))
                        events.push_back({t + 1, request("GET", "/robots.txt", 200, 68, "-", ua), host});
                    referer = "https://difusor.test" + page;
                    t += 5 + r.below(1500); // inside a session: under an hour between pages
                }
                t += 3700 + r.below(5 * 3600); // between sessions: over an hour
            }
        }
        // Crawlers and scripts, and clients without user agent.
        for (int k = 0; k < o.visitorsPerDay / 3; ++k) {
            const std::int64_t t = d * dayLen + r.below(86400);
            const std::string host = format("192.0.2.%d", 1 + r.below(200));
            const int bot = r.below(static_cast<int>(kBots.size()) + 1);
            const std::string ua = bot == static_cast<int>(kBots.size()) ? std::string(r.chance(50) ? "-" : "") : kBots[static_cast<std::size_t>(bot)];
            const std::string p = r.chance(20) ? std::string("/robots.txt") : format(kPages[static_cast<std::size_t>(r.below(static_cast<int>(kPages.size())))], r.below(300));
            events.push_back({t, request("GET", p, r.chance(90) ? 200 : 404, 500 + r.below(20000), "-", ua), host});
        }
    }
    std::stable_sort(events.begin(), events.end(), [](const Event &a, const Event &b) { return a.t < b.t; });

    LogGeneratorResult result;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return result;
    static const char *months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::string out;
    out.reserve(1 << 20);
    std::int64_t n = 0;
    for (const Event &e : events) {
        if (o.maxLines && result.lines >= o.maxLines)
            break;
        const std::int64_t day = e.t / dayLen + o.firstDay;
        const std::int64_t sec = e.t % dayLen;
        char stamp[64];
        std::snprintf(stamp, sizeof stamp, "%02d/%s/2026:%02d:%02d:%02d -0600", static_cast<int>(day), months[9],
                      static_cast<int>(sec / 3600), static_cast<int>(sec / 60 % 60), static_cast<int>(sec % 60));
        if (o.malformedEvery && ++n % o.malformedEvery == 0) {
            static const std::array<const char *, 5> bad = {
                "esto no es una línea de bitácora",
                "10.0.0.1 - - [%s] \"GET /cortada HTTP/1.1\" 200",
                "10.0.0.1 - - [31/Foo/2026:10:00:00 -0600] \"GET / HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0\"",
                "10.0.0.1 - - [%s] \"GET / HTTP/1.1\" 2x0 10 \"-\" \"Mozilla/5.0\"",
                "",
            };
            const char *b = bad[static_cast<std::size_t>(n / o.malformedEvery % bad.size())];
            if (*b) {
                char line[512];
                std::snprintf(line, sizeof line, b, stamp);
                out += line;
                out += '\n';
                ++result.malformed;
                ++result.lines;
            }
        }
        out += e.host;
        out += " - - [";
        out += stamp;
        out += "] ";
        out += e.line;
        out += '\n';
        ++result.lines;
        if (out.size() > (1 << 20) - 1024) {
            f.write(out.data(), static_cast<qint64>(out.size()));
            result.bytes += static_cast<std::int64_t>(out.size());
            out.clear();
        }
    }
    f.write(out.data(), static_cast<qint64>(out.size()));
    result.bytes += static_cast<std::int64_t>(out.size());
    return result;
}

} // namespace difusor::test
