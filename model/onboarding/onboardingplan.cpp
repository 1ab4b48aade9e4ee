#include "onboardingplan.h"

namespace Peering {

const QList<OnboardingPlan::Step> &OnboardingPlan::defaultSteps()
{
    static const QList<Step> steps{
        {QStringLiteral("requirements"), 0},   {QStringLiteral("asn-association"), 1},
        {QStringLiteral("peering-created"), 1}, {QStringLiteral("port-configured"), 8},
        {QStringLiteral("lag-up"), 12},         {QStringLiteral("bgp-mesh"), 18},
        {QStringLiteral("active"), 21},         {QStringLiteral("customer-asns"), 21},
        {QStringLiteral("keys-delivered"), 21}, {QStringLiteral("prefixes-activated"), 28},
    };
    return steps;
}

void OnboardingPlan::apply(Onboarding &onboarding, QDate start, const QList<Step> &steps)
{
    for (const Step &step : steps) {
        bool planned = false;
        for (const Milestone &m : onboarding.milestones)
            planned = planned || (m.stage == step.stage && !m.expected.isEmpty());
        if (planned)
            continue;
        Milestone m;
        m.stage = step.stage;
        m.expected = start.addDays(step.day).toString(Qt::ISODate);
        m.source = QStringLiteral("manual");
        onboarding.milestones.append(m);
    }
}

} // namespace Peering
