#include "common/Translations.h"
#include "pages/cuts/CutsStatus.h"
#include "remote/RemoteHost.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    QString translation;
    QString type; // "", "unfinished", "vanished", "obsolete"
    bool numerus = false;
};

QList<Message> readTs(const QString &path, QString *error)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                current = Message{};
                current.context = context;
                current.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (name == QLatin1String("source")) {
                current.source = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                current.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!current.numerus)
                    current.translation = xml.readElementText();
            } else if (name == QLatin1String("numerusform")) {
                const QString form = xml.readElementText();
                if (current.translation.isEmpty())
                    current.translation = form;
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            messages.append(current);
            current = Message{};
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?\\d+"));
    QSet<QString> found;
    auto it = re.globalMatch(text);
    while (it.hasNext())
        found.insert(it.next().captured().remove(QLatin1Char('L')));
    return found;
}

} // namespace

class TestTranslations final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void englishTranslationIsComplete()
    {
        QString error;
        const QList<Message> messages = readTs(QStringLiteral(DIFUSOR_TS_FILE), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(messages.size() > 50, "the .ts holds too few messages: was lupdate run?");
        QStringList problems;
        for (const Message &m : messages) {
            if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete"))
                continue;
            if (m.type == QLatin1String("unfinished"))
                problems.append(QStringLiteral("unfinished: [%1] %2").arg(m.context, m.source));
            else if (m.translation.trimmed().isEmpty())
                problems.append(QStringLiteral("empty: [%1] %2").arg(m.context, m.source));
            else if (placeholders(m.source) != placeholders(m.translation))
                problems.append(QStringLiteral("placeholders differ: [%1] %2 -> %3").arg(m.context, m.source, m.translation));
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void englishQmLoadsAndTranslates()
    {
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/difusor_en.qm")));
        QVERIFY(difusor::installTranslations(QStringLiteral("en")));
        QCOMPARE(difusor::remote::connectionStateText(difusor::remote::ConnectionState::Connected),
                 QStringLiteral("Connected"));
        QCOMPARE(QCoreApplication::translate("difusor::ui::PlaceholderPage", "Disponible próximamente"),
                 QStringLiteral("Coming soon"));
        QCOMPARE(QCoreApplication::translate("difusor::ui::MainWindow", "Resumen"), QStringLiteral("Summary"));
        QCOMPARE(QCoreApplication::translate("difusor::ui::HostKeyDialog", "¿Confiar y recordar?"),
                 QStringLiteral("Trust and remember?"));
        QCOMPARE(QCoreApplication::translate("difusor::ui::SecretDialog", "Recordar en el llavero del sistema"),
                 QStringLiteral("Remember in the system keychain"));
        // Helpers outside a Q_OBJECT class: their tr() context must be the one lupdate wrote.
        difusor::cuts::Incident late;
        late.kind = difusor::cuts::IncidentKind::LateCut;
        const QString lateText = difusor::ui::incidentShortText(late, 60000);
        QVERIFY2(!lateText.isEmpty() && lateText != QStringLiteral("Corte atrasado"), qPrintable(lateText));
        QVERIFY(difusor::installTranslations(QStringLiteral("es_MX")));
        QCOMPARE(difusor::ui::incidentShortText(late, 60000), QStringLiteral("Corte atrasado"));
    }

    void unknownLanguageIsRefused()
    {
        QVERIFY(!difusor::installTranslations(QStringLiteral("xx")));
        QVERIFY(difusor::installTranslations(QStringLiteral("es_MX"))); // the source language
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
