#include "EverySeries.h"

#include "metrics/ServerMetrics.h"

#include <QStringList>

namespace difusor::test {

using metrics::Labels;

QStringList everySampleName()
{
    return {QStringLiteral("difusor_up"),
            QStringLiteral("difusor_cut_age_seconds"),
            QStringLiteral("difusor_cut_lag_seconds"),
            QStringLiteral("difusor_cuts_total"),
            QStringLiteral("difusor_incidents_open"),
            QStringLiteral("difusor_http_requests_total"),
            QStringLiteral("difusor_http_pages_total"),
            QStringLiteral("difusor_check_status")};
}

bool fillEverySeries(metrics::MetricsRegistry &r)
{
    metrics::ServerMetrics::defineFamilies(&r);
    for (const QString &family : {QStringLiteral("difusor_up"), QStringLiteral("difusor_cut_age_seconds"),
                                  QStringLiteral("difusor_cut_lag_seconds"), QStringLiteral("difusor_cuts"),
                                  QStringLiteral("difusor_incidents_open"), QStringLiteral("difusor_http_requests"),
                                  QStringLiteral("difusor_http_pages"), QStringLiteral("difusor_check_status")}) {
        if (!r.hasFamily(family))
            return false;
    }
    const QString servers[] = {QStringLiteral("primario"), QStringLiteral("réplica \"CDN\" \\ norte")};
    double k = 1;
    for (const QString &server : servers) {
        const Labels s{{QStringLiteral("server"), server}};
        auto with = [&s](const char *name, const QString &value) {
            Labels l = s;
            l.emplace(QLatin1String(name), value);
            return l;
        };
        r.set(QStringLiteral("difusor_up"), s, 1);
        r.set(QStringLiteral("difusor_cut_age_seconds"), s, 312.5 * k);
        r.set(QStringLiteral("difusor_cut_lag_seconds"), s, 3.3 * k);
        r.add(QStringLiteral("difusor_cuts"), s, 4 * k);
        Labels lag = with("kind", QStringLiteral("lag"));
        lag.emplace(QStringLiteral("severity"), QStringLiteral("critical"));
        r.set(QStringLiteral("difusor_incidents_open"), lag, k);
        Labels spike = with("kind", QStringLiteral("traffic_spike"));
        spike.emplace(QStringLiteral("severity"), QStringLiteral("minor"));
        r.set(QStringLiteral("difusor_incidents_open"), spike, 0);
        for (const char *c : {"2xx", "3xx", "4xx", "5xx"})
            r.add(QStringLiteral("difusor_http_requests"), with("status_class", QLatin1String(c)), 100 * k);
        r.add(QStringLiteral("difusor_http_pages"), s, 42 * k);
        r.set(QStringLiteral("difusor_check_status"), with("id", QStringLiteral("hw.cpu.cores")), 1);
        r.set(QStringLiteral("difusor_check_status"), with("id", QStringLiteral("net.tls.expiry")), 0);
        r.set(QStringLiteral("difusor_check_status"), with("id", QStringLiteral("sw.nginx.version")), -1);
        k = 2;
    }
    return true;
}

} // namespace difusor::test
