// Rules on the advertised prefixes: public IPv4, registration, community, traffic class, and
// their AS paths.
#pragma once

#include <QCoreApplication>

namespace Peering {

class ValidationRun;
struct AdvertisedPrefix;

class PrefixRules
{
    Q_DECLARE_TR_FUNCTIONS(Peering::PrefixRules)
public:
    static void check(ValidationRun &run);

private:
    static void checkPrefix(ValidationRun &run, qsizetype i, const AdvertisedPrefix &p);
    static void
    checkAsPath(ValidationRun &run, qsizetype i, const AdvertisedPrefix &p, int prefixLength);
};

} // namespace Peering
