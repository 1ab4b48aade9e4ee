// What the PeeringDB rules know from the cache: Microsoft's metros and facilities, and the
// peering LAN prefixes of the peer's exchanges. Filled by PeeringDbCache::facts(); without a
// cache the context holds none and the rules say nothing.
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace Peering {

struct PeeringDbFacts
{
    // Metro names where Microsoft (net 694) has a facility, as MetroAliases names them.
    QStringList microsoftMetros;
    // Microsoft's facilities: PeeringDB facility id -> its metro.
    QHash<qint64, QString> microsoftFacilityMetro;
    // Per peer ASN (asplain): the peering LAN prefixes (ixpfx, IPv4 and IPv6) of the exchanges
    // where it is present (netixlan), and those exchanges' names for the message. An ASN the
    // cache knows no exchange of is absent.
    struct Lans
    {
        QStringList prefixes;
        QStringList exchanges;
    };
    QHash<qint64, Lans> lansByAsn;
};

} // namespace Peering
