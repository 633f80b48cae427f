// MetricsRegistry: the OpenMetrics 1.0 and Prometheus 0.0.4 text it renders, byte for byte.
#include "metrics/MetricsRegistry.h"

#include <QRegularExpression>
#include <QTest>

#include <cmath>
#include <limits>

using difusor::metrics::Labels;
using difusor::metrics::MetricsRegistry;
using difusor::metrics::MetricType;

namespace {

// Programmer errors are warned about (and ignored): the test expects each warning.
void expectWarning(const char *pattern)
{
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QLatin1String(pattern)));
}

Labels server(const QString &name)
{
    return Labels{{QStringLiteral("server"), name}};
}

} // namespace

class TestMetricsRegistry final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void emptyRegistryIsJustEof()
    {
        MetricsRegistry r;
        QCOMPARE(r.render(), QByteArray("# EOF\n"));
        QCOMPARE(r.render(MetricsRegistry::Format::PrometheusText), QByteArray());
        // A family without series is left out.
        QVERIFY(r.addFamily(QStringLiteral("x_up"), MetricType::Gauge, QStringLiteral("Up.")));
        QCOMPARE(r.render(), QByteArray("# EOF\n"));
    }

    void rendersOpenMetrics()
    {
        MetricsRegistry r;
        // Declared out of order: output is by family name, then by label set.
        QVERIFY(r.addFamily(QStringLiteral("b_lag_seconds"), MetricType::Gauge, QStringLiteral("Lag."),
                            QStringLiteral("seconds")));
        QVERIFY(r.addFamily(QStringLiteral("a_cuts"), MetricType::Counter, QStringLiteral("Cuts.")));
        r.add(QStringLiteral("a_cuts"), server(QStringLiteral("zeta")), 2);
        r.add(QStringLiteral("a_cuts"), server(QStringLiteral("alfa")), 1);
        r.add(QStringLiteral("a_cuts"), server(QStringLiteral("alfa")), 3);
        r.set(QStringLiteral("b_lag_seconds"), server(QStringLiteral("alfa")), 3.25);
        r.set(QStringLiteral("b_lag_seconds"), Labels{{QStringLiteral("server"), QStringLiteral("alfa")},
                                                      {QStringLiteral("a"), QStringLiteral("1")}},
              -0.5);
        const QByteArray expected = "# TYPE a_cuts counter\n"
                                    "# HELP a_cuts Cuts.\n"
                                    "a_cuts_total{server=\"alfa\"} 4\n"
                                    "a_cuts_total{server=\"zeta\"} 2\n"
                                    "# TYPE b_lag_seconds gauge\n"
                                    "# UNIT b_lag_seconds seconds\n"
                                    "# HELP b_lag_seconds Lag.\n"
                                    "b_lag_seconds{a=\"1\",server=\"alfa\"} -0.5\n"
                                    "b_lag_seconds{server=\"alfa\"} 3.25\n"
                                    "# EOF\n";
        QCOMPARE(r.render(), expected);
        QCOMPARE(r.render(), expected); // rendering changes nothing
    }

    void rendersPrometheusText()
    {
        MetricsRegistry r;
        QVERIFY(r.addFamily(QStringLiteral("a_cuts"), MetricType::Counter, QStringLiteral("Cuts \"all\".")));
        QVERIFY(r.addFamily(QStringLiteral("b_lag_seconds"), MetricType::Gauge, QStringLiteral("Lag."),
                            QStringLiteral("seconds")));
        r.add(QStringLiteral("a_cuts"), {}, 7);
        r.set(QStringLiteral("b_lag_seconds"), server(QStringLiteral("s")), 1.5);
        QCOMPARE(r.render(MetricsRegistry::Format::PrometheusText),
                 QByteArray("# HELP a_cuts_total Cuts \"all\".\n"
                            "# TYPE a_cuts_total counter\n"
                            "a_cuts_total 7\n"
                            "# HELP b_lag_seconds Lag.\n"
                            "# TYPE b_lag_seconds gauge\n"
                            "b_lag_seconds{server=\"s\"} 1.5\n"));
        // OpenMetrics escapes the quote in HELP too.
        QVERIFY(r.render().contains("# HELP a_cuts Cuts \\\"all\\\".\n"));
    }

    void escapesLabelValuesAndHelp()
    {
        MetricsRegistry r;
        QVERIFY(r.addFamily(QStringLiteral("x"), MetricType::Gauge, QStringLiteral("Line one\\two\nthree")));
        r.set(QStringLiteral("x"), server(QStringLiteral("a\"b\\c\nd ñ")), 1);
        const QByteArray om = r.render();
        QVERIFY2(om.contains("x{server=\"a\\\"b\\\\c\\nd \xc3\xb1\"} 1\n"), om.constData());
        QVERIFY2(om.contains("# HELP x Line one\\\\two\\nthree\n"), om.constData());
        // Every line of the output is one line: no raw newline got through.
        QCOMPARE(om.count('\n'), 4);
        QCOMPARE(MetricsRegistry::escapeLabelValue(QStringLiteral("plain")), QByteArray("plain"));
    }

    void formatsValues_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("zero") << 0.0 << QByteArray("0");
        QTest::newRow("integer") << 123456789.0 << QByteArray("123456789");
        QTest::newRow("negative") << -1.0 << QByteArray("-1");
        QTest::newRow("fraction") << 0.1 << QByteArray("0.1");
        QTest::newRow("millis") << 61.234 << QByteArray("61.234");
        QTest::newRow("huge") << 1e21 << QByteArray("1e+21");
        QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN() << QByteArray("NaN");
        QTest::newRow("+inf") << std::numeric_limits<double>::infinity() << QByteArray("+Inf");
        QTest::newRow("-inf") << -std::numeric_limits<double>::infinity() << QByteArray("-Inf");
    }
    void formatsValues()
    {
        QFETCH(double, value);
        QFETCH(QByteArray, text);
        QCOMPARE(MetricsRegistry::formatValue(value), text);
    }

    void rejectsBadDeclarations()
    {
        MetricsRegistry r;
        expectWarning("invalid metric family name");
        expectWarning("invalid metric family name");
        expectWarning("counter family named with its sample suffix");
        expectWarning("does not end with its unit");
        expectWarning("declared twice, differently");
        expectWarning("no metric family");
        expectWarning("invalid label name");
        expectWarning("invalid label name");
        QVERIFY(!r.addFamily(QStringLiteral("9lives"), MetricType::Gauge, {}));
        QVERIFY(!r.addFamily(QStringLiteral("with-dash"), MetricType::Gauge, {}));
        QVERIFY(!r.addFamily(QStringLiteral("cuts_total"), MetricType::Counter, {})); // the sample's name
        QVERIFY(!r.addFamily(QStringLiteral("lag"), MetricType::Gauge, {}, QStringLiteral("seconds")));
        QVERIFY(r.addFamily(QStringLiteral("lag_seconds"), MetricType::Gauge, QStringLiteral("h"), QStringLiteral("seconds")));
        QVERIFY(r.addFamily(QStringLiteral("lag_seconds"), MetricType::Gauge, QStringLiteral("h"), QStringLiteral("seconds")));
        QVERIFY(!r.addFamily(QStringLiteral("lag_seconds"), MetricType::Counter, QStringLiteral("h"), QStringLiteral("seconds")));
        QVERIFY(!r.hasFamily(QStringLiteral("lag")));
        QVERIFY(r.hasFamily(QStringLiteral("lag_seconds")));

        // Unknown families and bad label names change nothing.
        r.set(QStringLiteral("nope"), {}, 1);
        r.set(QStringLiteral("lag_seconds"), Labels{{QStringLiteral("bad-label"), QStringLiteral("x")}}, 1);
        r.set(QStringLiteral("lag_seconds"), Labels{{QStringLiteral("__reserved"), QStringLiteral("x")}}, 1);
        QCOMPARE(r.seriesCount(), 0);
    }

    void countersOnlyGoUp()
    {
        MetricsRegistry r;
        QVERIFY(r.addFamily(QStringLiteral("c"), MetricType::Counter, QStringLiteral("C.")));
        QVERIFY(r.addFamily(QStringLiteral("g"), MetricType::Gauge, QStringLiteral("G.")));
        r.add(QStringLiteral("c"), {}, 5);
        expectWarning("given a negative delta");
        expectWarning("would go down");
        r.add(QStringLiteral("c"), {}, -1);
        r.set(QStringLiteral("c"), {}, 2);
        QCOMPARE(r.value(QStringLiteral("c"), {}), std::optional<double>(5));
        r.set(QStringLiteral("c"), {}, 9);
        QCOMPARE(r.value(QStringLiteral("c"), {}), std::optional<double>(9));
        r.add(QStringLiteral("g"), {}, 2);
        r.add(QStringLiteral("g"), {}, -3);
        QCOMPARE(r.value(QStringLiteral("g"), {}), std::optional<double>(-1));
    }

    void samplersAreReadAtRenderTime()
    {
        MetricsRegistry r;
        QVERIFY(r.addFamily(QStringLiteral("age_seconds"), MetricType::Gauge, QStringLiteral("Age."),
                            QStringLiteral("seconds")));
        std::optional<double> current;
        r.setSampler(QStringLiteral("age_seconds"), server(QStringLiteral("a")), [&current] { return current; });
        QCOMPARE(r.render(), QByteArray("# EOF\n")); // nothing to say yet
        current = 12.5;
        QVERIFY(r.render().contains("age_seconds{server=\"a\"} 12.5\n"));
        current = 13;
        QVERIFY(r.render().contains("age_seconds{server=\"a\"} 13\n"));
        QCOMPARE(r.value(QStringLiteral("age_seconds"), server(QStringLiteral("a"))), std::optional<double>(13));
        r.set(QStringLiteral("age_seconds"), server(QStringLiteral("a")), 1); // a stored value replaces it
        current = 99;
        QCOMPARE(r.value(QStringLiteral("age_seconds"), server(QStringLiteral("a"))), std::optional<double>(1));
    }

    void removeMatchingDropsOneServer()
    {
        MetricsRegistry r;
        QVERIFY(r.addFamily(QStringLiteral("up"), MetricType::Gauge, QStringLiteral("Up.")));
        QVERIFY(r.addFamily(QStringLiteral("req"), MetricType::Counter, QStringLiteral("Req.")));
        for (const QString &s : {QStringLiteral("a"), QStringLiteral("b")}) {
            r.set(QStringLiteral("up"), server(s), 1);
            for (const QString &c : {QStringLiteral("2xx"), QStringLiteral("5xx")})
                r.add(QStringLiteral("req"), Labels{{QStringLiteral("server"), s}, {QStringLiteral("status_class"), c}}, 1);
        }
        r.set(QStringLiteral("up"), Labels{{QStringLiteral("other"), QStringLiteral("a")}}, 1); // not a server label
        QCOMPARE(r.seriesCount(), 7);
        QCOMPARE(r.removeMatching(QStringLiteral("server"), QStringLiteral("a")), 3);
        QCOMPARE(r.seriesCount(), 4);
        const QByteArray om = r.render();
        QVERIFY(!om.contains("server=\"a\""));
        QVERIFY(om.contains("up{other=\"a\"} 1\n"));
        QVERIFY(om.contains("req_total{server=\"b\",status_class=\"5xx\"} 1\n"));
        QCOMPARE(r.removeMatching(QStringLiteral("server"), QStringLiteral("a")), 0);
    }
};

QTEST_GUILESS_MAIN(TestMetricsRegistry)
#include "tst_metrics_registry.moc"
