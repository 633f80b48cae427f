#include "StatsShards.h"

#include "Classify.h"
#include "FlatHash.h"
#include "LargePages.h"
#include "LogIngest.h"
#include "ShareKey.h"
#include "common/Tr.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <fcntl.h>
#include <thread>
#include <unistd.h>

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

using shares::shareKey;
using shares::shareStart;

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

// A plain (not gzip) file, read slice by slice with pread() by whichever share cuts the slice. Read, not
// mapped: on the virtual machines seen here, touching a mapped file's pages cost four times what a
// read() into a reused buffer costs (a 242 MB log cut into lines: 130-145 ms mapped, 34 ms read).
// Slices of 512 KiB, up to 4 ahead of the slowest share. Measured on 2 cores (bench_traffic's log, six
// runs each, interleaved): 128 KiB/8, 256/4, 256/8, 512/4, 512/16 and 1 MiB/2 all gave 0.25-0.35 s, within
// the host's noise of each other (mapped and 4 MiB/4 ahead before: 0.32-0.38 s); 512 KiB/4 keeps 2.5 MB
// less resident than 512/16.
class PlainFile final
{
public:
    static constexpr std::size_t kSlice = 512 << 10;
    // What one slice's read can take: the slice, the byte before it, and its last line's rest.
    static constexpr std::size_t kBuffer = kSlice + kMaxLineLength + 2;

    PlainFile(const QString &path, qint64 maxBytes)
        : m_file(path)
    {
        if (!m_file.open(QIODevice::ReadOnly) || maxBytes < 2)
            return;
        char magic[2] = {};
        if (m_file.peek(magic, 2) != 2 || (static_cast<unsigned char>(magic[0]) == 0x1f && static_cast<unsigned char>(magic[1]) == 0x8b))
            return; // gzip: read as a stream
        m_size = static_cast<std::size_t>(std::min(maxBytes, m_file.size()));
        m_plain = m_size > 0;
        if (m_plain)
            posix_fadvise(m_file.handle(), 0, off_t(m_size), POSIX_FADV_SEQUENTIAL);
    }

    bool isPlain() const { return m_plain; }
    QString path() const { return m_file.fileName(); }
    std::size_t size() const { return m_size; }
    std::size_t slices() const { return (m_size + kSlice - 1) / kSlice; }

