// One direct peering connection (an interconnect at a PeeringDB facility) with its BGP session.
#pragma once

#include "bgpsession.h"
#include "statechange.h"

#include <QList>

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
    // When each state began, oldest first (time in state, when it became Active). Written only
    // when not empty, so documents without tracking stay as they were.
    QList<StateChange> stateHistory;
    // Link utilization in percent (SLA: at 40 or more the LAG augmentation of 45-60 days
    // begins) and when it was measured (ISO date-time); written only when set.
    qint64 utilizationPercent = 0;
    QString utilizationMeasuredAt;
    QJsonObject extra;

    // The entry of stateHistory that the current state began with (the last entry with that
    // state), or nothing when the history does not say.
    const StateChange *currentStateChange() const;

    static const QStringList &roles();
    static const QStringList &states();

    QJsonObject toJson(bool includeSecrets = true) const;
    static Connection fromJson(const QJsonObject &o, JsonReader &r, const QString &path);
    bool operator==(const Connection &) const = default;
};

} // namespace Peering
