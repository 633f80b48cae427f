#pragma once

// The watch command's output: one line per event, JSON or text (WatchCommand.h describes the lines).

#include "LagProbe.h"
#include "WatchCommand.h"
#include "store/Records.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QPair>
#include <QSet>
#include <QTimer>

namespace difusor::cuts {

// One line for people (--format text), in Central Mexico time with the zone written.
QString watchTextLine(const QJsonObject &line);

// Holds cuts until both sites showed them (or the wait ran out) and prints every line.
class WatchPrinter final : public QObject
{
public:
    // `server`: the profile's name, written into every JSON line; in text, in front of each line when
    // several servers are watched (`prefixText`).
    WatchPrinter(QFile *out, bool json, qint64 cutWaitMs, const QString &server, bool prefixText)
        : m_out(out)
        , m_json(json)
        , m_cutWaitMs(cutWaitMs)
        , m_server(server)
        , m_prefix(prefixText ? QStringLiteral("[%1] ").arg(server) : QString())
    {
        m_timer.setInterval(500);
        connect(&m_timer, &QTimer::timeout, this, [this] { flushDue(false); });
        m_timer.start();
    }

    const QString &prefix() const { return m_prefix; }

    void print(QJsonObject line)
    {
        line.insert(QStringLiteral("server"), m_server);
        const QByteArray text = m_json ? QJsonDocument(line).toJson(QJsonDocument::Compact)
                                       : (m_prefix + watchTextLine(line)).toUtf8();
        m_out->write(text + '\n');
        m_out->flush();
    }

    void cutRecorded(const store::CutRecord &cut)
    {
        // An unreadable package is told by its cut_unreadable incident line (it has no cut line).
        if (m_printed.contains(cut.package) || !cut.unreadable.isEmpty())
            return;
        Pending &p = m_pending[cut.cutTimeUtc];
        p.cut = cut;
        p.recordedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
        p.has = true;
        applySightings(p);
        flushDue(false);
    }

    // uncertaintyMs: the bound on the sighting's error (LagProbe::firstSeenUncertaintyMs).
    void sighting(Site site, const QDateTime &cut, const QDateTime &seen, std::optional<qint64> uncertaintyMs = std::nullopt)
    {
        if (!seen.isValid()) {
            sightingUnmeasured(site, cut);
            return;
        }
        Seen &both = m_sightings[cut];
        QDateTime &slot = site == Site::Official ? both.official : both.difusor;
        if (!slot.isValid()) {
            slot = seen;
            (site == Site::Official ? both.officialUncertaintyMs : both.difusorUncertaintyMs) = uncertaintyMs;
        }
        while (m_sightings.size() > 512)
            m_sightings.erase(m_sightings.begin());
        auto it = m_pending.find(cut);
        if (it != m_pending.end()) {
            applySightings(*it);
            flushDue(false);
        }
    }

private:
    // The site was already showing the cut when watching started: its sighting will not come.
    void sightingUnmeasured(Site site, const QDateTime &cut)
    {
        bool &slot = site == Site::Official ? m_unmeasured[cut].first : m_unmeasured[cut].second;
        slot = true;
        while (m_unmeasured.size() > 512)
            m_unmeasured.erase(m_unmeasured.begin());
        if (m_pending.contains(cut))
            flushDue(false);
    }

public:
    void flushAll() { flushDue(true); }
    void startClock() { m_clock.start(); }

private:
    struct Pending
    {
        store::CutRecord cut;
        qint64 recordedMs = 0;
        bool has = false;
    };

    void applySightings(Pending &p)
    {
        const auto s = m_sightings.constFind(p.cut.cutTimeUtc);
        if (s == m_sightings.cend())
            return;
        if (!p.cut.officialSeenUtc.isValid()) {
            p.cut.officialSeenUtc = s->official;
            p.cut.officialSeenUncertaintyMs = s->officialUncertaintyMs;
        }
        if (!p.cut.difusorSeenUtc.isValid()) {
            p.cut.difusorSeenUtc = s->difusor;
            p.cut.difusorSeenUncertaintyMs = s->difusorUncertaintyMs;
        }
    }

    // Cuts print in cut-time order: once one is due, every older one still held prints before it.
    void flushDue(bool all)
    {
        const qint64 now = m_clock.isValid() ? m_clock.elapsed() : 0;
        const QDateTime newest = m_pending.isEmpty() ? QDateTime() : m_pending.lastKey();
        QDateTime dueUpTo;
        for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
            const Pending &p = *it;
            const qint64 waited = now - p.recordedMs;
            const auto unmeasured = m_unmeasured.value(it.key());
            const bool both = (p.cut.officialSeenUtc.isValid() || unmeasured.first)
                              && (p.cut.difusorSeenUtc.isValid() || unmeasured.second);
            const bool superseded = it.key() < newest && waited >= m_cutWaitMs / 4;
            if (all || both || waited >= m_cutWaitMs || superseded)
                dueUpTo = it.key();
        }
        if (!dueUpTo.isValid())
            return;
        for (auto it = m_pending.begin(); it != m_pending.end() && it.key() <= dueUpTo;) {
            print(watchCutLine(it->cut));
            m_printed.insert(it->cut.package);
            it = m_pending.erase(it);
        }
    }

    QFile *m_out;
    bool m_json;
    qint64 m_cutWaitMs;
    QString m_server;
    QString m_prefix;
    QElapsedTimer m_clock;
    QTimer m_timer;
    QMap<QDateTime, Pending> m_pending;
    struct Seen
    {
        QDateTime official;
        QDateTime difusor;
        std::optional<qint64> officialUncertaintyMs;
        std::optional<qint64> difusorUncertaintyMs;
    };
    QMap<QDateTime, Seen> m_sightings;
    QMap<QDateTime, QPair<bool, bool>> m_unmeasured;           // official, difusor: already showing at start
    QSet<QString> m_printed;
};

} // namespace difusor::cuts
