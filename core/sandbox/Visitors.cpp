#include "Visitors.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>

#include <algorithm>

namespace difusor::sandbox {

namespace {

constexpr int TickMs = 50;
constexpr int MaxInFlight = 96;
constexpr size_t MaxPeople = 5000;
constexpr size_t MaxDue = 20000;
constexpr double MaxRate = 2000; // requests per second, spike included

const char *const Ranges[] = {"192.0.2.", "198.51.100.", "203.0.113."};

const char *const Browsers[] = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:126.0) Gecko/20100101 Firefox/126.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.6422.53 Mobile Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
    "Mozilla/5.0 (Linux; Android 13; moto g54 5G) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36 Edg/125.0.0.0",
};
const char *const Bots[] = {
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Twitterbot/1.0",
};
const char *const Assets[] = {"/prep.css", "/prep.js", "/logo.png", "/favicon.ico"};

} // namespace

Visitors::Visitors(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_timer(new QTimer(this))
    , m_random(QRandomGenerator::securelySeeded())
{
    m_network->setAutoDeleteReplies(true);
    connect(m_timer, &QTimer::timeout, this, &Visitors::tick);
}

Visitors::~Visitors()
{
    stop();
}

void Visitors::start(quint16 port, double requestsPerSecond)
{
    m_base = "http://127.0.0.1:" + QByteArray::number(port); // loopback only, never anything else
    m_rate = std::clamp(requestsPerSecond, 0.0, MaxRate);
    if (m_rate <= 0)
        return;
    m_clock.start();
    m_lastTickMs = 0;
    m_timer->start(TickMs);
}

void Visitors::stop()
{
    m_timer->stop();
    m_due = {};
    m_people.clear();
    m_freePeople.clear();
    const auto replies = m_network->findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : replies)
        reply->abort();
}

void Visitors::setFactor(double factor)
{
    m_factor = std::max(0.0, factor);
}

int Visitors::newPerson()
{
    if (m_people.size() - m_freePeople.size() >= MaxPeople)
        return -1;
    Person p;
    p.address = QByteArray(Ranges[m_random.bounded(3)]) + QByteArray::number(1 + m_random.bounded(254));
    p.bot = m_random.bounded(100) < 12;
    p.userAgent = p.bot ? Bots[m_random.bounded(int(std::size(Bots)))] : Browsers[m_random.bounded(int(std::size(Browsers)))];
    p.pollsLeft = p.bot ? 0 : 2 + m_random.bounded(10);
    if (!m_freePeople.empty()) {
        const int index = m_freePeople.back();
        m_freePeople.pop_back();
        m_people[size_t(index)] = p;
        return index;
    }
    m_people.push_back(p);
    return int(m_people.size() - 1);
}

void Visitors::tick()
{
    const qint64 now = m_clock.elapsed();
    const double rate = std::min(MaxRate, m_rate * m_factor);
    m_budget = std::min(m_budget + rate * double(now - m_lastTickMs) / 1000.0, std::max(1.0, rate * 0.5));
    m_lastTickMs = now;
    while (m_budget >= 1.0 && m_inFlight < MaxInFlight) {
        if (!m_due.empty() && m_due.top().atMs <= now) {
            const Due due = m_due.top();
            m_due.pop();
            send(due);
        } else {
            const int person = newPerson();
            if (person < 0)
                break;
            const bool bot = m_people[size_t(person)].bot;
            send({now, person, bot && m_random.bounded(2) ? QByteArray("/robots.txt") : QByteArray("/")});
        }
        m_budget -= 1.0;
    }
}

void Visitors::send(const Due &due)
{
    Person &person = m_people[size_t(due.person)];
    const qint64 now = m_clock.elapsed();
    QNetworkRequest request(QUrl(QString::fromLatin1(m_base + due.path)));
    request.setRawHeader("User-Agent", person.userAgent);
    request.setRawHeader("X-Forwarded-For", person.address);
    request.setRawHeader("Accept-Language", "es-MX,es;q=0.9");
    if (due.path != "/" && due.path != "/robots.txt")
        request.setRawHeader("Referer", m_base + '/');
    request.setTransferTimeout(5000);
    QNetworkReply *reply = m_network->get(request);
    ++m_inFlight;
    ++m_sent;
    connect(reply, &QNetworkReply::finished, this, [this] { --m_inFlight; });

    // What this person does next: a browser fetches the assets after the page, then polls the JSON.
    auto schedule = [this](qint64 at, int who, const QByteArray &path) {
        if (m_due.size() < MaxDue)
            m_due.push({at, who, path});
    };
    if (due.path == "/") {
        if (person.bot) {
            m_freePeople.push_back(due.person);
            return;
        }
        qint64 at = now + 30;
        for (const char *asset : Assets)
            schedule(at += 20 + m_random.bounded(120), due.person, asset);
        schedule(at + 2000 + m_random.bounded(8000), due.person, "/avance.json");
    } else if (due.path == "/avance.json") {
        if (--person.pollsLeft > 0)
            schedule(now + 5000 + m_random.bounded(25000), due.person, "/avance.json");
        else
            m_freePeople.push_back(due.person);
    } else if (due.path == "/robots.txt") {
        m_freePeople.push_back(due.person);
    }
}

} // namespace difusor::sandbox
