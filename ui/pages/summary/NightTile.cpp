#include "NightTile.h"

#include <QKeyEvent>
#include <QPainter>

#include <algorithm>

namespace difusor::ui {

namespace {

QFont pixelFont(const QFont &base, qreal px, bool bold)
{
    QFont f = base;
    f.setPixelSize(qMax(1, qRound(px)));
    f.setBold(bold);
    return f;
}

} // namespace

NightTile::NightTile(SummaryArea area, QWidget *parent)
    : QAbstractButton(parent)
    , m_area(area)
{
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_Hover);
    setCursor(Qt::PointingHandCursor);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    updateAccessibility();
}

void NightTile::setServerName(const QString &name)
{
    if (name == m_server)
        return;
    m_server = name;
    updateAccessibility();
}

void NightTile::setTile(const SummaryTile &tile)
{
    if (tile.tone == m_tile.tone && tile.word == m_tile.word && tile.detail == m_tile.detail)
        return;
    m_tile = tile;
    setText(tile.word); // QAbstractButton's text: what a screen reader or a test reads as the button's
    updateAccessibility();
    update();
}

void NightTile::updateAccessibility()
{
    const QString area = summaryAreaTitle(m_area);
    setAccessibleName(SummaryText::tr("%1 de %2: %3").arg(area, m_server, m_tile.word));
    setAccessibleDescription(m_tile.detail);
    setToolTip(m_tile.detail.isEmpty() ? SummaryText::tr("%1: abrir la página (clic o Intro)").arg(area)
                                       : SummaryText::tr("%1\n%2: abrir la página (clic o Intro)").arg(m_tile.detail, area));
}

QSize NightTile::sizeHint() const
{
    return {280, 120};
}

QSize NightTile::minimumSizeHint() const
{
    return {120, 56};
}

void NightTile::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        animateClick();
        return;
    }
    QAbstractButton::keyPressEvent(event);
}

NightTile::Geometry NightTile::geometry(const QSizeF &size)
{
    Geometry g;
    const QRectF box(QPointF(2, 2), size - QSizeF(4, 4));
    const qreal h = box.height();
    const qreal margin = qBound(8.0, h * 0.1, 24.0);
    const QRectF inner = box.adjusted(margin, margin * 0.8, -margin, -margin * 0.8);
    const qreal height = qMax(1.0, inner.height());
    g.wide = box.width() >= 4.5 * h;
    if (g.wide) {
        // [icon] area / WORD | detail (up to two lines)
        g.captionPx = qBound(11.0, height * 0.17, 30.0);
        g.wordPx = qMin(height * 0.58, 130.0);
        g.detailPx = qBound(11.0, height * 0.3, 40.0);
        const qreal icon = qMin(height * 0.9, 150.0);
        g.icon = QRectF(inner.left(), inner.top() + (height - icon) / 2, icon, icon);
        const qreal left = g.icon.right() + margin;
        const qreal rest = qMax(10.0, inner.right() - left);
        g.text = QRectF(left, inner.top(), rest * 0.5, height);
        g.detail = QRectF(g.text.right() + margin, inner.top(), qMax(10.0, rest * 0.5 - margin), height);
        return g;
    }
    // [icon] area / WORD / detail: the word about a third of the height.
    g.captionPx = qBound(11.0, h * 0.15, 26.0);
    g.wordPx = qMin(h * 0.36, 110.0);
    g.detailPx = qBound(11.0, g.wordPx * 0.42, 30.0);
    const qreal need = g.captionPx * 1.3 + g.wordPx * 1.2 + g.detailPx * 1.3;
    if (need > height) {
        const qreal scale = height / need;
        g.captionPx *= scale;
        g.wordPx *= scale;
        g.detailPx = qMax(10.0, g.detailPx * scale);
    }
    // In a narrow tile (many servers) the word needs the width more than the icon does.
    const qreal icon = qMax(16.0, std::min({height * 0.8, g.wordPx * 1.7, inner.width() * 0.2}));
    g.icon = QRectF(inner.left(), inner.top() + (height - icon) / 2, icon, icon);
    const qreal left = g.icon.right() + qMin(margin, inner.width() * 0.04 + 4);
    g.text = QRectF(left, inner.top(), qMax(10.0, inner.right() - left), height);
    g.detail = g.text;
    return g;
}

