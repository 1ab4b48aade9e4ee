// The PDF exports: the review summary and the customer key sheets, rendered from the model's
// HTML with QTextDocument onto QPdfWriter (Qt Gui; needs a QGuiApplication). Page numbers and
// the export date in every footer; A4 or Letter.
#pragma once

#include "export/exporter.h"

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
    // HTML (a whole document) to PDF; footer is printed left of "Page N of M" on each page.
    static Result<QByteArray> render(const QString &html,
                                     const QString &title,
                                     const QString &footer,
                                     const ExportOptions &options);

private:
    Kind m_kind;
};

} // namespace Peering
