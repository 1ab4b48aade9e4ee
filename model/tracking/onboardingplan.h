// The expected timeline of an onboarding: the default plan of domain.md section 2 ("plan for
// three weeks or more": Active at day 21), as day offsets from the start, turned into milestones.
// The default for new onboardings is a setting (SettingsKey); one onboarding's plan is read back
// from its milestones (planStart, currentSteps) so it can be edited and replanned.
#pragma once

#include "domain/onboarding.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>

#include <optional>

namespace Peering {

class OnboardingPlan
{
    Q_DECLARE_TR_FUNCTIONS(Peering::OnboardingPlan)
public:
    struct Step
    {
        QString stage;
        int day; // days after the start when the stage is expected to end
        bool operator==(const Step &) const = default;
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

    // The settings key of the default plan for new onboardings (stepsToString text).
    static constexpr const char *SettingsKey = "tracking/plan";
    // The default plan from the settings: defaultSteps() when the key is unset, or when its text
    // does not parse; then ignored (when given) says why, and is left empty otherwise.
    static QList<Step> savedDefault(QString *ignored = nullptr);
    // Stores steps as the default plan; domain.md's defaults remove the key, so new onboardings
    // follow the built-in plan.
    static void saveDefault(const QList<Step> &steps);

    // The start date of an onboarding's plan: the earliest expected date of the first stage in
    // flow order that has one, minus that stage's day in steps (requirements is day 0, so
    // usually its expected date). Invalid when no milestone has an expected date.
    static QDate planStart(const Onboarding &onboarding,
                           const QList<Step> &steps = defaultSteps());

    // The onboarding's current plan as steps from start: each stage's day is the days from start
    // to its earliest expected date (0 when that date is before start); stages without an
    // expected date take their day from fallback. In flow order.
    static QList<Step> currentSteps(const Onboarding &onboarding, QDate start,
                                    const QList<Step> &fallback = defaultSteps());

    // What replan(onboarding, start, steps) would leave for each stage, in flow order: its
    // earliest expected date afterwards, and kept when a reached milestone holds the date.
    struct PlannedDate
    {
        QString stage;
        QDate expected;
        bool kept = false;
    };
    static QList<PlannedDate> preview(const Onboarding &onboarding, QDate start,
                                      const QList<Step> &steps);

    // The first stage (in flow order) planned to end before a stage that comes earlier in the
    // flow, with that earlier stage (the one planned latest). A plan may do this; it is worth a
    // warning, never a refusal.
    struct OrderProblem
    {
        QString stage;
        int day = 0;
        QString earlier;
        int earlierDay = 0;
    };
    static std::optional<OrderProblem> firstOutOfOrder(const QList<Step> &steps);
};

} // namespace Peering
