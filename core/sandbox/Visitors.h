#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QRandomGenerator>

#include <queue>
#include <vector>

class QNetworkAccessManager;
class QTimer;

namespace difusor::sandbox {

// A bounded load generator playing the difusor's public: people (addresses from the documentation ranges
// 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, sent as X-Forwarded-For) with browser or bot user
// agents who load the page, its assets, then poll avance.json. Requests per second never exceed the rate
// (times the spike factor), in-flight requests are capped, and the only target is the given loopback port.
class Visitors final : public QObject
{
    Q_OBJECT
public:
    explicit Visitors(QObject *parent = nullptr);
    ~Visitors() override;

    void start(quint16 port, double requestsPerSecond);
    void stop();
    void setFactor(double factor); // traffic spike; 1 = normal

    qint64 requestsSent() const { return m_sent; }
    double currentRate() const { return m_rate * m_factor; }

private:
    struct Person
    {
        QByteArray address;
        QByteArray userAgent;
        bool bot;
        int pollsLeft;
    };
    struct Due
    {
        qint64 atMs;
        int person;
        QByteArray path;
        bool operator>(const Due &other) const { return atMs > other.atMs; }
    };
    void tick();
    int newPerson();
    void send(const Due &due);

    QNetworkAccessManager *m_network;
    QTimer *m_timer;
    QElapsedTimer m_clock;
    QRandomGenerator m_random;
    std::vector<Person> m_people;
    std::vector<int> m_freePeople;
    std::priority_queue<Due, std::vector<Due>, std::greater<Due>> m_due;
    QByteArray m_base;
    double m_rate = 0;
    double m_factor = 1;
    double m_budget = 0;
    qint64 m_lastTickMs = 0;
    qint64 m_sent = 0;
    int m_inFlight = 0;
};

} // namespace difusor::sandbox
