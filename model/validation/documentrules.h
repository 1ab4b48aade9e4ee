// Checks of the onboarding as a whole: its name (the store's key) and the requirements checklist.
#pragma once

#include <QCoreApplication>

namespace Peering {

class ValidationRun;

class DocumentRules
{
    Q_DECLARE_TR_FUNCTIONS(Peering::DocumentRules)
public:
    static void check(ValidationRun &run);
};

} // namespace Peering
