// The review summary as an HTML page.
#pragma once

#include "exporter.h"

namespace Peering {

class HtmlExporter : public Exporter
{
    Q_DECLARE_TR_FUNCTIONS(Peering::HtmlExporter)
public:
    QString formatId() const override { return QStringLiteral("html"); }
    QString fileSuffix() const override { return QStringLiteral("html"); }
    Result<QByteArray> exportOnboarding(const Onboarding &onboarding,
                                        const ExportOptions &options) const override;
};

} // namespace Peering
