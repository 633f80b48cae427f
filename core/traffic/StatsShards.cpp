#include "StatsShards.h"

#include "Classify.h"
#include "FlatHash.h"
#include "LineSplitter.h"
#include "LogIngest.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <sys/mman.h>
#include <thread>

namespace difusor::traffic {

// The address is the line's first field, ended by a space (the parser's own rule when the format starts
// with %h and a literal that starts with a space: an address never holds one).
bool shardable(const LogFormat &f)
{
    const auto &t = f.tokens();
    return t.size() >= 2 && t[0].field == LogFormat::Field::Host && t[1].field == LogFormat::Field::Literal
        && !t[1].literal.empty() && t[1].literal[0] == ' ';
}

namespace {

// Where share `index` of `count` starts in the 32-bit hash range. The first share runs on the calling
// thread, which also starts the program, reads robots.pm, cuts every line, hashes every address and
// writes the report: it takes kFirstShareLess of the addresses less, the others share that out (which
// addresses go where changes nothing in the counts). Measured with bench_traffic on 2 cores.
constexpr double kFirstShareLess = 0.05;

std::uint64_t shareStart(int index, int count)
{
    if (index <= 0)
        return 0;
    if (index >= count)
        return std::uint64_t(1) << 32;
    const double first = 1.0 / count - kFirstShareLess;
    const double start = first + (1.0 - first) * double(index - 1) / double(count - 1);
    return std::uint64_t(start * 4294967296.0);
}

// The share key of a line: the upper 32 bits of its address' hash. "::ffff:a.b.c.d" and "a.b.c.d" are
// one visitor in awstats mode: the same share.
std::uint64_t shareKey(std::string_view l)
{
    std::size_t sp = 0;
    while (sp < l.size() && l[sp] != ' ') // an address is short: no call to memchr
        ++sp;
    return hashView(awstatsHost(l.substr(0, sp))) >> 32;
}

// One thread's share: the lines whose address key falls into its part of the range (shareStart()).
struct Shard
{
    Shard(const CounterFactory &newCounter, const LogFormat &format, int index, int count)
        : counter(newCounter())
        , ingest(format, *counter)
        , from(shareStart(index, count))
        , to(shareStart(index + 1, count))
        , fixedOffset(counter->fixedOffset())
    {
    }

    // Line number `at` of the whole input (every file, every line), one of this share's.
    void take(std::string_view l, bool overlong, std::uint64_t at)
    {
        const std::uint64_t parsed = ingest.parsedLines();
        const int samples = int(ingest.samples().size());
        ingest.line(l, overlong);
        if (ingest.parsedLines() != parsed) {
            newestLine = std::int64_t(at);
            // Where each day's lines lie in the input (see computeSharded: a line must not come after a
            // line two days newer). The console's lines are in too: stricter than needed, never wrong.
            const LogRecord &r = ingest.record();
            const std::int64_t local = fixedOffset ? r.utcTime() + std::int64_t(*fixedOffset) * 60 : r.localTime;
            const std::int64_t day = local / 86400; // as TrafficCounter::add() cuts days
            if (day != lastDay || lastSpan == nullptr) {
                lastDay = day;
                lastSpan = &days.try_emplace(day, at, at).first->second;
            }
            lastSpan->second = at;
        } else if (int(ingest.samples().size()) != samples) {
            sampleLines.push_back(at);
        }
    }

    std::unique_ptr<TrafficCounter> counter;
    LogIngest ingest;
    std::uint64_t from; // this share's addresses: shareKey() in [from, to)
    std::uint64_t to;
    std::optional<int> fixedOffset;
    std::int64_t newestLine = -1;
    std::map<std::int64_t, std::pair<std::uint64_t, std::uint64_t>> days; // day -> first, last line
    std::int64_t lastDay = 0;
    std::pair<std::uint64_t, std::uint64_t> *lastSpan = nullptr;
    std::vector<std::uint64_t> sampleLines; // line of each sample
};

// A plain file mapped once. The calling thread walks it in slices; a slice's pages go once the calling
// thread and every other share are past it, so resident memory stays at a few slices whatever the file
// size (the router waits while a share is kMaxBatches behind).
class SharedMapping final
{
public:
    static constexpr std::size_t kSlice = 4 << 20; // a multiple of the page size

    SharedMapping(const QString &path, qint64 maxBytes, int shares)
        : m_file(path)
        , m_shares(shares)
    {
        if (!m_file.open(QIODevice::ReadOnly) || maxBytes < 2)
            return;
        char magic[2] = {};
        if (m_file.peek(magic, 2) != 2 || (static_cast<unsigned char>(magic[0]) == 0x1f && static_cast<unsigned char>(magic[1]) == 0x8b))
            return; // gzip: read as a stream
        m_size = static_cast<std::size_t>(std::min(maxBytes, m_file.size()));
        m_data = m_file.map(0, qint64(m_size));
        if (!m_data)
            return;
        madvise(m_data, m_size, MADV_SEQUENTIAL);
        m_passed = std::make_unique<std::atomic<int>[]>(m_size / kSlice + 1);
    }
    ~SharedMapping()
    {
        if (m_data)
            m_file.unmap(m_data);
    }
    bool isMapped() const { return m_data != nullptr; }
    bool holds(const char *p) const
    {
        const auto *b = reinterpret_cast<const char *>(m_data);
        return p >= b && p < b + m_size;
    }

