// One Azure peering resource (Microsoft.Peering/peerings): one metro, one or more connections.
#pragma once

#include "connection.h"

#include <QList>

namespace Peering {

struct PeeringResource
{
    static constexpr const char *DirectKind = "Direct";
    static constexpr const char *IxRsNetwork = "AS8075-IxRs";
    static constexpr const char *PremiumFreeSku = "Premium_Direct_Free";

    QString subscriptionId;
    QString resourceGroup;
    QString name;
    QString azureRegion;
    QString kind = QLatin1String(DirectKind);
    QString microsoftNetwork = QLatin1String(IxRsNetwork);
    QString sku = QLatin1String(PremiumFreeSku);
    QString metro;
    qint64 maxPrefixesFromMicrosoft = 0; // the peer's own limit for routes from AS8075
    QList<Connection> connections;
    QJsonObject extra;

    QJsonObject toJson(bool includeSecrets = true) const;
    static PeeringResource fromJson(const QJsonObject &o, JsonReader &r, const QString &path);
    bool operator==(const PeeringResource &) const = default;
};

} // namespace Peering
