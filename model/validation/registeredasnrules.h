// Rules on the customer ASNs registered under the peerings: public, registered once (here and in
// the rest of the store), only under a peering with an Active connection, and their prefix keys.
#pragma once

#include <QCoreApplication>

namespace Peering {

class ValidationRun;

class RegisteredAsnRules
{
    Q_DECLARE_TR_FUNCTIONS(Peering::RegisteredAsnRules)
public:
    static void check(ValidationRun &run);
};

} // namespace Peering
