#include "onboardingvalidator.h"

#include "documentrules.h"
#include "milestonerules.h"
#include "peerasnrules.h"
#include "peeringdbrules.h"
#include "peeringrules.h"
#include "prefixrules.h"
#include "registeredasnrules.h"
#include "ruleids.h"
#include "validationrun.h"

namespace Peering {

const QStringList &OnboardingValidator::ruleIds()
{
    using namespace RuleId;
    static const QStringList ids {
        // domain.md section 4, in table order
        BasicsSubscriptionId, BasicsResourceGroup, BasicsPeeringName, AsnPublic, AsnInt32,
        PeerAsnApproved,
        ContactNoc, ContactEmail, ContactCorporateDomain, ConfigKind, ConfigNetwork, ConfigSku,
        ConfigMetro, ConnectionsAtLeastOne, ConnectionSessionAddressProvider,
        ConnectionUseForPeeringService, ConnectionFacility, BandwidthMinimum, BandwidthEqual,
        RedundancyLocal, DiversityRouters, BackupOtherLocation, RedundancyGeo, MeshExtraConnection,
        InterconnectLacp, InterconnectStatefulFirewall, InterconnectRateLimit, BgpSessionPrefix,
        BgpMaxPrefixFromMicrosoft, PrefixIpv4Public, PrefixRegistered, PrefixCommunity,
        PrefixTrafficClass, AsPathPrivateAsn, AsPathLength, AsPathLengthRecommended,
        RegisteredAsnRequiresActive, RegisteredAsnUnique, RegisteredAsnPublic,
        RegisteredAsnInt32,
        // shape checks the table does not name
        ContactRole, ConnectionRole, ConnectionState, ConnectionUtilization, ConnectionIdentifier, RegisteredAsnPrefixKey,
        MilestoneStage, MilestoneDate, MilestoneSource, OnboardingName, RequirementStatus,
        // the PeeringDB cache against the document
        PeeringDbMetro, PeeringDbFacility, PeeringDbSessionLan,
        // the checklist against the document
        RequirementContradicted, RequirementOpen,
        // values the scripts pass on
        ValueLeadingAt, TextHiddenCharacters};
    return ids;
}

Findings OnboardingValidator::validate(const Onboarding &onboarding,
                                       const ValidationContext &context)
{
    // Document order: name and checklist, peer ASN, peerings, prefixes, registered ASNs,
    // milestones and mail.
    ValidationRun run(onboarding, context);
    DocumentRules::check(run);
    DocumentRules::checkScriptValues(run);
    DocumentRules::checkHiddenCharacters(run);
    PeerAsnRules::check(run);
    PeeringRules(run).check();
    PeeringDbRules::check(run);
    PrefixRules::check(run);
    RegisteredAsnRules::check(run);
    MilestoneRules::check(run);
    DocumentRules::checkChecklist(run);
    return run.takeFindings();
}

} // namespace Peering
