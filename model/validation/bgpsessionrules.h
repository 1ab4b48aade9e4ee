// bgp.session-prefix: the session prefix of a connection and the two session addresses in it,
// for IPv4 (required) and IPv6 (when any IPv6 field is filled in).
#pragma once

#include <QCoreApplication>

namespace Peering {

class ValidationRun;
struct BgpSession;

class BgpSessionRules
{
    Q_DECLARE_TR_FUNCTIONS(Peering::BgpSessionRules)
public:
    // Checks peerings[peering].connections[connection].bgp.
    static void check(ValidationRun &run, qsizetype peering, qsizetype connection);

private:
    enum class End { Peer, Microsoft };
    static QString addressName(End end, int family);
    static void
    checkIpv4(ValidationRun &run, const BgpSession &bgp, qsizetype peering, qsizetype connection);
    static void
    checkIpv6(ValidationRun &run, const BgpSession &bgp, qsizetype peering, qsizetype connection);
};

} // namespace Peering
