// Validation against JSON parsing of the same document: 64 connections, 2,000 advertised prefixes,
// 1,000 registered ASNs. Reports medians and their ratio; never fails on speed.
#include "median.h"
#include "document/onboardingdocument.h"
#include "samplegenerator.h"
#include "validation/onboardingvalidator.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Peering;

using Peering::TestSupport::medianMs;

namespace {

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const Onboarding onboarding = TestSupport::makeLargeOnboarding(64, 2000, 1000);
    const QByteArray json = OnboardingDocument::serialize(onboarding);

    // Warm up both paths (static tables, allocator).
    const Findings warm = OnboardingValidator::validate(onboarding);
    if (!OnboardingDocument::parse(json)) {
        std::fprintf(stderr, "bench_validation: the generated document does not parse\n");
        return 1;
    }

    volatile qsizetype sink = 0;
    const double validate = medianMs(301, [&] { sink = OnboardingValidator::validate(onboarding).size(); });
    const double parse = medianMs(51, [&] { sink = OnboardingDocument::parse(json)->prefixes.size(); });
    (void)sink;

    std::printf("bench_validation: document of %d connections, %lld prefixes, %lld registered ASNs, "
                "%lld bytes of JSON; %lld findings (%d errors)\n",
                onboarding.connectionCount(), qlonglong(onboarding.prefixes.size()),
                qlonglong(onboarding.registeredAsns.size()), qlonglong(json.size()),
                qlonglong(warm.size()), countSeverity(warm, Severity::Error));
    std::printf("bench_validation: validate median %.3f ms (301 runs)\n", validate);
    std::printf("bench_validation: parse JSON median %.3f ms (51 runs, baseline)\n", parse);
    std::printf("bench_validation: validate/parse ratio %.3f (target: validate < 1 ms and <= parse)\n",
                parse > 0 ? validate / parse : 0.0);
    return 0;
}
