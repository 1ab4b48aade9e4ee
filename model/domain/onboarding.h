// One onboarding of one peer ASN to Microsoft: the whole peering-onboarding/1 document.
#pragma once

#include "advertisedprefix.h"
#include "mailrecord.h"
#include "milestone.h"
#include "peerasnassociation.h"
#include "peering.h"
#include "registeredasn.h"
#include "requirementcheck.h"

#include <QList>

namespace Peering {

struct Onboarding
{
    // The document format this value is read from and written as (OnboardingDocument).
    static constexpr const char *DocumentFormat = "peering-onboarding/1";
    // Written by an export from a store: the version of the stored onboarding the file is a
    // copy of. import --replace compares it with the store's, so that a stale file never
    // silently reverts a newer change. Never kept in the store's own copy.
    static constexpr const char *StoredVersionKey = "storedVersion";

    QString name;
    PeerAsnAssociation peerAsn;
    QList<PeeringResource> peerings;
    QList<AdvertisedPrefix> prefixes;
    QList<RegisteredAsn> registeredAsns;
    QList<Milestone> milestones;
    QList<MailRecord> mail;
    QList<RequirementCheck> requirements; // the technical-requirements checklist
    QJsonObject extra;

    // The distinct metros of the peerings, in order of first appearance.
    QStringList metros() const;
    // The Azure subscriptions of the peerings, each once, in document order. The peer ASN is
    // associated with each of them (a PeerAsn resource is per subscription).
    QStringList subscriptionIds() const;
    int connectionCount() const;
    // The BGP sessions with an MD5 key (secrets: left out of the store and of exports).
    int md5KeyCount() const;

    QJsonObject toJson(bool includeSecrets = true) const;
    static Onboarding fromJson(const QJsonObject &o, JsonReader &r);
    bool operator==(const Onboarding &) const = default;
};

} // namespace Peering

Q_DECLARE_METATYPE(Peering::Onboarding)
