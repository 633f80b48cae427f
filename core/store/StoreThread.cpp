#include "StoreThread.h"

#include "common/Profile.h"
#include "common/Tr.h"
#include "remote/RemoteHost.h"

#include <QCoreApplication>
#include <QEvent>

namespace difusor::store {

namespace {
// One job for the store's thread, posted as an event we construct: the hand-over is told to
// ThreadSanitizer (common/TsanHandoff.h). Qt deletes it on that thread after it ran.
class StoreJob final : public QEvent
{
public:
    static QEvent::Type eventType()
    {
        static const auto type = QEvent::Type(QEvent::registerEventType());
        return type;
    }
    explicit StoreJob(std::function<void()> run)
        : QEvent(eventType())
        , run(std::move(run))
    {
    }
    std::function<void()> run;
};

// A reply for the StoreThread's own thread (call() with a context there).
class StoreReply final : public QEvent
{
public:
    static QEvent::Type eventType()
    {
        static const auto type = QEvent::Type(QEvent::registerEventType());
        return type;
    }
    explicit StoreReply(std::function<void()> deliver)
        : QEvent(eventType())
        , deliver(std::move(deliver))
    {
    }
    std::function<void()> deliver;
};

class StoreWorker final : public QObject
{
protected:
    bool event(QEvent *event) override
    {
        tsanAcquire(event); // first: even its type was written before the post
        if (event->type() != StoreJob::eventType())
            return QObject::event(event);
        static_cast<StoreJob *>(event)->run();
        return true;
    }
};
} // namespace

StoreThread::StoreThread(QObject *parent)
    : QObject(parent)
    , m_worker(new StoreWorker)
    , m_relay(new StoreRelay)
    , m_store(std::make_shared<Store>())
{
    m_relay->setParent(this);
    m_thread.setObjectName(QStringLiteral("difusor-store"));
    m_worker->moveToThread(&m_thread);
    // Runs on the worker after each commit; receivers live on other threads, so delivery is queued.
    m_store->setIncidentObserver([this](const IncidentUpdate &update) {
        sendMail([this, update] { Q_EMIT incidentChanged(update); });
    });
    m_store->setCheckRunObserver([this](qint64 serverId, qint64 runId) {
        sendMail([this, serverId, runId] { Q_EMIT checkRunSaved(serverId, runId); });
    });
    connect(m_relay, &StoreRelay::mail, this, &StoreThread::deliverMail, Qt::QueuedConnection);
    m_thread.start();
}

StoreThread::~StoreThread()
{
    // The Store's connection must be closed on the thread that opened it.
    post([](Store &store) { store.close(); });
    m_thread.quit();
    m_thread.lastPostDone();
    m_thread.wait();
    delete m_worker; // its thread has ended: safe to delete from here
}

void StoreThread::open(const QString &path)
{
    using Answer = std::pair<bool, QString>;
    call<Answer>(
        this,
        [path](Store &store) -> Answer {
            QString error;
            const bool ok = store.open(path, &error);
            return {ok, error};
        },
        [this](const Answer &answer) { Q_EMIT opened(answer.first, answer.second); });
}

ServerIdentity identityOf(const Profile &profile, const remote::RemoteHost &host)
{
    return ServerIdentity{profile.identityId(), host.hostKeyFingerprint(), profile.name, host.displayName()};
}

void StoreThread::identify(const ServerIdentity &identity, QObject *context,
                           std::function<void(const ServerStore &, const QString &)> done)
{
    using Answer = std::pair<qint64, QString>;
    call<Answer>(
        context,
        [identity](Store &store) -> Answer {
            if (!store.isOpen())
                return {0, store.lastError().isEmpty() ? Tr::tr("La base de datos no está abierta.") : store.lastError()};
            const auto id = store.registerServer(identity, QDateTime::currentDateTimeUtc());
            return {id.value_or(0), id ? QString() : store.lastError()};
        },
        [this, done = std::move(done)](const Answer &answer) {
            done(answer.first > 0 ? ServerStore(this, answer.first) : ServerStore(), answer.second);
        });
}

void StoreThread::post(std::function<void(Store &)> job)
{
    std::shared_ptr<Store> store = m_store;
    auto *event = new StoreJob([store, job = std::move(job)]() { job(*store); });
    tsanRelease(event);
    QCoreApplication::postEvent(m_worker, event);
}

void StoreThread::postReply(std::function<void()> deliver)
{
    auto *event = new StoreReply(std::move(deliver));
    tsanRelease(event);
    QCoreApplication::postEvent(this, event); // we outlive the store's thread: ~StoreThread joins it
}

bool StoreThread::event(QEvent *event)
{
    tsanAcquire(event);
    if (event->type() != StoreReply::eventType())
        return QObject::event(event);
    static_cast<StoreReply *>(event)->deliver();
    return true;
}

void StoreThread::sendMail(std::function<void()> emitSignal)
{
    {
        std::lock_guard<std::mutex> lock(m_mailMutex);
        m_mail.push_back(std::move(emitSignal));
    }
    Q_EMIT m_relay->mail();
}

void StoreThread::deliverMail()
{
    std::vector<std::function<void()>> mail;
    {
        std::lock_guard<std::mutex> lock(m_mailMutex);
        mail.swap(m_mail);
    }
    for (const auto &emitSignal : mail)
        emitSignal();
}

} // namespace difusor::store
