// An Azure CLI (bash) script.
#pragma once

#include "exporter.h"

namespace Peering {

class AzCliExporter : public Exporter
{
    Q_DECLARE_TR_FUNCTIONS(Peering::AzCliExporter)
public:
    QString formatId() const override { return QStringLiteral("az"); }
    QString fileSuffix() const override { return QStringLiteral("sh"); }
    Result<QByteArray> exportOnboarding(const Onboarding &onboarding,
                                        const ExportOptions &options) const override;
};

} // namespace Peering
