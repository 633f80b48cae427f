#include "Translations.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTranslator>

#include <memory>

namespace difusor {

bool installTranslations(const QString &language)
{
    // One translator at a time: switching back to Spanish (the source language) removes English.
    static const QString name = QStringLiteral("difusor-translator");
    QCoreApplication *app = QCoreApplication::instance();
    auto dropCurrent = [app] {
        const QList<QTranslator *> old = app->findChildren<QTranslator *>(name, Qt::FindDirectChildrenOnly);
        for (QTranslator *t : old) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    };
    if (language.isEmpty() || language.startsWith(QLatin1String("es"))) {
        if (app)
            dropCurrent();
        return true;
    }
    if (!app)
        return false;
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(QStringLiteral(":/i18n/difusor_%1.qm").arg(language.left(2))))
        return false; // the current language stays
    dropCurrent();
    translator->setObjectName(name);
    translator->setParent(app);
    QCoreApplication::installTranslator(translator.release());
    return true;
}

QString chooseLanguage(const QStringList &arguments)
{
    // Read before any command line is parsed (its texts are made in this language): "--lang X" or
    // "--lang=X" anywhere; CommandLine refuses a value other than es and en later.
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == QLatin1String("--"))
            break;
        if (arg == QLatin1String("--lang") && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (arg.startsWith(QLatin1String("--lang=")))
            return arg.mid(7);
    }
    const QString env = qEnvironmentVariable("DIFUSOR_LANG");
    return env.isEmpty() ? QStringLiteral("es") : env;
}

} // namespace difusor
