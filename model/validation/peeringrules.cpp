#include "peeringrules.h"

#include "bgpsessionrules.h"
#include "ruleids.h"
#include "validationrun.h"

#include "domain/textchecks.h"
#include "fieldlabel.h"

#include <QVarLengthArray>

#include <algorithm>

namespace Peering {

namespace {

constexpr qint64 MaxPrefixesLow = 400;
constexpr qint64 MaxPrefixesHigh = 500;


// Azure checks names per UTF-16 unit (.NET strings): a character outside the BMP is two units
// and no letter, so it is refused, and it counts twice towards the length.
template<typename Allowed> QString firstBadCharacter(QStringView s, Allowed allowed)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (allowed(s[i]))
            continue;
        // Show a surrogate pair whole, not half of it.
        const bool pair = s[i].isHighSurrogate() && i + 1 < s.size() && s[i + 1].isLowSurrogate();
        return s.mid(i, pair ? 2 : 1).toString();
    }
    return {};
}

// ARM: letters and digits of any script, and _ - . ( )
bool resourceGroupCharacter(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.' || c == u'(' || c == u')';
}

// ARM spec pattern [A-Za-z0-9_.-]
bool peeringNameCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
        || c == u'_' || c == u'.' || c == u'-';
}

// Records index under key unless an earlier one is there (QHash::insert replaces).
template<typename Key>
void keepFirst(QHash<Key, qsizetype> &hash, const Key &key, qsizetype index)
{
    if (!hash.contains(key))
        hash.insert(key, index);
}

QString routerKey(const QString &name)
{
    // Shares the string when it is already trimmed and lower case (the usual case).
    return name.trimmed().toLower();
}

} // namespace

PeeringRules::PeeringRules(ValidationRun &run)
    : m_run(run)
{ }

void PeeringRules::check()
{
    gather();
    const QList<PeeringResource> &peerings = m_run.onboarding().peerings;
    if (m_distinctMetros == 1) {
        QString metro;
        for (const PeeringResource &p : peerings) {
            metro = p.metro.trimmed();
            if (!metro.isEmpty())
                break;
        }
        m_run.warning(RuleId::RedundancyGeo, QStringLiteral("peerings"),
                      tr("All peerings are in one metro (%1); Microsoft recommends peerings in "
                         "more than one metro for geo-redundancy: add a peering in a second "
                         "metro, with a backup connection there")
                          .arg(metro));
    }
    m_connectionIds.reserve(m_run.onboarding().connectionCount());
    for (qsizetype i = 0; i < peerings.size(); ++i) {
        const PeeringResource &p = peerings[i];
        checkBasics(i, p);
        checkConfiguration(i, p);
        if (p.connections.isEmpty())
            m_run.error(RuleId::ConnectionsAtLeastOne,
                        ValidationRun::peeringPath(i, QLatin1String("connections")),
                        tr("Peering \"%1\" has no connection; a peering needs at least one: add "
                           "the direct connection at a facility in the metro")
                            .arg(p.name));
        checkLocation(i);
        m_facilities = {};
        for (qsizetype j = 0; j < p.connections.size(); ++j)
            checkConnection(i, j, p.connections[j]);
    }
}

void PeeringRules::gather()
{
    const QList<PeeringResource> &peerings = m_run.onboarding().peerings;
    QHash<QString, qsizetype> locationOfMetro;
    locationOfMetro.reserve(peerings.size());
    m_locations.reserve(peerings.size());
    m_locationOfPeering.reserve(peerings.size());

    // Bandwidths in order of first appearance, with their counts (few distinct values).
    struct Count
    {
        qint64 value;
        qsizetype count;
    };
    QVarLengthArray<Count, 4> counts;

    for (qsizetype i = 0; i < peerings.size(); ++i) {
        const PeeringResource &p = peerings[i];
        const QString metro = p.metro.trimmed().toLower();
        qsizetype location = -1;
        if (!metro.isEmpty())
            location = locationOfMetro.value(metro, -1);
        if (location < 0) {
            // A peering without a metro is a location of its own.
            location = m_locations.size();
            m_locations.append(Location {});
            m_locations.last().firstPeering = i;
            if (!metro.isEmpty())
                locationOfMetro.insert(metro, location);
        }
        m_locationOfPeering.append(location);

        Location &l = m_locations[location];
        for (qsizetype j = 0; j < p.connections.size(); ++j) {
            const Connection &c = p.connections[j];
            l.hasConnections = true;
            l.hasPrimary = l.hasPrimary || c.role == QLatin1String("primary");
            for (qsizetype k = 0; k < c.peerRouters.size(); ++k) {
                const QString key = routerKey(c.peerRouters[k]);
                if (!key.isEmpty() && !l.routers.contains(key))
                    l.routers.insert(key, Place {i, j, k});
            }
            auto it = std::find_if(counts.begin(), counts.end(),
                                   [&c](const Count &n) { return n.value == c.bandwidthMbps; });
            if (it == counts.end())
                counts.append(Count {c.bandwidthMbps, 1});
            else
                ++it->count;
        }
    }
    m_distinctMetros = locationOfMetro.size();
    // The most common bandwidth that Microsoft accepts is the reference (on a tie the one seen
    // first), so the fix a message suggests never breaks bandwidth.minimum. With no connection
    // at 10 Gbps or more, the minimum itself is suggested.
    for (const Count &n : counts) {
        if (n.value >= MinimumBandwidthMbps && n.count > m_referenceCount) {
            m_referenceBandwidth = n.value;
            m_referenceCount = n.count;
        }
    }
}

