#include "Classify.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

namespace difusor::traffic {

namespace {

inline char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool endsWithNoCase(std::string_view s, std::string_view suffix)
{
    if (s.size() < suffix.size())
        return false;
    const char *p = s.data() + s.size() - suffix.size();
    for (std::size_t i = 0; i < suffix.size(); ++i)
        if (lower(p[i]) != suffix[i])
            return false;
    return true;
}

// Crawlers, link checkers, monitors, scanners and HTTP libraries. Written for this project from the
// tokens those clients publish in their own documentation; deliberately short and generic. A real
// browser's user agent contains none of these.
constexpr std::array<std::string_view, 44> kRobotTokens = {
    "bot", "crawl", "spider", "slurp", "scrapy", "fetcher", "archiver", "facebookexternalhit",
    "mediapartners", "adsbot", "feedfetcher", "yahoo! ", "baidu", "yandex", "sogou", "ia_archiver",
    "semrush", "ahrefs", "mj12", "bytespider", "ccbot", "gptbot", "headlesschrome", "phantomjs",
    "lighthouse", "pingdom", "uptime", "monitor", "nagios", "check_http", "zgrab", "masscan", "nmap",
    "nikto", "sqlmap", "curl/", "wget/", "python-", "go-http-client", "java/", "libwww", "httpclient",
    "okhttp", "apache-httpclient",
};

bool isWordChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Extensions (lowercase) that are not pages, sorted for binary search.
constexpr std::array<std::string_view, 129> kAssetExtensions = {
    "7z", "aac", "ace", "ai", "apk", "asf", "avi", "azw", "azw3", "bin", "bmp", "bz2", "cab", "cdr", "class",
    "css", "csv", "deb", "divx", "dmg", "doc", "docx", "emz", "eot", "epub", "f4v", "flac", "flv", "frl",
    "gif", "gpx", "gz", "heic", "ico", "iso", "jar", "jpeg", "jpg", "js", "kml", "kmz", "lit", "log", "lzma",
    "m3u", "m4a", "m4v", "mdb", "mkv", "mobi", "mov", "mp3", "mp4", "mpeg", "mpg", "msi", "mso", "odb",
    "odf", "odg", "odm", "odp", "ods", "odt", "oga", "ogg", "ogv", "ogx", "otg", "oth", "otp", "ots", "ott",
    "ova", "ovf", "oxt", "pdf", "pkg", "png", "pps", "ppt", "pptx", "psd", "qcow2", "qt", "rar", "raw", "rm",
    "rpm", "rpt", "rss", "rtf", "svg", "svgz", "swf", "sxc", "sxd", "sxg", "sxi", "sxm", "sxw", "tar",
    "tbz2", "tgz", "tif", "tiff", "toast", "txt", "vcd", "vdi", "vhdx", "vmdk", "vpc", "wav", "webm", "webp",
    "wma", "wmf", "wmv", "wmz", "woff", "woff2", "xls", "xlsx", "xml", "xsl", "xz", "z", "zip",
};

} // namespace

bool isRobotUserAgent(std::string_view ua)
{
    if (ua.empty() || ua == "-")
        return true;
    char buf[512];
    const std::size_t n = std::min(ua.size(), sizeof buf);
    for (std::size_t i = 0; i < n; ++i)
        buf[i] = lower(ua[i]);
    const std::string_view l(buf, n);
    for (std::string_view t : kRobotTokens)
        if (l.find(t) != std::string_view::npos)
            return true;
    return false;
}

namespace {

// Lowercase extension of the path ("" when none), into buf.
std::string_view extensionOf(std::string_view path, char (&buf)[8])
{
    std::size_t i = path.size();
    while (i > 0 && isWordChar(path[i - 1]) && path.size() - i < 7)
        --i;
    const std::size_t len = path.size() - i;
    if (i == 0 || path[i - 1] != '.' || len == 0 || len > 6)
        return {};
    for (std::size_t k = 0; k < len; ++k)
        buf[k] = lower(path[i + k]);
    return std::string_view(buf, len);
}

// NotPageList and image types: the assets that are not downloads.
constexpr std::array<std::string_view, 21> kPageLikeAssets = {
    "bmp", "class", "css", "eot", "gif", "heic", "ico", "jpeg", "jpg", "js", "png", "rss", "svg", "svgz",
    "swf", "tif", "tiff", "webp", "woff", "woff2", "xml",
};

// Extensions packed in an integer (up to 6 bytes, zero-padded), sorted once: the lookup on the hot
// path is an integer binary search instead of string comparisons.
std::uint64_t pack(std::string_view e)
{
    std::uint64_t v = 0;
    for (char c : e)
        v = (v << 8) | static_cast<unsigned char>(c);
    return v;
}

template<std::size_t N>
std::vector<std::uint64_t> packedSorted(const std::array<std::string_view, N> &list)
{
    std::vector<std::uint64_t> v;
    for (std::string_view e : list)
        v.push_back(pack(e));
    std::sort(v.begin(), v.end());
    return v;
}

bool contains(const std::vector<std::uint64_t> &sorted, std::uint64_t key)
{
    return std::binary_search(sorted.begin(), sorted.end(), key);
}

const std::vector<std::uint64_t> &assetKeys()
{
    static const std::vector<std::uint64_t> keys = packedSorted(kAssetExtensions);
    return keys;
}

const std::vector<std::uint64_t> &pageLikeKeys()
{
    static const std::vector<std::uint64_t> keys = packedSorted(kPageLikeAssets);
    return keys;
}

} // namespace

bool isDownloadPath(std::string_view path)
{
    char buf[8];
    const std::string_view e = extensionOf(path, buf);
    return !e.empty() && contains(assetKeys(), pack(e)) && !contains(pageLikeKeys(), pack(e));
}

bool isAssetPath(std::string_view path)
{
    char buf[8];
    const std::string_view e = extensionOf(path, buf);
    return !e.empty() && contains(assetKeys(), pack(e));
}

namespace {

bool isPerlWord(char c) { return isWordChar(c); } // \w on bytes read without a decoding layer

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = lower(c);
    return (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
}

// s/%([46][1-9A-F]|[57][0-9A]|3[0-9]|2D|2E|5F|7E)/chr(hex($1))/ieg: letters, digits, - . _ ~
bool isUnreservedEscape(int v)
{
    return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) || v == 0x2D || v == 0x2E
        || v == 0x5F || v == 0x7E;
}

} // namespace

