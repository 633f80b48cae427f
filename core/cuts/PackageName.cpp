#include "PackageName.h"

#include <QRegularExpression>
#include <QSet>

namespace difusor::cuts {

bool isEntityAbbreviation(const QString &token)
{
    static const QSet<QString> entities = {
        QStringLiteral("AGS"),  QStringLiteral("BC"),   QStringLiteral("BCS"),  QStringLiteral("CAMP"),
        QStringLiteral("COAH"), QStringLiteral("COL"),  QStringLiteral("CHIS"), QStringLiteral("CHIH"),
        QStringLiteral("CDMX"), QStringLiteral("DGO"),  QStringLiteral("GTO"),  QStringLiteral("GRO"),
        QStringLiteral("HGO"),  QStringLiteral("JAL"),  QStringLiteral("MEX"),  QStringLiteral("MICH"),
        QStringLiteral("MOR"),  QStringLiteral("NAY"),  QStringLiteral("NL"),   QStringLiteral("OAX"),
        QStringLiteral("PUE"),  QStringLiteral("QRO"),  QStringLiteral("QROO"), QStringLiteral("SLP"),
        QStringLiteral("SIN"),  QStringLiteral("SON"),  QStringLiteral("TAB"),  QStringLiteral("TAMS"),
        QStringLiteral("TLAX"), QStringLiteral("VER"),  QStringLiteral("YUC"),  QStringLiteral("ZAC"),
    };
    return entities.contains(token.toUpper());
}

namespace {

std::optional<PackageName> parseOneName(const QString &name)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^(?<date>\d{8})_(?<hhmm>\d{4})_PREP(?:_(?<rest>[A-Za-z0-9_\-]{1,120}?))?)"
                       R"((?:\.zip|\.tar\.gz|\.tgz|\.csv)?$)"),
        QRegularExpression::CaseInsensitiveOption);
    const auto match = re.match(name);
    if (!match.hasMatch())
        return std::nullopt;
    PackageName package;
    package.name = name;
    package.date = QDate::fromString(match.captured(u"date"), QStringLiteral("yyyyMMdd"));
    package.time = QTime::fromString(match.captured(u"hhmm"), QStringLiteral("HHmm"));
    if (!package.date.isValid() || !package.time.isValid())
        return std::nullopt;
    QStringList rest = match.captured(u"rest").split(QLatin1Char('_'), Qt::SkipEmptyParts);
    // The entity comes last; an election may itself be one token ("PRES") or several ("DIP_LOC").
    if (!rest.isEmpty() && isEntityAbbreviation(rest.constLast()))
        package.entity = rest.takeLast().toUpper();
    package.election = rest.join(QLatin1Char('_')).toUpper();
    return package;
}

} // namespace

std::optional<PackageName> parsePackageName(const QString &nameOrPath)
{
    if (nameOrPath.size() > 1024)
        return std::nullopt;
    // "…/20240603_2000_PREP_DIP_LOC_PUE/PUE_DIP_LOC_2024.csv": the package is the nearest folder
    // (or file) whose name has the form.
    const QStringList parts = nameOrPath.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (qsizetype i = parts.size() - 1; i >= 0 && i >= parts.size() - 3; --i) {
        if (auto package = parseOneName(parts.at(i)))
            return package;
    }
    return std::nullopt;
}

bool packageAgreesWithCut(const PackageName &package, const CutTime &cut)
{
    return package.date == cut.date && package.time.hour() == cut.time.hour()
        && package.time.minute() == cut.time.minute();
}

} // namespace difusor::cuts