void PeeringRules::checkBasics(qsizetype i, const PeeringResource &p)
{
    const auto path
        = [i](const char *field) { return ValidationRun::peeringPath(i, QLatin1String(field)); };

    if (p.subscriptionId.isEmpty())
        m_run.error(RuleId::BasicsSubscriptionId, path("subscriptionId"),
                    tr("No subscription id is entered; enter the id (a GUID) of the Azure "
                       "subscription that holds the peering"));
    else if (!TextChecks::isGuid(p.subscriptionId))
        m_run.error(RuleId::BasicsSubscriptionId, path("subscriptionId"),
                    tr("Subscription id \"%1\" is not a GUID; copy it from the Azure portal, in "
                       "the form 00000000-0000-0000-0000-000000000000")
                        .arg(p.subscriptionId));

    if (p.resourceGroup.isEmpty()) {
        m_run.error(RuleId::BasicsResourceGroup, path("resourceGroup"),
                    tr("No resource group is entered; enter the name of the resource group for "
                       "the peering (1-90 characters)"));
    } else {
        const QString bad = firstBadCharacter(p.resourceGroup, resourceGroupCharacter);
        if (!bad.isEmpty())
            m_run.error(RuleId::BasicsResourceGroup, path("resourceGroup"),
                        tr("Resource group name \"%1\" contains \"%2\"; use only letters, digits "
                           "and _ - . ( )")
                            .arg(p.resourceGroup, bad));
        if (p.resourceGroup.size() > 90)
            m_run.error(RuleId::BasicsResourceGroup, path("resourceGroup"),
                        tr("Resource group name \"%1\" has %2 characters; Azure allows at most 90: "
                           "shorten it")
                            .arg(p.resourceGroup)
                            .arg(p.resourceGroup.size()));
        if (p.resourceGroup.endsWith(u'.'))
            m_run.error(RuleId::BasicsResourceGroup, path("resourceGroup"),
                        tr("Resource group name \"%1\" ends with a period; Azure does not allow "
                           "that: remove the trailing period")
                            .arg(p.resourceGroup));
    }

    if (p.name.isEmpty()) {
        m_run.error(RuleId::BasicsPeeringName, path("name"),
                    tr("No peering name is entered; enter a name of 1-63 letters A-Z, digits, "
                       "_ . or -"));
    } else {
        const QString bad = firstBadCharacter(p.name, peeringNameCharacter);
        if (!bad.isEmpty())
            m_run.error(RuleId::BasicsPeeringName, path("name"),
                        tr("Peering name \"%1\" contains \"%2\"; use only letters A-Z, digits, "
                           "_ . and -")
                            .arg(p.name, bad));
        if (p.name.size() > 63)
            m_run.error(RuleId::BasicsPeeringName, path("name"),
                        tr("Peering name \"%1\" has %2 characters; Azure allows at most 63: "
                           "shorten it")
                            .arg(p.name)
                            .arg(p.name.size()));
    }
}

