#pragma once

#include <string>
#include <string_view>

namespace difusor::traffic {

// Request classification shared by both counting modes (rules in TrafficCounter.h).

// True when the user agent looks like a crawler, monitor, scanner or scripted client. Our own list of
// case-insensitive substrings (see Classify.cpp), not AWStats' robots database.
bool isRobotUserAgent(std::string_view userAgent);

// True when the path (without query) names an asset rather than a page: AWStats' NotPageList
// (css js class gif jpg jpeg png bmp ico rss xml swf eot woff woff2) plus image and download types.
// The extension is the last ".xxx" (1-6 word characters) at the end of the path, compared lowercase.
bool isAssetPath(std::string_view pathNoQuery);

// True for download types (archives, documents, media): AWStats counts the bytes of their 206 responses.
bool isDownloadPath(std::string_view pathNoQuery);

bool isFavicon(std::string_view pathNoQuery);   // ends with "/favicon.ico", any case
bool isRobotsTxt(std::string_view pathNoQuery); // ends with "/robots.txt", any case

// The path as awstats.pl 7.8 counts it (LogFormat=1, URLWithQuery=0, URLWithAnchor=0): the request's
// second token (its regex stops the URL at a space), with RFC 3986 unreserved escapes decoded (%41 -> A,
// %2E -> ., awstats.pl 7889), a trailing "#anchor" of word characters dropped (18861) and the query cut at
// the first '?' or ';' (URLQuerySeparators, 18919). The result points into requestPath or scratch.
std::string_view awstatsPath(std::string_view requestPath, std::string &scratch);

// AWStats keys a client "::ffff:a.b.c.d" (IPv4-mapped IPv6) as "a.b.c.d" (awstats.pl 18105, 19445).
std::string_view awstatsHost(std::string_view host);

// Methods AWStats keeps for web logs (LogType=W): its list, case-sensitive (GET POST HEAD PROPFIND …
// awstats.pl 18380-18400), plus GET, MMS, RTSP, HTTP and RTP in any case (its streaming branch). A request
// with another method (or none) is not a hit there, nor a robot's.
bool isAwstatsMethod(std::string_view method);

} // namespace difusor::traffic
