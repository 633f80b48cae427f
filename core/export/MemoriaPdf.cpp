// The memoria's PDF: QPdfWriter + QTextDocument, paginated by hand so each page gets the running
// header and "página N de M" (QTextDocument::print() has no header and cannot know M before printing).

#include "Memoria.h"
#include "MemoriaDocument.h"

#include "common/MexicoTime.h"
#include "common/Tr.h"

#include <QAbstractTextDocumentLayout>
#include <QFile>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextCursor>
#include <QTextDocument>

#include <mutex>

namespace difusor::exporting {

namespace {

constexpr int kDpi = 300;

// DejaVu (Bitstream Vera licence, Debian's fonts-dejavu-core): every Latin-1 letter, embedded in the
// PDF as a subset with its Unicode map, so `pdftotext` gives back "página", "Días", "ñ". The desktop's
// default font may be anything (or nothing, headless), hence bundled fonts, loaded once per process.
QString loadFonts(QString *error)
{
    static std::once_flag once;
    static QString family;
    static QString failure;
    std::call_once(once, [] {
        QStringList dirs;
        if (const QByteArray env = qgetenv("DIFUSOR_FONT_DIR"); !env.isEmpty())
            dirs << QFile::decodeName(env);
        dirs << QStringLiteral("/usr/share/fonts/truetype/dejavu");
        for (const QString &dir : std::as_const(dirs)) {
            const QString regular = dir + QStringLiteral("/DejaVuSans.ttf");
            if (!QFile::exists(regular))
                continue;
            const int id = QFontDatabase::addApplicationFont(regular);
            if (id < 0)
                continue;
            family = QFontDatabase::applicationFontFamilies(id).value(0);
            for (const char *f : {"DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf", "DejaVuSansMono.ttf"})
                QFontDatabase::addApplicationFont(dir + QLatin1Char('/') + QLatin1String(f));
            return;
        }
        failure = Tr::tr("No se encontró la fuente DejaVu Sans (paquete fonts-dejavu-core) en %1.")
                      .arg(dirs.join(QStringLiteral(", ")));
    });
    if (family.isEmpty() && error)
        *error = failure;
    return family;
}

QLocale reportLocale(const QString &language)
{
    return language == QLatin1String("en") ? QLocale(QLocale::English, QLocale::UnitedStates)
                                           : QLocale(QLocale::Spanish, QLocale::Mexico);
}

} // namespace

bool writeMemoriaPdf(const MemoriaInput &input, const QString &path, QString *error)
{
    auto fail = [error](const QString &m) {
        if (error)
            *error = m;
        return false;
    };
    // Fonts and text layout need Qt GUI's font database: a QGuiApplication (offscreen will do).
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return fail(Tr::tr("El PDF necesita una QGuiApplication (sin pantalla: QT_QPA_PLATFORM=offscreen)."));
    QString fontError;
    const QString family = loadFonts(&fontError);
    if (family.isEmpty())
        return fail(fontError);

    QPdfWriter writer(path);
    writer.setResolution(kDpi);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::Letter), QPageLayout::Portrait, QMarginsF(18, 16, 18, 14),
                                     QPageLayout::Millimeter));
    writer.setTitle(Tr::tr("Memoria técnica del difusor PREP"));
    writer.setCreator(QStringLiteral("difusor-console ") + input.consoleVersion);
    writer.setPdfVersion(QPagedPaintDevice::PdfVersion_1_6);

    const QLocale locale = reportLocale(input.language);
    const MemoriaDocument parts = memoriaDocument(input, locale);

    QTextDocument doc;
    doc.documentLayout()->setPaintDevice(&writer); // metrics at the PDF's resolution, not the screen's
    QFont body(family);
    body.setPointSizeF(9);
    body.setStyleStrategy(QFont::PreferNoShaping); // see the ligatures below

    doc.setDefaultFont(body);
    doc.setDocumentMargin(0);
    doc.setDefaultStyleSheet(QStringLiteral("h1 { font-size: 15pt; color: #1f4e79; } h2 { font-size: 12pt; color: #1f4e79; } "
                                            "h3 { font-size: 10pt; } th { font-weight: bold; }"));

    QPainter painter;
    if (!painter.begin(&writer))
        return fail(Tr::tr("No se pudo escribir %1.").arg(path));
    const QRectF page(0, 0, writer.width(), writer.height());
    QFont smallFont(family, 7);
    smallFont.setStyleStrategy(QFont::PreferNoShaping);
    const QFontMetricsF small(smallFont, &writer);
    const qreal headerHeight = small.height() * 2.6;
    const qreal footerHeight = small.height() * 2.2;
    const QSizeF bodySize(page.width(), page.height() - headerHeight - footerHeight);
    doc.setPageSize(bodySize);
    doc.setHtml(parts.html);
    {
        // No ligatures: with them "fi" is one glyph and a reader copies "ﬁ" (U+FB01), so "verificación"
        // would not be found in the PDF's text. Qt 6.4 has no font-feature switch; PreferNoShaping
        // skips OpenType shaping (ligatures, kerning) for Latin text, on every fragment.
        QTextCursor all(&doc);
        all.select(QTextCursor::Document);
        QTextCharFormat plain;
        plain.setFontStyleStrategy(QFont::PreferNoShaping);
        all.mergeCharFormat(plain);
    }
    auto *charts = new MemoriaChartObject(&doc);
    for (const auto &[marker, chart] : parts.charts)
        charts->insertAt(marker, chart);

    const int pages = doc.pageCount();
    const QString generated = Tr::tr("Generada %1").arg(formatMexicoTime(input.generatedUtc, false));
    for (int i = 0; i < pages; ++i) {
        if (i > 0 && !writer.newPage()) {
            painter.end();
            return fail(Tr::tr("No se pudo escribir %1.").arg(path));
        }
        painter.setFont(smallFont);
        painter.setPen(QColor(0x40, 0x40, 0x40));
        painter.drawText(QRectF(0, 0, page.width() * 0.62, small.height()), Qt::AlignLeft | Qt::AlignTop, parts.headerLeft);
        painter.drawText(QRectF(page.width() * 0.62, 0, page.width() * 0.38, small.height()), Qt::AlignRight | Qt::AlignTop,
                         parts.headerRight);
        painter.setPen(QPen(QColor(0x1f, 0x4e, 0x79), kDpi / 150.0));
        painter.drawLine(QPointF(0, small.height() * 1.4), QPointF(page.width(), small.height() * 1.4));
        painter.setPen(QColor(0x40, 0x40, 0x40));
        const qreal footerTop = page.height() - small.height();
        painter.drawText(QRectF(0, footerTop, page.width() / 2, small.height()), Qt::AlignLeft, generated);
        painter.drawText(QRectF(page.width() / 2, footerTop, page.width() / 2, small.height()), Qt::AlignRight,
                         Tr::tr("página %1 de %2").arg(i + 1).arg(pages));

        // The document's page i, moved under the header and clipped to it.
        painter.save();
        painter.translate(0, headerHeight - i * bodySize.height());
        const QRectF clip(0, i * bodySize.height(), bodySize.width(), bodySize.height());
        painter.setClipRect(clip);
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = clip;
        context.palette.setColor(QPalette::Text, Qt::black);
        doc.documentLayout()->draw(&painter, context);
        painter.restore();
    }
    if (!painter.end())
        return fail(Tr::tr("No se pudo escribir %1.").arg(path));
    QFile written(path);
    if (!written.exists() || written.size() == 0)
        return fail(Tr::tr("No se pudo escribir %1.").arg(path));
    return true;
}

} // namespace difusor::exporting
