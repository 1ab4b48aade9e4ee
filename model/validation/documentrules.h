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
    // The checklist against the document: a requirement ticked met while its rule has a
    // finding, and the requirements still open. Runs after every other rule.
    static void checkChecklist(ValidationRun &run);
};

} // namespace Peering