    // Bytes [from, to) into `buffer` (kBuffer bytes at least): 0, or the error (the file shrank under
    // us, truncated while read: ENODATA).
    int read(std::size_t from, std::size_t to, char *buffer) const
    {
        std::size_t done = 0;
        while (from + done < to) {
            const ssize_t n = ::pread(m_file.handle(), buffer + done, to - from - done, off_t(from + done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                return errno;
            if (n == 0)
                return ENODATA;
            done += std::size_t(n);
        }
        return 0;
    }

private:
    QFile m_file;
    std::size_t m_size = 0;
    bool m_plain = false;
};

class ParallelFile;

// Lines for one share, copied (a gzip's lines: the decompression buffer is reused), or, with `join`, the
// share's turn to cut and count a mapped file with the others.
struct Batch
{
    struct Line
    {
        std::uint64_t at;
        std::size_t copyAt; // `size` bytes at `copyAt` in copies
        std::uint32_t size;
        bool overlong;
    };
    std::vector<Line> lines;
    std::string copies;
    ParallelFile *join = nullptr;
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

// A plain file cut and counted by every share at once. The file is cut in slices of PlainFile::kSlice
// bytes; whichever share is free reads the next slice into a buffer, finds the lines that start in it
// (the last one's rest is read with it), hashes each line's address once and lists the line for the share
// that owns the address. Each share counts its lists slice after slice, in file order, so each address'
// lines are counted in order, as by one thread. A share counts a slice's lines as soon as it is cut and
// cuts only when it has nothing to count; no share cuts more than kAhead slices past the slowest share,
// and a slice's buffer is used again once every share counted it (memory: a few buffers whatever the
// file size). No line is copied: the lists hold views into the slice's buffer.
class ParallelFile final
{
public:
    static constexpr std::size_t kAhead = 4;

    // `first`: the position of the file's first line in the input (Shard::take's `at`): slice k's line i
    // is first + (k << 24) + i (a slice has fewer than 2^24 lines).
    ParallelFile(const PlainFile &file, std::vector<std::unique_ptr<Shard>> &shards, std::uint64_t first)
        : m_file(file)
        , m_shards(shards)
        , m_first(first)
        , m_slices(file.slices())
        , m_next(shards.size(), 0)
        , m_buffers(std::min(m_slices.size(), kAhead + shards.size() + 1))
        , m_arena(static_cast<char *>(allocateLarge(m_buffers * PlainFile::kBuffer)))
    {
        for (Slice &s : m_slices)
            s.lists.resize(shards.size());
    }
    ~ParallelFile() { freeLarge(m_arena, m_buffers * PlainFile::kBuffer); }
    ParallelFile(const ParallelFile &) = delete;
    ParallelFile &operator=(const ParallelFile &) = delete;

    // The input position after this file's lines.
    std::uint64_t end() const { return m_first + (std::uint64_t(m_slices.size()) << 24); }
    // 0, or the first read error (errno).
    int error() const { return m_error; }

    // Share `index` takes part until it has counted every slice of its own; the last one out wakes
    // the caller of wait().
    void run(std::size_t index)
    {
        Shard &shard = *m_shards[index];
        std::unique_lock<std::mutex> lock(m_mutex);
        while (m_next[index] < m_slices.size()) {
            const std::size_t k = m_next[index];
            if (m_slices[k].cut) {
                std::vector<Line> lines = std::move(m_slices[k].lists[index]);
                lock.unlock();
                const std::uint64_t base = m_first + (std::uint64_t(k) << 24);
                // A share's lines are every other line or so of a slice another core may have cut: the
                // next ones are fetched while this one is counted.
                constexpr std::size_t kPrefetch = 3;
                for (std::size_t i = 0; i < lines.size(); ++i) {
                    if (i + kPrefetch < lines.size()) {
                        const Line &next = lines[i + kPrefetch];
                        for (std::uint32_t b = 0; b < next.size; b += 64)
                            __builtin_prefetch(next.data + b);
                    }
                    const Line &l = lines[i];
                    shard.take(std::string_view(l.data, l.size), l.overlong, base + l.index);
                }
                lines = {};
                lock.lock();
                ++m_next[index];
                if (++m_slices[k].passed == m_shards.size())
                    m_free.push_back(m_slices[k].buffer);
                m_changed.notify_all(); // the window moved: another share may cut again
            } else if (m_toCut < m_slices.size() && m_toCut < slowest() + kAhead) {
                const std::size_t c = m_toCut++;
                char *buffer = nullptr;
                if (!m_free.empty()) { // the last one freed: its pages are the likeliest in cache
                    buffer = m_free.back();
                    m_free.pop_back();
                } else {
                    buffer = m_arena + m_carved++ * PlainFile::kBuffer; // at most m_buffers: the window
                }
                lock.unlock();
                std::vector<std::vector<Line>> lists(m_shards.size());
                const int error = cut(c, buffer, lists);
                lock.lock();
                if (!m_error)
                    m_error = error;
                m_slices[c].lists = std::move(lists);
                m_slices[c].buffer = buffer;
                m_slices[c].cut = true;
                m_changed.notify_all();
            } else {
                m_changed.wait(lock);
            }
        }
        if (++m_done == m_shards.size())
            m_changed.notify_all();
    }

    void wait()
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_changed.wait(lock, [this] { return m_done == m_shards.size(); });
    }

private:
    struct Line
    {
        const char *data;
        std::uint32_t size;
        std::uint32_t index; // in its slice
        bool overlong;
    };
    struct Slice
    {
        std::vector<std::vector<Line>> lists; // per share
        char *buffer = nullptr;               // the lines' bytes, in m_arena
        bool cut = false;
        std::size_t passed = 0; // shares that counted their list
    };

    std::size_t slowest() const { return *std::min_element(m_next.begin(), m_next.end()); }

    // Reads slice k into `buffer` and lists the lines that start in it, each for the share of its
    // address. As LineSplitter cuts a stream: a line longer than kMaxLineLength is its first 256 bytes,
    // flagged overlong; the file's last line may lack its '\n'. 0, or the read error (no lines).
    int cut(std::size_t k, char *buffer, std::vector<std::vector<Line>> &lists) const
    {
        const std::size_t size = m_file.size();
        const std::size_t begin = k * PlainFile::kSlice;
        const std::size_t stop = std::min(size, begin + PlainFile::kSlice);
        // The byte before the slice (a '\n' there: a line starts at `begin`), the slice, and enough after
        // it to hold its last line whole or tell it is overlong.
        const std::size_t from = k > 0 ? begin - 1 : 0;
        const std::size_t to = std::min(size, stop + kMaxLineLength + 1);
        if (const int error = m_file.read(from, to, buffer))
            return error;
        const char *const data = buffer - from; // data[i]: byte i of the file, for i in [from, to)
        std::size_t p = begin;
        if (k > 0) { // a line that runs into this slice is the slice before's
            const auto *nl = static_cast<const char *>(std::memchr(data + from, '\n', stop - from));
            if (!nl)
                return 0; // no line starts here
            p = std::size_t(nl - data) + 1;
        }
        const std::size_t expected = (stop - begin) / 200 / m_shards.size() + 16;
        for (auto &l : lists)
            l.reserve(expected);
        std::uint32_t index = 0;
        while (p < stop) {
            const auto *nl = static_cast<const char *>(std::memchr(data + p, '\n', to - p));
            // No '\n' before `to`: the file's last line, or (to < size) longer than kMaxLineLength.
            const std::size_t lineEnd = nl ? std::size_t(nl - data) : (to == size ? size : to + 1);
            const std::size_t length = lineEnd - p;
            const bool overlong = length > kMaxLineLength;
            const std::string_view line(data + p, overlong ? 256 : length);
            const std::uint64_t key = shareKey(line);
            std::size_t i = 0;
            while (key >= m_shards[i]->to)
                ++i;
            lists[i].push_back({line.data(), std::uint32_t(line.size()), index++, overlong});
            if (!nl)
                break; // the next line, if any, starts in a later slice: its cutter finds it
            p = lineEnd + 1;
        }
        return 0;
    }

    const PlainFile &m_file;
    std::vector<std::unique_ptr<Shard>> &m_shards;
    const std::uint64_t m_first;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<Slice> m_slices;
    std::vector<std::size_t> m_next; // per share: the next slice to count
    // The slices' buffers: one block in huge pages (LargePages.h), carved as needed, used again once free.
    const std::size_t m_buffers;
    char *const m_arena;
    std::size_t m_carved = 0;
    std::vector<char *> m_free;
    std::size_t m_toCut = 0;
    std::size_t m_done = 0;
    int m_error = 0;
};

// The other shares' side: take every line of every batch, in order; a mapped file with the others.
void consume(std::size_t index, Shard &s, BatchQueue &queue)
{
    Batch b;
    while (queue.pop(b)) {
        if (b.join) {
            b.join->run(index);
            continue;
        }
        for (const Batch::Line &l : b.lines)
            s.take(std::string_view(b.copies.data() + l.copyAt, l.size), l.overlong, l.at);
    }
}

// The calling thread's side of a stream (a gzip): cut, hash, count its own share's lines and hand the
// others theirs, copied. A mapped file: every share's turn, in order after the lines already handed out.
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

    void line(std::string_view l, bool overlong)
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
        b.lines.push_back({at, b.copies.size(), std::uint32_t(l.size()), overlong});
        b.copies.append(l);
        if (b.lines.size() >= kMaxBatchLines || b.copies.size() >= kMaxBatchCopies)
            send(i);
    }
    // Every share's lines so far.
    void sendAll()
    {
        for (std::size_t i = 1; i < m_batches.size(); ++i)
            send(i);
    }
    // 0, or the first read error (errno).
    int plain(const PlainFile &plain)
    {
        sendAll();
        ParallelFile file(plain, m_shards, m_line);
        for (std::size_t i = 1; i < m_queues.size(); ++i) {
            Batch join;
            join.join = &file;
            m_queues[i]->push(std::move(join));
        }
        file.run(0);
        file.wait(); // the others are out of it too: it may go
        m_line = file.end();
        return file.error();
    }

private:
    void send(std::size_t i)
    {
        Batch &b = m_batches[i];
        if (b.lines.empty())
            return;
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
        workers.emplace_back(consume, std::size_t(i), std::ref(*shards[std::size_t(i)]), std::ref(*queues[std::size_t(i)]));

    QStringList errors;
    Router router(shards, queues);
    for (const QString &f : options.files) {
        // A plain file that grows meanwhile is read up to its size now.
        const QFileInfo info(f);
        const qint64 size = info.exists() ? info.size() : -1;
        const PlainFile plain(f, size);
        if (plain.isPlain()) {
            if (const int error = router.plain(plain))
                errors << Tr::tr("No se pudo leer %1: %2").arg(f, QString::fromLocal8Bit(std::strerror(error)));
        } else if (auto e = readLogLines(f, [&](std::string_view l, bool overlong) { router.line(l, overlong); }, size))
            errors << *e;
        router.sendAll(); // the last lines (copies)
    }
    for (auto &q : queues)
        q->close();
    for (std::thread &t : workers)
        t.join();

    bool exact = noLineTwoDaysLate(shards);
    Shard &first = *shards[0];
    std::int64_t newest = first.newestLine;
    for (std::size_t i = 1; i < shards.size() && exact; ++i) {
        Shard &s = *shards[i];
        exact = first.counter->mergeShard(std::move(*s.counter), s.newestLine > newest) && exact;
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