qreal NightTile::wordPixels(const QSizeF &size, int letters)
{
    if (size.width() <= 8 || size.height() <= 8)
        return 0;
    const Geometry g = geometry(size);
    return qMin(g.wordPx, g.text.width() / (letters * 0.68));
}

void NightTile::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    const QRectF box = QRectF(rect()).adjusted(2, 2, -2, -2);
    const qreal radius = qMin(box.height(), box.width()) * 0.07;
    QColor fill = toneColor(m_tile.tone);
    if (isDown())
        fill = fill.darker(120);
    else if (underMouse())
        fill = fill.lighter(106);
    p.setPen(Qt::NoPen);
    p.setBrush(fill);
    p.drawRoundedRect(box, radius, radius);
    const QColor ink = toneTextColor(m_tile.tone);
    if (hasFocus()) {
        // Thick and inside the tile, in the text's colour: visible on every tone.
        const qreal width = qBound(3.0, box.height() * 0.05, 7.0);
        p.setPen(QPen(ink, width));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(box.adjusted(width * 1.5, width * 1.5, -width * 1.5, -width * 1.5), radius, radius);
    }

    const Geometry g = geometry(QSizeF(size()));
    const int iconSize = qRound(g.icon.width());
    if (m_icon.isNull() || m_iconTone != m_tile.tone || qRound(m_icon.deviceIndependentSize().width()) != iconSize) {
        m_icon = toneIcon(m_tile.tone, iconSize, true);
        m_iconTone = m_tile.tone;
    }
    p.drawPixmap(g.icon.topLeft(), m_icon);

    // The word shrinks only as much as its width needs.
    qreal wordPx = g.wordPx;
    QFont wordFont = pixelFont(font(), wordPx, true);
    for (int i = 0; i < 3; ++i) { // the advance is not quite linear in the size: converge
        const qreal advance = QFontMetricsF(wordFont).horizontalAdvance(m_tile.word);
        if (advance <= g.text.width() || wordPx <= 12)
            break;
        wordPx = qMax(12.0, wordPx * g.text.width() / advance * 0.98);
        wordFont = pixelFont(font(), wordPx, true);
    }
    const QFont captionFont = pixelFont(font(), g.captionPx, true);
    const QFont detailFont = pixelFont(font(), g.detailPx, false);
    const QFontMetricsF captionMetrics(captionFont);
    const QFontMetricsF wordMetrics(wordFont);
    const QFontMetricsF detailMetrics(detailFont);
    const bool stackedDetail = !g.wide && !m_tile.detail.isEmpty();
    const qreal blockHeight = captionMetrics.height() + wordMetrics.height() + (stackedDetail ? detailMetrics.height() : 0);
    qreal y = g.text.top() + (g.text.height() - blockHeight) / 2;

    p.setPen(ink);
    p.setFont(captionFont);
    p.drawText(QRectF(g.text.left(), y, g.text.width(), captionMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
               captionMetrics.elidedText(summaryAreaTitle(m_area), Qt::ElideRight, g.text.width()));
    y += captionMetrics.height();
    p.setFont(wordFont);
    p.drawText(QRectF(g.text.left(), y, g.text.width(), wordMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
               wordMetrics.elidedText(m_tile.word, Qt::ElideRight, g.text.width()));
    y += wordMetrics.height();
    if (m_tile.detail.isEmpty())
        return;
    p.setFont(detailFont);
    if (stackedDetail) {
        p.drawText(QRectF(g.text.left(), y, g.text.width(), detailMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                   detailMetrics.elidedText(m_tile.detail, Qt::ElideRight, g.text.width()));
        return;
    }
    // Beside the word: wrapped when it fits (no word wider than the column), a size smaller if need
    // be, else one elided line.
    for (const qreal factor : {1.0, 0.8}) {
        const QFont f = pixelFont(font(), qMax(10.0, g.detailPx * factor), false);
        const QRectF wrapped = QFontMetricsF(f).boundingRect(g.detail, Qt::TextWordWrap, m_tile.detail);
        if (wrapped.height() <= g.detail.height() && wrapped.width() <= g.detail.width() + 0.5) {
            p.setFont(f);
            p.drawText(g.detail, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, m_tile.detail);
            return;
        }
    }
    p.drawText(g.detail, Qt::AlignLeft | Qt::AlignVCenter,
               detailMetrics.elidedText(m_tile.detail, Qt::ElideRight, g.detail.width()));
}

} // namespace difusor::ui
