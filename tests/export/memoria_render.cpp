// memoria_render: the memoria técnica's PDF without the window and without a server, for tests and
// for the screenshots in packaging/screenshots (an internal tool, not installed).
//
//   memoria_render --sample DIR --out FILE.pdf [--lang en]
//       writes the tests' 2024 logs (rotated, .gz) and store into DIR and renders them.
//   memoria_render --store DB --log SERVER:BAGNAME:PATH [--log …] --out FILE.pdf [--lang en]
//                  [--comments FILE] [--organisation TEXT] [--url URL] [--capacity RPS]
//       renders from an existing store (every server in it) and local log files, read in the order given.
//
// Prints the page count and the comparison's averages; exit 0 written, 1 failed, 2 bad arguments.
#include "MemoriaFixture.h"

#include "common/Translations.h"
#include "export/Memoria.h"
#include "store/Store.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QGuiApplication>

#include <cstdio>

using namespace difusor;

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("sample"), QStringLiteral("sample data folder"), QStringLiteral("DIR")},
                       {QStringLiteral("store"), QStringLiteral("store database"), QStringLiteral("DB")},
                       {QStringLiteral("log"), QStringLiteral("SERVER:BAGNAME:PATH"), QStringLiteral("LOG")},
                       {QStringLiteral("out"), QStringLiteral("PDF to write"), QStringLiteral("FILE")},
                       {QStringLiteral("lang"), QStringLiteral("es or en"), QStringLiteral("LANG"), QStringLiteral("es")},
                       {QStringLiteral("comments"), QStringLiteral("comments file"), QStringLiteral("FILE")},
                       {QStringLiteral("organisation"), QStringLiteral("organisation"), QStringLiteral("TEXT")},
                       {QStringLiteral("url"), QStringLiteral("portal URL"), QStringLiteral("URL")},
                       {QStringLiteral("capacity"), QStringLiteral("requests/s the server takes"), QStringLiteral("RPS")}});
    parser.process(app);
    const QString out = parser.value(QStringLiteral("out"));
    if (out.isEmpty() || parser.isSet(QStringLiteral("sample")) == parser.isSet(QStringLiteral("store"))) {
        std::fprintf(stderr, "memoria_render: --out and one of --sample or --store are needed\n");
        return 2;
    }
    const QString lang = parser.value(QStringLiteral("lang"));
    if (lang != QLatin1String("es"))
        installTranslations(lang); // the UI library's English, when it is linked in

    store::Store store;
    QString error;
    exporting::MemoriaRequest request;
    if (parser.isSet(QStringLiteral("sample"))) {
        const QString dir = parser.value(QStringLiteral("sample"));
        QDir().mkpath(dir);
        QFile::remove(QDir(dir).filePath(QStringLiteral("consola.db")));
        const auto logs = test::writeMemoriaLogs(dir);
        if (logs.isEmpty() || !store.open(QDir(dir).filePath(QStringLiteral("consola.db")), &error) || !test::fillMemoriaStore(store)) {
            std::fprintf(stderr, "memoria_render: sample: %s\n", qPrintable(error.isEmpty() ? store.lastError() : error));
            return 1;
        }
        request = test::memoriaRequest(logs);
    } else {
        if (!store.open(parser.value(QStringLiteral("store")), &error)) {
            std::fprintf(stderr, "memoria_render: %s\n", qPrintable(error));
            return 1;
        }
        for (const QString &spec : parser.values(QStringLiteral("log"))) {
            const QStringList parts = spec.split(QLatin1Char(':'));
            if (parts.size() < 3) {
                std::fprintf(stderr, "memoria_render: --log SERVER:BAGNAME:PATH, not %s\n", qPrintable(spec));
                return 2;
            }
            request.logs.append({parts.at(0), parts.at(1), parts.mid(2).join(QLatin1Char(':'))});
        }
        request.organisation = parser.value(QStringLiteral("organisation"));
        request.difusorUrl = parser.value(QStringLiteral("url"));
        if (parser.isSet(QStringLiteral("capacity")))
            request.capacityRps = parser.value(QStringLiteral("capacity")).toDouble();
        if (parser.isSet(QStringLiteral("comments"))) {
            QFile f(parser.value(QStringLiteral("comments")));
            if (!f.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "memoria_render: %s\n", qPrintable(f.errorString()));
                return 1;
            }
            request.comments = QString::fromUtf8(f.readAll());
        }
    }
    request.language = lang;
    const exporting::MemoriaInput input = exporting::buildMemoriaInput(store, request);
    for (const QString &e : input.errors)
        std::fprintf(stderr, "memoria_render: %s\n", qPrintable(e));
    if (!exporting::writeMemoriaPdf(input, out, &error)) {
        std::fprintf(stderr, "memoria_render: %s\n", qPrintable(error));
        return 1;
    }
    const auto &c = input.comparison;
    std::printf("%s: %lld lines; baseline %d days, visits %.1f pages %.1f hits %.1f visitors %.1f; period visits %.1f\n",
                qPrintable(out), qlonglong(c.parsedLines), c.baselineCoveredDays, c.baselineAverage.visits,
                c.baselineAverage.pages, c.baselineAverage.hits, c.baselineAverage.visitors, c.periodAverage.visits);
    return 0;
}
