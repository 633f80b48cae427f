// `promtool check metrics` (Debian package prometheus) on a registry holding every series we expose.
// In CI a missing promtool fails; elsewhere the test is skipped.
//
// What promtool 2.42 accepts: it parses its input as the Prometheus text format 0.0.4 (no OpenMetrics
// parser behind `check metrics`), so the endpoint's text/plain answer must pass clean. Given OpenMetrics,
// "# UNIT" and "# EOF" pass as comments, but a counter's "# TYPE difusor_cuts counter" does not cover
// its "difusor_cuts_total" samples: those become an untyped family with "no help text". That, and only
// that, is tolerated on the OpenMetrics text (a promtool that parses OpenMetrics reports nothing).
#include "metrics/MetricsRegistry.h"

#include "EverySeries.h"
#include "TestEnv.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using difusor::metrics::MetricsRegistry;

namespace {

struct Lint
{
    bool finished = false;
    int exitCode = -1;
    QString output; // stdout and stderr
};

Lint promtoolCheck(const QString &promtool, const QByteArray &text)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
    Lint lint;
    if (!p.waitForStarted(10000))
        return lint;
    p.write(text);
    p.closeWriteChannel();
    lint.finished = p.waitForFinished(30000);
    if (!lint.finished) {
        p.kill();
        p.waitForFinished(5000);
        return lint;
    }
    lint.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    lint.output = QString::fromUtf8(p.readAll()).trimmed();
    return lint;
}

} // namespace

class TestMetricsPromtool final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void prometheusTextPassesClean()
    {
        DIFUSOR_REQUIRE_PROGRAM(promtool, "promtool");
        MetricsRegistry registry;
        QVERIFY(difusor::test::fillEverySeries(registry));
        const QByteArray text = registry.render(MetricsRegistry::Format::PrometheusText);
        for (const QString &name : difusor::test::everySampleName())
            QVERIFY2(text.contains(QByteArray("\n# TYPE " + name.toLatin1() + ' ')), qPrintable(name));

        const Lint lint = promtoolCheck(promtool, text);
        QVERIFY(lint.finished);
        QVERIFY2(lint.exitCode == 0 && lint.output.isEmpty(),
                 qPrintable(QStringLiteral("exit %1:\n%2\n--- input:\n%3")
                                .arg(lint.exitCode)
                                .arg(lint.output, QString::fromUtf8(text))));
    }

    void brokenTextIsCaught()
    {
        // The check is a real one: promtool does complain about a counter without _total and a bad line.
        DIFUSOR_REQUIRE_PROGRAM(promtool, "promtool");
        const Lint lint = promtoolCheck(promtool, "# HELP difusor_cuts Cuts.\n# TYPE difusor_cuts counter\n"
                                                  "difusor_cuts{server=\"a\"} 1\n");
        QVERIFY(lint.finished);
        QVERIFY2(lint.exitCode != 0 && lint.output.contains(QLatin1String("_total")), qPrintable(lint.output));
        const Lint bad = promtoolCheck(promtool, "difusor_up{server=\"a} 1\n");
        QVERIFY(bad.finished);
        QVERIFY(bad.exitCode != 0);
    }

    void openMetricsOnlyLacksCounterHelp()
    {
        DIFUSOR_REQUIRE_PROGRAM(promtool, "promtool");
        MetricsRegistry registry;
        QVERIFY(difusor::test::fillEverySeries(registry));
        const QByteArray om = registry.render(MetricsRegistry::Format::OpenMetrics);
        QVERIFY(om.endsWith("\n# EOF\n"));
        QVERIFY(om.contains("# UNIT difusor_cut_lag_seconds seconds\n"));

        const Lint lint = promtoolCheck(promtool, om);
        QVERIFY(lint.finished);
        if (lint.exitCode == 0) {
            QVERIFY(lint.output.isEmpty());
            return;
        }
        const QRegularExpression counterHelp(QStringLiteral("^difusor_(cuts|http_requests|http_pages)_total no help text$"));
        const QStringList lines = lint.output.split(QLatin1Char('\n'));
        for (const QString &line : lines)
            QVERIFY2(counterHelp.match(line.trimmed()).hasMatch(), qPrintable(lint.output));
        qInfo("promtool on OpenMetrics (exit %d): %s", lint.exitCode, qPrintable(lines.join(QLatin1String("; "))));
    }
};

QTEST_GUILESS_MAIN(TestMetricsPromtool)
#include "tst_metrics_promtool.moc"
