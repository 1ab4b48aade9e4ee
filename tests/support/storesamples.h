// Deterministic onboardings for store tests, the kill test and the store benchmark: index i gives
// always the same document, with a unique name and unique customer ASNs, so that a test can
// check a stored onboarding against the one it generated.
#pragma once

#include "domain/onboarding.h"

namespace Peering::TestSupport {

// "Onboarding 000042" with `connections` connections (4 per peering, one metro per peering),
// `milestones` milestones (the stages in order, re-planned ones after the tenth; the first
// index % 11 stages reached), `mails` mail records and two registered customer ASNs.
Onboarding makeStoreOnboarding(int index, int connections = 4, int milestones = 20, int mails = 10);

QString storeOnboardingName(int index);

} // namespace Peering::TestSupport
