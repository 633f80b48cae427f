#include "MetricsRegistry.h"

#include <QLocale>
#include <QLoggingCategory>

#include <cmath>
#include <utility>

Q_LOGGING_CATEGORY(lcMetrics, "difusor.metrics")

namespace difusor::metrics {

namespace {

bool isNameStart(QChar c, bool colonAllowed)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || u == u'_' || (colonAllowed && u == u':');
}

bool isValidName(const QString &name, bool colonAllowed)
{
    if (name.isEmpty() || !isNameStart(name.front(), colonAllowed))
        return false;
    for (const QChar c : name) {
        if (!isNameStart(c, colonAllowed) && !(c.unicode() >= u'0' && c.unicode() <= u'9'))
            return false;
    }
    return true;
}

bool validLabels(const Labels &labels)
{
    for (const auto &[name, value] : labels) {
        Q_UNUSED(value)
        if (!isValidName(name, false) || name.startsWith(QLatin1String("__")))
            return false;
    }
    return true;
}

// HELP text: OpenMetrics escapes backslash, line feed and double quote; the 0.0.4 text format only the
// first two (a \" there would be shown as is).
QByteArray escapeHelp(const QString &help, MetricsRegistry::Format format)
{
    QByteArray out;
    const QByteArray utf8 = help.toUtf8();
    out.reserve(utf8.size());
    for (const char c : utf8) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else if (c == '"' && format == MetricsRegistry::Format::OpenMetrics)
            out += "\\\"";
        else
            out += c;
    }
    return out;
}

QByteArray labelText(const Labels &labels)
{
    if (labels.empty())
        return {};
    QByteArray out = "{";
    bool first = true;
    for (const auto &[name, value] : labels) {
        if (!first)
            out += ',';
        first = false;
        out += name.toLatin1() + "=\"" + MetricsRegistry::escapeLabelValue(value) + '"';
    }
    out += '}';
    return out;
}

} // namespace

QByteArray MetricsRegistry::contentType(Format format)
{
    return format == Format::OpenMetrics ? QByteArrayLiteral("application/openmetrics-text; version=1.0.0; charset=utf-8")
                                         : QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8");
}

bool MetricsRegistry::addFamily(const QString &name, MetricType type, const QString &help, const QString &unit)
{
    if (!isValidName(name, true)) {
        qCWarning(lcMetrics) << "invalid metric family name" << name;
        return false;
    }
    if (type == MetricType::Counter && name.endsWith(QLatin1String("_total"))) {
        qCWarning(lcMetrics) << "counter family named with its sample suffix:" << name;
        return false;
    }
    if (!unit.isEmpty() && (!isValidName(unit, false) || !name.endsWith(QLatin1Char('_') + unit))) {
        qCWarning(lcMetrics) << "metric family" << name << "does not end with its unit" << unit;
        return false;
    }
    const auto it = m_families.find(name);
    if (it != m_families.end()) {
        const Family &f = it->second;
        if (f.type == type && f.help == help && f.unit == unit)
            return true;
        qCWarning(lcMetrics) << "metric family" << name << "declared twice, differently";
        return false;
    }
    Family family;
    family.type = type;
    family.help = help;
    family.unit = unit;
    m_families.emplace(name, std::move(family));
    return true;
}

bool MetricsRegistry::hasFamily(const QString &name) const
{
    return m_families.count(name) > 0;
}

MetricsRegistry::Series *MetricsRegistry::series(const QString &family, const Labels &labels, Family **owner)
{
    const auto it = m_families.find(family);
    if (it == m_families.end()) {
        qCWarning(lcMetrics) << "no metric family" << family;
        return nullptr;
    }
    if (!validLabels(labels)) {
        qCWarning(lcMetrics) << "invalid label name for" << family;
        return nullptr;
    }
    *owner = &it->second;
    return &it->second.series[labels];
}

void MetricsRegistry::set(const QString &family, const Labels &labels, double value)
{
    Family *f = nullptr;
    Series *s = series(family, labels, &f);
    if (!s)
        return;
    if (f->type == MetricType::Counter && !s->sampler && (value < s->value || std::isnan(value))) {
        qCWarning(lcMetrics) << "counter" << family << "would go down; kept at" << s->value;
        return;
    }
    s->sampler = nullptr;
    s->value = value;
}

