#include "skipexit.h"

#include <cstdio>
#include <cstdlib>

namespace Peering::TestSupport {

namespace {

void exitSkipped()
{
    std::fflush(nullptr);
    // _Exit: exit() again from an atexit handler is undefined; there is nothing left to clean up.
    std::_Exit(SkippedExitCode);
}

} // namespace

void exitAsSkipped()
{
    static bool registered = false;
    if (!registered)
        std::atexit(exitSkipped);
    registered = true;
}

} // namespace Peering::TestSupport
