#pragma once

#include <QByteArray>
#include <QString>

#include <functional>
#include <map>
#include <optional>

namespace difusor::metrics {

enum class MetricType { Gauge, Counter };

// A series' labels, sorted by name (so a label set has one spelling and renders the same every time).
using Labels = std::map<QString, QString>;

// Metric families and their series, rendered for Prometheus. Used from one thread (the main/GUI
// thread): no locking.
//
// Names follow Prometheus' conventions: a family is named as OpenMetrics does, a counter WITHOUT its
// "_total" (samples get it), a family with a unit ends in "_<unit>" ("difusor_cut_age_seconds",
// unit "seconds"). Output is deterministic: families by name, series by label set; a family with no
// sample is left out.
//
// Two text formats, the same samples:
//   OpenMetrics 1.0       "# TYPE difusor_cuts counter", "# UNIT …", "# HELP …", "difusor_cuts_total …",
//                         ends with "# EOF". What Prometheus asks for when it scrapes.
//   Prometheus text 0.0.4 "# HELP difusor_cuts_total …", "# TYPE difusor_cuts_total counter", no UNIT,
//                         no EOF. What `promtool check metrics` (2.42) parses: given OpenMetrics it takes a
//                         counter's samples for a family of their own, untyped and without help.
class MetricsRegistry final
{
public:
    enum class Format { OpenMetrics, PrometheusText };

    // The Content-Type of each format.
    static QByteArray contentType(Format format);

    // Declares a family. Declaring it again with the same type, help and unit is a no-op (several
    // servers share the families); false (and a warning) for an invalid name, a counter named "…_total",
    // a unit the name does not end with, or a conflicting earlier declaration.
    bool addFamily(const QString &name, MetricType type, const QString &help, const QString &unit = {});
    bool hasFamily(const QString &name) const;

    // Sets a series' value, creating the series. For a counter the value must not go down (ignored,
    // with a warning, if it does).
    void set(const QString &family, const Labels &labels, double value);
    // Adds delta to a series (created at 0). Counters take delta >= 0 only; gauges any delta.
    void add(const QString &family, const Labels &labels, double delta);
    // A series whose value is read at render time (e.g. an age that grows every second); nullopt from
    // the sampler leaves the sample out of that rendering. Replaces a stored value.
    void setSampler(const QString &family, const Labels &labels, std::function<std::optional<double>()> sampler);

    void remove(const QString &family, const Labels &labels);
    // Drops every series, of any family, whose label `label` equals value (a server removed). Returns
    // how many went.
    int removeMatching(const QString &label, const QString &value);

    // The current value of a series (a sampler is called), nullopt if there is none.
    std::optional<double> value(const QString &family, const Labels &labels) const;
    int seriesCount() const;

    QByteArray render(Format format = Format::OpenMetrics) const;

    // Text helpers, public for tests.
    static QByteArray escapeLabelValue(const QString &value);
    static QByteArray formatValue(double value);

private:
    struct Series
    {
        double value = 0;
        std::function<std::optional<double>()> sampler; // set: value is read from it
    };
    struct Family
    {
        MetricType type = MetricType::Gauge;
        QString help;
        QString unit;
        std::map<Labels, Series> series;
    };

    Series *series(const QString &family, const Labels &labels, Family **owner);

    std::map<QString, Family> m_families;
};

} // namespace difusor::metrics
