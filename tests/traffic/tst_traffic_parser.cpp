// Parser unit tests: recorded nginx lines (tests/traffic/data, written by a real nginx 1.22 with the
// combined format and with `$request_time` appended), custom formats, malformed and hostile input.
#include "traffic/Classify.h"
#include "traffic/LineSplitter.h"
#include "traffic/LogParser.h"

#include <QFile>
#include <QTest>

#include <string>

using namespace difusor::traffic;

namespace {

QList<QByteArray> recordedLines(const char *name)
{
    QFile f(QStringLiteral(DIFUSOR_TRAFFIC_DATA "/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines = f.readAll().split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

std::string_view view(const QByteArray &b) { return std::string_view(b.constData(), static_cast<std::size_t>(b.size())); }

QString str(std::string_view v) { return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size())); }

} // namespace

class TstTrafficParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordedCombined()
    {
        const QList<QByteArray> lines = recordedLines("nginx_combined.log");
        QCOMPARE(lines.size(), 12);
        LogParser parser;
        LogRecord r;
        for (const QByteArray &l : lines)
            QCOMPARE(int(parser.parse(view(l), r)), int(ParseError::None));

        QCOMPARE(int(parser.parse(view(lines[0]), r)), int(ParseError::None));
        QCOMPARE(str(r.host), QStringLiteral("127.0.0.1"));
        QCOMPARE(str(r.method), QStringLiteral("GET"));
        QCOMPARE(str(r.path), QStringLiteral("/"));
        QCOMPARE(str(r.protocol), QStringLiteral("HTTP/1.1"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.bytes, 5);
        QCOMPARE(str(r.referer), QStringLiteral("http://127.0.0.1:18971/"));
        QCOMPARE(str(r.userAgent), QStringLiteral("Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0"));
        QCOMPARE(r.offsetMinutes, 0);
        QCOMPARE(r.localTime, daysFromCivil(2026, 11, 28) * 86400 + 17 * 3600 + 55 * 60 + 11);
        QCOMPARE(r.serveTimeUs, -1);

        // nginx escapes quotes and backslashes in the request and user agent as \x22 and \x5C.
        QVERIFY(parser.parse(view(lines[4]), r) == ParseError::None);
        QCOMPARE(str(r.path), QStringLiteral("/index.html?q=a%20b&x=\\x221\\x22"));
        QCOMPARE(str(r.pathNoQuery()), QStringLiteral("/index.html"));
        QCOMPARE(str(r.userAgent), QStringLiteral("Mozilla/5.0 \\x22quoted\\x22 \\x5C back"));

        // "-" user agent, HEAD, the remote user field, and a request line that is not HTTP.
        QVERIFY(parser.parse(view(lines[3]), r) == ParseError::None);
        QVERIFY(!r.hasUserAgent());
        QVERIFY(parser.parse(view(lines[5]), r) == ParseError::None);
        QCOMPARE(str(r.method), QStringLiteral("HEAD"));
        QCOMPARE(r.bytes, 0);
        QVERIFY(parser.parse(view(lines[7]), r) == ParseError::None);
        QCOMPARE(r.status, 401);
        QVERIFY(parser.parse(view(lines[11]), r) == ParseError::None);
        QCOMPARE(str(r.method), QString());
        QCOMPARE(str(r.path), QStringLiteral("GARBAGE"));
        QCOMPARE(r.status, 400);
    }

    void recordedRequestTime()
    {
        const QList<QByteArray> lines = recordedLines("nginx_request_time.log");
        QCOMPARE(lines.size(), 12);
        LogParser parser; // combined: a trailing number is the serve time
        LogRecord r;
        for (const QByteArray &l : lines) {
            QVERIFY(parser.parse(view(l), r) == ParseError::None);
            QVERIFY(r.serveTimeUs >= 0);
        }
        QCOMPARE(r.serveTimeUs, 2000); // "0.002"

        LogParser strict(*LogFormat::fromString(QStringLiteral("COMBINED_RT")));
        QVERIFY(strict.parse(view(lines[11]), r) == ParseError::None);
        QCOMPARE(r.serveTimeUs, 2000);
        // The plain combined file has no serve time: COMBINED_RT refuses it, COMBINED accepts it.
        const QList<QByteArray> plain = recordedLines("nginx_combined.log");
        QCOMPARE(int(strict.parse(view(plain[0]), r)), int(ParseError::Layout));
    }