    // onLine(line, overlong) for each line; sliceDone(k) after slice k's lines.
    template<typename F, typename G>
    void read(F &&onLine, G &&sliceDone)
    {
        LineSplitter splitter(kMaxLineLength);
        std::size_t k = 0;
        for (std::size_t off = 0; off < m_size; off += kSlice, ++k) {
            const std::size_t n = std::min(kSlice, m_size - off);
#ifdef MADV_POPULATE_READ
            madvise(m_data + off, n, MADV_POPULATE_READ); // one call instead of a fault per few pages
#endif
            splitter.feed(reinterpret_cast<const char *>(m_data) + off, n, onLine);
            sliceDone(k);
            passed(k);
        }
        splitter.finish(onLine);
    }

    // One more share is past slice k: the last one lets its pages go.
    void passed(std::size_t k)
    {
        if (m_passed[k].fetch_add(1) + 1 == m_shares) {
            const std::size_t off = k * kSlice;
            madvise(m_data + off, std::min(kSlice, m_size - off), MADV_DONTNEED);
        }
    }

private:
    QFile m_file;
    int m_shares;
    std::size_t m_size = 0;
    uchar *m_data = nullptr;
    std::unique_ptr<std::atomic<int>[]> m_passed;
};

// Lines for one share: views into a mapping, or copies (a line carried across slices, a gzip's lines).
struct Batch
{
    struct Line
    {
        std::uint64_t at;
        const char *data; // nullptr: `size` bytes at `copyAt` in copies
        std::size_t copyAt;
        std::uint32_t size;
        bool overlong;
    };
    std::vector<Line> lines;
    std::string copies;
    SharedMapping *release = nullptr; // the share is past this mapping's slice `slice` after the batch
    std::size_t slice = 0;
};

// The batches for one share, in input order. The router waits while kMaxBatches are queued.
class BatchQueue final
{
public:
    static constexpr std::size_t kMaxBatches = 3;

    void push(Batch &&b)
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_room.wait(lock, [this] { return m_queue.size() < kMaxBatches; });
        m_queue.push_back(std::move(b));
        m_ready.notify_one();
    }
    void close()
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_closed = true;
        m_ready.notify_one();
    }
    bool pop(Batch &out)
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_ready.wait(lock, [this] { return !m_queue.empty() || m_closed; });
        if (m_queue.empty())
            return false;
        out = std::move(m_queue.front());
        m_queue.pop_front();
        m_room.notify_one();
        return true;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::condition_variable m_room;
    std::deque<Batch> m_queue;
    bool m_closed = false;
};

// The other shares' side: take every line of every batch, in order.
void consume(Shard &s, BatchQueue &queue)
{
    Batch b;
    while (queue.pop(b)) {
        for (const Batch::Line &l : b.lines) {
            const char *data = l.data ? l.data : b.copies.data() + l.copyAt;
            s.take(std::string_view(data, l.size), l.overlong, l.at);
        }
        if (b.release)
            b.release->passed(b.slice);
    }
}

// The calling thread's side: cut, hash, count its own share's lines and hand the others theirs.
class Router final
{
public:
    static constexpr std::size_t kMaxBatchLines = 16384;
    static constexpr std::size_t kMaxBatchCopies = 4 << 20;

    Router(std::vector<std::unique_ptr<Shard>> &shards, std::vector<std::unique_ptr<BatchQueue>> &queues)
        : m_shards(shards)
        , m_queues(queues)
        , m_batches(shards.size())
    {
    }

    void line(std::string_view l, bool overlong, const SharedMapping *source)
    {
        const std::uint64_t at = m_line++;
        const std::uint64_t key = shareKey(l);
        std::size_t i = 0;
        while (key >= m_shards[i]->to)
            ++i;
        if (i == 0) {
            m_shards[0]->take(l, overlong, at);
            return;
        }
        Batch &b = m_batches[i];
        if (source && source->holds(l.data())) {
            b.lines.push_back({at, l.data(), 0, std::uint32_t(l.size()), overlong});
        } else {
            b.lines.push_back({at, nullptr, b.copies.size(), std::uint32_t(l.size()), overlong});
            b.copies.append(l);
        }
        if (b.lines.size() >= kMaxBatchLines || b.copies.size() >= kMaxBatchCopies)
            send(i, nullptr, 0);
    }
    // Every share's lines so far, then (with a mapping) the share is past that mapping's slice.
    void sendAll(SharedMapping *release, std::size_t slice)
    {
        for (std::size_t i = 1; i < m_batches.size(); ++i)
            send(i, release, slice);
    }

private:
    void send(std::size_t i, SharedMapping *release, std::size_t slice)
    {
        Batch &b = m_batches[i];
        if (b.lines.empty() && !release)
            return;
        b.release = release;
        b.slice = slice;
        m_queues[i]->push(std::move(b));
        b = Batch();
        b.lines.reserve(kMaxBatchLines / 2);
    }

