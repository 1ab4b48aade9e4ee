// One direct peering connection (an interconnect at a PeeringDB facility) with its BGP session.
#pragma once

#include "bgpsession.h"

#include <QStringList>

namespace Peering {

struct Connection
{
    QString id; // connectionIdentifier, a GUID made by the client
    QString role = QStringLiteral("primary"); // primary, redundant, backup
    qint64 peeringDbFacilityId = 0;
    QString facilityName;
    QStringList peerRouters; // the peer's routers that terminate this connection's links
    qint64 bandwidthMbps = 0;
    QString sessionAddressProvider = QStringLiteral("Peer");
    bool useForPeeringService = true;
    bool lacp = false; // must be confirmed by the peer
    bool statefulFirewall = false;
    bool rateLimited = false;
    QString state = QStringLiteral("None"); // ARM connectionState
    BgpSession bgp;
    QJsonObject extra;

    static const QStringList &roles();
    static const QStringList &states();

    QJsonObject toJson(bool includeSecrets = true) const;
    static Connection fromJson(const QJsonObject &o, JsonReader &r, const QString &path);
    bool operator==(const Connection &) const = default;
};

} // namespace Peering
