#include "StoreThread.h"

namespace difusor::store {

StoreThread::StoreThread(QObject *parent)
    : QObject(parent)
    , m_worker(new QObject)
    , m_store(std::make_shared<Store>())
{
    m_thread.setObjectName(QStringLiteral("difusor-store"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

StoreThread::~StoreThread()
{
    // The Store's connection must be closed on the thread that opened it.
    post([](Store &store) { store.close(); });
    m_thread.quit();
    m_thread.wait();
    delete m_worker; // its thread has ended: safe to delete from here
}

void StoreThread::open(const QString &path)
{
    QPointer<StoreThread> self(this);
    post([self, path](Store &store) {
        QString error;
        const bool ok = store.open(path, &error);
        if (self)
            QMetaObject::invokeMethod(
                self.data(),
                [self, ok, error]() {
                    if (self)
                        Q_EMIT self->opened(ok, error);
                },
                Qt::QueuedConnection);
    });
}

void StoreThread::post(std::function<void(Store &)> job)
{
    std::shared_ptr<Store> store = m_store;
    QMetaObject::invokeMethod(m_worker, [store, job = std::move(job)]() { job(*store); }, Qt::QueuedConnection);
}

} // namespace difusor::store