void MetricsRegistry::add(const QString &family, const Labels &labels, double delta)
{
    Family *f = nullptr;
    Series *s = series(family, labels, &f);
    if (!s)
        return;
    if (s->sampler) {
        qCWarning(lcMetrics) << "add() on a sampled series of" << family;
        return;
    }
    if (f->type == MetricType::Counter && !(delta >= 0)) {
        qCWarning(lcMetrics) << "counter" << family << "given a negative delta" << delta;
        return;
    }
    s->value += delta;
}

void MetricsRegistry::setSampler(const QString &family, const Labels &labels,
                                 std::function<std::optional<double>()> sampler)
{
    Family *f = nullptr;
    Series *s = series(family, labels, &f);
    if (!s)
        return;
    s->sampler = std::move(sampler);
}

void MetricsRegistry::remove(const QString &family, const Labels &labels)
{
    const auto it = m_families.find(family);
    if (it != m_families.end())
        it->second.series.erase(labels);
}

int MetricsRegistry::removeMatching(const QString &label, const QString &value)
{
    int removed = 0;
    for (auto &[name, family] : m_families) {
        Q_UNUSED(name)
        for (auto it = family.series.begin(); it != family.series.end();) {
            const auto l = it->first.find(label);
            if (l != it->first.end() && l->second == value) {
                it = family.series.erase(it);
                ++removed;
            } else {
                ++it;
            }
        }
    }
    return removed;
}

std::optional<double> MetricsRegistry::value(const QString &family, const Labels &labels) const
{
    const auto f = m_families.find(family);
    if (f == m_families.end())
        return std::nullopt;
    const auto s = f->second.series.find(labels);
    if (s == f->second.series.end())
        return std::nullopt;
    return s->second.sampler ? s->second.sampler() : std::optional<double>(s->second.value);
}

int MetricsRegistry::seriesCount() const
{
    int n = 0;
    for (const auto &[name, family] : m_families) {
        Q_UNUSED(name)
        n += int(family.series.size());
    }
    return n;
}

QByteArray MetricsRegistry::escapeLabelValue(const QString &value)
{
    QByteArray out;
    const QByteArray utf8 = value.toUtf8();
    out.reserve(utf8.size());
    for (const char c : utf8) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray MetricsRegistry::formatValue(double value)
{
    if (std::isnan(value))
        return QByteArrayLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    // Whole numbers as integers (counts), up to where a double still holds every integer.
    if (std::fabs(value) < 9007199254740992.0 && value == std::trunc(value))
        return QByteArray::number(static_cast<qint64>(value));
    return QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
}

QByteArray MetricsRegistry::render(Format format) const
{
    const bool om = format == Format::OpenMetrics;
    QByteArray out;
    for (const auto &[name, family] : m_families) {
        const bool counter = family.type == MetricType::Counter;
        const QByteArray sampleName = name.toLatin1() + (counter ? QByteArrayLiteral("_total") : QByteArray());
        QByteArray samples;
        for (const auto &[labels, series] : family.series) {
            const std::optional<double> v = series.sampler ? series.sampler() : std::optional<double>(series.value);
            if (!v)
                continue;
            samples += sampleName + labelText(labels) + ' ' + formatValue(*v) + '\n';
        }
        if (samples.isEmpty())
            continue;
        const QByteArray typeText = counter ? QByteArrayLiteral("counter") : QByteArrayLiteral("gauge");
        if (om) {
            out += "# TYPE " + name.toLatin1() + ' ' + typeText + '\n';
            if (!family.unit.isEmpty())
                out += "# UNIT " + name.toLatin1() + ' ' + family.unit.toLatin1() + '\n';
            if (!family.help.isEmpty())
                out += "# HELP " + name.toLatin1() + ' ' + escapeHelp(family.help, format) + '\n';
        } else {
            if (!family.help.isEmpty())
                out += "# HELP " + sampleName + ' ' + escapeHelp(family.help, format) + '\n';
            out += "# TYPE " + sampleName + ' ' + typeText + '\n';
        }
        out += samples;
    }
    if (om)
        out += "# EOF\n";
    return out;
}

} // namespace difusor::metrics
