#include "FakeHost.h"
#include "MainWindow.h"
#include "common/Settings.h"
#include "connection/ConnectionController.h"
#include "connection/ConnectionPage.h"
#include "connection/ProfileDialog.h"
#include "connection/ProfileStore.h"
#include "connection/SecretDialog.h"
#include "connection/SecretStore.h"
#include "widgets/Modal.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace difusor;
using namespace difusor::ui;

namespace {

// Remembers secrets in memory, so the test sees what would go to the system keychain.
class MemorySecretStore final : public SecretStore
{
public:
    bool available() const override { return true; }
    void read(const QString &key, QObject *context, const ReadCallback &done) override
    {
        const std::optional<QString> value = values.contains(key) ? std::optional<QString>(values.value(key))
                                                                   : std::nullopt;
        QMetaObject::invokeMethod(context, [done, value] { done(value); }, Qt::QueuedConnection);
    }
    void write(const QString &key, const QString &secret, QObject *context, const WriteCallback &done) override
    {
        if (writeError.isEmpty())
            values.insert(key, secret);
        const QString error = writeError;
        QMetaObject::invokeMethod(context, [done, error] { done(error); }, Qt::QueuedConnection);
    }
    void remove(const QString &key) override { values.remove(key); }
    QHash<QString, QString> values;
    QString writeError; // set: every write fails with it, as a locked or missing keychain does
};

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

void setText(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

} // namespace

class TestProfiles final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    QString m_profiles;

    ProfileDialog *openDialog(QPushButton *button)
    {
        QTest::mouseClick(button, Qt::LeftButton);
        ProfileDialog *dialog = nullptr;
        [&] { QTRY_VERIFY((dialog = m_window->findChild<ProfileDialog *>()) && dialog->isVisible()); }();
        return dialog;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Settings::setInstanceFile(m_dir.filePath(QStringLiteral("settings.ini")));
        m_profiles = m_dir.filePath(QStringLiteral("profiles"));
        m_window = std::make_unique<MainWindow>(m_profiles);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void createEditDeleteRoundTrip()
    {
        ConnectionPage *page = m_window->connectionPage();
        QCOMPARE(page->list()->count(), 0);
        QVERIFY(!page->connectButton()->isEnabled());

        // Create.
        ProfileDialog *dialog = openDialog(page->newButton());
        QVERIFY(dialog);
        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("Difusor UNAM"));
        QTest::keyClicks(dialog->hostEdit(), QStringLiteral("prep.example.mx"));
        dialog->portSpin()->selectAll();
        QTest::keyClicks(dialog->portSpin(), QStringLiteral("2222"));
        QTest::keyClicks(dialog->userEdit(), QStringLiteral("t"));
        dialog->userEdit()->insert(QStringLiteral("écnico")); // QTest types ASCII only
        dialog->authCombo()->setFocus();
        QTest::keyClick(dialog->authCombo(), Qt::Key_Down); // key -> agent
        QTest::keyClick(dialog->authCombo(), Qt::Key_Down); // agent -> password
        QVERIFY(!dialog->keyFileEdit()->isEnabled());
        QTest::mouseClick(dialog->findChild<QToolButton *>(QStringLiteral("advancedToggle")), Qt::LeftButton);
        auto *publication = dialog->findChild<QLineEdit *>(QStringLiteral("publicationDir"));
        QVERIFY(publication && publication->isVisible());
        QTest::keyClicks(publication, QStringLiteral("/srv/prep"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("officialUrl")),
                         QStringLiteral("https://prep.example.org/"));
        auto *compression = dialog->findChild<QCheckBox *>(QStringLiteral("compression"));
        QVERIFY(compression && compression->isChecked()); // on by default (issue 14)
        QTest::mouseClick(compression, Qt::LeftButton);
        auto *ips = dialog->findChild<QPlainTextEdit *>(QStringLiteral("trustedIps"));
        QTest::keyClicks(ips, QStringLiteral("192.0.2.10"));
        QTest::keyClick(ips, Qt::Key_Return);
        QTest::keyClicks(ips, QStringLiteral("198.51.100.0/24"));
        QPointer<ProfileDialog> guard(dialog);
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(guard.isNull() || !guard->isVisible());

        const QString path = QDir(m_profiles).filePath(QStringLiteral("Difusor UNAM.json"));
        QVERIFY(QFile::exists(path));
        QJsonObject json = readJson(path);
        QCOMPARE(json.value(QStringLiteral("host")).toString(), QStringLiteral("prep.example.mx"));
        QCOMPARE(json.value(QStringLiteral("port")).toInt(), 2222);
        QCOMPARE(json.value(QStringLiteral("user")).toString(), QStringLiteral("técnico"));
        QCOMPARE(json.value(QStringLiteral("auth")).toString(), QStringLiteral("password"));
        QCOMPARE(json.value(QStringLiteral("publication_dir")).toString(), QStringLiteral("/srv/prep"));
        QCOMPARE(json.value(QStringLiteral("trusted_ips")).toVariant().toStringList(),
                 (QStringList{QStringLiteral("192.0.2.10"), QStringLiteral("198.51.100.0/24")}));
        QCOMPARE(json.value(QStringLiteral("compression")).toBool(true), false);
        // The command line reads the same file.
        QVERIFY(Profile::load(path).has_value());
        QVERIFY(!Profile::load(path)->compression);
        QCOMPARE(page->list()->count(), 1);
        QCOMPARE(page->list()->currentItem()->text(), QStringLiteral("Difusor UNAM"));
        QVERIFY(page->connectButton()->isEnabled());

        // Edit: change the host and rename; the old file goes away, keys the dialog does not show stay.
        json.insert(QStringLiteral("poll_interval_ms"), 250);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(json).toJson());
        file.close();
        page->reload(QStringLiteral("Difusor UNAM"));
        dialog = openDialog(page->editButton());
        QCOMPARE(dialog->hostEdit()->text(), QStringLiteral("prep.example.mx"));
        QCOMPARE(dialog->portSpin()->value(), 2222);
        setText(dialog->hostEdit(), QStringLiteral("192.0.2.1"));
        setText(dialog->nameEdit(), QStringLiteral("Difusor UNAM 2"));
        guard = dialog;
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(guard.isNull() || !guard->isVisible());
        QVERIFY(!QFile::exists(path));
        const QString renamed = QDir(m_profiles).filePath(QStringLiteral("Difusor UNAM 2.json"));
        json = readJson(renamed);
        QCOMPARE(json.value(QStringLiteral("host")).toString(), QStringLiteral("192.0.2.1"));
        QCOMPARE(json.value(QStringLiteral("poll_interval_ms")).toInt(), 250);
        QCOMPARE(page->list()->currentItem()->text(), QStringLiteral("Difusor UNAM 2"));

