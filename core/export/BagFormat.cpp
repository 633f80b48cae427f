#include "BagFormat.h"

#include "common/Tr.h"

#include <QRegularExpression>
#include <QStringConverter>
#include <QStringDecoder>

namespace difusor::exporting {

namespace {

bool fail(QString *error, const QString &text)
{
    if (error)
        *error = text;
    return false;
}

bool isBlank(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t');
}

} // namespace

QString encodeManifestPath(const QString &path)
{
    QString out;
    out.reserve(path.size());
    for (QChar c : path) {
        if (c == QLatin1Char('%'))
            out += QStringLiteral("%25");
        else if (c == QLatin1Char('\n'))
            out += QStringLiteral("%0A");
        else if (c == QLatin1Char('\r'))
            out += QStringLiteral("%0D");
        else
            out += c;
    }
    return out;
}

QString decodeManifestPath(const QString &path)
{
    if (!path.contains(QLatin1Char('%')))
        return path;
    QString out;
    out.reserve(path.size());
    for (qsizetype i = 0; i < path.size(); ++i) {
        if (path.at(i) == QLatin1Char('%') && i + 2 < path.size()) {
            const QString code = path.mid(i + 1, 2).toUpper();
            if (code == QLatin1String("25")) {
                out += QLatin1Char('%');
                i += 2;
                continue;
            }
            if (code == QLatin1String("0A")) {
                out += QLatin1Char('\n');
                i += 2;
                continue;
            }
            if (code == QLatin1String("0D")) {
                out += QLatin1Char('\r');
                i += 2;
                continue;
            }
        }
        out += path.at(i);
    }
    return out;
}

QByteArray manifestLine(const QByteArray &hex, const QString &path)
{
    return hex + "  " + encodeManifestPath(path).toUtf8() + '\n';
}

QStringList splitLines(const QString &text)
{
    QStringList lines;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c != QLatin1Char('\n') && c != QLatin1Char('\r'))
            continue;
        lines.append(text.mid(start, i - start));
        if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
            ++i;
        start = i + 1;
    }
    if (start < text.size())
        lines.append(text.mid(start));
    return lines;
}

std::optional<ManifestEntry> parseManifestLine(QStringView line)
{
    qsizetype i = 0;
    while (i < line.size() && !isBlank(line.at(i)))
        ++i;
    if (i == 0 || i == line.size())
        return std::nullopt;
    ManifestEntry entry;
    entry.checksum = line.left(i).toString();
    while (i < line.size() && isBlank(line.at(i)))
        ++i;
    QStringView path = line.mid(i);
    if (path.startsWith(QLatin1Char('*'))) {
        entry.binaryMarker = true;
        path = path.mid(1);
    }
    if (path.startsWith(QLatin1String("./"))) {
        entry.dotSlash = true;
        path = path.mid(2);
    }
    if (path.isEmpty())
        return std::nullopt;
    entry.path = decodeManifestPath(path.toString());
    return entry;
}

QString outOfScopeReason(const QString &path)
{
    if (path.isEmpty())
        return Tr::tr("ruta vacía");
    if (path.startsWith(QLatin1Char('/')))
        return Tr::tr("ruta absoluta");
    const QStringList parts = path.split(QLatin1Char('/'));
    for (const QString &part : parts) {
        if (part == QLatin1String(".."))
            return Tr::tr("la ruta sale del paquete («..»)");
        if (part.isEmpty() || part == QLatin1String("."))
            return Tr::tr("la ruta tiene partes vacías o «.»");
    }
    return {};
}

