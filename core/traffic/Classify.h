#pragma once

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

// Methods AWStats keeps for web logs; a request with another method (or none) is not a hit there.
bool isAwstatsMethod(std::string_view method);

} // namespace difusor::traffic
