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
    const qsizetype i = arguments.indexOf(QStringLiteral("--lang"));
    if (i >= 0 && i + 1 < arguments.size())
        return arguments.at(i + 1);
    const QString env = qEnvironmentVariable("DIFUSOR_LANG");
    return env.isEmpty() ? QStringLiteral("es") : env;
}

} // namespace difusor
