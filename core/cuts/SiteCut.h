#pragma once

#include "CutTime.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace difusor::cuts {

// How to read the cut a site displays. Configurable per site because every PREP site differs.
struct SiteCutRule
{
    enum class Kind { Regex, JsonPath };
    Kind kind = Kind::Regex;

    // Regex: a regular expression with named groups, either "corte" (the whole "dd/mm/yyyy HH:MM
    // (UTC-6)" text) or "fecha" + "hora" (+ optional "offset", e.g. "UTC-6"). Matched against the page
    // with tags removed, entities decoded and blanks collapsed when stripHtml is set.
    QString pattern;
    bool stripHtml = true;

    // JsonPath: dotted paths with optional [n] indexes ("ultimoCorte.fecha", "cortes[0].hora").
    // timePath empty: datePath holds the whole text ("horaCorte": "02/06/2024 21:15 (UTC-6)").
    QString datePath;
    QString timePath;

    int defaultOffsetS = kMexicoCentralOffsetS; // when the site writes no "(UTC±H)"

    static SiteCutRule defaultHtml(); // "Fecha y hora de corte: dd/mm/yyyy HH:MM (UTC-6)"
    static SiteCutRule defaultJson(); // ultimoCorte.fecha + ultimoCorte.hora
    // Reads {"kind":"regex","pattern":…} / {"kind":"json","date_path":…,"time_path":…}.
    static std::optional<SiteCutRule> fromJson(const QJsonObject &object, QString *error = nullptr);
};

struct SiteCutResult
{
    std::optional<CutTime> cut;
    QString text;  // the matched text, for people
    QString error; // translated, when !cut
};

// Bodies beyond this are refused (a page, not a download).
inline constexpr qsizetype kMaxSiteBodyBytes = 8 * 1024 * 1024;

SiteCutResult extractSiteCut(const SiteCutRule &rule, const QByteArray &body);

// The rule to use when a site has none configured: JSON when the body or URL looks like JSON.
SiteCutRule defaultRuleFor(const QString &url, const QByteArray &contentType);

// HTML to plain text: tags out, common entities decoded, blanks collapsed. Bounded by the input.
QString htmlToText(const QString &html);

} // namespace difusor::cuts
