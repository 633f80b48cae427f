#include "LogFormat.h"

#include "common/Tr.h"

namespace difusor::traffic {

namespace {

std::optional<LogFormat::Field> fieldFor(char c)
{
    using F = LogFormat::Field;
    switch (c) {
    case 'h': return F::Host;
    case 'x': return F::DateTime;
    case 'd': return F::Date;
    case 't': return F::Time;
    case 'z': return F::Zone;
    case 'r': return F::Request;
    case 'm': return F::Method;
    case 'U': return F::Path;
    case 'H': return F::Protocol;
    case 's': return F::Status;
    case 'b': return F::Bytes;
    case 'R': return F::Referer;
    case 'u': return F::UserAgent;
    case 'T': return F::ServeSeconds;
    case 'L': return F::ServeMillis;
    case 'D': return F::ServeMicros;
    case '^': return F::Ignore;
    default: return std::nullopt;
    }
}

} // namespace

LogFormat LogFormat::combined()
{
    LogFormat f = *fromString(QStringLiteral("%h %^ %^ [%x] \"%r\" %s %b \"%R\" \"%u\""));
    f.m_trailingServeTime = true;
    return f;
}

std::optional<LogFormat> LogFormat::fromString(const QString &spec, QString *error)
{
    const QString upper = spec.trimmed().toUpper();
    if (upper == QLatin1String("COMBINED"))
        return combined();
    if (upper == QLatin1String("COMBINED_RT"))
        return fromString(QStringLiteral("%h %^ %^ [%x] \"%r\" %s %b \"%R\" \"%u\" %T"), error);
    if (upper == QLatin1String("COMMON"))
        return fromString(QStringLiteral("%h %^ %^ [%x] \"%r\" %s %b"), error);

    const std::string s = spec.toStdString();
    LogFormat f;
    bool hasTime = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') {
            if (f.m_tokens.empty() || f.m_tokens.back().field != Field::Literal)
                f.m_tokens.push_back(Token{});
            f.m_tokens.back().literal += s[i];
            continue;
        }
        if (i + 1 >= s.size()) {
            if (error)
                *error = Tr::tr("El formato termina con un '%' suelto.");
            return std::nullopt;
        }
        const char c = s[++i];
        if (c == '%') {
            if (f.m_tokens.empty() || f.m_tokens.back().field != Field::Literal)
                f.m_tokens.push_back(Token{});
            f.m_tokens.back().literal += '%';
            continue;
        }
        const auto field = fieldFor(c);
        if (!field) {
            if (error)
                *error = Tr::tr("Especificador desconocido en el formato: %%1").arg(QChar::fromLatin1(c));
            return std::nullopt;
        }
        if (!f.m_tokens.empty() && f.m_tokens.back().field != Field::Literal) {
            if (error)
                *error = Tr::tr("Dos campos seguidos sin separador en el formato.");
            return std::nullopt;
        }
        hasTime = hasTime || *field == Field::DateTime || *field == Field::Date;
        f.m_tokens.push_back(Token{*field, {}});
    }
    if (!hasTime) {
        if (error)
            *error = Tr::tr("El formato no tiene fecha (%x o %d).");
        return std::nullopt;
    }
    return f;
}

} // namespace difusor::traffic
