#pragma once

#include <QString>

namespace difusor {

// Spanish (es_MX) is the source language; "en" installs the English translation embedded as
// ":/i18n/difusor_en.qm". Returns false when the asked language has no translation.
bool installTranslations(const QString &language);

// The language to use: `--lang X` (or `--lang=X`) if given, else DIFUSOR_LANG, else "es".
QString chooseLanguage(const QStringList &arguments);

} // namespace difusor
