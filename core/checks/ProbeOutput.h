#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace difusor::checks {

// One framed section of the probe's output: the command as run, its exit status and raw output.
struct ProbeSection
{
    QString name;
    QString command;
    QByteArray output;     // raw, at most the parser's per-section cap
    int exitStatus = -1;   // -1: the section never ended (output cut, the probe killed)
    bool complete = false; // the closing frame was seen
    bool truncated = false; // the probe's head -c or the parser's cap cut the output

    bool ok() const { return complete && exitStatus == 0; }
    bool commandMissing() const { return complete && exitStatus == 127; }
    bool timedOut() const { return complete && (exitStatus == 124 || exitStatus == 137); }
    // "$ cmd\n<output>\n(exit N)", bounded, for the evidence pane.
    QString evidence(int maxChars = 4000) const;
};

// The probe's whole output split into sections. Untrusted: bounded, malformed frames counted.
struct ProbeOutput
{
    QHash<QString, ProbeSection> sections;
    QStringList order;       // section names in the order they came
    int malformedFrames = 0; // unterminated, duplicated or badly named sections, stray text
    qsizetype rawBytes = 0;

    const ProbeSection *section(const QString &name) const;
    bool isEmpty() const { return sections.isEmpty(); }
};

constexpr int MaxSectionBytes = 256 * 1024;
constexpr int MaxSections = 128;

// nonce: the marker the console gave the probe; probeCap: the MAXBYTES it gave (to flag truncation).
ProbeOutput parseProbeOutput(const QByteArray &raw, const QByteArray &nonce, int probeCap);

// Decodes remote bytes for display: UTF-8 with control characters (but tab/newline) replaced.
QString printable(const QByteArray &bytes, int maxChars);

} // namespace difusor::checks
