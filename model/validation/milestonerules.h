// Shape checks of the tracking data: milestone and mail stages, milestone dates and sources.
#pragma once

#include <QCoreApplication>

namespace Peering {

class ValidationRun;

class MilestoneRules
{
    Q_DECLARE_TR_FUNCTIONS(Peering::MilestoneRules)
public:
    static void check(ValidationRun &run);
};

} // namespace Peering
