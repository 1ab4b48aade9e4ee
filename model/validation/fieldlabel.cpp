#include "fieldlabel.h"

#include "domain/requirementcheck.h"

#include <QRegularExpression>

namespace Peering {

namespace {

struct Segment
{
    QString name;
    qsizetype index = -1;
};

// "peerings[0].connections[1].bgp.peerIPv4" -> peerings/0, connections/1, bgp, peerIPv4
QList<Segment> split(const QString &path)
{
    static const QRegularExpression re(QStringLiteral("([A-Za-z0-9_]+)(?:\\[(\\d+)\\])?"));
    QList<Segment> out;
    auto it = re.globalMatch(path);
    while (it.hasNext()) {
        const auto m = it.next();
        out.append(Segment{m.captured(1), m.captured(2).isEmpty() ? -1 : m.captured(2).toLongLong()});
    }
    return out;
}

QString roleName(const QString &role)
{
    if (role == QLatin1String("primary"))
        return FieldLabel::tr("primary");
    if (role == QLatin1String("redundant"))
        return FieldLabel::tr("redundant");
    if (role == QLatin1String("backup"))
        return FieldLabel::tr("backup");
    return role;
}

} // namespace

QString FieldLabel::bandwidth(qint64 mbps)
{
    if (mbps >= 1000 && mbps % 1000 == 0)
        return tr("%1 Gbps").arg(mbps / 1000);
    return tr("%1 Mbps").arg(mbps);
}

QString FieldLabel::peering(const Onboarding &o, qsizetype i)
{
    if (i < 0 || i >= o.peerings.size())
        return tr("peering %1").arg(i + 1);
    const PeeringResource &p = o.peerings.at(i);
    if (!p.metro.trimmed().isEmpty())
        return p.metro.trimmed();
    if (!p.name.trimmed().isEmpty())
        return p.name.trimmed();
    return tr("peering %1").arg(i + 1);
}

QString FieldLabel::connection(const Onboarding &o, qsizetype peeringIndex, qsizetype index)
{
    if (peeringIndex < 0 || peeringIndex >= o.peerings.size() || index < 0
        || index >= o.peerings.at(peeringIndex).connections.size())
        return tr("connection %1").arg(index + 1);
    const Connection &c = o.peerings.at(peeringIndex).connections.at(index);
    const QString where = peering(o, peeringIndex);
    const QString facility = c.facilityName.trimmed().isEmpty()
                                 ? (c.peeringDbFacilityId > 0
                                        ? tr("facility %1").arg(c.peeringDbFacilityId)
                                        : QString())
                                 : c.facilityName.trimmed();
    if (facility.isEmpty())
        return tr("the %1 connection %2 in %3").arg(roleName(c.role)).arg(index + 1).arg(where);
    return tr("the %1 connection at %2 (%3)").arg(roleName(c.role), facility, where);
}

QString FieldLabel::connectionLocation(const Onboarding &o, qsizetype p, qsizetype c)
{
    if (p < 0 || p >= o.peerings.size() || c < 0 || c >= o.peerings.at(p).connections.size())
        return tr("%1, connection %2").arg(peering(o, p)).arg(c + 1);
    const Connection &conn = o.peerings.at(p).connections.at(c);
    QString facility = conn.facilityName.trimmed();
    if (facility.isEmpty() && conn.peeringDbFacilityId > 0)
        facility = tr("facility %1").arg(conn.peeringDbFacilityId);
    if (facility.isEmpty())
        facility = tr("connection %1").arg(c + 1);
    return tr("%1, %2 (%3)").arg(peering(o, p), facility, roleName(conn.role));
}

QString FieldLabel::location(const Onboarding &o, const QString &path)
{
    const QList<Segment> s = split(path);
    if (s.isEmpty())
        return {};
    const Segment &first = s.front();
    if (first.name == QLatin1String("peerings") && first.index >= 0) {
        if (s.size() >= 2 && s.at(1).name == QLatin1String("connections") && s.at(1).index >= 0)
            return connectionLocation(o, first.index, s.at(1).index);
        return tr("Peering %1").arg(peering(o, first.index));
    }
    if (first.name == QLatin1String("prefixes") && first.index >= 0) {
        const QString prefix = first.index < o.prefixes.size()
                                   ? o.prefixes.at(first.index).prefix.trimmed()
                                   : QString();
        return prefix.isEmpty() ? tr("Prefix row %1").arg(first.index + 1)
                                : tr("Prefix %1").arg(prefix);
    }
    if (first.name == QLatin1String("registeredAsns") && first.index >= 0) {
        if (first.index < o.registeredAsns.size()) {
            const RegisteredAsn &a = o.registeredAsns.at(first.index);
            const QString who = a.name.trimmed().isEmpty() ? a.asn : a.name.trimmed();
            if (!who.isEmpty())
                return tr("Customer %1").arg(who);
        }
        return tr("Customer ASN %1").arg(first.index + 1);
    }
    if (first.name == QLatin1String("peerAsn") && s.size() >= 2
        && s.at(1).name == QLatin1String("contacts") && s.at(1).index >= 0) {
        const qsizetype i = s.at(1).index;
        const QString role = i < o.peerAsn.contacts.size() ? o.peerAsn.contacts.at(i).role
                                                           : QString();
        return role.isEmpty() ? tr("Contact %1").arg(i + 1)
                              : tr("Contact %1 (%2)").arg(i + 1).arg(role);
    }
    if (first.name == QLatin1String("requirements") && first.index >= 0) {
        if (first.index < o.requirements.size())
            for (const RequirementInfo &info : RequirementCheck::catalogue())
                if (info.id == o.requirements.at(first.index).id)
                    return tr("Requirement \"%1\"").arg(info.title);
        return tr("Requirement %1").arg(first.index + 1);
    }
    if (first.name == QLatin1String("milestones") && first.index >= 0) {
        const QString stage = first.index < o.milestones.size() ? o.milestones.at(first.index).stage
                                                                : QString();
        return stage.isEmpty() ? tr("Milestone %1").arg(first.index + 1)
                               : tr("Milestone %1").arg(stage);
    }
    if (first.name == QLatin1String("mail") && first.index >= 0)
        return tr("Mail %1").arg(first.index + 1);
    return {};
}

QString FieldLabel::field(const QString &path)
{
    const QList<Segment> s = split(path);
    if (s.isEmpty())
        return path;
    const QString last = s.back().name;
    const QString parent = s.size() >= 2 ? s.at(s.size() - 2).name : QString();
    struct Name
    {
        const char *key;
        const char *text;
    };
    // The portal's and the wizard's own words for each field.
    static const Name names[] = {
        {"name", QT_TR_NOOP("Name")},
        {"subscriptionId", QT_TR_NOOP("Subscription ID")},
        {"resourceGroup", QT_TR_NOOP("Resource group")},
        {"azureRegion", QT_TR_NOOP("Azure region")},
        {"kind", QT_TR_NOOP("Peering type")},
        {"microsoftNetwork", QT_TR_NOOP("Microsoft network")},
        {"sku", QT_TR_NOOP("SKU")},
        {"metro", QT_TR_NOOP("Metro")},
        {"maxPrefixesFromMicrosoft", QT_TR_NOOP("Max prefixes from Microsoft")},
        {"connections", QT_TR_NOOP("Connections")},
        {"id", QT_TR_NOOP("Identifier")},
        {"role", QT_TR_NOOP("Role")},
        {"peeringDbFacilityId", QT_TR_NOOP("PeeringDB facility")},
        {"facilityName", QT_TR_NOOP("Facility name")},
        {"peerRouters", QT_TR_NOOP("Peer routers")},
        {"bandwidthMbps", QT_TR_NOOP("Bandwidth")},
        {"sessionAddressProvider", QT_TR_NOOP("Session address provider")},
        {"useForPeeringService", QT_TR_NOOP("Use for Peering Service")},
        {"lacp", QT_TR_NOOP("LACP")},
        {"statefulFirewall", QT_TR_NOOP("Stateful firewall")},
        {"rateLimited", QT_TR_NOOP("Rate limiting")},
        {"state", QT_TR_NOOP("Connection state")},
        {"sessionPrefixV4", QT_TR_NOOP("Session IPv4 prefix")},
        {"peerIPv4", QT_TR_NOOP("Peer IPv4")},
        {"microsoftIPv4", QT_TR_NOOP("Microsoft IPv4")},
        {"sessionPrefixV6", QT_TR_NOOP("Session IPv6 prefix")},
        {"peerIPv6", QT_TR_NOOP("Peer IPv6")},
        {"microsoftIPv6", QT_TR_NOOP("Microsoft IPv6")},
        {"maxPrefixesAdvertisedV4", QT_TR_NOOP("Max prefixes advertised v4")},
        {"maxPrefixesAdvertisedV6", QT_TR_NOOP("Max prefixes advertised v6")},
        {"md5Key", QT_TR_NOOP("MD5 key")},
        {"asn", QT_TR_NOOP("ASN")},
        {"peerName", QT_TR_NOOP("Peer name")},
        {"validationState", QT_TR_NOOP("Validation state")},
        {"contacts", QT_TR_NOOP("Contacts")},
        {"email", QT_TR_NOOP("E-mail")},
        {"phone", QT_TR_NOOP("Phone")},
        {"prefix", QT_TR_NOOP("Prefix")},
        {"originAsn", QT_TR_NOOP("Origin ASN")},
        {"registered", QT_TR_NOOP("Registered")},
        {"communities", QT_TR_NOOP("Communities")},
        {"asPath", QT_TR_NOOP("AS path")},
        {"trafficClass", QT_TR_NOOP("Traffic class")},
        {"peering", QT_TR_NOOP("Peering")},
        {"prefixKey", QT_TR_NOOP("Prefix key")},
        {"keyDeliveredAt", QT_TR_NOOP("Key delivered")},
        {"stage", QT_TR_NOOP("Stage")},
        {"expected", QT_TR_NOOP("Expected date")},
        {"reached", QT_TR_NOOP("Reached")},
        {"source", QT_TR_NOOP("Source")},
        {"note", QT_TR_NOOP("Note")},
        {"status", QT_TR_NOOP("Status")},
        {"requirements", QT_TR_NOOP("Requirements")},
        {"peerings", QT_TR_NOOP("Peerings")},
        {"prefixes", QT_TR_NOOP("Advertised prefixes")},
        {"registeredAsns", QT_TR_NOOP("Customer ASNs")},
        {"milestones", QT_TR_NOOP("Milestones")},
    };
    if (s.size() == 1 && last == QLatin1String("name"))
        return tr("Onboarding name");
    if (parent == QLatin1String("peerAsn") && last == QLatin1String("asn"))
        return tr("Peer ASN");
    if (parent == QLatin1String("peerAsn") && last == QLatin1String("name"))
        return tr("Association name");
    if (s.size() == 1 && s.front().index < 0) {
        for (const Name &n : names)
            if (last == QLatin1String(n.key))
                return tr(n.text);
    }
    // A whole item ("prefixes[2]") is named by its location alone.
    if (s.back().index >= 0)
        return {};
    for (const Name &n : names)
        if (last == QLatin1String(n.key))
            return tr(n.text);
    return last;
}

QString FieldLabel::describe(const Onboarding &o, const QString &path)
{
    const QString where = location(o, path);
    const QString what = field(path);
    if (where.isEmpty())
        return what.isEmpty() ? path : what;
    if (what.isEmpty())
        return where;
    // A peering's own fields: "Peering Amsterdam: Metro".
    return tr("%1: %2").arg(where, what);
}

} // namespace Peering