std::string_view awstatsPath(std::string_view requestPath, std::string &scratch)
{
    // Fast path, one pass: up to the first space, '?' or ';' when no '%' or '#' comes before it (decoding
    // creates none of " ?;#", and an anchor only ever trims after the query separator).
    for (std::size_t i = 0; i < requestPath.size(); ++i) {
        const char c = requestPath[i];
        if (c == ' ' || c == '?' || c == ';')
            return requestPath.substr(0, i);
        if (c == '%' || c == '#')
            break;
        if (i + 1 == requestPath.size())
            return requestPath;
    }
    std::string_view u = requestPath.substr(0, requestPath.find(' '));
    if (u.find('%') != std::string_view::npos) {
        scratch.clear();
        for (std::size_t i = 0; i < u.size(); ++i) {
            if (u[i] == '%' && i + 2 < u.size() && hexDigit(u[i + 1]) >= 0 && hexDigit(u[i + 2]) >= 0) {
                const int v = hexDigit(u[i + 1]) * 16 + hexDigit(u[i + 2]);
                if (isUnreservedEscape(v)) {
                    scratch += static_cast<char>(v);
                    i += 2;
                    continue;
                }
            }
            scratch += u[i];
        }
        u = scratch;
    }
    const std::size_t hash = u.rfind('#');
    if (hash != std::string_view::npos
        && std::all_of(u.begin() + static_cast<std::ptrdiff_t>(hash) + 1, u.end(), isPerlWord))
        u = u.substr(0, hash);
    return u.substr(0, u.find_first_of("?;"));
}

std::string_view awstatsHost(std::string_view host)
{
    if (host.size() < 14 || host.substr(0, 7) != "::ffff:")
        return host;
    const std::string_view v4 = host.substr(7);
    int parts = 0, digits = 0;
    for (char c : v4) {
        if (c == '.') {
            if (digits == 0)
                return host;
            ++parts;
            digits = 0;
        } else if (c >= '0' && c <= '9') {
            if (++digits > 3)
                return host;
        } else {
            return host;
        }
    }
    return parts == 3 && digits > 0 ? v4 : host;
}

bool isFavicon(std::string_view path) { return endsWithNoCase(path, "/favicon.ico"); }

bool isRobotsTxt(std::string_view path) { return endsWithNoCase(path, "/robots.txt"); }

bool isAwstatsMethod(std::string_view m)
{
    if (m.size() == 3 && m[0] == 'G' && m[1] == 'E' && m[2] == 'T')
        return true; // nearly every request
    static constexpr std::array<std::string_view, 20> kMethods = {
        "GET", "POST", "HEAD", "PROPFIND", "CHECKOUT", "LOCK", "PROPPATCH", "OPTIONS", "MKACTIVITY", "PUT",
        "MERGE", "DELETE", "REPORT", "MKCOL", "COPY", "RPC_IN_DATA", "RPC_OUT_DATA", "OK", "ERR!", "PRIV",
    };
    if (std::find(kMethods.begin(), kMethods.end(), m) != kMethods.end())
        return true;
    // Its streaming branch compares uc(method): "get" and "Get" are kept too (awstats.pl 18403-18411).
    char up[5];
    if (m.size() > sizeof up)
        return false;
    for (std::size_t i = 0; i < m.size(); ++i)
        up[i] = (m[i] >= 'a' && m[i] <= 'z') ? static_cast<char>(m[i] - 32) : m[i];
    const std::string_view u(up, m.size());
    return u == "GET" || u == "MMS" || u == "RTSP" || u == "HTTP" || u == "RTP";
}

} // namespace difusor::traffic
