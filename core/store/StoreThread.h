#pragma once

#include "Store.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>

namespace difusor::store {

// The product's way to use the Store: the connection lives on a worker thread, so an fsync'ing
// commit never stalls the GUI. Jobs run in the order they were posted. A result comes back on the
// context object's thread only after the job's transaction committed: "written before shown".
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

    // Runs job on the worker, then done(result) on context's thread (dropped if context is gone).
    template<typename Result>
    void call(QObject *context, std::function<Result(Store &)> job, std::function<void(Result)> done)
    {
        QPointer<QObject> guard(context);
        post([guard, job = std::move(job), done = std::move(done)](Store &store) {
            Result result = job(store);
            if (!guard)
                return;
            QMetaObject::invokeMethod(
                guard.data(),
                [guard, done, result]() {
                    if (guard)
                        done(result);
                },
                Qt::QueuedConnection);
        });
    }

Q_SIGNALS:
    void opened(bool ok, const QString &error);

private:
    QThread m_thread;
    QObject *m_worker = nullptr;     // lives on m_thread
    std::shared_ptr<Store> m_store;  // touched only on m_thread
};

} // namespace difusor::store
