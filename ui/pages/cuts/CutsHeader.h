#pragma once

#include "CutsStatus.h"

#include <QDateTime>
#include <QWidget>

#include <optional>

class QLabel;

namespace difusor::ui {

// The page's top band, meant to be read from across the room: the status (big icon + words on its
// colour), the current cut, its age (since it arrived; ticks each second), the current lag and the
// next expected cut with its countdown.
class CutsHeader final : public QWidget
{
    Q_OBJECT
public:
    explicit CutsHeader(QWidget *parent = nullptr);

    void setStatus(const CutsStatus &status);
    // The newest cut on our disk (invalid: none yet) and when it arrived.
    void setCurrentCut(const QDateTime &cutUtc, const QDateTime &arrivalUtc);
    // Arrivals are expected every intervalMs (console clock); cut times advance by stepMs (the
    // same on a real night; the sandbox packs 15 min of cut time into each real interval).
    void setCadence(qint64 intervalMs, qint64 stepMs)
    {
        m_intervalMs = intervalMs;
        m_stepMs = stepMs > 0 ? stepMs : intervalMs;
    }
    // Last measured lag, or the one still running (official shows a cut ours does not yet).
    void setLag(std::optional<qint64> lagMs, bool running, bool over);
    // Every second: the ages and the countdown. Touches a few labels only.
    void tick(const QDateTime &nowUtc);

    const CutsStatus &status() const { return m_status; }
    QString statusText() const;
    QString cutText() const;
    QString ageText() const;
    QString lagText() const;

private:
    QLabel *value(const QString &objectName);

    CutsStatus m_status;
    QDateTime m_cutUtc;
    QDateTime m_arrivalUtc;
    qint64 m_intervalMs = 15 * 60 * 1000;
    qint64 m_stepMs = 15 * 60 * 1000;
    QWidget *m_statusBox;
    QLabel *m_icon;
    QLabel *m_statusText;
    QLabel *m_statusDetail;
    QLabel *m_cut;
    QLabel *m_cutSub;
    QLabel *m_age;
    QLabel *m_ageSub;
    QLabel *m_lag;
    QLabel *m_lagSub;
    QLabel *m_next;
    QLabel *m_nextSub;
};

} // namespace difusor::ui