    void customFormat()
    {
        QString error;
        auto f = LogFormat::fromString(QStringLiteral("%h [%d:%t %z] %m %U %H %s %b %L \"%u\""), &error);
        QVERIFY2(f, qPrintable(error));
        LogParser p(*f);
        LogRecord r;
        const QByteArray line("2001:db8::7 [05/Mar/2024:23:59:60 -0630] POST /api/x?y=1 HTTP/2.0 201 17 12.5 \"Mozilla/5.0\"");
        QCOMPARE(int(p.parse(view(line), r)), int(ParseError::None));
        QCOMPARE(str(r.host), QStringLiteral("2001:db8::7"));
        QCOMPARE(str(r.method), QStringLiteral("POST"));
        QCOMPARE(str(r.path), QStringLiteral("/api/x?y=1"));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.serveTimeUs, 12500);
        QCOMPARE(r.offsetMinutes, -390);
        QCOMPARE(r.utcTime() - r.localTime, 390 * 60);

        QVERIFY(!LogFormat::fromString(QStringLiteral("%h %q"), &error));
        QVERIFY(!LogFormat::fromString(QStringLiteral("%h %s"), &error)); // no date
        QVERIFY(!LogFormat::fromString(QStringLiteral("%h%s [%x]"), &error)); // fields without separator
        QVERIFY(!LogFormat::fromString(QStringLiteral("[%x] %"), &error));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("error");
        const QByteArray ok = "10.0.0.1 - - [01/Oct/2026:10:00:00 -0600] \"GET / HTTP/1.1\" 200 10 \"-\" \"UA\"";
        QTest::newRow("ok") << ok << int(ParseError::None);
        QTest::newRow("empty") << QByteArray() << int(ParseError::Empty);
        QTest::newRow("garbage") << QByteArray("esto no es una línea") << int(ParseError::Host);
        QTest::newRow("no fields") << QByteArray("10.0.0.1") << int(ParseError::Layout);
        QTest::newRow("truncated") << ok.left(60) << int(ParseError::Layout);
        QTest::newRow("after status") << QByteArray("10.0.0.1 - - [01/Oct/2026:10:00:00 -0600] \"GET / HTTP/1.1\" 200") << int(ParseError::Layout);
        QTest::newRow("hostname") << QByteArray(ok).replace("10.0.0.1", "example.org") << int(ParseError::Host);
        QTest::newRow("bad ipv4") << QByteArray(ok).replace("10.0.0.1", "10.0.0.256") << int(ParseError::Host);
        QTest::newRow("month") << QByteArray(ok).replace("Oct", "Foo") << int(ParseError::Date);
        QTest::newRow("day 31 of Nov") << QByteArray(ok).replace("01/Oct", "31/Nov") << int(ParseError::Date);
        QTest::newRow("hour") << QByteArray(ok).replace("10:00:00", "24:00:00") << int(ParseError::Date);
        QTest::newRow("zone") << QByteArray(ok).replace("-0600", "-06:0") << int(ParseError::Date);
        QTest::newRow("empty date") << QByteArray(ok).replace("01/Oct/2026:10:00:00 -0600", "") << int(ParseError::Date);
        QTest::newRow("status letters") << QByteArray(ok).replace(" 200 ", " 2x0 ") << int(ParseError::Status);
        QTest::newRow("status 999") << QByteArray(ok).replace(" 200 ", " 999 ") << int(ParseError::Status);
        QTest::newRow("bytes") << QByteArray(ok).replace(" 10 ", " 1o ") << int(ParseError::Bytes);
        QTest::newRow("bytes huge") << QByteArray(ok).replace(" 10 ", " 99999999999999999999999 ") << int(ParseError::Bytes);
        QTest::newRow("empty request") << QByteArray(ok).replace("GET / HTTP/1.1", "") << int(ParseError::Request);
        QTest::newRow("unterminated ua") << ok.left(ok.size() - 1) << int(ParseError::Layout);
        QTest::newRow("too long") << QByteArray(ok).replace("GET /", QByteArray("GET /").append(QByteArray(40000, 'a'))) << int(ParseError::TooLong);
        QTest::newRow("nul bytes") << QByteArray(ok).replace("UA", QByteArray("U\0A", 3)) << int(ParseError::None);
        QTest::newRow("crlf") << ok + '\r' << int(ParseError::None);
        QTest::newRow("apache escaped quote") << QByteArray(ok).replace("\"UA\"", "\"say \\\"hi\\\"\"") << int(ParseError::None);
    }

    void malformed()
    {
        QFETCH(QByteArray, line);
        QFETCH(int, error);
        LogParser p;
        LogRecord r;
        QCOMPARE(int(p.parse(view(line), r)), error);
    }

