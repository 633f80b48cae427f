#include "SiteCut.h"

#include "common/Tr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>

namespace difusor::cuts {

namespace {

// Walks "a.b[2].c" through a JSON document. Anything unexpected gives an undefined value.
QJsonValue jsonAt(const QJsonValue &root, const QString &path)
{
    static const QRegularExpression step(QStringLiteral(R"(^([^.\[\]]+)?((?:\[\d{1,6}\])*)$)"));
    static const QRegularExpression index(QStringLiteral(R"(\[(\d{1,6})\])"));
    if (path.size() > 500)
        return QJsonValue(QJsonValue::Undefined);
    QJsonValue value = root;
    const QStringList parts = path.split(QLatin1Char('.'));
    if (parts.size() > 32)
        return QJsonValue(QJsonValue::Undefined);
    for (const QString &part : parts) {
        const auto m = step.match(part);
        if (!m.hasMatch())
            return QJsonValue(QJsonValue::Undefined);
        if (!m.captured(1).isEmpty()) {
            if (!value.isObject())
                return QJsonValue(QJsonValue::Undefined);
            value = value.toObject().value(m.captured(1));
        }
        auto it = index.globalMatch(m.captured(2));
        while (it.hasNext()) {
            const int i = it.next().captured(1).toInt();
            if (!value.isArray() || i >= value.toArray().size())
                return QJsonValue(QJsonValue::Undefined);
            value = value.toArray().at(i);
        }
    }
    return value;
}

QString scalarText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'f', 0);
    return QString();
}

SiteCutResult fromRegex(const SiteCutRule &rule, const QByteArray &body)
{
    const QRegularExpression re(rule.pattern, QRegularExpression::CaseInsensitiveOption
                                                  | QRegularExpression::UseUnicodePropertiesOption);
    if (!re.isValid())
        return {std::nullopt, {}, Tr::tr("La expresión regular no es válida: %1.").arg(re.errorString())};
    const QString raw = QString::fromUtf8(body);
    const QString text = rule.stripHtml ? htmlToText(raw) : raw;
    const auto m = re.match(text);
    if (!m.hasMatch())
        return {std::nullopt, {}, Tr::tr("La página no muestra la hora de corte.")};
    SiteCutResult result;
    if (!m.captured(u"corte").isEmpty()) {
        result.text = m.captured(u"corte");
        result.cut = parseCutTime(result.text, rule.defaultOffsetS);
    } else {
        QString time = m.captured(u"hora");
        if (!m.captured(u"offset").isEmpty())
            time += QStringLiteral(" (") + m.captured(u"offset") + QLatin1Char(')');
        result.text = m.captured(u"fecha") + QLatin1Char(' ') + time;
        result.cut = parseCutDateAndTime(m.captured(u"fecha"), time, rule.defaultOffsetS);
    }
    result.text = result.text.left(200);
    if (!result.cut)
        result.error = Tr::tr("La hora de corte de la página no se entiende: «%1».").arg(result.text);
    return result;
}

SiteCutResult fromJson(const SiteCutRule &rule, const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (doc.isNull())
        return {std::nullopt, {}, Tr::tr("El JSON no es válido: %1.").arg(parseError.errorString())};
    const QJsonValue root = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    const QString date = scalarText(jsonAt(root, rule.datePath));
    if (date.isEmpty())
        return {std::nullopt, {}, Tr::tr("El JSON no trae «%1».").arg(rule.datePath.left(100))};
    SiteCutResult result;
    if (rule.timePath.isEmpty()) {
        result.text = date.left(200);
        result.cut = parseCutTime(date, rule.defaultOffsetS);
    } else {
        const QString time = scalarText(jsonAt(root, rule.timePath));
        if (time.isEmpty())
            return {std::nullopt, {}, Tr::tr("El JSON no trae «%1».").arg(rule.timePath.left(100))};
        result.text = QString(date + QLatin1Char(' ') + time).left(200);
        result.cut = parseCutDateAndTime(date, time, rule.defaultOffsetS);
    }
    if (!result.cut)
        result.error = Tr::tr("La hora de corte del JSON no se entiende: «%1».").arg(result.text);
    return result;
}

} // namespace

SiteCutRule SiteCutRule::defaultHtml()
{
    SiteCutRule rule;
    rule.kind = Kind::Regex;
    rule.pattern = QStringLiteral(
        R"(Fecha\s+y\s+hora\s+de(?:l)?\s+corte\s*:?\s*)"
        R"((?<corte>\d{1,2}/\d{1,2}/\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*h(?:rs?)?\.?)?(?:\s*\(\s*UTC[^)]{0,10}\))?))");
    return rule;
}

