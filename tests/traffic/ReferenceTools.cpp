#include "ReferenceTools.h"

#include "TestEnv.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace difusor::test {

QString findAwstats()
{
    for (const char *p : {"/usr/lib/cgi-bin/awstats.pl", "/usr/share/awstats/wwwroot/cgi-bin/awstats.pl"})
        if (QFile::exists(QLatin1String(p)))
            return QLatin1String(p);
    return findProgram(QStringLiteral("awstats.pl"));
}

AwstatsRun runAwstats(const QString &perl, const QString &awstats, const QString &log, const QString &workDir)
{
    AwstatsRun run;
    QFile conf(workDir + QStringLiteral("/awstats.difusor.conf"));
    if (!conf.open(QIODevice::WriteOnly))
        return run;
    conf.write(QStringLiteral("LogFile=\"%1\"\nLogType=W\nLogFormat=1\nDNSLookup=0\nDirData=\"%2\"\n"
                              "SiteDomain=\"difusor.test\"\nHostAliases=\"localhost\"\nAllowToUpdateStatsFromBrowser=0\n"
                              "NotPageList=\"css js class gif jpg jpeg png bmp ico rss xml swf eot woff woff2\"\n"
                              "ValidHTTPCodes=\"200 304\"\nLevelForRobotsDetection=2\nLevelForWormsDetection=0\n"
                              "SkipHosts=\"\"\nSkipFiles=\"\"\nOnlyFiles=\"\"\nDirIcons=\"/icon\"\nDirCgi=\"/cgi-bin\"\n")
                   .arg(log, workDir)
                   .toUtf8());
    conf.close();
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(perl, {awstats, QStringLiteral("-config=difusor"), QStringLiteral("-configdir=") + workDir, QStringLiteral("-update")});
    const bool finished = p.waitForFinished(300000);
    run.output = QString::fromUtf8(p.readAll());
    if (!finished || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return run;

    const QStringList files = QDir(workDir).entryList({QStringLiteral("awstats*.difusor.txt")}, QDir::Files);
    for (const QString &name : files) {
        QFile data(workDir + QLatin1Char('/') + name);
        if (!data.open(QIODevice::ReadOnly))
            return run;
        QByteArray section;
        for (const QByteArray &line : data.readAll().split('\n')) {
            if (line.startsWith("BEGIN_")) {
                section = line.mid(6, line.indexOf(' ') - 6);
                continue;
            }
            if (line.startsWith("END_")) {
                section.clear();
                continue;
            }
            const QList<QByteArray> f = line.split(' ');
            if (section == "DAY" && f.size() >= 5) // Date - Pages - Hits - Bandwidth - Visits
                run.days.insert(QString::fromLatin1(f[0]), AwstatsDay{f[1].toDouble(), f[2].toDouble(), f[3].toDouble(), f[4].toDouble()});
            else if (section == "ROBOT" && f.size() >= 2) // Robot ID - Hits - Bandwidth - Last visit - robots.txt
                run.robotHits[QString::fromLatin1(f[0])] += f[1].toDouble();
        }
    }
    run.ok = !files.isEmpty();
    return run;
}

GoaccessRun runGoaccess(const QString &goaccess, const QString &log, const QString &workDir)
{
    GoaccessRun run;
    const QString json = workDir + QStringLiteral("/goaccess.json");
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(goaccess, {log, QStringLiteral("--log-format=COMBINED"), QStringLiteral("--no-global-config"), QStringLiteral("-o"), json});
    const bool finished = p.waitForFinished(300000);
    run.output = QString::fromUtf8(p.readAll());
    QFile f(json);
    if (!finished || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0 || !f.open(QIODevice::ReadOnly))
        return run;
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    const QJsonObject general = root.value(QStringLiteral("general")).toObject();
    run.totalRequests = general.value(QStringLiteral("total_requests")).toDouble();
    run.validRequests = general.value(QStringLiteral("valid_requests")).toDouble();
    run.failedRequests = general.value(QStringLiteral("failed_requests")).toDouble();
    run.uniqueVisitors = general.value(QStringLiteral("unique_visitors")).toDouble();
    run.bandwidth = general.value(QStringLiteral("bandwidth")).toDouble();
    for (const QJsonValue &v : root.value(QStringLiteral("visitors")).toObject().value(QStringLiteral("data")).toArray()) {
        const QJsonObject d = v.toObject();
        run.days.insert(d.value(QStringLiteral("data")).toString(),
                        {d.value(QStringLiteral("hits")).toObject().value(QStringLiteral("count")).toDouble(),
                         d.value(QStringLiteral("visitors")).toObject().value(QStringLiteral("count")).toDouble()});
    }
    run.ok = true;
    return run;
}

} // namespace difusor::test
