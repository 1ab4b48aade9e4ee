// Customer key sheets as text, one page per registered ASN.
#pragma once

#include "exporter.h"

namespace Peering {

class KeySheetExporter : public Exporter
{
    Q_DECLARE_TR_FUNCTIONS(Peering::KeySheetExporter)
public:
    QString formatId() const override { return QStringLiteral("keysheet"); }
    QString fileSuffix() const override { return QStringLiteral("txt"); }
    Result<QByteArray> exportOnboarding(const Onboarding &onboarding,
                                        const ExportOptions &options) const override;

    // One sheet: the lines of its text, shared by the text and the PDF key sheets.
    struct Sheet
    {
        QString title;
        QList<QStringList> fields; // label, value
        QStringList steps;
    };
    static QList<Sheet> sheets(const Onboarding &onboarding, const ExportOptions &options);
    // HTML for one sheet (the PDF key sheet prints one per page).
    static QString sheetHtml(const Sheet &sheet);
};

} // namespace Peering
