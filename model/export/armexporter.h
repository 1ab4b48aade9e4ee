// An ARM deployment template.
#pragma once

#include "exporter.h"

#include <QJsonObject>

namespace Peering {

class ArmExporter : public Exporter
{
    Q_DECLARE_TR_FUNCTIONS(Peering::ArmExporter)
public:
    QString formatId() const override { return QStringLiteral("arm"); }
    QString fileSuffix() const override { return QStringLiteral("json"); }
    Result<QByteArray> exportOnboarding(const Onboarding &onboarding,
                                        const ExportOptions &options) const override;

    // The connectionIdentifier of a connection: its own id, or a GUID derived from the peering
    // name and the connection's index so that exports of the same document stay identical.
    static QString connectionIdentifier(const PeeringResource &peering, int index);
    // The peering's "direct" object. armExpressions: for an ARM template (the peer ASN id as an
    // expression, user text starting with "[" escaped as "[["); otherwise plain values, as the
    // az --direct JSON and the PowerShell script take them.
    static QJsonObject directProperties(const Onboarding &onboarding,
                                        const PeeringResource &peering,
                                        const ExportOptions &options,
                                        bool armExpressions);
};

} // namespace Peering
