#include "ReportFormat.h"

#include "common/MexicoTime.h"
#include "common/Tr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamWriter>

namespace difusor::checks {

QByteArray reportToJson(const CheckReport &report)
{
    QJsonArray checks;
    for (const CheckResult &r : report.results)
        checks.append(r.toJson());
    QJsonObject o;
    o.insert(QStringLiteral("checks"), checks);
    o.insert(QStringLiteral("duration_ms"), report.durationMs);
    o.insert(QStringLiteral("started"), isoUtc(report.startedUtc));
    o.insert(QStringLiteral("target"), report.target);
    o.insert(QStringLiteral("requirements"), report.requirementsId);
    o.insert(QStringLiteral("run_failed"), report.runFailed);
    if (!report.error.isEmpty())
        o.insert(QStringLiteral("error"), report.error);
    o.insert(QStringLiteral("exit_code"), exitCodeFor(report.results, report.runFailed));
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

QByteArray reportToJunit(const CheckReport &report)
{
    int failures = 0, errors = 0, skipped = 0;
    for (const CheckResult &r : report.results) {
        failures += r.status == Status::Fail;
        errors += r.status == Status::Unknown;
        skipped += r.status == Status::Skipped;
    }
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("testsuites"));
    xml.writeStartElement(QStringLiteral("testsuite"));
    xml.writeAttribute(QStringLiteral("name"), QStringLiteral("difusor-check ") + report.target);
    xml.writeAttribute(QStringLiteral("tests"), QString::number(report.results.size()));
    xml.writeAttribute(QStringLiteral("failures"), QString::number(failures));
    xml.writeAttribute(QStringLiteral("errors"), QString::number(errors));
    xml.writeAttribute(QStringLiteral("skipped"), QString::number(skipped));
    xml.writeAttribute(QStringLiteral("time"), QString::number(double(report.durationMs) / 1000.0, 'f', 3));
    xml.writeAttribute(QStringLiteral("timestamp"), report.startedUtc.toString(Qt::ISODate));
    for (const CheckResult &r : report.results) {
        xml.writeStartElement(QStringLiteral("testcase"));
        xml.writeAttribute(QStringLiteral("classname"), r.group);
        xml.writeAttribute(QStringLiteral("name"), r.id);
        const QString message = Tr::tr("esperado: %1; actual: %2").arg(r.expected, r.actual);
        if (r.status == Status::Fail || r.status == Status::Unknown) {
            xml.writeStartElement(r.status == Status::Fail ? QStringLiteral("failure") : QStringLiteral("error"));
            xml.writeAttribute(QStringLiteral("message"), message);
            xml.writeAttribute(QStringLiteral("type"), statusId(r.status));
            xml.writeCharacters(r.remediation + QStringLiteral("\n\n") + r.evidence);
            xml.writeEndElement();
        } else if (r.status == Status::Skipped) {
            xml.writeEmptyElement(QStringLiteral("skipped"));
            xml.writeAttribute(QStringLiteral("message"), message);
        } else {
            xml.writeTextElement(QStringLiteral("system-out"), statusText(r.status) + QStringLiteral(": ") + message);
        }
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

QString reportToText(const CheckReport &report, const QString &requirementsName, bool withEvidence)
{
    QString text;
    text += Tr::tr("Verificación de infraestructura de %1 (%2)").arg(report.target, requirementsName) + QLatin1Char('\n');
    text += Tr::tr("Inicio: %1").arg(formatMexicoTime(report.startedUtc)) + QStringLiteral("\n\n");
    QMap<Status, int> counts;
    for (const CheckResult &r : report.results) {
        ++counts[r.status];
        text += QStringLiteral("[%1] %2 · %3\n").arg(statusText(r.status), -12).arg(r.id, r.title);
        text += QStringLiteral("      ") + Tr::tr("esperado: %1").arg(r.expected) + QLatin1Char('\n');
        text += QStringLiteral("      ") + Tr::tr("actual:   %1").arg(r.actual) + QLatin1Char('\n');
        if (!r.remediation.isEmpty())
            text += QStringLiteral("      → ") + r.remediation + QLatin1Char('\n');
        if (withEvidence && !r.evidence.isEmpty()) {
            for (const QString &line : r.evidence.split(QLatin1Char('\n')))
                text += QStringLiteral("        | ") + line + QLatin1Char('\n');
        }
    }
    if (!report.error.isEmpty())
        text += QLatin1Char('\n') + Tr::tr("Error: %1").arg(report.error) + QLatin1Char('\n');
    text += QLatin1Char('\n')
        + Tr::tr("%1 cumplen, %2 advertencias, %3 no cumplen, %4 desconocidas, %5 omitidas; %6 ms")
              .arg(counts.value(Status::Pass)).arg(counts.value(Status::Warn)).arg(counts.value(Status::Fail))
              .arg(counts.value(Status::Unknown)).arg(counts.value(Status::Skipped)).arg(report.durationMs)
        + QLatin1Char('\n');
    return text;
}

} // namespace difusor::checks