    // parse() takes a written-out path for the combined layout; the token loop is the reference. Every
    // recorded line, the malformed ones above, and each of them cut short at every byte and with every
    // byte replaced by a character that matters to the layout: the same answer, the same views.
    void combinedFastPathIsTheTokenLoop()
    {
        QList<QByteArray> lines = recordedLines("nginx_combined.log") + recordedLines("nginx_request_time.log");
        const QByteArray ok = "10.0.0.1 - - [01/Oct/2026:10:00:00 -0600] \"GET / HTTP/1.1\" 200 10 \"-\" \"UA\"";
        lines << ok << ok + " 0.250" << ok + " 0.250 x" << ok + "  12" << QByteArray(ok).replace("- - [", "- alice [")
              << QByteArray(ok).replace("- - [", "- a b [") << QByteArray(ok).replace("- - [", "x - [")
              << QByteArray(ok).replace("\"UA\"", "\"say \\\"hi\\\"\"") << QByteArray(ok).replace("\"-\"", "\"a \\\" b\"")
              << QByteArray(ok).replace("\"-\"", "\"\"") << QByteArray(ok).replace("\"UA\"", "\"\"")
              << QByteArray(ok).replace("-0600", "") << QByteArray(ok).replace(" 10 ", " - ")
              << QByteArray(ok).replace("10.0.0.1", "2001:db8::1");
        const char replacements[] = {' ', '"', '\\', '[', ']', '-', '0', '9', 'x', ':', '/', '.', '\r'};
        LogParser fast;
        LogParser tokens;
        LogRecord a, b;
        int compared = 0;
        const auto same = [&](const QByteArray &line) {
            const ParseError ea = fast.parse(view(line), a);
            const ParseError eb = tokens.parseByTokens(view(line), b);
            ++compared;
            if (ea != eb)
                return false;
            if (ea != ParseError::None)
                return true;
            const auto sameView = [](std::string_view x, std::string_view y) { return x.data() == y.data() && x.size() == y.size(); };
            return sameView(a.host, b.host) && sameView(a.method, b.method) && sameView(a.path, b.path)
                   && sameView(a.protocol, b.protocol) && sameView(a.referer, b.referer)
                   && sameView(a.userAgent, b.userAgent) && a.status == b.status && a.bytes == b.bytes
                   && a.localTime == b.localTime && a.offsetMinutes == b.offsetMinutes && a.serveTimeUs == b.serveTimeUs;
        };
        int accepted = 0;
        for (const QByteArray &line : std::as_const(lines)) {
            QVERIFY2(same(line), line.constData());
            accepted += fast.parse(view(line), a) == ParseError::None;
            for (int cut = 0; cut < line.size(); ++cut)
                QVERIFY2(same(line.left(cut)), line.left(cut).constData());
            for (int at = 0; at < line.size(); ++at) {
                for (char c : replacements) {
                    QByteArray changed = line;
                    changed[at] = c;
                    QVERIFY2(same(changed), changed.constData());
                }
            }
        }
        QCOMPARE(accepted, lines.size() - 1); // all but the one without a zone, which the layout refuses
        QVERIFY2(compared > 40000, QByteArray::number(compared).constData());

        // Agents not written by us (tests/traffic/data/useragents), as the agent and as the referer.
        QFile agents(QStringLiteral(DIFUSOR_TRAFFIC_DATA "/useragents/crawler-user-agents.txt"));
        QVERIFY(agents.open(QIODevice::ReadOnly));
        int agentLines = 0;
        for (const QByteArray &agent : agents.readAll().split('\n')) {
            if (agent.isEmpty())
                continue;
            const QByteArray asAgent = QByteArray(ok).replace("\"UA\"", QByteArray("\"" + agent + "\""));
            const QByteArray asReferer = QByteArray(ok).replace("\"-\"", QByteArray("\"" + agent + "\""));
            QVERIFY2(same(asAgent) && same(asReferer), agent.constData());
            QCOMPARE(int(fast.parse(view(asAgent), a)), int(ParseError::None));
            ++agentLines;
        }
        QVERIFY(agentLines > 2000);
    }

    void timestampCacheDoesNotLeak()
    {
        LogParser p;
        LogRecord r;
        const QByteArray a = "10.0.0.1 - - [01/Oct/2026:10:00:00 -0600] \"GET / HTTP/1.1\" 200 10 \"-\" \"UA\"";
        const QByteArray b = "10.0.0.1 - - [01/Oct/2026:10:00:00 +0100] \"GET / HTTP/1.1\" 200 10 \"-\" \"UA\"";
        QVERIFY(p.parse(view(a), r) == ParseError::None);
        QCOMPARE(r.offsetMinutes, -360);
        QVERIFY(p.parse(view(b), r) == ParseError::None);
        QCOMPARE(r.offsetMinutes, 60);
        QVERIFY(p.parse(view(QByteArray(a).replace("Oct", "Oxt")), r) == ParseError::Date);
    }