void PeeringRules::checkConfiguration(qsizetype i, const PeeringResource &p)
{
    const auto path
        = [i](const char *field) { return ValidationRun::peeringPath(i, QLatin1String(field)); };

    if (p.kind != QLatin1String(PeeringResource::DirectKind))
        m_run.error(RuleId::ConfigKind, path("kind"),
                    tr("Peering type \"%1\" is not supported; Peering Service with exchange route "
                       "server uses peering type Direct: set it to Direct")
                        .arg(p.kind));
    if (p.microsoftNetwork != QLatin1String(PeeringResource::IxRsNetwork))
        m_run.error(RuleId::ConfigNetwork, path("microsoftNetwork"),
                    tr("Microsoft network \"%1\" is not the exchange route-server network; choose "
                       "AS8075 (with exchange route server), AS8075-IxRs")
                        .arg(p.microsoftNetwork));
    if (p.sku != QLatin1String(PeeringResource::PremiumFreeSku))
        m_run.error(RuleId::ConfigSku, path("sku"),
                    tr("SKU \"%1\" is not the one for Peering Service with exchange route server; "
                       "choose Premium Free (Premium_Direct_Free)")
                        .arg(p.sku));
    if (QStringView(p.metro).trimmed().isEmpty())
        m_run.error(RuleId::ConfigMetro, path("metro"),
                    tr("No metro is chosen; choose the metro (peering location) of this peering, "
                       "such as Amsterdam or Ashburn"));

    const qint64 limit = p.maxPrefixesFromMicrosoft;
    if (limit == 0)
        m_run.warning(RuleId::BgpMaxPrefixFromMicrosoft, path("maxPrefixesFromMicrosoft"),
                      tr("No max-prefix limit for routes from Microsoft is set; set it to 400-500: "
                         "Microsoft announces about 280 prefixes, growing 10-15%"));
    else if (limit < MaxPrefixesLow)
        m_run.warning(RuleId::BgpMaxPrefixFromMicrosoft, path("maxPrefixesFromMicrosoft"),
                      tr("Max-prefix limit %1 for routes from Microsoft is below 400; Microsoft "
                         "announces about 280 prefixes, growing 10-15%, so the session could be "
                         "torn down: set the limit to 400-500")
                          .arg(limit));
    else if (limit > MaxPrefixesHigh)
        m_run.warning(RuleId::BgpMaxPrefixFromMicrosoft, path("maxPrefixesFromMicrosoft"),
                      tr("Max-prefix limit %1 for routes from Microsoft is above 500, too high to "
                         "protect against a leak; Microsoft announces about 280 prefixes, "
                         "growing 10-15%: set the limit to 400-500")
                          .arg(limit));
}

void PeeringRules::checkLocation(qsizetype i)
{
    const qsizetype location = m_locationOfPeering[i];
    const Location &l = m_locations[location];
    // Reported once per metro, on the first peering there.
    if (l.firstPeering != i || !l.hasConnections || l.routers.size() >= 2)
        return;
    const QString path = ValidationRun::peeringPath(i, QLatin1String("connections"));
    if (l.routers.isEmpty()) {
        m_run.error(RuleId::RedundancyLocal, path,
                    tr("No peer routers are listed for the connections in %1; Microsoft requires "
                       "redundant interconnects at every location: list in peerRouters the (at "
                       "least two different) routers that terminate the links")
                        .arg(locationName(location)));
        return;
    }
    const Place &only = l.routers.cbegin().value();
    const QString router = m_run.onboarding()
                               .peerings[only.peering]
                               .connections[only.connection]
                               .peerRouters[only.router]
                               .trimmed();
    m_run.error(RuleId::RedundancyLocal, path,
                tr("All connections in %1 terminate on the one router %2; Microsoft requires "
                   "redundant interconnects at every location: terminate the links on at least "
                   "two different routers")
                    .arg(locationName(location), router));
}

// The same facility is the same PeeringDB id; where either id is missing, the same facility
// name (trimmed, any case). The earliest earlier connection of the peering at the same facility,
// or -1; looked up in hashes (a peering may hold thousands of connections), and c recorded.
qsizetype PeeringRules::firstSameFacility(qsizetype j, const Connection &c)
{
    const QString name = c.facilityName.trimmed().toCaseFolded();
    qsizetype first = -1;
    const auto earlier = [&first](const QHash<QString, qsizetype> &names, const QString &key) {
        if (const auto it = names.constFind(key); it != names.cend())
            first = first < 0 ? *it : std::min(first, *it);
    };
    if (c.peeringDbFacilityId > 0) {
        if (const auto it = m_facilities.byId.constFind(c.peeringDbFacilityId);
            it != m_facilities.byId.cend())
            first = *it;
        if (!name.isEmpty())
            earlier(m_facilities.byNameWithoutId, name);
        keepFirst(m_facilities.byId, c.peeringDbFacilityId, j);
    } else if (!name.isEmpty()) {
        earlier(m_facilities.byName, name);
    }
    if (!name.isEmpty()) {
        keepFirst(m_facilities.byName, name, j);
        if (c.peeringDbFacilityId <= 0)
            keepFirst(m_facilities.byNameWithoutId, name, j);
    }
    return first;
}

