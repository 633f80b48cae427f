#pragma once

#include <QAbstractTextDocumentLayout>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTextObjectInterface>

class QTextDocument;

namespace difusor::exporting {

// A bar chart of the memoria: for each category (a day, an hour) the measured value beside the
// baseline's, drawn with QPainter when the document is drawn. On the PDF device that is vector
// drawing (paths and text), not an image: it stays sharp at any zoom and its labels are text.
struct MemoriaChartSpec
{
    QString title;
    QStringList categories;
    QList<double> values;   // the period's (dark bars)
    QList<double> baseline; // the usual (light bars); empty: none
    QString valuesLabel;
    QString baselineLabel;
};

// A QTextDocument object type that draws MemoriaChartSpec charts in the flow of the text.
class MemoriaChartObject final : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    static constexpr int kObjectType = QTextFormat::UserObject + 13;
    static constexpr int kChartIdProperty = QTextFormat::UserProperty + 1;

    // Registers itself as the document's handler for kObjectType.
    explicit MemoriaChartObject(QTextDocument *document);

    // Puts a chart where `marker` is written in the document (the whole marker text is replaced).
    // false when the marker is not found.
    bool insertAt(const QString &marker, const MemoriaChartSpec &chart);

    QSizeF intrinsicSize(QTextDocument *doc, int posInDocument, const QTextFormat &format) override;
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *doc, int posInDocument,
                    const QTextFormat &format) override;

private:
    QTextDocument *m_document;
    QHash<int, MemoriaChartSpec> m_charts;
};

} // namespace difusor::exporting
