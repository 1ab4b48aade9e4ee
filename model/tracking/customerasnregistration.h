// Registering a customer ASN under a peering of a stored onboarding: the checks Azure makes
// (registered-asn.public, .requires-active, .prefix-key, and .unique against the whole store)
// before the store's own unique constraint, so the GUI shows one clear reason for a refusal.
#pragma once

#include "store/onboardingstore.h"

#include <QCoreApplication>

namespace Peering {

class CustomerAsnRegistration
{
    Q_DECLARE_TR_FUNCTIONS(Peering::CustomerAsnRegistration)
public:
    // Refused with StoreError::Kind::Invalid (rule and path set) when a rule fails, AsnTaken
    // when another onboarding holds the ASN, Conflict when someone saved in between.
    static StoreResult<StoredOnboarding> registerAsn(OnboardingStore &store,
                                                     const QString &onboardingName,
                                                     const RegisteredAsn &asn,
                                                     int expectedVersion);
};

} // namespace Peering
