// The onboarding document itself (peering-onboarding/1).
#pragma once

#include "exporter.h"

namespace Peering {

class JsonExporter : public Exporter
{
    Q_DECLARE_TR_FUNCTIONS(Peering::JsonExporter)
public:
    QString formatId() const override { return QStringLiteral("json"); }
    QString fileSuffix() const override { return QStringLiteral("json"); }
    Result<QByteArray> exportOnboarding(const Onboarding &onboarding,
                                        const ExportOptions &options) const override;
};

} // namespace Peering
