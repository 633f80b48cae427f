#include "FakeHost.h"
#include "connection/ConnectionController.h"
#include "connection/HostKeyDialog.h"
#include "widgets/Modal.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPointer>
#include <QProcess>
#include <QStandardPaths>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

using namespace difusor;
using namespace difusor::ui;

namespace {
remote::HostKeyInfo sampleKey()
{
    remote::HostKeyInfo info;
    info.host = QStringLiteral("127.0.0.1");
    info.port = 2222;
    info.keyType = QStringLiteral("ED25519");
    info.keyBits = 256;
    info.fingerprint = QStringLiteral("SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU");
    info.knownHostsFile = QStringLiteral("/home/ana/.local/share/difusor-console/known_hosts");
    return info;
}
} // namespace

class TestHostKey final : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<QWidget> m_parent;
    std::unique_ptr<ConnectionController> m_controller;
    QPointer<FakeHost> m_host;

    HostKeyDialog *waitForDialog()
    {
        HostKeyDialog *dialog = nullptr;
        [&] { QTRY_VERIFY((dialog = m_parent->findChild<HostKeyDialog *>()) && dialog->isVisible()); }();
        return dialog;
    }

private Q_SLOTS:
    void init()
    {
        m_parent = std::make_unique<QWidget>();
        m_parent->resize(600, 400);
        m_parent->show();
        m_controller = std::make_unique<ConnectionController>(m_parent.get());
        m_controller->setHostFactory([this](const Profile &, QObject *parent) {
            m_host = new FakeHost(QStringLiteral("ana@127.0.0.1:2222"), parent);
            return m_host.data();
        });
        Profile profile;
        profile.host = QStringLiteral("127.0.0.1");
        profile.port = 2222;
        m_controller->connectProfile(profile);
        QVERIFY(m_host);
    }

    void cleanup()
    {
        Modal::clearNextAnswer();
        m_controller.reset();
        m_parent.reset();
    }

    void unknownKeyShowsFingerprintLikeSshKeygen()
    {
        Q_EMIT m_host->hostKeyUnknown(sampleKey());
        HostKeyDialog *dialog = waitForDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("fingerprint"))->text(),
                 QStringLiteral("256 SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU (ED25519)"));
        QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("question"))->text(), QStringLiteral("¿Confiar y recordar?"));
        // Enter must not trust: the default button is the refusal.
        auto *reject = dialog->findChild<QPushButton *>(QStringLiteral("reject"));
        QVERIFY(reject->isDefault());
        QVERIFY(!dialog->trustButton()->isDefault());
    }

    void fingerprintLineMatchesRealSshKeygen()
    {
        // ssh-keygen -lf prints "<bits> SHA256:<b64> <comment> (<TYPE>)"; with an empty comment the
        // line is exactly what the dialog shows.
        const QString keygen = QStandardPaths::findExecutable(QStringLiteral("ssh-keygen"));
        if (keygen.isEmpty())
            QSKIP("ssh-keygen not installed");
        QTemporaryDir dir;
        const QString key = dir.filePath(QStringLiteral("k"));
        QProcess gen;
        gen.start(keygen, {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
                           QString(), QStringLiteral("-C"), QString(), QStringLiteral("-f"), key});
        QVERIFY(gen.waitForFinished(10000) && gen.exitCode() == 0);
        QProcess list;
        list.start(keygen, {QStringLiteral("-lf"), key + QStringLiteral(".pub")});
        QVERIFY(list.waitForFinished(10000) && list.exitCode() == 0);
        const QString line = QString::fromUtf8(list.readAllStandardOutput()).trimmed();
        const QStringList parts = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        QVERIFY2(parts.size() >= 3, qPrintable(line));
        remote::HostKeyInfo info;
        info.keyBits = parts.at(0).toInt();
        info.fingerprint = parts.at(1);
        info.keyType = parts.last().mid(1, parts.last().size() - 2);
        QCOMPARE(HostKeyDialog::fingerprintLine(info), parts.at(0) + u' ' + parts.at(1) + u' ' + parts.last());
        QCOMPARE(info.keyType, QStringLiteral("ED25519"));
    }

    void trustAnswerReachesTheHost()
    {
        Q_EMIT m_host->hostKeyUnknown(sampleKey());
        HostKeyDialog *dialog = waitForDialog();
        QVERIFY(dialog);
        QTest::mouseClick(dialog->trustButton(), Qt::LeftButton);
        QTRY_COMPARE(m_host->hostKeyAnswers, QList<bool>{true});
    }

    void rejectAnswerReachesTheHost()
    {
        Q_EMIT m_host->hostKeyUnknown(sampleKey());
        HostKeyDialog *dialog = waitForDialog();
        QVERIFY(dialog);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("reject")), Qt::LeftButton);
        QTRY_COMPARE(m_host->hostKeyAnswers, QList<bool>{false});
        // Escape also refuses.
        Q_EMIT m_host->hostKeyUnknown(sampleKey());
        dialog = waitForDialog();
        QVERIFY(dialog);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_COMPARE(m_host->hostKeyAnswers, (QList<bool>{false, false}));
    }

    void queuedAnswerSkipsTheDialog()
    {
        Modal::setNextAnswer(QDialog::Accepted);
        Q_EMIT m_host->hostKeyUnknown(sampleKey());
        QTRY_COMPARE(m_host->hostKeyAnswers, QList<bool>{true});
        QVERIFY(!m_parent->findChild<HostKeyDialog *>() || !m_parent->findChild<HostKeyDialog *>()->isVisible());
    }

    void changedKeyRefusesWithNoWayToAccept()
    {
        remote::HostKeyInfo info = sampleKey();
        info.oldFingerprint = QStringLiteral("SHA256:oldoldoldoldoldoldoldoldoldoldoldoldoldoldo");
        Q_EMIT m_host->hostKeyChanged(info);
        HostKeyDialog *dialog = waitForDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->which(), HostKeyDialog::Case::Changed);
        QVERIFY(!dialog->trustButton());
        const auto *box = dialog->findChild<QDialogButtonBox *>();
        QCOMPARE(box->buttons().size(), 1);
        for (QAbstractButton *button : box->buttons()) {
            const auto role = box->buttonRole(button);
            QVERIFY(role != QDialogButtonBox::AcceptRole && role != QDialogButtonBox::YesRole
                    && role != QDialogButtonBox::ApplyRole);
        }
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("oldFingerprint"))->text().contains(info.oldFingerprint));
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("newFingerprint"))
                    ->text()
                    .contains(QStringLiteral("256 SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU (ED25519)")));
        QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("removeCommand"))->text(),
                 QStringLiteral("ssh-keygen -R '[127.0.0.1]:2222' -f "
                                "'/home/ana/.local/share/difusor-console/known_hosts'"));
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("title"))->text().contains(QStringLiteral("#c01c28")));
        // Even "accepting" it (Enter) never answers the host: the connection stays refused.
        QTest::keyClick(dialog, Qt::Key_Return);
        QTRY_VERIFY(!dialog->isVisible());
        QTest::qWait(20);
        QVERIFY(m_host->hostKeyAnswers.isEmpty());
    }
};

QTEST_MAIN(TestHostKey)
#include "tst_hostkey.moc"
