// A console stand-in for the kill -9 test: acknowledges an incident the way the window does
// (IncidentLog::act on the store thread), and the moment the answer says "committed" — when the
// window would show it — kills itself with SIGKILL. Usage: ack_then_die STORE NOTE
#include "incidents/IncidentLog.h"
#include "store/StoreThread.h"

#include <QCoreApplication>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <unistd.h>

using namespace difusor;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3)
        return 2;
    const QString path = QString::fromLocal8Bit(argv[1]);
    const QString note = QString::fromLocal8Bit(argv[2]);
    store::StoreThread thread;
    QObject context;
    QObject::connect(&thread, &store::StoreThread::opened, &context, [&](bool ok, const QString &) {
        if (!ok)
            QCoreApplication::exit(3);
        thread.identify({QStringLiteral("difusor"), QStringLiteral("SHA256:prueba"), QStringLiteral("difusor"), QStringLiteral("u@h:22")},
                        &context, [&](const store::ServerStore &server, const QString &) {
                            const incidents::IncidentLog log(server);
                            incidents::Condition c;
                            c.kind = QStringLiteral("site_unreachable");
                            c.subject = QStringLiteral("difusor");
                            c.detectedUtc = QDateTime::currentDateTimeUtc();
                            log.raise(c, &context, [&, log](const std::optional<store::IncidentUpdate> &opened, const QString &) {
                                if (!opened)
                                    QCoreApplication::exit(4);
                                log.act(opened->incident.id, store::IncidentAction::Acknowledge, QStringLiteral("ana"), note, &context,
                                        [](const std::optional<store::IncidentUpdate> &ack, const QString &) {
                                            if (!ack)
                                                QCoreApplication::exit(5);
                                            std::printf("acknowledged %lld\n", static_cast<long long>(ack->incident.id));
                                            std::fflush(stdout);
                                            ::kill(::getpid(), SIGKILL); // no clean shutdown, no store close
                                        });
                            });
                        });
    });
    thread.open(path);
    return QCoreApplication::exec();
}
