// An Azure PowerShell script.
#pragma once

#include "exporter.h"

namespace Peering {

class PowerShellExporter : public Exporter
{
    Q_DECLARE_TR_FUNCTIONS(Peering::PowerShellExporter)
public:
    QString formatId() const override { return QStringLiteral("powershell"); }
    QString fileSuffix() const override { return QStringLiteral("ps1"); }
    Result<QByteArray> exportOnboarding(const Onboarding &onboarding,
                                        const ExportOptions &options) const override;
};

} // namespace Peering
