// The PDF exports: the review summary (a QTextDocument built from the model's report blocks)
// and the customer key sheets (from the model's HTML), printed onto QPdfWriter (Qt Gui; needs a
// QGuiApplication). Page numbers and the export date in every footer; A4 or Letter. Pages break
// only between paragraphs and table rows; headings stay with what follows them.
#pragma once

#include "export/exporter.h"

#include <functional>

class QBuffer;
class QPainter;
class QPdfWriter;
class QTextDocument;

namespace Peering {

class PdfExporter : public Exporter
{
    Q_DECLARE_TR_FUNCTIONS(Peering::PdfExporter)
public:
    enum Kind { ReviewSummary, KeySheets };
    explicit PdfExporter(Kind kind = ReviewSummary)
        : m_kind(kind)
    { }

    QString formatId() const override;
    QString fileSuffix() const override { return QStringLiteral("pdf"); }
    Result<QByteArray> exportOnboarding(const Onboarding &onboarding,
                                        const ExportOptions &options) const override;

    // Any format of Exporter::formats(): the model's text exporters and the PDF ones.
    static std::unique_ptr<Exporter> create(const QString &formatId);
private:
    // Each HTML document (a key sheet) on a page of its own (more where it is longer); the
    // footer is printed left of "Sheet N of M".
    static Result<QByteArray> renderSheets(const QStringList &sheets,
                                           const QString &title,
                                           const QString &footer,
                                           const ExportOptions &options);

    // The right-hand footer of a page, from its index and the number of pages.
    using PageLabel = std::function<QString(qsizetype page, qsizetype pages)>;
    static QString pageOf(qsizetype page, qsizetype pages);
    // Lays doc out once and prints it page by page, after a new page unless first.
    static void printPages(QPainter &painter, QPdfWriter &writer, QTextDocument &doc,
                           const QString &footer, const PageLabel &label, bool &first);
    // Lays the document out once and prints it page by page onto the writer's buffer.
    static Result<QByteArray>
    print(QTextDocument &doc, QPdfWriter &writer, QBuffer &buffer, const QString &footer);

    Kind m_kind;
};

} // namespace Peering
