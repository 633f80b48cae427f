#include "cuts/SiteCut.h"

#include <QJsonObject>
#include <QTest>

using namespace difusor::cuts;

namespace {
QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate);
}
} // namespace

class TestSiteCut final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void html_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QDateTime>("expected");
        QTest::newRow("plain") << QByteArray("<p>Fecha y hora de corte: 02/06/2024 21:15 (UTC-6)</p>")
                               << utc("2024-06-03T03:15:00Z");
        QTest::newRow("spans and nbsp")
            << QByteArray("<div class=\"corte\"><span>Fecha y hora de corte:</span>&nbsp;<b>02/06/2024</b> "
                          "<b>21:30</b><small>(UTC-6)</small></div>")
            << utc("2024-06-03T03:30:00Z");
        QTest::newRow("no offset uses UTC-6") << QByteArray("Fecha y hora de corte: 02/06/2024 22:00")
                                              << utc("2024-06-03T04:00:00Z");
        QTest::newRow("hrs and other offset")
            << QByteArray("<h3>FECHA Y HORA DE CORTE 06/06/2021 23:45 hrs. (UTC-5)</h3>") << utc("2021-06-07T04:45:00Z");
        QTest::newRow("script ignored")
            << QByteArray("<script>var x='Fecha y hora de corte: 01/01/2000 00:00';</script>"
                          "<p>Fecha y hora de corte: 02/06/2024 21:15 (UTC-6)</p>")
            << utc("2024-06-03T03:15:00Z");
    }
    void html()
    {
        QFETCH(QByteArray, body);
        QFETCH(QDateTime, expected);
        const auto r = extractSiteCut(SiteCutRule::defaultHtml(), body);
        QVERIFY2(r.cut, qPrintable(r.error));
        QCOMPARE(r.cut->utc, expected);
    }

    void htmlWithoutCut()
    {
        const auto r = extractSiteCut(SiteCutRule::defaultHtml(), QByteArray("<html><body>Mantenimiento</body></html>"));
        QVERIFY(!r.cut);
        QVERIFY(!r.error.isEmpty());
    }

    void customRegexWithFechaHora()
    {
        SiteCutRule rule;
        rule.pattern = QStringLiteral(R"x(data-fecha="(?<fecha>[\d/]+)"\s+data-hora="(?<hora>[\d:]+)"\s+data-tz="(?<offset>UTC[-+]\d+)")x");
        rule.stripHtml = false;
        const auto r = extractSiteCut(rule, QByteArray("<div data-fecha=\"02/06/2024\" data-hora=\"21:45\" data-tz=\"UTC-6\"></div>"));
        QVERIFY2(r.cut, qPrintable(r.error));
        QCOMPARE(r.cut->utc, utc("2024-06-03T03:45:00Z"));
    }

    void badRegexIsAnError()
    {
        SiteCutRule rule;
        rule.pattern = QStringLiteral("(?<corte>[");
        QVERIFY(!extractSiteCut(rule, QByteArray("x")).cut);
        QString error;
        QVERIFY(!SiteCutRule::fromJson({{QStringLiteral("kind"), QStringLiteral("regex")},
                                        {QStringLiteral("pattern"), QStringLiteral("no group")}},
                                       &error));
        QVERIFY(!error.isEmpty());
    }

    void json_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("datePath");
        QTest::addColumn<QString>("timePath");
        QTest::addColumn<QDateTime>("expected");
        QTest::newRow("2024 default") << QByteArray(R"x({"ultimoCorte":{"fecha":"02/06/2024","hora":"21:15 (UTC-6)"},"actas":10})x")
                                      << QStringLiteral("ultimoCorte.fecha") << QStringLiteral("ultimoCorte.hora")
                                      << utc("2024-06-03T03:15:00Z");
        QTest::newRow("hora without offset") << QByteArray(R"({"ultimoCorte":{"fecha":"2024-06-02","hora":"21:15:00"}})")
                                             << QStringLiteral("ultimoCorte.fecha") << QStringLiteral("ultimoCorte.hora")
                                             << utc("2024-06-03T03:15:00Z");
        QTest::newRow("2018 horaCorte") << QByteArray(R"x({"horaCorte":"01/07/2018 23:30 (UTC-5)"})x")
                                        << QStringLiteral("horaCorte") << QString() << utc("2018-07-02T04:30:00Z");
        QTest::newRow("array path") << QByteArray(R"({"cortes":[{"f":"02/06/2024","h":"20:45"},{"f":"x","h":"y"}]})")
                                    << QStringLiteral("cortes[0].f") << QStringLiteral("cortes[0].h")
                                    << utc("2024-06-03T02:45:00Z");
    }
    void json()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, datePath);
        QFETCH(QString, timePath);
        QFETCH(QDateTime, expected);
        SiteCutRule rule = SiteCutRule::defaultJson();
        rule.datePath = datePath;
        rule.timePath = timePath;
        const auto r = extractSiteCut(rule, body);
        QVERIFY2(r.cut, qPrintable(r.error));
        QCOMPARE(r.cut->utc, expected);
    }

    void jsonFailures_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("not json") << QByteArray("<html>");
        QTest::newRow("missing") << QByteArray(R"({"ultimo":{}})");
        QTest::newRow("wrong type") << QByteArray(R"({"ultimoCorte":[1,2]})");
        QTest::newRow("bad date") << QByteArray(R"({"ultimoCorte":{"fecha":"ayer","hora":"21:15"}})");
        QTest::newRow("array root") << QByteArray(R"([1,2,3])");
    }
    void jsonFailures()
    {
        QFETCH(QByteArray, body);
        const auto r = extractSiteCut(SiteCutRule::defaultJson(), body);
        QVERIFY(!r.cut);
        QVERIFY(!r.error.isEmpty());
    }

    void ruleFromJsonAndDefaults()
    {
        QString error;
        const auto rule = SiteCutRule::fromJson({{QStringLiteral("kind"), QStringLiteral("json")},
                                                 {QStringLiteral("date_path"), QStringLiteral("horaCorte")},
                                                 {QStringLiteral("time_path"), QString()},
                                                 {QStringLiteral("default_offset"), QStringLiteral("UTC-5")}},
                                                &error);
        QVERIFY2(rule, qPrintable(error));
        QCOMPARE(rule->defaultOffsetS, -5 * 3600);
        const auto r = extractSiteCut(*rule, QByteArray(R"({"horaCorte":"01/07/2018 23:30"})"));
        QVERIFY(r.cut);
        QCOMPARE(r.cut->utc, utc("2018-07-02T04:30:00Z"));

        QCOMPARE(defaultRuleFor(QStringLiteral("https://x/avanceNacional.json?t=1"), {}).kind, SiteCutRule::Kind::JsonPath);
        QCOMPARE(defaultRuleFor(QStringLiteral("https://x/"), "application/json; charset=utf-8").kind, SiteCutRule::Kind::JsonPath);
        QCOMPARE(defaultRuleFor(QStringLiteral("https://x/"), "text/html").kind, SiteCutRule::Kind::Regex);
    }

    void oversizedBodyRefused()
    {
        QByteArray body(kMaxSiteBodyBytes + 1, ' ');
        QVERIFY(!extractSiteCut(SiteCutRule::defaultHtml(), body).cut);
    }
};

QTEST_GUILESS_MAIN(TestSiteCut)
#include "tst_sitecut.moc"
