// Builds large, valid onboardings in code for benchmarks and stress tests.
#pragma once

#include "domain/onboarding.h"

namespace Peering::TestSupport {

// connections spread over peerings of 8 connections each (one metro per peering), every
// connection Active with two routers of its own, /31 sessions, public /24 prefixes, and
// registered customer ASNs; the result validates without errors.
Onboarding makeLargeOnboarding(int connections, int prefixes, int registeredAsns);

} // namespace Peering::TestSupport
