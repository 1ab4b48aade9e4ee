#include "trackedstore.h"

#include "onboardingprogress.h"

namespace Peering {

StoreResult<std::unique_ptr<OnboardingStore>> TrackedStore::open(const StoreLocation &location,
                                                                 StoreOptions options)
{
    options.listColumns = &TrackedStore::listColumns;
    return OnboardingStore::open(location, options);
}

ListColumns TrackedStore::listColumns(const Onboarding &onboarding)
{
    const OnboardingProgress progress(onboarding);
    ListColumns columns;
    columns.stage = progress.currentStage();
    if (progress.nextMilestone()) {
        columns.nextStage = progress.nextMilestone()->stage;
        columns.nextExpected = progress.nextExpected();
    }
    return columns;
}

} // namespace Peering
