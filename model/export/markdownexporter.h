// The review summary in Markdown.
#pragma once

#include "exporter.h"

namespace Peering {

class MarkdownExporter : public Exporter
{
    Q_DECLARE_TR_FUNCTIONS(Peering::MarkdownExporter)
public:
    QString formatId() const override { return QStringLiteral("markdown"); }
    QString fileSuffix() const override { return QStringLiteral("md"); }
    Result<QByteArray> exportOnboarding(const Onboarding &onboarding,
                                        const ExportOptions &options) const override;
};

} // namespace Peering
