// Opens an onboarding store with the tracker's derivation of the list columns (current stage,
// next milestone), so that the list, `list --format json` and the tracker never disagree. Every
// program opens its store here; the store itself knows nothing of stages.
#pragma once

#include "store/onboardingstore.h"

namespace Peering {

class TrackedStore
{
public:
    static StoreResult<std::unique_ptr<OnboardingStore>> open(const StoreLocation &location,
                                                              StoreOptions options = {});

    // OnboardingProgress's current stage and next milestone of one document.
    static ListColumns listColumns(const Onboarding &onboarding);
};

} // namespace Peering
