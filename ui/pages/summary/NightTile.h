#pragma once

#include "NightState.h"

#include <QAbstractButton>
#include <QPixmap>

namespace difusor::ui {

// One tile of the night view: an area of one server, filled with its tone's colour, with the tone's
// icon, the area's name, a big word and a line of detail, all sized from the tile's own size so the
// word reads from three metres. A button: clicked (mouse, Space, Enter/Return) opens the area's page;
// it takes Tab focus and shows it with a thick ring. Its accessible name says area, server and word.
class NightTile final : public QAbstractButton
{
    Q_OBJECT
public:
    explicit NightTile(SummaryArea area, QWidget *parent = nullptr);

    SummaryArea area() const { return m_area; }
    void setServerName(const QString &name);
    // Repaints only when something shown changed.
    void setTile(const SummaryTile &tile);
    const SummaryTile &tile() const { return m_tile; }
    Tone tone() const { return m_tile.tone; }
    QString word() const { return m_tile.word; }
    QString detail() const { return m_tile.detail; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // The pixel size of the word a tile of this size gives a word of `letters` capitals: what the
    // page chooses its grid's orientation by.
    static qreal wordPixels(const QSizeF &size, int letters = 13);

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    // Where things go in a tile of a size. Wide tiles (one or two servers) put the detail beside the
    // word, so the word can take most of the height; others stack area, word and detail.
    struct Geometry
    {
        bool wide = false;
        QRectF icon;
        QRectF text;   // area name and word
        QRectF detail; // beside (wide) or under the word
        qreal captionPx = 0;
        qreal wordPx = 0; // before shrinking to fit the word's width
        qreal detailPx = 0;
    };
    static Geometry geometry(const QSizeF &size);

    void updateAccessibility();

    SummaryArea m_area;
    QString m_server;
    SummaryTile m_tile;
    QPixmap m_icon; // drawn for m_iconTone at its size; the ages redraw tiles every second
    Tone m_iconTone = Tone::Idle;
};

} // namespace difusor::ui
