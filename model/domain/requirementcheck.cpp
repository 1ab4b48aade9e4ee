#include "requirementcheck.h"

#include "domain/jsonreader.h"

namespace Peering {

const QList<RequirementInfo> &RequirementCheck::catalogue()
{
    static const QList<RequirementInfo> items{
        {QStringLiteral("public-asn"), tr("The peer provides its own public ASN"),
         tr("Microsoft peers only with a network's own public ASN; private and documentation ASNs "
            "are never accepted."),
         QStringLiteral("asn.public")},
        {QStringLiteral("local-redundancy"),
         tr("Redundant interconnects at every interconnect location"),
         tr("Each location needs local redundancy so that one failed link or router does not take "
            "the service down."),
         QStringLiteral("redundancy.local")},
        {QStringLiteral("router-diversity"), tr("No two local connections on the same router"),
         tr("Diversity is required: two links on one router fail together."),
         QStringLiteral("diversity.routers")},
        {QStringLiteral("backup-other-location"),
         tr("Backup connections are in a different location from the primary"),
         tr("A local redundant connection is not a backup; a backup must survive the loss of the "
            "whole primary location."),
         QStringLiteral("backup.other-location")},
        {QStringLiteral("equal-bandwidth"),
         tr("Primary, backup and redundant connections have the same bandwidth"),
         tr("Traffic fails over between them; a smaller link would be overrun."),
         QStringLiteral("bandwidth.equal")},
        {QStringLiteral("minimum-bandwidth"), tr("Every interconnect is at least 10 Gbps"),
         tr("Microsoft's minimum link speed for this service is 10 Gbps."),
         QStringLiteral("bandwidth.minimum")},
        {QStringLiteral("lacp"), tr("LACP on every interconnect link"),
         tr("Microsoft configures every interconnect as a link aggregation group (LAG)."),
         QStringLiteral("interconnect.lacp")},
        {QStringLiteral("no-stateful-firewall"),
         tr("The peering does not terminate on a stateful firewall"),
         tr("Stateful devices drop asymmetric flows and break voice media."),
         QStringLiteral("interconnect.stateful-firewall")},
        {QStringLiteral("no-rate-limiting"), tr("No rate limiting on the connection"),
         tr("Peering Service promises quality of service; policing on the link defeats it."),
         QStringLiteral("interconnect.rate-limit")},
        {QStringLiteral("public-ipv4-space"),
         tr("The peer advertises its own publicly routable IPv4 space for its endpoints"),
         tr("Endpoints such as SBCs must be reachable on public addresses that the peer originates."),
         QStringLiteral("prefix.ipv4-public")},
        {QStringLiteral("community-8075-8007"),
         tr("Infrastructure prefixes are registered and carry community 8075:8007"),
         tr("Microsoft recognises Peering Service prefixes by this community and their "
            "registration."),
         QStringLiteral("prefix.community")},
        {QStringLiteral("traffic-class"),
         tr("Each advertised subnet's traffic class and endpoints are documented"),
         tr("The 2023 walkthrough asks what class of traffic and endpoints each subnet houses."),
         QStringLiteral("prefix.traffic-class")},
        {QStringLiteral("geo-redundancy"), tr("Peerings in more than one location (recommended)"),
         tr("Geo-redundancy keeps the service up when a whole metro is lost."),
         QStringLiteral("redundancy.geo")},
    };
    return items;
}

const QStringList &RequirementCheck::statuses()
{
    static const QStringList s{QStringLiteral("open"), QStringLiteral("met"),
                               QStringLiteral("waived")};
    return s;
}

QJsonObject RequirementCheck::toJson() const
{
    QJsonObject o = extra;
    o.insert(QLatin1String("id"), id);
    o.insert(QLatin1String("status"), status);
    o.insert(QLatin1String("note"), note);
    return o;
}

RequirementCheck RequirementCheck::fromJson(const QJsonObject &o, JsonReader &r, const QString &path)
{
    RequirementCheck c;
    c.id = r.string(o, QLatin1String("id"), path);
    c.status = r.string(o, QLatin1String("status"), path, c.status);
    c.note = r.string(o, QLatin1String("note"), path);
    c.extra = JsonReader::extras(o, {"id", "status", "note"});
    return c;
}

} // namespace Peering
