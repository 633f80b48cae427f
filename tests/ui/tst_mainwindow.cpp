#include "FakeHost.h"
#include "MainWindow.h"
#include "commands/CommandLogDock.h"
#include "commands/CommandLogModel.h"
#include "common/Settings.h"
#include "connection/ConnectionController.h"
#include "widgets/ConnectionStatus.h"

#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace difusor;
using namespace difusor::ui;
using remote::CommandLogEntry;
using remote::ConnectionState;

namespace {
CommandLogEntry entry(quint64 id, const QString &command)
{
    CommandLogEntry e;
    e.id = id;
    e.command = command;
    e.kind = QStringLiteral("run");
    e.startedUtc = QDateTime(QDate(2024, 6, 3), QTime(3, 15, 3), Qt::UTC);
    return e;
}
} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    QPointer<FakeHost> m_host;

private Q_SLOTS:
    void initTestCase()
    {
        Settings::setInstanceFile(m_dir.filePath(QStringLiteral("settings.ini")));
        m_window = std::make_unique<MainWindow>(m_dir.filePath(QStringLiteral("profiles")));
        m_window->connection()->setHostFactory([this](const Profile &p, QObject *parent) {
            m_host = new FakeHost(QStringLiteral("%1@%2:%3").arg(p.user, p.host).arg(p.port), parent);
            return m_host.data();
        });
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void pagesNotBuiltSaySo()
    {
        QListWidget *nav = m_window->navigation();
        const QStringList expected = {QStringLiteral("Conexión"), QStringLiteral("Resumen"),
                                      QStringLiteral("Infraestructura"), QStringLiteral("Cortes y publicación"),
                                      QStringLiteral("Tráfico"), QStringLiteral("Incidentes"),
                                      QStringLiteral("Simulacros"), QStringLiteral("Exportar")};
        QCOMPARE(nav->count(), expected.size());
        for (int i = 0; i < nav->count(); ++i)
            QCOMPARE(nav->item(i)->text(), expected.at(i));
        QCOMPARE(m_window->currentPage(), MainWindow::Page::Connection);
        QTest::mouseClick(nav->viewport(), Qt::LeftButton, {}, nav->visualItemRect(nav->item(4)).center());
        QCOMPARE(m_window->currentPage(), MainWindow::Page::Traffic);
        auto *soon = m_window->page(MainWindow::Page::Traffic)->findChild<QLabel *>(QStringLiteral("soon"));
        QVERIFY(soon && soon->isVisible());
        QCOMPARE(soon->text(), QStringLiteral("Disponible próximamente"));
        // A later page replaces its placeholder.
        auto *real = new QLabel(QStringLiteral("tráfico real"));
        m_window->setPage(MainWindow::Page::Traffic, real);
        QCOMPARE(m_window->page(MainWindow::Page::Traffic), real);
        QVERIFY(real->isVisible());
        m_window->showPage(MainWindow::Page::Connection);
    }

    void statusBarShowsStateServerAndRoundTrip()
    {
        ConnectionStatus *status = m_window->connectionStatus();
        QCOMPARE(status->stateText(), QStringLiteral("Desconectado"));
        QCOMPARE(status->roundTripText(), QStringLiteral("RTT: —"));
        Profile p;
        p.name = QStringLiteral("Prueba");
        p.host = QStringLiteral("prep.example.mx");
        p.port = 2222;
        p.user = QStringLiteral("ana");
        m_window->connectProfile(p);
        QVERIFY(m_host);
        QCOMPARE(status->stateText(), QStringLiteral("Conectando"));
        QCOMPARE(status->serverText(), QStringLiteral("Servidor: ana@prep.example.mx:2222"));
        m_host->setState(ConnectionState::Connected);
        QCOMPARE(status->stateText(), QStringLiteral("Conectado"));
        Q_EMIT m_host->roundTripMeasured(42);
        QCOMPARE(status->roundTripText(), QStringLiteral("RTT: 42 ms"));
        Q_EMIT m_host->roundTripMeasured(0); // loopback: under a millisecond, not "0 ms"
        QCOMPARE(status->roundTripText(), QStringLiteral("RTT: < 1 ms"));
        auto *icon = status->findChild<QLabel *>(QStringLiteral("stateIcon"));
        QVERIFY(icon && !icon->pixmap().isNull());
        const QImage connectedIcon = icon->pixmap().toImage();
        m_host->setState(ConnectionState::Failed, QStringLiteral("Autenticación rechazada"));
        QCOMPARE(status->stateText(), QStringLiteral("Falló: Autenticación rechazada"));
        QCOMPARE(status->roundTripText(), QStringLiteral("RTT: —"));
        QVERIFY(icon->pixmap().toImage() != connectedIcon);
        QVERIFY(m_window->windowTitle().contains(QStringLiteral("ana@prep.example.mx:2222")));
    }

    void commandsPaneShowsEveryCommand()
    {
        QVERIFY(m_host);
        CommandLogDock *dock = m_window->commandLog();
        QVERIFY(dock->isVisible());
        CommandLogModel *model = dock->model();
        const int before = model->rowCount();
        Q_EMIT m_host->commandStarted(entry(1, QStringLiteral("uname -a")));
        QCOMPARE(model->rowCount(), before + 1);
        const int row = before;
        auto text = [model, row](int column) { return model->index(row, column).data().toString(); };
        QCOMPARE(text(CommandLogModel::TimeColumn), QStringLiteral("02/06/2024 21:15:03 (UTC-6)"));
        QCOMPARE(text(CommandLogModel::CommandColumn), QStringLiteral("uname -a"));
        QCOMPARE(text(CommandLogModel::DurationColumn), QStringLiteral("en curso"));
        CommandLogEntry done = entry(1, QStringLiteral("uname -a"));
        done.durationMs = 12;
        done.exitStatus = 0;
        Q_EMIT m_host->commandEnded(done);
        QCOMPARE(model->rowCount(), before + 1);
        QCOMPARE(text(CommandLogModel::DurationColumn), QStringLiteral("12 ms"));
        QCOMPARE(text(CommandLogModel::ResultColumn), QStringLiteral("salida 0"));

        CommandLogEntry missing = entry(2, QStringLiteral("inotifywait -m /srv/prep"));
        missing.kind = QStringLiteral("stream");
        Q_EMIT m_host->commandStarted(missing);
        missing.durationMs = 2500;
        missing.exitStatus = 127;
        missing.error = remote::RemoteError::CommandNotFound;
        missing.errorText = QStringLiteral("orden no encontrada");
        Q_EMIT m_host->commandEnded(missing);
        QCOMPARE(model->index(row + 1, CommandLogModel::KindColumn).data().toString(), QStringLiteral("flujo"));
        QCOMPARE(model->index(row + 1, CommandLogModel::DurationColumn).data().toString(),
                 QLocale().toString(2.5, 'f', 2) + QStringLiteral(" s"));
        QCOMPARE(model->index(row + 1, CommandLogModel::ResultColumn).data().toString(),
                 QStringLiteral("salida 127: orden no encontrada"));
        QVERIFY(model->index(row + 1, CommandLogModel::ResultColumn).data(Qt::ForegroundRole).isValid());
        QCOMPARE(model->headerData(CommandLogModel::TimeColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Hora (UTC-6)"));
        // The view shows them.
        QTableView *view = dock->view();
        QVERIFY(view->isVisible());
        QCOMPARE(view->model()->rowCount(), before + 2);
    }

    void commandLogIsBounded()
    {
        CommandLogModel model(nullptr, 3);
        for (quint64 id = 1; id <= 5; ++id)
            model.addStarted(entry(id, QStringLiteral("cmd %1").arg(id)));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.entry(0).id, quint64(3));
        QCOMPARE(model.entry(2).id, quint64(5));
        CommandLogEntry end = entry(4, QStringLiteral("cmd 4"));
        end.durationMs = 5;
        end.exitStatus = 1;
        model.addEnded(end);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.entry(1).exitStatus, 1);
        // A huge, multi-line command stays one bounded line in the table.
        CommandLogEntry big = entry(6, QString(100000, QLatin1Char('x')) + QStringLiteral("\nsecond"));
        model.addStarted(big);
        QVERIFY(model.index(2, CommandLogModel::CommandColumn).data().toString().size() <= 500);
    }

    void disconnectClearsTheStatus()
    {
        m_window->connection()->disconnectFromHost();
        QCOMPARE(m_window->connectionStatus()->stateText(), QStringLiteral("Desconectado"));
        QCOMPARE(m_window->connectionStatus()->serverText(), QStringLiteral("Sin servidor"));
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
