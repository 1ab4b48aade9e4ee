#include "pdfexporter.h"

#include "export/keysheetexporter.h"
#include "export/reviewreport.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPen>
#include <QTextDocument>

namespace Peering {

namespace {
// Rows per table in the PDF: enough for a page, short enough for QTextDocument to lay out fast.
constexpr int RowsPerTable = 40;
} // namespace

QString PdfExporter::formatId() const
{
    return m_kind == KeySheets ? QStringLiteral("keysheet-pdf") : QStringLiteral("pdf");
}

std::unique_ptr<Exporter> PdfExporter::create(const QString &formatId)
{
    if (formatId == QLatin1String("pdf"))
        return std::make_unique<PdfExporter>(ReviewSummary);
    if (formatId == QLatin1String("keysheet-pdf"))
        return std::make_unique<PdfExporter>(KeySheets);
    return Exporter::create(formatId);
}

Result<QByteArray> PdfExporter::render(const QString &html,
                                       const QString &title,
                                       const QString &footer,
                                       const ExportOptions &options)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    const bool letter = options.pageSize.compare(QLatin1String("letter"), Qt::CaseInsensitive) == 0;
    writer.setPageSize(QPageSize(letter ? QPageSize::Letter : QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("peering-wizard"));

    QTextDocument doc;
    // Lay out at 96 dpi, as a browser does, so that pixel sizes in the HTML (cell padding,
    // borders) mean the same as on screen; the painter scales up to the writer's resolution.
    QImage layoutDevice(1, 1, QImage::Format_RGB32);
    layoutDevice.setDotsPerMeterX(3780);
    layoutDevice.setDotsPerMeterY(3780);
    doc.documentLayout()->setPaintDevice(&layoutDevice);
    const qreal scale = qreal(writer.resolution()) / layoutDevice.logicalDpiY();
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setStyleHint(QFont::SansSerif);
    font.setPointSizeF(8.5);
    // No shaping means no ligatures: pdftotext and copy-paste give "fi" and "ff00", not U+FB01.
    font.setStyleStrategy(QFont::PreferNoShaping);
    font.setHintingPreference(QFont::PreferNoHinting);
    doc.setDefaultFont(font);
    // Design metrics: no hinting at 96 dpi to undo when scaling, and a faster layout.
    doc.setUseDesignMetrics(true);
    doc.setDocumentMargin(0);
    doc.setHtml(html);

    const QRectF body = writer.pageLayout().paintRectPixels(writer.resolution());
    const QSizeF bodySize(body.width() / scale, body.height() / scale);
    const qreal footerHeight = 96 * 0.3; // 0.3 in for the footer line
    const QSizeF page(bodySize.width(), bodySize.height() - footerHeight);
    doc.setPageSize(page);

    QPainter painter;
    if (!painter.begin(&writer))
        return Result<QByteArray>::failure(tr("cannot start the PDF writer"));
    QFont footerFont = font;
    footerFont.setPointSizeF(7.5);
    const int pages = doc.pageCount();
    painter.scale(scale, scale);
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            writer.newPage();
        painter.save();
        painter.translate(0, -i * page.height());
        QAbstractTextDocumentLayout::PaintContext ctx;
        ctx.clip = QRectF(0, i * page.height(), page.width(), page.height());
        ctx.palette.setColor(QPalette::Text, Qt::black);
        painter.setClipRect(ctx.clip);
        doc.documentLayout()->draw(&painter, ctx);
        painter.restore();
        // The footer in the writer's own units: point sizes of fonts are resolved against the
        // device, so drawing it under the layout scale would enlarge it a second time.
        painter.save();
        painter.resetTransform();
        painter.setFont(footerFont);
        painter.setPen(QPen(Qt::black, writer.resolution() / 150.0));
        const QRectF footerRect(0, (page.height() + footerHeight * 0.2) * scale,
                                page.width() * scale, footerHeight * 0.8 * scale);
        painter.drawLine(QPointF(0, footerRect.top()),
                         QPointF(footerRect.right(), footerRect.top()));
        painter.drawText(footerRect, Qt::AlignLeft | Qt::AlignBottom, footer);
        painter.drawText(footerRect, Qt::AlignRight | Qt::AlignBottom,
                         tr("Page %1 of %2").arg(QString::number(i + 1), QString::number(pages)));
        painter.restore();
    }
    painter.end();
    buffer.close();
    return bytes;
}

Result<QByteArray> PdfExporter::exportOnboarding(const Onboarding &onboarding,
                                                 const ExportOptions &options) const
{
    const QString date = options.effectiveNow().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    if (m_kind == KeySheets) {
        const auto sheets = KeySheetExporter::sheets(onboarding, options);
        if (sheets.isEmpty())
            return Result<QByteArray>::failure(
                tr("no registered customer ASNs: there is no key sheet to export"));
        QString html = QStringLiteral("<html><body>");
        for (qsizetype i = 0; i < sheets.size(); ++i) {
            // One page per customer: each sheet is handed to someone else.
            html += i == 0 ? QStringLiteral("<div>")
                           : QStringLiteral("<div style=\"page-break-before: always\">");
            html += KeySheetExporter::sheetHtml(sheets[i]) + QStringLiteral("</div>");
        }
        html += QStringLiteral("</body></html>");
        return render(html, tr("Customer key sheets"), tr("Customer key sheet, %1").arg(date),
                      options);
    }
    const ReviewReport report = ReviewReport::build(onboarding, options);
    return render(report.toHtml(RowsPerTable), report.title(),
                  tr("%1 - exported %2").arg(onboarding.name, date), options);
}

} // namespace Peering