        // Delete, answering "No" first (kept), then "Sí".
        Modal::setNextAnswer(QDialog::Rejected);
        QTest::mouseClick(page->deleteButton(), Qt::LeftButton);
        QTest::qWait(50);
        QVERIFY(QFile::exists(renamed));
        Modal::setNextAnswer(QDialog::Accepted);
        QTest::mouseClick(page->deleteButton(), Qt::LeftButton);
        QTRY_VERIFY(!QFile::exists(renamed));
        QTRY_COMPARE(page->list()->count(), 0);
    }

    void invalidInputKeepsTheDialogOpen()
    {
        ConnectionPage *page = m_window->connectionPage();
        ProfileDialog *dialog = openDialog(page->newButton());
        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("Sin servidor"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->errorLabel()->isVisible());
        QVERIFY(dialog->errorLabel()->text().contains(QStringLiteral("servidor")));
        QTest::keyClicks(dialog->hostEdit(), QStringLiteral("h.example"));
        QTest::mouseClick(dialog->findChild<QToolButton *>(QStringLiteral("advancedToggle")), Qt::LeftButton);
        QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(QStringLiteral("trustedIps")), QStringLiteral("999.1.1.1"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->errorLabel()->text().contains(QStringLiteral("999.1.1.1")));
        QVERIFY(!QFile::exists(QDir(m_profiles).filePath(QStringLiteral("Sin servidor.json"))));
        QPointer<ProfileDialog> guard(dialog);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("cancel")), Qt::LeftButton);
        QTRY_VERIFY(guard.isNull());
    }

    void passwordGoesOnlyToTheKeychainAfterSuccess()
    {
        auto store = std::make_unique<MemorySecretStore>();
        MemorySecretStore *secrets = store.get();
        ConnectionController *controller = m_window->connection();
        controller->setSecretStore(std::move(store));
        QPointer<FakeHost> host;
        controller->setHostFactory([&host](const Profile &p, QObject *parent) {
            host = new FakeHost(QStringLiteral("%1@%2:%3").arg(p.user, p.host).arg(p.port), parent);
            return host.data();
        });
        Profile profile;
        profile.name = QStringLiteral("Con contraseña");
        profile.host = QStringLiteral("h.example");
        profile.user = QStringLiteral("ana");
        profile.auth = AuthMethod::Password;
        QString error;
        QVERIFY2(m_window->profileStore().save(profile, {}, &error), qPrintable(error));
        m_window->connectionPage()->reload(profile.name);
        QTest::mouseClick(m_window->connectionPage()->connectButton(), Qt::LeftButton);
        QTRY_VERIFY(host);
        QCOMPARE(host->connectCalls, 1);

        remote::SecretRequest request;
        request.kind = remote::SecretRequest::Kind::Password;
        request.prompt = QStringLiteral("Contraseña de ana@h.example:");
        Q_EMIT host->secretRequested(request);
        SecretDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<SecretDialog *>()) && dialog->isVisible());
        QCOMPARE(dialog->secretEdit()->echoMode(), QLineEdit::Password);
        QTest::keyClicks(dialog->secretEdit(), QStringLiteral("s3cr3t-"));
        dialog->secretEdit()->insert(QStringLiteral("ñ"));
        QTest::mouseClick(dialog->rememberBox(), Qt::LeftButton);
        QVERIFY(dialog->rememberBox()->isChecked());
        QTest::keyClick(dialog->secretEdit(), Qt::Key_Return);
        QTRY_COMPARE(host->secrets, QStringList{QStringLiteral("s3cr3t-ñ")});
        QVERIFY2(secrets->values.isEmpty(), "a secret must not be remembered before the server accepts it");
        host->setState(remote::ConnectionState::Connected);
        QCOMPARE(secrets->values.value(ConnectionController::passwordKey(profile)), QStringLiteral("s3cr3t-ñ"));

        // Never on disk: no file in the test's folders holds it (profiles, settings).
        Settings::instance().sync();
        QDirIterator it(m_dir.path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains("s3cr3t"), qPrintable(f.fileName()));
        }

        // Next time the remembered one is used without asking; a refusal asks the technician once.
        controller->connectProfile(profile);
        QTRY_VERIFY(host && host->connectCalls == 1);
        Q_EMIT host->secretRequested(request);
        QTRY_COMPARE(host->secrets, QStringList{QStringLiteral("s3cr3t-ñ")});
        QVERIFY(!m_window->findChild<SecretDialog *>());
        Modal::setNextAnswer(QDialog::Rejected);
        Q_EMIT host->secretRequested(request);
        QTRY_COMPARE(host->cancelledSecrets, 1);

        // Deleting the profile forgets its secrets.
        Modal::setNextAnswer(QDialog::Accepted);
        m_window->connectionPage()->reload(profile.name);
        QTest::mouseClick(m_window->connectionPage()->deleteButton(), Qt::LeftButton);
        QTRY_VERIFY(secrets->values.isEmpty());
        controller->disconnectFromHost();
    }

    // A keychain that refuses the secret is reported, not silently taken as remembered.
    void keychainWriteFailureIsShown()
    {
        auto store = std::make_unique<MemorySecretStore>();
        MemorySecretStore *secrets = store.get();
        secrets->writeError = QStringLiteral("el llavero está bloqueado");
        ConnectionController *controller = m_window->connection();
        controller->setSecretStore(std::move(store));
        QPointer<FakeHost> host;
        controller->setHostFactory([&host](const Profile &p, QObject *parent) {
            host = new FakeHost(QStringLiteral("%1@%2:%3").arg(p.user, p.host).arg(p.port), parent);
            return host.data();
        });
        Profile profile;
        profile.name = QStringLiteral("Llavero bloqueado");
        profile.host = QStringLiteral("k.example");
        profile.user = QStringLiteral("eva");
        profile.auth = AuthMethod::Password;
        QSignalSpy failed(controller, &ConnectionController::failed);
        controller->connectProfile(profile);
        QTRY_VERIFY(host);
        remote::SecretRequest request;
        request.kind = remote::SecretRequest::Kind::Password;
        request.prompt = QStringLiteral("Contraseña de eva@k.example:");
        Q_EMIT host->secretRequested(request);
        SecretDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<SecretDialog *>()) && dialog->isVisible());
        QTest::keyClicks(dialog->secretEdit(), QStringLiteral("clave"));
        QTest::mouseClick(dialog->rememberBox(), Qt::LeftButton);
        QTest::keyClick(dialog->secretEdit(), Qt::Key_Return);
        QTRY_COMPARE(host->secrets, QStringList{QStringLiteral("clave")});
        QCOMPARE(failed.count(), 0);
        host->setState(remote::ConnectionState::Connected);
        QTRY_COMPARE(failed.count(), 1);
        const QString message = failed.at(0).at(0).toString();
        QVERIFY2(message.contains(QStringLiteral("el llavero está bloqueado")), qPrintable(message));
        QVERIFY(secrets->values.isEmpty());
        // The window shows it (MainWindow turns failed() into an error box).
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = m_window->findChild<QMessageBox *>()) && box->isVisible() && box->text() == message);
        box->reject();
        QTRY_VERIFY(!m_window->findChild<QMessageBox *>());
        controller->disconnectFromHost();
    }

    void profileFileNamesAreSafe()
    {
        QCOMPARE(ProfileStore::fileNameFor(QStringLiteral("Difusor Oaxaca")), QStringLiteral("Difusor Oaxaca.json"));
        QCOMPARE(ProfileStore::fileNameFor(QStringLiteral("a/../../etc/passwd")), QStringLiteral("a_.._.._etc_passwd.json"));
        QCOMPARE(ProfileStore::fileNameFor(QStringLiteral("../../etc/passwd")), QString());
        QCOMPARE(ProfileStore::fileNameFor(QStringLiteral(".oculto")), QString());
        QCOMPARE(ProfileStore::fileNameFor(QStringLiteral("   ")), QString());
        QVERIFY(!m_window->profileStore().removeFile(QStringLiteral("../settings.ini"), nullptr));
    }

    void cleanupTestCase()
    {
        Modal::clearNextAnswer();
        m_window.reset();
    }
};

QTEST_MAIN(TestProfiles)
#include "tst_profiles.moc"
