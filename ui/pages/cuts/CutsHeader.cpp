#include "CutsHeader.h"

#include "CutsTableModel.h"
#include "common/MexicoTime.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace difusor::ui {

namespace {

QFont scaled(const QFont &base, qreal factor, bool bold)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * factor);
    f.setBold(bold);
    return f;
}

// The state icon on a white disc, so its shape stays visible on the status colour.
QPixmap plated(CutsStatus::Level level, int size)
{
    const qreal dpr = 2.0;
    QPixmap pixmap(QSize(size, size) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(Qt::white);
    p.drawEllipse(QRectF(0, 0, size, size));
    const int inner = size - size / 6;
    p.drawPixmap(QPointF((size - inner) / 2.0, (size - inner) / 2.0), levelIcon(level, inner));
    return pixmap;
}

} // namespace

CutsHeader::CutsHeader(QWidget *parent)
    : QWidget(parent)
    , m_statusBox(new QWidget(this))
    , m_icon(new QLabel(m_statusBox))
    , m_statusText(new QLabel(m_statusBox))
    , m_statusDetail(new QLabel(m_statusBox))
{
    m_statusBox->setObjectName(QStringLiteral("cutsStatusBox"));
    m_statusBox->setAutoFillBackground(true);
    m_statusText->setObjectName(QStringLiteral("cutsStatusText"));
    m_statusText->setFont(scaled(font(), 2.4, true));
    m_statusDetail->setWordWrap(true);
    m_statusDetail->setFont(scaled(font(), 1.1, false));
    auto *statusLayout = new QHBoxLayout(m_statusBox);
    statusLayout->setContentsMargins(16, 10, 16, 10);
    statusLayout->addWidget(m_icon);
    auto *words = new QVBoxLayout;
    words->addWidget(m_statusText);
    words->addWidget(m_statusDetail);
    statusLayout->addLayout(words, 1);
    m_statusBox->setMinimumWidth(440);

    auto *figures = new QGridLayout;
    figures->setHorizontalSpacing(28);
    figures->setVerticalSpacing(0);
    auto column = [&](int c, const QString &title, QLabel *&big, QLabel *&sub, const QString &name) {
        auto *caption = new QLabel(title, this);
        caption->setFont(scaled(font(), 1.0, true));
        caption->setForegroundRole(QPalette::PlaceholderText);
        big = value(name);
        sub = new QLabel(this);
        sub->setFont(scaled(font(), 1.0, false));
        figures->addWidget(caption, 0, c);
        figures->addWidget(big, 1, c);
        figures->addWidget(sub, 2, c);
    };
    column(0, tr("Corte actual (%1)").arg(zoneLabel()), m_cut, m_cutSub, QStringLiteral("cutsCurrentCut"));
    column(1, tr("Antigüedad del corte"), m_age, m_ageSub, QStringLiteral("cutsAge"));
    column(2, tr("Desfase actual"), m_lag, m_lagSub, QStringLiteral("cutsLag"));
    column(3, tr("Próximo corte (%1)").arg(zoneLabel()), m_next, m_nextSub, QStringLiteral("cutsNext"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_statusBox, 3);
    layout->addSpacing(12);
    layout->addLayout(figures, 4);

    setStatus(evaluateCutsStatus(false, false, {}, 60000));
    setCurrentCut({}, {});
    setLag(std::nullopt, false, false);
}

QLabel *CutsHeader::value(const QString &objectName)
{
    auto *label = new QLabel(this);
    label->setObjectName(objectName);
    label->setFont(scaled(font(), 2.2, true));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

void CutsHeader::setStatus(const CutsStatus &status)
{
    m_status = status;
    const QColor color = levelColor(status.level);
    QPalette pal = m_statusBox->palette();
    pal.setColor(QPalette::Window, color);
    pal.setColor(QPalette::WindowText, Qt::white);
    m_statusBox->setPalette(pal);
    m_statusText->setPalette(pal);
    m_statusDetail->setPalette(pal);
    m_icon->setPixmap(plated(status.level, 64));
    m_statusText->setText(status.text);
    QString detail = status.detail;
    if (!status.others.isEmpty())
        detail += QLatin1Char('\n') + tr("También: %1").arg(status.others.join(QStringLiteral(" · ")));
    m_statusDetail->setText(detail);
    m_statusBox->setAccessibleName(status.text);
}

void CutsHeader::setCurrentCut(const QDateTime &cutUtc, const QDateTime &arrivalUtc)
{
    m_cutUtc = cutUtc;
    m_arrivalUtc = arrivalUtc;
    if (!cutUtc.isValid()) {
        m_cut->setText(tr("—"));
        m_cutSub->setText(tr("ninguno todavía"));
    } else {
        m_cut->setText(mexicoClock(cutUtc, false));
        const QString day = cutUtc.toTimeZone(mexicoCentralZone()).toString(QStringLiteral("dd/MM/yyyy"));
        m_cutSub->setText(arrivalUtc.isValid() ? tr("%1 · llegó a las %2").arg(day, mexicoClock(arrivalUtc)) : day);
    }
    tick(QDateTime::currentDateTimeUtc());
}

void CutsHeader::setLag(std::optional<qint64> lagMs, bool running, bool over)
{
    if (!lagMs) {
        m_lag->setText(tr("—"));
        m_lagSub->setText(tr("sin medir aún"));
    } else {
        // A measured lag as the table shows it; one still running counts whole seconds.
        m_lag->setText(running ? durationText(*lagMs) : ui::lagText(*lagMs));
        m_lagSub->setText(running ? tr("en curso: falta en nuestro sitio")
                                  : tr("nuestro sitio − PREP oficial"));
    }
    QPalette pal = m_lag->palette();
    pal.setColor(QPalette::WindowText, over ? levelColor(CutsStatus::Level::Alarm) : palette().color(QPalette::WindowText));
    m_lag->setPalette(pal);
}

void CutsHeader::tick(const QDateTime &nowUtc)
{
    if (!m_cutUtc.isValid()) {
        m_age->setText(tr("—"));
        m_ageSub->clear();
        m_next->setText(tr("—"));
        m_nextSub->clear();
        return;
    }
    // The cadence is about arrivals (the late-cut rule counts from the last one): the age is taken
    // from the arrival, and only from the cut time when the arrival is unknown.
    const QDateTime from = m_arrivalUtc.isValid() ? m_arrivalUtc : m_cutUtc;
    m_age->setText(durationText(from.msecsTo(nowUtc)));
    m_ageSub->setText(m_arrivalUtc.isValid() ? tr("desde que llegó") : tr("desde la hora del corte"));
    if (m_intervalMs <= 0)
        return;
    m_next->setText(mexicoClock(m_cutUtc.addMSecs(m_stepMs), false));
    const QDateTime due = from.addMSecs(m_intervalMs);
    const qint64 toNext = nowUtc.msecsTo(due);
    m_nextSub->setText(toNext >= 0 ? tr("llegaría a las %1 (en %2)").arg(mexicoClock(due), durationText(toNext))
                                   : tr("esperado a las %1: %2 de retraso").arg(mexicoClock(due), durationText(-toNext)));
}

QString CutsHeader::statusText() const
{
    return m_statusText->text();
}

QString CutsHeader::cutText() const
{
    return m_cut->text();
}

QString CutsHeader::ageText() const
{
    return m_age->text();
}

QString CutsHeader::lagText() const
{
    return m_lag->text();
}

} // namespace difusor::ui