SiteCutRule SiteCutRule::defaultJson()
{
    SiteCutRule rule;
    rule.kind = Kind::JsonPath;
    rule.datePath = QStringLiteral("ultimoCorte.fecha");
    rule.timePath = QStringLiteral("ultimoCorte.hora");
    return rule;
}

std::optional<SiteCutRule> SiteCutRule::fromJson(const QJsonObject &object, QString *error)
{
    const QString kind = object.value(QStringLiteral("kind")).toString();
    SiteCutRule rule;
    if (kind == QLatin1String("regex")) {
        rule = defaultHtml();
        rule.pattern = object.value(QStringLiteral("pattern")).toString(rule.pattern);
        rule.stripHtml = object.value(QStringLiteral("strip_html")).toBool(true);
        const QRegularExpression re(rule.pattern);
        if (!re.isValid() || (!re.namedCaptureGroups().contains(QStringLiteral("corte"))
                              && !re.namedCaptureGroups().contains(QStringLiteral("fecha")))) {
            if (error)
                *error = Tr::tr("La expresión regular necesita un grupo (?<corte>…) o (?<fecha>…)(?<hora>…).");
            return std::nullopt;
        }
    } else if (kind == QLatin1String("json")) {
        rule = defaultJson();
        rule.datePath = object.value(QStringLiteral("date_path")).toString(rule.datePath);
        rule.timePath = object.value(QStringLiteral("time_path")).toString(rule.timePath);
    } else {
        if (error)
            *error = Tr::tr("Tipo de regla desconocido: «%1».").arg(kind.left(40));
        return std::nullopt;
    }
    const QString offset = object.value(QStringLiteral("default_offset")).toString();
    if (!offset.isEmpty()) {
        const auto seconds = parseUtcOffset(offset);
        if (!seconds) {
            if (error)
                *error = Tr::tr("Desfase horario no válido: «%1».").arg(offset.left(40));
            return std::nullopt;
        }
        rule.defaultOffsetS = *seconds;
    }
    return rule;
}

SiteCutResult extractSiteCut(const SiteCutRule &rule, const QByteArray &body)
{
    if (body.size() > kMaxSiteBodyBytes)
        return {std::nullopt, {}, Tr::tr("La respuesta mide %1 bytes, más que el límite.").arg(body.size())};
    return rule.kind == SiteCutRule::Kind::JsonPath ? fromJson(rule, body) : fromRegex(rule, body);
}

SiteCutRule defaultRuleFor(const QString &url, const QByteArray &contentType)
{
    const bool json = contentType.toLower().contains("json") || url.section(QLatin1Char('?'), 0, 0).endsWith(QLatin1String(".json"));
    return json ? SiteCutRule::defaultJson() : SiteCutRule::defaultHtml();
}

QString htmlToText(const QString &html)
{
    static const QRegularExpression drop(QStringLiteral(R"(<(script|style)\b[^>]*>.*?</\1\s*>)"),
                                         QRegularExpression::CaseInsensitiveOption
                                             | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tags(QStringLiteral(R"(<[^>]{0,2000}>)"));
    static const QRegularExpression blanks(QStringLiteral(R"(\s+)"));
    QString text = html;
    text.replace(drop, QStringLiteral(" "));
    text.replace(tags, QStringLiteral(" "));
    text.replace(QLatin1String("&nbsp;"), QLatin1String(" "));
    text.replace(QLatin1String("&#160;"), QLatin1String(" "));
    text.replace(QLatin1String("&lt;"), QLatin1String("<"));
    text.replace(QLatin1String("&gt;"), QLatin1String(">"));
    text.replace(QLatin1String("&quot;"), QLatin1String("\""));
    text.replace(QLatin1String("&aacute;"), QStringLiteral("á"));
    text.replace(QLatin1String("&eacute;"), QStringLiteral("é"));
    text.replace(QLatin1String("&iacute;"), QStringLiteral("í"));
    text.replace(QLatin1String("&oacute;"), QStringLiteral("ó"));
    text.replace(QLatin1String("&uacute;"), QStringLiteral("ú"));
    text.replace(QLatin1String("&amp;"), QLatin1String("&"));
    text.replace(blanks, QStringLiteral(" "));
    return text;
}

} // namespace difusor::cuts
