#include "milestonerules.h"

#include "ruleids.h"
#include "validationrun.h"

#include "domain/textchecks.h"

namespace Peering {

void MilestoneRules::check(ValidationRun &run)
{
    const Onboarding &o = run.onboarding();
    const auto stageMessage = [](const QString &stage) {
        return tr("Stage \"%1\" is not a stage of the onboarding; use one of %2")
            .arg(stage, ValidationRun::joinValues(Milestone::stages()));
    };

    for (qsizetype i = 0; i < o.milestones.size(); ++i) {
        const Milestone &m = o.milestones[i];
        const auto path = [i](const char *field) {
            return ValidationRun::itemPath(QLatin1String("milestones"), i, QLatin1String(field));
        };
        if (!m.stage.isEmpty() && !Milestone::stages().contains(m.stage))
            run.error(RuleId::MilestoneStage, path("stage"), stageMessage(m.stage));
        if (!m.expected.isEmpty() && !TextChecks::parseIsoDate(m.expected))
            run.error(RuleId::MilestoneDate, path("expected"),
                      tr("Expected date \"%1\" is not an ISO date; write it such as 2026-11-21")
                          .arg(m.expected));
        if (!m.reached.isEmpty() && !TextChecks::parseIsoDateTime(m.reached))
            run.error(RuleId::MilestoneDate, path("reached"),
                      tr("Reached time \"%1\" is not an ISO date-time; write it such as "
                         "2026-11-21T10:00:00Z")
                          .arg(m.reached));
        if (!Milestone::sources().contains(m.source))
            run.error(RuleId::MilestoneSource, path("source"),
                      tr("Milestone source \"%1\" is not known; use one of %2")
                          .arg(m.source, ValidationRun::joinValues(Milestone::sources())));
    }

    for (qsizetype i = 0; i < o.mail.size(); ++i) {
        const MailRecord &m = o.mail[i];
        if (!m.stage.isEmpty() && !Milestone::stages().contains(m.stage))
            run.error(RuleId::MilestoneStage,
                      ValidationRun::itemPath(QLatin1String("mail"), i, QLatin1String("stage")),
                      stageMessage(m.stage));
    }
}

} // namespace Peering
