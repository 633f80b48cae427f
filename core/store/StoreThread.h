#pragma once

#include "Store.h"
#include "common/TsanHandoff.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace difusor {
struct Profile;
}
namespace difusor::remote {
class RemoteHost;
}

namespace difusor::store {

class ServerStore;

// The identity of the server `host` is connected to for `profile` (the host key it verified).
ServerIdentity identityOf(const Profile &profile, const remote::RemoteHost &host);

// Carries replies from the store's thread to callers whose context lives on another thread than the
// StoreThread's (those on its thread get theirs as an event to the StoreThread). Each goes out as ready(ticket)
// through a queued connection made with the caller's context object as its receiver: when the context
// is destroyed, Qt removes that connection (under its own locks), so a reply to a page or watcher that
// is gone is dropped without anything on the store's thread ever touching the context. Lives as long
// as its StoreThread, which outlives every job (its destructor joins the thread).
class StoreRelay final : public QObject
{
    Q_OBJECT
Q_SIGNALS:
    void ready(quint64 ticket);
    void mail(); // StoreThread's mailbox has news (its observers' signals)
};

// The product's way to use the Store: the connection lives on a worker thread, so an fsync'ing
// commit never stalls the GUI. Jobs run in the order they were posted. A result comes back on the
// context object's thread only after the job's transaction committed: "written before shown".
// The store's QThread. Its event loop ends, then it waits until the owner said it will post no more
// (an atomic ThreadSanitizer sees) before the thread finishes and glib closes the loop's wake-up eventfd:
// the owner's last posts and quit() write that eventfd inside Qt/glib, ordered before the close by Qt's
// own mutex, which TSan cannot see.
class StoreQThread final : public QThread
{
public:
    void lastPostDone() { m_lastPostDone.store(true, std::memory_order_release); }

protected:
    void run() override
    {
        exec();
        while (!m_lastPostDone.load(std::memory_order_acquire))
            QThread::yieldCurrentThread(); // microseconds: between quit() and the owner's next line
    }

private:
    std::atomic<bool> m_lastPostDone{false};
};

class StoreThread final : public QObject
{
    Q_OBJECT
public:
    explicit StoreThread(QObject *parent = nullptr);
    ~StoreThread() override; // finishes queued jobs, closes the database, joins the thread

    // Opens the database on the worker; emits opened() when done.
    void open(const QString &path);

    // Runs job(store) on the worker (store may be closed: check isOpen()).
    void post(std::function<void(Store &)> job);

    // Runs job on the worker, then done(result) on context's thread (dropped if context is gone,
    // safely whatever thread deletes it). The job runs even then: writes are kept.
    template<typename Result>
    void call(QObject *context, std::function<Result(Store &)> job, std::function<void(Result)> done)
    {
        if (context->thread() == thread()) {
            // The usual case: the context lives on this object's thread (the GUI's). The reply comes
            // back to this object, which outlives every job, and reaches done() only if the context
            // still exists: checked on the thread that deletes it, so the check cannot race it.
            auto result = std::make_shared<std::optional<Result>>();
            std::function<void()> deliver = [guard = QPointer<QObject>(context), result, done = std::move(done)]() {
                if (guard && *result)
                    done(std::move(**result));
            };
            post([this, result, job = std::move(job), deliver = std::move(deliver)](Store &store) mutable {
                *result = job(store);
                postReply(std::move(deliver));
            });
            return;
        }
        // A context on another thread: through a connection with it as receiver (see StoreRelay).
        struct Reply
        {
            std::optional<Result> result;       // written on the store's thread before ready() is emitted
            QMetaObject::Connection connection; // set before the job is posted
        };
        auto reply = std::make_shared<Reply>();
        const quint64 ticket = m_nextTicket.fetch_add(1, std::memory_order_relaxed);
        // Every pending call listens to the one relay and keeps its own ticket; there are few at a time.
        reply->connection = connect(
            m_relay, &StoreRelay::ready, context,
            [reply, ticket, done = std::move(done)](quint64 arrived) {
                if (arrived != ticket)
                    return;
                tsanAcquire(reply.get());
                if (!reply->result)
                    return;
                QObject::disconnect(reply->connection); // answered once; the event in flight holds this lambda
                done(std::move(*reply->result));
            },
            Qt::QueuedConnection);
        post([reply, ticket, relay = m_relay, job = std::move(job)](Store &store) {
            reply->result = job(store);
            tsanRelease(reply.get());    // the receiver acquires before reading (common/TsanHandoff.h)
            Q_EMIT relay->ready(ticket); // queued: the receiver reads the result after this write
        });
    }

