#pragma once

#include <QMap>
#include <QPair>
#include <QString>

namespace difusor::test {

// The two anchors our counts are held to, run on a log as a difusor would run them.

struct AwstatsDay
{
    double pages = 0, hits = 0, bandwidth = 0, visits = 0;
};

struct AwstatsRun
{
    bool ok = false;
    QString output;                  // awstats.pl's own messages (for a failure message)
    QMap<QString, AwstatsDay> days;  // "YYYYMMDD" -> DAY section
    QMap<QString, double> robotHits; // robot ID (the robots.pm pattern, 'no_user_agent', 'unknown') -> hits
};

// Path of awstats.pl (Debian's /usr/lib/cgi-bin, upstream's wwwroot), or empty.
QString findAwstats();

// awstats.pl -update with LogFormat=1, DNSLookup=0 and Debian's defaults for the rest (NotPageList,
// ValidHTTPCodes="200 304", LevelForRobotsDetection=2, LevelForWormsDetection=0), data in workDir; the
// DAY and ROBOT sections of every monthly file it wrote.
AwstatsRun runAwstats(const QString &perl, const QString &awstats, const QString &log, const QString &workDir);

struct GoaccessRun
{
    bool ok = false;
    QString output;
    double totalRequests = 0, validRequests = 0, failedRequests = 0, uniqueVisitors = 0, bandwidth = 0;
    QMap<QString, QPair<double, double>> days; // "YYYYMMDD" -> (hits, visitors)
};

// goaccess LOG --log-format=COMBINED --no-global-config -o JSON.
GoaccessRun runGoaccess(const QString &goaccess, const QString &log, const QString &workDir);

} // namespace difusor::test