void PeeringRules::checkConnection(qsizetype i, qsizetype j, const Connection &c)
{
    const auto path = [i, j](const char *field) {
        return ValidationRun::connectionPath(i, j, QLatin1String(field));
    };

    if (!c.id.isEmpty()) {
        if (!TextChecks::isGuid(c.id)) {
            m_run.error(RuleId::ConnectionIdentifier, path("id"),
                        tr("Connection identifier \"%1\" is not a GUID; use a new GUID in the form "
                           "00000000-0000-0000-0000-000000000000")
                            .arg(c.id));
        } else {
            const QUuid uuid = QUuid::fromString(QStringView(c.id));
            const auto first = m_connectionIds.constFind(uuid);
            if (first == m_connectionIds.cend())
                m_connectionIds.insert(uuid, Place {i, j, -1});
            else
                m_run.error(RuleId::ConnectionIdentifier, path("id"),
                            tr("Connection identifier %1 is already used by %2; every connection "
                               "needs its own identifier: give this one a new GUID")
                                .arg(c.id, connectionName(first->peering, first->connection)));
        }
    }

    if (!Connection::roles().contains(c.role))
        m_run.error(RuleId::ConnectionRole, path("role"),
                    tr("Connection role \"%1\" is not known; use one of %2")
                        .arg(c.role, ValidationRun::joinValues(Connection::roles())));
    if (c.role == QLatin1String("backup") && m_locations[m_locationOfPeering[i]].hasPrimary)
        m_run.error(RuleId::BackupOtherLocation, path("role"),
                    tr("This backup connection is in %1, where there is a primary connection; a "
                       "local redundant connection is not a backup: set its role to \"redundant\" "
                       "or move the backup to another metro")
                        .arg(locationName(m_locationOfPeering[i])));

    if (c.peeringDbFacilityId <= 0)
        m_run.error(RuleId::ConnectionFacility, path("peeringDbFacilityId"),
                    c.peeringDbFacilityId == 0
                        ? tr("No peering facility is chosen; choose the PeeringDB facility in %1 "
                             "where the interconnect is")
                              .arg(locationName(m_locationOfPeering[i]))
                        : tr("PeeringDB facility id %1 is not valid; choose the facility (a "
                             "positive PeeringDB id) in %2 where the interconnect is")
                              .arg(c.peeringDbFacilityId)
                              .arg(locationName(m_locationOfPeering[i])));
    if (const qsizetype k = firstSameFacility(j, c); k >= 0)
        m_run.warning(RuleId::MeshExtraConnection, path("peeringDbFacilityId"),
                      tr("This is a second connection at facility %1, after %2; one connection "
                         "already forms a two-link mesh with Microsoft: add another only for a "
                         "larger mesh, otherwise remove it")
                          .arg(c.facilityName.trimmed().isEmpty()
                                   ? QString::number(c.peeringDbFacilityId)
                                   : c.facilityName.trimmed(),
                               connectionName(i, k)));

    checkRouters(i, j, c);

    if (c.bandwidthMbps < MinimumBandwidthMbps)
        m_run.error(RuleId::BandwidthMinimum, path("bandwidthMbps"),
                    m_referenceCount > 0
                        ? tr("Bandwidth %1 is below Microsoft's minimum of 10 Gbps; use %2 as the "
                             "other connections do (all must be equal)")
                              .arg(FieldLabel::bandwidth(c.bandwidthMbps),
                                   FieldLabel::bandwidth(m_referenceBandwidth))
                        : tr("Bandwidth %1 is below Microsoft's minimum of 10 Gbps; use a 10 Gbps "
                             "or faster interconnect")
                              .arg(FieldLabel::bandwidth(c.bandwidthMbps)));
    // Below the minimum, bandwidth.minimum already says what to use; a second message for the
    // same value would only repeat it.
    if (c.bandwidthMbps >= MinimumBandwidthMbps && m_referenceCount > 0
        && c.bandwidthMbps != m_referenceBandwidth)
        m_run.error(RuleId::BandwidthEqual, path("bandwidthMbps"),
                    tr("Bandwidth %1 differs from the %2 of %3 of the %4 connections; primary, "
                       "backup and redundant connections of all peerings must have the same "
                       "bandwidth: use %2 here, or change the others")
                        .arg(FieldLabel::bandwidth(c.bandwidthMbps), FieldLabel::bandwidth(m_referenceBandwidth))
                        .arg(m_referenceCount)
                        .arg(m_run.onboarding().connectionCount()));

    if (c.sessionAddressProvider != QLatin1String("Peer"))
        m_run.error(RuleId::ConnectionSessionAddressProvider, path("sessionAddressProvider"),
                    tr("Session address provider is \"%1\"; Peering Service with exchange route "
                       "server requires Peer (the peer provides the session addresses): set it "
                       "to Peer")
                        .arg(c.sessionAddressProvider));
    if (!c.useForPeeringService)
        m_run.error(RuleId::ConnectionUseForPeeringService, path("useForPeeringService"),
                    tr("Use for Peering Service is off; exchange route-server connections must be "
                       "used for Peering Service: turn it on"));
    if (!c.lacp)
        m_run.error(RuleId::InterconnectLacp, path("lacp"),
                    tr("LACP is not confirmed for this connection; Microsoft builds every link as "
                       "a link aggregation group: enable LACP on the peer's ports and confirm it"));
    if (c.statefulFirewall)
        m_run.error(RuleId::InterconnectStatefulFirewall, path("statefulFirewall"),
                    tr("The connection terminates on a device with a stateful firewall; Microsoft "
                       "does not allow that: terminate the peering on a router without stateful "
                       "inspection"));
    if (c.rateLimited)
        m_run.error(RuleId::InterconnectRateLimit, path("rateLimited"),
                    tr("The connection is rate limited; Microsoft requires no rate limiting: "
                       "remove the policer or shaper from the interconnect"));
    if (!Connection::states().contains(c.state))
        m_run.error(RuleId::ConnectionState, path("state"),
                    tr("Connection state \"%1\" is not an Azure connection state; use the state "
                       "the portal shows, one of %2")
                        .arg(c.state, ValidationRun::joinValues(Connection::states())));
    if (c.utilizationPercent < 0 || c.utilizationPercent > 100)
        m_run.error(RuleId::ConnectionUtilization, path("utilizationPercent"),
                    tr("Utilization %1% is not a percentage of the link; give 0 to 100 as "
                       "measured (0 when not measured)")
                        .arg(c.utilizationPercent));

    BgpSessionRules::check(m_run, i, j);
}