    std::vector<std::unique_ptr<Shard>> &m_shards;
    std::vector<std::unique_ptr<BatchQueue>> &m_queues;
    std::vector<Batch> m_batches;
    std::uint64_t m_line = 0;
};

// TrafficCounter forgets a day once a line two days newer was counted. A share sees only its own lines,
// so it may remember a day the single thread had forgotten; that matters only if a line of that day
// comes after the first line two or more days newer, anywhere in the input.
bool noLineTwoDaysLate(const std::vector<std::unique_ptr<Shard>> &shards)
{
    std::map<std::int64_t, std::pair<std::uint64_t, std::uint64_t>> days;
    for (const auto &s : shards)
        for (const auto &[day, span] : s->days) {
            auto [it, inserted] = days.try_emplace(day, span);
            if (!inserted) {
                it->second.first = std::min(it->second.first, span.first);
                it->second.second = std::max(it->second.second, span.second);
            }
        }
    std::uint64_t firstNewer = UINT64_MAX; // first line of any day >= day + 2
    std::deque<std::pair<std::int64_t, std::uint64_t>> firsts; // days newest first
    for (auto it = days.rbegin(); it != days.rend(); ++it) {
        while (!firsts.empty() && firsts.front().first >= it->first + 2) {
            firstNewer = std::min(firstNewer, firsts.front().second);
            firsts.pop_front();
        }
        if (it->second.second > firstNewer)
            return false;
        firsts.emplace_back(it->first, it->second.first);
    }
    return true;
}

} // namespace

std::optional<StatsResult> computeSharded(const StatsOptions &options, int threads, const CounterFactory &newCounter)
{
    std::vector<std::unique_ptr<Shard>> shards;
    std::vector<std::unique_ptr<BatchQueue>> queues;
    for (int i = 0; i < threads; ++i) {
        shards.push_back(std::make_unique<Shard>(newCounter, options.logFormat, i, threads));
        queues.push_back(std::make_unique<BatchQueue>()); // queues[0] stays unused
    }
    std::vector<std::thread> workers;
    for (int i = 1; i < threads; ++i)
        workers.emplace_back(consume, std::ref(*shards[std::size_t(i)]), std::ref(*queues[std::size_t(i)]));

    QStringList errors;
    std::vector<std::unique_ptr<SharedMapping>> mapped; // unmapped once every share took its lines
    Router router(shards, queues);
    for (const QString &f : options.files) {
        // A plain file that grows meanwhile is read up to its size now.
        const QFileInfo info(f);
        const qint64 size = info.exists() ? info.size() : -1;
        mapped.push_back(std::make_unique<SharedMapping>(f, size, threads));
        SharedMapping *mapping = mapped.back().get();
        if (mapping->isMapped()) {
            mapping->read([&](std::string_view l, bool overlong) { router.line(l, overlong, mapping); },
                          [&](std::size_t k) { router.sendAll(mapping, k); });
        } else if (auto e = readLogLines(f, [&](std::string_view l, bool overlong) { router.line(l, overlong, nullptr); }, size)) {
            errors << *e;
        }
        router.sendAll(nullptr, 0); // the last lines (copies)
    }
    for (auto &q : queues)
        q->close();
    for (std::thread &t : workers)
        t.join();
    mapped.clear();

    bool exact = noLineTwoDaysLate(shards);
    Shard &first = *shards[0];
    std::int64_t newest = first.newestLine;
    for (std::size_t i = 1; i < shards.size() && exact; ++i) {
        Shard &s = *shards[i];
        exact = first.counter->mergeShard(*s.counter, s.newestLine > newest) && exact;
        newest = std::max(newest, s.newestLine);
        shards[i]->counter.reset(); // its memory goes before the next one is added
    }
    if (!exact)
        return std::nullopt;

    StatsResult r;
    r.threads = threads;
    r.errors = errors;
    // The first malformed lines of the input, in input order, from every share's first ones.
    std::vector<std::pair<std::uint64_t, QString>> samples;
    for (const auto &s : shards) {
        r.parsedLines += s->ingest.parsedLines();
        r.malformedLines += s->ingest.malformedLines();
        for (std::size_t k = 0; k < s->sampleLines.size(); ++k)
            samples.emplace_back(s->sampleLines[k], s->ingest.samples().at(qsizetype(k)));
    }
    std::sort(samples.begin(), samples.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (std::size_t k = 0; k < samples.size() && k < std::size_t(LogIngest::kMaxSamples); ++k)
        r.malformedSamples << samples[k].second;
    r.counter = std::move(first.counter);
    return r;
}

} // namespace difusor::traffic
