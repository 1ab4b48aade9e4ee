// The median wall time of repeated runs, for benchmarks (figures, never pass/fail on speed).
#pragma once

#include <QElapsedTimer>

#include <algorithm>
#include <vector>

namespace Peering::TestSupport {

template<typename Fn>
double medianMs(int runs, Fn fn)
{
    std::vector<double> times;
    times.reserve(size_t(runs));
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        fn();
        times.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace Peering::TestSupport
