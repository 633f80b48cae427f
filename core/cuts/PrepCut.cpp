#include "PrepCsv.h"

#include <QJsonArray>
#include <QRegularExpression>

// The value types of PrepCsv.h: summary accessors, issue names, the JSON kept in the store.

namespace difusor::cuts {

namespace {

QString cleanNumber(const QString &text)
{
    QString t = text.trimmed();
    t.remove(QLatin1Char(' '));
    if (t.endsWith(QLatin1Char('%')))
        t.chop(1);
    return t;
}

} // namespace

std::optional<qint64> PrepSummary::integer(const QString &name) const
{
    const auto it = fields.constFind(name);
    if (it == fields.cend())
        return std::nullopt;
    QString t = cleanNumber(*it);
    bool ok = false;
    qint64 value = t.toLongLong(&ok);
    if (!ok) {
        // Thousands separators: "170,648" (only digit groups of three).
        static const QRegularExpression grouped(QStringLiteral(R"(^\d{1,3}(,\d{3})+$)"));
        if (!grouped.match(t).hasMatch())
            return std::nullopt;
        t.remove(QLatin1Char(','));
        value = t.toLongLong(&ok);
    }
    if (!ok)
        return std::nullopt;
    return value;
}

std::optional<double> PrepSummary::number(const QString &name) const
{
    if (const auto value = integer(name))
        return double(*value);
    const auto it = fields.constFind(name);
    if (it == fields.cend())
        return std::nullopt;
    bool ok = false;
    const double value = cleanNumber(*it).toDouble(&ok);
    if (!ok || value != value) // NaN
        return std::nullopt;
    return value;
}

QJsonObject PrepSummary::toJson() const
{
    QJsonObject object;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        if (const auto i = integer(it.key()))
            object.insert(it.key(), double(*i));
        else if (const auto d = number(it.key()))
            object.insert(it.key(), *d);
        else
            object.insert(it.key(), it.value());
    }
    return object;
}

QString prepIssueKindName(PrepIssueKind kind)
{
    switch (kind) {
    case PrepIssueKind::RowCountMismatch: return QStringLiteral("row_count_mismatch");
    case PrepIssueKind::PercentOutOfRange: return QStringLiteral("percent_out_of_range");
    case PrepIssueKind::CountAboveExpected: return QStringLiteral("count_above_expected");
    case PrepIssueKind::MissingSummaryField: return QStringLiteral("missing_summary_field");
    case PrepIssueKind::BadSummaryValue: return QStringLiteral("bad_summary_value");
    case PrepIssueKind::MalformedRow: return QStringLiteral("malformed_row");
    case PrepIssueKind::UnknownVoteToken: return QStringLiteral("unknown_vote_token");
    case PrepIssueKind::PackageMismatch: return QStringLiteral("package_mismatch");
    case PrepIssueKind::NoCasillaHeader: return QStringLiteral("no_casilla_header");
    case PrepIssueKind::TooManyRows: return QStringLiteral("too_many_rows");
    }
    return QStringLiteral("unknown");
}

bool PrepCut::hasIssue(PrepIssueKind kind) const
{
    for (const PrepIssue &issue : issues) {
        if (issue.kind == kind)
            return true;
    }
    return false;
}

QJsonObject PrepCut::summaryJson() const
{
    QJsonObject object;
    object.insert(QStringLiteral("election"), election);
    object.insert(QStringLiteral("cut_line"), cutLine);
    object.insert(QStringLiteral("summary"), summary.toJson());
    object.insert(QStringLiteral("casilla_rows"), double(casillaRows));
    object.insert(QStringLiteral("malformed_rows"), double(malformedRows));
    QJsonObject votes;
    for (auto it = partyVotes.cbegin(); it != partyVotes.cend(); ++it)
        votes.insert(it.key(), double(it.value()));
    object.insert(QStringLiteral("party_votes"), votes);
    QJsonArray issueList;
    for (const PrepIssue &issue : issues)
        issueList.append(QJsonObject{{QStringLiteral("kind"), prepIssueKindName(issue.kind)},
                                     {QStringLiteral("detail"), issue.detail}});
    object.insert(QStringLiteral("issues"), issueList);
    return object;
}

} // namespace difusor::cuts
