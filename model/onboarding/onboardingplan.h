// The expected timeline of an onboarding: the default plan of domain.md section 2 ("plan for
// three weeks or more": Active at day 21), as day offsets from the start, turned into milestones.
#pragma once

#include "domain/onboarding.h"

#include <QDate>
#include <QList>

#include <optional>

namespace Peering {

class OnboardingPlan
{
public:
    struct Step
    {
        QString stage;
        int day; // days after the start when the stage is expected to end
    };

    // requirements 0, asn-association 1, peering-created 1, port-configured 8, lag-up 12,
    // bgp-mesh 18, active 21, customer-asns 21, keys-delivered 21, prefixes-activated 28.
    static const QList<Step> &defaultSteps();

    // Adds a milestone with its expected date for every stage that has none yet; milestones the
    // onboarding already has (and their reached dates) are kept as they are.
    static void apply(Onboarding &onboarding, QDate start, const QList<Step> &steps = defaultSteps());

    // Moves the expected dates of the stages not yet reached to start + day (a new start date
    // or an edited plan); reached milestones keep the date they were planned for.
    static void replan(Onboarding &onboarding, QDate start, const QList<Step> &steps = defaultSteps());

    // The plan as settings text, "requirements=0,asn-association=1,...". parseSteps takes the
    // default for stages the text does not name and refuses unknown stages, negative days and
    // garbage (nothing, with error set), so a bad setting never yields a half plan.
    static QString stepsToString(const QList<Step> &steps);
    static std::optional<QList<Step>> parseSteps(const QString &text, QString *error = nullptr);

    // The expected date of a stage in a plan started on start (invalid for an unknown stage).
    static QDate expectedDate(const QString &stage, QDate start,
                              const QList<Step> &steps = defaultSteps());
};

} // namespace Peering