    // Registers the server (Store::registerServer) on the worker, then done(store, error) on context's
    // thread: a ServerStore scoped to it, or an invalid one and the reason.
    void identify(const ServerIdentity &identity, QObject *context,
                  std::function<void(const ServerStore &store, const QString &error)> done);

Q_SIGNALS:
    void opened(bool ok, const QString &error);
    // Every committed change of any server's incidents (the one incident log), whoever made it: a
    // rule, a technician, another page. Emitted after the commit, delivered on the receiver's thread.
    void incidentChanged(const difusor::store::IncidentUpdate &update);
    // An infrastructure check run of `serverId` was committed (Store::addCheckRun), whoever ran it:
    // the "Resumen" reads the newest verdict again. Delivered on the receiver's thread.
    void checkRunSaved(qint64 serverId, qint64 runId);
    // A write nobody waited for failed (emitted from the store's thread; delivery is queued).
    void writeFailed(const QString &error);

protected:
    bool event(QEvent *event) override; // replies of call() (see postReply())

private:
    // On the store's thread: done() of a call() whose context lives on our thread, as an event to us.
    void postReply(std::function<void()> deliver);

    // Runs on the store's thread: queues a signal of ours for this object's thread (the mailbox, under
    // a mutex: a hand-over ThreadSanitizer sees, unlike arguments copied into Qt's event queue).
    void sendMail(std::function<void()> emitSignal);
    void deliverMail();

    StoreQThread m_thread;
    QObject *m_worker = nullptr;     // lives on m_thread
    StoreRelay *m_relay = nullptr;   // a child: lives until after the thread was joined
    std::atomic<quint64> m_nextTicket{1};
    std::mutex m_mailMutex;
    std::vector<std::function<void()>> m_mail;
    std::shared_ptr<Store> m_store;  // touched only on m_thread
};

// One server's part of the store: the StoreThread, with every job run with Store::setServer(server)
// around it, so a job can read and write that server's records only. Cheap to copy; the StoreThread
// must outlive it. Made by StoreThread::identify() once the server's host key is known.
class ServerStore final
{
public:
    ServerStore() = default;
    ServerStore(StoreThread *thread, qint64 server)
        : m_thread(thread)
        , m_server(server)
    {
    }

    bool isValid() const { return m_thread && m_server > 0; }
    StoreThread *thread() const { return m_thread; }
    qint64 server() const { return m_server; }

    // An invalid ServerStore runs nothing: post() drops the job, call() answers done(Result{}) (false,
    // nullopt, 0: the callers' "not saved" path), so a missing store is never silent.
    void post(std::function<void(Store &)> job) const
    {
        if (!isValid())
            return;
        m_thread->post([server = m_server, job = std::move(job)](Store &store) {
            store.setServer(server);
            job(store);
            store.setServer(0);
        });
    }

    template<typename Result>
    void call(QObject *context, std::function<Result(Store &)> job, std::function<void(Result)> done) const
    {
        if (!isValid()) {
            // Posted to the context itself (alive now, on the caller's thread): Qt drops the event
            // if the context is deleted before it runs.
            QMetaObject::invokeMethod(
                context, [done = std::move(done)]() { done(Result{}); }, Qt::QueuedConnection);
            return;
        }
        m_thread->call<Result>(
            context,
            [server = m_server, job = std::move(job)](Store &store) {
                store.setServer(server);
                Result result = job(store);
                store.setServer(0);
                return result;
            },
            std::move(done));
    }

private:
    StoreThread *m_thread = nullptr;
    qint64 m_server = 0;
};

} // namespace difusor::store
