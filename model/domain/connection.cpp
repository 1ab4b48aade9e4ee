#include "connection.h"

#include "domain/jsonreader.h"

#include <QJsonArray>

namespace Peering {

const QStringList &Connection::roles()
{
    static const QStringList r{QStringLiteral("primary"), QStringLiteral("redundant"),
                               QStringLiteral("backup")};
    return r;
}

const QStringList &Connection::states()
{
    static const QStringList s{
        QStringLiteral("None"),                 QStringLiteral("PendingApproval"),
        QStringLiteral("Approved"),             QStringLiteral("ProvisioningStarted"),
        QStringLiteral("ProvisioningFailed"),   QStringLiteral("ProvisioningCompleted"),
        QStringLiteral("Validating"),           QStringLiteral("Active"),
        QStringLiteral("TypeChangeRequested"),  QStringLiteral("TypeChangeInProgress"),
        QStringLiteral("ExternalBlocker")};
    return s;
}

QJsonObject Connection::toJson(bool includeSecrets) const
{
    QJsonObject o = extra;
    o.insert(QLatin1String("id"), id);
    o.insert(QLatin1String("role"), role);
    o.insert(QLatin1String("peeringDbFacilityId"), peeringDbFacilityId);
    o.insert(QLatin1String("facilityName"), facilityName);
    o.insert(QLatin1String("peerRouters"), QJsonArray::fromStringList(peerRouters));
    o.insert(QLatin1String("bandwidthMbps"), bandwidthMbps);
    o.insert(QLatin1String("sessionAddressProvider"), sessionAddressProvider);
    o.insert(QLatin1String("useForPeeringService"), useForPeeringService);
    o.insert(QLatin1String("lacp"), lacp);
    o.insert(QLatin1String("statefulFirewall"), statefulFirewall);
    o.insert(QLatin1String("rateLimited"), rateLimited);
    o.insert(QLatin1String("state"), state);
    o.insert(QLatin1String("bgp"), bgp.toJson(includeSecrets));
    if (!stateHistory.isEmpty()) {
        QJsonArray history;
        for (const StateChange &s : stateHistory)
            history.append(s.toJson());
        o.insert(QLatin1String("stateHistory"), history);
    }
    if (utilizationPercent != 0)
        o.insert(QLatin1String("utilizationPercent"), utilizationPercent);
    if (!utilizationMeasuredAt.isEmpty())
        o.insert(QLatin1String("utilizationMeasuredAt"), utilizationMeasuredAt);
    return o;
}

const StateChange *Connection::currentStateChange() const
{
    for (qsizetype i = stateHistory.size() - 1; i >= 0; --i)
        if (stateHistory.at(i).state == state)
            return &stateHistory.at(i);
    return nullptr;
}

Connection Connection::fromJson(const QJsonObject &o, JsonReader &r, const QString &path)
{
    Connection c;
    c.id = r.string(o, QLatin1String("id"), path);
    c.role = r.string(o, QLatin1String("role"), path, c.role);
    c.peeringDbFacilityId = r.integer(o, QLatin1String("peeringDbFacilityId"), path);
    c.facilityName = r.string(o, QLatin1String("facilityName"), path);
    c.peerRouters = r.stringList(o, QLatin1String("peerRouters"), path);
    c.bandwidthMbps = r.integer(o, QLatin1String("bandwidthMbps"), path);
    c.sessionAddressProvider =
        r.string(o, QLatin1String("sessionAddressProvider"), path, c.sessionAddressProvider);
    c.useForPeeringService =
        r.boolean(o, QLatin1String("useForPeeringService"), path, c.useForPeeringService);
    c.lacp = r.boolean(o, QLatin1String("lacp"), path, c.lacp);
    c.statefulFirewall = r.boolean(o, QLatin1String("statefulFirewall"), path, c.statefulFirewall);
    c.rateLimited = r.boolean(o, QLatin1String("rateLimited"), path, c.rateLimited);
    c.state = r.string(o, QLatin1String("state"), path, c.state);
    const QString bpath = JsonReader::join(path, QLatin1String("bgp"));
    c.bgp = BgpSession::fromJson(r.object(o, QLatin1String("bgp"), path), r, bpath);
    const QString hpath = JsonReader::join(path, QLatin1String("stateHistory"));
    const QJsonArray history = r.array(o, QLatin1String("stateHistory"), path);
    for (qsizetype i = 0; i < history.size() && r.ok(); ++i) {
        const QString ip = JsonReader::index(hpath, i);
        c.stateHistory.append(StateChange::fromJson(r.objectAt(history.at(i), ip), r, ip));
    }
    c.utilizationPercent = r.integer(o, QLatin1String("utilizationPercent"), path);
    c.utilizationMeasuredAt = r.string(o, QLatin1String("utilizationMeasuredAt"), path);
    c.extra = JsonReader::extras(o, {"id", "role", "peeringDbFacilityId", "facilityName",
                                     "peerRouters", "bandwidthMbps", "sessionAddressProvider",
                                     "useForPeeringService", "lacp", "statefulFirewall",
                                     "rateLimited", "state", "bgp", "stateHistory",
                                     "utilizationPercent", "utilizationMeasuredAt"});
    return c;
}

} // namespace Peering
