#include "ProbeOutput.h"

#include <QRegularExpression>

namespace difusor::checks {

namespace {
bool validName(const QByteArray &name)
{
    if (name.isEmpty() || name.size() > 64)
        return false;
    for (const char c : name) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    }
    return true;
}
} // namespace

QString printable(const QByteArray &bytes, int maxChars)
{
    QString text = QString::fromUtf8(bytes.left(maxChars * 4));
    bool cut = text.size() > maxChars;
    if (cut)
        text.truncate(maxChars);
    for (QChar &c : text) {
        if ((c.category() == QChar::Other_Control && c != QLatin1Char('\n') && c != QLatin1Char('\t'))
            || c == QChar::ReplacementCharacter)
            c = QChar(0xB7); // middle dot: shows where bytes were not text
    }
    if (cut || bytes.size() > maxChars * 4)
        text += QStringLiteral(" […]");
    return text;
}

QString ProbeSection::evidence(int maxChars) const
{
    QString text = QStringLiteral("$ ") + command + QLatin1Char('\n');
    text += printable(output, maxChars);
    if (!text.endsWith(QLatin1Char('\n')))
        text += QLatin1Char('\n');
    if (truncated)
        text += QStringLiteral("[…]\n");
    text += complete ? QStringLiteral("(exit %1)").arg(exitStatus) : QStringLiteral("(sin estado de salida)");
    return text;
}

const ProbeSection *ProbeOutput::section(const QString &name) const
{
    const auto it = sections.constFind(name);
    return it == sections.constEnd() ? nullptr : &it.value();
}

ProbeOutput parseProbeOutput(const QByteArray &raw, const QByteArray &nonce, int probeCap)
{
    ProbeOutput out;
    out.rawBytes = raw.size();
    const QByteArray open = "==>" + nonce + ' ';
    const QByteArray close = "<==" + nonce + " exit ";

    ProbeSection current;
    bool inSection = false;
    bool expectCommand = false;
    auto finish = [&](bool complete) {
        if (!complete)
            ++out.malformedFrames;
        current.complete = complete;
        // The probe adds one '\n' before the closing frame; a cut section keeps what came.
        if (complete && current.output.endsWith('\n'))
            current.output.chop(1);
        if (probeCap > 0 && current.output.size() >= probeCap)
            current.truncated = true;
        if (out.sections.contains(current.name) || out.sections.size() >= MaxSections) {
            ++out.malformedFrames;
        } else {
            out.order.append(current.name);
            out.sections.insert(current.name, current);
        }
        current = ProbeSection();
        inSection = false;
    };

    qsizetype pos = 0;
    while (pos < raw.size()) {
        qsizetype end = raw.indexOf('\n', pos);
        const bool lastLine = end < 0;
        if (lastLine)
            end = raw.size();
        const QByteArray line = raw.mid(pos, end - pos);
        pos = end + 1;

        if (line.startsWith(open)) {
            if (inSection)
                finish(false);
            const QByteArray name = line.mid(open.size()).trimmed();
            if (!validName(name)) {
                ++out.malformedFrames;
                continue;
            }
            current.name = QString::fromLatin1(name);
            inSection = true;
            expectCommand = true;
            continue;
        }
        if (!inSection) {
            if (!line.isEmpty())
                ++out.malformedFrames;
            continue;
        }
        if (expectCommand) {
            expectCommand = false;
            if (line.startsWith("$ ")) {
                current.command = printable(line.mid(2), 2000);
                continue;
            }
        }
        if (line.startsWith(close)) {
            bool ok = false;
            const int status = line.mid(close.size()).trimmed().toInt(&ok);
            current.exitStatus = ok ? status : -1;
            finish(ok);
            continue;
        }
        if (current.output.size() < MaxSectionBytes) {
            current.output += line.left(MaxSectionBytes - current.output.size());
            if (!lastLine)
                current.output += '\n';
        }
        if (current.output.size() >= MaxSectionBytes)
            current.truncated = true;
    }
    if (inSection)
        finish(false);
    return out;
}

} // namespace difusor::checks
