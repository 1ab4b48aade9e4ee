// The store's results: the model's one Result type with a StoreError, which says why there is no
// value in a structured way (a conflict's author and time, the rule of a refusal).
#pragma once

#include "domain/result.h"
#include "storeerror.h"

namespace Peering {

template<typename T> using StoreResult = Result<T, StoreError>;

// For operations that produce nothing but can fail.
struct StoreDone
{
};
using StoreStatus = StoreResult<StoreDone>;

} // namespace Peering