void PeeringRules::checkRouters(qsizetype i, qsizetype j, const Connection &c)
{
    const Location &l = m_locations[m_locationOfPeering[i]];
    for (qsizetype k = 0; k < c.peerRouters.size(); ++k) {
        const QString key = routerKey(c.peerRouters[k]);
        if (key.isEmpty())
            continue;
        const Place first = l.routers.value(key);
        if (first.peering == i && first.connection == j && first.router == k)
            continue;
        const QString path = ValidationRun::connectionPath(i, j, QLatin1String("peerRouters"))
            + u'[' + QString::number(k) + u']';
        const QString router = c.peerRouters[k].trimmed();
        if (first.peering == i && first.connection == j)
            m_run.error(RuleId::DiversityRouters, path,
                        tr("Router %1 is listed twice for this connection; every local link must "
                           "terminate on a different peer router: list each router once")
                            .arg(router));
        else
            m_run.error(RuleId::DiversityRouters, path,
                        tr("Router %1 already terminates %2 in %3; no two local links may "
                           "terminate on the same peer router: use a different router for this "
                           "connection")
                            .arg(router, connectionName(first.peering, first.connection),
                                 locationName(m_locationOfPeering[i])));
    }
}

QString PeeringRules::connectionName(qsizetype i, qsizetype j) const
{
    // In words, never as a path: the GUI and the exports show these messages to people.
    return FieldLabel::connection(m_run.onboarding(), i, j);
}

QString PeeringRules::locationName(qsizetype location) const
{
    const PeeringResource &p = m_run.onboarding().peerings[m_locations[location].firstPeering];
    const QString metro = p.metro.trimmed();
    return metro.isEmpty() ? tr("peering %1 (no metro)").arg(p.name) : metro;
}

} // namespace Peering
