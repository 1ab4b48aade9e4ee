// The one way a change reaches a stored onboarding: load it, check that it is the version the
// caller saw, apply one TrackingChange, validate, and save with that version. A conflict is
// returned (who saved, when), never overwritten; a change that adds an error is refused with
// the finding, and the store is left as it was.
#pragma once

#include "domain/result.h"
#include "store/onboardingstore.h"

#include <QCoreApplication>

#include <functional>

namespace Peering {

class TrackingService
{
    Q_DECLARE_TR_FUNCTIONS(Peering::TrackingService)
public:
    using Change = std::function<Result<Onboarding>(const Onboarding &)>;

    explicit TrackingService(OnboardingStore &store) : m_store(store) {}

    // expectedVersion: the version the caller's view shows (0: whatever is stored now).
    StoreResult<StoredOnboarding> apply(const QString &name, int expectedVersion,
                                        const Change &change);

private:
    OnboardingStore &m_store;
};

} // namespace Peering