std::optional<BagDeclaration> parseBagDeclaration(const QByteArray &bytes, QString *error)
{
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        fail(error, Tr::tr("bagit.txt empieza con una marca de orden de bytes (BOM), que no se permite"));
        return std::nullopt;
    }
    QStringDecoder utf8(QStringConverter::Utf8);
    const QString text = utf8(bytes);
    if (utf8.hasError()) {
        fail(error, Tr::tr("bagit.txt no es UTF-8 válido"));
        return std::nullopt;
    }
    QStringList lines = splitLines(text);
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    if (lines.size() != 2) {
        fail(error, Tr::tr("bagit.txt debe tener exactamente dos líneas (tiene %1)").arg(lines.size()));
        return std::nullopt;
    }
    // Strict, as RFC 8493 §2.1.1 writes them: one space after the colon, nothing after the value.
    static const QRegularExpression version(QStringLiteral("^BagIt-Version: ([0-9]+)\\.([0-9]+)$"));
    static const QRegularExpression encoding(QStringLiteral("^Tag-File-Character-Encoding: (\\S+)$"));
    const QRegularExpressionMatch v = version.match(lines.at(0));
    if (!v.hasMatch()) {
        fail(error, Tr::tr("la primera línea de bagit.txt no es «BagIt-Version: M.N»: «%1»").arg(lines.at(0)));
        return std::nullopt;
    }
    const QRegularExpressionMatch e = encoding.match(lines.at(1));
    if (!e.hasMatch()) {
        fail(error, Tr::tr("la segunda línea de bagit.txt no es «Tag-File-Character-Encoding: …»: «%1»").arg(lines.at(1)));
        return std::nullopt;
    }
    BagDeclaration d;
    d.major = v.captured(1).toInt();
    d.minor = v.captured(2).toInt();
    d.encoding = e.captured(1);
    // 1.0 (RFC 8493) and the drafts bags are still made with (0.93-0.97: the same layout).
    const bool supported = (d.major == 1 && d.minor == 0) || (d.major == 0 && d.minor >= 93 && d.minor <= 97);
    if (!supported) {
        fail(error, Tr::tr("versión de BagIt no admitida: %1.%2 (se admiten 0.93 a 0.97 y 1.0)").arg(d.major).arg(d.minor));
        return std::nullopt;
    }
    return d;
}

QByteArray bagDeclarationBytes()
{
    return QByteArrayLiteral("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
}

std::optional<QString> decodeTagFile(const QByteArray &bytes, const QString &encoding, QString *error)
{
    const std::optional<QStringConverter::Encoding> known = QStringConverter::encodingForName(encoding.toLatin1().constData());
    if (!known || *known == QStringConverter::System) {
        fail(error, Tr::tr("codificación de los archivos de etiquetas no admitida: %1").arg(encoding));
        return std::nullopt;
    }
    QStringDecoder decoder(*known);
    QString text = decoder(bytes);
    if (decoder.hasError()) {
        fail(error, Tr::tr("no es texto %1 válido").arg(encoding));
        return std::nullopt;
    }
    if (text.startsWith(QChar(0xFEFF))) // a BOM the decoder kept (UTF-8): tolerated outside bagit.txt
        text.remove(0, 1);
    return text;
}

std::optional<TagFields> parseTagFields(const QString &text, QString *error)
{
    TagFields fields;
    const QStringList lines = splitLines(text);
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QString &line = lines.at(n);
        if (line.trimmed().isEmpty())
            continue;
        if (isBlank(line.at(0))) {
            if (fields.isEmpty()) {
                fail(error, Tr::tr("la línea %1 continúa un valor, pero no hay uno antes").arg(n + 1));
                return std::nullopt;
            }
            fields.last().value += QLatin1Char(' ') + line.trimmed();
            continue;
        }
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            fail(error, Tr::tr("la línea %1 no es «Etiqueta: valor»: «%2»").arg(n + 1).arg(line));
            return std::nullopt;
        }
        // Whitespace before the colon is tolerated: 0.97 bags have "Label : value".
        fields.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    return fields;
}

QByteArray formatTagFields(const TagFields &fields, QString *error)
{
    QByteArray out;
    for (const TagField &f : fields) {
        const bool badLabel = f.label.isEmpty() || f.label.contains(QLatin1Char(':')) || f.label.contains(QLatin1Char('\n'))
                              || f.label.contains(QLatin1Char('\r')) || f.label.trimmed() != f.label;
        if (badLabel) {
            fail(error, Tr::tr("etiqueta no válida para bag-info.txt: «%1»").arg(f.label));
            return {};
        }
        QString value = f.value;
        value.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
        const QStringList valueLines = value.split(QLatin1Char('\n'));
        out += f.label.toUtf8() + ": " + valueLines.first().trimmed().toUtf8() + '\n';
        for (qsizetype i = 1; i < valueLines.size(); ++i) {
            const QString more = valueLines.at(i).trimmed();
            if (!more.isEmpty())
                out += "  " + more.toUtf8() + '\n';
        }
    }
    return out;
}

QString tagValue(const TagFields &fields, const QString &label)
{
    for (const TagField &f : fields) {
        if (f.label.compare(label, Qt::CaseInsensitive) == 0)
            return f.value;
    }
    return {};
}

std::optional<Oxum> parseOxum(const QString &value)
{
    static const QRegularExpression form(QStringLiteral("^([0-9]{1,18})\\.([0-9]{1,18})$"));
    const QRegularExpressionMatch m = form.match(value.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    return Oxum{m.captured(1).toLongLong(), m.captured(2).toLongLong()};
}

} // namespace difusor::exporting
