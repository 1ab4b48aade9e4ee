#include "peeringdbrules.h"

#include "ruleids.h"
#include "validationrun.h"

#include "domain/ipv4.h"
#include "domain/ipv6.h"
#include "peeringdb/metroaliases.h"

#include <algorithm>

namespace Peering {

namespace {

struct Lans
{
    QList<Ipv4Prefix> v4;
    QList<Ipv6Prefix> v6;
};

// Outside every prefix of the list; never with no prefix known.
template<typename Address, typename Prefix>
bool outsideEvery(const Address &address, const QList<Prefix> &prefixes)
{
    return !prefixes.isEmpty()
        && std::none_of(prefixes.cbegin(), prefixes.cend(),
                        [&address](const Prefix &p) { return p.contains(address); });
}

// The address, when it parses and lies outside every prefix of its family; an address that does
// not parse is bgp.session-prefix's business.
bool outside(const QString &text, const Lans &lans)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return false;
    if (const Result<Ipv4Address> a = Ipv4Address::parse(trimmed))
        return outsideEvery(*a, lans.v4);
    if (const Result<Ipv6Address> a = Ipv6Address::parse(trimmed))
        return outsideEvery(*a, lans.v6);
    return false;
}

} // namespace

void PeeringDbRules::check(ValidationRun &run)
{
    if (!run.context().peeringDb)
        return;
    const PeeringDbFacts &facts = *run.context().peeringDb;
    Lans lans;
    PeeringDbFacts::Lans known;
    if (run.peerAsn())
        known = facts.lansByAsn.value(qint64(run.peerAsn()->value()));
    for (const QString &p : known.prefixes) {
        if (const Result<Ipv4Prefix> v4 = Ipv4Prefix::parse(p))
            lans.v4.append(*v4);
        else if (const Result<Ipv6Prefix> v6 = Ipv6Prefix::parse(p))
            lans.v6.append(*v6);
    }
    const QString exchanges = known.exchanges.join(QStringLiteral(", "));
    const QList<PeeringResource> &peerings = run.onboarding().peerings;
    for (qsizetype i = 0; i < peerings.size(); ++i) {
        const PeeringResource &peering = peerings.at(i);
        bool metroKnown = false;
        if (!peering.metro.trimmed().isEmpty()) {
            for (const QString &m : facts.microsoftMetros)
                metroKnown = metroKnown || MetroAliases::sameMetro(peering.metro, m);
            if (!metroKnown)
                run.warning(RuleId::PeeringDbMetro,
                            ValidationRun::peeringPath(i, QLatin1String("metro")),
                            tr("Microsoft has no PeeringDB facility in the metro \"%1\"; check "
                               "the spelling, or choose one of Microsoft's metros (%2), or "
                               "sync PeeringDB if it is new")
                                .arg(peering.metro,
                                     ValidationRun::joinValues(facts.microsoftMetros)));
        }
        for (qsizetype c = 0; c < peering.connections.size(); ++c) {
            const Connection &connection = peering.connections.at(c);
            if (connection.peeringDbFacilityId > 0) {
                const auto it = facts.microsoftFacilityMetro.constFind(connection.peeringDbFacilityId);
                if (it == facts.microsoftFacilityMetro.cend())
                    run.warning(RuleId::PeeringDbFacility,
                                ValidationRun::connectionPath(i, c,
                                                              QLatin1String("peeringDbFacilityId")),
                                tr("Microsoft is not present at PeeringDB facility %1 (netfac); "
                                   "choose one of Microsoft's facilities")
                                    .arg(connection.peeringDbFacilityId));
                else if (metroKnown && !MetroAliases::sameMetro(peering.metro, *it))
                    run.warning(RuleId::PeeringDbFacility,
                                ValidationRun::connectionPath(i, c,
                                                              QLatin1String("peeringDbFacilityId")),
                                tr("PeeringDB facility %1 is in %2, not in the peering's metro "
                                   "%3")
                                    .arg(connection.peeringDbFacilityId)
                                    .arg(*it, peering.metro));
            }
            const BgpSession &bgp = connection.bgp;
            const struct
            {
                const char *field;
                const QString &value;
            } addresses[] = {{"bgp.peerIPv4", bgp.peerIPv4},
                             {"bgp.microsoftIPv4", bgp.microsoftIPv4},
                             {"bgp.peerIPv6", bgp.peerIPv6},
                             {"bgp.microsoftIPv6", bgp.microsoftIPv6}};
            for (const auto &a : addresses)
                if (outside(a.value, lans))
                    run.warning(RuleId::PeeringDbSessionLan,
                                ValidationRun::connectionPath(i, c, QLatin1String(a.field)),
                                tr("%1 is outside the peering LAN of %2 (PeeringDB: %3)")
                                    .arg(a.value.trimmed(), exchanges,
                                         known.prefixes.join(QStringLiteral(", "))));
        }
    }
}

} // namespace Peering
