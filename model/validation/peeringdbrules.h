// Rules that need the PeeringDB cache (ValidationContext::peeringDb): a metro where Microsoft has
// no facility, a facility that is not Microsoft's or not in the peering's metro, and session
// addresses outside the peer's exchange's peering LAN prefixes. All warnings (the cache may be
// old); without a cache they say nothing.
#pragma once

#include <QCoreApplication>

namespace Peering {

class ValidationRun;

class PeeringDbRules
{
    Q_DECLARE_TR_FUNCTIONS(Peering::PeeringDbRules)
public:
    static void check(ValidationRun &run);
};

} // namespace Peering
