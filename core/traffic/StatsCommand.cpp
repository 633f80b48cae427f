#include "StatsCommand.h"

#include "StatsReport.h"
#include "common/Tr.h"

#include <QJsonDocument>
#include <QTextStream>

#include <cstdio>

namespace difusor::traffic {

int runStatsCommand(const QStringList &args)
{
    QTextStream err(stderr);
    QString error;
    const std::optional<StatsOptions> options = parseStatsArguments(args, &error);
    if (!options) {
        err << error << Qt::endl
            << Tr::tr("Uso: difusor-console stats [--mode awstats|raw] [--by day|hour|minute] "
                      "[--format json|csv|text] [--log-format FORMATO] [--top N] [--tz log|mexico] "
                      "[--robots auto|builtin|ROBOTS.PM] ARCHIVO…")
            << Qt::endl;
        return 2;
    }
    const StatsResult result = computeStats(*options);
    for (const QString &e : result.errors)
        err << e << Qt::endl;

    QByteArray out;
    switch (options->format) {
    case StatsOptions::Format::Json:
        out = QJsonDocument(statsJson(*options, result)).toJson(QJsonDocument::Indented);
        break;
    case StatsOptions::Format::Csv:
        out = statsCsv(result);
        break;
    case StatsOptions::Format::Text:
        out = statsText(*options, result).toUtf8();
        break;
    }
    std::fwrite(out.constData(), 1, static_cast<std::size_t>(out.size()), stdout);
    std::fflush(stdout);
    return result.errors.isEmpty() ? 0 : 1;
}

} // namespace difusor::traffic