    void classification()
    {
        QVERIFY(isRobotUserAgent("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"));
        QVERIFY(isRobotUserAgent("curl/7.88.1"));
        QVERIFY(isRobotUserAgent(""));
        QVERIFY(isRobotUserAgent("-"));
        QVERIFY(!isRobotUserAgent("Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0"));
        QVERIFY(!isRobotUserAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1"));
        QVERIFY(isAssetPath("/static/app.CSS"));
        QVERIFY(isAssetPath("/f/roboto.woff2"));
        QVERIFY(isAssetPath("/descargas/base.zip"));
        QVERIFY(!isAssetPath("/"));
        QVERIFY(!isAssetPath("/index.html"));
        QVERIFY(!isAssetPath("/casilla.php"));
        QVERIFY(!isAssetPath("/v1.2/estado"));
        QVERIFY(!isAssetPath("/archivo.toolongext"));
        QVERIFY(isDownloadPath("/a/acta.PDF"));
        QVERIFY(!isDownloadPath("/img/a.png"));
        QVERIFY(isFavicon("/FAVICON.ico"));
        QVERIFY(isRobotsTxt("/robots.txt"));
        QVERIFY(!isRobotsTxt("/robots.txt/x"));
        QVERIFY(isIpAddress("::1"));
        QVERIFY(!isIpAddress("1.2.3"));
        QVERIFY(isAwstatsMethod("GET") && isAwstatsMethod("PROPFIND") && isAwstatsMethod("get") && isAwstatsMethod("Rtsp"));
        QVERIFY(!isAwstatsMethod("post") && !isAwstatsMethod("PATCH") && !isAwstatsMethod("CONNECT") && !isAwstatsMethod(""));
        QCOMPARE(awstatsHost("::ffff:10.1.2.3"), std::string_view("10.1.2.3"));
        QCOMPARE(awstatsHost("::FFFF:10.1.2.3"), std::string_view("::FFFF:10.1.2.3")); // its regex is case-sensitive
        QCOMPARE(awstatsHost("::ffff:a0b:c0d"), std::string_view("::ffff:a0b:c0d"));
        QCOMPARE(awstatsHost("2001:db8::1"), std::string_view("2001:db8::1"));
    }

    // The path AWStats counts: first token, unreserved %XX decoded, a "#word" anchor dropped, query cut.
    void awstatsPathRules_data()
    {
        QTest::addColumn<QString>("request");
        QTest::addColumn<QString>("path");
        QTest::newRow("plain") << "/a/b.html" << "/a/b.html";
        QTest::newRow("query") << "/a.php?x=1;y" << "/a.php";
        QTest::newRow("semicolon") << "/a;jsessionid=1?x" << "/a";
        QTest::newRow("space") << "/a.css extra" << "/a.css";
        QTest::newRow("word anchor") << "/a.css#top" << "/a.css";
        QTest::newRow("other anchor") << "/a.css#x-y" << "/a.css#x-y";
        QTest::newRow("anchor after query") << "/a.css?v=1#x-y" << "/a.css";
        QTest::newRow("anchor before query") << "/a.css#top?v" << "/a.css#top";
        QTest::newRow("unreserved") << "/tema.%63ss" << "/tema.css";
        QTest::newRow("reserved kept") << "/a%2Fb%3F%20c" << "/a%2Fb%3F%20c";
        QTest::newRow("decoded anchor") << "/a.js#b%41" << "/a.js";
        QTest::newRow("dots") << "/%2e%2E/x" << "/../x";
        QTest::newRow("empty") << "" << "";
    }

    void awstatsPathRules()
    {
        QFETCH(QString, request);
        QFETCH(QString, path);
        const QByteArray r = request.toLatin1();
        std::string scratch;
        const std::string_view got = awstatsPath(std::string_view(r.constData(), std::size_t(r.size())), scratch);
        QCOMPARE(QString::fromLatin1(got.data(), qsizetype(got.size())), path);
    }

    void splitterBoundaries()
    {
        const std::string text = "uno\ndos\r\n\ntres largo largo\ncuatro";
        for (std::size_t chunk = 1; chunk <= text.size(); ++chunk) {
            LineSplitter s(12);
            QStringList got;
            auto sink = [&got](std::string_view l, bool overlong) {
                got << (overlong ? QStringLiteral("!") : QString()) + str(l);
            };
            for (std::size_t i = 0; i < text.size(); i += chunk)
                s.feed(text.data() + i, std::min(chunk, text.size() - i), sink);
            s.finish(sink);
            QCOMPARE(got.size(), 5);
            QCOMPARE(got[0], QStringLiteral("uno"));
            QCOMPARE(got[1], QStringLiteral("dos\r"));
            QCOMPARE(got[2], QString());
            QVERIFY(got[3].startsWith(QLatin1Char('!')));
            QCOMPARE(got[4], QStringLiteral("cuatro"));
            QVERIFY(s.pending() == 0);
        }
    }
};

QTEST_GUILESS_MAIN(TstTrafficParser)
#include "tst_traffic_parser.moc"
