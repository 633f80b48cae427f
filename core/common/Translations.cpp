#include "Translations.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTranslator>

namespace difusor {

bool installTranslations(const QString &language)
{
    if (language.isEmpty() || language.startsWith(QLatin1String("es")))
        return true;
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(QStringLiteral(":/i18n/difusor_%1.qm").arg(language.left(2)))) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    return true;
}

QString chooseLanguage(const QStringList &arguments)
{
    const qsizetype i = arguments.indexOf(QStringLiteral("--lang"));
    if (i >= 0 && i + 1 < arguments.size())
        return arguments.at(i + 1);
    const QString env = qEnvironmentVariable("DIFUSOR_LANG");
    return env.isEmpty() ? QStringLiteral("es") : env;
}

} // namespace difusor
