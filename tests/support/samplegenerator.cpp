#include "samplegenerator.h"

#include "domain/ipv4.h"

#include <QUuid>

namespace Peering::TestSupport {

namespace {

QString guid(quint32 seed)
{
    // Deterministic GUIDs so that runs compare.
    return QUuid(seed, 0x1234, 0x4abc, 0x8d, 0x9e, 0xaf, 0xb0, 0xc1, 0xd2, 0xe3, 0xf4)
        .toString(QUuid::WithoutBraces);
}

} // namespace

Onboarding makeLargeOnboarding(int connections, int prefixes, int registeredAsns)
{
    Onboarding o;
    o.name = QStringLiteral("Large-IX to Microsoft");
    o.peerAsn.name = QStringLiteral("large-ix");
    o.peerAsn.asn = QStringLiteral("213999");
    o.peerAsn.peerName = QStringLiteral("Large Internet Exchange");
    o.peerAsn.validationState = QStringLiteral("Approved");
    o.peerAsn.contacts = {{QStringLiteral("Noc"), QStringLiteral("noc@large-ix.net"),
                           QStringLiteral("+31 20 555 0100"), {}}};

    const int perPeering = 8;
    const int peerings = (connections + perPeering - 1) / perPeering;
    quint32 session = Ipv4Address::parse(u"185.1.0.0")->value();
    int made = 0;
    for (int p = 0; p < peerings; ++p) {
        PeeringResource peering;
        peering.subscriptionId = guid(1);
        peering.resourceGroup = QStringLiteral("rg-peering");
        peering.name = QStringLiteral("large-ix-metro%1").arg(p);
        peering.azureRegion = QStringLiteral("westeurope");
        peering.metro = QStringLiteral("Metro %1").arg(p);
        peering.maxPrefixesFromMicrosoft = 450;
        for (int c = 0; c < perPeering && made < connections; ++c, ++made) {
            Connection conn;
            conn.id = guid(1000 + made);
            conn.peeringDbFacilityId = 100 + made;
            conn.facilityName = QStringLiteral("Facility %1").arg(made);
            conn.peerRouters = {QStringLiteral("r%1a.large-ix.net").arg(made),
                                QStringLiteral("r%1b.large-ix.net").arg(made)};
            conn.bandwidthMbps = 100000;
            conn.lacp = true;
            conn.state = QStringLiteral("Active");
            conn.bgp.sessionPrefixV4 = Ipv4Prefix(Ipv4Address(session), 31).toString();
            conn.bgp.microsoftIPv4 = Ipv4Address(session).toString();
            conn.bgp.peerIPv4 = Ipv4Address(session + 1).toString();
            conn.bgp.maxPrefixesAdvertisedV4 = 5000;
            session += 2;
            peering.connections.append(conn);
        }
        o.peerings.append(peering);
    }

    quint32 net = Ipv4Address::parse(u"20.0.0.0")->value();
    for (int i = 0; i < prefixes; ++i) {
        AdvertisedPrefix p;
        p.prefix = Ipv4Prefix(Ipv4Address(net + (quint32(i) << 8)), 24).toString();
        p.originAsn = QStringLiteral("213999");
        p.registered = true;
        p.communities = {QStringLiteral("8075:8007")};
        p.asPath = {QStringLiteral("213999"), QString::number(200000 + i % 500)};
        p.trafficClass = QStringLiteral("SBC voice");
        o.prefixes.append(p);
    }
    for (int i = 0; i < registeredAsns; ++i) {
        RegisteredAsn r;
        r.name = QStringLiteral("Customer %1").arg(i);
        r.asn = QString::number(300000 + i);
        r.peering = o.peerings.at(i % o.peerings.size()).name;
        r.prefixKey = guid(50000 + i);
        o.registeredAsns.append(r);
    }
    return o;
}

} // namespace Peering::TestSupport
