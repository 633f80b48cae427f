#pragma once

#include "pages/PageContext.h"
#include "traffic/TrafficSession.h"

#include <QPointer>
#include <QWidget>

#include <array>
#include <cstdint>

class QButtonGroup;
class QComboBox;
class QLabel;
class QTableWidget;

namespace difusor::ui {

class TrafficChart;

// The "Tráfico" page: live charts of the connected difusor's access log (requests/s, pages/min,
// new visits/min, bandwidth, 4xx and 5xx per second) over 5 min / 1 h / 24 h / all, the top pages and
// top client addresses, robot share, serve-time percentiles, the tail's state and a banner with the
// open traffic incidents. Redrawn on the session's updated() (once a second): only the buckets
// completed since the last redraw are appended; a range switch rebuilds (at most kMaxPoints a series).
class TrafficPage final : public QWidget
{
    Q_OBJECT
public:
    enum class Range { FiveMinutes, Hour, Day, All };
    Q_ENUM(Range)
    enum class Metric { Requests, Pages, Visits, Bandwidth, Errors, Count };

    explicit TrafficPage(QWidget *parent = nullptr);

    // nullptr: no connection (the page says so). The session is not owned.
    void setSession(traffic::TrafficSession *session, const QString &title = {});
    traffic::TrafficSession *session() const { return m_session; }

    void setRange(Range range);
    Range range() const { return m_range; }
    // Bucket length of the charts in the current range (seconds).
    std::int64_t bucketSeconds() const { return m_bucket; }

    TrafficChart *chart(Metric metric) const { return m_charts[std::size_t(metric)]; }
    int pointCount(Metric metric, int series = 0) const;
    QTableWidget *topPagesTable() const { return m_topPages; }
    QTableWidget *topAddressesTable() const { return m_topAddresses; }
    QLabel *banner() const { return m_banner; }
    // How long the last / the longest redraw took (microseconds), for the stall checks.
    qint64 lastRefreshUs() const { return m_lastRefreshUs; }
    qint64 maxRefreshUs() const { return m_maxRefreshUs; }
    void resetMeasurements() { m_maxRefreshUs = 0; }

    void refresh();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void rebuild();
    void updateCharts();
    void updateTables();
    void updateLabels();
    void updateBanner();
    void updateTailState();
    std::int64_t bucketFor(std::int64_t span) const;

    QPointer<traffic::TrafficSession> m_session;
    Range m_range = Range::FiveMinutes;
    std::int64_t m_bucket = 1;
    std::int64_t m_next = 0;   // start of the first bucket not yet drawn (0: none drawn)
    std::int64_t m_shiftMs = 0; // UTC -> axis milliseconds shown as Central Mexico time
    std::array<TrafficChart *, std::size_t(Metric::Count)> m_charts{};
    QLabel *m_title;
    QLabel *m_state;
    QLabel *m_banner;
    QLabel *m_totals;
    QLabel *m_extra;
    QLabel *m_empty;
    QButtonGroup *m_ranges;
    QComboBox *m_mode;
    QTableWidget *m_topPages;
    QTableWidget *m_topAddresses;
    std::uint64_t m_tablesAt = ~std::uint64_t(0); // parsed lines when the tables were last filled
    int m_refreshes = 0;
    bool m_stale = false; // a refresh was skipped while the page was hidden
    qint64 m_lastRefreshUs = 0;
    qint64 m_maxRefreshUs = 0;
};

// Puts the page into the window (MainWindow::setPage) and runs a TrafficSession for the connected
// profile (created on MainWindow::hostChanged, gone on disconnect). DIFUSOR_PAGE=traffic opens it.
void installTrafficPage(const PageContext &context);

} // namespace difusor::ui
