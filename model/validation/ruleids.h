// The stable rule ids of domain.md section 4 (tests, exports and the CLI use them), plus the
// shape checks the validator adds. Constants, so that a typo is a compile error, not a new rule.
#pragma once

#include <QLatin1String>

namespace Peering::RuleId {

// domain.md section 4, in table order
inline constexpr QLatin1String BasicsSubscriptionId {"basics.subscription-id"};
inline constexpr QLatin1String BasicsResourceGroup {"basics.resource-group"};
inline constexpr QLatin1String BasicsPeeringName {"basics.peering-name"};
inline constexpr QLatin1String AsnPublic {"asn.public"};
// Azure's API declares peerAsn and asn as int32, and Az.Peering's -PeerAsn is [System.Int32].
inline constexpr QLatin1String AsnInt32 {"asn.int32"};
inline constexpr QLatin1String PeerAsnApproved {"peer-asn.approved"};
inline constexpr QLatin1String ContactNoc {"contact.noc"};
inline constexpr QLatin1String ContactEmail {"contact.email"};
inline constexpr QLatin1String ContactCorporateDomain {"contact.corporate-domain"};
inline constexpr QLatin1String ConfigKind {"config.kind"};
inline constexpr QLatin1String ConfigNetwork {"config.network"};
inline constexpr QLatin1String ConfigSku {"config.sku"};
inline constexpr QLatin1String ConfigMetro {"config.metro"};
inline constexpr QLatin1String ConnectionsAtLeastOne {"connections.at-least-one"};
inline constexpr QLatin1String ConnectionSessionAddressProvider {
    "connection.session-address-provider"};
inline constexpr QLatin1String ConnectionUseForPeeringService {
    "connection.use-for-peering-service"};
inline constexpr QLatin1String ConnectionFacility {"connection.facility"};
inline constexpr QLatin1String BandwidthMinimum {"bandwidth.minimum"};
inline constexpr QLatin1String BandwidthEqual {"bandwidth.equal"};
inline constexpr QLatin1String RedundancyLocal {"redundancy.local"};
inline constexpr QLatin1String DiversityRouters {"diversity.routers"};
inline constexpr QLatin1String BackupOtherLocation {"backup.other-location"};
inline constexpr QLatin1String RedundancyGeo {"redundancy.geo"};
inline constexpr QLatin1String MeshExtraConnection {"mesh.extra-connection"};
inline constexpr QLatin1String InterconnectLacp {"interconnect.lacp"};
inline constexpr QLatin1String InterconnectStatefulFirewall {"interconnect.stateful-firewall"};
inline constexpr QLatin1String InterconnectRateLimit {"interconnect.rate-limit"};
inline constexpr QLatin1String BgpSessionPrefix {"bgp.session-prefix"};
inline constexpr QLatin1String BgpMaxPrefixFromMicrosoft {"bgp.max-prefix-from-microsoft"};
inline constexpr QLatin1String PrefixIpv4Public {"prefix.ipv4-public"};
inline constexpr QLatin1String PrefixRegistered {"prefix.registered"};
inline constexpr QLatin1String PrefixCommunity {"prefix.community"};
inline constexpr QLatin1String PrefixTrafficClass {"prefix.traffic-class"};
inline constexpr QLatin1String AsPathPrivateAsn {"aspath.private-asn"};
inline constexpr QLatin1String AsPathLength {"aspath.length"};
inline constexpr QLatin1String AsPathLengthRecommended {"aspath.length-recommended"};
inline constexpr QLatin1String RegisteredAsnRequiresActive {"registered-asn.requires-active"};
inline constexpr QLatin1String RegisteredAsnUnique {"registered-asn.unique"};
inline constexpr QLatin1String RegisteredAsnPublic {"registered-asn.public"};
inline constexpr QLatin1String RegisteredAsnInt32 {"registered-asn.int32"};
// az reads a value that starts with "@" as a file to load, whatever the quoting.
inline constexpr QLatin1String ValueLeadingAt {"value.leading-at"};
inline constexpr QLatin1String TextHiddenCharacters {"text.hidden-characters"};

// Shape checks of the document that the table does not name (all errors).
inline constexpr QLatin1String ContactRole {"contact.role"};
inline constexpr QLatin1String ConnectionRole {"connection.role"};
inline constexpr QLatin1String ConnectionState {"connection.state"};
inline constexpr QLatin1String ConnectionUtilization {"connection.utilization"};
inline constexpr QLatin1String ConnectionIdentifier {"connection.identifier"};
inline constexpr QLatin1String RegisteredAsnPrefixKey {"registered-asn.prefix-key"};
inline constexpr QLatin1String MilestoneStage {"milestone.stage"};
inline constexpr QLatin1String MilestoneDate {"milestone.date"};
inline constexpr QLatin1String MilestoneSource {"milestone.source"};
inline constexpr QLatin1String OnboardingName {"onboarding.name"};
inline constexpr QLatin1String RequirementStatus {"requirement.status"};
// The PeeringDB cache against the document (warnings; only when the store has a cache).
inline constexpr QLatin1String PeeringDbMetro {"peeringdb.metro"};
inline constexpr QLatin1String PeeringDbFacility {"peeringdb.facility"};
inline constexpr QLatin1String PeeringDbSessionLan {"peeringdb.session-lan"};
// The checklist against the document (warnings).
inline constexpr QLatin1String RequirementContradicted {"requirement.contradicted"};
inline constexpr QLatin1String RequirementOpen {"requirement.open"};

} // namespace Peering::RuleId
