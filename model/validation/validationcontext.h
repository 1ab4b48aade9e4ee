// What validation needs from outside one document: the customer ASNs registered by other
// onboardings in the store (registered-asn.unique). The store fills it; the CLI on a lone file
// leaves it empty.
#pragma once

#include "peeringdbfacts.h"

#include <QHash>
#include <QString>

#include <optional>

namespace Peering {

struct ValidationContext
{
    // customer ASN (asplain value) -> name of the onboarding that registered it
    QHash<quint32, QString> registeredElsewhere;
    // The PeeringDB cache's facts (rules peeringdb.*), when the store has a cache.
    std::optional<PeeringDbFacts> peeringDb;
};

} // namespace Peering
