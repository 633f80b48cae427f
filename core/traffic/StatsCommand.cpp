#include "StatsCommand.h"

#include "StatsReport.h"
#include "common/Tr.h"

#include <QJsonDocument>
#include <QTextStream>

#include <cstdio>

namespace difusor::traffic {

int runStatsCommand(const QStringList &args)
{
    StatsCommandLine line;
    if (const auto code = line.parse(args))
        return *code;
    QTextStream err(stderr);
    QString error;
    const std::optional<StatsOptions> options = line.options(&error);
    if (!options)
        return line.badInput(error);
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
    return result.errors.isEmpty() ? ExitOk : ExitFailed;
}

} // namespace difusor::traffic
