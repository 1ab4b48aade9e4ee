#include "bgpsessionrules.h"

#include "ruleids.h"
#include "validationrun.h"

#include "domain/ipv4.h"
#include "domain/ipv6.h"

#include <optional>

namespace Peering {

namespace {

bool isBlank(const QString &s)
{
    return QStringView(s).trimmed().isEmpty();
}

} // namespace

void BgpSessionRules::check(ValidationRun &run, qsizetype peering, qsizetype connection)
{
    const BgpSession &bgp = run.onboarding().peerings[peering].connections[connection].bgp;
    checkIpv4(run, bgp, peering, connection);
    // IPv6 is optional: checked only when the peer filled in any of it.
    if (bgp.hasIpv6())
        checkIpv6(run, bgp, peering, connection);
}

QString BgpSessionRules::addressName(End end, int family)
{
    if (family == 4)
        return end == End::Peer ? tr("Peer session IPv4 address")
                                : tr("Microsoft session IPv4 address");
    return end == End::Peer ? tr("Peer session IPv6 address")
                            : tr("Microsoft session IPv6 address");
}

void BgpSessionRules::checkIpv4(ValidationRun &run,
                                const BgpSession &bgp,
                                qsizetype peering,
                                qsizetype connection)
{
    const auto path = [&](const char *field) {
        return ValidationRun::connectionPath(peering, connection, QLatin1String(field));
    };

    std::optional<Ipv4Prefix> prefix;
    if (isBlank(bgp.sessionPrefixV4)) {
        run.error(RuleId::BgpSessionPrefix, path("bgp.sessionPrefixV4"),
                  tr("No session IPv4 prefix is entered; enter the subnet of the BGP session, "
                     "such as 192.0.2.0/31"));
    } else if (const Result<Ipv4Prefix> p = Ipv4Prefix::parse(bgp.sessionPrefixV4); !p) {
        run.error(RuleId::BgpSessionPrefix, path("bgp.sessionPrefixV4"),
                  tr("Session IPv4 prefix: %1").arg(p.error()));
    } else {
        prefix = *p;
    }

    const auto address
        = [&](const QString &text, const char *field, End end) -> std::optional<Ipv4Address> {
        if (isBlank(text)) {
            run.error(RuleId::BgpSessionPrefix, path(field),
                      tr("%1 is missing; enter an address inside the session prefix")
                          .arg(addressName(end, 4)));
            return std::nullopt;
        }
        const Result<Ipv4Address> a = Ipv4Address::parse(text);
        if (!a) {
            run.error(RuleId::BgpSessionPrefix, path(field),
                      tr("%1: %2").arg(addressName(end, 4), a.error()));
            return std::nullopt;
        }
        if (!prefix)
            return *a;
        QString problem;
        if (!prefix->contains(*a))
            problem = tr("%1 %2 is outside the session prefix %3; use an address inside %3");
        else if (prefix->length() < 31 && *a == prefix->network())
            problem = tr("%1 %2 is the network address of the session prefix %3; use a host "
                         "address of %3");
        else if (prefix->length() < 31 && *a == prefix->last())
            problem = tr("%1 %2 is the broadcast address of the session prefix %3; use a host "
                         "address of %3");
        if (!problem.isEmpty())
            run.error(RuleId::BgpSessionPrefix, path(field),
                      problem.arg(addressName(end, 4), a->toString(), prefix->toString()));
        return *a;
    };
    const auto peer = address(bgp.peerIPv4, "bgp.peerIPv4", End::Peer);
    const auto microsoft = address(bgp.microsoftIPv4, "bgp.microsoftIPv4", End::Microsoft);
    if (peer && microsoft && *peer == *microsoft)
        run.error(RuleId::BgpSessionPrefix, path("bgp.microsoftIPv4"),
                  tr("Microsoft session IPv4 address %1 is the same as the peer session address; "
                     "the two ends of the session need different addresses of the session "
                     "prefix")
                      .arg(microsoft->toString()));
}

void BgpSessionRules::checkIpv6(ValidationRun &run,
                                const BgpSession &bgp,
                                qsizetype peering,
                                qsizetype connection)
{
    const auto path = [&](const char *field) {
        return ValidationRun::connectionPath(peering, connection, QLatin1String(field));
    };

    std::optional<Ipv6Prefix> prefix;
    if (isBlank(bgp.sessionPrefixV6)) {
        run.error(RuleId::BgpSessionPrefix, path("bgp.sessionPrefixV6"),
                  tr("No session IPv6 prefix is entered although IPv6 session addresses are; "
                     "enter the subnet of the BGP session, such as 2001:db8::/127, or clear "
                     "all IPv6 fields"));
    } else if (const Result<Ipv6Prefix> p = Ipv6Prefix::parse(bgp.sessionPrefixV6); !p) {
        run.error(RuleId::BgpSessionPrefix, path("bgp.sessionPrefixV6"),
                  tr("Session IPv6 prefix: %1").arg(p.error()));
    } else {
        prefix = *p;
    }

    const auto address
        = [&](const QString &text, const char *field, End end) -> std::optional<Ipv6Address> {
        if (isBlank(text)) {
            run.error(RuleId::BgpSessionPrefix, path(field),
                      tr("%1 is missing; enter an address inside the session IPv6 prefix, or "
                         "clear all IPv6 fields")
                          .arg(addressName(end, 6)));
            return std::nullopt;
        }
        const Result<Ipv6Address> a = Ipv6Address::parse(text);
        if (!a) {
            run.error(RuleId::BgpSessionPrefix, path(field),
                      tr("%1: %2").arg(addressName(end, 6), a.error()));
            return std::nullopt;
        }
        if (!prefix)
            return *a;
        QString problem;
        if (!prefix->contains(*a))
            problem = tr("%1 %2 is outside the session prefix %3; use an address inside %3");
        else if (prefix->length() < 127 && *a == prefix->network())
            problem = tr("%1 %2 is the subnet-router anycast address of the session prefix %3; "
                         "use another address of %3");
        if (!problem.isEmpty())
            run.error(RuleId::BgpSessionPrefix, path(field),
                      problem.arg(addressName(end, 6), a->toString(), prefix->toString()));
        return *a;
    };
    const auto peer = address(bgp.peerIPv6, "bgp.peerIPv6", End::Peer);
    const auto microsoft = address(bgp.microsoftIPv6, "bgp.microsoftIPv6", End::Microsoft);
    if (peer && microsoft && *peer == *microsoft)
        run.error(RuleId::BgpSessionPrefix, path("bgp.microsoftIPv6"),
                  tr("Microsoft session IPv6 address %1 is the same as the peer session address; "
                     "the two ends of the session need different addresses of the session "
                     "prefix")
                      .arg(microsoft->toString()));
}

} // namespace Peering
